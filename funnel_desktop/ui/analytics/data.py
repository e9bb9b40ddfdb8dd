"""Everything the Analytics page shows, computed as plain values (no Qt): one full recompute
from the database, and the O(1) update of the snapshot-based parts after a stage move."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta
from fractions import Fraction
from typing import Any

from ...core.batches import chunks
from ...core.conversion import (
    Conversion,
    merged_conversion,
    stage_conversion,
    visited_stages,
)
from ...core.dates import add_months, period_of
from ...core.errors import ValidationError
from ...core.forecast_chart import ForecastChart, forecast_chart
from ...core.funnel_chart import FunnelChart, funnel_chart, with_snapshot
from ...core.health import Finding, HealthThresholds
from ...core.metrics import Metrics, compute
from ...core.owner_table import PeopleTable, owner_table, team_table
from ...core.periods import health_period, last_months, named_period, previous_period
from ...core.planning import Plan, reverse_plan
from ...core.reasons_summary import ReasonSummary, reasons_summary
from ...core.segments_compare import SegmentComparison, compare_segments
from ...core.simulation import ForecastBand, forecast_band
from ...core.size_bands import BandLine, size_band_distribution
from ...core.snapshot import FunnelSnapshot
from ...core.trends import CycleMonth, CyclePanel, WinRateMonth, closed_trends, cycle_panel
from ...core.values import DealFacts, FunnelData, Period, Segment, StageInfo, StageKind
from ...core.visit_table import VisitTable
from ...store import analytics_queries as aq
from ...store.health_inputs import band_bounds, health_check, target_months
from ...store.queries import health_thresholds, load_funnel
from ...store.screen_queries import moved_facts

#: Runs of the forecast band simulation (seeded: the same data gives the same band).
BAND_RUNS = 2000
BAND_SEED = 0

#: Period choices of the page: code → how the period is made from today.
PERIOD_CODES = ("month", "quarter", "year", "last12", "custom")

#: The two segment comparisons: code → (segment field, value of A, value of B).
COMPARISONS: dict[str, tuple[str, Any, Any]] = {  # segment field, value a, value b
    "customer_type": ("customer_type", "new", "returning"),
    "project_type": ("project_type", "big", "small"),
}


def period_for(code: str, today: date, custom: Period | None = None) -> Period:
    """The period a choice names (:func:`core.periods.named_period`): this month / quarter /
    year, the last 12 months up to today, or a custom range."""
    return named_period(code, today, custom)


def previous_for(code: str, period: Period) -> Period:
    """The period compared with (:func:`core.periods.previous_period`)."""
    return previous_period(code, period)


TREND_MONTHS = 12


def trend_period(period: Period) -> Period:
    """The months the trend charts show: the period, widened to the 12 months ending with its
    last month when it is shorter (a trend of one month says nothing)."""
    first = add_months(period.end, -(TREND_MONTHS - 1))
    return Period(min(period.start, first), period.end)


@dataclass(frozen=True, slots=True)
class Inputs:
    """What one computation is for."""

    pipeline_id: int | None
    segment: Segment
    period: Period
    previous: Period
    today: date
    strict: bool = False

    @property
    def store_segment(self) -> Segment | None:
        return None if self.segment.is_empty() else self.segment


@dataclass(frozen=True, slots=True)
class TargetProgress:
    """Won so far against the target of the current month or quarter (None: no target)."""

    kind: str  # month / quarter
    period: Period
    target: int | None
    won: int
    open_amount: int
    weighted: int

    @property
    def share(self) -> float | None:
        return self.won / self.target if self.target else None

    @property
    def missing(self) -> int | None:
        return max(0, self.target - self.won) if self.target else None


@dataclass(slots=True)
class AnalyticsResult:
    """The page's numbers for one pipeline, segment and period."""

    inputs: Inputs
    stages: list[StageInfo]
    data: FunnelData
    metrics: Metrics
    funnel: FunnelChart
    snapshot: FunnelSnapshot
    forecast: ForecastChart
    band: ForecastBand | None
    month_targets: dict[str, int]
    trend_period: Period  # the months of the trend charts (at least 12, ending with the period)
    win_rates: list[WinRateMonth]
    cycles: list[CycleMonth]
    cycle: CyclePanel
    reasons: dict[str, ReasonSummary]
    bands: list[BandLine]
    band_bounds: tuple[int, ...]
    owners: PeopleTable
    teams: PeopleTable
    owner_names: dict[int, str]
    team_names: dict[int, str]
    comparisons: dict[str, SegmentComparison]
    findings: list[Finding]
    thresholds: HealthThresholds
    thresholds_error: ValidationError | None
    target_scope: tuple[str, int | None, int | None]
    progress: list[TargetProgress]
    plan_inputs: dict[tuple[str, bool], PlanInputs] = field(default_factory=dict)
    #: what the health rules judged conversion and activity over (the last 90 days)
    health_period: Period | None = None
    timings: dict[str, float] = field(default_factory=dict)
    deal_index: dict[int, int] | None = None  # deal id → position in data.deals (lazily)

    @property
    def stage_names(self) -> dict[int, str]:
        return {s.id: s.name for s in self.stages}

    @property
    def empty(self) -> bool:
        return not self.data.deals and not self.snapshot.per_stage


