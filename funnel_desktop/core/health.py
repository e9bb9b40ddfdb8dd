"""Pipeline health (病症诊断): every rule of DOMAIN.md "Pipeline health" as a finding.

A :class:`Finding` is a kind code, a severity, the numbers that triggered it and the deals
behind it — never a sentence: the UI (``tr()``) and the CLI render it in their language.
Money in ``params`` is in minor units, rates are floats in [0, 1], months are ``YYYY-MM``.

Finding kinds and their params (see :data:`KINDS`):

- ``too_few_open``: open, minimum, open_amount, weighted — fewer open deals than the minimum.
- ``low_coverage``: coverage, minimum, open_amount, target, won, missing — the open pipeline
  covers less than ``minimum`` × what is still missing to the target (only with a target;
  coverage and minimum are multiples, e.g. 0.6 and 3.0).
- ``lumpy_months``: month, share, weighted, total, empty_months — one month holds more than
  ``lumpy_share`` of the expected (weighted) value and the next months are (nearly) empty.
- ``busy_but_thin``: activities, open, beyond_first, share, first_stage_id — many activities
  logged on open deals in the period but few open deals beyond the first stage.
- ``only_big``: below, open, smallest — no open deal below the upper bound of the small bands.
- ``bottleneck``: stage_id, to_stage_id, rate, others, ideal, reached, below_others,
  below_ideal — a stage converts far below the other stages (``others``: the median of their
  rates) or below its ideal conversion (``ideal``: whole percent, None when not set).
- ``idle_deals``: stage_id, idle_days, count, amount, max_days — one finding per stage: deals
  with no stage change and no activity for longer than the stage allows.
- ``no_next_step``: count, amount.
- ``overdue_next_step``: count, amount, max_days.
- ``close_date_passed``: count, amount, weighted, max_days.
- ``no_decision_maker``: count, amount, from_stage_id — deals past the early stages whose
  customer has no contact with the role decision maker (or that have no customer).
"""

from __future__ import annotations

import dataclasses
from collections import defaultdict
from collections.abc import Iterable, Mapping
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from .dates import add_months, month_key
from .errors import ValidationError
from .metrics import Metrics, effective_probability
from .planning import DEFAULT_BANDS
from .stats import median, weighted_minor
from .targets import coverage_of, missing_to
from .values import DealFacts, FunnelData, StageInfo, StageKind

SEVERITIES = ("high", "medium", "low")

#: Every finding kind → (default severity, the names of its params), in display order.
KINDS: dict[str, tuple[str, tuple[str, ...]]] = {
    "too_few_open": ("high", ("open", "minimum", "open_amount", "weighted")),
    "low_coverage": ("high", ("coverage", "minimum", "open_amount", "target", "won",
                              "missing")),
    "bottleneck": ("high", ("stage_id", "to_stage_id", "rate", "others", "ideal", "reached",
                            "below_others", "below_ideal")),
    "close_date_passed": ("high", ("count", "amount", "weighted", "max_days")),
    "overdue_next_step": ("medium", ("count", "amount", "max_days")),
    "idle_deals": ("medium", ("stage_id", "idle_days", "count", "amount", "max_days")),
    "no_decision_maker": ("medium", ("count", "amount", "from_stage_id")),
    "lumpy_months": ("medium", ("month", "share", "weighted", "total", "empty_months")),
    "busy_but_thin": ("medium", ("activities", "open", "beyond_first", "share",
                                 "first_stage_id")),
    "no_next_step": ("low", ("count", "amount")),
    "only_big": ("low", ("below", "open", "smallest")),
}

#: Params in minor units (the UI formats them as money) and params that are rates in [0, 1].
MONEY_PARAMS = frozenset({"open_amount", "weighted", "target", "won", "missing", "amount",
                          "total", "below", "smallest"})
RATE_PARAMS = frozenset({"share", "rate", "others"})
#: Params holding a stage id (the UI shows the stage's name).
STAGE_PARAMS = frozenset({"stage_id", "to_stage_id", "first_stage_id", "from_stage_id"})


@dataclass(frozen=True, slots=True)
class Finding:
    """One health finding: a kind code, its severity, the numbers and the deals behind it."""

    kind: str
    severity: str
    params: dict[str, Any] = field(hash=False)
    deal_ids: tuple[int, ...] = ()


