"""Data of the trend charts: win rate per month (count and value), sales cycle per month, and
the cycle / time-in-stage / velocity panel."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime

from .dates import month_key
from .forecast_chart import period_months
from .metrics import RULES, Metrics, TimeInStage
from .stats import mean, median, ratio
from .values import FunnelData, Period, StageInfo, StageKind


@dataclass(frozen=True, slots=True)
class WinRateMonth:
    """Deals closed in one month: won ÷ (won + lost) by count and by value (None: no closes)."""

    month: str
    won_count: int
    lost_count: int
    won_amount: int
    lost_amount: int
    rate_count: float | None
    rate_value: float | None


@dataclass(frozen=True, slots=True)
class CycleMonth:
    """Days from creation to won for the deals won in one month (None: none won)."""

    month: str
    won: int
    mean_days: float | None
    median_days: float | None


@dataclass(frozen=True, slots=True)
class Velocity:
    """open deals × win rate × average deal ÷ average cycle days, with its four factors;
    ``per_day`` (minor units per day) is None when a factor is unknown or the cycle is 0."""

    per_day: float | None
    open_count: int
    win_rate: float | None
    average_deal: float | None
    cycle_days: float | None


@dataclass(frozen=True, slots=True)
class CyclePanel:
    """Sales cycle of the period's wins, time in each open stage, and velocity."""

    won: int
    cycle_mean: float | None
    cycle_median: float | None
    stages: list[TimeInStage]
    velocity: Velocity
    rules: dict[str, str]


def _closed_facts(data: FunnelData) -> Iterator[tuple[int, int, datetime, datetime | None]]:
    return ((d.stage_id, d.amount, d.created, d.closed) for d in data.deals)


def win_rate_trend(data: FunnelData, period: Period) -> list[WinRateMonth]:
    """One row per month the period touches (months without closes have rates None)."""
    return closed_trends(data.stages, _closed_facts(data), period)[0]


def cycle_trend(data: FunnelData, period: Period) -> list[CycleMonth]:
    """Mean and median sales cycle of each month's wins, one row per month of the period."""
    return closed_trends(data.stages, _closed_facts(data), period)[1]


def closed_trends(stages: Iterable[StageInfo],
                  rows: Iterable[tuple[int, int, datetime, datetime | None]], period: Period
                  ) -> tuple[list[WinRateMonth], list[CycleMonth]]:
    """:func:`win_rate_trend` and :func:`cycle_trend` in one pass over (stage id, amount,
    created, closed) of closed deals — rows that need not be loaded deals (the same sums:
    counts, amounts and whole days are integers, so their order does not matter)."""
    kind = {s.id: s.kind for s in stages}
    acc: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0, 0])
    days: dict[str, list[int]] = defaultdict(list)
    for sid, amount, created, closed in rows:
        k = kind.get(sid)
        if closed is None or k not in (StageKind.WON, StageKind.LOST) \
                or not period.contains(closed):
            continue
        key = month_key(closed.date())
        row = acc[key]
        if k == StageKind.WON:
            row[0] += 1
            row[2] += amount
            days[key].append((closed.date() - created.date()).days)
        else:
            row[1] += 1
            row[3] += amount
    rates = []
    for key in period_months(period):
        won, lost, won_amount, lost_amount = acc.get(key, (0, 0, 0, 0))
        rates.append(WinRateMonth(key, won, lost, won_amount, lost_amount,
                                  ratio(won, won + lost),
                                  ratio(won_amount, won_amount + lost_amount)))
    cycles = [CycleMonth(key, len(days.get(key, [])), mean(days.get(key, [])),
                         median(days.get(key, []))) for key in period_months(period)]
    return rates, cycles


def cycle_panel(m: Metrics) -> CyclePanel:
    """The cycle, time in stage and velocity numbers of ``m`` with their rules."""
    return CyclePanel(
        won=m.won_count, cycle_mean=m.cycle_mean, cycle_median=m.cycle_median,
        stages=list(m.time_in_stage),
        velocity=Velocity(m.velocity, m.open_count, m.win_rate_count, m.average_deal,
                          m.cycle_mean),
        rules={k: RULES[k] for k in ("cycle", "time_in_stage", "velocity")})
