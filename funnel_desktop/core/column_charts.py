"""The Analytics charts' data over deals held in columns (:class:`core.deal_columns.
ColumnData`): the funnel, the win-rate and cycle trends, the size bands, the owner / team
table, the won and lost reasons and the incremental snapshot — each exactly what its
function over the objects (or its SQL aggregate) gives (``core.funnel_chart``,
``core.trends``, ``core.size_bands``, ``core.owner_table``, ``store.analytics_queries``;
a test holds them equal)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

import numpy as np

from .column_metrics import mean_of, median_of, reached, weighted_products
from .dates import previous
from .deal_columns import (
    LOST,
    NONE,
    OPEN,
    UNKNOWN,
    WON,
    ColumnData,
    day_of_number,
    days_of,
    group_sums,
    in_period,
    month_numbers,
    total,
)
from .forecast_chart import period_months
from .funnel_chart import FunnelChart, FunnelStage
from .owner_table import PeopleTable, _Acc
from .reasons_summary import ReasonRow
from .size_bands import BandLine
from .snapshot import FunnelSnapshot
from .stats import ratio, weighted_minor
from .trends import CycleMonth, WinRateMonth
from .values import Period, StageKind


def funnel_chart(data: ColumnData, period: Period, *, strict: bool = False,
                 previous_period: Period | bool | None = True) -> FunnelChart:
    """``core.funnel_chart.funnel_chart`` of the data."""
    from .funnel_chart import funnel_chart as by_objects

    cols, codes = data.columns, data.codes()
    cohort = in_period(cols.created, period)
    now = reached(data, cohort, strict=strict, amounts=True)
    prev_period = previous(period) if previous_period is True else (previous_period or None)
    if now is None:  # more open stages than a mask holds
        from .column_metrics import _facts
        from .values import FunnelData

        every = FunnelData(data.stages, _facts(data, np.ones(len(cols), dtype=bool)),
                           list(data.visits))
        return by_objects(every, period, strict=strict, previous_period=previous_period)
    chain, counts, amounts = now
    prev = None
    if prev_period is not None:
        out = reached(data, in_period(cols.created, prev_period), strict=strict)
        prev = out[1] if out is not None else None
    by_id = {s.id: s for s in data.stages}
    shown = (codes.kind == OPEN) | ((codes.kind == WON) & in_period(cols.closed, period))
    index = codes.index[shown]
    n = len(data.stages)
    now_count = np.bincount(index, minlength=n) if n else np.zeros(0, dtype=np.int64)
    now_amount = group_sums(index, cols.amount[shown], n)
    now_wp = group_sums(index, weighted_products(data)[shown], n)
    at = {s.id: i for i, s in enumerate(data.stages)}
    rows = []
    ideal: float | None = float(counts[0]) if chain else None
    ideal_overall: float | None = 1.0 if chain else None
    for i, sid in enumerate(chain):
        last = i == len(chain) - 1
        target = by_id[sid].ideal_conversion
        ideal_conv = None if last or target is None else target / 100
        j = at[sid]
        rows.append(FunnelStage(
            stage_id=sid, reached=counts[i], reached_amount=amounts[i],
            conversion=None if last else ratio(counts[i + 1], counts[i]),
            ideal_conversion=ideal_conv, ideal_reached=ideal,
            previous_reached=prev[i] if prev is not None else None,
            previous_conversion=(None if prev is None or last
                                 else ratio(prev[i + 1], prev[i])),
            now_count=int(now_count[j]), now_amount=now_amount[j],
            now_weighted=weighted_minor(now_wp[j])))
        if not last:
            ideal = None if ideal is None or ideal_conv is None else ideal * ideal_conv
            ideal_overall = (None if ideal_overall is None or ideal_conv is None
                             else ideal_overall * ideal_conv)
    has_won = bool(chain) and by_id[chain[-1]].kind == StageKind.WON
    overall = ratio(counts[-1], counts[0]) if has_won else None
    prev_overall = ratio(prev[-1], prev[0]) if has_won and prev is not None else None
    return FunnelChart(period, prev_period, strict, int(cohort.sum()), rows, overall,
                       ideal_overall if has_won and len(chain) > 1 else None, prev_overall)


def closed_trends(data: ColumnData, period: Period
                  ) -> tuple[list[WinRateMonth], list[CycleMonth]]:
    """``core.trends.closed_trends`` of the data's closed deals: won and lost per month of
    ``period``, and the won deals' cycles."""
    cols, codes = data.columns, data.codes()
    closed = ((codes.kind == WON) | (codes.kind == LOST)) & (cols.closed != NONE) \
        & in_period(cols.closed, period)
    month = month_numbers(days_of(cols.closed[closed]))
    won = codes.kind[closed] == WON
    amount = cols.amount[closed]
    cycle = (days_of(cols.closed[closed]) - days_of(cols.created[closed]))[won]
    won_month = month[won]
    rates, cycles = [], []
    for key in period_months(period):
        number = int(key[:4]) * 12 + int(key[5:7]) - 1
        here = month == number
        w, lo = here & won, here & ~won
        won_n, lost_n = int(w.sum()), int(lo.sum())
        won_a, lost_a = total(amount[w]), total(amount[lo])
        rates.append(WinRateMonth(key, won_n, lost_n, won_a, lost_a, ratio(won_n, won_n + lost_n),
                                  ratio(won_a, won_a + lost_a)))
        days = cycle[won_month == number]
        cycles.append(CycleMonth(key, len(days), mean_of(days), median_of(days)))
    return rates, cycles


