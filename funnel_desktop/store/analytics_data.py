"""The Analytics page's full recompute from the database (:func:`compute_all`): the
pipeline's deals read once into columns (``store.deal_columns``), every chart's data computed
from them by ``core.column_metrics`` / ``core.column_charts``, plus a few GROUP BY queries for
the snapshot, reasons, targets and activities; and the live path's one query
(:func:`apply_moves`)."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from dataclasses import replace
from datetime import date
from typing import Any, cast

import numpy as np

from ..core import column_charts as cc
from ..core import column_metrics as cm
from ..core.analytics import (
    BAND_RUNS,
    BAND_SEED,
    COMPARISONS,
    DEFAULT_HISTORY,
    PROGRESS_KINDS,
    AnalyticsResult,
    Inputs,
    apply_moved,
    forecast_of,
    history_period,
    plan_inputs,
    target_progress,
    trend_period,
)
from ..core.dates import period_of
from ..core.deal_columns import WON, ColumnData, DealColumns, in_period
from ..core.forecast_chart import TargetRow
from ..core.periods import health_period
from ..core.reasons_summary import reasons_summary
from ..core.segments_compare import SegmentComparison, compare_metrics
from ..core.simulation import ForecastBand, forecast_band
from ..core.snapshot import FunnelSnapshot
from ..core.trends import cycle_panel
from ..core.values import FunnelData, Period, Segment
from ..core.visit_table import VisitTable
from . import analytics_queries as aq
from .concat_columns import concat_columns
from .deal_columns import load_columns, returning
from .health_inputs import band_bounds, health_check, target_months
from .models import Deal, Reason
from .queries import health_thresholds, segment_where
from .screen_queries import moved_facts


def forecast_targets(snapshot: FunnelSnapshot, inputs: Inputs, band: ForecastBand | None,
                     scope: tuple[str, int | None, int | None]) -> dict[str, int]:
    """Targets of every month the forecast chart shows."""
    bare = forecast_of(snapshot, inputs, {}, band)
    if not bare.months:
        return {}
    first, last = bare.months[0].month, bare.months[-1].month
    return target_months(date(int(first[:4]), int(first[5:]), 1),
                         date(int(last[:4]), int(last[5:]), 1), scope)


def progress_rows(today: date, scope: tuple[str, int | None, int | None]
                  ) -> dict[str, list[TargetRow]]:
    """The target rows of the current month's and quarter's periods in the scope."""
    kind, team_id, owner_id = scope
    out = {}
    for code in PROGRESS_KINDS:
        p = period_of(code, today)
        out[code] = aq.target_rows(p.start, p.end, scope=kind, team_id=team_id,
                                   owner_id=owner_id)
    return out


def deal_ids(pipeline_id: int, segment: Segment | None) -> np.ndarray:
    """Ids of the pipeline's deals in the segment, as an array (one query)."""
    where = Deal.pipeline == pipeline_id
    extra = segment_where(segment) if segment else None
    if extra is not None:
        where &= extra
    db = Deal._meta.database
    read = concat_columns(db, Deal.select(Deal.id.alias("c0")).where(where), ("int",), Deal.id)
    if read is not None:
        return read[0]
    rows = db.execute(Deal.select(Deal.id).where(where)).fetchall()
    return np.array([i for (i,) in rows], dtype=np.int64)


def _side(data: ColumnData, pipeline_id: int | None, segment: Segment, fld: str,
          value: Any, returning: np.ndarray | None) -> np.ndarray:
    """Which of the data's deals are in ``segment`` with ``fld`` set to ``value``: new /
    returning from the customers' first wins, anything else by a query."""
    if pipeline_id is None:
        return np.zeros(len(data.columns), dtype=bool)
    if fld == "customer_type" and returning is not None and value in ("new", "returning"):
        return returning if value == "returning" else ~returning
    narrowed = replace(segment, **cast(dict[str, Any], {fld: value}))
    at = data.columns.index_of(deal_ids(pipeline_id, narrowed))
    mine = np.zeros(len(data.columns), dtype=bool)
    mine[at[at >= 0]] = True
    return mine


def compare(data: ColumnData, pipeline_id: int | None, inputs: Inputs
            ) -> dict[str, SegmentComparison]:
    """The two segment comparisons of the page: each side's deals (the page's segment with
    the compared field set), its stays only those of its cohort (the compared numbers read
    stays only through the cohort's conversion)."""
    period, today = inputs.period, inputs.today
    cohort = in_period(data.columns.created, period)
    whole = (pipeline_id, data.codes().kind == WON) if inputs.store_segment is None \
        and pipeline_id is not None else None
    back = returning(data.columns, whole) if pipeline_id is not None else None
    out = {}
    for code, (fld, a, b) in COMPARISONS.items():
        sides = []
        for value in (a, b):
            mine = _side(data, pipeline_id, inputs.segment, fld, value, back)
            part = data.take(mine, data.stays_of(mine & cohort))
            sides.append(cm.compute(part, period, today, strict=inputs.strict))
        out[code] = SegmentComparison(period, today, compare_metrics(*sides), *sides)
    return out


