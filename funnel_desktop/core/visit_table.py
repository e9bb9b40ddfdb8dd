"""Stage visits held as four integer columns instead of one object per stay.

A :class:`StageVisit` with its two datetimes and its deal id costs about 190 bytes; a row of
:class:`VisitTable` costs 32 (times as microseconds since 1970, ``array('q')``). The table is
a sequence of :class:`StageVisit` (iterating or indexing makes them, equal to what was added,
in the same order), so every function written for a list of visits takes it unchanged; the
hot readers (``metrics``, ``funnel_chart``) use :meth:`VisitTable.visited` and
:meth:`VisitTable.time_in_stage_days` instead, which read the columns and give exactly the same
results as their loops over the objects.
"""

from __future__ import annotations

from array import array
from collections.abc import Collection, Iterable, Iterator, Sequence
from datetime import datetime, timedelta
from typing import overload

from .values import Period, StageVisit

EPOCH = datetime(1970, 1, 1)
ONE_US = timedelta(microseconds=1)
#: ``left`` of a stay not yet ended.
OPEN_END = -(2 ** 63)


def to_us(moment: datetime) -> int:
    """A naive datetime as whole microseconds since 1970-01-01 (exact)."""
    return (moment - EPOCH) // ONE_US


def from_us(us: int) -> datetime:
    """The naive datetime ``us`` microseconds after 1970-01-01 (:func:`to_us` undone)."""
    return EPOCH + timedelta(microseconds=us)


class VisitTable(Sequence[StageVisit]):
    """Stage visits in columns (deal id, stage id, entered, left), in the order added."""

    __slots__ = ("deal", "entered", "left", "stage")

    def __init__(self) -> None:
        self.deal = array("q")
        self.stage = array("q")
        self.entered = array("q")
        self.left = array("q")

    @classmethod
    def of(cls, visits: Iterable[StageVisit]) -> VisitTable:
        """A table of these visits."""
        table = cls()
        for v in visits:
            table.append(v.deal_id, v.stage_id, v.entered, v.left)
        return table

    def append(self, deal_id: int, stage_id: int, entered: datetime,
               left: datetime | None) -> None:
        """Add one stay at the end (``left`` None: not ended)."""
        self.deal.append(deal_id)
        self.stage.append(stage_id)
        self.entered.append((entered - EPOCH) // ONE_US)
        self.left.append(OPEN_END if left is None else (left - EPOCH) // ONE_US)

    # -- the sequence -----------------------------------------------------------------------
    def __len__(self) -> int:
        return len(self.deal)

    @overload
    def __getitem__(self, index: int) -> StageVisit: ...

    @overload
    def __getitem__(self, index: slice) -> list[StageVisit]: ...

    def __getitem__(self, index: int | slice) -> StageVisit | list[StageVisit]:
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self)))]
        left = self.left[index]
        return StageVisit(self.deal[index], self.stage[index], from_us(self.entered[index]),
                          None if left == OPEN_END else from_us(left))

    def __iter__(self) -> Iterator[StageVisit]:
        for d, s, e, left in zip(self.deal, self.stage, self.entered, self.left, strict=True):
            yield StageVisit(d, s, from_us(e), None if left == OPEN_END else from_us(left))

    def __eq__(self, other: object) -> bool:
        if isinstance(other, VisitTable):
            return (self.deal == other.deal and self.stage == other.stage
                    and self.entered == other.entered and self.left == other.left)
        if isinstance(other, list):
            return len(other) == len(self) and all(a == b for a, b in zip(self, other, strict=True))
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"VisitTable({len(self)} visits)"

    # -- what the numbers read --------------------------------------------------------------
    def subset(self, deal_ids: Collection[int]) -> VisitTable:
        """The visits of these deals, in the same order."""
        out = VisitTable()
        keep = [i for i, d in enumerate(self.deal) if d in deal_ids]
        for src, dst in ((self.deal, out.deal), (self.stage, out.stage),
                         (self.entered, out.entered), (self.left, out.left)):
            dst.extend(src[i] for i in keep)
        return out

    def visited(self, deal_ids: Collection[int] | None = None) -> dict[int, frozenset[int]]:
        """deal id → the stage ids its visits put it in, for the deals in ``deal_ids`` (None:
        every deal) that have a visit. Equal sets are one shared object (a handful of stage
        combinations cover every deal)."""
        out: dict[int, frozenset[int]] = {}
        grown: dict[tuple[frozenset[int] | None, int], frozenset[int]] = {}
        get = out.get
        for d, s in zip(self.deal, self.stage, strict=True):
            if deal_ids is not None and d not in deal_ids:
                continue
            had = get(d)
            if had is not None and s in had:
                continue
            now = grown.get((had, s))
            if now is None:
                now = grown[(had, s)] = frozenset((s,)) if had is None else had | {s}
            out[d] = now
        return out

    def time_in_stage_days(self, period: Period, as_of: datetime) -> dict[int, list[float]]:
        """stage id → days per deal in it (re-entries summed), for the deals that entered it
        in ``period`` — exactly ``core.metrics._time_in_stage_days`` of these visits (each
        deal's stays summed in whole microseconds, then divided once)."""
        entered_in_period: set[tuple[int, int]] = set()
        first, after = period.moment_bounds()
        start = to_us(first)
        stop = 2 ** 63 - 1 if after is None else to_us(after)
        now = to_us(as_of)
        add = entered_in_period.add
        for did, sid, e in zip(self.deal, self.stage, self.entered, strict=True):
            if start <= e < stop:
                add((sid, did))
        # the sums only for the stays counted
        per: dict[int, dict[int, int]] = {}
        wanted = entered_in_period
        for did, sid, e, left in zip(self.deal, self.stage, self.entered, self.left,
                                     strict=True):
            if (sid, did) not in wanted:
                continue
            by_deal = per.get(sid)
            if by_deal is None:
                by_deal = per[sid] = {}
            us = (now if left == OPEN_END else left) - e
            by_deal[did] = by_deal.get(did, 0) + (us if us > 0 else 0)
        days: dict[int, list[float]] = {}
        for sid, did in entered_in_period:
            days.setdefault(sid, []).append(per[sid][did] / 1000000 / 86400)
        return days
