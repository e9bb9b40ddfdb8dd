"""Stage conversion (阶段转化率) over stage history: the *reached* rule and the strict rule.

A deal *reached* open stage k if its history ever put it in k or any later open stage, or it
was won; a lost deal reached the furthest open stage it was ever in. Skipping a stage counts as
passing through it; moving back does not undo what was reached. *Strict* counts only stages a
deal actually visited.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Iterable, Mapping, Set
from dataclasses import dataclass

from .stats import ratio
from .values import DealFacts, StageInfo, StageKind, StageVisit
from .visit_table import VisitTable


@dataclass(frozen=True, slots=True)
class ConversionStep:
    """reached(from) → reached(to) and the rate between them (None when nothing reached)."""

    from_stage: int
    to_stage: int
    reached_from: int
    reached_to: int
    rate: float | None


@dataclass(frozen=True, slots=True)
class Conversion:
    chain: list[int]  # open stage ids in order, then the won stage id
    reached: dict[int, int]
    steps: list[ConversionStep]
    overall: float | None
    strict: bool


def funnel_chain(stages: list[StageInfo]) -> list[StageInfo]:
    """The open stages in order, then the (first) won stage."""
    ordered = sorted(stages, key=lambda s: s.position)
    chain = [s for s in ordered if s.kind == StageKind.OPEN]
    won = [s for s in ordered if s.kind == StageKind.WON]
    return chain + won[:1]


def visited_stages(visits: Iterable[StageVisit], deal_ids: Collection[int] | None = None
                   ) -> Mapping[int, Set[int]]:
    """deal id → the stage ids its history ever put it in (only the deals in ``deal_ids``
    when given; a deal without a stay may be absent)."""
    if isinstance(visits, VisitTable):  # read from its columns
        return visits.visited(deal_ids)
    out: dict[int, set[int]] = defaultdict(set)
    for v in visits:
        if deal_ids is None or v.deal_id in deal_ids:
            out[v.deal_id].add(v.stage_id)
    return out


def stage_conversion(stages: list[StageInfo], deals: list[DealFacts],
                     visits: list[StageVisit] | Mapping[int, Set[int]], *,
                     strict: bool = False) -> Conversion:
    """Reached counts per stage and the conversion between consecutive stages. ``visits``
    may be given as deal id → the stage ids its history ever put it in."""
    chain = funnel_chain(stages)
    kind = {s.id: s.kind for s in stages}
    open_pos = {s.id: i for i, s in enumerate(chain) if s.kind == StageKind.OPEN}
    won_ids = {s.id for s in stages if s.kind == StageKind.WON}
    won_index = len(chain) - 1 if chain and chain[-1].kind == StageKind.WON else None

    visited: Mapping[int, Set[int]]
    if isinstance(visits, Mapping):
        visited = visits
    else:
        built: defaultdict[int, set[int]] = defaultdict(set)
        for v in visits:
            built[v.deal_id].add(v.stage_id)
        visited = built

    reached = [0] * len(chain)
    top_n = [0] * len(chain)  # deals whose furthest position is i (they reached 0..i)
    for deal in deals:
        is_won = kind.get(deal.stage_id) == StageKind.WON
        if is_won and not strict:
            top_n[-1] += 1
            continue
        stays = visited.get(deal.id)
        positions = [open_pos[s] for s in stays if s in open_pos] if stays else []
        if deal.stage_id in open_pos:
            positions.append(open_pos[deal.stage_id])
        if strict:
            for p in set(positions):
                reached[p] += 1
            if is_won and won_index is not None:
                reached[won_index] += 1
        elif positions:
            top_n[max(positions)] += 1
        # else: a deal that never was in an open stage of this pipeline
    if not strict:
        n = 0
        for i in range(len(chain) - 1, -1, -1):
            n += top_n[i]
            reached[i] = n
    return conversion_of_reached([s.id for s in chain], reached, bool(won_ids), strict)


def merged_conversion(stages: list[StageInfo], parts: Iterable[Conversion], *,
                      strict: bool = False) -> Conversion:
    """The conversion of the union of disjoint sets of deals, from each set's conversion:
    reached counts add up (exactly what ``stage_conversion`` of all of them gives)."""
    ids = [s.id for s in funnel_chain(stages)]
    reached = [0] * len(ids)
    for part in parts:
        for i, sid in enumerate(ids):
            reached[i] += part.reached.get(sid, 0)
    return conversion_of_reached(ids, reached, any(s.kind == StageKind.WON for s in stages), strict)


def conversion_of_reached(chain: list[int], reached: list[int], has_won: bool, strict: bool
                          ) -> Conversion:
    """The steps and the overall rate of the reached counts along ``chain`` (the stage ids
    of :func:`funnel_chain`; ``has_won``: the pipeline has a won stage)."""
    steps = [ConversionStep(chain[i], chain[i + 1], reached[i], reached[i + 1],
                            ratio(reached[i + 1], reached[i])) for i in range(len(chain) - 1)]
    overall = ratio(reached[-1], reached[0]) if chain and has_won else None
    return Conversion(list(chain), dict(zip(chain, reached, strict=True)), steps, overall,
                      strict)
