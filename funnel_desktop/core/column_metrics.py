"""``core.metrics.compute`` and the stage conversion over deals held in columns
(:class:`core.deal_columns.ColumnData`): the same numbers, to the last bit, as the loops over
the objects (a test holds them equal), in a few array operations."""

from __future__ import annotations

import math
from datetime import date, datetime

import numpy as np

from .conversion import Conversion, conversion_of_reached
from .deal_columns import (
    LOST,
    NONE,
    OPEN,
    WON,
    ColumnData,
    day_number,
    days_of,
    group_sums,
    highest_bit,
    in_period,
    moment_us,
    month_numbers,
    month_text,
    period_us,
    total,
)
from .metrics import (
    Forecast,
    Metrics,
    MonthForecast,
    StageTotals,
    TimeInStage,
    sales_velocity,
    time_in_stage,
)
from .stats import mean, ratio, weighted_minor
from .values import DealFacts, Period, StageKind
from .visit_table import OPEN_END


def median_of(values: np.ndarray) -> float | None:
    """``core.stats.median`` of the values (sorted here): the middle one, or the mean of the
    two middle ones (exact integers first, as ``statistics.median`` adds them)."""
    n = len(values)
    if not n:
        return None
    v = np.sort(values)
    if n % 2:
        return float(v[n // 2])
    a, b = v[n // 2 - 1], v[n // 2]
    if v.dtype.kind == "f":
        return float((float(a) + float(b)) / 2)
    return float((int(a) + int(b)) / 2)


def mean_of(values: np.ndarray) -> float | None:
    """``core.stats.mean`` of integer values (their exact sum ÷ their count)."""
    return total(values) / len(values) if len(values) else None


def weighted_products(data: ColumnData) -> np.ndarray:
    """amount × effective probability of each deal (minor·percent)."""
    codes = data.codes()
    out: np.ndarray = data.columns.amount * codes.effective_probability(
        data.columns.probability)
    return out


def open_totals(data: ColumnData) -> tuple[list[StageTotals], int, int, int]:
    """``core.metrics.open_totals``: per open stage count, amount and weighted value, and the
    open totals."""
    codes = data.codes()
    is_open = codes.kind == OPEN
    index = codes.index[is_open]
    n = len(data.stages)
    counts = np.bincount(index, minlength=n) if n else np.zeros(0, dtype=np.int64)
    amounts = group_sums(index, data.columns.amount[is_open], n)
    wps = group_sums(index, weighted_products(data)[is_open], n)
    ordered = []
    for i, s in sorted(enumerate(data.stages), key=lambda p: p[1].position):
        if s.kind == StageKind.OPEN:
            ordered.append(StageTotals(s.id, int(counts[i]), amounts[i], weighted_minor(wps[i])))
    return (ordered, sum(t.count for t in ordered), sum(t.amount for t in ordered),
            sum(t.weighted for t in ordered))


def forecast_by_month(data: ColumnData, period: Period, as_of: date) -> Forecast:
    """``core.metrics.forecast_by_month``: weighted open value by expected close month (from
    the as-of month on), won amount by close month within the period, overdue and undated
    apart."""
    cols, codes = data.columns, data.codes()
    is_open = codes.kind == OPEN
    wp = weighted_products(data)
    expected = cols.expected
    undated = is_open & (expected == NONE)
    overdue = is_open & (expected != NONE) & (expected < day_number(as_of))
    ahead = is_open & ~undated & ~overdue
    won = (codes.kind == WON) & in_period(cols.closed, period)
    open_months = month_numbers(expected[ahead])
    won_months = month_numbers(days_of(cols.closed[won]))
    keys, inverse = np.unique(np.concatenate([open_months, won_months]), return_inverse=True)
    n = len(keys)
    open_at, won_at = inverse[:len(open_months)], inverse[len(open_months):]
    open_n = np.bincount(open_at, minlength=n)
    open_a = group_sums(open_at, cols.amount[ahead], n)
    open_w = group_sums(open_at, wp[ahead], n)
    won_n = np.bincount(won_at, minlength=n)
    won_a = group_sums(won_at, cols.amount[won], n)
    f = Forecast()
    f.months = [MonthForecast(month_text(k), int(open_n[i]), open_a[i],
                              weighted_minor(open_w[i]) if open_n[i] else 0, int(won_n[i]),
                              won_a[i]) for i, k in enumerate(keys.tolist())]
    f.overdue_count, f.overdue_amount = int(overdue.sum()), total(cols.amount[overdue])
    f.overdue_weighted = weighted_minor(total(wp[overdue]))
    f.undated_count, f.undated_amount = int(undated.sum()), total(cols.amount[undated])
    f.undated_weighted = weighted_minor(total(wp[undated]))
    return f


def reached(data: ColumnData, which: np.ndarray, *, strict: bool = False,
            amounts: bool = False) -> tuple[list[int], list[int], list[int]] | None:
    """(chain stage ids, reached counts, reached amounts — zeros unless ``amounts``) of the
    deals selected by ``which``, by the rule of ``core.conversion.stage_conversion`` (and
    ``core.funnel_chart.reached_by_stage``). None when the chain is too long for the
    visited-stage masks."""
    codes = data.codes()
    bits = data.bits()
    if bits is None:
        return None
    chain = codes.chain
    size = len(chain)
    n_open = sum(1 for s in chain if s.kind == StageKind.OPEN)
    ids = [s.id for s in chain]
    position = codes.chain_position[which]
    mask = bits[which] | np.where(position >= 0, np.left_shift(np.int64(1), position), 0)
    is_won = codes.kind[which] == WON
    amount = data.columns.amount[which]
    counts, sums = [0] * size, [0] * size
    if not size:
        return ids, counts, sums
    if strict:
        for p in range(n_open):
            sel = (mask >> p) & 1 == 1
            counts[p] = int(sel.sum())
            sums[p] = total(amount[sel]) if amounts else 0
        if chain[-1].kind == StageKind.WON:
            counts[-1] += int(is_won.sum())
            sums[-1] += total(amount[is_won]) if amounts else 0
        return ids, counts, sums
    top = np.where(is_won, size - 1, highest_bit(mask, n_open))
    counted = top >= 0
    top_n = np.bincount(top[counted], minlength=size)
    top_a = group_sums(top[counted], amount[counted], size) if amounts else [0] * size
    n = a = 0
    for i in range(size - 1, -1, -1):
        n += int(top_n[i])
        a += top_a[i]
        counts[i], sums[i] = n, a
    return ids, counts, sums


def conversion(data: ColumnData, which: np.ndarray, *, strict: bool = False) -> Conversion:
    """``core.conversion.stage_conversion`` of the deals selected by ``which`` (their stays
    read through :meth:`ColumnData.bits`)."""
    out = reached(data, which, strict=strict)
    has_won = any(s.kind == StageKind.WON for s in data.stages)
    if out is None:  # more open stages than a mask holds: count the objects
        from .conversion import stage_conversion, visited_stages

        facts = _facts(data, which)
        conv: Conversion = stage_conversion(
            data.stages, facts, visited_stages(data.visits, {d.id for d in facts}),
            strict=strict)
        return conv
    ids, counts, _ = out
    return conversion_of_reached(ids, counts, has_won, strict)


def conversion_over(data: ColumnData, period: Period, *, strict: bool = False) -> Conversion:
    """The stage conversion of the deals created in ``period``."""
    return conversion(data, in_period(data.columns.created, period), strict=strict)


def _facts(data: ColumnData, which: np.ndarray) -> list[DealFacts]:
    """The selected deals as lean DealFacts (what the numbers read; only for the
    fallbacks)."""
    from .deal_columns import day_of_number
    from .visit_table import from_us

    cols = data.columns.take(which)
    return [DealFacts(int(i), int(s), int(a), from_us(int(c)), None if p == NONE else int(p),
                      None if e == NONE else day_of_number(int(e)),
                      None if cl == NONE else from_us(int(cl)), None if o == NONE else int(o))
            for i, s, a, c, p, e, cl, o in zip(
                cols.id.tolist(), cols.stage.tolist(), cols.amount.tolist(),
                cols.created.tolist(), cols.probability.tolist(), cols.expected.tolist(),
                cols.closed.tolist(), cols.owner.tolist(), strict=True)]


def time_in_stage_columns(data: ColumnData, period: Period, as_of: datetime
                          ) -> list[TimeInStage]:
    """``core.metrics.time_in_stage`` of the data's stays: per (stage, deal) the stays'
    microseconds summed, for the pairs with a stay entered in the period."""
    visits = data.visits
    v_deal = np.frombuffer(visits.deal, dtype=np.int64)
    v_stage = np.frombuffer(visits.stage, dtype=np.int64)
    if len(v_deal) and (v_deal.min() < 0 or v_deal.max() >= 2 ** 32 or v_stage.min() < 0
                        or v_stage.max() >= 2 ** 30):
        return time_in_stage(data.stages, visits, period, as_of)  # keys would not fit
    v_entered = np.frombuffer(visits.entered, dtype=np.int64)
    v_left = np.frombuffer(visits.left, dtype=np.int64)
    start, stop = period_us(period)
    key = (v_stage << 32) | v_deal
    order = np.argsort(key, kind="stable")
    k = key[order]
    if len(k):
        firsts = np.flatnonzero(np.r_[True, k[1:] != k[:-1]])
        inside = ((v_entered >= start) & (v_entered < stop))[order]
        counted = np.logical_or.reduceat(inside, firsts)
        stay = np.where(v_left == OPEN_END, moment_us(as_of), v_left) - v_entered
        sums = np.add.reduceat(np.maximum(stay, 0)[order], firsts)[counted]
        stage_of = k[firsts][counted] >> 32
    else:
        sums = stage_of = np.zeros(0, dtype=np.int64)
    days = (sums / 1000000) / 86400
    out = []
    for s in sorted(data.stages, key=lambda s: s.position):
        if s.kind != StageKind.OPEN:
            continue
        values = days[stage_of == s.id]
        out.append(TimeInStage(s.id, len(values),
                               math.fsum(values) / len(values) if len(values) else None,
                               median_of(values)))
    return out


def compute(data: ColumnData, period: Period, as_of: date | None = None, *,
            strict: bool = False) -> Metrics:
    """``core.metrics.compute`` of the data: every number over ``period`` as of ``as_of``
    (default: the period's end)."""
    as_of = as_of or period.end
    as_of_moment = datetime(as_of.year, as_of.month, as_of.day, 23, 59, 59)
    cols, codes = data.columns, data.codes()
    stages, open_count, open_amount, weighted_total = open_totals(data)
    closed_in = in_period(cols.closed, period)
    won = closed_in & (codes.kind == WON)
    lost = closed_in & (codes.kind == LOST)
    won_amounts = cols.amount[won]
    cycles = days_of(cols.closed[won]) - days_of(cols.created[won])
    won_count, lost_count = int(won.sum()), int(lost.sum())
    won_amount, lost_amount = total(won_amounts), total(cols.amount[lost])
    cohort = in_period(cols.created, period)
    cohort_count = int(cohort.sum())
    cohort_won = int((cohort & (codes.kind == WON)).sum())
    conv = conversion(data, cohort, strict=strict)
    win_rate_count = ratio(won_count, won_count + lost_count)
    won_list = [int(a) for a in won_amounts.tolist()]
    average = mean(won_list)
    cycle_mean = mean_of(cycles)
    return Metrics(
        period=period, as_of=as_of, stages=stages, open_count=open_count,
        open_amount=open_amount, weighted_total=weighted_total,
        forecast=forecast_by_month(data, period, as_of),
        won_count=won_count, lost_count=lost_count, won_amount=won_amount,
        lost_amount=lost_amount, win_rate_count=win_rate_count,
        win_rate_value=ratio(won_amount, won_amount + lost_amount),
        cohort_count=cohort_count, cohort_won=cohort_won,
        lead_to_win=ratio(cohort_won, cohort_count), conversion=conv,
        average_deal=average, median_deal=median_of(won_amounts),
        cycle_mean=cycle_mean, cycle_median=median_of(cycles),
        time_in_stage=time_in_stage_columns(data, period, as_of_moment),
        velocity=sales_velocity(open_count, win_rate_count, average, cycle_mean),
        won_amounts=won_list,
    )

