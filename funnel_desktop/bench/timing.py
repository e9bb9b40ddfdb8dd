"""Small timing and memory helpers of the benchmark."""

from __future__ import annotations

import math
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
