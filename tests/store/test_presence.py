"""Nothing replaces a database file another process has open: a restore refuses, names who
holds it and changes nothing; once they let go it works."""

from __future__ import annotations

import hashlib
import json
import subprocess
import sys
import time
from pathlib import Path

import pytest

from funnel_desktop.cli import main
from funnel_desktop.core.errors import StoreError
from funnel_desktop.services import Services
from funnel_desktop.store import presence
from funnel_desktop.store.backup import backup_now, restore_backup
from funnel_desktop.store.db import open_database
from funnel_desktop.store.models import database

WRITER = Path(__file__).parents[1] / "services" / "writer.py"


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def shop(tmp_path: Path) -> tuple[Path, Path]:
    """A database with a pipeline, and a backup of it; nothing holds it open."""
    path = tmp_path / "shop.sqlite"
    opened = open_database(path)
    s = Services(user="t")
    s.seed_lists("en")
    s.create_pipeline("b2b6", "en")
    backup = backup_now(path)
    opened.db.close()
    return path, backup


def holding(path: Path, seconds: float = 30) -> subprocess.Popen[str]:
    """Another process with the database open (it prints a line once it is)."""
    proc = subprocess.Popen(
        [sys.executable, str(WRITER), str(path), "bob",
         json.dumps([{"op": "seed_lists"}, {"op": "sleep", "seconds": seconds}])],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    assert proc.stdout is not None
    assert json.loads(proc.stdout.readline())["ok"]
    return proc


def stop(proc: subprocess.Popen[str]) -> None:
    proc.kill()
    proc.communicate()


def test_restore_refuses_while_another_process_has_the_file_open(shop, capsys, qapp):
    path, backup = shop
    proc = holding(path)
    try:
        before = digest(path)
        with pytest.raises(StoreError) as err:
            restore_backup(backup, path)
        assert err.value.code == "db_in_use"
        assert f"({proc.pid})" in err.value.english()
        assert digest(path) == before
        code = main(["backup", "--db", str(path), "--restore", str(backup)])
        out, errtext = capsys.readouterr()
        assert code == 3 and "open in another program" in errtext and out == ""
        assert digest(path) == before
        assert not list(path.parent.glob("*.restoring"))
    finally:
        stop(proc)
    assert restore_backup(backup, path) is not None  # nobody holds it now


def test_a_window_of_this_program_is_found_by_its_lock(shop, monkeypatch):
    """Where the operating system cannot tell (no /proc), the lock still refuses."""
    path, backup = shop
    monkeypatch.setattr(presence, "holders", lambda p: [])
    proc = holding(path)
    try:
        with pytest.raises(StoreError) as err:
            restore_backup(backup, path)
        assert err.value.code == "db_in_use" and "Funnel Desktop" in err.value.english()
    finally:
        stop(proc)


def test_opening_waits_for_nobody_but_a_file_being_replaced_is_locked(shop):
    path, _ = shop
    with presence.replacing(path):
        with pytest.raises(StoreError) as err:
            open_database(path)
        assert err.value.code == "db_locked"
    open_database(path).db.close()


def test_the_connection_of_this_process_holds_the_file_and_closing_lets_go(shop):
    path, backup = shop
    opened = open_database(path)
    database.obj.execute_sql("SELECT 1")
    with pytest.raises(StoreError), presence.replacing(path):
        pass
    opened.db.close()
    time.sleep(0)
    restore_backup(backup, path)
