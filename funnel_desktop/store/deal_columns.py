"""Reading a pipeline's deals and stays into columns (:class:`core.deal_columns.ColumnData`)
for the numbers: every deal of the pipeline and segment in numpy columns, the open ones also
as :class:`DealFacts`, the stays in a :class:`VisitTable` — read in chunks from the driver,
the times parsed by numpy (a fifth of ``fromisoformat`` per value), no object per closed
deal or per stay."""

from __future__ import annotations

import warnings
from collections.abc import Iterator
from typing import Any

import numpy as np
import peewee

from ..core.deal_columns import NONE, ColumnData, DealColumns, exact_amounts, moment_us
from ..core.values import Segment, StageKind
from ..core.visit_table import OPEN_END, VisitTable
from .concat_columns import concat_columns
from .models import Deal, StageHistory
from .queries import (
    _DEAL_FACTS,
    _deal_facts,
    field_reader,
    gc_paused,
    segment_where,
    stages_of,
)

#: Rows read from the driver at a time.
CHUNK = 20_000


def _chunks(cursor: Any) -> Iterator[list[tuple[Any, ...]]]:
    while True:
        rows = cursor.fetchmany(CHUNK)
        if not rows:
            return
        yield rows


def _ints(values: tuple[Any, ...], missing: int = NONE) -> np.ndarray:
    """Integers (None → ``missing``) as an int64 array."""
    try:
        return np.array(values, dtype=np.int64)
    except (TypeError, ValueError):
        return np.array([missing if v is None else v for v in values], dtype=np.int64)


