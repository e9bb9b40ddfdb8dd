"""Copies of a SQLite database through SQLite's own backup API (safe while it is open)."""

from __future__ import annotations

import contextlib
import errno
import os
import re
import shutil
import sqlite3
import time
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from ..core.errors import StoreError
from .db_errors import map_error, translated_errors
from .locations import sqlite_uri
from .presence import replacing
from .schema import migrations_in

#: Seconds a backup or restore waits for another program's lock on the database before it
#: gives up with ``db_locked`` (SQLite's own backup would wait for ever).
LOCK_DEADLINE = 10.0


class _Deadline(Exception):
    """The source stayed locked past :data:`LOCK_DEADLINE`."""


def backup_sqlite(source: str | Path, dest: str | Path, *, verify: bool = True) -> Path:
    """Copy the database ``source`` to ``dest`` (mode 0600) and return ``dest``.

    The copy is written to ``dest.part`` and checked (``PRAGMA quick_check``) before it is
    moved to ``dest``, so what is called a backup opens; a damaged source is refused with
    ``db_corrupt``, a lock held past :data:`LOCK_DEADLINE` with ``db_locked``, a full disk
    with ``disk_full``, and ``dest.part`` is removed on every failure."""
    source, dest = Path(source), Path(dest)
    location = str(source)
    if dest.exists() and not dest.is_file():  # a folder, a device, a pipe: never replaced
        raise StoreError("file_write", path=str(dest), detail="it is not a regular file")
    if dest.parent.exists() and not dest.parent.is_dir():  # the backup folder is a file
        raise StoreError("file_write", path=str(dest.parent), detail="it is not a folder")
    tmp = dest.with_name(dest.name + ".part")
    made_folder = not dest.parent.exists()
    try:
        dest.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        os.close(fd)
        _copy(source, tmp, sqlite_uri(source))
        if verify:
            _verify(tmp, location)
        os.replace(tmp, dest)
    except BaseException as exc:
        for p in (tmp, *(tmp.with_name(tmp.name + s) for s in ("-wal", "-shm", "-journal"))):
            with contextlib.suppress(OSError):  # e.g. the "folder" is a file: nothing made
                p.unlink(missing_ok=True)
        if made_folder:
            with contextlib.suppress(OSError):
                dest.parent.rmdir()  # only if it is still empty
        if isinstance(exc, _Deadline):
            raise StoreError("db_locked", path=location) from None
        if isinstance(exc, OSError) and exc.errno != errno.ENOSPC:  # the backup's folder
            raise StoreError("file_write", path=str(dest),  # (not "your account … server")
                             detail=exc.strerror or str(exc)) from exc
        if isinstance(exc, sqlite3.Error | OSError):
            raise map_error(exc, location) from exc
        raise
    return dest


def _copy(source: Path, tmp: Path, uri: str) -> None:
    deadline = time.monotonic() + LOCK_DEADLINE

    def progress(status: int, _remaining: int, _total: int) -> None:
        if status in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED) and (
                time.monotonic() > deadline):
            raise _Deadline

    src = sqlite3.connect(uri, uri=True, timeout=min(3.0, LOCK_DEADLINE))
    try:
        dst = sqlite3.connect(tmp)
        try:
            src.backup(dst, pages=256, progress=progress, sleep=0.05)
        finally:
            dst.close()
    except sqlite3.OperationalError as exc:
        if "locked" in str(exc).lower() or "busy" in str(exc).lower():
            raise _Deadline from None
        raise
    finally:
        src.close()


def _verify(copy: Path, location: str) -> None:
    """``db_corrupt`` (naming the source) unless the copy passes ``PRAGMA quick_check``."""
    con = sqlite3.connect(sqlite_uri(copy), uri=True)  # immutable: nothing made beside it
    try:
        try:
            row = con.execute("PRAGMA quick_check").fetchone()
        except sqlite3.DatabaseError as exc:
            row = (str(exc),)
    finally:
        con.close()
    if row is None or row[0] != "ok":
        raise StoreError("db_corrupt", path=location, detail=row[0] if row else "?")


def stamped_name(db_path: str | Path, label: str) -> str:
    """``shop.sqlite`` → ``shop.<label>-20261124-050600.sqlite``."""
    p = Path(db_path)
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    return f"{p.stem}.{label}-{stamp}{p.suffix or '.sqlite'}"


# -- rolling backups, backup now, restore (File → Backup, ``funnel-desktop backup``) ---------
DEFAULT_KEEP = 10
#: The setting that holds how many rolling backups to keep.
KEEP_SETTING = "backup_keep"
AUTO_LABEL = "auto"


