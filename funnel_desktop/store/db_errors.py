"""What a database driver's errors mean, as :class:`StoreError` a person can act on (no
password in them)."""

from __future__ import annotations

import errno
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager

import peewee

from ..core.errors import StoreError, ValidationError, printable
from ..core.limits import MAX_NAME_CHARS
from .locations import hide_password, mask_url


def connect_error(exc: Exception, location: str) -> StoreError:
    """Why a server connection failed, in words a person can act on (no password in it)."""
    shown = mask_url(location)
    detail = hide_password(str(exc), location).strip()
    text = detail.lower()
    from urllib.parse import urlsplit

    try:
        parts = urlsplit(location)
        user, host = parts.username or "", parts.hostname or "localhost"
    except ValueError:
        user, host = "", ""
    if "password authentication failed" in text or "authentication failed" in text:
        return StoreError("db_login_failed", path=shown, user=user)
    if "no password supplied" in text:
        return StoreError("db_password_needed", path=shown, user=user)
    if ("could not connect" in text or "connection refused" in text or "timeout" in text
            or "could not translate host" in text or "no route" in text):
        return StoreError("db_server_down", path=shown, host=host)
    if "permission denied for database" in text or "not permitted to log in" in text \
            or ("does not exist" in text and "role" in text):
        return StoreError("db_no_access", path=shown, user=user)
    return StoreError("db_connect", path=shown, detail=detail)


def _chain(exc: BaseException) -> list[BaseException]:
    """``exc`` and the errors it was raised in (``__cause__`` / ``__context__``), first the
    earliest: a failed ROLLBACK hides the error that made it roll back."""
    out: list[BaseException] = []
    seen: set[int] = set()
    e: BaseException | None = exc
    while e is not None and id(e) not in seen:
        seen.add(id(e))
        out.append(e)
        e = e.__cause__ or e.__context__
    return out[::-1]


def _disk_full(exc: BaseException) -> bool:
    if isinstance(exc, OSError) and exc.errno == errno.ENOSPC:
        return True
    text = str(exc).lower()
    return "disk is full" in text or "disk full" in text or "no space" in text


def map_error(exc: Exception, location: str) -> StoreError:
    """Turn a driver error into a :class:`StoreError` a person can act on (a full disk said
    as such, even when SQLite's own rollback after it failed with "cannot rollback")."""
    if any(_disk_full(e) for e in _chain(exc)):
        return StoreError("disk_full", path=mask_url(location))
    for e in _chain(exc)[:-1]:  # the error behind "cannot rollback - no transaction…"
        if isinstance(e, peewee.DatabaseError | sqlite3.DatabaseError) and \
                "cannot rollback" in str(exc).lower():
            return map_error(e, location)
    text = str(exc).lower()
    if ("row-level security" in text or "permission denied" in text
            or "insufficient privilege" in text):
        return StoreError("db_denied", path=mask_url(location))
    if "locked" in text or "busy" in text:
        return StoreError("db_locked", path=mask_url(location))
    if "readonly" in text or "read-only" in text or "read only" in text:
        return StoreError("db_readonly", path=mask_url(location))
    if ("malformed" in text or "not a database" in text or "corrupt" in text
            or "disk i/o" in text):
        return StoreError("db_corrupt", path=mask_url(location), detail=str(exc))
    if isinstance(exc, peewee.OperationalError) and "unable to open" in text:
        return StoreError("db_readonly", path=mask_url(location))
    return StoreError("db_error", path=mask_url(location),
                      detail=hide_password(str(exc), location))


@contextmanager
def translated_errors(location: str) -> Iterator[None]:
    """Re-raise database errors inside the block as :class:`StoreError`; text the database
    cannot keep (a lone surrogate; longer than a column on PostgreSQL) as the
    :class:`ValidationError` the services' own checks raise, should a value reach the
    database unchecked."""
    try:
        yield
    except StoreError:
        raise
    except UnicodeEncodeError as exc:
        raise ValidationError("text_control", None,
                              char=printable(exc.object[exc.start:exc.end])) from exc
    except (peewee.DatabaseError, sqlite3.DatabaseError, OSError,
            peewee.InterfaceError) as exc:
        if getattr(getattr(exc, "orig", exc), "pgcode", None) == "22001" or (
                "value too long for type character varying" in str(exc)):
            raise ValidationError("text_too_long_db", None, limit=MAX_NAME_CHARS) from exc
        raise map_error(exc, location) from exc
