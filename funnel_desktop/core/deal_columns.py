"""Deals held as numpy columns instead of one object per deal, and what the numbers read of a
pipeline's stages, as arrays.

A :class:`DealFacts` of a closed deal costs about 200 bytes and every number walks them one by
one in Python; a row of :class:`DealColumns` costs 64 bytes and the numbers over 100,000 deals
are a few array operations (``core.column_metrics``, ``core.column_charts``), with exactly the
results of the loops over the objects. Times are whole microseconds since 1970
(:mod:`core.visit_table`'s clock), days are whole days since 1970-01-01, a missing value is
:data:`NONE`. Money stays exact: amounts are 64-bit integers as long as no sum of amount ×
probability can leave that range, else Python integers (``dtype=object``).
"""

from __future__ import annotations

from array import array
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime

import numpy as np

from .conversion import funnel_chain
from .values import DealFacts, Period, StageInfo, StageKind
from .visit_table import EPOCH, ONE_US, OPEN_END, VisitTable

#: A missing moment, day, probability or id.
NONE = -(2 ** 63)
#: The largest moment (a period that runs to ``date.max``).
FOREVER = 2 ** 63 - 1
US_PER_DAY = 86_400_000_000
_EPOCH_DAY = date(1970, 1, 1).toordinal()
#: Kind codes of :attr:`StageCodes.kind`.
OPEN, WON, LOST, UNKNOWN = 0, 1, 2, -1
_KIND_CODE = {StageKind.OPEN: OPEN, StageKind.WON: WON, StageKind.LOST: LOST}
#: The largest amount × probability × count kept in 64 bits.
_SAFE = 2 ** 62


def day_number(day: date) -> int:
    """Whole days since 1970-01-01."""
    return day.toordinal() - _EPOCH_DAY


def day_of_number(n: int) -> date:
    """:func:`day_number` undone."""
    return date.fromordinal(n + _EPOCH_DAY)


def moment_us(moment: datetime) -> int:
    """A naive datetime as whole microseconds since 1970."""
    return (moment - EPOCH) // ONE_US


def period_us(period: Period) -> tuple[int, int]:
    """[start, stop) of ``period`` in microseconds: a moment ``m`` is in the period exactly
    when ``start <= m < stop`` (``Period.contains`` of its day)."""
    start, stop = period.moment_bounds()
    return moment_us(start), FOREVER if stop is None else moment_us(stop)


def in_period(moments: np.ndarray, period: Period) -> np.ndarray:
    """Which of ``moments`` (µs, :data:`NONE` for none) fall in ``period``."""
    start, stop = period_us(period)
    return (moments >= start) & (moments < stop)


def days_of(moments: np.ndarray) -> np.ndarray:
    """The day (days since 1970) of each moment — ``datetime.date()`` of each."""
    return moments // US_PER_DAY


def month_numbers(days: np.ndarray) -> np.ndarray:
    """year × 12 + month − 1 of each day (days since 1970)."""
    months = days.astype("datetime64[D]").astype("datetime64[M]").astype(np.int64)
    return months + 1970 * 12


def month_text(n: int) -> str:
    """``YYYY-MM`` of a :func:`month_numbers` value (``core.dates.month_key``)."""
    year, month = divmod(int(n), 12)
    return f"{year:04d}-{month + 1:02d}"


