"""Backups: rolling on open, now, list, restore (checked first, current file kept); and
damaged or read-only databases refused with a StoreError without changing the file."""

from __future__ import annotations

import hashlib
import os
import sqlite3
import time
from pathlib import Path

import pytest

from funnel_desktop.core.errors import StoreError
from funnel_desktop.store.backup import (
    backup_now,
    check_backup,
    list_backups,
    prune_backups,
    restore_backup,
    rolling_backup,
)
from funnel_desktop.store.db import open_database
from funnel_desktop.store.models import Deal, Pipeline, database


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def shop(tmp_path: Path) -> Path:
    """A closed database file with one pipeline."""
    path = tmp_path / "shop.sqlite"
    opened = open_database(path)
    Pipeline.create(name="Sales")
    opened.db.close()
    return path


def test_rolling_backup_keeps_the_newest_n(shop: Path):
    made = [rolling_backup(shop, keep=3, skip_unchanged=False) for _ in range(5)]
    kept = list_backups(shop)
    assert [b.path for b in kept] == made[:-4:-1]  # the three newest, newest first
    assert all(not p.exists() for p in made[:2])
    assert {b.label for b in kept} == {"auto"}
    assert all((b.path.stat().st_mode & 0o777) == 0o600 for b in kept)
    assert kept[0].path.parent == shop.parent / "backups"
    assert rolling_backup(shop, keep=0) is None


def test_rolling_backup_skips_an_unchanged_database(shop: Path):
    first = rolling_backup(shop)
    assert first is not None and rolling_backup(shop) is None
    time.sleep(0.01)
    os.utime(shop)  # the database changed since
    assert rolling_backup(shop) is not None
    assert len(list_backups(shop)) == 2


def test_backup_now_and_restore_keep_a_copy_of_the_current_file(shop: Path, tmp_path: Path):
    saved = backup_now(shop, backup_dir=tmp_path / "bk")
    assert saved.name.startswith("shop.manual-")
    opened = open_database(shop)
    Pipeline.create(name="Later")
    opened.db.close()
    safety = restore_backup(saved, shop, backup_dir=tmp_path / "bk")
    assert safety is not None and safety.name.startswith("shop.before-restore-")
    assert not shop.with_name("shop.sqlite-wal").exists()
    opened = open_database(shop)
    assert [p.name for p in Pipeline.select()] == ["Sales"]
    opened.db.close()
    opened = open_database(safety)
    assert sorted(p.name for p in Pipeline.select()) == ["Later", "Sales"]
    opened.db.close()
    labels = [b.label for b in list_backups(shop, tmp_path / "bk")]
    assert sorted(labels) == ["before-restore", "manual"]
    assert prune_backups(shop, 0, backup_dir=tmp_path / "bk", label="manual") == [saved]


def test_a_bad_backup_is_refused_and_nothing_changes(shop: Path, tmp_path: Path):
    before = _digest(shop)
    junk = tmp_path / "junk.sqlite"
    junk.write_bytes(b"SQLite format 3\x00" + b"\x00" * 200)
    other = tmp_path / "other.sqlite"
    sqlite3.connect(other).execute("CREATE TABLE t (x)").connection.close()
    for bad in (junk, other, tmp_path / "none.sqlite"):
        with pytest.raises(StoreError) as info:
            restore_backup(bad, shop)
        assert info.value.code in ("backup_invalid", "backup_missing")
    assert _digest(shop) == before
    assert list_backups(shop) == []


def test_a_backup_from_a_newer_version_is_refused(shop: Path, tmp_path: Path):
    newer = backup_now(shop, tmp_path / "newer.sqlite")
    con = sqlite3.connect(newer)
    con.execute("INSERT INTO schema_migration (name, applied) VALUES ('9999_future', "
                "'2030-01-01')")
    con.commit()
    con.close()
    with pytest.raises(StoreError) as info:
        check_backup(newer)
    assert "newer version" in info.value.english()


def test_restore_refuses_a_locked_database(shop: Path):
    saved = backup_now(shop)
    con = sqlite3.connect(shop, isolation_level=None)
    con.execute("BEGIN EXCLUSIVE")
    try:
        with pytest.raises(StoreError) as info:
            restore_backup(saved, shop)
        assert info.value.code == "db_locked"
    finally:
        con.execute("ROLLBACK")
        con.close()


def test_a_truncated_database_is_a_store_error_and_stays_as_it_was(shop: Path, tmp_path: Path):
    data = shop.read_bytes()
    cut = tmp_path / "cut.sqlite"
    cut.write_bytes(data[: len(data) // 2])
    before = _digest(cut)
    with pytest.raises(StoreError) as info:
        open_database(cut)
    assert info.value.code == "db_corrupt"
    assert _digest(cut) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(["shop.sqlite", "cut.sqlite"])


def test_garbage_is_a_store_error_and_stays_as_it_was(tmp_path: Path):
    junk = tmp_path / "junk.sqlite"
    junk.write_bytes(b"this is not a database at all" * 100)
    before = _digest(junk)
    with pytest.raises(StoreError) as info:
        open_database(junk)
    assert info.value.code in ("db_corrupt", "db_not_funnel")
    assert _digest(junk) == before


@pytest.mark.skipif(os.geteuid() == 0, reason="root can write read-only files")
def test_a_read_only_database_is_a_store_error(shop: Path):
    shop.chmod(0o400)
    before = _digest(shop)
    with pytest.raises(StoreError) as info:
        open_database(shop)
    assert info.value.code == "db_readonly"
    assert _digest(shop) == before


def test_a_read_only_database_is_refused_even_for_root(shop: Path, monkeypatch):
    # root may write anything, so the permission check is what is tested here
    real_access = os.access

    def no_write(path, mode, *args, **kwargs):
        if mode & os.W_OK and Path(path) == shop:
            return False
        return real_access(path, mode, *args, **kwargs)

    monkeypatch.setattr(os, "access", no_write)
    before = _digest(shop)
    with pytest.raises(StoreError) as info:
        open_database(shop)
    assert info.value.code == "db_readonly"
    assert _digest(shop) == before
    opened = open_database(shop, readonly=True)
    assert Pipeline.select().count() == 1 and Deal.select().count() == 0
    opened.db.close()
    assert _digest(shop) == before
    saved = backup_now(shop)
    with pytest.raises(StoreError) as info:
        restore_backup(saved, shop)
    assert info.value.code == "db_readonly"
    database.initialize(None)
