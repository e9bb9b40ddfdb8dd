"""Opening a database an older version made: backed up first, then migrated step by step."""

from __future__ import annotations

import shutil
import sqlite3
import stat
from datetime import datetime
from pathlib import Path

import pytest

from funnel_desktop.core.errors import StoreError
from funnel_desktop.services import Services
from funnel_desktop.store import db as store_db
from funnel_desktop.store.db import open_database
from funnel_desktop.store.models import Deal, StageHistory, WeeklyNote

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "v1.sqlite"
DATA_TABLES = ("pipeline", "stage", "reason", "customer", "deal", "stage_history",
               "deal_change")


def content(path: Path, tables=DATA_TABLES + ("schema_migration",)) -> dict[str, list]:
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return {t: con.execute(f'SELECT * FROM "{t}" ORDER BY id').fetchall() for t in tables}
    finally:
        con.close()


def data_without_versions(path: Path) -> dict[str, list]:
    """:func:`content` of the data tables without schema 4's row versions (and every row at
    version 1: a migrated row was never written since)."""
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        out = {}
        for t in DATA_TABLES:
            names = [r[1] for r in con.execute(f'PRAGMA table_info("{t}")')]
            kept = ", ".join(f'"{n}"' for n in names if n != "version")
            out[t] = con.execute(f'SELECT {kept} FROM "{t}" ORDER BY id').fetchall()
            if "version" in names:
                assert {v for (v,) in con.execute(f'SELECT version FROM "{t}"')} <= {1}
        return out
    finally:
        con.close()


def tables_of(path: Path) -> set[str]:
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    finally:
        con.close()


@pytest.fixture
def v1(tmp_path: Path) -> Path:
    path = tmp_path / "shop.sqlite"
    shutil.copyfile(FIXTURE, path)
    return path


def test_the_fixture_is_schema_1(v1: Path):
    assert "weekly_note" not in tables_of(v1)
    assert content(v1)["schema_migration"][0][1] == "0001_initial"
    assert len(content(v1)["schema_migration"]) == 1


def test_an_old_database_is_backed_up_then_migrated(v1: Path):
    original = content(v1)
    opened = open_database(v1)
    assert (opened.migrated_from, opened.schema_version) == (1, 5)
    # the backup: next to the file, named for the schema it holds, private, the old content
    assert opened.backup is not None and opened.backup.parent == v1.parent
    assert opened.backup.name.startswith("shop.schema1-")
    assert opened.backup.suffix == ".sqlite"
    assert stat.S_IMODE(opened.backup.stat().st_mode) == 0o600
    assert content(opened.backup) == original
    assert "weekly_note" not in tables_of(opened.backup)
    # the database: schema 3, every row intact
    assert "weekly_note" in opened.db.get_tables()
    names = [r[0] for r in opened.db.execute_sql(
        "SELECT name FROM schema_migration ORDER BY id").fetchall()]
    assert names == ["0001_initial", "0002_weekly_notes", "0003_speed_indexes",
                     "0004_versions_and_feed", "0005_logins"]
    indexes = {r[0] for r in opened.db.execute_sql(
        "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'deal'")}
    assert {"deal_customer_id_stage_id_amount_expected_close",
            "deal_pipeline_id_closed_at_stage_id_amount"} <= indexes
    after = data_without_versions(v1)
    assert after == {t: original[t] for t in DATA_TABLES}
    d = Deal.get_by_id(1)
    assert (d.title, d.amount, d.probability, d.customer.name) == ("ERP 系统", 1_250_050, 35,
                                                                   "华信科技有限公司")
    assert [h.stage_id for h in StageHistory.select().where(StageHistory.deal == 2)
            .order_by(StageHistory.id)] == [1, 3, 4]
    # and it works as a schema-4 database
    s = Services(user="t", clock=lambda: datetime(2026, 11, 24, 9))
    s.save_weekly_note("2026-W48", "all", "migrated")
    s.move_deals([1], 3)
    assert WeeklyNote.get().text == "migrated"
    opened.db.close()
    # opening it again migrates nothing and makes no second backup
    again = open_database(v1)
    assert (again.migrated_from, again.backup) == (None, None)
    again.db.close()
    assert len(list(v1.parent.glob("shop.schema1-*"))) == 1


def test_backups_can_go_to_another_folder(v1: Path, tmp_path: Path):
    opened = open_database(v1, backup_dir=tmp_path / "backups")
    assert opened.backup is not None and opened.backup.parent == tmp_path / "backups"
    opened.db.close()


def test_without_migrating_an_old_database_reports_its_version(v1: Path):
    before = v1.read_bytes()
    opened = open_database(v1, migrate=False)
    assert (opened.schema_version, opened.migrated_from, opened.backup) == (1, None, None)
    opened.db.close()
    assert v1.read_bytes() == before  # looking changes nothing (not even the journal mode)


def test_a_failing_step_is_rolled_back_and_the_steps_before_it_stay(
        v1: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """Each step runs in one transaction: a step that fails leaves nothing of itself behind,
    the steps before it are kept, and the backup was made before any of them."""
    migrations = tmp_path / "migrations"
    shutil.copytree(store_db.MIGRATIONS, migrations,
                    ignore=shutil.ignore_patterns("__pycache__", "__init__.py"))
    (migrations / "0003_broken.py").write_text(
        "def up(migrator, db):\n"
        "    db.execute_sql('CREATE TABLE half_done (id INTEGER PRIMARY KEY)')\n"
        "    db.execute_sql('ALTER TABLE no_such_table ADD COLUMN x INTEGER')\n")
    monkeypatch.setattr(store_db, "MIGRATIONS", migrations)
    monkeypatch.setattr(store_db, "SCHEMA_VERSION", 3)
    original = content(v1)
    with pytest.raises(StoreError) as e:
        open_database(v1)
    assert e.value.code == "db_error"
    tables = tables_of(v1)
    assert "weekly_note" in tables and "half_done" not in tables
    assert [r[1] for r in content(v1)["schema_migration"]] == ["0001_initial",
                                                                "0002_weekly_notes"]
    assert content(v1, DATA_TABLES) == {t: original[t] for t in DATA_TABLES}
    backups = list(v1.parent.glob("shop.schema1-*.sqlite"))
    assert len(backups) == 1 and content(backups[0]) == original
