"""Reading the deal and stay columns through ``group_concat`` gives exactly what the row by
row reader gives — with missing values, microseconds, odd texts, ids far apart and more rows
than one range — and falls back to it where numpy would not read a text plainly."""

from __future__ import annotations

import numpy as np
import pytest

from funnel_desktop.core.values import Segment
from funnel_desktop.store import concat_columns as cc
from funnel_desktop.store import deal_columns as dc
from funnel_desktop.store.models import Deal, StageHistory, database

_FIELDS = ("id", "stage", "amount", "created", "closed", "probability", "expected", "owner",
           "customer", "reason")


def _both(monkeypatch: pytest.MonkeyPatch, segment: Segment | None = None
          ) -> tuple[dc.ColumnData, dc.ColumnData]:
    fast = dc.load_columns(1, segment)
    with monkeypatch.context() as m:
        m.setattr(dc, "concat_columns", lambda *a, **k: None)
        rows = dc.load_columns(1, segment)
    return fast, rows


def _stays(data: dc.ColumnData) -> np.ndarray:
    v = np.stack([np.frombuffer(getattr(data.visits, n), dtype=np.int64)
                  for n in ("deal", "stage", "entered", "left")])
    return v[:, np.lexsort(v[::-1])]


def _same(a: dc.ColumnData, b: dc.ColumnData) -> None:
    for name in _FIELDS:
        x, y = getattr(a.columns, name), getattr(b.columns, name)
        assert x.dtype == y.dtype and x.tolist() == y.tolist(), name
    assert _stays(a).tolist() == _stays(b).tolist()
    assert a.deals == b.deals and a.stages == b.stages


def test_concat_reads_what_the_rows_read(demo, monkeypatch):
    # odd but valid values: microseconds, a 'T', no probability / owner / customer
    first = Deal.select(Deal.id).order_by(Deal.id).first().id
    database.execute_sql("UPDATE deal SET created_at = '2025-03-04 05:06:07.000890', "
                         "probability = NULL, owner_id = NULL, customer_id = NULL "
                         "WHERE id = ?", (first,))
    database.execute_sql("UPDATE stage_history SET entered_at = '2025-03-04T05:06:07' "
                         "WHERE id = (SELECT MIN(id) FROM stage_history)")
    # ids far apart: the ranges follow the ids there are, not the span between them
    database.execute_sql("UPDATE stage_history SET id = 9000000000000000 "
                         "WHERE id = (SELECT MAX(id) FROM stage_history)")
    monkeypatch.setattr(cc, "RANGE", 7)  # many ranges
    for seg in (None, Segment(owner_ids=(1, 2)), Segment(project_type="big")):
        fast, rows = _both(monkeypatch, seg)
        _same(fast, rows)
        assert len(fast.columns.id) and len(fast.visits.deal)
    assert dc.load_columns(1).columns.id.tolist() == sorted(
        d.id for d in Deal.select(Deal.id).where(Deal.pipeline == 1))


@pytest.mark.parametrize("sql", [
    "UPDATE deal SET amount = 12.5 WHERE id = (SELECT MIN(id) FROM deal)",
    "UPDATE deal SET created_at = '2025-03-04 05:06:07+08:00' "
    "WHERE id = (SELECT MIN(id) FROM deal)",
    "UPDATE stage_history SET left_at = 'soon' WHERE id = (SELECT MIN(id) FROM stage_history)",
])
def test_texts_numpy_will_not_read_go_the_slow_way(demo, monkeypatch, sql):
    database.execute_sql(sql)
    calls = []
    real = cc.concat_columns

    def spy(*args, **kwargs):
        out = real(*args, **kwargs)
        calls.append(out is None)
        return out

    monkeypatch.setattr(dc, "concat_columns", spy)
    try:
        fast = dc.load_columns(1)
    except Exception as exc:  # the row reader's own verdict on such a text
        with monkeypatch.context() as m:
            m.setattr(dc, "concat_columns", lambda *a, **k: None)
            with pytest.raises(type(exc)):
                dc.load_columns(1)
        return
    assert True in calls  # one of the two reads fell back
    with monkeypatch.context() as m:
        m.setattr(dc, "concat_columns", lambda *a, **k: None)
        rows = dc.load_columns(1)
    _same(fast, rows)


def test_an_empty_pipeline_reads_empty_columns(db):
    for model in (Deal, StageHistory):
        out = cc.concat_columns(database, model.select(model.id.alias("c0")), ("int",),
                                model.id)
        assert out is not None and [len(c) for c in out] == [0]
    out = cc.concat_columns(database, StageHistory.select(StageHistory.deal.alias("c0")),
                            ("int",), StageHistory.id)
    assert out is not None and [len(c) for c in out] == [0]
