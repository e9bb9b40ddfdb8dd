"""Noticing other writers' commits, cheaply: the change feed read when something changed.

On SQLite, ``PRAGMA data_version`` on this process's connection changes exactly when another
connection committed (a few microseconds to ask), so a timer can poll it. On PostgreSQL a
connection of its own listens on the feed's channel; its socket becomes readable when a
notification arrives (a ``select`` here, a ``QSocketNotifier`` in the window), and a slow
catch-up read covers a notification that was missed. Either way the feed rows after the last
one seen are the news, oldest first."""

from __future__ import annotations

import contextlib
import select
from typing import Any

import peewee

from . import feed
from .db import translated_errors
from .models import database


class FeedWatcher:
    """What other writers committed since the last look, for the database open when it was
    made. Once that database is closed (or another is open in its place) it sees nothing:
    a watcher outliving its database never reads another one's feed."""

    def __init__(self, location: str, own_client: str = "") -> None:
        self.location = location
        self.own_client = own_client
        self.last = feed.last_seq()
        self._version: int | None = None
        self._listener: Any = None
        db = database.obj
        self._db = db
        self.is_sqlite = isinstance(db, peewee.SqliteDatabase)
        if self.is_sqlite:
            self._version = self._data_version()
        else:
            self._listen()

    # -- SQLite -------------------------------------------------------------------------------
    def _data_version(self) -> int:
        return int(database.obj.execute_sql("PRAGMA data_version").fetchone()[0])

    # -- PostgreSQL ---------------------------------------------------------------------------
    def _listen(self) -> None:
        import psycopg2
        import psycopg2.extensions

        try:
            conn = psycopg2.connect(self.location)
        except psycopg2.Error as exc:
            from .db import connect_error

            raise connect_error(exc, self.location) from exc
        conn.set_isolation_level(psycopg2.extensions.ISOLATION_LEVEL_AUTOCOMMIT)
        with conn.cursor() as cur:
            cur.execute(f"LISTEN {feed.CHANNEL}")
        self._listener = conn

    def fileno(self) -> int | None:
        """The socket that becomes readable when a notification arrives (PostgreSQL), or
        None (SQLite: poll :meth:`changed` on a timer)."""
        return self._listener.fileno() if self._listener is not None else None

    def _drain(self) -> bool:
        conn = self._listener
        conn.poll()
        got = bool(conn.notifies)
        conn.notifies.clear()
        return got

    # -- both -----------------------------------------------------------------------------------
    def watching(self) -> bool:
        """Whether the database this watcher was made for is still the open one."""
        return self._db is not None and database.obj is self._db

    def changed(self) -> bool:
        """Whether another writer may have committed since the last look (cheap)."""
        if not self.watching():
            return False
        with translated_errors(self.location):
            if self.is_sqlite:
                version = self._data_version()
                if version != self._version:
                    self._version = version
                    return True
                return False
            return self._drain()

    def news(self, force: bool = False) -> list[feed.FeedEntry]:
        """The feed rows committed by others since the last call (all when ``force``, even
        without a sign of change: the catch-up read)."""
        if not (self.changed() or force) or not self.watching():
            return []
        with translated_errors(self.location):
            entries = feed.since(self.last)
        if entries:
            self.last = entries[-1].seq
        return [e for e in entries if not self.own_client or e.client != self.own_client]

    def wait(self, timeout: float) -> list[feed.FeedEntry]:
        """Block up to ``timeout`` seconds for news (the command line's ``watch``)."""
        fd = self.fileno()
        if fd is not None:
            ready, _, _ = select.select([fd], [], [], timeout)
            return self.news(force=bool(ready))
        import time

        end = time.monotonic() + timeout
        while True:
            got = self.news()
            if got or time.monotonic() >= end:
                return got
            time.sleep(min(0.05, max(0.0, end - time.monotonic())))

    def close(self) -> None:
        if self._listener is not None:
            with contextlib.suppress(Exception):
                self._listener.close()
            self._listener = None
