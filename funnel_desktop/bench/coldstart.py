"""Cold start: process launch → first paint of the app's board, beside a bare QMainWindow
started the same way in the same run (several launches each, interleaved: min / median /
max of each, and the ratio app ÷ bare window of the medians and of each pair)."""

from __future__ import annotations

import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from .board import child_env
from .datasets import Dataset, working_copy
from .timing import load_average, spread

RUNS = 5


def _launch(cmd: list[str], env: dict[str, str], stamp: Path) -> float:
    """Seconds from just before the launch to the first paint the child wrote down."""
    stamp.unlink(missing_ok=True)
    env = dict(env, FUNNEL_BENCH_FIRST_PAINT=str(stamp))
    t0 = time.time()
    subprocess.run(cmd, env=env, check=True, timeout=600, stdout=subprocess.DEVNULL)
    return float(stamp.read_text(encoding="utf-8")) - t0


def measure_cold_start(ds: Dataset, workdir: Path, runs: int = RUNS) -> dict[str, Any]:
    """Median seconds to first paint of the app on a copy of ``ds`` and of a bare window.
    One launch of each first, not counted (file caches, the first rolling backup)."""
    db = working_copy(ds, workdir / "coldstart")
    env = child_env(workdir / "home")
    stamp = workdir / "coldstart" / "first-paint.txt"
    app_cmd = [sys.executable, "-m", "funnel_desktop", "--db", str(db), "--lang", "en"]
    bare_cmd = [sys.executable, "-m", "funnel_desktop.bench.bare_window"]
    app_runs, bare_runs = [], []
    for i in range(runs + 1):
        b = _launch(bare_cmd, env, stamp)
        a = _launch(app_cmd, env, stamp)
        if i:
            bare_runs.append(b)
            app_runs.append(a)
    app_s, bare_s = statistics.median(app_runs), statistics.median(bare_runs)
    return {"app_s": round(app_s, 3), "bare_s": round(bare_s, 3),
            "ratio": round(app_s / bare_s, 2) if bare_s else None,
            "app": spread(app_runs, 3), "bare": spread(bare_runs, 3),
            "pair_ratio": spread([a / b for a, b in zip(app_runs, bare_runs, strict=True)
                                  if b], 2),
            "app_runs": [round(x, 3) for x in app_runs],
            "bare_runs": [round(x, 3) for x in bare_runs], "load_average": load_average()}
