"""Opening a database by path or URL, checking it, and migrating it to the current schema."""

from __future__ import annotations

import os
import sqlite3
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import quote

import peewee
from playhouse.migrations import Migration, Runner

from ..core.errors import StoreError
from .backup import backup_sqlite, stamped_name

# re-exported: what opening needs is imported from here by the rest of the package
from .db_errors import connect_error as connect_error
from .db_errors import map_error as map_error
from .db_errors import translated_errors as translated_errors
from .locations import is_url as is_url
from .locations import mask_url as mask_url
from .locations import sqlite_uri as sqlite_uri
from .locations import with_password as with_password
from .locations import without_password as without_password
from .models import database
from .presence import Presence
from .schema import MIGRATIONS, migrations_in

#: Per-connection pragmas. WAL is set once, after the checks (it is stored in the file, and a
#: file that turns out to be damaged, newer or not ours must be left exactly as it was).
SQLITE_PRAGMAS = {
    "busy_timeout": 3000,  # first: the pragmas after it may wait for a lock
    "foreign_keys": 1,
    "cache_size": -64000,
    "synchronous": "normal",
}


def known_migrations() -> list[Migration]:
    """The migration files this version ships, in order."""
    return migrations_in(MIGRATIONS)


SCHEMA_VERSION = len(known_migrations())


@dataclass(slots=True)
class OpenedDatabase:
    """What :func:`open_database` did: the database, its schema version and any backup made."""

    db: peewee.Database
    location: str
    schema_version: int
    readonly: bool = False
    migrated_from: int | None = None
    backup: Path | None = None
    #: a server URL as it was connected with, password included (memory only: never shown,
    #: logged or stored; ``location`` is the same URL without it)
    connect_url: str = field(default="", repr=False)

    @property
    def reopen_with(self) -> str:
        """What opens the same database again: the URL with its password, or the file."""
        return self.connect_url or self.location

    @property
    def is_sqlite(self) -> bool:
        return isinstance(self.db, peewee.SqliteDatabase)

    @property
    def path(self) -> Path | None:
        """The SQLite file, or None for a server database."""
        return Path(self.location) if self.is_sqlite else None


class FileDatabase(peewee.SqliteDatabase):
    """A SQLite file whose every open connection holds the file's presence (see
    ``store/presence.py``): nothing replaces the file while it is open here."""

    def __init__(self, database: str, *, file: Path, **kwargs: Any) -> None:
        super().__init__(database, **kwargs)
        self.file = file
        self._holds: dict[int, Presence] = {}

    # peewee's stubs leave out its connection hooks, _connect and _close
    def _connect(self) -> sqlite3.Connection:
        conn: sqlite3.Connection = super()._connect()  # type: ignore[misc]
        try:
            self._holds[id(conn)] = Presence(self.file)
        except StoreError:
            conn.close()
            raise
        return conn

    def _close(self, conn: sqlite3.Connection) -> None:
        try:
            super()._close(conn)  # type: ignore[misc]
        finally:
            hold = self._holds.pop(id(conn), None)
            if hold is not None:
                hold.release()


def _sqlite(path: Path, readonly: bool) -> peewee.SqliteDatabase:
    if readonly:
        return FileDatabase(sqlite_uri(path), file=path, uri=True,
                            pragmas={"foreign_keys": 1, "query_only": 1}, timeout=3)
    return FileDatabase(str(path), file=path, pragmas=SQLITE_PRAGMAS, timeout=3)


