"""Backups that cannot be made end with a message and leave nothing behind: a lock held by
another program (a deadline, not a wait for ever), a damaged source (refused, not copied and
called a backup), a full disk (said as such); and read-only openings that change nothing."""

from __future__ import annotations

import os
import sqlite3
import threading
import time
from pathlib import Path

import pytest

from funnel_desktop.core.errors import StoreError
from funnel_desktop.store import backup as backup_mod
from funnel_desktop.store.backup import backup_now, backup_sqlite, restore_backup
from funnel_desktop.store.db import map_error, open_database
from funnel_desktop.store.models import Deal, database
from tests.db_files import damage_table, make_db

FIXTURE_V1 = Path(__file__).parent / "fixtures" / "v1.sqlite"


def _listing(folder: Path) -> list[str]:
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*"))


@pytest.fixture
def shop(tmp_path: Path) -> Path:
    path = tmp_path / "shop.sqlite"
    make_db(path)
    return path


def test_a_lock_held_by_another_program_ends_with_db_locked(tmp_path: Path, monkeypatch):
    """A rollback-journal database whose writer holds its lock: SQLite's own backup would
    wait for ever."""
    monkeypatch.setattr(backup_mod, "LOCK_DEADLINE", 0.5)
    path = tmp_path / "journal.sqlite"
    con = sqlite3.connect(path, isolation_level=None)
    con.execute("CREATE TABLE t (x)")
    con.execute("INSERT INTO t VALUES (1)")
    con.execute("BEGIN EXCLUSIVE")
    con.execute("INSERT INTO t VALUES (2)")
    before = _listing(tmp_path)
    t0 = time.monotonic()
    try:
        with pytest.raises(StoreError) as info:
            backup_now(path)
        after = _listing(tmp_path)
    finally:
        con.execute("ROLLBACK")
        con.close()
    assert info.value.code == "db_locked"
    assert time.monotonic() - t0 < 8
    assert after == before  # no backups folder, no .part


def test_a_damaged_database_is_not_called_a_backup(shop: Path, tmp_path: Path):
    damage_table(shop)
    before = _listing(tmp_path)
    with pytest.raises(StoreError) as info:
        backup_now(shop)
    assert info.value.code == "db_corrupt" and info.value.params["path"] == str(shop)
    with pytest.raises(StoreError):
        backup_sqlite(shop, tmp_path / "out" / "copy.sqlite")
    assert _listing(tmp_path) == before


def test_a_full_disk_is_said_and_the_part_file_removed(shop: Path, tmp_path: Path,
                                                       monkeypatch):
    real = sqlite3.connect

    def small_disk(target: object, *args: object, **kw: object) -> sqlite3.Connection:
        con = real(target, *args, **kw)
        if str(target).endswith(".part"):
            con.execute("PRAGMA max_page_count=2")  # the disk fills after two pages
        return con

    monkeypatch.setattr(backup_mod.sqlite3, "connect", small_disk)
    folder = tmp_path / "backups"
    folder.mkdir()
    with pytest.raises(StoreError) as info:
        backup_now(shop, backup_dir=folder)
    assert info.value.code == "disk_full"
    assert list(folder.iterdir()) == []


def test_a_backup_folder_that_cannot_be_written_names_the_backup(shop: Path, tmp_path: Path,
                                                                  monkeypatch):
    """Its folder read-only (or a file): “Could not write <the backup>: …”, not “your
    account may not make this change on the server <the database>”."""
    (tmp_path / "afile").write_bytes(b"x")
    with pytest.raises(StoreError) as info:
        backup_now(shop, backup_dir=tmp_path / "afile")
    assert info.value.english() == f"Could not write {tmp_path / 'afile'}: it is not a folder"
    real = os.open

    def read_only_folder(path: object, *args: object, **kw: object) -> int:
        if str(path).endswith(".part"):
            raise PermissionError(13, "Permission denied", str(path))
        return real(path, *args, **kw)  # type: ignore[arg-type]

    monkeypatch.setattr(backup_mod.os, "open", read_only_folder)
    before = _listing(tmp_path)
    with pytest.raises(StoreError) as info:
        backup_sqlite(shop, tmp_path / "copy.sqlite")
    assert info.value.code == "file_write", info.value.english()
    assert info.value.english() == (f"Could not write {tmp_path / 'copy.sqlite'}: "
                                    "Permission denied")
    assert _listing(tmp_path) == before


