"""Reverse planning (目标倒推): from a revenue target to the deals needed at every stage."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from fractions import Fraction

from .errors import ValidationError

#: Default size bands in minor units: <10k, 10–30k, 30–50k, ≥50k.
DEFAULT_BANDS: tuple[int, ...] = (0, 1_000_000, 3_000_000, 5_000_000)


@dataclass(frozen=True, slots=True)
class BandNeed:
    lower: int  # minor units, inclusive
    upper: int | None  # exclusive; None = no upper bound
    won_count: int  # won deals of this size in the history
    won_value: int
    needed: int


@dataclass(frozen=True, slots=True)
class StageNeed:
    stage_id: int
    needed: int
    open_now: int
    shortfall: int
    conversion: float | None  # this stage → next


@dataclass(frozen=True, slots=True)
class Plan:
    target: int
    average_size: float
    wins_needed: int
    bands: list[BandNeed]
    stages: list[StageNeed]  # from the first stage down to the last open stage
    complete: bool  # False when a zero conversion stopped the walk up the funnel
    blocked_at: int | None = None


def ceil_div(a: int, b: int) -> int:
    return -(-a // b)


def band_of(amount: int, bounds: tuple[int, ...]) -> int:
    index = 0
    for i, lower in enumerate(bounds):
        if amount >= lower:
            index = i
    return index


def wins_needed(target: int, won_amounts: list[int], bounds: tuple[int, ...] | None
                ) -> tuple[int, list[BandNeed]]:
    """Wins needed for ``target``: T ÷ average deal size, or, with size bands, summed per band
    as ceil(T × wins in band ÷ total won value) — the band's share of value over its mean."""
    if target <= 0:
        raise ValidationError("target_invalid", "target", value=str(target / 100))
    total = sum(won_amounts)
    if not won_amounts or total <= 0:
        raise ValidationError("no_history", "target")
    if not bounds:
        return ceil_div(target * len(won_amounts), total), []
    counts = [0] * len(bounds)
    values = [0] * len(bounds)
    for a in won_amounts:
        b = band_of(a, bounds)
        counts[b] += 1
        values[b] += a
    bands = []
    for i, lower in enumerate(bounds):
        upper = bounds[i + 1] if i + 1 < len(bounds) else None
        bands.append(BandNeed(lower, upper, counts[i], values[i],
                              ceil_div(target * counts[i], total)))
    return sum(b.needed for b in bands), bands


def reverse_plan(target: int, won_amounts: list[int], stage_ids: list[int],
                 conversions: Sequence[Fraction | float | None], open_now: dict[int, int],
                 bounds: tuple[int, ...] | None = None) -> Plan:
    """The plan for ``target``.

    ``stage_ids`` are the open stages in order; ``conversions[k]`` is the rate from stage k to
    the next (the last one: to won). needed(last) = ceil(wins ÷ conv(last → won)), then
    needed(k) = ceil(needed(k+1) ÷ conv(k → k+1)).
    """
    if len(conversions) != len(stage_ids):
        raise ValueError("one conversion per open stage")
    wins, bands = wins_needed(target, won_amounts, bounds)
    needs: list[StageNeed] = []
    following = wins
    complete, blocked = True, None
    for sid, conv in zip(reversed(stage_ids), reversed(conversions), strict=True):
        if not conv:
            complete, blocked = False, sid
            break
        exact = as_fraction(conv)
        needed = ceil_div(following * exact.denominator, exact.numerator)
        have = open_now.get(sid, 0)
        needs.append(StageNeed(sid, needed, have, max(0, needed - have), float(conv)))
        following = needed
    needs.reverse()
    average = sum(won_amounts) / len(won_amounts)
    return Plan(target, average, wins, bands, needs, complete, blocked)


def as_fraction(rate: Fraction | float) -> Fraction:
    """An exact rate, so that ceil(38 ÷ 0.75) is 51 and not 52 by a float's last bit."""
    if isinstance(rate, Fraction):
        return rate
    return Fraction(str(rate)).limit_denominator(1_000_000)


def round_rate(rate: float | None, digits: int = 4) -> float | None:
    """A rate rounded for display or JSON (None stays None)."""
    return None if rate is None or math.isnan(rate) else round(rate, digits)