@dataclass(frozen=True, slots=True)
class BackupInfo:
    """One backup file of a database: its label (auto, manual, schema1, before-restore…),
    when it was taken (local time, from its name) and its size in bytes."""

    path: Path
    label: str
    taken: datetime
    size: int


def default_backup_dir(db_path: str | Path) -> Path:
    """``backups/`` beside the database (for the app's own database this is the data
    folder's ``backups``)."""
    return Path(db_path).expanduser().parent / "backups"


def _name_pattern(db_path: Path) -> re.Pattern[str]:
    suffix = db_path.suffix or ".sqlite"
    return re.compile(rf"^{re.escape(db_path.stem)}\.([A-Za-z0-9_]+(?:-[A-Za-z_]+)*)-"
                      rf"(\d{{8}}-\d{{6}})(?:-(\d+))?{re.escape(suffix)}$")


def list_backups(db_path: str | Path, backup_dir: str | Path | None = None
                 ) -> list[BackupInfo]:
    """The backups of this database in ``backup_dir``, newest first."""
    db_path = Path(db_path).expanduser()
    folder = Path(backup_dir) if backup_dir is not None else default_backup_dir(db_path)
    if not folder.is_dir():
        return []
    pattern = _name_pattern(db_path)
    out = []
    for p in folder.iterdir():
        m = pattern.match(p.name)
        if m is None or not p.is_file():
            continue
        taken = datetime.strptime(m.group(2), "%Y%m%d-%H%M%S")
        st = p.stat()
        out.append((taken, int(m.group(3) or 1), st.st_mtime_ns,
                    BackupInfo(p, m.group(1), taken, st.st_size)))
    out.sort(key=lambda t: t[:3], reverse=True)  # the name's time, its number, then mtime
    return [t[3] for t in out]


def _unique_dest(folder: Path, db_path: Path, label: str) -> Path:
    """A time-stamped name in ``folder`` that sorts after every backup taken in the same
    second (``-2``, ``-3``…)."""
    first = folder / stamped_name(db_path, label)
    suffix = db_path.suffix or ".sqlite"
    stem = first.name[:-len(suffix)]
    numbers = [1] if first.exists() else []
    if folder.is_dir():
        pattern = re.compile(rf"{re.escape(stem)}-(\d+){re.escape(suffix)}")
        for p in folder.iterdir():
            m = pattern.fullmatch(p.name)
            if m:
                numbers.append(int(m.group(1)))
    return first.with_name(f"{stem}-{max(numbers) + 1}{suffix}") if numbers else first


def _sqlite_errors(path: Path) -> Any:
    return translated_errors(str(path))


def backup_now(db_path: str | Path, dest: str | Path | None = None, *,
               backup_dir: str | Path | None = None, label: str = "manual") -> Path:
    """Copy the database now (to ``dest``, or a time-stamped name in the backup folder)."""
    db_path = Path(db_path).expanduser()
    if not db_path.is_file():
        raise StoreError("db_missing", path=str(db_path))
    if dest is None:
        folder = Path(backup_dir) if backup_dir is not None else default_backup_dir(db_path)
        dest = _unique_dest(folder, db_path, label)
    return backup_sqlite(db_path, dest)


def prune_backups(db_path: str | Path, keep: int, *, backup_dir: str | Path | None = None,
                  label: str = AUTO_LABEL) -> list[Path]:
    """Remove the oldest backups with ``label`` beyond the newest ``keep``; returns them."""
    old = [b.path for b in list_backups(db_path, backup_dir) if b.label == label][max(keep, 0):]
    for p in old:
        p.unlink(missing_ok=True)
    return old


def rolling_backup(db_path: str | Path, *, backup_dir: str | Path | None = None,
                   keep: int = DEFAULT_KEEP, skip_unchanged: bool = True) -> Path | None:
    """The backup taken when a database is opened: keeps the newest ``keep`` (0 turns it
    off), removing the oldest. Skipped (None) when the newest one is younger than the
    database file and nothing waits in its write-ahead log."""
    db_path = Path(db_path).expanduser()
    if keep <= 0 or not db_path.is_file():
        return None
    if skip_unchanged:
        autos = [b for b in list_backups(db_path, backup_dir) if b.label == AUTO_LABEL]
        wal = db_path.with_name(db_path.name + "-wal")
        pending = wal.exists() and wal.stat().st_size > 0
        if autos and not pending and autos[0].path.stat().st_mtime >= db_path.stat().st_mtime:
            return None
    dest = backup_now(db_path, backup_dir=backup_dir, label=AUTO_LABEL)
    prune_backups(db_path, keep, backup_dir=backup_dir)
    return dest


