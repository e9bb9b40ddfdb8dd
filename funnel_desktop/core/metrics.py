"""Every number of DOMAIN.md "Numbers", computed in one pass over plain rows.

Money is in minor units. A rate is a float in [0, 1] or None when its denominator is zero.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime

from .conversion import Conversion, stage_conversion, visited_stages
from .dates import month_key
from .stats import mean, median, ratio, weighted_minor
from .values import DealFacts, FunnelData, Period, StageInfo, StageKind, StageVisit, within
from .visit_table import ONE_US, VisitTable

#: The rule of every number, shown beside it (English source; the UI translates).
RULES: dict[str, str] = {
    "weighted": "Weighted value = amount × probability ÷ 100, summed over open deals; a deal's "
                "own probability overrides its stage's.",
    "forecast": "For each month: weighted value of open deals expected to close in it, beside "
                "the amount won in it. Open deals whose expected close date has passed are "
                "overdue.",
    "win_rate": "Won ÷ (won + lost) among deals closed in the period, by count and by value.",
    "lead_to_win": "Won ÷ all deals created in the period (the period's cohort).",
    "conversion": "reached(next stage) ÷ reached(stage) among deals created in the period. A "
                  "deal reached a stage if it was ever in it or a later open stage, or was won; "
                  "strict mode counts only stages actually visited.",
    "deal_size": "Mean (and median) amount of deals won in the period.",
    "cycle": "Mean (and median) days from creation to won, for deals won in the period.",
    "time_in_stage": "Days in each stage, summed over re-entries, per deal that entered it in "
                     "the period (a stay not yet ended counts up to the as-of date).",
    "velocity": "Open deals × win rate × average deal size ÷ average cycle days (money per "
                "day).",
    "coverage": "Open pipeline value (and weighted value) ÷ what is still missing to the "
                "target (target − won so far).",
}


def effective_probability(deal: DealFacts, stage: StageInfo) -> int:
    """The deal's own probability if set, else its stage's; won 100, lost 0."""
    if stage.kind == StageKind.WON:
        return 100
    if stage.kind == StageKind.LOST:
        return 0
    return deal.probability if deal.probability is not None else stage.probability


def weighted_value(amount: int, probability: int) -> int:
    """a × p ÷ 100 in minor units (1,000,000 at 25 % → 250,000)."""
    return weighted_minor(amount * probability)


@dataclass(slots=True)
class StageTotals:
    stage_id: int
    count: int = 0
    amount: int = 0
    weighted: int = 0


@dataclass(slots=True)
class MonthForecast:
    month: str  # YYYY-MM
    open_count: int = 0
    open_amount: int = 0
    weighted: int = 0
    won_count: int = 0
    won_amount: int = 0


@dataclass(slots=True)
class Forecast:
    months: list[MonthForecast] = field(default_factory=list)
    overdue_count: int = 0
    overdue_amount: int = 0
    overdue_weighted: int = 0
    undated_count: int = 0
    undated_amount: int = 0
    undated_weighted: int = 0


@dataclass(slots=True)
class TimeInStage:
    stage_id: int
    deals: int
    mean_days: float | None
    median_days: float | None


@dataclass(slots=True)
class Metrics:
    """All numbers for one pipeline, segment and period, as of one date."""

    period: Period
    as_of: date
    stages: list[StageTotals]
    open_count: int
    open_amount: int
    weighted_total: int
    forecast: Forecast
    won_count: int
    lost_count: int
    won_amount: int
    lost_amount: int
    win_rate_count: float | None
    win_rate_value: float | None
    cohort_count: int
    cohort_won: int
    lead_to_win: float | None
    conversion: Conversion
    average_deal: float | None
    median_deal: float | None
    cycle_mean: float | None
    cycle_median: float | None
    time_in_stage: list[TimeInStage]
    velocity: float | None
    won_amounts: list[int]


def open_totals(data: FunnelData) -> tuple[list[StageTotals], int, int, int]:
    """Per open stage count, amount and weighted value; and the open totals."""
    by_id = {s.id: s for s in data.stages}
    totals = {s.id: StageTotals(s.id) for s in data.stages if s.kind == StageKind.OPEN}
    for d in data.deals:
        t = totals.get(d.stage_id)
        if t is None:
            continue
        t.count += 1
        t.amount += d.amount
        t.weighted += d.amount * effective_probability(d, by_id[d.stage_id])
    for t in totals.values():
        t.weighted = weighted_minor(t.weighted)
    ordered = [totals[s.id] for s in sorted(data.stages, key=lambda s: s.position)
               if s.id in totals]
    return (ordered, sum(t.count for t in ordered), sum(t.amount for t in ordered),
            sum(t.weighted for t in ordered))


def forecast_by_month(data: FunnelData, period: Period, as_of: date) -> Forecast:
    """Weighted open value by expected close month (from the as-of month on), won amount by
    close month within the period, overdue and undated buckets apart."""
    by_id = {s.id: s for s in data.stages}
    months: dict[str, MonthForecast] = {}
    f = Forecast()
    weighted_acc: dict[str, int] = defaultdict(int)
    overdue_acc = undated_acc = 0
    in_period = within(period)
    for d in data.deals:
        stage = by_id.get(d.stage_id)
        if stage is None:
            continue
        if stage.kind == StageKind.OPEN:
            wp = d.amount * effective_probability(d, stage)
            if d.expected_close is None:
                f.undated_count += 1
                f.undated_amount += d.amount
                undated_acc += wp
            elif d.expected_close < as_of:
                f.overdue_count += 1
                f.overdue_amount += d.amount
                overdue_acc += wp
            else:
                key = month_key(d.expected_close)
                m = months.get(key)
                if m is None:
                    m = months[key] = MonthForecast(key)
                m.open_count += 1
                m.open_amount += d.amount
                weighted_acc[key] += wp
        elif stage.kind == StageKind.WON and d.closed is not None and in_period(d.closed):
            key = month_key(d.closed)
            m = months.get(key)
            if m is None:
                m = months[key] = MonthForecast(key)
            m.won_count += 1
            m.won_amount += d.amount
    for key, acc in weighted_acc.items():
        months[key].weighted = weighted_minor(acc)
    f.overdue_weighted = weighted_minor(overdue_acc)
    f.undated_weighted = weighted_minor(undated_acc)
    f.months = [months[k] for k in sorted(months)]
    return f


def _time_in_stage_days(visits: Sequence[StageVisit], period: Period, as_of: datetime
                        ) -> dict[int, list[float]]:
    """stage id → days per deal in it (re-entries summed), for deals that entered it in the
    period, in a stable order. A deal's days are its stays' whole microseconds summed (each
    stay from 0 up), then divided once: exact whatever the order of the stays."""
    if isinstance(visits, VisitTable):  # the same sums over its columns
        return visits.time_in_stage_days(period, as_of)
    per: dict[int, dict[int, int]] = {}  # stage → deal → microseconds
    entered_in_period: set[tuple[int, int]] = set()
    start, stop = period.moment_bounds()
    if stop is None:
        stop = datetime.max
    add = entered_in_period.add
    for v in visits:
        sid, did, e = v.stage_id, v.deal_id, v.entered
        by_deal = per.get(sid)
        if by_deal is None:
            by_deal = per[sid] = {}
        us = ((as_of if v.left is None else v.left) - e) // ONE_US
        by_deal[did] = by_deal.get(did, 0) + (us if us > 0 else 0)
        if start <= e < stop if e.__class__ is datetime else period.contains(e):
            add((sid, did))
    days: dict[int, list[float]] = defaultdict(list)
    for sid, did in entered_in_period:
        days[sid].append(per[sid][did] / 1000000 / 86400)
    return days


def time_in_stage(stages: list[StageInfo], visits: Sequence[StageVisit], period: Period,
                  as_of: datetime) -> list[TimeInStage]:
    """Per open stage: days per deal in it (re-entries summed), over deals that entered it in
    the period. The mean is exactly rounded (``math.fsum``): the same whatever the order of
    the deals."""
    days = _time_in_stage_days(visits, period, as_of)
    out = []
    for s in sorted(stages, key=lambda s: s.position):
        if s.kind != StageKind.OPEN:
            continue
        values = days.get(s.id, [])
        out.append(TimeInStage(s.id, len(values),
                               math.fsum(values) / len(values) if values else None,
                               median(values)))
    return out


def compute(data: FunnelData, period: Period, as_of: date | None = None, *,
            strict: bool = False) -> Metrics:
    """Every number for ``data`` (already cut to its segment) over ``period``.

    ``as_of`` is the date the pipeline is looked at (default: the period's end); overdue and
    time-in-stage are measured against it. Pass data rebuilt by ``history.as_of`` to see the
    pipeline as it stood at a past moment.
    """
    as_of = as_of or period.end
    as_of_moment = datetime(as_of.year, as_of.month, as_of.day, 23, 59, 59)
    kind = {s.id: s.kind for s in data.stages}
    stages, open_count, open_amount, weighted_total = open_totals(data)

    won_amounts: list[int] = []
    cycles: list[int] = []
    won_count = lost_count = won_amount = lost_amount = 0
    cohort: list[DealFacts] = []
    cohort_won = 0
    in_period = within(period)
    for d in data.deals:
        k = kind.get(d.stage_id)
        if d.closed is not None and in_period(d.closed):
            if k == StageKind.WON:
                won_count += 1
                won_amount += d.amount
                won_amounts.append(d.amount)
                cycles.append((d.closed.date() - d.created.date()).days)
            elif k == StageKind.LOST:
                lost_count += 1
                lost_amount += d.amount
        if in_period(d.created):
            cohort.append(d)
            if k == StageKind.WON:
                cohort_won += 1
    conversion = stage_conversion(data.stages, cohort,
                                  visited_stages(data.visits, {d.id for d in cohort}),
                                  strict=strict)
    win_rate_count = ratio(won_count, won_count + lost_count)
    average = mean(won_amounts)
    cycle_mean = mean(cycles)
    return Metrics(
        period=period, as_of=as_of, stages=stages, open_count=open_count,
        open_amount=open_amount, weighted_total=weighted_total,
        forecast=forecast_by_month(data, period, as_of),
        won_count=won_count, lost_count=lost_count, won_amount=won_amount,
        lost_amount=lost_amount, win_rate_count=win_rate_count,
        win_rate_value=ratio(won_amount, won_amount + lost_amount),
        cohort_count=len(cohort), cohort_won=cohort_won,
        lead_to_win=ratio(cohort_won, len(cohort)), conversion=conversion,
        average_deal=average, median_deal=median(won_amounts),
        cycle_mean=cycle_mean, cycle_median=median(cycles),
        time_in_stage=time_in_stage(data.stages, data.visits, period, as_of_moment),
        velocity=sales_velocity(open_count, win_rate_count, average, cycle_mean),
        won_amounts=won_amounts,
    )


def sales_velocity(open_count: int, win_rate: float | None, average: float | None,
                   cycle_mean: float | None) -> float | None:
    """Open deals × win rate × average deal size ÷ average cycle days; None when a part is
    unknown or the cycle is 0."""
    if win_rate is None or average is None or not cycle_mean:
        return None
    return open_count * win_rate * average / cycle_mean


def coverage(open_amount: int, weighted: int, target: int, won_so_far: int
             ) -> tuple[float | None, float | None, int]:
    """(coverage, weighted coverage, missing): pipeline ÷ (target − won so far), by the rule
    of :mod:`core.targets` (a target of 0 misses nothing)."""
    from .targets import coverage_of, missing_to

    return (coverage_of(open_amount, target, won_so_far),
            coverage_of(weighted, target, won_so_far), missing_to(target, won_so_far) or 0)