@dataclass(slots=True)
class LoadedData(FunnelData):
    """The deals :func:`compute_all` keeps: those of the pipeline and segment touched since
    ``since`` (every open deal, every deal created, closed or changed since — see
    ``store.queries.touched_since``), closed ones lean, the visits in a
    :class:`core.visit_table.VisitTable`. Exact for the page's period and the period before;
    what reaches further back (the trends, a plan's history) reads the older deals from the
    database (:func:`plan_inputs` does so for this kind of data). A result keeps only the
    open deals (``since`` = ``datetime.max``)."""

    pipeline_id: int | None = None
    segment: Segment | None = None
    since: datetime | None = None


def load_since(inputs: Inputs) -> datetime:
    """The first moment the loaded deals must be exact from: the start of the period or of
    the period compared with, whichever is earlier."""
    return _as_datetime(min(inputs.period.start, inputs.previous.start))


def subset(data: FunnelData, ids: set[int], visits_of: set[int] | None = None) -> FunnelData:
    """The deals of ``data`` whose id is in ``ids``, with their stage visits (only those of
    ``visits_of`` when given)."""
    keep = ids if visits_of is None else ids & visits_of
    visits = data.visits
    return FunnelData(data.stages, [d for d in data.deals if d.id in ids],
                      visits.subset(keep) if isinstance(visits, VisitTable)
                      else [v for v in visits if v.deal_id in keep])


def band_bounds_setting() -> tuple[int, ...]:
    """The size-band lower bounds (minor units, ascending, starting at 0)."""
    return band_bounds()


def target_progress(snapshot: FunnelSnapshot, today: date,
                    scope: tuple[str, int | None, int | None]) -> list[TargetProgress]:
    """Progress toward the current month's and quarter's targets: won from the period's first
    day to today (from the snapshot), the target as :func:`target_months` gives it."""
    n, amount, weighted = snapshot.open_totals()
    del n
    out = []
    for kind in ("month", "quarter"):
        p = period_of(kind, today)
        months = target_months(p.start, p.end, scope)
        target = sum(months.values()) if months else None
        won = snapshot.closed_in(Period(p.start, today))[1]
        out.append(TargetProgress(kind, p, target, won, amount, weighted))
    return out


def forecast_of(snapshot: FunnelSnapshot, inputs: Inputs, targets: dict[str, int],
                band: ForecastBand | None) -> ForecastChart:
    """The forecast chart from the snapshot (the same numbers as ``metrics.forecast_by_month``
    over the loaded deals)."""
    return forecast_chart(snapshot.forecast(inputs.period, inputs.today), inputs.period,
                          inputs.today, targets=targets, band=band)


def forecast_targets(snapshot: FunnelSnapshot, inputs: Inputs, band: ForecastBand | None,
                     scope: tuple[str, int | None, int | None]) -> dict[str, int]:
    """Targets of every month the forecast chart shows."""
    bare = forecast_of(snapshot, inputs, {}, band)
    if not bare.months:
        return {}
    first, last = bare.months[0].month, bare.months[-1].month
    return target_months(date(int(first[:4]), int(first[5:]), 1),
                         date(int(last[:4]), int(last[5:]), 1), scope)


def empty_data() -> FunnelData:
    return FunnelData([], [], [])


def closed_deal_rows(data: FunnelData, period: Period
                     ) -> Iterator[tuple[int, int, datetime, datetime]]:
    """(stage id, amount, created, closed) of the closed deals of ``data`` (at least those
    closed in ``period``) — for :class:`LoadedData`, the ones closed from the period's start
    to its ``since`` are read from the database (:func:`store.analytics_queries.closed_rows`),
    without keeping them."""
    since = getattr(data, "since", None)
    closed = [s.id for s in data.stages if s.kind != StageKind.OPEN]
    start = _as_datetime(period.start)
    if since is not None and start < since:
        assert isinstance(data, LoadedData) and data.pipeline_id is not None  # has a since
        yield from aq.closed_rows(data.pipeline_id, data.segment, closed, start, since)
    for d in data.deals:
        if d.closed is not None and (since is None or d.closed >= since):
            yield d.stage_id, d.amount, d.created, d.closed


