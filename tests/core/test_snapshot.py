"""The incremental snapshot agrees with a full recompute after any sequence of changes."""

from __future__ import annotations

import random
from dataclasses import replace
from datetime import date, datetime, timedelta

import pytest

from funnel_desktop.core.metrics import StageTotals, forecast_by_month, open_totals
from funnel_desktop.core.snapshot import FunnelSnapshot, Strip
from funnel_desktop.core.values import DealFacts, FunnelData, Period, StageInfo, StageKind

STAGES = [
    StageInfo(1, "Nurture", StageKind.OPEN, 0, 10),
    StageInfo(2, "Introduction", StageKind.OPEN, 1, 35),
    StageInfo(3, "Solution", StageKind.OPEN, 2, 65),
    StageInfo(4, "Quote", StageKind.OPEN, 3, 75),
    StageInfo(5, "Won", StageKind.WON, 4, 100),
    StageInfo(6, "Lost", StageKind.LOST, 5, 0),
]
OPEN = [1, 2, 3, 4]
TODAY = date(2026, 11, 24)
C = datetime(2026, 6, 1)


def test_strip_and_totals_by_hand():
    deals = [
        DealFacts(1, 1, 100_000, C, expected_close=date(2026, 11, 28)),  # this month, 10 %
        DealFacts(2, 4, 200_000, C, expected_close=date(2026, 11, 30), probability=50),
        DealFacts(3, 2, 40_000, C, expected_close=date(2026, 11, 2)),  # overdue, 35 %
        DealFacts(4, 3, 10_000, C),  # undated, 65 %
        DealFacts(5, 5, 70_000, C, closed=datetime(2026, 11, 3)),  # won this month
        DealFacts(6, 5, 80_000, C, closed=datetime(2026, 10, 3)),
        DealFacts(7, 6, 90_000, C, closed=datetime(2026, 11, 4)),
    ]
    snap = FunnelSnapshot.from_data(FunnelData(STAGES, deals))
    # weighted: 10,000 + 100,000 + 14,000 + 6,500 = 130,500
    assert snap.strip(TODAY) == Strip(4, 350_000, 130_500, "2026-11", 2, 110_000, 1, 70_000, 1,
                                      14_000)
    assert snap.stage_totals() == [StageTotals(1, 1, 100_000, 10_000),
                                   StageTotals(2, 1, 40_000, 14_000),
                                   StageTotals(3, 1, 10_000, 6_500),
                                   StageTotals(4, 1, 200_000, 100_000)]
    assert snap.aggregates()[5] == (2, 150_000, 15_000_000)
    assert snap.closed_in(Period(date(2026, 11, 1), date(2026, 11, 30))) == (1, 70_000, 1,
                                                                             90_000)


def test_one_move_changes_two_stages_and_keeps_an_override():
    d = DealFacts(1, 1, 100_000, C, expected_close=date(2026, 12, 5))
    snap = FunnelSnapshot.from_data(FunnelData(STAGES, [d]))
    snap.apply_move(d, 1, 3)
    assert snap.aggregates() == {3: (1, 100_000, 6_500_000)}
    assert snap.forecast(Period(date(2026, 1, 1), TODAY), TODAY).months[0].weighted == 65_000
    pinned = replace(d, stage_id=3, probability=20)
    snap.apply_edit(replace(d, stage_id=3), pinned)
    snap.apply_move(pinned, 3, 4)  # the user's 20 % stays
    assert snap.aggregates() == {4: (1, 100_000, 2_000_000)}
    snap.apply_close(replace(pinned, stage_id=4), 5, datetime(2026, 11, 20))
    assert snap.aggregates() == {5: (1, 100_000, 10_000_000)}  # won counts 100 %
    assert snap.open_totals() == (0, 0, 0)
    with pytest.raises(KeyError):
        snap.apply_move(d, 1, 99)


def random_deal(rng: random.Random, i: int) -> DealFacts:
    return DealFacts(i, rng.choice(OPEN), rng.randint(1, 5000) * 100, C,
                     rng.choice((None, None, 20, 90)),
                     rng.choice((None, TODAY + timedelta(days=rng.randint(-60, 200)))))


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_random_sequences_agree_with_a_full_recompute(seed: int):
    rng = random.Random(seed)
    deals = {i: random_deal(rng, i) for i in range(1, 60)}
    snap = FunnelSnapshot.from_data(FunnelData(STAGES, list(deals.values())))
    next_id = 60
    period = Period(date(2026, 1, 1), TODAY)
    for step in range(400):
        op = rng.random()
        open_ids = [i for i, d in deals.items() if d.stage_id in OPEN]
        closed_ids = [i for i, d in deals.items() if d.stage_id not in OPEN]
        if op < 0.4 and open_ids:
            d = deals[rng.choice(open_ids)]
            new = rng.choice([s for s in OPEN if s != d.stage_id])
            snap.apply_move(d, d.stage_id, new)
            deals[d.id] = replace(d, stage_id=new)
        elif op < 0.55 and open_ids:
            d = deals[rng.choice(open_ids)]
            when = datetime(2026, rng.randint(1, 11), rng.randint(1, 24), 10)
            stage = rng.choice((5, 6))
            snap.apply_close(d, stage, when)
            deals[d.id] = replace(d, stage_id=stage, closed=when)
        elif op < 0.7 and deals:
            d = deals[rng.choice(list(deals))]
            new = replace(d, amount=rng.randint(0, 9000) * 100,
                          probability=rng.choice((None, 0, 50, 100)),
                          expected_close=rng.choice((None, TODAY + timedelta(days=rng.randint(
                              -30, 90)))))
            snap.apply_edit(d, new)
            deals[d.id] = new
        elif op < 0.8 and closed_ids:  # reopen
            d = deals[rng.choice(closed_ids)]
            new = replace(d, stage_id=rng.choice(OPEN), closed=None)
            snap.apply_edit(d, new)
            deals[d.id] = new
        elif op < 0.9:
            d = random_deal(rng, next_id)
            next_id += 1
            snap.apply_create(d)
            deals[d.id] = d
        elif deals:
            d = deals.pop(rng.choice(list(deals)))
            snap.apply_delete(d)
        if step % 20 == 19 or step == 399:
            data = FunnelData(STAGES, list(deals.values()))
            assert snap == FunnelSnapshot.from_data(data)
            totals, n, amount, weighted = open_totals(data)
            assert snap.stage_totals() == totals
            assert snap.open_totals() == (n, amount, weighted)
            assert snap.forecast(period, TODAY) == forecast_by_month(data, period, TODAY)


def test_a_snapshot_out_of_step_is_not_equal():
    d = DealFacts(1, 1, 100, C)
    snap = FunnelSnapshot.from_data(FunnelData(STAGES, []))
    snap.apply_delete(d)  # a deal the snapshot never had
    assert snap != FunnelSnapshot.from_data(FunnelData(STAGES, []))
    assert snap.aggregates() == {1: (-1, -100, -1000)}
