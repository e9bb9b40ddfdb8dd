"""Opening databases: a new file, and every way a file can be unusable (corrupt, read-only,
locked, newer, not ours, missing). On error the file is left exactly as it was."""

from __future__ import annotations

import os
import shutil
import sqlite3
import stat
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import peewee
import pytest
from db_files import make_db

from funnel_desktop.core.errors import StoreError
from funnel_desktop.services import Services
from funnel_desktop.store import db as store_db
from funnel_desktop.store.db import SCHEMA_VERSION, OpenedDatabase, mask_url, open_database
from funnel_desktop.store.models import ALL_MODELS, Deal, Pipeline, Stage, database


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file in ``folder`` with its bytes. SQLite's shared-memory index (-shm) and an
    empty write-ahead log (-wal) that a read-only open of a WAL database leaves behind hold no
    data and are left out; a -wal with content would be a change and is kept."""
    out = {}
    for p in sorted(folder.iterdir()):
        if not p.is_file() or p.name.endswith("-shm"):
            continue
        if p.name.endswith("-wal") and p.stat().st_size == 0:
            continue
        out[p.name] = p.read_bytes()
    return out


def open_fails(path: Path | str, code: str, **kw) -> StoreError:
    with pytest.raises(StoreError) as e:
        open_database(path, **kw)
    assert e.value.code == code
    assert mask_url(str(path)) in e.value.english()  # named; a server's password masked
    return e.value


# -- a new database -----------------------------------------------------------------------

def test_a_new_file_gets_the_current_schema_privately(tmp_path: Path):
    path = tmp_path / "sub" / "new.sqlite"
    opened = open_database(path)
    assert opened.schema_version == SCHEMA_VERSION == 5
    assert (opened.migrated_from, opened.backup, opened.path) == (0, None, path)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    tables = set(opened.db.get_tables())
    assert {m._meta.table_name for m in ALL_MODELS} | {"schema_migration"} <= tables
    assert "weekly_note" in tables
    assert opened.db.execute_sql("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert opened.db.execute_sql("PRAGMA foreign_keys").fetchone()[0] == 1
    assert database.obj is opened.db
    opened.db.close()
    again = open_database(path)
    assert (again.schema_version, again.migrated_from, again.backup) == (5, None, None)
    again.db.close()
    assert sorted(p.name for p in path.parent.iterdir()) == ["new.sqlite"]  # no backup


def test_any_db_is_migrated_to_the_current_schema(any_db: OpenedDatabase):
    assert any_db.schema_version == 5
    assert "weekly_note" in any_db.db.get_tables()
    rows = any_db.db.execute_sql("SELECT name FROM schema_migration ORDER BY name").fetchall()
    assert [r[0] for r in rows] == ["0001_initial", "0002_weekly_notes", "0003_speed_indexes",
                                    "0004_versions_and_feed", "0005_logins"]


def test_a_missing_file_is_not_created_when_asked_not_to(tmp_path: Path):
    open_fails(tmp_path / "nope.sqlite", "db_missing", create=False)
    open_fails(tmp_path / "nope.sqlite", "db_missing", readonly=True)
    assert list(tmp_path.iterdir()) == []


def test_an_unreachable_server_is_a_connect_error():
    e = open_fails("postgresql://nobody:secret@127.0.0.1:1/none", "db_server_down")
    assert "does not answer" in e.english() and "127.0.0.1" in e.english()
    assert "secret" not in e.english()  # the URL is shown with its password masked


# -- corrupt ------------------------------------------------------------------------------

def test_garbage_bytes_are_a_corrupt_database(tmp_path: Path):
    path = tmp_path / "garbage.sqlite"
    path.write_bytes(b"This is not SQLite at all. " * 200)
    before = snapshot(tmp_path)
    e = open_fails(path, "db_corrupt")
    assert "damaged" in e.english()
    assert snapshot(tmp_path) == before


def test_a_truncated_database_is_corrupt_and_left_alone(tmp_path: Path):
    real = tmp_path / "real.sqlite"
    make_db(real, deals=300)
    data = real.read_bytes()
    broken_dir = tmp_path / "broken"
    broken_dir.mkdir()
    path = broken_dir / "cut.sqlite"
    path.write_bytes(data[: len(data) * 2 // 3])
    before = snapshot(broken_dir)
    open_fails(path, "db_corrupt")
    assert snapshot(broken_dir) == before


def test_a_failed_open_keeps_the_database_that_was_open(tmp_path: Path):
    good = tmp_path / "good.sqlite"
    opened = open_database(good)
    Services(user="t").create_pipeline("b2b6")
    bad = tmp_path / "bad.sqlite"
    bad.write_bytes(b"\0" * 100 + b"junk" * 100)
    open_fails(bad, "db_corrupt")
    assert database.obj is opened.db
    assert Pipeline.select().count() == 1
    opened.db.close()


# -- not ours, newer ----------------------------------------------------------------------

def test_another_programs_sqlite_file_is_not_a_funnel_database(tmp_path: Path):
    path = tmp_path / "other.sqlite"
    con = sqlite3.connect(path)
    con.execute("CREATE TABLE invoices (id INTEGER PRIMARY KEY, total REAL)")
    con.execute("INSERT INTO invoices VALUES (1, 9.5)")
    con.commit()
    con.close()
    before = snapshot(tmp_path)
    e = open_fails(path, "db_not_funnel")
    assert "not a Funnel Desktop database" in e.english()
    open_fails(path, "db_not_funnel", migrate=False)
    open_fails(path, "db_not_funnel", readonly=True)
    assert snapshot(tmp_path) == before  # not even switched to WAL


def test_a_database_from_a_newer_version_is_refused(tmp_path: Path):
    path = tmp_path / "newer.sqlite"
    make_db(path)
    con = sqlite3.connect(path)
    con.execute("INSERT INTO schema_migration (name, applied) VALUES "
                "('0006_something_new', '2027-01-01 00:00:00')")
    con.commit()
    con.close()
    before = snapshot(tmp_path)
    e = open_fails(path, "db_newer")
    assert (e.params["found"], e.params["known"]) == (6, 5)
    assert "newer version" in e.english()
    open_fails(path, "db_newer", migrate=False)
    open_fails(path, "db_newer", readonly=True)
    assert snapshot(tmp_path) == before


# -- read-only ----------------------------------------------------------------------------

@contextmanager
def read_only(path: Path) -> Iterator[str]:
    """Make ``path`` read-only for this process. Root ignores file modes, so as root the file
    is made immutable (chattr +i); yields how, or skips where neither is possible."""
    if os.geteuid() != 0:
        path.chmod(0o444)
        try:
            yield "chmod"
        finally:
            path.chmod(0o600)
        return
    if shutil.which("chattr") is None or subprocess.run(
            ["chattr", "+i", str(path)], capture_output=True).returncode != 0:
        pytest.skip("running as root where chattr +i is not permitted: a read-only file "
                    "cannot be made")
    try:
        yield "chattr"
    finally:
        subprocess.run(["chattr", "-i", str(path)], check=True)


def test_a_read_only_file_is_refused_before_anything_is_written(tmp_path: Path):
    path = tmp_path / "ro.sqlite"
    make_db(path)
    before = snapshot(tmp_path)
    with read_only(path):
        assert not os.access(path, os.W_OK)
        e = open_fails(path, "db_readonly")
        assert "read-only" in e.english()
        # it can still be opened read-only
        opened = open_database(path, readonly=True)
        assert (opened.readonly, opened.schema_version) == (True, 5)
        assert Deal.select().count() == 2
        opened.db.close()
    assert snapshot(tmp_path) == before


def test_when_the_access_check_passes_sqlite_itself_reports_read_only(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """Without the access check, SQLite falls back to reading; the first write says why."""
    wal = tmp_path / "wal.sqlite"
    make_db(wal)
    journal = tmp_path / "journal.sqlite"
    make_db(journal)
    con = sqlite3.connect(journal)
    con.execute("PRAGMA journal_mode=delete")
    con.close()
    before = snapshot(tmp_path)
    monkeypatch.setattr(store_db.os, "access", lambda *a, **k: True)
    with read_only(wal), read_only(journal):
        # a file still in rollback-journal mode cannot be switched to WAL
        open_fails(journal, "db_readonly")
        # a WAL file opens for reading, and a write is refused in words
        opened = open_database(wal)
        with pytest.raises(StoreError) as e:
            Services(user="t").create_pipeline("b2b6")
        assert e.value.code == "db_readonly"
        assert Pipeline.select().count() == 1
        opened.db.close()
    assert snapshot(tmp_path) == before


def test_a_read_only_folder_as_seen_by_os_access(tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch):
    """The folder must be writable too (SQLite writes its -wal and -shm files there)."""
    path = tmp_path / "x.sqlite"
    make_db(path)
    real_access = os.access

    def access(p, mode, **kw):
        if Path(p) == tmp_path and mode & os.W_OK:
            return False
        return real_access(p, mode, **kw)

    monkeypatch.setattr(store_db.os, "access", access)
    open_fails(path, "db_readonly")


def test_writes_to_a_database_opened_read_only_are_refused(tmp_path: Path):
    path = tmp_path / "x.sqlite"
    make_db(path)
    opened = open_database(path, readonly=True)
    s = Services(user="t")
    stage = Stage.get(Stage.position == 1).id
    with pytest.raises(StoreError) as e:
        s.move_deals([1], stage)
    assert e.value.code == "db_readonly"
    with pytest.raises(StoreError) as e:
        s.create_pipeline("b2b6")
    assert e.value.code == "db_readonly"
    assert [d.stage_id for d in Deal.select()] == [1, 1]
    opened.db.close()


# -- locked -------------------------------------------------------------------------------

def test_a_write_while_another_program_holds_the_lock_is_refused(tmp_path: Path):
    path = tmp_path / "locked.sqlite"
    make_db(path)
    opened = open_database(path)
    opened.db.execute_sql("PRAGMA busy_timeout = 100")  # fail fast instead of after 3 s
    s = Services(user="t")
    stage = Stage.get(Stage.position == 2).id
    rows = lambda: list(Deal.select().order_by(Deal.id).tuples())  # noqa: E731
    before = rows()
    other = sqlite3.connect(path, timeout=0)
    other.execute("BEGIN EXCLUSIVE")
    try:
        with pytest.raises(StoreError) as e:
            s.move_deals([1, 2], stage)
        assert e.value.code == "db_locked"
        assert "in use by another program" in e.value.english()
        assert rows() == before  # reading still works in WAL mode
    finally:
        other.rollback()
        other.close()
    assert rows() == before
    s.move_deals([1, 2], stage)  # and once the lock is gone, the write goes through
    assert {d.stage_id for d in Deal.select()} == {stage}
    opened.db.close()


def test_opening_a_locked_rollback_journal_file_is_refused(tmp_path: Path,
                                                           monkeypatch: pytest.MonkeyPatch):
    path = tmp_path / "v1like.sqlite"
    make_db(path)
    con = sqlite3.connect(path)
    con.execute("PRAGMA journal_mode=delete")
    con.close()
    monkeypatch.setitem(store_db.SQLITE_PRAGMAS, "busy_timeout", 100)
    other = sqlite3.connect(path, timeout=0)
    other.execute("BEGIN EXCLUSIVE")
    try:
        open_fails(path, "db_locked")
    finally:
        other.rollback()
        other.close()
    assert isinstance(open_database(path).db, peewee.SqliteDatabase)
    database.obj.close()
