"""A SQLite select read as numpy columns through ``group_concat``: SQLite joins each column of
a range of rows into one text, and numpy reads that text — no Python tuple or value per row
(reading 400,000 stays that way takes a fifth of ``fetchmany`` and ``zip``). Integers are read
by ``numpy.fromstring``, times by numpy's ``datetime64`` parse of the split text, so every value
comes out as the row-by-row reader (``store.deal_columns``) makes it; where a text is not what
they read plainly (a REAL amount, an odd time), the answer is None and the caller reads the
rows the ordinary way."""

from __future__ import annotations

import warnings
from collections.abc import Sequence

import numpy as np
import peewee

#: SQLite's smallest integer (``core.deal_columns.NONE``), written so that SQLite keeps it an
#: integer (``-9223372036854775808`` would be the negation of a REAL).
_MISSING = "(-9223372036854775807 - 1)"
#: Rows concatenated at a time (each text a few MB).
RANGE = 100_000
#: A column's kind: "int" (None → NONE), "us" (a time, µs since 1970) or "D" (a day).
KINDS = ("int", "us", "D")


def _ints(text: str | None, n: int) -> np.ndarray | None:
    if not n:
        return np.zeros(0, dtype=np.int64)
    if text is None:
        return None
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            out = np.fromstring(text, dtype=np.int64, sep=",")
    except (ValueError, Warning):
        return None
    return out if len(out) == n else None


def _moments(text: str | None, n: int, unit: str) -> np.ndarray | None:
    if not n:
        return np.zeros(0, dtype=np.int64)
    if text is None:
        return None
    parts = text.split("|")
    if len(parts) != n:
        return None
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            return np.array(parts, dtype=f"datetime64[{unit}]").astype(np.int64)
    except (TypeError, ValueError, OverflowError, Warning):
        return None


def concat_columns(db: peewee.Database, query: peewee.Select, kinds: Sequence[str],
                   key: peewee.Field) -> list[np.ndarray] | None:
    """The columns of ``query`` (its selected values in order, each of ``kinds``), the rows
    in ranges of :data:`RANGE` ids of ``key`` (its table's integer primary key); None when
    ``db`` is not SQLite or a text is not plainly readable."""
    if not isinstance(getattr(db, "obj", db), peewee.SqliteDatabase):
        return None
    model = key.model
    names = [f"c{i}" for i in range(len(kinds))]
    aggregates = ", ".join(
        f"group_concat(coalesce({n}, {_MISSING}), ',')" if kind == "int"
        else f"group_concat(coalesce({n}, 'NaT'), '|')"
        for n, kind in zip(names, kinds, strict=True))
    parts: list[list[np.ndarray]] = [[] for _ in kinds]
    # ranges of RANGE ids of the key's table, whatever the gaps between ids: each range
    # ends where the next one's first id is (SQLite steps over RANGE index entries to it)
    start = db.execute(model.select(peewee.fn.MIN(key))).fetchone()[0]
    while start is not None:
        after = db.execute(model.select(key).where(key >= start).order_by(key)
                           .limit(1).offset(RANGE)).fetchone()
        stop = None if after is None else after[0]
        inner = query.where(key >= start) if stop is None else query.where(
            (key >= start) & (key < stop))
        sql, params = inner.sql()
        row = db.execute_sql(f"SELECT count(*), {aggregates} FROM ({sql})", params).fetchone()
        n = int(row[0])
        for i, (kind, text) in enumerate(zip(kinds, row[1:], strict=True)):
            col = _ints(text, n) if kind == "int" else _moments(text, n, kind)
            if col is None:
                return None
            parts[i].append(col)
        del row
        start = stop
    return [np.concatenate(p) if p else np.zeros(0, dtype=np.int64) for p in parts]