def test_a_full_disk_behind_a_failed_rollback_is_still_a_full_disk():
    """SQLite rolls back by itself on SQLITE_FULL; peewee's ROLLBACK then fails with "cannot
    rollback - no transaction is active", which was the message people saw."""
    try:
        try:
            raise sqlite3.OperationalError("database or disk is full")
        except sqlite3.OperationalError:
            raise sqlite3.OperationalError(
                "cannot rollback - no transaction is active") from None
    except sqlite3.OperationalError as exc:
        err = exc
    err.__context__ = sqlite3.OperationalError("database or disk is full")
    assert map_error(err, "x.sqlite").code == "disk_full"
    assert map_error(OSError(28, "No space left on device"), "x").code == "disk_full"


def test_a_full_disk_during_a_write_is_reported_as_a_full_disk(shop: Path):
    from funnel_desktop.services import Services
    from funnel_desktop.store.models import Stage

    open_database(shop)
    database.obj.execute_sql("PRAGMA max_page_count="
                             + str(database.obj.execute_sql("PRAGMA page_count").fetchone()[0]))
    s = Services(user="t")
    stage = Stage.select().first()
    before = Deal.select().count()
    with pytest.raises(StoreError) as info:
        for i in range(2000):
            s.create_deal(stage.pipeline_id, stage.id, {"title": f"D{i} " + "x" * 200})
    assert info.value.code == "disk_full"
    assert "cannot rollback" not in info.value.english()
    assert Deal.select().count() >= before
    database.obj.close()


def test_a_failed_restore_leaves_the_database_and_no_temporary_file(shop: Path,
                                                                    tmp_path: Path,
                                                                    monkeypatch):
    good = backup_now(shop, tmp_path / "good.sqlite")
    digest = shop.read_bytes()
    real = backup_mod.backup_sqlite

    def failing(source: Path, dest: Path, **kw: object) -> Path:
        if str(dest).endswith(".restoring"):
            raise StoreError("disk_full", path=str(dest))
        return real(source, dest, **kw)

    monkeypatch.setattr(backup_mod, "backup_sqlite", failing)
    with pytest.raises(StoreError):
        restore_backup(good, shop)
    assert shop.read_bytes() == digest
    assert not any(p.name.endswith((".restoring", ".part")) for p in tmp_path.rglob("*"))


def test_reading_an_older_schema_read_only_leaves_the_file_as_it_was(tmp_path: Path):
    old = tmp_path / "v1.sqlite"
    old.write_bytes(FIXTURE_V1.read_bytes())
    before = _listing(tmp_path), old.read_bytes()
    opened = open_database(old, create=False, readonly=True)
    assert opened.readonly and opened.migrated_from == 1
    assert Deal.select().count() >= 0  # the current schema's columns are there
    opened.db.close()
    assert (_listing(tmp_path), old.read_bytes()) == before


def test_an_empty_file_opened_read_only_is_db_empty(tmp_path: Path):
    path = tmp_path / "e.sqlite"
    path.write_bytes(b"")
    with pytest.raises(StoreError) as info:
        open_database(path, create=False, readonly=True)
    assert info.value.code == "db_empty" and path.read_bytes() == b""


@pytest.mark.parametrize("name", ["a?b.sqlite", "c#d.sqlite", "e%20f.sqlite"])
def test_file_names_that_look_like_uri_parts(tmp_path: Path, name: str):
    path = tmp_path / name
    make_db(path)
    opened = open_database(path, create=False, readonly=True)
    assert Deal.select().count() == 2
    opened.db.close()
    copy = backup_now(path, tmp_path / ("copy-" + name))
    assert copy.exists() and sorted(os.listdir(tmp_path)) == sorted([name, "copy-" + name])


def test_a_lock_that_goes_away_in_time_is_waited_for(shop: Path, monkeypatch):
    """A short lock (another program's quick write) does not make a backup fail."""
    monkeypatch.setattr(backup_mod, "LOCK_DEADLINE", 5)
    con = sqlite3.connect(shop, isolation_level=None, check_same_thread=False)
    con.execute("PRAGMA journal_mode=delete")
    con.execute("BEGIN EXCLUSIVE")
    timer = threading.Timer(0.5, lambda: con.execute("ROLLBACK"))
    timer.start()
    try:
        dest = backup_now(shop)
    finally:
        timer.join()
        con.close()
    assert dest.exists()
