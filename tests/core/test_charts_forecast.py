"""Forecast chart data: months without gaps, overdue and undated, targets, the band."""

from __future__ import annotations

from datetime import date, datetime

from funnel_desktop.core.forecast_chart import (
    ForecastMonth,
    TargetRow,
    forecast_chart,
    month_keys,
    monthly_targets,
)
from funnel_desktop.core.metrics import forecast_by_month
from funnel_desktop.core.simulation import forecast_band
from funnel_desktop.core.values import DealFacts, FunnelData, Period, StageInfo, StageKind

STAGES = [
    StageInfo(1, "Nurture", StageKind.OPEN, 0, 10),
    StageInfo(2, "Quote", StageKind.OPEN, 1, 75),
    StageInfo(3, "Won", StageKind.WON, 2, 100),
    StageInfo(4, "Lost", StageKind.LOST, 3, 0),
]
TODAY = date(2026, 11, 24)
PERIOD = Period(date(2026, 9, 1), date(2026, 11, 30))
CREATED = datetime(2026, 8, 1)


def test_month_keys():
    assert month_keys(date(2026, 11, 24), date(2027, 2, 1)) == ["2026-11", "2026-12",
                                                                "2027-01", "2027-02"]
    assert month_keys(date(2026, 3, 5), date(2026, 3, 6)) == ["2026-03"]
    assert month_keys(date(2026, 4, 1), date(2026, 3, 31)) == []


def test_monthly_targets_prefer_the_month_over_its_share_of_the_quarter():
    rows = [
        TargetRow(date(2026, 10, 1), date(2026, 12, 31), 3_000_001),  # a quarter
        TargetRow(date(2026, 12, 1), date(2026, 12, 31), 2_500_000),  # December's own
        TargetRow(date(2026, 1, 1), date(2026, 12, 31), 12_000_000),  # the year
        TargetRow(date(2026, 9, 7), date(2026, 9, 13), 999),  # a week: not whole months
    ]
    months = month_keys(date(2026, 8, 1), date(2027, 1, 31))
    assert monthly_targets(rows, months) == {
        "2026-08": 1_000_000, "2026-09": 1_000_000,  # the year's twelfth
        "2026-10": 1_000_001, "2026-11": 1_000_000,  # the quarter's third (remainder first)
        "2026-12": 2_500_000,
    }
    assert monthly_targets([], months) == {}


def data() -> FunnelData:
    deals = [
        DealFacts(1, 1, 100_000, CREATED, expected_close=date(2026, 12, 5)),  # 10,000
        DealFacts(2, 2, 200_000, CREATED, expected_close=date(2027, 2, 10)),  # 150,000
        DealFacts(3, 2, 40_000, CREATED, expected_close=date(2026, 10, 1)),  # overdue 30,000
        DealFacts(4, 1, 50_000, CREATED),  # undated 5,000
        DealFacts(5, 3, 70_000, CREATED, closed=datetime(2026, 9, 3)),
        DealFacts(6, 3, 80_000, CREATED, closed=datetime(2026, 11, 3)),
        DealFacts(7, 3, 90_000, CREATED, closed=datetime(2026, 8, 3)),  # before the period
        DealFacts(8, 4, 60_000, CREATED, closed=datetime(2026, 10, 3)),  # lost
    ]
    return FunnelData(STAGES, deals)


def test_forecast_chart_fills_months_and_adds_targets():
    f = forecast_by_month(data(), PERIOD, TODAY)
    targets = {"2026-09": 100_000, "2026-10": 100_000, "2027-01": 50_000}
    chart = forecast_chart(f, PERIOD, TODAY, targets=targets)
    assert [m.month for m in chart.months] == ["2026-09", "2026-10", "2026-11", "2026-12",
                                               "2027-01", "2027-02"]
    assert chart.months[0] == ForecastMonth("2026-09", 0, 0, 0, 1, 70_000, 100_000, None)
    assert chart.months[1] == ForecastMonth("2026-10", 0, 0, 0, 0, 0, 100_000, None)
    assert chart.months[2] == ForecastMonth("2026-11", 0, 0, 0, 1, 80_000, None, None)
    assert chart.months[3] == ForecastMonth("2026-12", 1, 100_000, 10_000, 0, 0, None, None)
    assert chart.months[4] == ForecastMonth("2027-01", 0, 0, 0, 0, 0, 50_000, None)
    assert chart.months[5] == ForecastMonth("2027-02", 1, 200_000, 150_000, 0, 0, None, None)
    assert (chart.overdue_count, chart.overdue_amount, chart.overdue_weighted) == (1, 40_000,
                                                                                   30_000)
    assert (chart.undated_count, chart.undated_amount, chart.undated_weighted) == (1, 50_000,
                                                                                   5_000)
    assert (chart.won_total, chart.weighted_total, chart.target_total) == (150_000, 160_000,
                                                                           250_000)
    assert chart.band_total is None


def test_forecast_chart_with_the_band():
    d = data()
    band = forecast_band(d, TODAY, runs=300, seed=2)
    chart = forecast_chart(forecast_by_month(d, PERIOD, TODAY), PERIOD, TODAY, band=band)
    assert [m.band.key if m.band else None for m in chart.months] == [
        None, None, "2026-11", "2026-12", "2027-01", "2027-02"]
    nov = chart.months[2].band
    assert (nov.count, nov.weighted) == (1, 30_000)  # the overdue deal lands in November
    assert chart.band_total == band.total and band.total.count == 4


def test_empty_data_and_a_period_with_no_closes():
    empty = forecast_chart(forecast_by_month(FunnelData(STAGES, []), PERIOD, TODAY), PERIOD,
                           TODAY)
    assert [m.month for m in empty.months] == ["2026-09", "2026-10", "2026-11"]
    assert all(m == ForecastMonth(m.month, 0, 0, 0, 0, 0, None, None) for m in empty.months)
    assert (empty.won_total, empty.weighted_total, empty.target_total) == (0, 0, None)
    quiet = Period(date(2026, 6, 1), date(2026, 7, 31))
    chart = forecast_chart(forecast_by_month(data(), quiet, TODAY), quiet, TODAY)
    assert chart.won_total == 0
    assert [m.month for m in chart.months][:2] == ["2026-06", "2026-07"]
    assert chart.weighted_total == 160_000  # the open deals still show ahead
