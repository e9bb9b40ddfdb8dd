"""Where a database is: a SQLite file or a server URL, and what of a URL may be shown (a
password never is)."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import quote


def is_url(location: str) -> bool:
    return "://" in location


def without_password(location: str) -> str:
    """A server URL without its password (what is remembered); anything else unchanged."""
    if not is_url(location):
        return location
    from urllib.parse import urlsplit, urlunsplit

    try:
        parts = urlsplit(location)
        if parts.password is None:
            return location
        netloc = (parts.username or "") + "@" + (parts.hostname or "") + (
            f":{parts.port}" if parts.port else "")
    except ValueError:
        return mask_url(location)
    return urlunsplit((parts.scheme, netloc, parts.path, parts.query, parts.fragment))


def with_password(location: str, user: str, password: str) -> str:
    """A server URL with this user and password (to connect with; never to keep)."""
    from urllib.parse import quote, urlsplit, urlunsplit

    parts = urlsplit(location)
    netloc = quote(user, safe="") + ":" + quote(password, safe="") + "@" + (
        parts.hostname or "") + (f":{parts.port}" if parts.port else "")
    return urlunsplit((parts.scheme, netloc, parts.path, parts.query, parts.fragment))


def mask_url(location: str) -> str:
    """A database location as it may be shown, logged or printed: a URL's password is
    replaced by ``***``."""
    if not is_url(location):
        return location
    from urllib.parse import urlsplit, urlunsplit

    try:
        parts = urlsplit(location)
    except ValueError:
        return "***"
    if parts.password is None:
        return location
    user = parts.username or ""
    host = parts.hostname or ""
    port = f":{parts.port}" if parts.port else ""
    return urlunsplit((parts.scheme, f"{user}:***@{host}{port}", parts.path, parts.query,
                       parts.fragment))


def hide_password(text: str, location: str) -> str:
    """``text`` with the password of ``location`` (a URL) replaced, wherever it appears."""
    if not is_url(location):
        return text
    from urllib.parse import unquote, urlsplit

    try:
        password = urlsplit(location).password
    except ValueError:
        return text.replace(location, "***")
    if not password:
        return text
    for secret in {password, unquote(password)}:
        text = text.replace(secret, "***")
    return text


def sqlite_uri(path: Path, *, readonly: bool = True) -> str:
    """A ``file:`` URI for ``path`` (its characters quoted: a ``?`` or ``#`` in a folder's
    name would otherwise name another file). Read-only: ``mode=ro``, and ``immutable=1``
    for a WAL database nobody has open (no ``-wal`` or ``-shm`` beside it), which SQLite then
    reads without creating those two files (it could not in a read-only folder, and would
    leave them behind in any other)."""
    uri = f"file:{quote(path.as_posix())}"
    if not readonly:
        return uri
    uri += "?mode=ro"
    if _idle_wal(path):
        uri += "&immutable=1"
    return uri


def _idle_wal(path: Path) -> bool:
    """True for a WAL-mode SQLite file closed cleanly (no other connection: in WAL mode an
    open connection keeps ``-shm`` in place)."""
    try:
        with open(path, "rb") as fh:
            header = fh.read(20)
    except OSError:
        return False
    if not header.startswith(b"SQLite format 3\x00") or header[18:20] != b"\x02\x02":
        return False
    return not any(path.with_name(path.name + s).exists() for s in ("-wal", "-shm"))
