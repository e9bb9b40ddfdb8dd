"""The largest files the import accepts import within 300 MB of memory (measured with the
command line, in a process of its own). Slow: ``pytest -m slow``."""

from __future__ import annotations

import csv
import os
import random
import resource
import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path

import pytest

from funnel_desktop.core.limits import MAX_IMPORT_BYTES, MAX_IMPORT_ROWS

ROOT = Path(__file__).resolve().parents[2]
LIMIT_MB = 300


def _peak_mb_of_import(tmp_path: Path, csv_path: Path, *mapping: str) -> float:
    code = ("import resource, sys\n"
            "from funnel_desktop.cli import main\n"
            "rc = main(sys.argv[1:])\n"
            "print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, file=sys.stderr)\n"
            "sys.exit(rc)\n")
    env = {**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run([sys.executable, "-c", code, "import", str(csv_path), "--db",
                           str(tmp_path / "big.sqlite"), "--currency", "CNY", *mapping],
                          env=env, capture_output=True, text=True, timeout=900)
    assert done.returncode == 0, done.stderr
    return int(done.stderr.strip().splitlines()[-1]) / 1024


@pytest.mark.slow
def test_the_most_rows_accepted_import_within_300_mb(tmp_path: Path):
    from funnel_desktop.bench.datasets import import_mapping, write_csv

    path = write_csv(tmp_path / "rows.csv", MAX_IMPORT_ROWS, date(2026, 11, 24))
    preset = import_mapping().save(tmp_path / "p.json")
    peak = _peak_mb_of_import(tmp_path, path, "--mapping", str(preset))
    print(f"{MAX_IMPORT_ROWS:,} rows: peak {peak:.0f} MB")
    assert peak < LIMIT_MB


@pytest.mark.slow
@pytest.mark.parametrize("width", [300, 40], ids=["long text", "many customers"])
def test_the_most_text_accepted_imports_within_300_mb(tmp_path: Path, width: int):
    """As many rows as fit in the byte bound, every cell kept: a new customer on every row,
    with unique titles, names, notes and phones (long ones, or as many rows as allowed)."""
    rng = random.Random(1)
    path = tmp_path / "text.csv"
    with open(path, "w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(["title", "customer", "notes", "amount", "stage", "created", "owner",
                    "phone"])
        n = 0
        while fh.tell() < MAX_IMPORT_BYTES - 2000 and n < MAX_IMPORT_ROWS:
            n += 1
            day = date(2025, 1, 1) + timedelta(days=rng.randint(0, 600))
            w.writerow([f"Deal {n} " + "t" * (width * 6 // 10), f"Customer {n} " + "c" *
                        (width // 4), f"Note {n} " + "n" * (width // 4),
                        rng.randint(1, 9999) * 100, rng.choice(["Won", "Lost", "Prospecting"]),
                        day.isoformat(), f"Owner {n % 40}", f"13800{n:06d}"])
    assert path.stat().st_size <= MAX_IMPORT_BYTES
    peak = _peak_mb_of_import(tmp_path, path)
    print(f"{n:,} rows of long text ({path.stat().st_size / 2**20:.0f} MB): peak {peak:.0f} MB")
    assert peak < LIMIT_MB


def test_this_process_measures_kilobytes():
    assert resource.getrusage(resource.RUSAGE_SELF).ru_maxrss > 1000  # KB on Linux
