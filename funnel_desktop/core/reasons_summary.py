"""Won and lost reasons summarised: counts and value per reason and per category."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from .stats import ratio

RULE = ("Deals closed in the period, by the reason kept when they were closed: count and "
        "amount per reason and per category, and each one's share of the won (or lost) total.")


@dataclass(frozen=True, slots=True)
class ReasonRow:
    """One aggregate row from the database: closed deals of one kind with one reason.
    ``reason_id`` None (label and category "") = closed without a kept reason."""

    kind: str  # won / lost
    reason_id: int | None
    label: str
    category: str
    count: int
    amount: int


@dataclass(frozen=True, slots=True)
class ReasonLine:
    reason_id: int | None
    label: str
    category: str
    count: int
    amount: int
    share_count: float | None  # of the kind's total count
    share_amount: float | None


@dataclass(frozen=True, slots=True)
class CategoryLine:
    category: str  # "" = no reason / no category
    count: int
    amount: int
    share_count: float | None
    share_amount: float | None


@dataclass(frozen=True, slots=True)
class ReasonSummary:
    """All reasons of one kind, most frequent first (then by amount, then label)."""

    kind: str
    count: int
    amount: int
    reasons: list[ReasonLine]
    categories: list[CategoryLine]


def reasons_summary(rows: Iterable[ReasonRow]) -> dict[str, ReasonSummary]:
    """``{"won": …, "lost": …}`` (both always present; empty when nothing closed)."""
    out = {}
    rows = list(rows)
    for kind in ("won", "lost"):
        merged: dict[int | None, list[Any]] = {}
        for r in rows:
            if r.kind != kind:
                continue
            line = merged.setdefault(r.reason_id, [r.label, r.category, 0, 0])
            line[2] += r.count
            line[3] += r.amount
        total_count = sum(v[2] for v in merged.values())
        total_amount = sum(v[3] for v in merged.values())
        reasons = sorted(
            (ReasonLine(rid, label, cat, n, a, ratio(n, total_count), ratio(a, total_amount))
             for rid, (label, cat, n, a) in merged.items()),
            key=lambda x: (-x.count, -x.amount, x.label))
        cats: dict[str, list[int]] = {}
        for rl in reasons:
            c = cats.setdefault(rl.category, [0, 0])
            c[0] += rl.count
            c[1] += rl.amount
        categories = sorted(
            (CategoryLine(cat, n, a, ratio(n, total_count), ratio(a, total_amount))
             for cat, (n, a) in cats.items()),
            key=lambda x: (-x.count, -x.amount, x.category))
        out[kind] = ReasonSummary(kind, total_count, total_amount, reasons, categories)
    return out
