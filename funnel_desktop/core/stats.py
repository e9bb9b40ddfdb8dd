"""Small statistics helpers on plain numbers."""

from __future__ import annotations

from statistics import median as _median


def mean(values: list[float] | list[int]) -> float | None:
    return sum(values) / len(values) if values else None


def median(values: list[float] | list[int]) -> float | None:
    return float(_median(values)) if values else None


def ratio(num: float, den: float) -> float | None:
    """num / den, or None when the denominator is zero (shown as “—”)."""
    return num / den if den else None


def weighted_minor(amount_times_p: int) -> int:
    """Σ(amount × probability) in minor·percent → minor units, rounded half up."""
    return (amount_times_p + 50) // 100
