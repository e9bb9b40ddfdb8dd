# The parts of playhouse.migrations (peewee's migration runner) that store/db.py uses.
import datetime
from typing import NamedTuple

from peewee import Database

class MigrationError(Exception): ...

class Migration(NamedTuple):
    idx: int
    name: str
    path: str | None
    applied: datetime.datetime | None
    @classmethod
    def load_directory(cls, directory: str) -> list[Migration]: ...

class Runner:
    database: Database
    directory: str
    def __init__(
        self,
        database: Database,
        directory: str = "migrations",
        table_name: str = "schema_migration",
        schema: str | None = None,
    ) -> None: ...
    def migrations(self) -> list[Migration]: ...
    def applied(self) -> dict[str, datetime.datetime]: ...
    def status(self) -> list[Migration]: ...
    def up(self, target: str | None = None, fake: bool = False) -> list[str]: ...
    def down(self, target: str | None = None) -> list[str]: ...
    def fake(self, target: str | None = None) -> list[str]: ...
