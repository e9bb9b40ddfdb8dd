"""A feed watcher sees only the database it was made for: after that one is closed, or
another is open in its place, it reports nothing (a window's timer may outlive its
database by a moment)."""

from __future__ import annotations

import sqlite3
from datetime import datetime
from pathlib import Path

from funnel_desktop.store import feed
from funnel_desktop.store.db import open_database
from funnel_desktop.store.models import ChangeFeed, database
from funnel_desktop.store.watch import FeedWatcher


def _other_writer_commits(path: Path) -> None:
    """Another connection (another process, as far as SQLite can tell) writes a feed row."""
    with sqlite3.connect(path) as con:
        con.execute(f"INSERT INTO {ChangeFeed._meta.table_name} (at, by, client, action, "
                    "kinds, deal_ids, customer_ids, moves) VALUES "
                    "('2026-12-02 10:00:00', 'bob', 'other', 'move', 'deals', '1', '', '')")


def test_a_watcher_sees_another_connections_commit(tmp_path: Path) -> None:
    path = tmp_path / "a.sqlite"
    opened = open_database(path)
    watcher = FeedWatcher(str(path), "mine")
    assert watcher.news() == []
    _other_writer_commits(path)
    assert [e.by for e in watcher.news()] == ["bob"]
    opened.db.close()


def test_a_watcher_outliving_its_database_sees_nothing(tmp_path: Path) -> None:
    first = tmp_path / "a.sqlite"
    opened = open_database(first)
    watcher = FeedWatcher(str(first), "mine")
    opened.db.close()
    database.initialize(None)
    assert watcher.changed() is False and watcher.news(force=True) == []

    second = tmp_path / "b.sqlite"
    other = open_database(second)
    feed.record(datetime(2026, 12, 2, 9), "alice", "x", "create", ["deals"], [1], [])
    _other_writer_commits(second)
    assert watcher.changed() is False and watcher.news(force=True) == []
    other.db.close()