@dataclass(slots=True, eq=False)
class DealColumns:
    """Deals in columns, in the order added: id, stage id, amount (minor units), created and
    closed (µs), the deal's own probability, its expected close day, its owner, its customer
    and the reason kept when it was closed."""

    id: np.ndarray
    stage: np.ndarray
    amount: np.ndarray
    created: np.ndarray
    closed: np.ndarray
    probability: np.ndarray
    expected: np.ndarray
    owner: np.ndarray
    customer: np.ndarray
    reason: np.ndarray

    @classmethod
    def build(cls, ids: Sequence[int], stages: Sequence[int], amounts: Sequence[int],
              created: Sequence[int], closed: Sequence[int], probabilities: Sequence[int],
              expected: Sequence[int], owners: Sequence[int], customers: Sequence[int],
              reasons: Sequence[int]) -> DealColumns:
        """Columns of integer sequences (missing values :data:`NONE`)."""
        def ints(values: Sequence[int]) -> np.ndarray:
            return np.asarray(values, dtype=np.int64)

        return cls(ints(ids), ints(stages), exact_amounts(amounts), ints(created),
                   ints(closed), ints(probabilities), ints(expected), ints(owners),
                   ints(customers), ints(reasons))

    @classmethod
    def of(cls, deals: Iterable[DealFacts], reasons: dict[int, int] | None = None
           ) -> DealColumns:
        """The columns of these deals (``reasons``: deal id → kept close reason)."""
        reasons = reasons or {}

        def opt(v: int | None) -> int:
            return NONE if v is None else v

        rows = [(d.id, d.stage_id, d.amount, moment_us(d.created),
                 NONE if d.closed is None else moment_us(d.closed), opt(d.probability),
                 NONE if d.expected_close is None else day_number(d.expected_close),
                 opt(d.owner_id), opt(d.customer_id), opt(reasons.get(d.id)))
                for d in deals]
        if not rows:
            return cls.build([], [], [], [], [], [], [], [], [], [])
        return cls.build(*zip(*rows, strict=True))

    def __len__(self) -> int:
        return len(self.id)

    def take(self, which: np.ndarray) -> DealColumns:
        """The deals selected by a boolean mask (or an index array), in the same order."""
        return DealColumns(self.id[which], self.stage[which], self.amount[which],
                           self.created[which], self.closed[which], self.probability[which],
                           self.expected[which], self.owner[which], self.customer[which],
                           self.reason[which])

    def index_of(self, ids: np.ndarray) -> np.ndarray:
        """The position of each of ``ids`` in the columns (−1 for an id not held)."""
        if not len(self.id):
            return np.full(len(ids), -1, dtype=np.int64)
        order = np.argsort(self.id, kind="stable")
        sorted_ids = self.id[order]
        at = np.searchsorted(sorted_ids, ids)
        at = np.minimum(at, len(sorted_ids) - 1)
        found = sorted_ids[at] == ids
        return np.where(found, order[at], -1)

    def set_row(self, index: int, *, stage: int | None = None, closed: int | None = None,
                amount: int | None = None, probability: int | None = None,
                expected: int | None = None) -> None:
        """Change one deal in place (a move the page applies without recomputing)."""
        for column, value in ((self.stage, stage), (self.closed, closed),
                              (self.amount, amount), (self.probability, probability),
                              (self.expected, expected)):
            if value is not None:
                column[index] = value
        if amount is not None and self.amount.dtype != object \
                and abs(amount) * 100 * max(1, len(self)) >= _SAFE:
            self.amount = self.amount.astype(object)


def exact_amounts(values: Sequence[int] | np.ndarray) -> np.ndarray:
    """Amounts as 64-bit integers when every sum of amount × probability (≤ 100) over them
    stays inside 64 bits, else as Python integers (exact, slower)."""
    try:
        arr = np.asarray(values, dtype=np.int64)
    except OverflowError:
        return np.array([int(v) for v in values], dtype=object)
    if len(arr) and int(np.abs(arr).max()) * 100 * len(arr) >= _SAFE:
        return arr.astype(object)
    return arr


def total(values: np.ndarray) -> int:
    """The exact sum of integer values (64-bit or Python integers) as a Python int."""
    if not len(values):
        return 0
    if values.dtype == object:
        return sum(int(v) for v in values)
    return int(values.sum())


def group_sums(groups: np.ndarray, values: np.ndarray, n: int) -> list[int]:
    """Σ values per group index in 0 … n − 1, exact, as Python ints."""
    out = np.zeros(n, dtype=object if values.dtype == object else np.int64)
    if len(groups):
        np.add.at(out, groups, values)
    return [int(v) for v in out]


@dataclass(slots=True, eq=False)
class StageCodes:
    """What the numbers read of the deals' stages, as arrays over the deals: the kind code
    (:data:`OPEN` / :data:`WON` / :data:`LOST`, :data:`UNKNOWN` for a stage not in the
    list), the stage's probability, its position in the funnel chain (open stages in order,
    then the first won stage; −1 elsewhere) and its index in ``stages``."""

    stages: list[StageInfo]
    chain: list[StageInfo]
    kind: np.ndarray
    index: np.ndarray
    stage_probability: np.ndarray
    chain_position: np.ndarray

    @classmethod
    def of(cls, stages: list[StageInfo], stage_ids: np.ndarray) -> StageCodes:
        chain = funnel_chain(stages)
        chain_pos = {s.id: i for i, s in enumerate(chain) if s.kind == StageKind.OPEN}
        if not stages:
            none = np.full(len(stage_ids), -1, dtype=np.int64)
            return cls(stages, chain, none.copy(), none.copy(), np.zeros_like(none), none)
        ids = np.array([s.id for s in stages], dtype=np.int64)
        order = np.argsort(ids, kind="stable")
        sorted_ids = ids[order]
        at = np.minimum(np.searchsorted(sorted_ids, stage_ids), len(ids) - 1)
        known = sorted_ids[at] == stage_ids
        index = np.where(known, order[at], -1)
        kinds = np.array([_KIND_CODE.get(s.kind, UNKNOWN) for s in stages] + [UNKNOWN],
                         dtype=np.int64)
        probs = np.array([s.probability for s in stages] + [0], dtype=np.int64)
        positions = np.array([chain_pos.get(s.id, -1) for s in stages] + [-1],
                             dtype=np.int64)
        return cls(stages, chain, kinds[index], index, probs[index], positions[index])

    def effective_probability(self, probability: np.ndarray) -> np.ndarray:
        """``metrics.effective_probability`` of each deal: won 100, lost 0, an open deal its
        own probability if set, else its stage's (0 for a stage not in the list)."""
        own = np.where(probability != NONE, probability, self.stage_probability)
        return np.where(self.kind == WON, 100, np.where(self.kind == LOST, 0, own))