@dataclass(frozen=True, slots=True)
class HealthThresholds:
    """The settings of the health rules (the UI stores them; see :meth:`from_dict`)."""

    min_open_deals: int = 15  # too few open deals below this many
    min_coverage: float = 3.0  # pipeline ÷ missing-to-target below this warns (with a target)
    lumpy_share: float = 0.5  # one month holds more than this share of the expected value…
    lumpy_empty_months: int = 2  # …and this many following months are empty
    lumpy_empty_share: float = 0.05  # "empty": at most this share of the expected value
    lumpy_horizon_months: int = 6  # months looked at, from the current one
    busy_min_activities: int = 30  # "busy": at least this many activities on open deals…
    thin_max_share: float = 0.3  # …and fewer than this share of open deals past stage one
    small_bands: int = 2  # the first N size bands are "small"
    bottleneck_ratio: float = 0.5  # a conversion below this × the median of the others
    bottleneck_ideal_gap: int = 10  # or more than this many points below the ideal
    bottleneck_min_reached: int = 10  # judge a stage only when this many deals reached it
    default_idle_days: int | None = 30  # for stages without their own idle limit
    early_stages: int = 2  # the first N open stages need no known decision maker

    def to_dict(self) -> dict[str, Any]:
        """The thresholds as a JSON-ready dict (for settings)."""
        return dataclasses.asdict(self)

    @classmethod
    def from_dict(cls, values: Mapping[str, Any] | None) -> HealthThresholds:
        """Thresholds from stored settings: missing keys keep their defaults; an unknown key
        or a value of the wrong type or below zero raises ``ValidationError``."""
        if not values:
            return cls()
        defaults = cls()
        out: dict[str, Any] = {}
        for key, value in values.items():
            if key not in _FIELD_TYPES:
                raise ValidationError("threshold_unknown", key, name=key)
            kind = _FIELD_TYPES[key]
            if value is None and key == "default_idle_days":
                out[key] = None
                continue
            try:
                if isinstance(value, bool):
                    raise ValueError(value)
                number = float(str(value).strip())
                if kind is int:
                    if not number.is_integer():
                        raise ValueError(value)
                    number = int(number)
            except (TypeError, ValueError, OverflowError):
                raise ValidationError("threshold_invalid", key, name=key,
                                      value=str(value)) from None
            if number < 0 or number != number or number == float("inf"):
                raise ValidationError("threshold_invalid", key, name=key, value=str(value))
            out[key] = number
        return dataclasses.replace(defaults, **out)


_FIELD_TYPES: dict[str, type] = {
    f.name: (float if "float" in str(f.type) else int)
    for f in dataclasses.fields(HealthThresholds)
}


def _severity(kind: str) -> str:
    return KINDS[kind][0]


def _finding(kind: str, params: dict[str, Any], deals: Iterable[DealFacts] = ()) -> Finding:
    return Finding(kind, _severity(kind), params, tuple(sorted(d.id for d in deals)))


def open_stages(stages: list[StageInfo]) -> list[StageInfo]:
    """The open stages in order."""
    return [s for s in sorted(stages, key=lambda s: s.position) if s.kind == StageKind.OPEN]


def open_deals(data: FunnelData) -> list[DealFacts]:
    """The deals of ``data`` that sit in an open stage."""
    ids = {s.id for s in data.stages if s.kind == StageKind.OPEN}
    return [d for d in data.deals if d.stage_id in ids]


def idle_days_of(deal: DealFacts, today: date) -> int:
    """Whole days since the deal last changed stage or had an activity (or was created)."""
    moments = [m for m in (deal.stage_entered, deal.last_activity) if m is not None]
    last = max(moments) if moments else deal.created
    return (today - last.date()).days


# -- the rules ------------------------------------------------------------------------------
def too_few_open(deals: list[DealFacts], by_id: dict[int, StageInfo],
                 t: HealthThresholds) -> list[Finding]:
    if len(deals) >= t.min_open_deals:
        return []
    weighted = weighted_minor(sum(d.amount * effective_probability(d, by_id[d.stage_id])
                                  for d in deals))
    return [_finding("too_few_open", {"open": len(deals), "minimum": t.min_open_deals,
                                      "open_amount": sum(d.amount for d in deals),
                                      "weighted": weighted}, deals)]


def low_coverage(deals: list[DealFacts], target: int | None, won: int,
                 t: HealthThresholds) -> list[Finding]:
    if not target or target <= 0:
        return []
    missing = missing_to(target, won)
    amount = sum(d.amount for d in deals)
    cover = coverage_of(amount, target, won)
    if cover is None or cover >= t.min_coverage:
        return []
    return [_finding("low_coverage", {"coverage": cover, "minimum": t.min_coverage,
                                      "open_amount": amount, "target": target, "won": won,
                                      "missing": missing})]


