"""The column table of stage visits reads exactly as the list of visits it holds."""

from __future__ import annotations

from datetime import date, datetime

import numpy as np
import pytest

from funnel_desktop.core import simulation
from funnel_desktop.core.conversion import visited_stages
from funnel_desktop.core.metrics import _time_in_stage_days
from funnel_desktop.core.values import Period, StageVisit
from funnel_desktop.core.visit_table import VisitTable

VISITS = [
    StageVisit(7, 1, datetime(2026, 9, 30, 8, 0), datetime(2026, 10, 2, 20, 0)),  # 2.5 days
    StageVisit(7, 2, datetime(2026, 10, 2, 20, 0), datetime(2026, 10, 3, 2, 0)),  # 0.25
    StageVisit(9, 1, datetime(2026, 10, 5, 0, 0), datetime(2026, 10, 6, 0, 0, 0, 1)),
    StageVisit(7, 1, datetime(2026, 10, 3, 2, 0), datetime(2026, 10, 4, 2, 0)),  # re-entry: 1
    StageVisit(9, 2, datetime(2026, 10, 6, 0, 0, 0, 1), None),  # open: up to as-of
]


def test_a_table_is_the_list_it_was_made_of() -> None:
    table = VisitTable.of(VISITS)
    assert len(table) == 5 and table == VISITS and list(table) == VISITS
    assert table[4] == VISITS[4] and table[1:3] == VISITS[1:3]
    assert table.subset({9}) == [VISITS[2], VISITS[4]]


def test_visited_stages_and_time_in_stage_as_from_the_objects() -> None:
    table = VisitTable.of(VISITS)
    assert table.visited() == {7: {1, 2}, 9: {1, 2}} == dict(visited_stages(VISITS))
    assert visited_stages(table) == table.visited()
    assert table.visited({9}) == {9: frozenset({1, 2})}
    october = Period(date(2026, 10, 1), date(2026, 10, 31))
    as_of = datetime(2026, 10, 8, 0, 0, 0, 1)
    days = table.time_in_stage_days(october, as_of)
    # deal 7 entered stage 1 in October (the re-entry), so both its stays count: 2.5 + 1
    assert sorted(days[1]) == [(86_400_000_001 / 10 ** 6) / 86400, 3.5]
    assert sorted(days[2]) == [0.25, 2.0]
    assert days == _time_in_stage_days(VISITS, october, as_of)
    assert _time_in_stage_days(table, october, as_of) == days  # the fast path
    everything = Period(date(2000, 1, 1), date.max)
    assert table.time_in_stage_days(everything, as_of) == \
        _time_in_stage_days(VISITS, everything, as_of)


def test_the_simulation_is_the_same_read_in_any_rows(monkeypatch: pytest.MonkeyPatch) -> None:
    rng = np.random.default_rng(1)
    for n in (1, 3, 1001):
        amounts = rng.integers(1, 10 ** 9, n).astype(np.float64)
        probs, buckets = rng.random(n), rng.integers(0, 4, n)
        monkeypatch.setattr(simulation, "_MATMUL_ELEMENTS", 1 << 40)  # one read per block
        whole = simulation.simulate(amounts, probs, buckets, 4, runs=777, seed=2)
        for rows in (1, 10, 4096):
            monkeypatch.setattr(simulation, "_MATMUL_ELEMENTS", rows)
            assert np.array_equal(simulation.simulate(amounts, probs, buckets, 4, runs=777,
                                                      seed=2), whole)
