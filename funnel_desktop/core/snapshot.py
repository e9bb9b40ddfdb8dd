"""The incremental funnel snapshot: per-stage counts and sums that a move updates in O(1).

ARCHITECTURE.md: "The metrics module keeps a snapshot of per-stage counts and sums that a move
updates in O(1); a full recompute from the database is the check that the incremental path
agrees." The snapshot holds

- per stage: count, Σ amount, Σ amount × effective probability (minor·percent, exact), the
  shape of :func:`store.queries.stage_aggregates` (won stages count p = 100, lost p = 0);
- the open deals by expected-close day: count, Σ amount, Σ amount × p (``None`` = undated);
- the won and the lost deals by close day: count, Σ amount.

Every ``apply_*`` is a handful of dict updates (O(1)); the readers (:meth:`strip`,
:meth:`forecast`, :meth:`stage_totals`) walk the stages and the distinct days, never the deals.
Equality (``==``) compares the held sums, so a snapshot kept up to date move by move can be
checked against one rebuilt from the database (``store.analytics_queries.load_snapshot``) or
from plain deals (:meth:`FunnelSnapshot.from_data`). The caller applies only changes of deals
in the snapshot's pipeline and segment (a deal entering or leaving the segment is a create or
a delete). Facts that contradict what was added before (a bucket whose count reaches zero
with money left in it) raise ``ValueError``: rebuild the snapshot then.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from typing import Any

from .dates import month_key
from .metrics import Forecast, MonthForecast, StageTotals, effective_probability
from .stats import weighted_minor
from .values import DealFacts, FunnelData, Period, StageInfo, StageKind


@dataclass(frozen=True, slots=True)
class Strip:
    """The numbers of the strip above the board (money in minor units)."""

    open_count: int
    open_amount: int
    weighted: int
    month: str  # the as-of month, YYYY-MM
    month_count: int  # open deals expected to close in it, from the as-of day on
    month_weighted: int  # this month's forecast
    month_won_count: int
    month_won_amount: int
    overdue_count: int
    overdue_weighted: int


def _bump(table: dict[Any, list[int]], key: object, values: tuple[int, ...], sign: int) -> None:
    row = table.get(key)
    if row is None:
        row = table[key] = [0] * len(values)
    for i, v in enumerate(values):
        row[i] += sign * v
    if row[0] == 0:
        if any(row):
            raise ValueError(f"snapshot out of step at {key!r}: {row}")
        del table[key]


@dataclass(slots=True)
class FunnelSnapshot:
    """Counts and sums of one pipeline (and segment); see the module docstring."""

    stages: dict[int, StageInfo]
    per_stage: dict[int, list[int]] = field(default_factory=dict)  # [n, Σa, Σa×p]
    open_by_day: dict[date | None, list[int]] = field(default_factory=dict)  # [n, Σa, Σa×p]
    won_by_day: dict[date, list[int]] = field(default_factory=dict)  # [n, Σa]
    lost_by_day: dict[date, list[int]] = field(default_factory=dict)  # [n, Σa]
    #: what the readers sum over the days, kept while the days it sums do not change (a
    #: move between open stages touches neither): closed_in by period, the won deals of
    #: forecast by period
    _closed_memo: dict[tuple[str, Period], object] = field(
        default_factory=dict, compare=False, repr=False)

    # -- building ---------------------------------------------------------------------------
    @classmethod
    def from_data(cls, data: FunnelData) -> FunnelSnapshot:
        """A full recompute from plain deals."""
        snap = cls({s.id: s for s in data.stages})
        for d in data.deals:
            snap.apply_create(d)
        return snap

    @classmethod
    def from_aggregates(cls, stages: Iterable[StageInfo],
                        stage_rows: Mapping[int, tuple[int, int, int]],
                        open_rows: Iterable[tuple[date | None, int, int, int]],
                        closed_rows: Iterable[tuple[str, date, int, int]]) -> FunnelSnapshot:
        """A full recompute from SQL aggregates: ``stage_rows`` as from
        ``store.queries.stage_aggregates``; ``open_rows`` (expected close, n, Σa, Σa×p) of
        open deals; ``closed_rows`` (``won``/``lost``, close day, n, Σa)."""
        snap = cls({s.id: s for s in stages})
        for sid, (n, amount, wp) in stage_rows.items():
            if not n:
                continue
            kind = snap.stages[sid].kind
            if kind == StageKind.WON:
                wp = amount * 100
            elif kind == StageKind.LOST:
                wp = 0
            _bump(snap.per_stage, sid, (n, amount, wp), 1)
        for day, n, amount, wp in open_rows:
            if n:
                _bump(snap.open_by_day, day, (n, amount, wp), 1)
        for outcome, day, n, amount in closed_rows:
            if n:
                _bump(snap.won_by_day if outcome == "won" else snap.lost_by_day, day,
                      (n, amount), 1)
        return snap

    # -- O(1) updates -----------------------------------------------------------------------
    def _add(self, deal: DealFacts, sign: int) -> None:
        stage = self.stages.get(deal.stage_id)
        if stage is None:
            raise KeyError(f"stage {deal.stage_id} is not in this snapshot's pipeline")
        wp = deal.amount * effective_probability(deal, stage)
        _bump(self.per_stage, stage.id, (1, deal.amount, wp), sign)
        if stage.kind == StageKind.OPEN:
            _bump(self.open_by_day, deal.expected_close, (1, deal.amount, wp), sign)
        elif deal.closed is not None:
            table = self.won_by_day if stage.kind == StageKind.WON else self.lost_by_day
            _bump(table, deal.closed.date(), (1, deal.amount), sign)
            self._closed_memo.clear()

    def apply_create(self, deal: DealFacts) -> None:
        """A new deal (or one that entered the segment)."""
        self._add(deal, 1)

    def apply_delete(self, deal: DealFacts) -> None:
        """A deleted deal (or one that left the segment), with its facts before deletion."""
        self._add(deal, -1)

    def apply_move(self, deal: DealFacts, old_stage_id: int, new_stage_id: int) -> None:
        """A stage move between open stages (``deal.stage_id`` is not used). A probability the
        user set on the deal is kept; otherwise the new stage's applies."""
        self._add(replace(deal, stage_id=old_stage_id), -1)
        self._add(replace(deal, stage_id=new_stage_id), 1)

    def apply_close(self, deal: DealFacts, closing_stage_id: int, closed_at: datetime) -> None:
        """An open deal (facts before closing) closed into a won or lost stage."""
        self._add(deal, -1)
        self._add(replace(deal, stage_id=closing_stage_id, closed=closed_at), 1)

    def apply_edit(self, old: DealFacts | None, new: DealFacts | None) -> None:
        """Any other change — an edit of amount, probability or expected close, a reopen, an
        undo — as the deal's facts before and after (None: it did not exist / is gone)."""
        if old is not None:
            self._add(old, -1)
        if new is not None:
            self._add(new, 1)

    # -- reading ----------------------------------------------------------------------------
    def _ordered(self, kind: StageKind | None = None) -> list[StageInfo]:
        return [s for s in sorted(self.stages.values(), key=lambda s: s.position)
                if kind is None or s.kind == kind]

    def stage_totals(self) -> list[StageTotals]:
        """Per open stage in order: count, amount, weighted (as ``metrics.open_totals``)."""
        out = []
        for s in self._ordered(StageKind.OPEN):
            n, amount, wp = self.per_stage.get(s.id, (0, 0, 0))
            out.append(StageTotals(s.id, n, amount, weighted_minor(wp)))
        return out

    def aggregates(self) -> dict[int, tuple[int, int, int]]:
        """stage id → (count, Σ amount, Σ amount × p), stages with deals only."""
        return {sid: (row[0], row[1], row[2]) for sid, row in self.per_stage.items()}

    def open_totals(self) -> tuple[int, int, int]:
        """(open deals, pipeline total, weighted total) in minor units."""
        n = amount = wp = 0
        for s in self._ordered(StageKind.OPEN):
            row = self.per_stage.get(s.id)
            if row:
                n, amount, wp = n + row[0], amount + row[1], wp + row[2]
        return n, amount, weighted_minor(wp)

    def strip(self, as_of: date) -> Strip:
        """Open totals, this month's forecast (open deals expected from ``as_of`` to the
        month's end, weighted), this month's wins, and the overdue deals."""
        n, amount, weighted = self.open_totals()
        key = month_key(as_of)
        mn = mwp = on = owp = 0
        for day, row in self.open_by_day.items():
            if day is None:
                continue
            if day < as_of:
                on += row[0]
                owp += row[2]
            elif month_key(day) == key:
                mn += row[0]
                mwp += row[2]
        won_n = won_a = 0
        for day, row in self.won_by_day.items():
            if month_key(day) == key and day <= as_of:
                won_n += row[0]
                won_a += row[1]
        return Strip(n, amount, weighted, key, mn, weighted_minor(mwp), won_n, won_a, on,
                     weighted_minor(owp))

    def forecast(self, period: Period, as_of: date) -> Forecast:
        """The same :class:`core.metrics.Forecast` as ``metrics.forecast_by_month``."""
        f = Forecast()
        months: dict[str, MonthForecast] = {}
        acc: dict[str, int] = {}
        overdue = undated = 0
        for day, (n, amount, wp) in self.open_by_day.items():
            if day is None:
                f.undated_count += n
                f.undated_amount += amount
                undated += wp
            elif day < as_of:
                f.overdue_count += n
                f.overdue_amount += amount
                overdue += wp
            else:
                key = month_key(day)
                m = months.setdefault(key, MonthForecast(key))
                m.open_count += n
                m.open_amount += amount
                acc[key] = acc.get(key, 0) + wp
        for key, (n, amount) in self._won_months(period).items():
            m = months.setdefault(key, MonthForecast(key))
            m.won_count += n
            m.won_amount += amount
        for key, wp in acc.items():
            months[key].weighted = weighted_minor(wp)
        f.overdue_weighted = weighted_minor(overdue)
        f.undated_weighted = weighted_minor(undated)
        f.months = [months[k] for k in sorted(months)]
        return f

    def _won_months(self, period: Period) -> dict[str, tuple[int, int]]:
        """YYYY-MM → (count, Σ amount) of the deals won in ``period``."""
        memo = self._closed_memo
        found = memo.get(("months", period))
        if found is None:
            acc: dict[str, list[int]] = {}
            for day, (n, amount) in self.won_by_day.items():
                if period.contains(day):
                    row = acc.setdefault(month_key(day), [0, 0])
                    row[0] += n
                    row[1] += amount
            found = memo[("months", period)] = {k: (v[0], v[1]) for k, v in acc.items()}
        return found  # type: ignore[return-value]

    def closed_in(self, period: Period) -> tuple[int, int, int, int]:
        """(won count, won amount, lost count, lost amount) closed in ``period``."""
        memo = self._closed_memo
        found = memo.get(("closed", period))
        if found is not None:
            return found  # type: ignore[return-value]
        start, end = period.start, period.end  # the days are dates: compared inline
        won = [row for day, row in self.won_by_day.items()
               if (start <= day <= end if day.__class__ is date else period.contains(day))]
        lost = [row for day, row in self.lost_by_day.items()
                if (start <= day <= end if day.__class__ is date else period.contains(day))]
        out = (sum(r[0] for r in won), sum(r[1] for r in won), sum(r[0] for r in lost),
               sum(r[1] for r in lost))
        memo[("closed", period)] = out
        return out

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, FunnelSnapshot):
            return NotImplemented
        return (self.per_stage == other.per_stage and self.open_by_day == other.open_by_day
                and self.won_by_day == other.won_by_day
                and self.lost_by_day == other.lost_by_day
                and set(self.stages) == set(other.stages))
