"""Everything the Analytics page shows, as plain values: what a computation is for
(:class:`Inputs`), its result (:class:`AnalyticsResult`), the O(moved deals) update of the
snapshot-based parts after a stage move, and reverse planning's inputs. The full recompute
reads the database: ``store.analytics_data.compute_all``."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from fractions import Fraction
from typing import Any

from .conversion import Conversion, stage_conversion, visited_stages
from .dates import add_months
from .deal_columns import WON, ColumnData, in_period
from .errors import ValidationError
from .forecast_chart import ForecastChart, TargetRow, forecast_chart
from .funnel_chart import FunnelChart, with_snapshot
from .health import Finding, HealthThresholds
from .metrics import Metrics
from .owner_table import PeopleTable
from .periods import last_months, named_period, previous_period
from .planning import Plan, reverse_plan
from .reasons_summary import ReasonSummary
from .segments_compare import SegmentComparison
from .simulation import ForecastBand
from .size_bands import BandLine
from .snapshot import FunnelSnapshot
from .targets import TargetProgress, calendar_progress
from .trends import CycleMonth, CyclePanel, WinRateMonth
from .values import DealFacts, FunnelData, Period, Segment, StageInfo, StageKind
from .visit_table import VisitTable

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

#: The target progress the page shows: the current month's and quarter's.
PROGRESS_KINDS = ("month", "quarter")


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


@dataclass(slots=True)
class AnalyticsResult:
    """The page's numbers for one pipeline, segment and period."""

    inputs: Inputs
    stages: list[StageInfo]
    data: ColumnData | FunnelData  # every deal in columns; ``data.deals``: the open ones
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
    #: the target rows of the progress kinds' periods (read once; moves do not change them)
    target_rows: dict[str, list[TargetRow]] = field(default_factory=dict)

    @property
    def stage_names(self) -> dict[int, str]:
        return {s.id: s.name for s in self.stages}

    @property
    def empty(self) -> bool:
        return not self.data.deals and not self.snapshot.per_stage


def subset(data: FunnelData, ids: set[int], visits_of: set[int] | None = None) -> FunnelData:
    """The deals of ``data`` whose id is in ``ids``, with their stage visits (only those of
    ``visits_of`` when given)."""
    keep = ids if visits_of is None else ids & visits_of
    visits = data.visits
    return FunnelData(data.stages, [d for d in data.deals if d.id in ids],
                      visits.subset(keep) if isinstance(visits, VisitTable)
                      else [v for v in visits if v.deal_id in keep])


def target_progress(snapshot: FunnelSnapshot, today: date,
                    rows: dict[str, list[TargetRow]]) -> list[TargetProgress]:
    """Progress toward the current month's and quarter's targets
    (:func:`core.targets.calendar_progress`): won from the period's first day to today (from
    the snapshot), the targets from ``rows`` (each period's target rows), the open pipeline
    beside."""
    _n, amount, weighted = snapshot.open_totals()
    out = []
    for kind in PROGRESS_KINDS:
        first = calendar_progress(kind, today, (), 0).period.start
        won = snapshot.closed_in(Period(first, today))[1]
        out.append(calendar_progress(kind, today, rows.get(kind, ()), won,
                                     open_amount=amount, weighted=weighted))
    return out


def forecast_of(snapshot: FunnelSnapshot, inputs: Inputs, targets: dict[str, int],
                band: ForecastBand | None) -> ForecastChart:
    """The forecast chart from the snapshot (the same numbers as ``metrics.forecast_by_month``
    over the loaded deals)."""
    return forecast_chart(snapshot.forecast(inputs.period, inputs.today), inputs.period,
                          inputs.today, targets=targets, band=band)


def empty_data() -> FunnelData:
    return FunnelData([], [], [])


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


#: What the live path reads of a moved deal: (amount, own probability, expected close,
#: closed at) — ``store.screen_queries.moved_facts``.
MovedFacts = dict[int, tuple[int, int | None, date | None, datetime | None]]