def lumpy_months(deals: list[DealFacts], by_id: dict[int, StageInfo], today: date,
                 t: HealthThresholds) -> list[Finding]:
    """Expected (weighted) value by expected-close month, from the current month on (overdue
    and undated deals are left out)."""
    per_month: dict[str, int] = defaultdict(int)
    members: dict[str, list[DealFacts]] = defaultdict(list)
    for d in deals:
        if d.expected_close is None or d.expected_close < today:
            continue
        key = month_key(d.expected_close)
        per_month[key] += d.amount * effective_probability(d, by_id[d.stage_id])
        members[key].append(d)
    window = [month_key(add_months(today, i)) for i in range(max(1, t.lumpy_horizon_months))]
    total = sum(per_month.get(m, 0) for m in window)
    if total <= 0:
        return []
    peak = max(window, key=lambda m: per_month.get(m, 0))  # the earliest on a tie
    share = per_month[peak] / total
    if share <= t.lumpy_share:
        return []
    first = date(int(peak[:4]), int(peak[5:]), 1)
    following = [month_key(add_months(first, i + 1)) for i in range(t.lumpy_empty_months)]
    if any(per_month.get(m, 0) > t.lumpy_empty_share * total for m in following):
        return []
    return [_finding("lumpy_months", {"month": peak, "share": share,
                                      "weighted": weighted_minor(per_month[peak]),
                                      "total": weighted_minor(total),
                                      "empty_months": following}, members[peak])]


def is_thin(deals: list[DealFacts], stages: list[StageInfo], t: HealthThresholds) -> bool:
    """Whether fewer than ``thin_max_share`` of the open ``deals`` are past the first open
    stage: the "thin" half of "busy but thin" (its activities need counting only then)."""
    chain = open_stages(stages)
    if not chain or not deals:
        return False
    beyond = sum(1 for d in deals if d.stage_id != chain[0].id)
    return beyond / len(deals) < t.thin_max_share


def busy_but_thin(deals: list[DealFacts], stages: list[StageInfo],
                  activity_counts: Mapping[int, int], t: HealthThresholds) -> list[Finding]:
    if not is_thin(deals, stages, t):
        return []
    chain = open_stages(stages)
    activities = sum(activity_counts.get(d.id, 0) for d in deals)
    first = [d for d in deals if d.stage_id == chain[0].id]
    beyond = len(deals) - len(first)
    share = beyond / len(deals)
    if activities < t.busy_min_activities:
        return []
    return [_finding("busy_but_thin", {"activities": activities, "open": len(deals),
                                       "beyond_first": beyond, "share": share,
                                       "first_stage_id": chain[0].id}, first)]


def only_big(deals: list[DealFacts], bands: tuple[int, ...],
             t: HealthThresholds) -> list[Finding]:
    if not deals or t.small_bands <= 0 or t.small_bands >= len(bands):
        return []
    below = bands[t.small_bands]
    if any(d.amount < below for d in deals):
        return []
    return [_finding("only_big", {"below": below, "open": len(deals),
                                  "smallest": min(d.amount for d in deals)}, deals)]


def bottleneck(metrics: Metrics, by_id: dict[int, StageInfo], deals: list[DealFacts],
               t: HealthThresholds) -> list[Finding]:
    """Steps of the period's conversion judged against the median of the other steps and
    against the stage's ideal conversion."""
    steps = [(s, s.rate) for s in metrics.conversion.steps
             if s.rate is not None and s.reached_from >= max(1, t.bottleneck_min_reached)]
    out = []
    for step, rate in steps:
        others = median([r for o, r in steps if o is not step])
        below_others = others is not None and rate < t.bottleneck_ratio * others
        stage = by_id.get(step.from_stage)
        ideal = stage.ideal_conversion if stage is not None else None
        below_ideal = ideal is not None and rate * 100 < ideal - t.bottleneck_ideal_gap
        if below_others or below_ideal:
            stuck = [d for d in deals if d.stage_id == step.from_stage]
            out.append(_finding("bottleneck", {
                "stage_id": step.from_stage, "to_stage_id": step.to_stage, "rate": rate,
                "others": others, "ideal": ideal, "reached": step.reached_from,
                "below_others": below_others, "below_ideal": below_ideal}, stuck))
    return out