def compute_all(inputs: Inputs, *, band_runs: int = BAND_RUNS,
                clock: Callable[[], float] = time.perf_counter) -> AnalyticsResult:
    """The full recompute: load the pipeline's deals in the segment once, then every chart's
    data from them (plus a few GROUP BY queries for reasons, targets and activities).

    Memory: only the deals touched since the page's (or the compared) period began are
    loaded (:class:`LoadedData`; the trends and the plan read older deals streamed), their
    stage visits in columns, the closed ones lean; SQLite's page cache is kept small while
    reading (:func:`store.analytics_queries.modest_cache`)."""
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
    since = load_since(inputs)
    if pid is None:
        stages: list[StageInfo] = []
        data: FunnelData = empty_data()
        snapshot = FunnelSnapshot({})
    else:
        loaded = load_funnel(pid, seg, since=since, compact=True)
        stages = loaded.stages
        data = LoadedData(stages, loaded.deals, loaded.visits, pipeline_id=pid, segment=seg,
                          since=since)
        del loaded
        snapshot = aq.load_snapshot(pid, seg)
    lap("load")
    metrics = compute(data, period, today, strict=inputs.strict)
    lap("metrics")
    funnel = funnel_chart(data, period, strict=inputs.strict, previous_period=inputs.previous)
    lap("funnel")
    band = forecast_band(data, today, runs=band_runs, seed=BAND_SEED) if pid else None
    lap("band")
    scope = aq.target_scope(seg)
    targets = forecast_targets(snapshot, inputs, band, scope) if pid else {}
    forecast = forecast_of(snapshot, inputs, targets, band)
    progress = target_progress(snapshot, today, scope) if pid else []
    lap("forecast")
    trends = trend_period(period)
    win_rates, cycles = closed_trends(stages, closed_deal_rows(data, trends), trends)
    cycle = cycle_panel(metrics)
    lap("trends")
    reasons = reasons_summary(aq.reason_rows(pid, period, seg) if pid else [])
    bounds = band_bounds_setting()
    bands = size_band_distribution(data, period, bounds)
    lap("reasons_bands")
    people = aq.owners()
    owner_names = {o.id: o.name for o in people}
    team_names = aq.teams()
    owners = owner_table(data, period, [o.id for o in people if o.active])
    teams = team_table(data, period, {o.id: o.team_id for o in people}, list(team_names))
    lap("people")
    comparisons = {}
    # The compared numbers read stage visits only through the conversion of the period's
    # cohort, so the other visits are left out (time in stage is not compared).
    cohort_ids = {d.id for d in data.deals if period.contains(d.created)}
    loaded_ids = {d.id for d in data.deals}
    for code, (fld, a, b) in COMPARISONS.items():
        if pid is None:
            ids_a: set[int] = set()
            ids_b: set[int] = set()
        else:  # only the loaded deals' ids are kept
            ids_a = aq.segment_deal_ids(pid, replace(inputs.segment, **{fld: a}), loaded_ids)
            ids_b = aq.segment_deal_ids(pid, replace(inputs.segment, **{fld: b}), loaded_ids)
        comparisons[code] = compare_segments(subset(data, ids_a, cohort_ids),
                                             subset(data, ids_b, cohort_ids), period, today,
                                             strict=inputs.strict)
        del ids_a, ids_b
    del loaded_ids, cohort_ids
    lap("segments")
    quarter = period_of("quarter", today)
    health = health_check(
        pid, seg, data, today, conversion=conversion_over(data, health_period(today)),
        won_so_far=snapshot.closed_in(Period(quarter.start, today))[1]) if pid else None
    findings = health.findings if health else []
    thresholds, bad = (health.thresholds, health.problem) if health else health_thresholds()
    lap("health")
    plans = {(DEFAULT_HISTORY, False): plan_inputs(
        data, history_period(DEFAULT_HISTORY, today, period), today, strict=inputs.strict)}
    lap("plan")
    # Kept for what comes later (moves, the health list, other plans): the open deals; a
    # plan over another history reads the closed deals from the database.
    if isinstance(data, LoadedData):
        open_ids = {s.id for s in stages if s.kind == StageKind.OPEN}
        data = LoadedData(stages, [d for d in data.deals if d.stage_id in open_ids],
                          VisitTable(), pipeline_id=pid, segment=seg, since=datetime.max)
    timings["total"] = clock() - started
    return AnalyticsResult(
        inputs=inputs, stages=stages, data=data, metrics=metrics, funnel=funnel,
        snapshot=snapshot, forecast=forecast, band=band, month_targets=targets,
        trend_period=trends, win_rates=win_rates, cycles=cycles, cycle=cycle, reasons=reasons,
        bands=bands, band_bounds=bounds, owners=owners, teams=teams, owner_names=owner_names,
        team_names=team_names, comparisons=comparisons, findings=findings,
        thresholds=thresholds, thresholds_error=bad, target_scope=scope, progress=progress,
        plan_inputs=plans, health_period=health_period(today), timings=timings)


