"""Data of the funnel chart: reached count and value per stage with the conversion between
bars, the ideal funnel from the stages' target conversions, and the previous period's funnel.

The bars are the period's cohort (deals created in the period) counted by the *reached* rule
of :mod:`core.conversion` (or the strict rule); beside them, what sits in each stage now.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Set
from dataclasses import dataclass, replace

from .conversion import funnel_chain, visited_stages
from .dates import previous
from .metrics import effective_probability
from .snapshot import FunnelSnapshot
from .stats import ratio, weighted_minor
from .values import DealFacts, FunnelData, Period, StageInfo, StageKind, StageVisit

RULE = ("Bars: deals created in the period that reached each stage (a deal reached a stage if "
        "it was ever in it or a later open stage, or was won). Conversion = reached(next) ÷ "
        "reached(this). Ideal: the first bar carried down by each stage's target conversion.")


@dataclass(frozen=True, slots=True)
class FunnelStage:
    """One bar: the open stages in order, then the won stage.

    ``conversion`` / ``ideal_conversion`` / ``previous_conversion`` lead to the next bar (None
    on the last bar, or when nothing reached this one; ideal None when the stage has none).
    ``ideal_reached`` is None below the first stage without an ideal conversion.
    ``now_*``: for open stages, the deals in the stage now; for the won stage, the deals won
    in the period (weighted = amount).
    """

    stage_id: int
    reached: int
    reached_amount: int
    conversion: float | None
    ideal_conversion: float | None
    ideal_reached: float | None
    previous_reached: int | None
    previous_conversion: float | None
    now_count: int
    now_amount: int
    now_weighted: int


@dataclass(frozen=True, slots=True)
class FunnelChart:
    period: Period
    previous_period: Period | None
    strict: bool
    cohort: int  # deals created in the period
    stages: list[FunnelStage]
    overall: float | None  # reached(won) ÷ reached(first)
    ideal_overall: float | None  # product of the ideal conversions (None if one is missing)
    previous_overall: float | None


def reached_by_stage(stages: list[StageInfo], deals: list[DealFacts],
                     visits: list[StageVisit] | Mapping[int, Set[int]], *,
                     strict: bool = False) -> tuple[list[int], list[int], list[int]]:
    """(chain stage ids, reached counts, reached amounts) — the rule of
    :func:`core.conversion.stage_conversion`, also summing the amounts. ``visits`` may be
    given as deal id → visited stage ids (see :func:`visited_stages`)."""
    chain = funnel_chain(stages)
    kind = {s.id: s.kind for s in stages}
    open_pos = {s.id: i for i, s in enumerate(chain) if s.kind == StageKind.OPEN}
    has_won = bool(chain) and chain[-1].kind == StageKind.WON
    visited = visits if isinstance(visits, Mapping) else visited_stages(visits)
    size = len(chain)
    counts = [0] * size
    amounts = [0] * size
    top_n = [0] * size  # deals whose furthest position is i (non-strict: reached 0..i)
    top_a = [0] * size
    empty: set[int] = set()
    for deal in deals:
        is_won = has_won and kind.get(deal.stage_id) == StageKind.WON
        stays = visited.get(deal.id, empty)
        positions = [open_pos[s] for s in stays if s in open_pos]
        if deal.stage_id in open_pos:
            positions.append(open_pos[deal.stage_id])
        if strict:
            for p in set(positions) | ({size - 1} if is_won else set()):
                counts[p] += 1
                amounts[p] += deal.amount
            continue
        top = size - 1 if is_won else max(positions, default=-1)
        if top >= 0:
            top_n[top] += 1
            top_a[top] += deal.amount
    if not strict:
        n = a = 0
        for i in range(size - 1, -1, -1):
            n += top_n[i]
            a += top_a[i]
            counts[i], amounts[i] = n, a
    return [s.id for s in chain], counts, amounts


def _cohort(data: FunnelData, period: Period) -> list[DealFacts]:
    return [d for d in data.deals if period.contains(d.created)]


def funnel_chart(data: FunnelData, period: Period, *, strict: bool = False,
                 previous_period: Period | bool | None = True) -> FunnelChart:
    """The funnel of ``period`` (and of ``previous_period``: True = the period of the same
    length just before, None/False = none)."""
    by_id = {s.id: s for s in data.stages}
    visited = visited_stages(data.visits)
    deals = _cohort(data, period)
    chain, reached, amounts = reached_by_stage(data.stages, deals, visited, strict=strict)
    prev_period = previous(period) if previous_period is True else (previous_period or None)
    prev: list[int] | None = None
    if prev_period is not None:
        prev = reached_by_stage(data.stages, _cohort(data, prev_period), visited,
                                strict=strict)[1]

    now_count: dict[int, int] = defaultdict(int)
    now_amount: dict[int, int] = defaultdict(int)
    now_wp: dict[int, int] = defaultdict(int)
    for d in data.deals:
        s = by_id.get(d.stage_id)
        if s is None:
            continue
        if s.kind == StageKind.OPEN or (s.kind == StageKind.WON and period.contains(d.closed)):
            now_count[s.id] += 1
            now_amount[s.id] += d.amount
            now_wp[s.id] += d.amount * effective_probability(d, s)

    rows = []
    ideal: float | None = float(reached[0]) if chain else None
    ideal_overall: float | None = 1.0 if chain else None
    for i, sid in enumerate(chain):
        last = i == len(chain) - 1
        target = by_id[sid].ideal_conversion
        ideal_conv = None if last or target is None else target / 100
        rows.append(FunnelStage(
            stage_id=sid, reached=reached[i], reached_amount=amounts[i],
            conversion=None if last else ratio(reached[i + 1], reached[i]),
            ideal_conversion=ideal_conv, ideal_reached=ideal,
            previous_reached=prev[i] if prev is not None else None,
            previous_conversion=(None if prev is None or last
                                 else ratio(prev[i + 1], prev[i])),
            now_count=now_count[sid], now_amount=now_amount[sid],
            now_weighted=weighted_minor(now_wp[sid])))
        if not last:
            ideal = None if ideal is None or ideal_conv is None else ideal * ideal_conv
            ideal_overall = (None if ideal_overall is None or ideal_conv is None
                             else ideal_overall * ideal_conv)
    has_won = bool(chain) and by_id[chain[-1]].kind == StageKind.WON
    overall = ratio(reached[-1], reached[0]) if has_won else None
    prev_overall = ratio(prev[-1], prev[0]) if has_won and prev is not None else None
    return FunnelChart(period, prev_period, strict, len(deals), rows, overall,
                       ideal_overall if has_won and len(chain) > 1 else None, prev_overall)



def with_snapshot(chart: FunnelChart, snap: FunnelSnapshot) -> FunnelChart:
    """``chart`` with its ``now_*`` columns taken from the incremental snapshot — O(stages),
    for refreshing the bars' "now" numbers right after a card is dropped. (The reached counts
    are the period's history; recompute them with :func:`funnel_chart` when it suits.)"""
    won_n, won_a, _, _ = snap.closed_in(chart.period)
    rows = []
    for row in chart.stages:
        stage = snap.stages.get(row.stage_id)
        if stage is not None and stage.kind == StageKind.WON:
            rows.append(replace(row, now_count=won_n, now_amount=won_a, now_weighted=won_a))
            continue
        n, amount, wp = snap.per_stage.get(row.stage_id, (0, 0, 0))
        rows.append(replace(row, now_count=n, now_amount=amount,
                            now_weighted=weighted_minor(wp)))
    return replace(chart, stages=rows)