def idle_deals(deals: list[DealFacts], stages: list[StageInfo], today: date,
               t: HealthThresholds) -> list[Finding]:
    out = []
    for stage in open_stages(stages):
        limit = stage.idle_days if stage.idle_days is not None else t.default_idle_days
        if limit is None:
            continue
        idle = [(d, idle_days_of(d, today)) for d in deals if d.stage_id == stage.id]
        idle = [(d, n) for d, n in idle if n > limit]
        if idle:
            out.append(_finding("idle_deals", {
                "stage_id": stage.id, "idle_days": limit, "count": len(idle),
                "amount": sum(d.amount for d, _ in idle),
                "max_days": max(n for _, n in idle)}, (d for d, _ in idle)))
    return out


def next_steps(deals: list[DealFacts], today: date) -> list[Finding]:
    """No next step (no text and no due date), and next steps whose due date has passed."""
    out = []
    missing = [d for d in deals if not d.next_step.strip() and d.next_step_due is None]
    if missing:
        out.append(_finding("no_next_step", {"count": len(missing),
                                             "amount": sum(d.amount for d in missing)}, missing))
    late = [d for d in deals if d.next_step_due is not None and d.next_step_due < today]
    if late:
        out.append(_finding("overdue_next_step", {
            "count": len(late), "amount": sum(d.amount for d in late),
            "max_days": max((today - d.next_step_due).days for d in late
                            if d.next_step_due is not None)}, late))
    return out


def close_date_passed(deals: list[DealFacts], by_id: dict[int, StageInfo],
                      today: date) -> list[Finding]:
    late = [d for d in deals if d.expected_close is not None and d.expected_close < today]
    if not late:
        return []
    weighted = weighted_minor(sum(d.amount * effective_probability(d, by_id[d.stage_id])
                                  for d in late))
    return [_finding("close_date_passed", {
        "count": len(late), "amount": sum(d.amount for d in late), "weighted": weighted,
        "max_days": max((today - d.expected_close).days for d in late
                        if d.expected_close is not None)}, late)]


def no_decision_maker(deals: list[DealFacts], stages: list[StageInfo],
                      decision_customers: AbstractSet[int], t: HealthThresholds
                      ) -> list[Finding]:
    chain = open_stages(stages)
    late_ids = {s.id for s in chain[t.early_stages:]}
    if not late_ids:
        return []
    unknown = [d for d in deals if d.stage_id in late_ids
               and (d.customer_id is None or d.customer_id not in decision_customers)]
    if not unknown:
        return []
    return [_finding("no_decision_maker", {"count": len(unknown),
                                           "amount": sum(d.amount for d in unknown),
                                           "from_stage_id": chain[t.early_stages].id},
                     unknown)]


# -- all of them ----------------------------------------------------------------------------
def diagnose(data: FunnelData, metrics: Metrics, today: date, *,
             activity_counts: Mapping[int, int] | None = None,
             decision_customers: AbstractSet[int] | None = None,
             target: int | None = None,
             won_so_far: int | None = None,
             thresholds: HealthThresholds | None = None,
             bands: tuple[int, ...] = DEFAULT_BANDS) -> list[Finding]:
    """Every health finding for ``data`` (one pipeline, already cut to its segment).

    - ``metrics``: :func:`core.metrics.compute` of ``data`` for the period (its conversion
      steps judge bottlenecks; its won amount is the "won so far" of the coverage rule).
    - ``activity_counts``: deal id → activities logged in the period (None: rule skipped).
    - ``decision_customers``: customer ids with a decision-maker contact (None: rule skipped).
    - ``target``: a revenue target in minor units (None: no coverage rule) and
      ``won_so_far`` the amount won toward it (None: the metrics' won amount of the period).

    Findings come ordered by severity (high first), then in the order of :data:`KINDS`.
    """
    t = thresholds or HealthThresholds()
    by_id = {s.id: s for s in data.stages}
    deals = open_deals(data)
    found: list[Finding] = []
    found += too_few_open(deals, by_id, t)
    found += low_coverage(deals, target,
                          metrics.won_amount if won_so_far is None else won_so_far, t)
    found += bottleneck(metrics, by_id, deals, t)
    found += close_date_passed(deals, by_id, today)
    found += next_steps(deals, today)
    found += idle_deals(deals, data.stages, today, t)
    if decision_customers is not None:
        found += no_decision_maker(deals, data.stages, decision_customers, t)
    found += lumpy_months(deals, by_id, today, t)
    if activity_counts is not None:
        found += busy_but_thin(deals, data.stages, activity_counts, t)
    found += only_big(deals, bands, t)
    order = {k: i for i, k in enumerate(KINDS)}
    return sorted(found, key=lambda f: (SEVERITIES.index(f.severity), order[f.kind]))
