"""Data of the forecast chart: weighted open value and won value per month, the overdue and
undated buckets, the target line per month and (optionally) the simulated P10/P50/P90 band."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from .dates import add_months, month_end, month_key
from .values import Period

if TYPE_CHECKING:  # types only: numpy (simulation) and metrics load when used
    from .metrics import Forecast
    from .simulation import BandBucket, ForecastBand

RULE = ("For each month: weighted value (amount × probability) of open deals expected to close "
        "in it, beside the amount won in it. Open deals whose expected close date has passed "
        "are overdue, never hidden in a past month. Target: the month's own target, else its "
        "even share of the quarter's or year's.")


@dataclass(frozen=True, slots=True)
class TargetRow:
    """A stored revenue target: [start, end] inclusive, amount in minor units."""

    start: date
    end: date
    amount: int


@dataclass(frozen=True, slots=True)
class ForecastMonth:
    """One month of the chart (money in minor units; ``target`` None when none is set;
    ``band`` None without a simulation — the band's current month includes overdue deals)."""

    month: str
    open_count: int
    open_amount: int
    weighted: int
    won_count: int
    won_amount: int
    target: int | None
    band: BandBucket | None


@dataclass(frozen=True, slots=True)
class ForecastChart:
    as_of: date
    months: list[ForecastMonth]  # every month from the period's first to the last forecast one
    overdue_count: int
    overdue_amount: int
    overdue_weighted: int
    undated_count: int
    undated_amount: int
    undated_weighted: int
    won_total: int
    weighted_total: int  # dated, not overdue
    target_total: int | None  # Σ of the months' targets (None if no month has one)
    band_total: BandBucket | None


def month_keys(first: date, last: date) -> list[str]:
    """``YYYY-MM`` of every month from ``first``'s to ``last``'s (empty when first > last)."""
    out = []
    day = add_months(first, 0)
    while day <= last:
        out.append(month_key(day))
        day = add_months(day, 1)
    return out


def _whole_months(row: TargetRow) -> list[str] | None:
    if row.start.day != 1 or row.end != month_end(row.end) or row.end < row.start:
        return None
    return month_keys(row.start, row.end)


def monthly_targets(rows: Iterable[TargetRow], months: Iterable[str]) -> dict[str, int]:
    """The target of each month in ``months`` that has one.

    Only targets spanning whole months count. A target of several months is split evenly
    across them (the remainder of the division goes to its first months); for each month the
    shortest target covering it wins (a month's own target over its quarter's share), and
    among equally long ones the latest starting.
    """
    best: dict[str, tuple[int, date, int]] = {}  # month → (-length, start, share)
    for row in rows:
        span = _whole_months(row)
        if not span:
            continue
        base, extra = divmod(row.amount, len(span))
        for i, key in enumerate(span):
            share = base + (1 if i < extra else 0)
            rank = (-len(span), row.start, share)
            if key not in best or rank[:2] > best[key][:2]:
                best[key] = rank
    wanted = set(months)
    return {k: v[2] for k, v in best.items() if k in wanted}


def forecast_chart(forecast: Forecast, period: Period, as_of: date, *,
                   targets: Mapping[str, int] | None = None,
                   band: ForecastBand | None = None) -> ForecastChart:
    """Chart rows for a :class:`core.metrics.Forecast` (from ``metrics.compute`` or from the
    incremental snapshot), months filled without gaps from the period's first month to the
    last month with a forecast, won amount or band."""
    by_month = {m.month: m for m in forecast.months}
    last = period.end
    keys = [*by_month, *(b.key for b in (band.buckets if band else ()) if b.key[:1].isdigit())]
    for key in keys:
        day = date(int(key[:4]), int(key[5:7]), 1)
        last = max(last, day)
    months = month_keys(period.start, last)
    targets = targets or {}
    rows = []
    for key in months:
        m = by_month.get(key)
        rows.append(ForecastMonth(
            month=key, open_count=m.open_count if m else 0,
            open_amount=m.open_amount if m else 0, weighted=m.weighted if m else 0,
            won_count=m.won_count if m else 0, won_amount=m.won_amount if m else 0,
            target=targets.get(key), band=band.bucket(key) if band else None))
    with_target = [r.target for r in rows if r.target is not None]
    return ForecastChart(
        as_of=as_of, months=rows,
        overdue_count=forecast.overdue_count, overdue_amount=forecast.overdue_amount,
        overdue_weighted=forecast.overdue_weighted, undated_count=forecast.undated_count,
        undated_amount=forecast.undated_amount, undated_weighted=forecast.undated_weighted,
        won_total=sum(r.won_amount for r in rows), weighted_total=sum(r.weighted for r in rows),
        target_total=sum(with_target) if with_target else None,
        band_total=band.total if band else None)


def period_months(period: Period) -> list[str]:
    """``YYYY-MM`` of every month the period touches."""
    return month_keys(period.start, period.end)

