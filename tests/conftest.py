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
from funnel_desktop.store.models import SCHEMA_MODELS, database


def _worker_database() -> None:
    """Under pytest-xdist each worker gets a PostgreSQL database of its own (``…_gw0``,
    ``…_gw1``), created on first use, so that two workers never reset each other's tables."""
    url, worker = os.environ.get("FUNNEL_TEST_DB_URL"), os.environ.get("PYTEST_XDIST_WORKER")
    if not url or not worker:
        return
    from urllib.parse import urlsplit, urlunsplit

    import psycopg2

    parts = urlsplit(url)
    if parts.path.endswith(f"_{worker}"):  # this file imported again (tests.conftest)
        return
    name = f"{parts.path.lstrip('/')}_{worker}"
    con = psycopg2.connect(url)
    con.autocommit = True
    with con.cursor() as cur:
        cur.execute("SELECT 1 FROM pg_database WHERE datname = %s", (name,))
        if cur.fetchone() is None:
            cur.execute(f'CREATE DATABASE "{name}"')
    con.close()
    os.environ["FUNNEL_TEST_DB_URL"] = urlunsplit(parts._replace(path=f"/{name}"))


_worker_database()

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


@pytest.fixture(autouse=True, scope="session")
def _english_plurals(qapp: object) -> Iterator[None]:
    """What the app installs when it starts in English: the singular and plural of each
    counted text ("1 row has", "2 rows have")."""
    from funnel_desktop.i18n import english_plurals

    plurals = english_plurals()
    assert plurals is not None, "resources/translations/funnel_en.qm is missing"
    qapp.installTranslator(plurals)  # type: ignore[attr-defined]
    yield
    qapp.removeTranslator(plurals)  # type: ignore[attr-defined]


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
    tables = [m._meta.table_name for m in SCHEMA_MODELS] + ["schema_migration"]
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
def demo_any(any_db: OpenedDatabase) -> OpenedDatabase:
    """:func:`demo` on SQLite, and on PostgreSQL when FUNNEL_TEST_DB_URL is set."""
    from funnel_desktop.services.demo import generate

    generate(Services(user="demo"), deals=300, seed=1, lang="en", today=TODAY)
    return any_db


@pytest.fixture
def demo_old_touched(demo_any: OpenedDatabase) -> dict[str, int]:
    """:func:`demo_any` where deals closed long ago were touched in the demo's last weeks:
    one reopened (still open), one reopened and won again, one whose amount was edited.
    Returns their ids by what was done."""
    from funnel_desktop.store.models import Deal, Reason

    old = list(Deal.select().where(Deal.closed_at < datetime(2026, 5, 1)).order_by(Deal.id)
               .limit(3))
    assert len(old) == 3
    clock = Clock(datetime(2026, 11, 17, 10))  # in 2026-W47
    s = Services(user="t", clock=clock)
    s.reopen_deal(old[0].id)
    s.reopen_deal(old[1].id)
    clock.now = datetime(2026, 11, 23, 11)  # the Monday of 2026-W48
    won = Reason.select().where(Reason.kind == "won").first()
    s.close_deals([old[1].id], True, won.id)
    s.update_deal(old[2].id, {"amount": str(old[2].amount // 100 + 1234)})
    return {"reopened": old[0].id, "won_again": old[1].id, "edited": old[2].id}


@pytest.fixture
def demo(db: OpenedDatabase) -> OpenedDatabase:
    """The demo business (300 deals, English names, seed 1, today = TODAY)."""
    from funnel_desktop.services.demo import generate

    generate(Services(user="demo"), deals=300, seed=1, lang="en", today=TODAY)
    return db
