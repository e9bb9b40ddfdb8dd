"""Several clients on one database: ``python -m funnel_desktop.bench --only team``.

N client processes (8 on PostgreSQL, 3 on SQLite) drop cards — move deals between open
stages, and now and then edit a next step over the version they read a moment before — for a
while, on the same few dozen deals. One more process holds the app's real main window
(offscreen) and records when each commit has reached its board (the window's own change-feed
watcher, as a user's window would). Afterwards the database is checked against what the
clients say they committed: every deal sits where its last committed move put it and holds
its last committed next step, or the run counts a lost update (there must be none).

Figures: commits/s, commit latency (median / p95), propagation commit → the other client's
board (median / p95), conflicts (edits refused because somebody changed the field since it
was read), lost updates."""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from .timing import percentile

#: Deals the clients fight over (the demo's open deals, the first this many by id).
POOL = 40
#: Seconds a client waits between two actions: as fast as a person drags cards, and
#: several times what a team does in a working day (8 clients make 40 commits a second).
PACE = (0.1, 0.3)


def _reset_pg(url: str) -> None:
    from playhouse.db_url import connect

    from ..store.models import SCHEMA_MODELS

    db = connect(url)
    db.connect()
    tables = [m._meta.table_name for m in SCHEMA_MODELS] + ["schema_migration"]
    db.execute_sql("DROP TABLE IF EXISTS " + ", ".join(f'"{t}"' for t in tables) + " CASCADE")
    db.close()


def _prepare(location: str, deals: int) -> dict[str, Any]:
    """A demo business at ``location``; the pool of open deals and the open stages."""
    from datetime import date

    from ..services import Services
    from ..services.demo import generate
    from ..store.db import is_url, open_database
    from ..store.models import Deal, Stage

    if is_url(location):
        _reset_pg(location)
    opened = open_database(location)
    try:
        summary = generate(Services(user="bench"), deals=deals, seed=7, lang="en",
                           today=date.today())
        stages = [s.id for s in Stage.select().where((Stage.pipeline == summary.pipeline_id)
                                                     & (Stage.kind == "open"))
                  .order_by(Stage.position)]
        pool = [d for (d,) in Deal.select(Deal.id).where(Deal.stage.in_(stages))
                .order_by(Deal.id).limit(POOL).tuples()]
    finally:
        opened.db.close()
    return {"pipeline": summary.pipeline_id, "stages": stages, "deals": pool}


def measure_team(workdir: Path, *, pg_url: str | None, clients_pg: int = 8,
                 clients_sqlite: int = 3, seconds: float = 30, deals: int = 1000
                 ) -> dict[str, Any]:
    """The several-clients figures on SQLite, and on PostgreSQL when ``pg_url`` is given."""
    from .board import child_env

    out: dict[str, Any] = {}
    folder = workdir / "team"
    folder.mkdir(parents=True, exist_ok=True)
    runs = [("sqlite", str(folder / "team.sqlite"), clients_sqlite)]
    if pg_url:
        runs.append(("postgresql", pg_url, clients_pg))
    env = child_env(workdir / "home")
    for kind, location, clients in runs:
        if kind == "sqlite":
            Path(location).unlink(missing_ok=True)
        setup = _prepare(location, deals)
        spec = json.dumps({**setup, "seconds": seconds})
        observer_out = folder / f"{kind}-observer.json"
        observer = subprocess.Popen(
            [sys.executable, "-m", "funnel_desktop.bench.team", "observe", location,
             str(observer_out), str(seconds + 6)], env=env, stdout=subprocess.PIPE, text=True)
        assert observer.stdout is not None
        observer.stdout.readline()  # its window is up and watching
        procs = []
        for i in range(clients):
            path = folder / f"{kind}-client{i}.json"
            procs.append((path, subprocess.Popen(
                [sys.executable, "-m", "funnel_desktop.bench.team", "client", location,
                 f"client{i}", str(i), spec, str(path)], env=env)))
        for _, p in procs:
            p.wait(timeout=seconds + 300)
        observer.wait(timeout=seconds + 300)
        observer.stdout.close()
        reports = [json.loads(path.read_text()) for path, _ in procs]
        seen = json.loads(observer_out.read_text())
        out[kind] = _figures(location, reports, seen, seconds, clients)
    return out


def _figures(location: str, reports: list[dict[str, Any]], seen: dict[str, Any],
             seconds: float, clients: int) -> dict[str, Any]:
    commits = [c for r in reports for c in r["commits"]]
    latency = [c["ms"] for c in commits]
    arrived = {int(k): v for k, v in seen["seen"].items()}
    propagation = [(arrived[c["seq"]] - c["t"]) * 1000 for c in commits if c["seq"] in arrived]
    return {"clients": clients, "seconds": seconds, "commits": len(commits),
            "commits_per_s": round(len(commits) / seconds, 1),
            "commit_ms": {"median": round(percentile(latency, 50), 2),
                          "p95": round(percentile(latency, 95), 2)},
            "propagation_ms": {"n": len(propagation),
                               "median": round(percentile(propagation, 50), 1),
                               "p95": round(percentile(propagation, 95), 1),
                               "max": round(max(propagation), 1) if propagation else None},
            "not_seen": len(commits) - len(propagation),
            "conflicts": sum(r["conflicts"] for r in reports),
            "errors": {k: v for r in reports for k, v in r["errors"].items()},
            "lost_updates": _lost_updates(location, commits),
            "board_agrees": seen["agrees"]}


