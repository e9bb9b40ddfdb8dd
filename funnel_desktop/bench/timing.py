"""Small timing and memory helpers of the benchmark."""

from __future__ import annotations

import math
import os
import resource
import statistics
import sys
import time
from collections.abc import Callable
from typing import Any


def clock() -> float:
    """A monotonic clock in seconds."""
    return time.perf_counter()


def timed(fn: Callable[[], Any]) -> tuple[float, Any]:
    """(seconds, result) of one call."""
    t = time.perf_counter()
    out = fn()
    return time.perf_counter() - t, out


def best_of(fn: Callable[[], Any], repeats: int) -> tuple[float, Any]:
    """The fastest of ``repeats`` calls (seconds) and the last result."""
    best, out = math.inf, None
    for _ in range(max(1, repeats)):
        t, out = timed(fn)
        best = min(best, t)
    return best, out


def spread(values: list[float], digits: int = 4) -> dict[str, Any]:
    """Min, median and max of several runs of one figure (and how many runs)."""
    if not values:
        return {"n": 0, "min": None, "median": None, "max": None}
    return {"n": len(values), "min": round(min(values), digits),
            "median": round(statistics.median(values), digits),
            "max": round(max(values), digits)}


def is_spread(value: Any) -> bool:
    """Whether ``value`` is what :func:`spread` returns."""
    return isinstance(value, dict) and set(value) == {"n", "min", "median", "max"}


def combine(runs: list[Any]) -> Any:
    """Several runs' results (equal nested dicts) as one: each number a :func:`spread`
    over the runs, a flag true only when it is true in every run, anything else as in the
    first run. A figure that is already a spread (the drops' median / p95 / max of one run)
    becomes the spread of each of its parts."""
    first = runs[0]
    if isinstance(first, bool):
        return all(bool(r) for r in runs)
    if isinstance(first, int | float) and first is not None:
        values = [float(r) for r in runs if isinstance(r, int | float)]
        return spread(values)
    if isinstance(first, dict):
        keys = [k for k in first if all(isinstance(r, dict) and k in r for r in runs)]
        return {k: combine([r[k] for r in runs]) for k in keys}
    return first


def load_average() -> list[float] | None:
    """The 1-, 5- and 15-minute load averages (None where the system has none)."""
    try:
        return [round(x, 2) for x in os.getloadavg()]
    except OSError:
        return None


#: Iterations of :func:`yardstick`'s loop.
YARDSTICK_LOOPS = 2_000_000


def yardstick(repeats: int = 5) -> float:
    """Seconds (the fastest of ``repeats``) a fixed pure-Python loop takes here: how fast
    this machine runs this interpreter at the moment. Figures divided by it compare roughly
    between machines (the README's machine: see its table)."""
    def loop() -> int:
        acc = 0
        for i in range(YARDSTICK_LOOPS):
            acc += i & 7
        return acc

    return round(best_of(loop, repeats)[0], 4)


def percentile(values: list[float], q: float) -> float:
    """The ``q``-th percentile (0–100) by the nearest-rank rule."""
    if not values:
        return math.nan
    ordered = sorted(values)
    rank = max(1, math.ceil(q / 100 * len(ordered)))
    return ordered[rank - 1]


def summary_ms(seconds: list[float]) -> dict[str, float]:
    """Median, p95 and max of durations, in milliseconds."""
    ms = [s * 1000 for s in seconds]
    return {"n": len(ms), "median": round(statistics.median(ms), 3) if ms else math.nan,
            "p95": round(percentile(ms, 95), 3), "max": round(max(ms), 3) if ms else math.nan}


def peak_rss_mb() -> float:
    """Peak resident set size of this process in MB: Linux's ``VmHWM`` (the high-water mark
    of this program's memory; ``ru_maxrss`` would keep the parent's from before ``exec``),
    else ``getrusage``."""
    hwm = _status_mb("VmHWM")
    if hwm is not None:
        return hwm
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return round(peak / (1024 * 1024 if sys.platform == "darwin" else 1024), 1)


def reset_peak_rss() -> bool:
    """Start Linux's peak RSS (``VmHWM``) afresh at the current size (``clear_refs`` 5), so
    that the next :func:`peak_rss_mb` is the peak of what runs from now on; False where
    that is not possible (the peak then stays the process's)."""
    try:
        with open("/proc/self/clear_refs", "w", encoding="ascii") as fh:
            fh.write("5")
        return True
    except OSError:
        return False


def current_rss_mb() -> float | None:
    """Resident set size of this process now in MB (Linux's ``VmRSS``; None elsewhere)."""
    return _status_mb("VmRSS")


def _status_mb(key: str) -> float | None:
    """The ``key`` line of Linux's ``/proc/self/status`` (kB) in MB; None without it."""
    try:
        with open("/proc/self/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith(key + ":"):
                    return round(int(line.split()[1]) / 1024, 1)
    except OSError:
        pass
    return None
