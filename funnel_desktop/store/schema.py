"""The schema's migrations: the files this version ships, in ``store/migrations/``."""

from __future__ import annotations

from pathlib import Path

from playhouse.migrations import Migration

MIGRATIONS = Path(__file__).resolve().parent / "migrations"


def migrations_in(folder: Path = MIGRATIONS) -> list[Migration]:
    """The migration files in ``folder``, in order."""
    return Migration.load_directory(str(folder))