def _lost_updates(location: str, commits: list[dict[str, Any]]) -> int:
    """Deals whose stage or next step is not what their last committed change wrote."""
    from ..store.db import open_database
    from ..store.models import Deal

    last: dict[tuple[int, str], tuple[int, Any]] = {}
    for c in commits:
        key = (c["deal"], c["kind"])
        if key not in last or c["seq"] > last[key][0]:
            last[key] = (c["seq"], c["value"])
    opened = open_database(location)
    try:
        rows = {d.id: d for d in Deal.select().where(Deal.id.in_([k[0] for k in last]))}
        lost = 0
        for (deal, kind), (_, value) in last.items():
            row = rows[deal]
            now = row.stage_id if kind == "move" else row.next_step
            lost += now != value
        return lost
    finally:
        opened.db.close()


# -- the processes --------------------------------------------------------------------------
def client(location: str, name: str, seed: int, spec: dict[str, Any], out: Path) -> None:
    """Drop cards (and edit next steps) as fast as a busy person could (:data:`PACE`), for
    the run's time."""
    from ..core.errors import FunnelError
    from ..services import Base, EditConflict, Services
    from ..store import feed
    from ..store.db import open_database
    from ..store.models import Deal

    opened = open_database(location)
    services = Services(user=name)
    rng = random.Random(seed)
    commits: list[dict[str, Any]] = []
    errors: dict[str, int] = {}
    conflicts = 0
    end = time.monotonic() + spec["seconds"]
    while time.monotonic() < end:
        deal = rng.choice(spec["deals"])
        try:
            if rng.random() < 0.8:
                stage = rng.choice(spec["stages"])
                t0 = time.perf_counter()
                done = services.move_deals([deal], stage)
                ms = (time.perf_counter() - t0) * 1000
                if not done.changes.kinds:
                    continue  # it was there already
                kind, value = "move", stage
            else:
                row = Deal.get_by_id(deal)
                base = Base({"next_step": row.next_step}, row.version, feed.last_seq())
                time.sleep(rng.uniform(0, 0.03))  # the editor is open a moment
                value = f"{name} {rng.random():.6f}"
                t0 = time.perf_counter()
                done = services.update_deal(deal, {"next_step": value}, base=base)
                ms = (time.perf_counter() - t0) * 1000
                kind = "edit"
            assert done.inverse is not None
            commits.append({"seq": done.inverse.seq, "t": time.time(), "ms": ms,
                            "deal": deal, "kind": kind, "value": value})
        except EditConflict:
            conflicts += 1
        except FunnelError as err:
            errors[err.code] = errors.get(err.code, 0) + 1
        time.sleep(rng.uniform(*PACE))
    opened.db.close()
    out.write_text(json.dumps({"commits": commits, "conflicts": conflicts, "errors": errors}))


def observe(location: str, out: Path, seconds: float) -> None:
    """The app's main window (offscreen) on the database: when did each commit reach it."""
    from PySide6.QtCore import QSettings, QTimer
    from PySide6.QtWidgets import QApplication

    from ..services import Services
    from ..store.db import open_database
    from ..store.models import Deal
    from ..ui.main_window import MainWindow

    app = QApplication.instance() or QApplication(sys.argv[:1])
    opened = open_database(location)
    settings = QSettings(str(out.with_suffix(".ini")), QSettings.Format.IniFormat)
    window = MainWindow(Services(user="observer"), opened, "en", settings)
    window.resize(1440, 900)
    window.show()
    app.processEvents()
    seen: dict[int, float] = {}

    def arrived(_changes: object) -> None:  # after the board page handled the event
        assert window.live is not None
        now = time.time()
        for seq in range(max(seen, default=0) + 1, window.live.watcher.last + 1):
            seen[seq] = now

    window.ctx.bridge.changed.connect(arrived)
    print("ready", flush=True)
    QTimer.singleShot(int(seconds * 1000), lambda: app.exit(0))  # quit() would close it
    app.exec()
    assert window.live is not None
    window.live.poll(force=True)
    agrees = all(deal in col.model.ids for col in window.board_page.board.columns
                 for (deal,) in Deal.select(Deal.id).where(Deal.stage == col.stage.id)
                 .tuples())
    window.close()
    out.write_text(json.dumps({"seen": seen, "agrees": agrees}))


def main(argv: list[str] | None = None) -> None:
    p = argparse.ArgumentParser()
    p.add_argument("role", choices=("client", "observe"))
    p.add_argument("rest", nargs="*")
    args = p.parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    if args.role == "client":
        location, name, seed, spec, out = args.rest
        client(location, name, int(seed), json.loads(spec), Path(out))
    else:
        location, out, seconds = args.rest
        observe(location, Path(out), float(seconds))


if __name__ == "__main__":
    main()
