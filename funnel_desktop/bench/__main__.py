"""``python -m funnel_desktop.bench [--sizes 1000,10000,100000] [--json out.json]``."""

from __future__ import annotations

import argparse
import json
import os
import platform
import sys
import tempfile
from pathlib import Path
from typing import Any

PARTS = ("coldstart", "board", "metrics", "report", "import", "stall", "team")
#: What runs without ``--only`` (the several-clients run takes its own half minute per
#: database: ``--only team``).
DEFAULT_PARTS = PARTS[:-1]


def _machine() -> dict[str, Any]:
    import subprocess

    import PySide6

    try:
        head = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True,
                              text=True, timeout=10, cwd=Path(__file__).parent,
                              check=False).stdout.strip()
    except OSError:
        head = ""
    return {"cpus": os.cpu_count(), "python": platform.python_version(),
            "platform": platform.platform(), "pyside6": PySide6.__version__,
            "commit": head}


def _load() -> str:
    from .timing import load_average

    load = load_average()
    return "?" if load is None else " ".join(f"{x:.2f}" for x in load)


def _log(text: str) -> None:
    print(text, file=sys.stderr, flush=True)


def run(sizes: list[int], parts: tuple[str, ...], *, drops: int, runs: int, seed: int,
        workdir: Path, team: dict[str, Any] | None = None, repeats: int = 3
        ) -> dict[str, Any]:
    """Measure every part at every size (each timed part ``repeats`` times); the results
    keyed by size (as text)."""
    from PySide6.QtWidgets import QApplication

    from .board import measure_board
    from .coldstart import measure_cold_start
    from .datasets import dataset
    from .importing import measure_import
    from .metrics import measure_metrics
    from .report import measure_report
    from .stall import measure_stall

    app = QApplication.instance() or QApplication(sys.argv[:1])  # for the report's PDF
    results: dict[str, Any] = {}
    if "team" in parts:
        from .team import measure_team

        _log("[bench] several clients on one database …")
        results["team"] = measure_team(workdir, **(team or {}))
        if parts == ("team",):
            return results
    for size in sizes:
        _log(f"[bench] {size:,} deals: dataset …")
        ds = dataset(size, seed)
        r: dict[str, Any] = {"dataset": {"build_s": ds.build_s, "cached": ds.cached,
                                         "open": ds.open, "today": ds.today.isoformat(),
                                         "path": str(ds.path)}}
        steps = (("coldstart", "cold_start", lambda ds=ds: measure_cold_start(ds, workdir, runs)),
                 ("board", "board", lambda ds=ds: measure_board(ds, workdir, drops, repeats)),
                 ("metrics", "metrics", lambda ds=ds: measure_metrics(ds, repeats)),
                 ("report", "report", lambda ds=ds: measure_report(ds, workdir, repeats)),
                 ("import", "import", lambda ds=ds: measure_import(ds, workdir, repeats)),
                 ("stall", "stall", lambda ds=ds: measure_stall(ds, workdir)))
        for part, key, fn in steps:
            if part in parts:
                _log(f"[bench] {size:,} deals: {part} … (load average {_load()})")
                r[key] = fn()
        results[str(size)] = r
    del app
    return results


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m funnel_desktop.bench",
                                description="Measure Funnel Desktop at N deals.")
    p.add_argument("--sizes", default="1000,10000,100000",
                   help="comma-separated deal counts (default: 1000,10000,100000)")
    p.add_argument("--json", help="write the results to this JSON file")
    p.add_argument("--drops", type=int, default=200, help="measured drops per size")
    p.add_argument("--runs", type=int, default=5, help="cold-start launches per size")
    p.add_argument("--repeats", type=int, default=3,
                   help="runs of each other timed part (min / median / max of them)")
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--only", default=",".join(DEFAULT_PARTS),
                   help=f"parts to run, of {','.join(PARTS)} (default: all but team)")
    p.add_argument("--workdir", help="folder for working copies (default: a temporary one)")
    p.add_argument("--clients", type=int, default=8,
                   help="team: client processes on PostgreSQL (3 on SQLite)")
    p.add_argument("--seconds", type=float, default=30, help="team: how long they drop cards")
    p.add_argument("--pg", default=os.environ.get("FUNNEL_BENCH_PG_URL")
                   or os.environ.get("FUNNEL_TEST_DB_URL"),
                   help="team: a PostgreSQL database to use (its tables are replaced)")
    args = p.parse_args(argv)
    try:
        sizes = [int(s.replace("_", "")) for s in args.sizes.split(",") if s.strip()]
    except ValueError:
        p.error("--sizes takes whole numbers, e.g. 1000,10000")
    parts = tuple(x.strip() for x in args.only.split(",") if x.strip())
    if unknown := [x for x in parts if x not in PARTS]:
        p.error(f"unknown part(s): {', '.join(unknown)}")
    if not sizes or min(sizes) < 10 or args.drops < 1 or args.runs < 1 or args.repeats < 1:
        p.error("sizes must be at least 10, --drops, --runs and --repeats at least 1")
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from .table import check_targets, render
    from .timing import load_average, yardstick

    load_at_start = load_average()
    speed = yardstick()
    print(f"load average at start: {_load()} · {os.cpu_count()} cores · yardstick (a fixed "
          f"Python loop, fastest of 5): {speed:.3f} s", flush=True)

    with tempfile.TemporaryDirectory(prefix="funnel-bench-") as tmp:
        workdir = Path(args.workdir) if args.workdir else Path(tmp)
        home = workdir / "home"
        os.environ["FUNNEL_DESKTOP_HOME"] = str(home)  # settings stay out of the profile
        os.environ["XDG_CONFIG_HOME"] = str(home / "config")
        results = run(sizes, parts, drops=args.drops, runs=args.runs, seed=args.seed,
                      workdir=workdir, team={"pg_url": args.pg, "clients_pg": args.clients,
                                             "seconds": args.seconds}, repeats=args.repeats)
    targets = check_targets(results)
    print(render(results, targets))
    if args.json:
        out = {"machine": {**_machine(), "load_average_at_start": load_at_start,
                           "yardstick_s": speed, "load_average_at_end": load_average()},
               "sizes": sizes, "drops": args.drops, "cold_start_runs": args.runs,
               "repeats": args.repeats, "seed": args.seed, "results": results,
               "targets": targets}
        Path(args.json).write_text(json.dumps(out, indent=1, ensure_ascii=False),
                                   encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