def check_backup(path: str | Path) -> None:
    """Raise :class:`StoreError` unless ``path`` is a Funnel Desktop database that opens,
    passes ``PRAGMA quick_check`` and is not from a newer version. Opens it read-only."""
    path = Path(path).expanduser()
    if not path.is_file():
        raise StoreError("backup_missing", path=str(path))
    try:
        con = sqlite3.connect(sqlite_uri(path), uri=True, timeout=3)
        try:
            row = con.execute("PRAGMA quick_check").fetchone()
            if row is None or row[0] != "ok":
                raise StoreError("backup_invalid", path=str(path),
                                 detail=row[0] if row else "quick_check failed")
            tables = {r[0] for r in con.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table'")}
            if not {"schema_migration", "deal", "pipeline"} <= tables:
                raise StoreError("backup_invalid", path=str(path),
                                 detail="not a Funnel Desktop database")
            applied = {r[0] for r in con.execute("SELECT name FROM schema_migration")}
        finally:
            con.close()
    except sqlite3.Error as exc:
        raise StoreError("backup_invalid", path=str(path), detail=str(exc)) from None
    unknown = applied - {m.name for m in migrations_in()}
    if unknown:
        raise StoreError("backup_invalid", path=str(path),
                         detail="made by a newer version of Funnel Desktop")


def _ensure_unlocked(db_path: Path) -> None:
    try:
        con = sqlite3.connect(str(db_path), timeout=0.2, isolation_level=None)
        try:
            con.execute("BEGIN EXCLUSIVE")
            con.execute("ROLLBACK")
        finally:
            con.close()
    except sqlite3.OperationalError as exc:
        if "locked" in str(exc).lower() or "busy" in str(exc).lower():
            raise StoreError("db_locked", path=str(db_path)) from None
    except sqlite3.DatabaseError:
        pass  # a damaged file: restoring is what it needs


def restore_backup(backup: str | Path, db_path: str | Path, *,
                   backup_dir: str | Path | None = None) -> Path | None:
    """Replace the database with ``backup`` (close the database first).

    The backup is checked before anything changes; the current file is copied first to a
    ``before-restore`` backup, whose path is returned (None when there was no file). The
    restored copy is written beside the database as ``.restoring``, checked, then moved over
    it; on any failure the database is left as it was and the temporary file removed. While
    another window, command or program has the file open nothing is changed: a
    :class:`StoreError` ``db_in_use`` names who."""
    backup, db_path = Path(backup).expanduser(), Path(db_path).expanduser()
    check_backup(backup)
    if db_path.exists() and backup.resolve() == db_path.resolve():
        raise StoreError("backup_invalid", path=str(backup), detail="it is the database itself")
    if db_path.exists() and not os.access(db_path, os.W_OK):
        raise StoreError("db_readonly", path=str(db_path))
    if not os.access(db_path.parent if db_path.parent.exists() else Path("."), os.W_OK):
        raise StoreError("db_readonly", path=str(db_path))
    with replacing(db_path):  # nobody else has it open, and nobody opens it meanwhile
        return _restore(backup, db_path, backup_dir)


def _restore(backup: Path, db_path: Path, backup_dir: str | Path | None) -> Path | None:
    safety = None
    tmp = db_path.with_name(db_path.name + ".restoring")
    if db_path.exists():
        _ensure_unlocked(db_path)
        folder = Path(backup_dir) if backup_dir is not None else default_backup_dir(db_path)
        dest = _unique_dest(folder, db_path, "before-restore")
        try:
            safety = backup_sqlite(db_path, dest)
        except StoreError as err:
            if err.code != "db_corrupt":
                raise
            safety = _copy_bytes(db_path, dest)  # damaged: keep its bytes as they are
    try:
        backup_sqlite(backup, tmp)
        for extra in ("-wal", "-shm", "-journal"):  # a stale log must not replay over it
            db_path.with_name(db_path.name + extra).unlink(missing_ok=True)
        os.replace(tmp, db_path)
    except BaseException as exc:
        tmp.unlink(missing_ok=True)
        if isinstance(exc, OSError):
            raise map_error(exc, str(db_path)) from exc
        raise
    return safety


def _copy_bytes(db_path: Path, dest: Path) -> Path:
    """The file's bytes as they are (a damaged database), mode 0600; the partial copy
    removed if it fails."""
    tmp = dest.with_name(dest.name + ".part")
    try:
        dest.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(db_path, tmp)
        os.chmod(tmp, 0o600)
        os.replace(tmp, dest)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise map_error(exc, str(db_path)) from exc
    return dest
