"""Win-rate trend, cycle trend and the cycle / time-in-stage / velocity panel, by hand."""

from __future__ import annotations

from datetime import date, datetime

from funnel_desktop.core.metrics import compute
from funnel_desktop.core.trends import (
    CycleMonth,
    Velocity,
    WinRateMonth,
    cycle_panel,
    cycle_trend,
    win_rate_trend,
)
from funnel_desktop.core.values import (
    DealFacts,
    FunnelData,
    Period,
    StageInfo,
    StageKind,
    StageVisit,
)

STAGES = [
    StageInfo(1, "Nurture", StageKind.OPEN, 0, 10),
    StageInfo(2, "Quote", StageKind.OPEN, 1, 75),
    StageInfo(3, "Won", StageKind.WON, 2, 100),
    StageInfo(4, "Lost", StageKind.LOST, 3, 0),
]
PERIOD = Period(date(2026, 9, 1), date(2026, 11, 30))


def data() -> FunnelData:
    deals = [
        DealFacts(1, 3, 100, datetime(2026, 9, 1), closed=datetime(2026, 9, 11)),  # 10 days
        DealFacts(2, 3, 300, datetime(2026, 8, 2), closed=datetime(2026, 9, 1)),  # 30 days
        DealFacts(3, 4, 600, datetime(2026, 8, 2), closed=datetime(2026, 9, 20)),
        DealFacts(4, 4, 50, datetime(2026, 8, 2), closed=datetime(2026, 11, 2)),
        DealFacts(5, 4, 70, datetime(2026, 8, 2), closed=datetime(2026, 11, 30, 23)),
        DealFacts(6, 3, 900, datetime(2026, 1, 2), closed=datetime(2026, 8, 31)),  # before
        DealFacts(7, 1, 5_000, datetime(2026, 9, 2)),  # open
    ]
    return FunnelData(STAGES, deals)


def test_win_rate_per_month_by_count_and_value():
    assert win_rate_trend(data(), PERIOD) == [
        WinRateMonth("2026-09", 2, 1, 400, 600, 2 / 3, 0.4),
        WinRateMonth("2026-10", 0, 0, 0, 0, None, None),  # no closes
        WinRateMonth("2026-11", 0, 2, 0, 120, 0.0, 0.0),  # all lost
    ]


def test_win_rate_trend_of_empty_data_and_one_deal():
    assert win_rate_trend(FunnelData(STAGES, []), PERIOD) == [
        WinRateMonth(m, 0, 0, 0, 0, None, None) for m in ("2026-09", "2026-10", "2026-11")]
    one = FunnelData(STAGES, [DealFacts(1, 3, 5, datetime(2026, 10, 1),
                                        closed=datetime(2026, 10, 5))])
    assert win_rate_trend(one, Period(date(2026, 10, 1), date(2026, 10, 31))) == [
        WinRateMonth("2026-10", 1, 0, 5, 0, 1.0, 1.0)]


def test_cycle_per_month():
    assert cycle_trend(data(), PERIOD) == [
        CycleMonth("2026-09", 2, 20.0, 20.0),
        CycleMonth("2026-10", 0, None, None),
        CycleMonth("2026-11", 0, None, None),
    ]


def test_cycle_panel_carries_velocity_and_its_factors():
    visits = [StageVisit(7, 1, datetime(2026, 9, 2), None),
              StageVisit(1, 1, datetime(2026, 9, 1), datetime(2026, 9, 5)),
              StageVisit(1, 2, datetime(2026, 9, 5), datetime(2026, 9, 11))]
    d = FunnelData(STAGES, data().deals, visits)
    m = compute(d, PERIOD, date(2026, 11, 30))
    panel = cycle_panel(m)
    assert (panel.won, panel.cycle_mean, panel.cycle_median) == (2, 20.0, 20.0)
    # 1 open × 2/5 won × average 200 ÷ 20 days = 4 minor units per day
    assert panel.velocity == Velocity(m.velocity, 1, 0.4, 200.0, 20.0)
    assert panel.velocity.per_day == 4.0
    stage1, stage2 = panel.stages
    assert (stage1.stage_id, stage1.deals) == (1, 2)
    assert (stage2.stage_id, stage2.deals, stage2.mean_days) == (2, 1, 6.0)
    assert set(panel.rules) == {"cycle", "time_in_stage", "velocity"}


def test_cycle_panel_when_all_deals_are_lost():
    lost = FunnelData(STAGES, [DealFacts(1, 4, 10, datetime(2026, 9, 1),
                                         closed=datetime(2026, 9, 2)),
                               DealFacts(2, 1, 10, datetime(2026, 9, 1))])
    panel = cycle_panel(compute(lost, PERIOD))
    assert (panel.won, panel.cycle_mean, panel.cycle_median) == (0, None, None)
    assert panel.velocity == Velocity(None, 1, 0.0, None, None)
