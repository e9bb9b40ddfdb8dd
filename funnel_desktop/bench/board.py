"""Board load, memory and drop → committed → refreshed → repainted, in a fresh process;
then the Analytics page's full refresh in every period, each with its own peak RSS.

Run by :func:`measure_board` as ``python -m funnel_desktop.bench.board`` (several times: min /
median / max of every figure) so that each run gets its own peak RSS. The window is the app's
:class:`MainWindow` (offscreen); a drop is the drag-enter / drag-move / drop events sent to a
column's viewport, as the UI tests do. Beside the drops, the same run times their raw
baseline: the statements a move writes, by the driver alone, on a copy of the file.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any, cast

from .datasets import Dataset, cache_dir, working_copy
from .timing import (
    clock,
    combine,
    current_rss_mb,
    load_average,
    peak_rss_mb,
    reset_peak_rss,
    summary_ms,
)

WARMUP_DROPS = 5
#: The Analytics periods each run refreshes the page in (the page's default first).
PERIODS = ("quarter", "month", "year", "last12")


def child_env(home: Path) -> dict[str, str]:
    """The environment of a measured child: offscreen, settings in a throw-away home, and
    compiled bytecode kept in the benchmark's cache folder (as an installed app has it, even
    where ``PYTHONDONTWRITEBYTECODE`` is set; the checkout stays clean)."""
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env.update({"QT_QPA_PLATFORM": "offscreen", "FUNNEL_DESKTOP_HOME": str(home),
                "XDG_CONFIG_HOME": str(home / "config"),
                "PYTHONPYCACHEPREFIX": str(cache_dir() / "pycache")})
    return env


def measure_board(ds: Dataset, workdir: Path, drops: int = 200, repeats: int = 3
                  ) -> dict[str, Any]:
    """Run the board worker ``repeats`` times, each on a fresh copy of ``ds``: every figure
    as min / median / max over the runs (``runs``: each run's own)."""
    runs = []
    for _ in range(max(1, repeats)):
        db = working_copy(ds, workdir / "board")
        raw = working_copy(ds, workdir / "board", "raw-moves.sqlite")
        out = workdir / "board" / f"board-{ds.size}.json"
        cmd = [sys.executable, "-m", "funnel_desktop.bench.board", "--db", str(db),
               "--raw-db", str(raw), "--today", ds.today.isoformat(), "--drops", str(drops),
               "--out", str(out)]
        subprocess.run(cmd, env=child_env(workdir / "home"), check=True, timeout=3600)
        runs.append(json.loads(out.read_text(encoding="utf-8")))
    result = combine(runs)
    result["runs"] = runs
    return result


def raw_moves(db: str, n: int) -> dict[str, Any]:
    """``n`` moves by the driver alone, each its own transaction, on the file ``db`` (a copy):
    the rows a move reads and writes — the deal, its stage, its stays (read, closed, one
    added), the deal updated and read again, one change-feed row. The floor under a drop's
    commit on this machine, now."""
    import sqlite3

    con = sqlite3.connect(db, isolation_level=None)
    try:
        con.execute("PRAGMA synchronous = normal")
        con.execute("PRAGMA journal_mode = wal")
        stages = [sid for (sid,) in con.execute(
            "SELECT id FROM stage WHERE kind = 'open' ORDER BY position")]
        deals = [i for (i,) in con.execute(
            "SELECT d.id FROM deal d JOIN stage s ON s.id = d.stage_id WHERE s.kind = 'open' "
            "ORDER BY d.id LIMIT ?", (n + WARMUP_DROPS,))]
        times = []
        for k, deal_id in enumerate(deals):
            now = datetime(2030, 1, 1) + timedelta(seconds=k)
            t0 = clock()
            con.execute("BEGIN IMMEDIATE")
            row = con.execute("SELECT * FROM deal WHERE id = ?", (deal_id,)).fetchone()
            new = stages[(stages.index(row[4]) + 1) % len(stages)] if row[4] in stages \
                else stages[0]
            con.execute("SELECT * FROM stage WHERE id = ?", (new,)).fetchone()
            con.execute("SELECT * FROM stage_history WHERE deal_id = ?", (deal_id,)).fetchall()
            con.execute("UPDATE stage_history SET left_at = ?, version = version + 1 "
                        "WHERE deal_id = ? AND left_at IS NULL", (now, deal_id))
            con.execute('INSERT INTO stage_history (deal_id, stage_id, entered_at, "by") '
                        "VALUES (?, ?, ?, 'bench')", (deal_id, new, now))
            con.execute("UPDATE deal SET stage_id = ?, stage_entered_at = ?, updated_at = ?, "
                        "version = version + 1 WHERE id = ?", (new, now, now, deal_id))
            con.execute("SELECT * FROM deal WHERE id = ?", (deal_id,)).fetchone()
            con.execute("SELECT * FROM stage_history WHERE deal_id = ?", (deal_id,)).fetchall()
            con.execute('INSERT INTO change_feed (at, "by", client, action, kinds, deal_ids, '
                        "customer_ids, moves) VALUES (?, 'bench', 'raw', 'move deals', "
                        "'deals', ?, '', ?)", (now, str(deal_id), f"{deal_id}:{row[4]}:{new}"))
            con.execute("COMMIT")
            if k >= WARMUP_DROPS:
                times.append(clock() - t0)
    finally:
        con.close()
    return summary_ms(times)


# -- the worker (in the child process) ------------------------------------------------------
def _paint_spy():  # -> QObject
    from PySide6.QtCore import QEvent, QObject

    class PaintSpy(QObject):
        """Whether a widget received a paint event since :meth:`watch`."""

        widget: Any = None
        seen = False

        def watch(self, widget: Any) -> None:
            if self.widget is not None:
                self.widget.removeEventFilter(self)
            self.widget, self.seen = widget, False
            widget.installEventFilter(self)

        def eventFilter(self, watched: Any, event: Any) -> bool:
            if event.type() == QEvent.Type.Paint:
                self.seen = True
            return False

    return PaintSpy()


def _worker(db: str, today: date, drops: int, raw_db: str | None = None
            ) -> dict[str, Any]:
    t_start = clock()
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from ..core.funnel_chart import funnel_chart, with_snapshot
    from ..core.values import DealFacts, Period
    from ..services import Services
    from ..store import screen_queries as sq
    from ..store.analytics_queries import load_snapshot
    from ..store.db import open_database
    from ..store.queries import load_funnel
    from ..ui.app import setup_application
    from ..ui.board.board_model import IdRole
    from ..ui.main_window import MainWindow
    from .drops import send_drop

    app = cast(QApplication, QApplication.instance()) or QApplication(sys.argv[:1])
    setup_application(app, "en")
    imports_s = clock() - t_start
    now = datetime(today.year, today.month, today.day, 12, 0)
    settings = QSettings(str(Path(tempfile.mkdtemp()) / "bench.ini"), QSettings.Format.IniFormat)

    t0 = clock()
    opened = open_database(db)
    services = Services(user="bench")
    window = MainWindow(services, opened, "en", settings, today=lambda: today,
                        now=lambda: now)
    window.resize(1440, 900)
    window.show()
    app.processEvents()
    load_s = clock() - t0
    rss_board = peak_rss_mb()
    page = window.board_page
    pid = page.pipeline_id
    assert pid is not None

    marks: dict[str, float] = {}

    def mark_refreshed(_changes: Any) -> None:
        """The end of every panel's refresh (connected last, so called last)."""
        marks["refreshed"] = clock()

    write = services.write

    def timed_write(fn: Any, label: str = "") -> Any:
        out = write(fn, label)
        marks["commit"] = clock()
        return out

    services.write = timed_write  # type: ignore[method-assign]
    painted = _paint_spy()
    columns = page.board.columns
    done = [0]

    def run_drops(n: int) -> dict[str, Any]:
        """``n`` drops (after a few not counted), each from one column to the next."""
        total: list[float] = []
        parts: dict[str, list[float]] = {"commit": [], "refresh": [], "analytics": [],
                                         "paint": []}
        accepted = forced = 0
        for k in range(WARMUP_DROPS + n):
            i = done[0]
            done[0] += 1
            src = next(c for j in range(len(columns))
                       if (c := columns[(i + j) % len(columns)]).model.total())
            dst = columns[(columns.index(src) + 1) % len(columns)]
            deal_id = src.model.index(0).data(IdRole)
            marks.clear()
            painted.watch(dst.view.viewport())
            t0 = clock()
            ok = send_drop(dst.view.viewport(), [deal_id])
            app.processEvents()  # the event loop's turn: layouts, one paint of what changed
            if not painted.seen:  # not painted by the event loop: force it
                page.board.repaint()
                forced += k >= WARMUP_DROPS
            t1 = clock()
            if k < WARMUP_DROPS:
                continue
            accepted += bool(ok and "refreshed" in marks)
            total.append(t1 - t0)
            if "refreshed" in marks and "commit" in marks:
                parts["commit"].append(marks["commit"] - t0)
                parts["refresh"].append(marks["refreshed"] - marks["commit"])
                parts["analytics"].append(marks.get("analytics_s", 0.0))
                parts["paint"].append(t1 - marks["refreshed"])
        painted.watch(page)  # off the columns
        return {"accepted": accepted, "forced_repaints": forced,
                "total_ms": summary_ms(total),
                **{f"{k}_ms": summary_ms(v) for k, v in parts.items()}}

    # Analytics: the app's own page when it has one — first never opened (built on first
    # use, or built and never computed: the board's strip is all there is), then computed
    # once (as after a visit) and kept current by its move path; else what such a page
    # keeps, the core snapshot.
    analytics = getattr(window, "analytics_page", None)
    make_page = getattr(window, "analytics", None)
    cold_drops = None
    rss_page = None
    if (analytics is not None and hasattr(analytics, "refresh")) or callable(make_page):
        window.ctx.bridge.changed.connect(mark_refreshed)
        if analytics is not None:
            window.ctx.bridge.changed.disconnect(analytics._on_changes)
        # the strip's month-target tile is all of Analytics there is yet: time its slot
        tile = getattr(window, "target_tile", None)
        tile_slot = getattr(tile, "on_changes", None)

        def timed_tile(changes: Any) -> None:
            t = clock()
            tile_slot(changes)  # type: ignore[misc]
            marks["analytics_s"] = clock() - t

        if tile_slot is not None:
            window.ctx.bridge.changed.disconnect(tile_slot)
            window.ctx.bridge.changed.disconnect(mark_refreshed)
            window.ctx.bridge.changed.connect(timed_tile)
            window.ctx.bridge.changed.connect(mark_refreshed)
        cold_drops = run_drops(drops)
        cold_drops["peak_rss_mb"] = peak_rss_mb()  # the board alone, after its drops
        if tile_slot is not None:
            window.ctx.bridge.changed.disconnect(timed_tile)
            window.ctx.bridge.changed.disconnect(mark_refreshed)
            window.ctx.bridge.changed.connect(tile_slot)
            window.ctx.bridge.changed.connect(mark_refreshed)
        if analytics is None:
            analytics = make_page()  # type: ignore[misc]
            window.ctx.bridge.changed.disconnect(analytics._on_changes)
        rss_page = peak_rss_mb()
        handler = analytics._on_changes

        def timed_handler(changes: Any) -> None:
            t = clock()
            handler(changes)
            marks["analytics_s"] = clock() - t

        # the page's own slot, timed: the whole of its refresh (snapshot, charts, tiles),
        # then the end mark (connected last, so called last)
        window.ctx.bridge.changed.disconnect(mark_refreshed)
        window.ctx.bridge.changed.connect(timed_handler)
        window.ctx.bridge.changed.connect(mark_refreshed)
        rss_before = current_rss_mb()
        t0 = clock()
        analytics.refresh()
        path = "Analytics page (AnalyticsPage._on_changes → data.apply_moves)"

        def check_analytics() -> bool:
            r = analytics.result
            return r is not None and r.snapshot == load_snapshot(pid, r.inputs.store_segment)
    else:
        rss_before = current_rss_mb()
        t0 = clock()
        path = ("core snapshot (FunnelSnapshot.apply_move + strip + forecast + "
                "funnel_chart.with_snapshot)")
        period = Period(today - timedelta(days=89), today)
        snap = load_snapshot(pid)
        chart = funnel_chart(load_funnel(pid), period)

        def refresh_analytics(changes: Any) -> None:
            t = clock()
            facts = sq.moved_facts([m[0] for m in changes.moves], pid)
            for deal_id, old, new in changes.moves:
                if deal_id in facts:
                    amount, own, close, closed = facts[deal_id]
                    snap.apply_move(DealFacts(deal_id, old, amount, now, own, close, closed),
                                    old, new)
            snap.strip(today)
            snap.forecast(period, today)
            with_snapshot(chart, snap)
            marks["analytics_s"] = clock() - t

        window.ctx.bridge.changed.connect(refresh_analytics)
        window.ctx.bridge.changed.connect(mark_refreshed)

        def check_analytics() -> bool:
            return snap == load_snapshot(pid)
    analytics_s = clock() - t0
    rss_analytics = peak_rss_mb()
    live_drops = run_drops(drops)
    services.write = write  # type: ignore[method-assign]
    consistent = page.totals.check(today, now) and check_analytics()
    peak = peak_rss_mb()  # with Analytics computed and kept current through the drops
    periods = _periods(analytics, window) if hasattr(analytics, "period") else None
    raw = raw_moves(raw_db, drops) if raw_db else None
    result = {
        "imports_s": round(imports_s, 3), "load_s": round(load_s, 3),
        "rss_board_mb": rss_board, "rss_page_built_mb": rss_page,
        "rss_before_analytics_mb": rss_before, "analytics_s": round(analytics_s, 3),
        "rss_analytics_mb": rss_analytics,
        "drops": live_drops, "drops_before_analytics": cold_drops,
        "consistent": bool(consistent), "analytics_path": path,
        "analytics_live_updates": getattr(analytics, "live_updates", None),
        "peak_rss_mb": peak, "periods": periods, "raw_move_ms": raw,
        "drop_ratio": round(live_drops["total_ms"]["p95"] / raw["p95"], 2)
        if raw and raw["p95"] else None,
        "load_average": load_average(),
    }
    if periods:
        result["analytics_max_s"] = max(p["refresh_s"] for p in periods.values())
        result["analytics_peak_rss_mb"] = max(p["peak_rss_mb"] for p in periods.values())
    window.close()
    opened.db.close()
    return result


def _periods(analytics: Any, window: Any) -> dict[str, Any]:
    """The page's full refresh in each of :data:`PERIODS` (after its drops): seconds, and
    the peak RSS of the process while it ran (the peak started afresh before each; where
    that is not possible, the process's peak so far)."""
    from PySide6.QtWidgets import QApplication

    out: dict[str, Any] = {}
    for code in PERIODS:
        analytics.period.set_code(code)
        QApplication.processEvents()
        reset_peak_rss()
        t0 = clock()
        analytics.refresh()
        seconds = clock() - t0
        out[code] = {"refresh_s": round(seconds, 3), "peak_rss_mb": peak_rss_mb(),
                     "compute": {k: round(v, 3) for k, v in analytics.result.timings.items()}}
    return out


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m funnel_desktop.bench.board")
    p.add_argument("--db", required=True)
    p.add_argument("--today", required=True)
    p.add_argument("--drops", type=int, default=200)
    p.add_argument("--out", required=True)
    p.add_argument("--raw-db", help="a copy of the file for the raw moves' baseline")
    args = p.parse_args(argv)
    result = _worker(args.db, date.fromisoformat(args.today), args.drops, args.raw_db)
    Path(args.out).write_text(json.dumps(result, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