def apply_moved(result: AnalyticsResult, moves: Iterable[tuple[int, int, int]],
                facts: MovedFacts, *, refresh: bool = True) -> list[int]:
    """Apply stage moves to the result's snapshot in O(moved deals), given the moved deals'
    facts as they are now (those in the page's pipeline and segment), and refresh the parts
    that come from it (the funnel's "now" columns, the forecast chart, the target progress).
    The kept deals are updated too (the open ones and their columns), so that the next
    simulation and plan see the new stages. Returns the ids of the moved deals applied.

    Without ``refresh`` the snapshot and the kept deals are updated but the parts drawn
    from them are not: call :func:`refresh_live` before they are shown (a hidden page's).

    Call only when :func:`pure_moves` is true."""
    inputs = result.inputs
    if inputs.pipeline_id is None:
        return []
    kinds = {s.id: s.kind for s in result.stages}
    if facts and result.deal_index is None:  # built once per full recompute
        result.deal_index = {d.id: i for i, d in enumerate(result.data.deals)}
    by_id = result.deal_index or {}
    columns = result.data.columns if isinstance(result.data, ColumnData) else None
    applied = []
    for deal_id, old, new in moves:
        if old not in kinds or deal_id not in facts:
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
        if columns is not None and isinstance(result.data, ColumnData):
            _update_columns(result.data, after)
        applied.append(deal_id)
    if applied and refresh:
        refresh_live(result)
    return applied


def _update_columns(data: ColumnData, deal: DealFacts) -> None:
    """The deal's row of the kept columns as it is now (a move applied live)."""
    import numpy as np

    from .deal_columns import NONE, day_number, moment_us

    at = int(data.columns.index_of(np.array([deal.id], dtype=np.int64))[0])
    if at < 0:
        return
    data.columns.set_row(at, stage=deal.stage_id,
                         closed=NONE if deal.closed is None else moment_us(deal.closed),
                         amount=deal.amount,
                         probability=NONE if deal.probability is None else deal.probability,
                         expected=NONE if deal.expected_close is None
                         else day_number(deal.expected_close))
    data.changed()


def refresh_live(result: AnalyticsResult) -> None:
    """Recompute the snapshot-based parts of ``result`` (O(stages + days), no query)."""
    inputs = result.inputs
    result.funnel = with_snapshot(result.funnel, result.snapshot)
    result.forecast = forecast_of(result.snapshot, inputs, result.month_targets, result.band)
    result.progress = target_progress(result.snapshot, inputs.today, result.target_rows)


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


def conversion_over(data: ColumnData | FunnelData, period: Period, *, strict: bool = False
                    ) -> Conversion:
    """Stage conversion of the deals created in ``period`` (the *reached* rule, or the
    strict one)."""
    if isinstance(data, ColumnData):
        from .column_metrics import conversion_over as of_columns

        return of_columns(data, period, strict=strict)
    cohort = [d for d in data.deals if period.contains(d.created)]
    return stage_conversion(data.stages, cohort,
                            visited_stages(data.visits, {d.id for d in cohort}), strict=strict)


def _won_amounts(data: ColumnData | FunnelData, history: Period) -> list[int]:
    if isinstance(data, ColumnData):
        cols = data.columns
        won = (data.codes().kind == WON) & in_period(cols.closed, history)
        return [int(a) for a in cols.amount[won].tolist()]
    kind = {s.id: s.kind for s in data.stages}
    return [d.amount for d in data.deals if kind.get(d.stage_id) == StageKind.WON
            and d.closed is not None and history.contains(d.closed)]


def plan_inputs(data: ColumnData | FunnelData, history: Period, today: date, *,
                ideal: bool = False, strict: bool = False) -> PlanInputs:
    """The history period's won amounts and stage conversions (or the stages' ideal
    conversions), and the open deals per stage now — the numbers ``core.metrics.compute``
    gives for the history (``won_amounts``, ``conversion``, ``stages``), as
    ``funnel-desktop plan`` feeds them, without computing the rest. ``data``: every deal
    (plain, or in columns)."""
    del today  # the plan looks at the pipeline as it is now
    won_amounts = _won_amounts(data, history)
    conv = conversion_over(data, history, strict=strict)
    open_ids = list(conv.chain[:-1])
    if ideal:
        target = {s.id: s.ideal_conversion for s in data.stages}
        convs = [Fraction(t, 100) if (t := target.get(sid)) else None for sid in open_ids]
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


def make_plan(inputs: PlanInputs, target: int, bounds: tuple[int, ...] | None) -> Plan:
    """The plan for ``target`` (minor units); ``ValidationError`` (field ``target``) when the
    target is not positive or there is no won deal in the history."""
    if target <= 0:
        raise ValidationError("target_invalid", "target", value=str(target / 100))
    return reverse_plan(target, inputs.won_amounts, inputs.stage_ids, inputs.conversions,
                        inputs.open_now, bounds)


__all__ = ["BAND_RUNS", "BAND_SEED", "COMPARISONS", "DEFAULT_HISTORY", "HISTORY_MONTHS",
           "PERIOD_CODES", "AnalyticsResult", "Inputs", "PlanInputs", "apply_moved",
           "conversion_over", "empty_data", "forecast_of", "history_period", "make_plan",
           "period_for", "plan_inputs", "previous_for", "pure_moves", "refresh_live",
           "subset", "target_progress", "trend_period"]
