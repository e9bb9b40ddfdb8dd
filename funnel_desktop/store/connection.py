"""The open database as the screens handle it, without touching peewee: where it is, a token
that tells one open database from the next, making an opened one current again, and closing
connections (a worker thread's own, or a database no longer used)."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

import peewee

from .db import OpenedDatabase
from .models import database

#: What the driver raises when the database file or server fails under a read or write.
DATABASE_ERRORS: tuple[type[Exception], ...] = (peewee.DatabaseError, sqlite3.DatabaseError)


def location() -> str:
    """The open database's file (or server database name), for messages."""
    return str(getattr(database.obj, "database", "database"))


def token() -> int:
    """Differs between two databases opened one after the other (while the first is held)."""
    return id(database.obj)


def close_connection() -> None:
    """Close the calling thread's own connection to the open database (a worker thread
    calls this when it ends)."""
    db = database.obj
    if db is not None:
        db.close()


def connection_closer() -> Callable[[], None]:
    """A function closing the calling thread's own connection to the database open now, even
    after another one has been opened (taken before a worker starts, called when it ends)."""
    db = database.obj
    return db.close if db is not None else _nothing


def _nothing() -> None:
    return None


def make_current(opened: OpenedDatabase) -> None:
    """Make ``opened`` the database the models read and write again."""
    database.initialize(opened.db)


def same_database(a: OpenedDatabase, b: OpenedDatabase) -> bool:
    """Whether both name one and the same open database object."""
    return a.db is b.db


def close(opened: OpenedDatabase) -> None:
    """Close this thread's connection to ``opened``."""
    opened.db.close()
