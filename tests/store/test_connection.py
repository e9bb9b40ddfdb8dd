"""Handling the open database from the screens without peewee: location, token, closing."""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path

import peewee

from funnel_desktop.store import connection
from funnel_desktop.store.db import open_database
from funnel_desktop.store.models import Setting, database


def test_location_token_and_making_a_database_current_again(tmp_path: Path):
    first = open_database(tmp_path / "a.sqlite")
    assert connection.location() == str(tmp_path / "a.sqlite")
    token = connection.token()
    second = open_database(tmp_path / "b.sqlite")
    assert connection.token() != token and connection.location().endswith("b.sqlite")
    assert not connection.same_database(first, second)
    assert connection.same_database(first, first)
    connection.make_current(first)
    assert connection.token() == token and database.obj is first.db
    connection.close(second)
    assert second.db.is_closed()
    connection.close(first)


def test_a_worker_closes_its_own_connection_only(tmp_path: Path):
    opened = open_database(tmp_path / "a.sqlite")
    Setting.select().count()  # this thread's connection is open
    closer = connection.connection_closer()
    seen = []

    def work() -> None:
        Setting.select().count()
        seen.append(opened.db.is_closed())
        closer()
        seen.append(opened.db.is_closed())

    worker = threading.Thread(target=work)
    worker.start()
    worker.join()
    assert seen == [False, True]
    assert not opened.db.is_closed()  # the caller's own connection stays
    connection.close_connection()
    assert opened.db.is_closed()


def test_nothing_to_close_without_a_database():
    was = database.obj
    try:
        database.initialize(None)
        connection.close_connection()
        connection.connection_closer()()
    finally:
        database.initialize(was)


def test_the_errors_a_damaged_database_raises():
    assert issubclass(peewee.DatabaseError, connection.DATABASE_ERRORS)
    assert issubclass(sqlite3.DatabaseError, connection.DATABASE_ERRORS)
