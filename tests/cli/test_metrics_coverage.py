"""``metrics`` reports pipeline coverage against the target set inside the period."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

from funnel_desktop.services import Services
from funnel_desktop.store.db import open_database
from funnel_desktop.store.models import Reason, Stage


def test_coverage_is_open_value_over_what_is_still_missing(tmp_path: Path, metrics_json):
    path = tmp_path / "cov.sqlite"
    opened = open_database(path)
    s = Services(user="t", clock=lambda: datetime(2026, 11, 10, 9))
    s.seed_lists("en")
    pid = s.create_pipeline("b2b6", "en").value
    first, second = [st.id for st in Stage.select().where(
        (Stage.pipeline == pid) & (Stage.kind == "open")).order_by(Stage.position)][:2]
    s.create_deal(pid, first, {"title": "A", "amount": "90000"})  # 10 %
    s.create_deal(pid, second, {"title": "B", "amount": "30000"})  # 35 %
    won = s.create_deal(pid, first, {"title": "C", "amount": "40000"}).value
    s.close_deals([won], True, Reason.get(Reason.kind == "won").id)
    s.set_target("business", date(2026, 11, 1), date(2026, 11, 30), "100000")
    opened.db.close()

    d = metrics_json(path, "--from", "2026-11-01", "--to", "2026-11-30")
    # missing = 100,000 − 40,000 = 60,000; open 120,000 → 2.0×;
    # weighted 9,000 + 10,500 = 19,500 → 0.325×
    assert d["coverage"] == {"target": 100000.0, "won": 40000.0, "missing": 60000.0,
                             "coverage": 2.0, "weighted_coverage": 0.325}
    none = metrics_json(path, "--from", "2026-10-01", "--to", "2026-10-31")
    assert none["coverage"]["target"] is None
