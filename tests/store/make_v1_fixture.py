"""Make ``fixtures/v1.sqlite``: a tiny database as schema 1 (migration 0001 only) wrote it.

Run from the repository root: ``python tests/store/make_v1_fixture.py``. The file is committed,
so the migration test opens what an older version really left on disk (no WAL, no
``weekly_note`` table, one row in ``schema_migration``).
"""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import peewee
from playhouse.migrations import Runner

from funnel_desktop.store.db import MIGRATIONS
from funnel_desktop.store.models import (
    Customer,
    Deal,
    DealChange,
    Pipeline,
    Reason,
    Stage,
    StageHistory,
    database,
)

HERE = Path(__file__).resolve().parent
TARGET = HERE / "fixtures" / "v1.sqlite"

def fill() -> None:
    """A pipeline, its stages, a customer and two deals with their history (schema 1 tables;
    the tables are the same in today's models, which supply the Python-side defaults)."""
    p = Pipeline.create(id=1, name="Weekly review", position=0, template="weekly6")
    for i, (name, kind, prob) in enumerate((("Prospect", "open", 10),
                                            ("First contact", "open", 20),
                                            ("Need confirmed", "open", 40),
                                            ("Closed", "won", 100), ("Lost", "lost", 0))):
        Stage.create(id=i + 1, pipeline=p, name=name, kind=kind, position=i, probability=prob)
    Reason.create(id=1, kind="won", category="Product", label="Product fit")
    Customer.create(id=1, name="华信科技有限公司", man_money=True, man_authority=False,
                    man_need=True, created_at=datetime(2025, 3, 1, 8),
                    updated_at=datetime(2025, 3, 1, 8))
    Deal.create(id=1, title="ERP 系统", customer=1, pipeline=1, stage=2, amount=1_250_050,
                probability=35, expected_close=date(2025, 6, 30),
                created_at=datetime(2025, 3, 2, 9), updated_at=datetime(2025, 3, 10, 9),
                stage_entered_at=datetime(2025, 3, 10, 9))
    Deal.create(id=2, title="Annual support", pipeline=1, stage=4, amount=800_000,
                expected_close=date(2025, 4, 1), created_at=datetime(2025, 3, 3, 9),
                updated_at=datetime(2025, 4, 1, 10), stage_entered_at=datetime(2025, 4, 1, 10),
                closed_at=datetime(2025, 4, 1, 10), close_reason=1)
    for deal, stage, entered, left in (
            (1, 1, datetime(2025, 3, 2, 9), datetime(2025, 3, 10, 9)),
            (1, 2, datetime(2025, 3, 10, 9), None),
            (2, 1, datetime(2025, 3, 3, 9), datetime(2025, 3, 20, 9)),
            (2, 3, datetime(2025, 3, 20, 9), datetime(2025, 4, 1, 10)),
            (2, 4, datetime(2025, 4, 1, 10), None)):
        StageHistory.create(deal=deal, stage=stage, entered_at=entered, left_at=left, by="old")
    DealChange.create(deal=1, field="amount", old="1000000", new="1250050",
                      at=datetime(2025, 3, 5, 9), by="old")


def main() -> None:
    TARGET.parent.mkdir(parents=True, exist_ok=True)
    TARGET.unlink(missing_ok=True)
    db = peewee.SqliteDatabase(str(TARGET), pragmas={"foreign_keys": 1, "page_size": 512})
    db.connect()
    assert Runner(db, str(MIGRATIONS)).up("0001_initial") == ["0001_initial"]
    database.initialize(db)
    with db.atomic():
        fill()
    db.execute_sql("VACUUM")
    db.close()
    print(f"{TARGET}: {TARGET.stat().st_size} bytes")


if __name__ == "__main__":
    main()
