"""Deal-size band distribution: open, won and lost deals per size band."""

from __future__ import annotations

from dataclasses import dataclass

from .metrics import effective_probability
from .planning import DEFAULT_BANDS, band_of
from .stats import ratio, weighted_minor
from .values import FunnelData, Period, StageKind

RULE = ("Deals by amount band (lower bound inclusive): open deals now, and deals won or lost "
        "in the period; win rate = won ÷ (won + lost) by count.")


@dataclass(frozen=True, slots=True)
class BandLine:
    """One band [lower, upper) in minor units (``upper`` None: no upper bound)."""

    lower: int
    upper: int | None
    open_count: int
    open_amount: int
    weighted: int
    won_count: int
    won_amount: int
    lost_count: int
    lost_amount: int
    win_rate: float | None


def size_band_distribution(data: FunnelData, period: Period,
                           bounds: tuple[int, ...] = DEFAULT_BANDS) -> list[BandLine]:
    """One line per band of ``bounds`` (ascending lower bounds; the first should be 0)."""
    by_id = {s.id: s for s in data.stages}
    n = len(bounds)
    acc = [[0] * 7 for _ in range(n)]  # open n, open a, Σa×p, won n, won a, lost n, lost a
    for d in data.deals:
        s = by_id.get(d.stage_id)
        if s is None:
            continue
        row = acc[band_of(d.amount, bounds)]
        if s.kind == StageKind.OPEN:
            row[0] += 1
            row[1] += d.amount
            row[2] += d.amount * effective_probability(d, s)
        elif period.contains(d.closed):
            i = 3 if s.kind == StageKind.WON else 5
            row[i] += 1
            row[i + 1] += d.amount
    return [BandLine(bounds[i], bounds[i + 1] if i + 1 < n else None, r[0], r[1],
                     weighted_minor(r[2]), r[3], r[4], r[5], r[6], ratio(r[3], r[3] + r[5]))
            for i, r in enumerate(acc)]
