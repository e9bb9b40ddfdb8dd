"""Two segments side by side (e.g. new vs returning customers, big vs small projects)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from .metrics import Metrics, compute
from .values import FunnelData, Period

#: The compared numbers: key → unit (``count``, ``money`` in minor units, ``rate`` in [0, 1],
#: ``days``, ``money_per_day``). The keys name rules in ``core.metrics.RULES`` where one exists.
NUMBERS: dict[str, str] = {
    "open_count": "count",
    "open_amount": "money",
    "weighted_total": "money",
    "won_count": "count",
    "won_amount": "money",
    "lost_count": "count",
    "win_rate_count": "rate",
    "win_rate_value": "rate",
    "lead_to_win": "rate",
    "overall_conversion": "rate",
    "average_deal": "money",
    "median_deal": "money",
    "cycle_mean": "days",
    "velocity": "money_per_day",
}


@dataclass(frozen=True, slots=True)
class ComparedNumber:
    """``a`` and ``b`` (None when undefined), ``difference`` = b − a, ``ratio`` = b ÷ a."""

    key: str
    unit: str
    a: float | None
    b: float | None
    difference: float | None
    ratio: float | None


@dataclass(frozen=True, slots=True)
class SegmentComparison:
    period: Period
    as_of: date
    numbers: list[ComparedNumber]
    a: Metrics
    b: Metrics

    def number(self, key: str) -> ComparedNumber:
        for n in self.numbers:
            if n.key == key:
                return n
        raise KeyError(key)


def _value(m: Metrics, key: str) -> float | None:
    if key == "overall_conversion":
        return m.conversion.overall
    if key == "velocity":
        return m.velocity
    value: float | None = getattr(m, key)
    return value


def compare_metrics(a: Metrics, b: Metrics) -> list[ComparedNumber]:
    """The key numbers of two computed segments, in the order of :data:`NUMBERS`."""
    out = []
    for key, unit in NUMBERS.items():
        va, vb = _value(a, key), _value(b, key)
        diff = rel = None
        if va is not None and vb is not None:
            diff, rel = vb - va, (vb / va if va else None)
        out.append(ComparedNumber(key, unit, va, vb, diff, rel))
    return out


def compare_segments(a: FunnelData, b: FunnelData, period: Period, as_of: date | None = None,
                     *, strict: bool = False) -> SegmentComparison:
    """Compute both segments over the same period and as-of date and compare them."""
    as_of = as_of or period.end
    ma = compute(a, period, as_of, strict=strict)
    mb = compute(b, period, as_of, strict=strict)
    return SegmentComparison(period, as_of, compare_metrics(ma, mb), ma, mb)
