"""Two segments side by side."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from funnel_desktop.core.segments_compare import NUMBERS, ComparedNumber, compare_segments
from funnel_desktop.core.values import DealFacts, FunnelData, Period, StageInfo, StageKind

STAGES = [
    StageInfo(1, "Nurture", StageKind.OPEN, 0, 10),
    StageInfo(2, "Quote", StageKind.OPEN, 1, 50),
    StageInfo(3, "Won", StageKind.WON, 2, 100),
    StageInfo(4, "Lost", StageKind.LOST, 3, 0),
]
PERIOD = Period(date(2026, 1, 1), date(2026, 12, 31))
C = datetime(2026, 2, 1)


def test_new_versus_returning():
    new = FunnelData(STAGES, [
        DealFacts(1, 1, 1_000, C),
        DealFacts(2, 4, 3_000, C, closed=datetime(2026, 3, 1)),
        DealFacts(3, 3, 2_000, C, closed=datetime(2026, 3, 3)),  # 30 days
    ])
    returning = FunnelData(STAGES, [
        DealFacts(4, 2, 4_000, C),
        DealFacts(5, 3, 6_000, C, closed=datetime(2026, 2, 11)),  # 10 days
        DealFacts(6, 3, 2_000, C, closed=datetime(2026, 2, 21)),  # 20 days
    ])
    cmp = compare_segments(new, returning, PERIOD, date(2026, 12, 1))
    assert [n.key for n in cmp.numbers] == list(NUMBERS)
    assert cmp.number("open_amount") == ComparedNumber("open_amount", "money", 1_000, 4_000,
                                                       3_000, 4.0)
    assert cmp.number("weighted_total") == ComparedNumber("weighted_total", "money", 100,
                                                          2_000, 1_900, 20.0)
    rate = cmp.number("win_rate_count")
    assert (rate.a, rate.b, rate.difference, rate.ratio) == (0.5, 1.0, 0.5, 2.0)
    avg = cmp.number("average_deal")
    assert (avg.a, avg.b) == (2_000.0, 4_000.0)
    cycle = cmp.number("cycle_mean")
    assert (cycle.unit, cycle.a, cycle.b, cycle.difference) == ("days", 30.0, 15.0, -15.0)
    # velocity: 1 × 0.5 × 2,000 ÷ 30 against 1 × 1.0 × 4,000 ÷ 15
    vel = cmp.number("velocity")
    assert vel.a == pytest.approx(1000 / 30) and vel.b == pytest.approx(4000 / 15)
    # the lost deal has no stage history, so it never was in an open stage: 1 won of 2
    assert cmp.number("overall_conversion").a == 0.5


def test_an_empty_segment_gives_undefined_numbers():
    one = FunnelData(STAGES, [DealFacts(1, 3, 500, C, closed=datetime(2026, 2, 2))])
    cmp = compare_segments(FunnelData(STAGES, []), one, PERIOD)
    won = cmp.number("won_amount")
    assert (won.a, won.b, won.difference, won.ratio) == (0, 500, 500, None)  # ÷ 0: no ratio
    avg = cmp.number("average_deal")
    assert (avg.a, avg.b, avg.difference, avg.ratio) == (None, 500.0, None, None)
    with pytest.raises(KeyError):
        cmp.number("nonsense")
