"""The full check of a database file (``PRAGMA quick_check``) left for later: ``open_database``
with ``defer_check`` skips it only when opening writes nothing to the file, and
``quick_check`` finds the damage afterwards — from another thread too, while the file is
open — with the same message as at opening."""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path

import pytest
from db_files import damage_table, make_db

from funnel_desktop.core.errors import StoreError
from funnel_desktop.store.db import FileCheck, open_database, quick_check
from funnel_desktop.store.models import Deal, database


@pytest.fixture
def damaged(tmp_path: Path) -> Path:
    path = tmp_path / "damaged.sqlite"
    make_db(path, deals=300)
    damage_table(path)
    return path


def test_a_sound_file_passes_the_check(tmp_path: Path) -> None:
    path = tmp_path / "sound.sqlite"
    make_db(path, deals=3)
    quick_check(path)  # no error


def test_a_damaged_table_is_refused_at_opening_as_before(damaged: Path) -> None:
    with pytest.raises(StoreError) as e:
        open_database(damaged)
    assert e.value.code == "db_corrupt"
    assert "damaged" in e.value.english() and str(damaged) in e.value.english()


def test_a_deferred_check_opens_it_and_the_later_check_reports_the_same(
        damaged: Path) -> None:
    with pytest.raises(StoreError) as at_open:
        open_database(damaged)
    before = damaged.read_bytes()
    opened = open_database(damaged, defer_check=True)
    try:
        assert database.obj is opened.db
        assert damaged.read_bytes() == before  # opening wrote nothing
        with pytest.raises(StoreError) as later:
            quick_check(damaged)
        assert later.value.code == "db_corrupt"
        assert later.value.english() == at_open.value.english()
    finally:
        opened.db.close()


def test_the_check_runs_in_another_thread_while_the_app_writes(tmp_path: Path) -> None:
    path = tmp_path / "busy.sqlite"
    make_db(path, deals=50)
    opened = open_database(path, defer_check=True)
    try:
        found: list[object] = []

        def check() -> None:
            try:
                quick_check(path)
                found.append("ok")
            except StoreError as err:
                found.append(err)

        worker = threading.Thread(target=check)
        worker.start()
        Deal.update(amount=Deal.amount + 1).execute()  # the main thread keeps working
        worker.join(10)
        assert found == ["ok"]
        assert Deal.select().where(Deal.amount == 1001).count() == 1
    finally:
        opened.db.close()


def test_a_file_to_migrate_is_checked_before_it_is_backed_up_and_migrated(
        tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite"
    make_db(path, deals=300)
    con = sqlite3.connect(path)  # pretend the last migration is still to run
    last = con.execute("SELECT name FROM schema_migration ORDER BY id DESC").fetchone()[0]
    con.execute("DELETE FROM schema_migration WHERE name = ?", (last,))
    con.commit()
    con.close()
    damage_table(path)
    files = sorted(p.name for p in tmp_path.iterdir())
    with pytest.raises(StoreError) as e:
        open_database(path, defer_check=True)
    assert e.value.code == "db_corrupt"
    assert sorted(p.name for p in tmp_path.iterdir()) == files  # no backup, no migration


def test_a_file_not_in_wal_mode_is_checked_before_it_is_switched(tmp_path: Path) -> None:
    path = tmp_path / "rollback.sqlite"
    make_db(path, deals=300)
    con = sqlite3.connect(path)
    con.execute("PRAGMA journal_mode=delete")
    con.close()
    damage_table(path)
    before = path.read_bytes()
    with pytest.raises(StoreError) as e:
        open_database(path, defer_check=True)
    assert e.value.code == "db_corrupt"
    assert path.read_bytes() == before


def test_garbage_is_refused_even_with_a_deferred_check(tmp_path: Path) -> None:
    path = tmp_path / "garbage.sqlite"
    path.write_bytes(b"This is not SQLite at all. " * 200)
    with pytest.raises(StoreError) as e:
        open_database(path, defer_check=True)
    assert e.value.code == "db_corrupt"
    with pytest.raises(StoreError) as e:
        quick_check(path)
    assert e.value.code == "db_corrupt"


def test_a_check_can_be_cut_short_from_another_thread(tmp_path: Path) -> None:
    path = tmp_path / "long.sqlite"
    make_db(path, deals=30)
    cancelled = FileCheck(path)
    cancelled.cancel()  # before it starts: it does not start
    with pytest.raises(StoreError) as e:
        cancelled.run()
    assert e.value.code == "db_error" and "interrupted" in e.value.english()
    check = FileCheck(path)
    found: list[str] = []

    def run() -> None:
        try:
            check.run()
            found.append("ok")
        except StoreError as err:
            found.append(err.code)

    worker = threading.Thread(target=run)
    worker.start()
    check.cancel()  # while it runs (or after: then it had finished, and nothing happens)
    worker.join(10)
    assert found in (["ok"], ["db_error"])
    FileCheck(path).run()  # the file is sound
