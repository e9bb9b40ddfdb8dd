"""``funnel-desktop watch``: print each change as it commits, until interrupted."""

from __future__ import annotations

import argparse
import json
import signal
import sys
from collections.abc import Callable
from datetime import UTC

from ..store.db import open_database
from ..store.watch import FeedWatcher
from .common import add_db, add_json
from .output import fill, translate

#: Seconds between two catch-up reads of the feed on a server (a missed notification).
CATCH_UP = 5.0


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("watch", help=translate(
        "Cli", "print each change to the database as it is committed, until interrupted"))
    add_db(p)
    add_json(p)
    p.add_argument("--since", type=int, default=None, metavar="SEQ", help=translate(
        "Cli", "start after this change number (default: from now on)"))
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from ..texts.actions import action_name

    opened = open_database(args.db, create=False, readonly=False)
    watcher = FeedWatcher(opened.reopen_with)
    if args.since is not None:
        watcher.last = max(0, args.since)
    stop = False

    def interrupted(*_: object) -> None:
        nonlocal stop
        stop = True

    old = signal.signal(signal.SIGTERM, interrupted)
    try:
        if args.since is not None:
            _print(watcher.news(force=True), args.json, action_name)
        while not stop:
            _print(watcher.wait(0.2 if watcher.is_sqlite else CATCH_UP), args.json,
                   action_name)
    except KeyboardInterrupt:
        pass
    finally:
        signal.signal(signal.SIGTERM, old)
        watcher.close()
    return 0


def _print(entries: list, as_json: bool, name: Callable[[str], str]) -> None:
    for e in entries:
        if as_json:
            print(json.dumps(e.json(), ensure_ascii=False), flush=True)
            continue
        ids = "*" if e.deal_ids is None else ", ".join(map(str, sorted(e.deal_ids)))
        what = fill(translate("CliWatch", "deals %1"), ids) if ids else ""
        at = e.at.replace(tzinfo=UTC).astimezone()
        print(f"{at:%Y-%m-%d %H:%M:%S}  #{e.seq}  {e.by or '?'}  {name(e.action)}"
              + (f"  {what}" if what else ""), flush=True)
    sys.stdout.flush()
