"""Query shapes of the hot paths (a drop on the board: the move, its change-feed row, the
moved card, the totals) whose SQL text peewee builds once per database kind: building a
statement costs peewee about ten times what SQLite takes to answer it.

A :class:`Prepared` is built by a function of named values; it is called once with stand-in
values of the declared kinds, and where each stand-in lands among the statement's parameters
is kept. Running it puts the real values in those places. A shape whose stand-ins cannot all
be found (a value peewee folds into the text, or converts) is built anew each time — the same
statement either way.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from typing import Any

import peewee

from .models import database

#: A stand-in per kind: distinct from any constant a statement carries.
_STAND_INS: dict[type, Callable[[int], Any]] = {
    int: lambda i: -(7_000_000_000_000_000 + i),
    str: lambda i: f"\x00stand-in {i}\x00",
    datetime: lambda i: datetime(1901, 2, 3, 4, 5, 6, 700_000 + i),
    date: lambda i: date(1901, 2, 3 + i),
}


class Prepared:
    """One statement shape, ``build(**values)`` → a peewee query, run with new values."""

    def __init__(self, build: Callable[..., peewee.Query], **kinds: type) -> None:
        self._build = build
        self._kinds = kinds
        #: database kind → (SQL text, parameters, [(position, value name)]), or None: not
        #: preparable
        self._texts: dict[type, tuple[str, list[Any], list[tuple[int, str]]] | None] = {}

    def _text(self, db: peewee.Database) -> tuple[str, list[Any], list[tuple[int, str]]] | None:
        key = type(db)
        if key not in self._texts:
            stand_ins = {name: _STAND_INS[kind](i) for i, (name, kind)
                         in enumerate(self._kinds.items())}
            sql, params = self._build(**stand_ins).sql()
            slots = [(pos, name) for pos, p in enumerate(params)
                     for name, s in stand_ins.items() if type(p) is type(s) and p == s]
            found = {name for _pos, name in slots}
            self._texts[key] = (sql, list(params), slots) if found == set(stand_ins) else None
        return self._texts[key]

    def bound(self, **values: Any) -> tuple[str, list[Any]]:
        """(SQL text, parameters) of the statement with ``values`` (every declared name)."""
        text = self._text(database.obj)
        if text is None:
            sql, params = self._build(**values).sql()
            return sql, list(params)
        sql, params, slots = text
        bound = list(params)
        for pos, name in slots:
            bound[pos] = values[name]
        return sql, bound

    def execute(self, **values: Any) -> Any:
        """The cursor of the statement run with ``values`` (every declared name)."""
        return database.obj.execute_sql(*self.bound(**values))

    def insert(self, **values: Any) -> int:
        """Run an INSERT; the new row's id (PostgreSQL: the ``RETURNING`` peewee adds)."""
        cursor = self.execute(**values)
        if isinstance(database.obj, peewee.PostgresqlDatabase):
            return int(cursor.fetchone()[0])
        return int(cursor.lastrowid)
