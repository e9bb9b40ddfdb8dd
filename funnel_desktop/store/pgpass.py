"""libpq's own password file (``~/.pgpass``, mode 0600; ``%APPDATA%\\postgresql\\pgpass.conf``
on Windows): where "remember me" keeps a server password, and what libpq — the app, the
command line, psql — reads by itself when a URL has none. The app never writes a password
anywhere else."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from urllib.parse import urlsplit


def path() -> Path:
    """The password file libpq reads (``PGPASSFILE`` first, as libpq does)."""
    if os.environ.get("PGPASSFILE"):
        return Path(os.environ["PGPASSFILE"])
    if sys.platform == "win32":
        return Path(os.environ.get("APPDATA", Path.home())) / "postgresql" / "pgpass.conf"
    return Path.home() / ".pgpass"


def _field(value: str) -> str:
    return value.replace("\\", "\\\\").replace(":", "\\:")


def remember(location: str, user: str, password: str) -> Path:
    """Add (or replace) the line for this server, database and user; the file stays 0600."""
    parts = urlsplit(location)
    key = [_field(parts.hostname or "localhost"), _field(str(parts.port or 5432)),
           _field(parts.path.lstrip("/") or "*"), _field(user)]
    prefix = ":".join(key) + ":"
    file = path()
    file.parent.mkdir(parents=True, exist_ok=True)
    lines = []
    if file.exists():
        lines = [line for line in file.read_text(encoding="utf-8").splitlines()
                 if not line.startswith(prefix)]
    lines.append(prefix + _field(password))
    fd = os.open(file, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")
    os.chmod(file, 0o600)
    return file
