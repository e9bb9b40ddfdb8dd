"""Funnel chart data: reached count and value per stage, conversions, ideal and previous."""

from __future__ import annotations

import random
from dataclasses import replace
from datetime import date, datetime, timedelta

import pytest

from funnel_desktop.core.conversion import stage_conversion
from funnel_desktop.core.funnel_chart import (
    FunnelStage,
    funnel_chart,
    reached_by_stage,
    with_snapshot,
)
from funnel_desktop.core.snapshot import FunnelSnapshot
from funnel_desktop.core.values import (
    DealFacts,
    FunnelData,
    Period,
    StageInfo,
    StageKind,
    StageVisit,
)

# weekly review: 1..5 open (10/20/40/60/80 %), 6 won, 7 lost
STAGES = [
    StageInfo(1, "Prospect", StageKind.OPEN, 0, 10),
    StageInfo(2, "First contact", StageKind.OPEN, 1, 20),
    StageInfo(3, "Need confirmed", StageKind.OPEN, 2, 40),
    StageInfo(4, "Proposal", StageKind.OPEN, 3, 60),
    StageInfo(5, "Quote", StageKind.OPEN, 4, 80),
    StageInfo(6, "Won", StageKind.WON, 5, 100),
    StageInfo(7, "Lost", StageKind.LOST, 6, 0),
]
Q3 = Period(date(2026, 7, 1), date(2026, 9, 30))  # previous: 2026-03-31 .. 2026-06-30


def seed_example() -> FunnelData:
    """This period: 100 → 80 → 40 → 20 → 10 → 5 (1,000 each, wins 10,000).
    Previous period: 10 → 6 → 2 → 2 → 2 → 2 (four lost after stage 2, two won, four open)."""
    deals: list[DealFacts] = []
    visits: list[StageVisit] = []
    created = datetime(2026, 8, 1, 9)
    i = 0
    for stage, n in ((1, 20), (2, 40), (3, 20), (4, 10), (5, 5)):
        for _ in range(n):
            i += 1
            deals.append(DealFacts(i, stage, 1_000, created))
    for _ in range(5):
        i += 1
        deals.append(DealFacts(i, 6, 10_000, created, closed=datetime(2026, 9, 1, 9)))
    before = datetime(2026, 5, 1, 9)
    for _ in range(4):
        i += 1
        deals.append(DealFacts(i, 7, 2_000, before, closed=datetime(2026, 6, 1)))
        visits += [StageVisit(i, 1, before, before + timedelta(days=5)),
                   StageVisit(i, 2, before + timedelta(days=5), datetime(2026, 6, 1)),
                   StageVisit(i, 7, datetime(2026, 6, 1))]
    for _ in range(2):
        i += 1
        deals.append(DealFacts(i, 6, 3_000, before, closed=datetime(2026, 6, 15)))
    for _ in range(4):
        i += 1
        deals.append(DealFacts(i, 1, 500, before, probability=50))
    return FunnelData(STAGES, deals, visits)


def test_the_weekly_review_example_with_previous_period():
    chart = funnel_chart(seed_example(), Q3)
    assert chart.cohort == 100
    assert chart.previous_period == Period(date(2026, 3, 31), date(2026, 6, 30))
    assert [s.stage_id for s in chart.stages] == [1, 2, 3, 4, 5, 6]
    assert [s.reached for s in chart.stages] == [100, 80, 40, 20, 10, 5]
    assert [s.conversion for s in chart.stages] == [0.8, 0.5, 0.5, 0.5, 0.5, None]
    assert chart.overall == 0.05
    # value reached: 95 open deals × 1,000 + 5 wins × 10,000 at the top, down to the wins
    assert [s.reached_amount for s in chart.stages] == [145_000, 125_000, 85_000, 65_000,
                                                        55_000, 50_000]
    assert [s.previous_reached for s in chart.stages] == [10, 6, 2, 2, 2, 2]
    assert [s.previous_conversion for s in chart.stages] == [0.6, 2 / 6, 1.0, 1.0, 1.0, None]
    assert chart.previous_overall == 0.2
    # now: open deals in each stage (stage 1 also holds the previous period's four at 50 %);
    # the won bar holds the wins closed in the period
    first = chart.stages[0]
    assert (first.now_count, first.now_amount, first.now_weighted) == (24, 22_000, 3_000)
    won = chart.stages[-1]
    assert (won.now_count, won.now_amount, won.now_weighted) == (5, 50_000, 50_000)
    assert chart.stages[4] == FunnelStage(5, 10, 55_000, 0.5, None, None, 2, 1.0, 5, 5_000,
                                          4_000)


def test_ideal_funnel_from_the_target_conversions():
    ideal = {1: 80, 2: 60, 3: 50, 4: 50}
    stages = [replace(s, ideal_conversion=ideal.get(s.id)) for s in STAGES]
    data = replace(seed_example(), stages=stages)
    chart = funnel_chart(data, Q3, previous_period=None)
    assert [s.ideal_conversion for s in chart.stages] == [0.8, 0.6, 0.5, 0.5, None, None]
    assert [s.ideal_reached for s in chart.stages][:5] == pytest.approx([100, 80, 48, 24, 12])
    assert chart.stages[5].ideal_reached is None  # stage 5 has no ideal: the line stops
    assert chart.ideal_overall is None
    assert chart.previous_period is None and chart.stages[0].previous_reached is None
    full = [replace(s, ideal_conversion=50) if s.id == 5 else s for s in stages]
    chart = funnel_chart(replace(data, stages=full), Q3)
    assert chart.stages[5].ideal_reached == pytest.approx(6.0)
    assert chart.ideal_overall == pytest.approx(0.8 * 0.6 * 0.5 * 0.5 * 0.5)


