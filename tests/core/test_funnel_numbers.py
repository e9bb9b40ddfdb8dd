"""Weighted value, forecast, win rates, deal size, cycle, time in stage and velocity, by hand."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest

from funnel_desktop.core.metrics import (
    compute,
    coverage,
    effective_probability,
    forecast_by_month,
    open_totals,
    time_in_stage,
    weighted_value,
)
from funnel_desktop.core.values import DealFacts, FunnelData, Period, StageInfo, StageKind
from funnel_desktop.core.values import StageVisit as Visit

# ids 1..5 open (10/20/40/60/80 %), 6 won, 7 lost — the weekly-review template's shape
STAGES = [
    StageInfo(1, "Prospect", StageKind.OPEN, 0, 10),
    StageInfo(2, "First contact", StageKind.OPEN, 1, 20),
    StageInfo(3, "Need confirmed", StageKind.OPEN, 2, 40),
    StageInfo(4, "Proposal", StageKind.OPEN, 3, 60),
    StageInfo(5, "Quote", StageKind.OPEN, 4, 80),
    StageInfo(6, "Won", StageKind.WON, 5, 100),
    StageInfo(7, "Lost", StageKind.LOST, 6, 0),
]
BY_ID = {s.id: s for s in STAGES}
WON, LOST = 6, 7


def major(x: float) -> int:
    """Major units (yuan) → minor units (fen)."""
    return round(x * 100)


def at(y: int, m: int, d: int, h: int = 10) -> datetime:
    return datetime(y, m, d, h, 0)


# -- weighted value -----------------------------------------------------------------------

def test_one_million_at_25_percent_weighs_250_thousand():
    assert weighted_value(100_000_000, 25) == 25_000_000
    assert weighted_value(major(1_000_000), 25) == major(250_000)


def test_weighted_value_rounds_half_up_in_minor_units():
    assert weighted_value(3, 50) == 2  # 1.5 fen → 2
    assert weighted_value(1, 49) == 0


def test_a_probability_override_beats_the_stage_probability():
    stage = StageInfo(9, "Quote", StageKind.OPEN, 0, 25)
    plain = DealFacts(1, 9, 100_000_000, at(2026, 1, 1))
    override = DealFacts(2, 9, 100_000_000, at(2026, 1, 1), probability=60)
    zero = DealFacts(3, 9, 100_000_000, at(2026, 1, 1), probability=0)
    assert effective_probability(plain, stage) == 25
    assert effective_probability(override, stage) == 60
    assert effective_probability(zero, stage) == 0  # 0 is an override, not "unset"


def test_won_counts_100_and_lost_0_whatever_the_deal_says():
    d = DealFacts(1, WON, 100, at(2026, 1, 1), probability=30)
    assert effective_probability(d, BY_ID[WON]) == 100
    assert effective_probability(DealFacts(2, LOST, 100, at(2026, 1, 1), probability=30),
                                 BY_ID[LOST]) == 0


def test_open_totals_per_stage_and_overall():
    deals = [
        DealFacts(1, 1, major(10_000), at(2026, 1, 1)),                  # 10 % → 1,000
        DealFacts(2, 1, major(20_000), at(2026, 1, 1), probability=50),  # 50 % → 10,000
        DealFacts(3, 4, major(100_000), at(2026, 1, 1)),                 # 60 % → 60,000
        DealFacts(4, WON, major(999_999), at(2026, 1, 1)),               # closed: not open
        DealFacts(5, LOST, major(5_000), at(2026, 1, 1)),
    ]
    stages, count, amount, weighted = open_totals(FunnelData(STAGES, deals))
    assert [(t.stage_id, t.count, t.amount, t.weighted) for t in stages] == [
        (1, 2, major(30_000), major(11_000)),
        (2, 0, 0, 0),
        (3, 0, 0, 0),
        (4, 1, major(100_000), major(60_000)),
        (5, 0, 0, 0),
    ]
    assert (count, amount, weighted) == (3, major(130_000), major(71_000))


def test_coverage_is_pipeline_over_what_is_missing():
    # target 300,000, won 100,000 → missing 200,000; pipeline 600,000 → 3×, weighted 1.5×
    cov, wcov, missing = coverage(major(600_000), major(300_000), major(300_000),
                                  major(100_000))
    assert (cov, wcov, missing) == (3.0, 1.5, major(200_000))
    assert coverage(10, 5, 100, 150) == (None, None, 0)


# -- forecast by month --------------------------------------------------------------------

def test_forecast_by_month_with_overdue_and_won():
    as_of = date(2026, 11, 24)
    period = Period(date(2026, 1, 1), date(2026, 12, 31))
    deals = [
        # open, expected close passed this month and in June: overdue, not in a past month
        DealFacts(1, 3, major(1_000), at(2026, 1, 1), expected_close=date(2026, 11, 10)),
        DealFacts(2, 5, major(2_000), at(2026, 1, 1), expected_close=date(2026, 6, 1)),
        # open, later this month and next month
        DealFacts(3, 1, major(3_000), at(2026, 1, 1), expected_close=date(2026, 11, 30)),
        DealFacts(4, 2, major(4_000), at(2026, 1, 1), expected_close=date(2026, 12, 5),
                  probability=50),
        DealFacts(5, 4, major(5_000), at(2026, 1, 1), expected_close=date(2026, 12, 31)),
        # open, no date
        DealFacts(6, 1, major(6_000), at(2026, 1, 1)),
        # won in March (counted), won last year (outside the period), lost (never counted)
        DealFacts(7, WON, major(7_000), at(2026, 1, 1), closed=at(2026, 3, 15),
                  expected_close=date(2026, 3, 1)),
        DealFacts(8, WON, major(8_000), at(2025, 1, 1), closed=at(2025, 12, 20)),
        DealFacts(9, LOST, major(9_000), at(2026, 1, 1), closed=at(2026, 12, 1),
                  expected_close=date(2026, 12, 1)),
    ]
    f = forecast_by_month(FunnelData(STAGES, deals), period, as_of)
    assert (f.overdue_count, f.overdue_amount) == (2, major(3_000))
    assert f.overdue_weighted == major(1_000 * 0.40 + 2_000 * 0.80)  # 2,000
    assert (f.undated_count, f.undated_amount, f.undated_weighted) == (1, major(6_000),
                                                                      major(600))
    months = {m.month: m for m in f.months}
    assert list(months) == ["2026-03", "2026-11", "2026-12"]  # no June, no 2025-12
    assert (months["2026-03"].won_count, months["2026-03"].won_amount) == (1, major(7_000))
    assert months["2026-03"].weighted == 0
    nov = months["2026-11"]
    assert (nov.open_count, nov.open_amount, nov.weighted, nov.won_amount) == (
        1, major(3_000), major(300), 0)
    dec = months["2026-12"]
    # 4,000 at the override 50 % + 5,000 at 60 %
    assert (dec.open_count, dec.open_amount, dec.weighted) == (2, major(9_000),
                                                              major(2_000 + 3_000))
    assert dec.won_count == 0


# -- everything else, on one small business -----------------------------------------------

PERIOD = Period(date(2026, 1, 1), date(2026, 6, 30))


def small_business() -> FunnelData:
    """Seven deals whose numbers are worked out in the test below."""
    deals = [
        # A: created Jan 1, won Jan 31 (30 days), 10,000
        DealFacts(1, WON, major(10_000), at(2026, 1, 1), closed=at(2026, 1, 31)),
        # B: created Feb 1, won Apr 2 (28 + 31 + 1 = 60 days), 20,000
        DealFacts(2, WON, major(20_000), at(2026, 2, 1), closed=at(2026, 4, 2)),
        # C: created Nov 1 2025 (before the period), won Mar 1 (30+31+31+28 = 120 days), 60,000
        DealFacts(3, WON, major(60_000), at(2025, 11, 1), closed=at(2026, 3, 1)),
        # D: created Mar 1, lost Apr 1, 40,000
        DealFacts(4, LOST, major(40_000), at(2026, 3, 1), closed=at(2026, 4, 1)),
        # E: created Apr 1, open in stage 3 (40 %), 50,000
        DealFacts(5, 3, major(50_000), at(2026, 4, 1), expected_close=date(2026, 8, 1)),
        # F: created May 1, open in stage 1 with its own 30 %, 10,000
        DealFacts(6, 1, major(10_000), at(2026, 5, 1), probability=30,
                  expected_close=date(2026, 7, 15)),
        # G: created and lost in 2025: outside the period for every number
        DealFacts(7, LOST, major(70_000), at(2025, 11, 1), closed=at(2025, 12, 15)),
    ]
    return FunnelData(STAGES, deals)


def test_win_rate_by_count_and_by_value():
    m = compute(small_business(), PERIOD)
    # closed in the period: won A, B, C (90,000), lost D (40,000)
    assert (m.won_count, m.lost_count) == (3, 1)
    assert (m.won_amount, m.lost_amount) == (major(90_000), major(40_000))
    assert m.win_rate_count == 0.75
    assert m.win_rate_value == pytest.approx(90_000 / 130_000)


def test_lead_to_win_counts_the_cohort_created_in_the_period():
    m = compute(small_business(), PERIOD)
    # created in the period: A, B, D, E, F; won among them: A, B (C was created in 2025)
    assert (m.cohort_count, m.cohort_won) == (5, 2)
    assert m.lead_to_win == 0.4


def test_average_and_median_deal_size():
    m = compute(small_business(), PERIOD)
    assert sorted(m.won_amounts) == [major(10_000), major(20_000), major(60_000)]
    assert m.average_deal == major(30_000)
    assert m.median_deal == major(20_000)


def test_sales_cycle_mean_and_median():
    m = compute(small_business(), PERIOD)
    assert m.cycle_mean == pytest.approx((30 + 60 + 120) / 3)  # 70
    assert m.cycle_median == 60


def test_open_pipeline_and_velocity():
    m = compute(small_business(), PERIOD)
    # E 50,000 at 40 % = 20,000; F 10,000 at its own 30 % = 3,000
    assert (m.open_count, m.open_amount, m.weighted_total) == (2, major(60_000), major(23_000))
    # velocity = open deals × win rate × average deal ÷ average cycle days
    #          = 2 × 0.75 × 30,000 ÷ 70 = 642.857… yuan per day
    assert m.velocity == pytest.approx(2 * 0.75 * major(30_000) / 70)


def test_nothing_closed_gives_no_rates_and_no_velocity():
    data = FunnelData(STAGES, [DealFacts(1, 2, 100, at(2026, 2, 1))])
    m = compute(data, PERIOD)
    assert m.win_rate_count is None and m.win_rate_value is None
    assert m.average_deal is None and m.cycle_mean is None and m.velocity is None
    assert (m.cohort_count, m.lead_to_win) == (1, 0.0)


def test_conversion_in_compute_uses_the_cohort_only():
    data = small_business()
    # C (created 2025) visited stages 1..5 before winning; it must not count
    data.visits = [Visit(3, s, at(2025, 11, s), at(2025, 11, s + 1)) for s in (1, 2, 3, 4, 5)]
    data.visits.append(Visit(3, WON, at(2026, 3, 1)))
    m = compute(data, PERIOD)
    # cohort A, B (won: reached everything), D (lost, no history: its stage is not open, so it
    # reached nothing), E (stage 3), F (stage 1)
    assert m.conversion.reached == {1: 4, 2: 3, 3: 3, 4: 2, 5: 2, WON: 2}


# -- time in stage ------------------------------------------------------------------------

def test_time_in_stage_sums_re_entries():
    def d(n: float) -> datetime:
        return datetime(2026, 3, 1) + timedelta(days=n)

    visits = [
        # deal 1: stage 1 for 3 days, stage 2 for 2 days, stage 1 again for 2 days → 5 in 1
        Visit(1, 1, d(0), d(3)), Visit(1, 2, d(3), d(5)), Visit(1, 1, d(5), d(7)),
        Visit(1, 3, d(7), None),  # still in stage 3 at the as-of moment (day 11)
        # deal 2: stage 1 from day 1 for 1.5 days, then stage 2 still
        Visit(2, 1, d(1), d(2.5)), Visit(2, 2, d(2.5), None),
    ]
    rows = time_in_stage(STAGES, visits, Period(date(2026, 3, 1), date(2026, 3, 31)), d(11))
    by_stage = {r.stage_id: r for r in rows}
    assert [r.stage_id for r in rows] == [1, 2, 3, 4, 5]  # open stages only, in order
    assert by_stage[1].deals == 2
    assert by_stage[1].mean_days == pytest.approx((5 + 1.5) / 2)
    assert by_stage[1].median_days == pytest.approx(3.25)
    # stage 2: deal 1 for 2 days, deal 2 from day 2.5 to day 11 = 8.5 days
    assert by_stage[2].deals == 2
    assert by_stage[2].mean_days == pytest.approx((2 + 8.5) / 2)
    assert by_stage[3].deals == 1 and by_stage[3].mean_days == pytest.approx(4)
    assert by_stage[4].deals == 0 and by_stage[4].mean_days is None


def test_time_in_stage_counts_deals_that_entered_in_the_period():
    visits = [Visit(1, 1, datetime(2026, 1, 10), datetime(2026, 1, 20)),
              Visit(2, 1, datetime(2026, 3, 1), datetime(2026, 3, 5))]
    rows = time_in_stage(STAGES, visits, Period(date(2026, 3, 1), date(2026, 3, 31)),
                         datetime(2026, 4, 1))
    assert (rows[0].deals, rows[0].mean_days) == (1, 4.0)
