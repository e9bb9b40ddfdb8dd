"""A second writer in a process of its own, for the tests of several writers.

``python writer.py LOCATION USER OPS_JSON`` opens the database and runs each operation, a
service call ``{"op": "move_deals", "args": [[1], 3]}`` or ``{"op": "undo"}`` (its own last
action), then prints one JSON line per operation: ``{"ok": true, "value": …}`` or ``{"ok":
false, "code": …, "message": …}``.

``{"op": "stress", "seconds": 20, "deals": [...], "seed": 1, "won": id, "lost": id,
"stages": [...]}`` runs random moves, closes, reopens, edits, follow-ups and undos of its own
actions on those deals until the time is up, and prints what committed (to check that every
one of them is in the database afterwards)."""

from __future__ import annotations

import json
import random
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from funnel_desktop.core.errors import FunnelError
from funnel_desktop.services import Services
from funnel_desktop.store.db import open_database


def _plain(value: Any) -> Any:
    return value if isinstance(value, int | str | float | bool | type(None)) else str(value)


def run_ops(services: Services, ops: list[dict[str, Any]]) -> None:
    inverses = []
    for op in ops:
        try:
            if op["op"] == "undo":
                out = services.undo(inverses.pop())
            elif op["op"] == "sleep":
                time.sleep(op["seconds"])
                print(json.dumps({"ok": True, "value": None}), flush=True)
                continue
            else:
                out = getattr(services, op["op"])(*op.get("args", []), **op.get("kwargs", {}))
            if out.inverse is not None:
                inverses.append(out.inverse)
            print(json.dumps({"ok": True, "value": _plain(out.value)}), flush=True)
        except FunnelError as err:
            print(json.dumps({"ok": False, "code": err.code, "message": err.english()}),
                  flush=True)


def stress(services: Services, spec: dict[str, Any]) -> None:
    """Random actions on a few deals for ``seconds``; prints the counts and every committed
    follow-up and edit (by id), and the actions undone again."""
    rng = random.Random(spec["seed"])
    deals, stages = spec["deals"], spec["stages"]
    counts: dict[str, int] = {}
    failed: dict[str, int] = {}
    mine: list[tuple[str, Any, Any]] = []  # (kind, value, inverse) still standing
    activities, edits, undone_activities, undone_edits = [], [], [], []  # ids
    end = time.monotonic() + spec["seconds"]
    while time.monotonic() < end:
        kind = rng.choice(("move", "move", "close", "reopen", "edit", "log", "undo"))
        deal = rng.choice(deals)
        try:
            if kind == "move":
                out = services.move_deals([deal], rng.choice(stages))
            elif kind == "close":
                won = rng.random() < 0.5
                out = services.close_deals([deal], won, spec["won"] if won else spec["lost"])
            elif kind == "reopen":
                out = services.reopen_deal(deal)
            elif kind == "edit":
                out = services.update_deal(deal, {"amount": rng.randint(1, 10**6) * 100,
                                                  "next_step": f"step {rng.random():.6f}"})
                edits.append(out.value)
            elif kind == "log":
                out = services.log_activity({"deal": deal, "kind": "call",
                                             "subject": f"call {rng.random():.6f}"})
                activities.append(out.value)
            else:
                if not mine:
                    continue
                what, value, inverse = mine.pop()
                services.undo(inverse)
                if what == "log":
                    undone_activities.append(value)
                elif what == "edit":
                    undone_edits.append(value)
                counts["undo"] = counts.get("undo", 0) + 1
                continue
            if not out.changes.kinds:  # moved to the stage it was in: nothing written
                kind = "unchanged"
            counts[kind] = counts.get(kind, 0) + 1
            if out.inverse is not None:
                mine.append((kind, out.value, out.inverse))
        except FunnelError as err:
            failed[f"{kind}:{err.code}"] = failed.get(f"{kind}:{err.code}", 0) + 1
    written = sum(n for k, n in counts.items() if k != "unchanged")
    print(json.dumps({"counts": counts, "failed": failed, "activities": activities,
                      "undone_activities": undone_activities, "edits": len(edits),
                      "undone_edits": len(undone_edits), "feed_rows": written}), flush=True)


def main() -> None:
    location, user, ops = sys.argv[1], sys.argv[2], json.loads(sys.argv[3])
    opened = open_database(location)
    services = Services(user=user)
    try:
        if ops and ops[0]["op"] == "stress":
            stress(services, ops[0])
        else:
            run_ops(services, ops)
    finally:
        opened.db.close()


if __name__ == "__main__":
    main()
