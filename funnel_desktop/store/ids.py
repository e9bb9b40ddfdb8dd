"""Ids for rows a bulk insert writes itself, never one that was handed out before.

An id an undo removed must never come back as somebody else's row (another window's editor,
or an undo step, may still name it): SQLite's tables count with AUTOINCREMENT (schema 4) and
PostgreSQL's with sequences. Explicit ids are taken from the same counters."""

from __future__ import annotations

import peewee

from .models import BaseModel, database


def reserve(model: type[BaseModel], count: int) -> list[int]:
    """``count`` fresh ids of ``model``'s table, in increasing order (call inside the write
    transaction that inserts them; on SQLite the file's write lock keeps them ours)."""
    if count <= 0:
        return []
    db = database.obj
    table = model._meta.table_name
    if isinstance(db, peewee.PostgresqlDatabase):
        rows = db.execute_sql(
            "SELECT nextval(pg_get_serial_sequence(%s, 'id')) FROM generate_series(1, %s)",
            (table, count)).fetchall()
        return sorted(int(r[0]) for r in rows)
    top = model.select(peewee.fn.MAX(model.id)).scalar() or 0
    row = db.execute_sql("SELECT seq FROM sqlite_sequence WHERE name = ?", (table,)).fetchone()
    start = max(int(top), int(row[0]) if row else 0) + 1
    return list(range(start, start + count))