def reason_names() -> dict[int, tuple[str, str]]:
    """reason id → (label, category)."""
    return {int(i): (label or "", category or "") for i, label, category in
            Reason.select(Reason.id, Reason.label, Reason.category).tuples()}


def compute_all(inputs: Inputs, *, band_runs: int = BAND_RUNS,
                clock: Callable[[], float] = time.perf_counter) -> AnalyticsResult:
    """The full recompute: the pipeline's deals in the segment read once into columns, then
    every chart's data from them (plus a few GROUP BY queries for the snapshot, reasons,
    targets and activities).

    Memory: one row of 64 bytes per deal and 32 per stay, the open deals as objects; SQLite's
    page cache is kept small while reading (:func:`analytics_queries.modest_cache`)."""
    with aq.modest_cache():
        return _compute_all(inputs, band_runs, clock)


def _compute_all(inputs: Inputs, band_runs: int, clock: Callable[[], float]
                 ) -> AnalyticsResult:
    timings: dict[str, float] = {}
    started = last = clock()

    def lap(name: str) -> None:
        nonlocal last
        now = clock()
        timings[name] = now - last
        last = now

    pid, seg, period, today = (inputs.pipeline_id, inputs.store_segment, inputs.period,
                               inputs.today)
    if pid is None:
        data = ColumnData([], DealColumns.of([]), [], VisitTable())
        snapshot = FunnelSnapshot({})
    else:
        data = load_columns(pid, seg)
        snapshot = cc.snapshot_of(data)
    stages = data.stages
    lap("load")
    metrics = cm.compute(data, period, today, strict=inputs.strict)
    lap("metrics")
    funnel = cc.funnel_chart(data, period, strict=inputs.strict,
                             previous_period=inputs.previous)
    lap("funnel")
    open_data = FunnelData(stages, data.deals, [])
    band = forecast_band(open_data, today, runs=band_runs, seed=BAND_SEED) if pid else None
    lap("band")
    scope = aq.target_scope(seg)
    targets = forecast_targets(snapshot, inputs, band, scope) if pid else {}
    forecast = forecast_of(snapshot, inputs, targets, band)
    rows = progress_rows(today, scope) if pid else {}
    progress = target_progress(snapshot, today, rows) if pid else []
    lap("forecast")
    trends = trend_period(period)
    win_rates, cycles = cc.closed_trends(data, trends)
    cycle = cycle_panel(metrics)
    lap("trends")
    reasons = reasons_summary(cc.reason_rows(data, period, reason_names()) if pid else [])
    bounds = band_bounds()
    bands = cc.size_band_distribution(data, period, bounds)
    lap("reasons_bands")
    people = aq.owners()
    owner_names = {o.id: o.name for o in people}
    team_names = aq.teams()
    owners = cc.owner_table(data, period, [o.id for o in people if o.active])
    teams = cc.team_table(data, period, {o.id: o.team_id for o in people}, list(team_names))
    lap("people")
    comparisons = compare(data, pid, inputs)
    lap("segments")
    quarter = period_of("quarter", today)
    health = health_check(
        pid, seg, open_data, today, conversion=cm.conversion_over(data, health_period(today)),
        won_so_far=snapshot.closed_in(Period(quarter.start, today))[1]) if pid else None
    findings = health.findings if health else []
    thresholds, bad = (health.thresholds, health.problem) if health else health_thresholds()
    lap("health")
    plans = {(DEFAULT_HISTORY, False): plan_inputs(
        data, history_period(DEFAULT_HISTORY, today, period), today, strict=inputs.strict)}
    lap("plan")
    # kept for what comes later (moves, the health list, other plans): the deals' columns
    # and their visited stages; the stays themselves are read again by the next recompute
    data.bits()
    data.visits = VisitTable()
    data._visit_rows = None
    timings["total"] = clock() - started
    return AnalyticsResult(
        inputs=inputs, stages=stages, data=data, metrics=metrics, funnel=funnel,
        snapshot=snapshot, forecast=forecast, band=band, month_targets=targets,
        trend_period=trends, win_rates=win_rates, cycles=cycles, cycle=cycle, reasons=reasons,
        bands=bands, band_bounds=bounds, owners=owners, teams=teams, owner_names=owner_names,
        team_names=team_names, comparisons=comparisons, findings=findings,
        thresholds=thresholds, thresholds_error=bad, target_scope=scope, progress=progress,
        plan_inputs=plans, health_period=health_period(today), timings=timings,
        target_rows=rows)


def apply_moves(result: AnalyticsResult, moves: Iterable[tuple[int, int, int]], *,
                refresh: bool = True) -> list[int]:
    """Apply stage moves to the result in O(moved deals) (``core.analytics.apply_moved``,
    ``refresh`` as there), reading the moved deals' facts in one query. Call only when
    ``core.analytics.pure_moves`` is true."""
    inputs = result.inputs
    if inputs.pipeline_id is None:
        return []
    kinds = {s.id for s in result.stages}
    mine = [m for m in moves if m[1] in kinds]
    facts = moved_facts([m[0] for m in mine], inputs.pipeline_id, inputs.store_segment)
    return apply_moved(result, mine, facts, refresh=refresh)