def _moments(values: tuple[Any, ...], field: peewee.Field, unit: str = "us") -> np.ndarray:
    """Times (or days, ``unit`` "D") as int64 µs (days) since 1970, None → :data:`NONE`:
    parsed by numpy (ISO text or datetime objects); anything numpy will not read plainly
    goes through the field, one value at a time."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            return np.array(values, dtype=f"datetime64[{unit}]").astype(np.int64)
    except (TypeError, ValueError, OverflowError, Warning):
        read = field_reader(field)
        out = []
        for v in values:
            m = read(v)
            if m is None:
                out.append(NONE)
            elif unit == "D":
                out.append(m.toordinal() - 719163)  # date(1970, 1, 1).toordinal()
            else:
                out.append(moment_us(m))
        return np.array(out, dtype=np.int64)


#: The kinds of the lean deal columns (:func:`concat_columns`).
_LEAN_KINDS = ("int", "int", "int", "us", "int", "D", "us", "int", "int", "int")


def _ordered(columns: list[np.ndarray]) -> list[np.ndarray]:
    """The deal columns by id (SQLite need not keep a subquery's order in an aggregate)."""
    ids = columns[0]
    if len(ids) < 2 or bool((ids[1:] > ids[:-1]).all()):
        return columns
    order = np.argsort(ids, kind="stable")
    return [c[order] for c in columns]


def _lean_rows(db: peewee.Database, fields: tuple[peewee.Field, ...], where: Any
               ) -> list[np.ndarray]:
    """The deal columns read row by row (another database, or texts numpy will not read
    plainly)."""
    parts: list[list[np.ndarray]] = [[] for _ in fields]
    for rows in _chunks(db.execute(Deal.select(*fields).where(where).order_by(Deal.id))):
        i, s, a, cr, p, ec, cl, o, cu, r = zip(*rows, strict=True)
        for column, values in zip(parts, (
                _ints(i), _ints(s), exact_amounts(a), _moments(cr, Deal.created_at),
                _ints(p), _moments(ec, Deal.expected_close, "D"),
                _moments(cl, Deal.closed_at), _ints(o), _ints(cu), _ints(r)), strict=True):
            column.append(values)
    return [np.concatenate(c) if c else np.zeros(0, dtype=np.int64) for c in parts]


def _stay_rows(db: peewee.Database, fields: tuple[peewee.Field, ...], where: Any,
               visits: VisitTable) -> None:
    """The stays read row by row into ``visits`` (a chunk at a time: no list of chunks
    beside it)."""
    columns = (visits.deal, visits.stage, visits.entered, visits.left)
    for rows in _chunks(db.execute(StageHistory.select(*fields).join(Deal).where(where))):
        d, s, e, left = zip(*rows, strict=True)
        for col, values in zip(columns, (
                _ints(d), _ints(s), _moments(e, StageHistory.entered_at),
                _moments(left, StageHistory.left_at)), strict=True):
            col.frombytes(values.tobytes())
        del rows, d, s, e, left


def load_columns(pipeline_id: int, segment: Segment | None = None, *,
                 open_deals: bool = True) -> ColumnData:
    """Stages, every deal and every stay of one pipeline, cut to a segment, in columns (the
    deals by id, as :func:`store.queries.load_funnel` gives them; the stays in no particular
    order — nothing the columns compute depends on it). Three queries: every deal's numbers,
    the open deals whole (unless not ``open_deals``: ``deals`` is then empty), the stays."""
    stages = stages_of(pipeline_id)
    where = Deal.pipeline == pipeline_id
    extra = segment_where(segment) if segment else None
    if extra is not None:
        where &= extra
    open_ids = [s.id for s in stages if s.kind == StageKind.OPEN]
    db = Deal._meta.database
    lean_fields: tuple[peewee.Field, ...] = (
        Deal.id, Deal.stage, Deal.amount, Deal.created_at, Deal.probability,
        Deal.expected_close, Deal.closed_at, Deal.owner, Deal.customer, Deal.close_reason)
    stay_fields: tuple[peewee.Field, ...] = (
        StageHistory.deal, StageHistory.stage, StageHistory.entered_at, StageHistory.left_at)
    with gc_paused():
        read = concat_columns(
            db, Deal.select(*(f.alias(f"c{i}") for i, f in enumerate(lean_fields)))
            .where(where).order_by(Deal.id), _LEAN_KINDS, Deal.id)
        lean = _ordered(read) if read is not None else _lean_rows(db, lean_fields, where)
        # the open deals whole, in the same order (by id, as load_funnel gives them)
        facts = _deal_facts(Deal.select(*_DEAL_FACTS).where(
            where & Deal.stage.in_(open_ids)).order_by(Deal.id)) if open_ids and open_deals \
            else []
        visits = VisitTable()
        # the stays a range of ids at a time, each looking up its deal (CROSS JOIN: SQLite
        # would otherwise walk every deal of the pipeline for each range)
        stays = concat_columns(
            db, StageHistory.select(*(f.alias(f"c{i}") for i, f in enumerate(stay_fields)))
            .join(Deal, peewee.JOIN.CROSS).where((StageHistory.deal == Deal.id) & where),
            ("int", "int", "us", "us"), StageHistory.id)
        if stays is not None:
            for col, values in zip((visits.deal, visits.stage, visits.entered, visits.left),
                                   stays, strict=True):
                col.frombytes(values.tobytes())
            del stays
        else:
            _stay_rows(db, stay_fields, where, visits)
    ids, stage, amount, created, prob, expected, closed, owner, customer, reason = lean
    del lean
    cols = DealColumns(id=ids, stage=stage, amount=amount, created=created, closed=closed,
                       probability=prob, expected=expected, owner=owner, customer=customer,
                       reason=reason)
    cols.amount = exact_amounts(cols.amount)  # the bound over every chunk together
    assert OPEN_END == NONE  # a stay not yet ended reads as numpy's "no time"
    return ColumnData(stages, cols, facts, visits)


def first_wins(besides: int | None = None) -> tuple[np.ndarray, np.ndarray]:
    """(customer ids ascending, the moment of each one's first won deal in µs): the deals of
    a customer created after that moment are its returning ones
    (``store.queries.returning_deal``). ``besides``: only the deals outside that pipeline."""
    from ..core.deal_columns import NONE as _missing
    from .models import Stage

    won = Stage.select(Stage.id).where(Stage.kind == "won")
    where = (Deal.stage.in_(won) & Deal.customer.is_null(False)
             & Deal.closed_at.is_null(False))
    if besides is not None:
        where &= Deal.pipeline != besides
    q = (Deal.select(Deal.customer, peewee.fn.MIN(Deal.closed_at)).where(where)
         .group_by(Deal.customer).order_by(Deal.customer))
    rows = Deal._meta.database.execute(q).fetchall()
    if not rows:
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
    customers, firsts = zip(*rows, strict=True)
    moments = _moments(firsts, Deal.closed_at)
    assert not (moments == _missing).any()
    return _ints(customers), moments


def _earliest(customers: np.ndarray, moments: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Each customer once (ascending) with the earliest of its moments."""
    order = np.lexsort((moments, customers))
    c, m = customers[order], moments[order]
    first = np.r_[True, c[1:] != c[:-1]] if len(c) else np.zeros(0, dtype=bool)
    return c[first], m[first]


def returning(columns: DealColumns, whole: tuple[int, np.ndarray] | None = None
              ) -> np.ndarray:
    """Which deals are of a returning customer: one who had won a deal (in any pipeline)
    before this one was created — ``store.queries.returning_deal`` of each.

    ``whole``: (pipeline id, which deals are won) when ``columns`` hold every deal of that
    pipeline — its first wins are then read from the columns, only the other pipelines'
    from the database."""
    if whole is None:
        customers, firsts = first_wins()
    else:
        pipeline_id, won = whole
        mine = won & (columns.customer != NONE) & (columns.closed != NONE)
        others = first_wins(pipeline_id)
        customers, firsts = _earliest(np.concatenate((others[0], columns.customer[mine])),
                                      np.concatenate((others[1], columns.closed[mine])))
    out = np.zeros(len(columns), dtype=bool)
    if not len(customers):
        return out
    has = columns.customer != NONE
    at = np.minimum(np.searchsorted(customers, columns.customer), len(customers) - 1)
    known = has & (customers[at] == columns.customer)
    out[known] = firsts[at[known]] < columns.created[known]
    return out
