"""Progress toward a target, one rule for the board's strip, the Analytics page, the weekly
report, the metrics command and the health findings.

The target of a period is the sum of the targets of the whole months inside it (a month's
own target, else its even share of the quarter's or year's: ``forecast_chart.
monthly_targets``), None when none has one. Progress is what was won from the period's first
day to the day looked at ÷ that target; what is still missing is the target − won (never
below 0); coverage is open pipeline value (or weighted value) ÷ what is missing.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date

from .dates import month_end, period_of
from .forecast_chart import TargetRow, month_keys, monthly_targets
from .stats import ratio
from .values import Period


def missing_to(target: int | None, won: int) -> int | None:
    """What is still missing to ``target`` (never below 0); None without a target."""
    return max(0, target - won) if target else None


def coverage_of(amount: int, target: int | None, won: int) -> float | None:
    """``amount`` ÷ what is still missing to the target; None without a target or when
    nothing is missing."""
    missing = missing_to(target, won)
    return ratio(amount, missing) if missing is not None else None


@dataclass(frozen=True, slots=True)
class TargetProgress:
    """Won so far against the target of one period (``kind``: month / quarter / year, or
    ``period`` for any other)."""

    kind: str
    period: Period
    target: int | None  # minor units; None: no target set
    won: int  # won from the period's first day to the day looked at
    open_amount: int = 0  # the open pipeline now
    weighted: int = 0

    @property
    def share(self) -> float | None:
        """won ÷ target (None without a target)."""
        return self.won / self.target if self.target else None

    @property
    def missing(self) -> int | None:
        return missing_to(self.target, self.won)

    @property
    def coverage(self) -> float | None:
        return coverage_of(self.open_amount, self.target, self.won)

    @property
    def weighted_coverage(self) -> float | None:
        return coverage_of(self.weighted, self.target, self.won)


def period_target(months: Mapping[str, int], period: Period) -> int | None:
    """The target of ``period`` from the targets of its months (``YYYY-MM`` → minor units):
    the months wholly inside it summed, None when none has one."""
    whole = {k: v for k, v in months.items()
             if period.start <= _first_day(k) and month_end(_first_day(k)) <= period.end}
    return sum(whole.values()) if whole else None


def _first_day(key: str) -> date:
    return date(int(key[:4]), int(key[5:7]), 1)


def progress(period: Period, rows: Iterable[TargetRow], won: int, *, kind: str = "period",
             open_amount: int = 0, weighted: int = 0) -> TargetProgress:
    """Progress toward the target of ``period`` read from the target rows that overlap it
    (one scope's), with ``won`` won in it so far."""
    months = monthly_targets(rows, month_keys(period.start, period.end))
    return TargetProgress(kind, period, period_target(months, period), won, open_amount,
                          weighted)


def calendar_progress(kind: str, day: date, rows: Iterable[TargetRow], won: int, *,
                      open_amount: int = 0, weighted: int = 0) -> TargetProgress:
    """:func:`progress` of the calendar month / quarter / year containing ``day``."""
    return progress(period_of(kind, day), rows, won, kind=kind, open_amount=open_amount,
                    weighted=weighted)
