"""Database files for the tests of opening and checking them: a closed Funnel Desktop file,
and damage done to one table of it."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from funnel_desktop.services import Services
from funnel_desktop.store.db import open_database
from funnel_desktop.store.models import Stage


def make_db(path: Path, deals: int = 2) -> None:
    """A closed Funnel Desktop database (WAL mode) with a pipeline and ``deals`` deals."""
    opened = open_database(path)
    s = Services(user="t")
    pid = s.create_pipeline("weekly6").value
    first = Stage.get((Stage.pipeline == pid) & (Stage.position == 0)).id
    for i in range(deals):
        s.create_deal(pid, first, {"title": f"Deal {i}", "amount": 1000 * (i + 1)})
    opened.db.close()


def damage_table(path: Path, table: str = "deal") -> None:
    """Scribble over the body of ``table``'s root page (its page header left alone): the
    file still opens and its schema reads, but ``PRAGMA quick_check`` (and any read of that
    table) finds it malformed."""
    con = sqlite3.connect(path)
    page_size = con.execute("PRAGMA page_size").fetchone()[0]
    root = con.execute("SELECT rootpage FROM sqlite_master WHERE name = ?",
                       (table,)).fetchone()[0]
    con.close()
    data = bytearray(path.read_bytes())
    start = (root - 1) * page_size
    for k in range(start + 8, start + page_size, 7):
        data[k] = 0xA5
    path.write_bytes(bytes(data))
