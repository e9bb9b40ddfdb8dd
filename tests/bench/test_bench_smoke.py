"""The benchmark runs end to end on a tiny database and writes every figure (no timing is
asserted: speed is the benchmark's business, not the tests')."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from funnel_desktop.bench import TARGETS


def test_the_benchmark_writes_every_key(tmp_path: Path):
    out = tmp_path / "bench.json"
    env = dict(os.environ, FUNNEL_BENCH_CACHE=str(tmp_path / "cache"))
    done = subprocess.run(
        [sys.executable, "-m", "funnel_desktop.bench", "--sizes", "200", "--drops", "3",
         "--runs", "1", "--repeats", "2", "--json", str(out)],
        env=env, capture_output=True, text=True, timeout=600, check=False)
    assert done.returncode == 0, done.stderr
    assert "drop p95 (ms)" in done.stdout and "import (rows/s)" in done.stdout
    assert "load average at start" in done.stdout and " / " in done.stdout  # min / med / max
    report = json.loads(out.read_text(encoding="utf-8"))
    assert report["sizes"] == [200] and report["machine"]["cpus"] >= 1
    assert len(report["machine"]["load_average_at_start"]) == 3
    assert report["machine"]["yardstick_s"] > 0 and report["repeats"] == 2
    r = report["results"]["200"]
    assert set(r) == {"dataset", "cold_start", "board", "metrics", "report", "import", "stall"}
    assert {"app_s", "bare_s", "ratio", "app", "bare", "pair_ratio", "app_runs",
            "bare_runs"} <= set(r["cold_start"])
    assert len(r["cold_start"]["app_runs"]) == 1
    spread = {"n", "min", "median", "max"}
    board = r["board"]
    assert {"load_s", "rss_board_mb", "peak_rss_mb", "analytics_s", "drops", "periods",
            "raw_move_ms", "drop_ratio", "analytics_max_s", "analytics_peak_rss_mb",
            "consistent", "analytics_path", "runs"} <= set(board)
    assert len(board["runs"]) == 2 and set(board["load_s"]) == spread
    assert board["load_s"]["n"] == 2 and board["consistent"] is True
    assert board["drops"]["accepted"]["median"] == 3
    for drops in (board["drops"], board["drops_before_analytics"]):
        for part in ("total_ms", "commit_ms", "refresh_ms", "analytics_ms", "paint_ms"):
            assert set(drops[part]) == {"n", "median", "p95", "max"}
            assert set(drops[part]["p95"]) == spread
    assert set(board["periods"]) == {"month", "quarter", "year", "last12"}
    for figures in board["periods"].values():
        assert set(figures["refresh_s"]) == spread and set(figures["peak_rss_mb"]) == spread
    assert r["metrics"]["agree"] is True and r["metrics"]["disagree"] == []
    assert {"orm_s", "load_funnel_s", "compute_s", "raw_sql_s", "ratio",
            "ratio_of_medians"} <= set(r["metrics"])
    assert set(r["metrics"]["orm_s"]) == spread and r["metrics"]["orm_s"]["n"] == 2
    assert r["report"]["pages"] >= 1 and {"gather_s", "pdf_s", "total_s"} <= set(r["report"])
    assert r["import"]["rows"] == 200 and {"rows_per_s", "undo_s", "raw_rows_per_s", "ratio",
                                           "raw_delete_s", "undo_ratio"} <= set(r["import"])
    assert set(r["import"]["rows_per_s"]) == spread and len(r["import"]["runs"]) == 2
    assert r["stall"]["rows"] == 200 and r["stall"]["import"]["beats"] >= 1
    assert {"longest_ms", "p99_ms"} <= set(r["stall"]["import"]) <= set(r["stall"]["undo"])
    assert set(report["targets"]) == set(TARGETS)
    assert all(t["at"] == 200 and t["value"] is not None for t in report["targets"].values())


def test_the_team_benchmark_measures_clients_on_sqlite_and_postgresql(tmp_path: Path,
                                                                      monkeypatch):
    """Clients drop cards for a moment; every figure is there and nothing was lost (the
    one figure a test may assert: lost updates are a bug, not a speed)."""
    from funnel_desktop.bench.team import measure_team

    monkeypatch.setenv("FUNNEL_BENCH_CACHE", str(tmp_path / "cache"))
    pg = os.environ.get("FUNNEL_TEST_DB_URL")
    out = measure_team(tmp_path, pg_url=pg, clients_pg=3, clients_sqlite=2, seconds=2,
                       deals=200)
    assert set(out) == ({"sqlite", "postgresql"} if pg else {"sqlite"})
    for kind, figures in out.items():
        assert figures["commits"] > 0, kind
        assert figures["lost_updates"] == 0 and figures["board_agrees"] is True
        assert figures["not_seen"] == 0, figures
        assert {"median", "p95", "max", "n"} <= set(figures["propagation_ms"])