def visited_bits(deals: DealColumns, visits: VisitTable, chain_stages: list[StageInfo]
                 ) -> np.ndarray | None:
    """Per deal (in column order): a bit mask of the funnel-chain positions of the open
    stages its visits ever put it in (bit i: chain position i) — ``visited_stages`` restricted
    to the chain's open stages. None when the chain has more open stages than a 64-bit mask
    holds (the caller then counts the objects)."""
    opened = [s for s in chain_stages if s.kind == StageKind.OPEN]
    if len(opened) > 62:
        return None
    bits = np.zeros(len(deals), dtype=np.int64)
    if not len(visits) or not len(deals) or not opened:
        return bits
    v_deal = np.frombuffer(visits.deal, dtype=np.int64)
    v_stage = np.frombuffer(visits.stage, dtype=np.int64)
    position = {s.id: i for i, s in enumerate(opened)}
    open_ids = np.array(list(position), dtype=np.int64)
    keep = np.isin(v_stage, open_ids)
    if not keep.any():
        return bits
    v_deal, v_stage = v_deal[keep], v_stage[keep]
    row = deals.index_of(v_deal)
    held = row >= 0
    lookup = np.array([position[i] for i in open_ids.tolist()], dtype=np.int64)
    order = np.argsort(open_ids)
    pos = lookup[order][np.searchsorted(open_ids[order], v_stage[held])]
    np.bitwise_or.at(bits, row[held], np.left_shift(np.int64(1), pos))
    return bits


def highest_bit(bits: np.ndarray, width: int) -> np.ndarray:
    """The highest set bit of each mask below ``width`` (−1 for none)."""
    top = np.full(len(bits), -1, dtype=np.int64)
    for p in range(width):
        top = np.where((bits >> p) & 1 == 1, p, top)
    return top




@dataclass(slots=True, eq=False)
class ColumnData:
    """One pipeline's deals, cut to a segment, for the numbers: its stages, every deal in
    :class:`DealColumns`, the open ones also as :class:`DealFacts` (what the health rules,
    the simulation and the page's lists read of them), and the stays in a
    :class:`VisitTable`. ``deals`` are the open deals only: the numbers over every deal are
    the column functions' (``core.column_metrics``, ``core.column_charts``)."""

    stages: list[StageInfo]
    columns: DealColumns
    deals: list[DealFacts]
    visits: VisitTable
    _codes: StageCodes | None = None
    _bits: np.ndarray | None = None
    _visit_rows: np.ndarray | None = None

    def codes(self) -> StageCodes:
        """The stage codes of the deals (kept until a deal changes stage)."""
        if self._codes is None:
            self._codes = StageCodes.of(self.stages, self.columns.stage)
        return self._codes

    def bits(self) -> np.ndarray | None:
        """:func:`visited_bits` of the deals (kept; None when the chain is too long)."""
        if self._bits is None:
            self._bits = visited_bits(self.columns, self.visits, self.codes().chain)
        return self._bits

    def visit_rows(self) -> np.ndarray:
        """The row in the columns of each stay's deal (−1: a deal not held)."""
        if self._visit_rows is None:
            self._visit_rows = self.columns.index_of(np.frombuffer(self.visits.deal,
                                                                   dtype=np.int64))
        return self._visit_rows

    def changed(self) -> None:
        """A deal's stage changed in the columns: the codes are read again."""
        self._codes = None

    def stays_of(self, which: np.ndarray) -> VisitTable:
        """The stays of the deals selected by a boolean mask, in the same order."""
        rows = self.visit_rows()
        keep = (rows >= 0) & which[np.maximum(rows, 0)]
        out = VisitTable()
        for name in ("deal", "stage", "entered", "left"):
            col = array("q")
            col.frombytes(np.frombuffer(getattr(self.visits, name), dtype=np.int64)[keep]
                          .tobytes())
            setattr(out, name, col)
        return out

    def take(self, which: np.ndarray, visits: VisitTable | None = None) -> ColumnData:
        """The deals selected by a boolean mask, with the stays in ``visits`` (default: an
        empty table — the visited stages are carried over, so conversions stay exact)."""
        part = ColumnData(self.stages, self.columns.take(which),
                          [], visits if visits is not None else VisitTable())
        bits = self.bits()
        if bits is not None:
            part._bits = bits[which]
        open_ids = set(part.columns.id[part.codes().kind == OPEN].tolist())
        part.deals = [d for d in self.deals if d.id in open_ids]
        return part


__all__ = ["FOREVER", "LOST", "NONE", "OPEN", "OPEN_END", "UNKNOWN", "US_PER_DAY", "WON",
           "ColumnData", "DealColumns", "StageCodes", "day_number", "day_of_number",
           "days_of", "exact_amounts", "group_sums", "highest_bit", "in_period", "moment_us",
           "month_numbers", "month_text", "period_us", "total", "visited_bits"]