def size_band_distribution(data: ColumnData, period: Period, bounds: tuple[int, ...]
                           ) -> list[BandLine]:
    """``core.size_bands.size_band_distribution`` of the data."""
    cols, codes = data.columns, data.codes()
    n = len(bounds)
    band = np.zeros(len(cols), dtype=np.int64)
    for i, lower in enumerate(bounds):  # ``planning.band_of``: the last bound reached
        band = np.where(cols.amount >= lower, i, band)
    is_open = codes.kind == OPEN
    closed_in = (codes.kind != UNKNOWN) & ~is_open & in_period(cols.closed, period)
    won, lost = closed_in & (codes.kind == WON), closed_in & (codes.kind != WON)
    wp = weighted_products(data)
    parts: list[Any] = [np.bincount(band[is_open], minlength=n), group_sums(band[is_open],
                                                                  cols.amount[is_open], n),
             group_sums(band[is_open], wp[is_open], n), np.bincount(band[won], minlength=n),
             group_sums(band[won], cols.amount[won], n), np.bincount(band[lost], minlength=n),
             group_sums(band[lost], cols.amount[lost], n)]
    out = []
    for i in range(n):
        r = [int(p[i]) for p in parts]
        out.append(BandLine(bounds[i], bounds[i + 1] if i + 1 < n else None, r[0], r[1],
                            weighted_minor(r[2]), r[3], r[4], r[5], r[6],
                            ratio(r[3], r[3] + r[5])))
    return out


def _people(data: ColumnData, period: Period, keys: np.ndarray, given: Iterable[int]
            ) -> PeopleTable:
    """``core.owner_table._table`` with each deal's key in ``keys`` (:data:`NONE`: none)."""
    cols, codes = data.columns, data.codes()
    kind = codes.kind
    counted = (kind == OPEN) | (((kind == WON) | (kind == LOST)) & in_period(cols.closed, period))
    key = keys[counted]
    k_kind = kind[counted]
    amount = cols.amount[counted]
    wp = weighted_products(data)[counted]
    cycle = days_of(cols.closed[counted]) - days_of(cols.created[counted])
    order = list(dict.fromkeys(given))
    if len(key):
        uniq, first = np.unique(key, return_index=True)
        seen = [int(k) for k in uniq[np.argsort(first, kind="stable")].tolist()]
    else:
        seen = []
    for k in seen:
        if k != NONE and k not in order:
            order.append(k)
    has_none = NONE in seen
    lines = []
    for k in order + ([NONE] if has_none else []):
        lines.append(_acc(key == k, k_kind, amount, wp, cycle).line(None if k == NONE else k))
    every = np.ones(len(key), dtype=bool)
    return PeopleTable(lines, _acc(every, k_kind, amount, wp, cycle).line(None))


