"""The health findings (病症诊断) at one moment, read one way for the Health panel, the weekly
report and ``funnel-desktop health``: the same thresholds, size bands, period, conversion,
activity counts, decision makers, target and won-so-far, so that at the same moment the three
agree finding by finding."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from datetime import date, datetime

from ..core import targets
from ..core.conversion import Conversion, stage_conversion, visited_stages
from ..core.dates import add_months, month_end, period_of
from ..core.errors import ValidationError
from ..core.forecast_chart import month_keys, monthly_targets
from ..core.health import Finding, HealthThresholds, diagnose, is_thin, open_deals
from ..core.metrics import compute
from ..core.periods import health_period
from ..core.planning import DEFAULT_BANDS
from ..core.values import FunnelData, Period, Segment, StageKind, within
from . import analytics_queries as aq
from .queries import get_setting, health_thresholds

#: The setting holding the deal-size band lower bounds (minor units).
BANDS_SETTING = "size_bands"


def band_bounds() -> tuple[int, ...]:
    """The size-band lower bounds (minor units, ascending, starting at 0); the defaults when
    the setting is missing or unusable."""
    raw = get_setting(BANDS_SETTING, None)
    try:
        bounds = tuple(int(v) for v in raw) if raw else DEFAULT_BANDS
    except (TypeError, ValueError):
        return DEFAULT_BANDS
    if not bounds or bounds[0] != 0 or list(bounds) != sorted(set(bounds)):
        return DEFAULT_BANDS
    return bounds


def target_months(first: date, last: date, scope: tuple[str, int | None, int | None]
                  ) -> dict[str, int]:
    """The target of every month from ``first``'s to ``last``'s that has one (a month's own
    target, else its even share of the quarter's or year's)."""
    kind, team_id, owner_id = scope
    start, end = add_months(first, 0), month_end(last)
    rows = aq.target_rows(start, end, scope=kind, team_id=team_id, owner_id=owner_id)
    return monthly_targets(rows, month_keys(start, end))


def period_target(period: Period, scope: tuple[str, int | None, int | None]) -> int | None:
    """The target of a period (:func:`core.targets.period_target`): the sum of the targets
    of the whole months inside it (:func:`target_months`: a month's own target, else its
    share of its quarter's or year's), None when none has one. A month, quarter or year is
    its months; a period starting or ending mid-month leaves that month out."""
    return targets.period_target(target_months(period.start, period.end, scope), period)


def won_between(data: FunnelData, period: Period) -> int:
    """The amount of the deals of ``data`` won (in a won stage) with their close inside
    ``period``."""
    won = {s.id for s in data.stages if s.kind == StageKind.WON}
    start, stop = period.moment_bounds()
    stop = stop or datetime.max
    return sum(d.amount for d in data.deals
               if d.stage_id in won and d.closed is not None and start <= d.closed < stop)


def cohort_conversion(data: FunnelData, period: Period) -> Conversion:
    """Stage conversion (the *reached* rule) of the deals of ``data`` created in ``period``,
    as ``metrics.compute`` counts it."""
    inside = within(period)
    cohort = [d for d in data.deals if inside(d.created)]
    return stage_conversion(data.stages, cohort,
                            visited_stages(data.visits, {d.id for d in cohort}))


@dataclass(frozen=True, slots=True)
class HealthCheck:
    """The findings and what they were judged on (each shown beside them)."""

    findings: list[Finding]
    day: date  # overdue, idle and close dates are judged on this day
    period: Period  # conversion (deals created in it) and activity (logged in it)
    conversion: Conversion
    thresholds: HealthThresholds
    problem: ValidationError | None  # the stored thresholds were unusable: defaults used
    target_period: Period
    target: int | None
    won_so_far: int


def health_check(pipeline_id: int, segment: Segment | None, data: FunnelData, day: date, *,
                 period: Period | None = None, conversion: Conversion | None = None,
                 won_so_far: int | None = None, thresholds: HealthThresholds | None = None,
                 target_kind: str = "quarter") -> HealthCheck:
    """Every health finding of ``data`` (one pipeline, cut to ``segment``, as the pipeline
    stood on ``day``).

    - ``period``: what conversion and activity are judged over (default
      :func:`core.periods.health_period` of ``day``, the last 90 days).
    - ``conversion``: the cohort conversion over ``period`` when the caller has it (the
      Analytics page, whose loaded deals may not reach back so far); else from ``data``.
    - ``won_so_far``: won toward the target from the target period's start to ``day``; else
      from ``data``, which must then hold every deal closed since that start.
    - ``thresholds``: None reads the stored ones (defaults and ``problem`` when unusable).
    - ``target_kind``: the target judged against: the ``quarter`` (or month / year) of
      ``day``, in the scope the segment reads (:func:`analytics_queries.target_scope`).
    """
    period = period or health_period(day)
    problem = None
    if thresholds is None:
        thresholds, problem = health_thresholds()
    if conversion is None:
        conversion = cohort_conversion(data, period)
    target_period = period_of(target_kind, day)
    target = period_target(target_period, aq.target_scope(segment))
    if won_so_far is None:
        won_so_far = won_between(data, Period(target_period.start, day))
    # of the period's metrics the rules read only the conversion (won so far is given)
    metrics = dataclasses.replace(compute(FunnelData(data.stages, []), period, day),
                                  conversion=conversion)
    # the activities are counted only when the "busy but thin" rule can fire at all
    counts = (aq.activity_counts(pipeline_id, period, segment)
              if is_thin(open_deals(data), data.stages, thresholds) else {})
    findings = diagnose(data, metrics, day, activity_counts=counts,
                        decision_customers=aq.decision_maker_customers(), target=target,
                        won_so_far=won_so_far, thresholds=thresholds, bands=band_bounds())
    return HealthCheck(findings, day, period, conversion, thresholds, problem, target_period,
                       target, won_so_far)