def _create_private_file(path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    os.close(fd)


def open_database(location: str | Path, *, create: bool = True, readonly: bool = False,
                  migrate: bool = True, backup_dir: Path | None = None,
                  defer_check: bool = False) -> OpenedDatabase:
    """Open (and if needed create and migrate) the database at a path or URL.

    Binds the models' database proxy to it. Raises :class:`StoreError` with codes
    ``db_missing``, ``db_locked``, ``db_readonly``, ``db_corrupt``, ``db_newer``,
    ``db_not_funnel`` or ``db_connect``; on error nothing in the file has changed.

    A SQLite file gets ``PRAGMA quick_check`` (it reads the whole file: 0.3 s at 100,000
    deals) before anything is written to it. With ``defer_check`` it is skipped when opening
    writes nothing (no migration, already in WAL mode): the caller runs :func:`quick_check`
    later, e.g. after the window has shown. A file whose first page or schema is damaged is
    refused either way.
    """
    location = str(location)
    backup = None
    checked = False
    if is_url(location):
        from playhouse.db_url import connect as connect_url  # only for a server database

        try:
            db = connect_url(location, unquote_password=True, unquote_user=True)
            db.connect()
        except Exception as exc:  # driver-specific errors
            raise connect_error(exc, location) from exc
    else:
        path = Path(location).expanduser()
        location = str(path)
        if not path.exists():
            if not create or readonly:
                raise StoreError("db_missing", path=location)
            _create_private_file(path)
        elif path.is_dir():
            raise StoreError("db_not_funnel", path=location)
        elif readonly and path.stat().st_size == 0:
            raise StoreError("db_empty", path=location)
        elif not readonly and not (os.access(path, os.W_OK) and os.access(path.parent, os.W_OK)):
            raise StoreError("db_readonly", path=location)
        db = _sqlite(path, readonly)
        try:
            with translated_errors(location):
                db.connect()
                if not defer_check:
                    _check_connection(db, location)
                    checked = True
        except StoreError:
            db.close()
            raise
    try:
        with translated_errors(location):
            version, pending, unknown = _schema_state(db)
            if unknown:
                raise StoreError("db_newer", path=location, found=version + len(unknown),
                                 known=SCHEMA_VERSION)
            migrated_from = None
            is_sqlite = isinstance(db, peewee.SqliteDatabase)
            if pending and version == 0 and readonly:
                raise StoreError("db_not_funnel", path=location)
            if pending and migrate and readonly and is_sqlite:
                # an older file read without changing it: a migrated copy of it is read
                db.close()
                return _open_migrated_copy(Path(location), version)
            if pending and migrate and not readonly:
                if is_sqlite and not checked:  # before the backup and the migration
                    _check_connection(db, location)
                    checked = True
                tables = set(db.get_tables())
                if version == 0 and tables - {"schema_migration"}:
                    raise StoreError("db_not_funnel", path=location)
                if version > 0 and isinstance(db, peewee.SqliteDatabase):
                    p = Path(location)
                    dest = (backup_dir or p.parent) / stamped_name(p, f"schema{version}")
                    backup = backup_sqlite(p, dest)
                migrated_from = version
                try:
                    Runner(db, str(MIGRATIONS)).up()
                except peewee.DatabaseError as exc:
                    if isinstance(db, peewee.PostgresqlDatabase) and "permission" in str(
                            exc).lower():
                        raise StoreError("db_needs_upgrade", path=mask_url(location),
                                         found=version, known=SCHEMA_VERSION) from exc
                    raise
                version = SCHEMA_VERSION
            elif pending and version == 0:
                raise StoreError("db_not_funnel", path=location)
            if is_sqlite and migrate and not readonly:
                if not checked and db.execute_sql("PRAGMA journal_mode").fetchone()[0] != "wal":
                    _check_connection(db, location)  # switching to WAL writes to the file
                    checked = True
                if checked:  # (a deferred check means the file is in WAL mode already)
                    db.execute_sql("PRAGMA journal_mode=wal")
    except StoreError:
        db.close()
        raise
    # Bound only now: after a failed open the models keep the database they had.
    database.initialize(db)
    if is_url(location):
        return OpenedDatabase(db, without_password(location), version, readonly,
                              migrated_from, backup, location)
    return OpenedDatabase(db, location, version, readonly, migrated_from, backup)


def _open_migrated_copy(path: Path, version: int) -> OpenedDatabase:
    """A read-only opening of an older file: copied (SQLite's backup API, the file itself
    only read) to a temporary folder removed when the program ends, migrated there, read
    from there."""
    import atexit
    import shutil
    import tempfile

    folder = Path(tempfile.mkdtemp(prefix="funnel-readonly-"))
    atexit.register(shutil.rmtree, folder, ignore_errors=True)
    copy = folder / path.name
    location = str(path)
    with translated_errors(location):
        src = sqlite3.connect(sqlite_uri(path), uri=True, timeout=3)
        try:
            _verdict(src.execute("PRAGMA quick_check").fetchone(), location)
            dst = sqlite3.connect(copy)
            try:
                src.backup(dst)
            finally:
                dst.close()
        finally:
            src.close()
    opened = open_database(copy, create=False, backup_dir=folder)
    opened.db.close()
    db = _sqlite(copy, True)
    with translated_errors(location):
        db.connect()
    database.initialize(db)
    return OpenedDatabase(db, location, SCHEMA_VERSION, True, version, None)


def _check_connection(db: peewee.Database, location: str) -> None:
    _verdict(db.execute_sql("PRAGMA quick_check").fetchone(), location)


def _verdict(row: tuple[Any, ...] | None, location: str) -> None:
    """``db_corrupt`` unless ``PRAGMA quick_check`` answered "ok"."""
    if row is None or row[0] != "ok":
        raise StoreError("db_corrupt", path=location, detail=row[0] if row else "?")


class FileCheck:
    """``PRAGMA quick_check`` of a SQLite file on a read-only connection of its own, so that
    :meth:`run` may go on in a worker thread while the app works on the file, and
    :meth:`cancel` (from any thread) cuts it short."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self._lock = threading.Lock()
        self._con: sqlite3.Connection | None = None
        self._cancelled = False

    def run(self) -> None:
        """:class:`StoreError` ``db_corrupt`` when the file is damaged (other codes when it
        cannot be read, ``db_error`` when cancelled)."""
        location = str(self.path)
        with translated_errors(location):
            with self._lock:
                if self._cancelled:
                    raise sqlite3.OperationalError("interrupted")
                con = self._con = sqlite3.connect(
                    f"file:{quote(self.path.as_posix())}?mode=ro", uri=True, timeout=3,
                    check_same_thread=False)
            try:
                row = con.execute("PRAGMA quick_check").fetchone()
            finally:
                with self._lock:
                    self._con = None
                    con.close()
        _verdict(row, location)

    def cancel(self) -> None:
        """Stop a check that runs (it raises ``db_error``) or keep one from starting."""
        with self._lock:
            self._cancelled = True
            if self._con is not None:
                self._con.interrupt()


def quick_check(path: str | Path) -> None:
    """:meth:`FileCheck.run` of ``path`` (raises :class:`StoreError` ``db_corrupt`` when the
    file is damaged)."""
    FileCheck(path).run()


def _schema_state(db: peewee.Database) -> tuple[int, list[str], list[str]]:
    """(applied version, pending migration names, applied names this version does not know)."""
    runner = Runner(db, str(MIGRATIONS))
    applied = runner.applied()
    known = [m.name for m in known_migrations()]
    pending = [n for n in known if n not in applied]
    unknown = [n for n in applied if n not in known]
    return len([n for n in known if n in applied]), pending, unknown


def fix_sequences(db: peewee.Database, tables: tuple[str, ...]) -> None:
    """After inserting rows with explicit ids, move PostgreSQL's id sequences past them —
    never back, so an id once handed out is not handed out again (SQLite needs nothing)."""
    if not isinstance(db, peewee.PostgresqlDatabase):
        return
    for table in tables:
        db.execute_sql(
            f"SELECT setval(q.s, GREATEST(COALESCE((SELECT MAX(id) FROM {table}), 0), "
            f"COALESCE(pg_sequence_last_value(q.s), 0), 1), true) "
            f"FROM (SELECT pg_get_serial_sequence('{table}', 'id')::regclass AS s) q")


def integrity_report(opened: OpenedDatabase) -> dict[str, object]:
    """Integrity check and schema facts for ``funnel-desktop check``."""
    db = opened.db
    result: dict[str, object] = {
        "location": opened.location,
        "schema_version": opened.schema_version,
        "schema_known": SCHEMA_VERSION,
    }
    with translated_errors(opened.location):
        if opened.is_sqlite:
            rows = db.execute_sql("PRAGMA integrity_check").fetchall()
            result["integrity"] = [r[0] for r in rows]
            fk = db.execute_sql("PRAGMA foreign_key_check").fetchall()
            result["foreign_key_problems"] = len(fk)
            result["ok"] = result["integrity"] == ["ok"] and not fk
        else:
            result["integrity"] = ["server database: checked by the server"]
            result["ok"] = True
        counts = {}
        for table in ("pipeline", "stage", "customer", "contact", "deal", "stage_history",
                      "activity"):
            counts[table] = db.execute_sql(f"SELECT COUNT(*) FROM {table}").fetchone()[0]
        result["counts"] = counts
    return result