def _acc(which: np.ndarray, kind: np.ndarray, amount: np.ndarray, wp: np.ndarray,
         cycle: np.ndarray) -> _Acc:
    o, w, lo = which & (kind == OPEN), which & (kind == WON), which & (kind == LOST)
    return _Acc(int(o.sum()), total(amount[o]), total(wp[o]), int(w.sum()), total(amount[w]),
                int(lo.sum()), total(amount[lo]), [int(c) for c in cycle[w].tolist()])


def owner_table(data: ColumnData, period: Period, owner_ids: Iterable[int] = ()
                ) -> PeopleTable:
    """``core.owner_table.owner_table`` of the data."""
    return _people(data, period, data.columns.owner, owner_ids)


def team_table(data: ColumnData, period: Period, team_of: Mapping[int, int | None],
               team_ids: Iterable[int] = ()) -> PeopleTable:
    """``core.owner_table.team_table`` of the data."""
    owners = data.columns.owner
    teams = np.full(len(owners), NONE, dtype=np.int64)
    for owner in np.unique(owners).tolist():
        if owner != NONE:
            team = team_of.get(owner)
            if team is not None:
                teams[owners == owner] = team
    return _people(data, period, teams, team_ids)


def snapshot_of(data: ColumnData) -> FunnelSnapshot:
    """The incremental snapshot of the data's deals (``FunnelSnapshot.from_data`` of them,
    and what ``store.analytics_queries.load_snapshot`` reads from the database)."""
    cols, codes = data.columns, data.codes()
    snap = FunnelSnapshot({s.id: s for s in data.stages})
    known = codes.kind != UNKNOWN
    wp = weighted_products(data)
    n = len(data.stages)
    index = codes.index[known]
    counts = np.bincount(index, minlength=n) if n else np.zeros(0, dtype=np.int64)
    amounts = group_sums(index, cols.amount[known], n)
    wps = group_sums(index, wp[known], n)
    for i, s in enumerate(data.stages):
        if counts[i]:
            snap.per_stage[s.id] = [int(counts[i]), amounts[i], wps[i]]
    is_open = codes.kind == OPEN
    days, at = np.unique(cols.expected[is_open], return_inverse=True)
    m = len(days)
    open_n = np.bincount(at, minlength=m)
    open_a = group_sums(at, cols.amount[is_open], m)
    open_w = group_sums(at, wp[is_open], m)
    for j, day in enumerate(days.tolist()):
        snap.open_by_day[None if day == NONE else day_of_number(day)] = [
            int(open_n[j]), open_a[j], open_w[j]]
    for kind, table in ((WON, snap.won_by_day), (LOST, snap.lost_by_day)):
        closed = (codes.kind == kind) & (cols.closed != NONE)
        days, at = np.unique(days_of(cols.closed[closed]), return_inverse=True)
        m = len(days)
        closed_n = np.bincount(at, minlength=m)
        closed_a = group_sums(at, cols.amount[closed], m)
        for j, day in enumerate(days.tolist()):
            table[day_of_number(day)] = [int(closed_n[j]), closed_a[j]]
    return snap


def reason_rows(data: ColumnData, period: Period, reasons: Mapping[int, tuple[str, str]]
                ) -> list[ReasonRow]:
    """``store.analytics_queries.reason_rows`` of the data: deals won or lost in ``period``
    by outcome and kept reason (``reasons``: reason id → (label, category))."""
    cols, codes = data.columns, data.codes()
    out = []
    for kind, name in ((WON, "won"), (LOST, "lost")):
        closed = (codes.kind == kind) & in_period(cols.closed, period)
        ids, at = np.unique(cols.reason[closed], return_inverse=True)
        m = len(ids)
        counts = np.bincount(at, minlength=m)
        amounts = group_sums(at, cols.amount[closed], m)
        for j, rid in enumerate(ids.tolist()):
            label, category = reasons.get(rid, ("", "")) if rid != NONE else ("", "")
            out.append(ReasonRow(name, None if rid == NONE else rid, label, category,
                                 int(counts[j]), amounts[j]))
    return out
