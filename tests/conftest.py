"""Shared fixtures: an offscreen Qt platform, a fresh database per test, the demo business."""

from __future__ import annotations

import os
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_QUICK_BACKEND", "software")

from funnel_desktop.services import Services
from funnel_desktop.store.db import OpenedDatabase, open_database
from funnel_desktop.store.models import ALL_MODELS, database

#: The demo's "today" in tests, so numbers do not drift with the calendar.
TODAY = date(2026, 11, 24)
SHARED = Path(__file__).resolve().parents[2] / "shared"
DATASETS = SHARED / "datasets"


class Clock:
    """A settable UTC clock for services (tests move it forward by hand)."""

    def __init__(self, start: datetime) -> None:
        self.now = start

    def __call__(self) -> datetime:
        return self.now


@pytest.fixture(autouse=True)
def _isolated_home(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
                   ) -> None:
    """Keep settings and the default database out of the real user profile."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("FUNNEL_DESKTOP_HOME", str(home))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))


def _pg_reset(url: str) -> None:
    from playhouse.db_url import connect

    db = connect(url)
    db.connect()
    tables = [m._meta.table_name for m in ALL_MODELS] + ["schema_migration"]
    db.execute_sql("DROP TABLE IF EXISTS " + ", ".join(f'"{t}"' for t in tables) + " CASCADE")
    db.close()


@pytest.fixture(params=["sqlite"] + (["postgres"] if os.environ.get("FUNNEL_TEST_DB_URL")
                                     else []))
def any_db(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[OpenedDatabase]:
    """An empty, migrated database: SQLite, and PostgreSQL when FUNNEL_TEST_DB_URL is set."""
    if request.param == "postgres":
        url = os.environ["FUNNEL_TEST_DB_URL"]
        _pg_reset(url)
        opened = open_database(url)
    else:
        opened = open_database(tmp_path / "test.sqlite")
    yield opened
    opened.db.close()


@pytest.fixture
def db(tmp_path: Path) -> Iterator[OpenedDatabase]:
    """An empty, migrated SQLite database in a temporary folder."""
    opened = open_database(tmp_path / "test.sqlite")
    yield opened
    database.obj.close()


@pytest.fixture
def clock() -> Clock:
    return Clock(datetime(2026, 11, 2, 9, 0))


@pytest.fixture
def services(db: OpenedDatabase, clock: Clock) -> Services:
    """Services on the empty database, user 'tester', with a settable clock."""
    return Services(user="tester", clock=clock)


@pytest.fixture
def demo(db: OpenedDatabase) -> OpenedDatabase:
    """The demo business (300 deals, English names, seed 1, today = TODAY)."""
    from funnel_desktop.services.demo import generate

    generate(Services(user="demo"), deals=300, seed=1, lang="en", today=TODAY)
    return db