# -- the live path ---------------------------------------------------------------------------
def pure_moves(result: AnalyticsResult, moves: Iterable[tuple[int, int, int]]) -> bool:
    """Whether the snapshot can take these moves in O(1): every move leaves an open stage of
    the pipeline (a reopen, whose old close date is gone, needs a recompute), and no segment
    rule that a close can change (customer class, new / returning) is in use."""
    kinds = {s.id: s.kind for s in result.stages}
    seg = result.inputs.segment
    for _deal, old, new in moves:
        if old not in kinds and new not in kinds:
            continue  # another pipeline
        if kinds.get(old) != StageKind.OPEN or new not in kinds:
            return False
        if kinds[new] != StageKind.OPEN and (seg.customer_classes or seg.customer_type):
            return False
    return True


def apply_moves(result: AnalyticsResult, moves: tuple[tuple[int, int, int], ...]
                ) -> list[int]:
    """Apply stage moves to the result's snapshot in O(moved deals) and refresh the parts that
    come from it (the funnel's "now" columns, the forecast chart, the target progress). The
    loaded deals are updated too, so that the next simulation sees the new stages. Returns
    the ids of the moved deals that are in the page's pipeline and segment.

    Call only when :func:`pure_moves` is true."""
    inputs = result.inputs
    if inputs.pipeline_id is None:
        return []
    kinds = {s.id: s.kind for s in result.stages}
    mine = [m for m in moves if m[1] in kinds]
    facts = moved_facts([m[0] for m in mine], inputs.pipeline_id, inputs.store_segment)
    if facts and result.deal_index is None:  # built once per full recompute
        result.deal_index = {d.id: i for i, d in enumerate(result.data.deals)}
    by_id = result.deal_index or {}
    applied = []
    for deal_id, old, new in mine:
        if deal_id not in facts:
            continue
        amount, own, close, closed_at = facts[deal_id]
        index = by_id.get(deal_id)
        known = result.data.deals[index] if index is not None else None
        before = (replace(known, amount=amount, probability=own, expected_close=close,
                          stage_id=old, closed=None) if known is not None else
                  DealFacts(deal_id, old, amount, _as_datetime(inputs.today), own, close))
        if kinds[new] == StageKind.OPEN:
            result.snapshot.apply_move(before, old, new)
            after = replace(before, stage_id=new)
        else:
            closed = closed_at or _as_datetime(inputs.today)
            result.snapshot.apply_close(before, new, closed)
            after = replace(before, stage_id=new, closed=closed)
        if index is not None:
            result.data.deals[index] = after
        applied.append(deal_id)
    if applied:
        refresh_live(result)
    return applied


def refresh_live(result: AnalyticsResult) -> None:
    """Recompute the snapshot-based parts of ``result`` (O(stages + days))."""
    inputs = result.inputs
    result.funnel = with_snapshot(result.funnel, result.snapshot)
    result.forecast = forecast_of(result.snapshot, inputs, result.month_targets, result.band)
    result.progress = target_progress(result.snapshot, inputs.today, result.target_scope)


def _as_datetime(day: date) -> datetime:
    return datetime(day.year, day.month, day.day)


# -- reverse planning ------------------------------------------------------------------------
#: History choices of the planning panel: code → months back (the current month included);
#: ``page`` = the page's period.
HISTORY_MONTHS = {"6": 6, "12": 12, "24": 24, "page": 0}
DEFAULT_HISTORY = "12"


