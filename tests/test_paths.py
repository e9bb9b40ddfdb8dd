"""The data folder: one level (not ``FunnelDesktop/FunnelDesktop``), and a database left at the
doubled place by an earlier version moved up with its backups on the first start — or used
where it is when it cannot be moved. Run against a fake home."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from funnel_desktop import paths
from funnel_desktop.store.db import open_database
from funnel_desktop.store.models import Pipeline


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fake home as Qt finds it on Linux (``~/.local/share``), no test override."""
    monkeypatch.delenv("FUNNEL_DESKTOP_HOME", raising=False)
    monkeypatch.delenv("XDG_DATA_HOME", raising=False)
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setattr(paths, "last_move", None)
    return tmp_path


def share(home: Path) -> Path:
    return home / ".local" / "share" / "FunnelDesktop"


def old_database(home: Path) -> Path:
    """A real database with a pipeline, its WAL companion and two backups at the old place."""
    old = share(home) / "FunnelDesktop"
    (old / "backups").mkdir(parents=True)
    opened = open_database(old / "funnel.sqlite")
    Pipeline.create(name="Old shop", currency="CNY")
    opened.db.close()
    (old / "funnel.sqlite-wal").write_bytes(b"")
    for stamp in ("20261101-090000", "20261102-090000"):
        (old / "backups" / f"funnel.auto-{stamp}.sqlite").write_bytes(b"backup " + stamp.encode())
    return old


def test_the_data_folder_has_the_name_once(home: Path) -> None:
    assert paths.data_dir() == share(home)
    assert paths.default_db_path() == share(home) / "funnel.sqlite"
    assert paths.backup_dir() == share(home) / "backups"
    assert paths.log_dir() == share(home) / "logs"
    assert paths.last_move is None


def test_the_first_start_moves_the_database_and_its_backups_up(home: Path) -> None:
    old = old_database(home)
    assert paths.default_db_path() == share(home) / "funnel.sqlite"
    assert paths.last_move == paths.Move(old, share(home), True)
    assert not old.exists()  # nothing else was in it
    new = share(home)
    assert sorted(p.name for p in (new / "backups").iterdir()) == [
        "funnel.auto-20261101-090000.sqlite", "funnel.auto-20261102-090000.sqlite"]
    assert (new / "funnel.sqlite-wal").exists()
    opened = open_database(new / "funnel.sqlite", create=False)
    assert [p.name for p in Pipeline.select()] == ["Old shop"]
    opened.db.close()
    paths.last_move = None
    assert paths.data_dir() == new and paths.last_move is None  # once only


def test_other_files_keep_the_old_folder(home: Path) -> None:
    old = old_database(home)
    (old / "notes.txt").write_text("mine", encoding="utf-8")
    assert paths.data_dir() == share(home)
    assert (old / "notes.txt").read_text(encoding="utf-8") == "mine"
    assert not (old / "funnel.sqlite").exists()


def test_a_database_at_the_new_place_wins_and_the_old_stays_untouched(home: Path) -> None:
    old = old_database(home)
    (share(home) / "funnel.sqlite").write_bytes(b"")
    before = sorted(p.relative_to(old) for p in old.rglob("*"))
    assert paths.data_dir() == share(home)
    assert sorted(p.relative_to(old) for p in old.rglob("*")) == before
    assert paths.last_move is None


def test_when_the_move_fails_the_old_place_is_used_as_it_was(
        home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    old = old_database(home)
    before = {p.relative_to(old): p.read_bytes() for p in old.rglob("*") if p.is_file()}
    real = Path.rename

    def rename(self: Path, target: Path) -> Path:
        if self.name == "backups":  # e.g. Windows: a file in it is open elsewhere
            raise PermissionError(13, "in use", str(self))
        return real(self, target)

    monkeypatch.setattr(Path, "rename", rename)
    assert paths.data_dir() == old
    assert paths.default_db_path() == old / "funnel.sqlite"
    after = {p.relative_to(old): p.read_bytes() for p in old.rglob("*") if p.is_file()}
    assert after == before  # the files moved before the failure came back
    assert not (share(home) / "funnel.sqlite").exists()
    assert paths.last_move is not None and not paths.last_move.moved
    assert "in use" in paths.last_move.why


def test_open_recent_follows_the_move(home: Path, qapp: object) -> None:
    from funnel_desktop.ui.app import follow_moved_folder

    old = old_database(home)
    settings = QSettings(str(home / "settings.ini"), QSettings.Format.IniFormat)
    settings.setValue("recent", [str(old / "funnel.sqlite"), "/elsewhere/shop.sqlite"])
    paths.data_dir()
    follow_moved_folder(settings)
    assert settings.value("recent") == [str(share(home) / "funnel.sqlite"),
                                        "/elsewhere/shop.sqlite"]
