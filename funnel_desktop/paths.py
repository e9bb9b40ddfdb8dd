"""Where the app keeps its files by default: the user's data folder (via QStandardPaths), with
the database, its backups and the log.

Qt's AppDataLocation names both the organisation and the application, which are the same here
(``…/FunnelDesktop/FunnelDesktop``); the data folder is the one level above it
(``~/.local/share/FunnelDesktop``, ``%APPDATA%\\FunnelDesktop``,
``~/Library/Application Support/FunnelDesktop``). A database left at the doubled place by an
earlier version is moved up on the first start, with its backups; when that fails it is used
where it is."""

from __future__ import annotations

import contextlib
import logging
import os
from dataclasses import dataclass
from pathlib import Path

APP_NAME = "FunnelDesktop"
ORG_NAME = "FunnelDesktop"
DB_NAME = "funnel.sqlite"
#: What belongs to the database at the old place: the file, SQLite's companions, the backups.
_MOVED = (DB_NAME, f"{DB_NAME}-wal", f"{DB_NAME}-shm", f"{DB_NAME}-journal", "backups")

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Move:
    """What the first start did with the old data folder: ``moved`` (else it is used as it
    is, ``why`` says what failed)."""

    old: Path
    new: Path
    moved: bool
    why: str = ""


#: The move this process made or tried (None when there was nothing to move).
last_move: Move | None = None


def data_dir() -> Path:
    """The per-user data folder (``FUNNEL_DESKTOP_HOME`` overrides it, e.g. in tests); the
    old doubled folder when its database is there and could not be moved."""
    override = os.environ.get("FUNNEL_DESKTOP_HOME")
    if override:
        return Path(override)
    from PySide6.QtCore import QCoreApplication, QStandardPaths

    QCoreApplication.setOrganizationName(ORG_NAME)
    QCoreApplication.setApplicationName(APP_NAME)
    location = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
    if not location:
        return Path.home() / ".funnel-desktop"
    old = Path(location)
    if old.name != APP_NAME or old.parent.name != ORG_NAME:
        return old  # not the doubled name (another Qt, another platform): as it is
    return settle(old.parent, old)


def settle(new: Path, old: Path) -> Path:
    """``new``, after moving the database and its backups there from ``old`` when only
    ``old`` holds one; ``old`` when that move fails (everything then stays where it was)."""
    global last_move
    if not (old / DB_NAME).is_file() or (new / DB_NAME).exists():
        return new
    done: list[tuple[Path, Path]] = []
    try:
        for name in _MOVED:
            source, target = old / name, new / name
            if not source.exists():
                continue
            if target.exists():  # e.g. a backups folder at both places: keep both apart
                raise FileExistsError(f"{target} exists already")
            source.rename(target)
            done.append((source, target))
    except OSError as exc:
        for source, target in reversed(done):
            try:
                target.rename(source)
            except OSError:  # pragma: no cover - it was just moved there
                log.exception("could not move %s back to %s", target, source)
        last_move = Move(old, new, False, str(exc))
        log.warning("kept the data folder %s: moving it to %s failed (%s)", old, new, exc)
        return old
    with contextlib.suppress(OSError):
        old.rmdir()  # only when nothing else was left in it
    last_move = Move(old, new, True)
    log.info("moved the database and its backups from %s to %s", old, new)
    return new


def default_db_path() -> Path:
    """The embedded SQLite database used when no other is chosen."""
    return data_dir() / DB_NAME


def backup_dir() -> Path:
    return data_dir() / "backups"


def log_dir() -> Path:
    """Where the app's log files are kept."""
    return data_dir() / "logs"