def history_period(code: str, today: date, page: Period | None) -> Period:
    """The history a plan learns from: the last N months up to today
    (:func:`core.periods.last_months`), or the page's period."""
    if code == "page" and page is not None:
        return page
    return last_months(today, HISTORY_MONTHS.get(code) or 12)


@dataclass(frozen=True, slots=True)
class PlanInputs:
    """What a reverse plan is computed from: the history's won amounts, the open stages in
    order with their conversion to the next (the last: to won), and what is open now."""

    won_amounts: list[int]
    stage_ids: list[int]
    conversions: list[Fraction | None]
    open_now: dict[int, int]


def plan_inputs(data: FunnelData, history: Period, today: date, *, ideal: bool = False,
                strict: bool = False) -> PlanInputs:
    """The history period's won amounts and stage conversions (or the stages' ideal
    conversions), and the open deals per stage now — the numbers ``core.metrics.compute``
    gives for the history (``won_amounts``, ``conversion``, ``stages``), as
    ``funnel-desktop plan`` feeds them, without computing the rest."""
    del today  # the plan looks at the pipeline as it is now
    kind = {s.id: s.kind for s in data.stages}
    since = getattr(data, "since", None)
    start = _as_datetime(history.start)
    older = since is not None and start < since  # loaded data: read the rest from the store
    won_amounts = [d.amount for d in data.deals if kind.get(d.stage_id) == StageKind.WON
                   and d.closed is not None and history.contains(d.closed)
                   and (not older or since is None or d.closed >= since)]
    conv = conversion_over(data, history, strict=strict)
    if older:
        assert isinstance(data, LoadedData) and data.pipeline_id is not None
        assert since is not None
        won = [s.id for s in data.stages if s.kind == StageKind.WON]
        stop = since if history.end >= since.date() else _as_datetime(
            history.end + timedelta(days=1))
        won_amounts += [a for _s, a, _cr, cl in aq.closed_rows(data.pipeline_id, data.segment,
                                                                won, start, stop)
                        if history.contains(cl)]
    open_ids = list(conv.chain[:-1])
    if ideal:
        target = {s.id: s.ideal_conversion for s in data.stages}
        convs = [Fraction(c, 100) if (c := target.get(sid)) else None for sid in open_ids]
    else:
        steps = {s.from_stage: s for s in conv.steps}
        convs = [Fraction(steps[sid].reached_to, steps[sid].reached_from)
                 if sid in steps and steps[sid].reached_from and steps[sid].reached_to
                 else None for sid in open_ids]
    open_now = {sid: 0 for sid in open_ids}
    for d in data.deals:
        if d.stage_id in open_now:
            open_now[d.stage_id] += 1
    return PlanInputs(won_amounts, open_ids, convs, open_now)


#: Deals read at a time from the store for a conversion over deals that are not loaded.
CHUNK = 5000


def conversion_over(data: FunnelData, period: Period, *, strict: bool = False) -> Conversion:
    """Stage conversion of the deals created in ``period`` — for :class:`LoadedData` whose
    deals start later than the period, the older part of the cohort is read from the
    database (:func:`store.analytics_queries.created_with_stays`) and merged in."""
    since = getattr(data, "since", None)
    start = _as_datetime(period.start)
    older = since is not None and start < since
    cohort = [d for d in data.deals if period.contains(d.created)
              and (not older or since is None or d.created >= since)]
    ids = {d.id for d in cohort}
    conv = stage_conversion(data.stages, cohort, visited_stages(data.visits, ids),
                            strict=strict)
    del cohort, ids
    if not older:
        return conv
    assert isinstance(data, LoadedData) and data.pipeline_id is not None
    assert since is not None
    stop = since if period.end >= since.date() else _as_datetime(period.end + timedelta(days=1))
    parts = [conv]
    for chunk in chunks(aq.created_with_stays(data.pipeline_id, data.segment, start, stop),
                        CHUNK):
        parts.append(stage_conversion(
            data.stages, [DealFacts(i, s, a, since) for i, s, a, _v in chunk],
            {i: v for i, _s, _a, v in chunk}, strict=strict))
    return merged_conversion(data.stages, parts, strict=strict)




def make_plan(inputs: PlanInputs, target: int, bounds: tuple[int, ...] | None) -> Plan:
    """The plan for ``target`` (minor units); ``ValidationError`` (field ``target``) when the
    target is not positive or there is no won deal in the history."""
    if target <= 0:
        raise ValidationError("target_invalid", "target", value=str(target / 100))
    return reverse_plan(target, inputs.won_amounts, inputs.stage_ids, inputs.conversions,
                        inputs.open_now, bounds)