def test_empty_data():
    chart = funnel_chart(FunnelData(STAGES, []), Q3)
    assert chart.cohort == 0
    assert [s.reached for s in chart.stages] == [0] * 6
    assert [s.conversion for s in chart.stages] == [None] * 6
    assert chart.overall is None and chart.previous_overall is None
    assert chart.stages[0].ideal_reached == 0.0 and chart.stages[1].ideal_reached is None
    assert all(s.now_count == 0 and s.now_amount == 0 for s in chart.stages)


def test_one_won_deal():
    data = FunnelData(STAGES, [DealFacts(1, 6, 7_000, datetime(2026, 7, 2),
                                         closed=datetime(2026, 8, 2))])
    chart = funnel_chart(data, Q3)
    assert [s.reached for s in chart.stages] == [1] * 6
    assert [s.reached_amount for s in chart.stages] == [7_000] * 6
    assert [s.conversion for s in chart.stages] == [1.0] * 5 + [None]
    assert chart.overall == 1.0 and chart.stages[-1].now_count == 1


def all_lost() -> FunnelData:
    """Three deals lost: after stage 1; after stage 2; after stage 3 having skipped stage 2."""
    t = datetime(2026, 7, 10)
    visits = [StageVisit(1, 1, t), StageVisit(1, 7, t + timedelta(days=3)),
              StageVisit(2, 1, t), StageVisit(2, 2, t + timedelta(days=1)),
              StageVisit(2, 7, t + timedelta(days=3)),
              StageVisit(3, 1, t), StageVisit(3, 3, t + timedelta(days=1)),
              StageVisit(3, 7, t + timedelta(days=3))]
    deals = [DealFacts(i, 7, 1_000 * i, t, closed=t + timedelta(days=3)) for i in (1, 2, 3)]
    return FunnelData(STAGES, deals, visits)


def test_all_deals_lost():
    chart = funnel_chart(all_lost(), Q3)
    assert [s.reached for s in chart.stages] == [3, 2, 1, 0, 0, 0]
    assert [s.reached_amount for s in chart.stages] == [6_000, 5_000, 3_000, 0, 0, 0]
    assert [s.conversion for s in chart.stages] == [2 / 3, 0.5, 0.0, None, None, None]
    assert chart.overall == 0.0
    assert chart.stages[-1].now_count == 0
    strict = funnel_chart(all_lost(), Q3, strict=True)
    assert [s.reached for s in strict.stages] == [3, 1, 1, 0, 0, 0]
    assert strict.strict and strict.overall == 0.0


def test_a_period_with_no_deals_created():
    chart = funnel_chart(all_lost(), Period(date(2026, 1, 1), date(2026, 3, 31)))
    assert chart.cohort == 0 and chart.overall is None
    assert [s.previous_reached for s in chart.stages] == [0] * 6


def test_reached_counts_agree_with_stage_conversion():
    rng = random.Random(4)
    deals, visits = [], []
    t0 = datetime(2026, 1, 1)
    for i in range(1, 400):
        path = [1]
        while rng.random() < 0.7 and path[-1] < 5:
            path.append(min(5, path[-1] + rng.choice((1, 1, 2, -1))) or 1)
        end = rng.choice((None, 6, 7))
        t = t0 + timedelta(days=i)
        for k, s in enumerate(path):
            visits.append(StageVisit(i, max(1, s), t + timedelta(days=k)))
        if end:
            visits.append(StageVisit(i, end, t + timedelta(days=len(path))))
        deals.append(DealFacts(i, end or max(1, path[-1]), rng.randint(1, 9) * 1000, t))
    for strict in (False, True):
        chain, counts, _ = reached_by_stage(STAGES, deals, visits, strict=strict)
        conv = stage_conversion(STAGES, deals, visits, strict=strict)
        assert chain == conv.chain
        assert counts == [conv.reached[s] for s in chain]


def test_now_columns_follow_the_snapshot_after_a_drop():
    data = seed_example()
    chart = funnel_chart(data, Q3)
    snap = FunnelSnapshot.from_data(data)
    moved = data.deals[0]  # in stage 1
    snap.apply_move(moved, 1, 3)
    after = FunnelData(STAGES, [replace(moved, stage_id=3), *data.deals[1:]], data.visits)
    fresh = funnel_chart(after, Q3)
    now = with_snapshot(chart, snap)

    def cols(c):
        return [(s.now_count, s.now_amount, s.now_weighted) for s in c.stages]

    assert cols(now) == cols(fresh) != cols(chart)
    assert cols(now)[0] == (23, 21_000, 2_900) and cols(now)[2] == (21, 21_000, 8_400)
    assert [s.reached for s in now.stages] == [s.reached for s in chart.stages]
