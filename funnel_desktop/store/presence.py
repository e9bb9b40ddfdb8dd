"""Who has a database file open, so that nothing replaces the file under another program.

Every connection this program opens to a SQLite file holds a shared lock on a small lock file
of its own (in the user's runtime folder, never beside the database); replacing the file (a
restore) takes that lock exclusively, so it waits for nobody and refuses while any other
window or command has the file open. Other programs (the sqlite3 shell, a database browser)
take no such lock: on Linux they are found by the files they hold open (``/proc``).

The lock file is not the database file itself: closing any descriptor of a file drops every
POSIX lock the process holds on it, SQLite's own included."""

from __future__ import annotations

import contextlib
import hashlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

from ..core.errors import StoreError

try:
    import fcntl
except ImportError:  # Windows: the operating system refuses to replace an open file
    fcntl = None  # type: ignore[assignment]


def _lock_dir() -> Path:
    base = os.environ.get("XDG_RUNTIME_DIR") or tempfile.gettempdir()
    uid = os.getuid() if hasattr(os, "getuid") else 0
    folder = Path(base) / f"funnel-desktop-{uid}" / "locks"
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    return folder


def lock_file(db_path: str | Path) -> Path:
    """The lock file that stands for ``db_path`` (by its resolved path)."""
    key = hashlib.sha1(str(Path(db_path).resolve()).encode()).hexdigest()[:20]
    return _lock_dir() / f"{key}.lock"


class Presence:
    """A shared hold on a database file, for as long as a connection to it is open."""

    def __init__(self, db_path: str | Path) -> None:
        self.path = Path(db_path)
        self._fd: int | None = None
        if fcntl is None:
            return
        try:
            fd = os.open(lock_file(self.path), os.O_RDWR | os.O_CREAT, 0o600)
        except OSError:
            return  # no runtime folder to write in: nothing to coordinate with
        try:
            fcntl.flock(fd, fcntl.LOCK_SH | fcntl.LOCK_NB)
        except OSError:
            os.close(fd)  # being replaced right now
            raise StoreError("db_locked", path=str(self.path)) from None
        self._fd = fd

    def release(self) -> None:
        if self._fd is not None:
            with contextlib.suppress(OSError):
                os.close(self._fd)
            self._fd = None


def _others_on_proc(db_path: Path) -> list[str]:
    """Other processes with the file (or its -wal / -shm) open, as "name (pid)" — Linux."""
    proc = Path("/proc")
    if not proc.is_dir():
        return []
    try:
        target = str(db_path.resolve())
    except OSError:
        return []
    names = {target, target + "-wal", target + "-shm", target + "-journal"}
    me = os.getpid()
    found: list[str] = []
    for entry in proc.iterdir():
        if not entry.name.isdigit() or int(entry.name) == me:
            continue
        try:
            fds = list((entry / "fd").iterdir())
        except OSError:
            continue
        for fd in fds:
            try:
                if os.readlink(fd) in names:
                    comm = (entry / "comm").read_text().strip()
                    found.append(f"{comm} ({entry.name})")
                    break
            except OSError:
                continue
    return found


def holders(db_path: str | Path) -> list[str]:
    """Other programs that have the database open ("name (pid)"), as far as can be told."""
    return _others_on_proc(Path(db_path))


@contextlib.contextmanager
def replacing(db_path: str | Path) -> Iterator[None]:
    """Hold the file alone while it is replaced; :class:`StoreError` ``db_in_use`` naming who
    has it open (nothing changed) when another window, command or program does."""
    path = Path(db_path)
    fd = None
    if fcntl is not None:
        try:
            fd = os.open(lock_file(path), os.O_RDWR | os.O_CREAT, 0o600)
        except OSError:
            fd = None
    try:
        if fd is not None:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except OSError:
                others = holders(path) or ["Funnel Desktop"]
                raise StoreError("db_in_use", path=str(path),
                                 holders=", ".join(others)) from None
        others = holders(path)
        if others:
            raise StoreError("db_in_use", path=str(path), holders=", ".join(others))
        yield
    finally:
        if fd is not None:
            os.close(fd)
