"""The simulated forecast band: deterministic, ordered, centred on the weighted sum."""

from __future__ import annotations

import random
from datetime import date, datetime

import numpy as np
import pytest

from funnel_desktop.core.errors import ValidationError
from funnel_desktop.core.metrics import compute
from funnel_desktop.core.simulation import BandBucket, forecast_band, simulate
from funnel_desktop.core.values import DealFacts, FunnelData, Period, StageInfo, StageKind

STAGES = [
    StageInfo(1, "Nurture", StageKind.OPEN, 0, 10),
    StageInfo(2, "Introduction", StageKind.OPEN, 1, 35),
    StageInfo(3, "Solution", StageKind.OPEN, 2, 65),
    StageInfo(4, "Quote", StageKind.OPEN, 3, 75),
    StageInfo(5, "Won", StageKind.WON, 4, 100),
    StageInfo(6, "Lost", StageKind.LOST, 5, 0),
]
TODAY = date(2026, 11, 24)
CREATED = datetime(2026, 6, 1, 9)


def deal(i: int, amount: int, close: date | None, stage: int = 1,
         probability: int | None = None) -> DealFacts:
    return DealFacts(i, stage, amount, CREATED, probability, close)


def big_pipeline(n: int, seed: int = 7) -> FunnelData:
    rng = random.Random(seed)
    deals = [deal(i, rng.randint(3_000, 800_000) * 100,
                  date(2026, 11, 1) if rng.random() < 0.1
                  else date(2026 + (m := rng.randint(11, 16)) // 13, (m - 1) % 12 + 1, 15),
                  stage=rng.randint(1, 4), probability=rng.choice((None, None, None, 20, 90)))
             for i in range(1, n + 1)]
    return FunnelData(STAGES, deals)


def test_certain_deals_give_a_band_of_zero_width_in_their_months():
    data = FunnelData(STAGES, [
        deal(1, 100_000, date(2026, 10, 1), probability=100),  # overdue → this month
        deal(2, 250_000, date(2027, 1, 15), probability=100),  # two months on: gap filled
        deal(3, 999_000, date(2027, 1, 20), probability=0),  # never wins
        deal(4, 40_000, None, probability=100),  # undated
        deal(5, 70_000, date(2027, 6, 1), probability=100),  # beyond a 3-month horizon
        DealFacts(6, 5, 5_000_000, CREATED, None, date(2026, 11, 2),
                  closed=datetime(2026, 11, 2)),  # won: not simulated
    ])
    band = forecast_band(data, TODAY, runs=200, seed=3, horizon_months=3)
    assert band.buckets == [
        BandBucket("2026-11", 1, 100_000, 100_000, 100_000, 100_000),
        BandBucket("2026-12", 0, 0, 0, 0, 0),
        BandBucket("2027-01", 2, 250_000, 250_000, 250_000, 250_000),
        BandBucket("later", 1, 70_000, 70_000, 70_000, 70_000),
        BandBucket("undated", 1, 40_000, 40_000, 40_000, 40_000),
    ]
    assert band.total == BandBucket("total", 5, 460_000, 460_000, 460_000, 460_000)
    assert band.bucket("2027-01").count == 2 and band.bucket("2030-01") is None


def test_one_uncertain_deal_spans_nothing_to_everything():
    data = FunnelData(STAGES, [deal(1, 100_000, date(2026, 12, 1), stage=2)])  # 35 %
    band = forecast_band(data, TODAY, runs=2000, seed=1)
    nov, dec = band.buckets  # months start at the as-of month
    assert nov == BandBucket("2026-11", 0, 0, 0, 0, 0)
    assert (dec.key, dec.count, dec.weighted, dec.p10, dec.p90) == ("2026-12", 1, 35_000, 0,
                                                                    100_000)
    assert dec.p50 == 0  # wins in about 35 % of runs: the median run has nothing


def test_band_is_deterministic_ordered_and_independent_of_deal_order():
    data = big_pipeline(2000)
    a = forecast_band(data, TODAY, runs=500, seed=11)
    b = forecast_band(data, TODAY, runs=500, seed=11)
    shuffled = FunnelData(STAGES, list(reversed(data.deals)))
    c = forecast_band(shuffled, TODAY, runs=500, seed=11)
    assert a == b == c
    assert forecast_band(data, TODAY, runs=500, seed=12) != a
    for bucket in [*a.buckets, a.total]:
        assert bucket.p10 <= bucket.p50 <= bucket.p90


def test_p50_is_close_to_the_weighted_sum_on_a_large_pipeline():
    data = big_pipeline(5000)
    band = forecast_band(data, TODAY, runs=2000, seed=0)
    m = compute(data, Period(date(2026, 1, 1), TODAY), TODAY)
    assert band.total.weighted == m.weighted_total
    assert band.total.p50 == pytest.approx(m.weighted_total, rel=0.005)
    assert band.total.p10 < m.weighted_total < band.total.p90
    for bucket in band.buckets:
        assert bucket.p50 == pytest.approx(bucket.weighted, rel=0.03)
    # the current month holds the overdue deals as well as this month's
    forecast = m.forecast
    this_month = sum(x.weighted for x in forecast.months if x.month == "2026-11")
    assert forecast.overdue_count > 0
    assert band.buckets[0].weighted == pytest.approx(
        this_month + forecast.overdue_weighted, abs=1)


def test_simulate_wins_each_deal_with_its_probability():
    sims = simulate(np.array([1.0, 10.0]), np.array([0.3, 0.8]), np.array([0, 1]), 2,
                    runs=20_000, seed=5)
    assert sims.shape == (20_000, 2)
    assert set(np.unique(sims[:, 0])) == {0.0, 1.0}
    assert sims[:, 0].mean() == pytest.approx(0.3, abs=0.015)
    assert sims[:, 1].mean() == pytest.approx(8.0, abs=0.15)


def test_no_open_deals_and_bad_run_counts():
    band = forecast_band(FunnelData(STAGES, []), TODAY)
    assert band.buckets == [] and band.total == BandBucket("total", 0, 0, 0, 0, 0)
    for runs in (0, -5, 10**6):
        with pytest.raises(ValidationError) as e:
            forecast_band(FunnelData(STAGES, []), TODAY, runs=runs)
        assert e.value.code == "runs_invalid"
