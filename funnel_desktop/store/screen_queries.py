"""Reads for the app's screens: board columns, card rows, strip aggregates, the customer list.

Plain values only (no Qt). Each function is one or two queries, never one per deal.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

import peewee
from peewee import JOIN, Case, fn

from ..core.classify import ClassThresholds, customer_class
from ..core.dates import parse_date
from ..core.values import Segment
from .models import Customer, Deal, Owner, Region, Stage, database
from .prepared import Prepared
from .queries import data_stamp, field_reader, returning_customer_ids, segment_where


def _day(value: Any) -> date | None:
    """A date from what the driver returned (SQLite aggregates come back as text)."""
    if value is None or isinstance(value, date):
        return value.date() if isinstance(value, datetime) else value
    return parse_date(str(value)[:10])


def _where(pipeline_id: int, segment: Segment | None) -> peewee.Expression:
    where = Deal.pipeline == pipeline_id
    extra = segment_where(segment) if segment is not None else None
    return where if extra is None else where & extra


def _open_stage_ids() -> peewee.Select:
    return Stage.select(Stage.id).where(Stage.kind == "open")


# -- board ----------------------------------------------------------------------------------
def _raw(query: peewee.Select) -> list[tuple[Any, ...]]:
    """Rows straight from the driver (no per-row model conversion: 5–10× faster for long
    lists of plain integers)."""
    rows: list[tuple[Any, ...]] = database.execute(query).fetchall()
    return rows


#: The order of cards in a column: soonest expected close first, deals without a date last,
#: then by id. A key is (no date?, expected close as the driver returns it, id).
BoardKey = tuple[bool, Any, int]


def column_entries(pipeline_id: int, segment: Segment | None = None
                   ) -> dict[int, tuple[list[int], list[BoardKey]]]:
    """Open stage id → (ids, board keys) of its deals in the segment, in board order, in one
    query."""
    q = (Deal.select(Deal.id, Deal.stage, Deal.expected_close)
         .where(_where(pipeline_id, segment) & Deal.stage.in_(_open_stage_ids()))
         .order_by(Deal.expected_close.is_null(), Deal.expected_close, Deal.id))
    out: dict[int, tuple[list[int], list[BoardKey]]] = {}
    for did, sid, close in _raw(q):
        ids, keys = out.setdefault(sid, ([], []))
        ids.append(did)
        keys.append((close is None, close or "", did))
    return out


def column_ids(pipeline_id: int, segment: Segment | None = None) -> dict[int, list[int]]:
    """Open stage id → ids of its deals in the segment, in board order."""
    return {sid: ids for sid, (ids, _keys) in column_entries(pipeline_id, segment).items()}


def board_keys(ids: list[int]) -> dict[int, BoardKey]:
    """The board keys of these deals (comparable with :func:`column_entries`' keys)."""
    if not ids:
        return {}
    if len(ids) == 1:
        rows = _KEY_OF_ONE.execute(id=ids[0]).fetchall()
    else:
        rows = _raw(Deal.select(Deal.id, Deal.expected_close).where(Deal.id.in_(list(ids))))
    return {i: (c is None, c or "", i) for i, c in rows}


_KEY_OF_ONE = Prepared(
    lambda id: Deal.select(Deal.id, Deal.expected_close).where(Deal.id == id), id=int)


@dataclass(frozen=True, slots=True)
class CardFacts:
    """What a kanban card shows of one deal (money in minor units, times naive UTC)."""

    id: int
    title: str
    stage_id: int
    amount: int
    probability: int  # effective: the deal's own, else its stage's
    expected_close: date | None
    customer_id: int | None
    customer_name: str
    owner_name: str
    next_step: str
    next_step_due: date | None
    stage_entered_at: datetime | None
    last_activity_at: datetime | None
    idle_days: int | None  # the stage's idle limit, else the default one (settings)
    closed_at: datetime | None
    customer_class: str  # A B C D or ""
    priority: str  # the customer's: high / medium / low, "" without a customer


def customer_classes(customer_ids: list[int], today: date,
                     thresholds: ClassThresholds) -> dict[int, str]:
    """Class (manual or derived from open deals in every pipeline) of these customers."""
    ids = [i for i in dict.fromkeys(customer_ids) if i is not None]
    if not ids:
        return {}
    if len(ids) == 1:  # the card of a moved deal
        sums = _OPEN_OF_CUSTOMER.execute(customer=ids[0]).fetchall()
        manuals = _CLASS_OF_CUSTOMER.execute(customer=ids[0]).fetchall()
    else:
        sums = (Deal.select(Deal.customer, fn.SUM(Deal.amount), fn.MIN(Deal.expected_close))
                .where(Deal.customer.in_(ids) & Deal.stage.in_(_open_stage_ids()))
                .group_by(Deal.customer).tuples())
        manuals = Customer.select(Customer.id, Customer.class_manual).where(
            Customer.id.in_(ids)).tuples()
    agg = {cid: (int(total or 0), _day(first)) for cid, total, first in sums}
    out = {}
    for cid, manual in manuals:
        open_deals = [agg[cid]] if cid in agg else []
        out[cid] = customer_class(open_deals, today, thresholds, manual or "")
    return out


def card_rows(ids: list[int], today: date, thresholds: ClassThresholds,
              default_idle: int | None = None) -> dict[int, CardFacts]:
    """Card facts of these deals (one query for the deals, one for their customers' class);
    a stage without its own idle limit takes ``default_idle``."""
    if not ids:
        return {}
    if len(ids) == 1:  # a moved card
        sql, params = _CARD_OF_ONE.bound(id=ids[0])
        rows = [tuple(_CARD_READ[i](v) if i in _CARD_READ else v for i, v in enumerate(r))
                for r in database.execute_sql(sql, params).fetchall()]
    else:
        rows = list(_card_query(Deal.id.in_(list(ids))).tuples())
    classes = customer_classes([r[6] for r in rows], today, thresholds)
    out = {}
    for (did, title, sid, amount, p, close, cid, cname, oname, step, due, entered, last,
         idle, closed, priority) in rows:
        out[did] = CardFacts(did, title, sid, int(amount or 0), int(p or 0), _day(close), cid,
                             cname or "", oname or "", step or "", _day(due), entered, last,
                             default_idle if idle is None else idle, closed,
                             classes.get(cid, "") if cid else "",
                             priority or "")
    return out


def _card_query(where: peewee.Expression) -> peewee.Select:
    prob = fn.COALESCE(Deal.probability, Stage.probability)
    return (Deal.select(Deal.id, Deal.title, Deal.stage, Deal.amount, prob,
                        Deal.expected_close, Deal.customer, Customer.name, Owner.name,
                        Deal.next_step, Deal.next_step_due, Deal.stage_entered_at,
                        Deal.last_activity_at, Stage.idle_days, Deal.closed_at,
                        Customer.priority)
            .join(Stage, on=(Deal.stage == Stage.id))
            .switch(Deal).join(Customer, JOIN.LEFT_OUTER, on=(Deal.customer == Customer.id))
            .switch(Deal).join(Owner, JOIN.LEFT_OUTER, on=(Deal.owner == Owner.id))
            .where(where))


#: The queries of one card (a moved deal), built once; the card's date and time columns as
#: peewee's ``.tuples()`` converts them.
_CARD_OF_ONE = Prepared(lambda id: _card_query(Deal.id == id), id=int)
_CARD_READ = {5: field_reader(Deal.expected_close), 10: field_reader(Deal.next_step_due),
              11: field_reader(Deal.stage_entered_at), 12: field_reader(Deal.last_activity_at),
              14: field_reader(Deal.closed_at)}
_OPEN_OF_CUSTOMER = Prepared(
    lambda customer: Deal.select(Deal.customer, fn.SUM(Deal.amount), fn.MIN(Deal.expected_close))
    .where((Deal.customer == customer) & Deal.stage.in_(_open_stage_ids()))
    .group_by(Deal.customer), customer=int)
_CLASS_OF_CUSTOMER = Prepared(
    lambda customer: Customer.select(Customer.id, Customer.class_manual).where(
        Customer.id == customer), customer=int)


def moved_facts(ids: list[int], pipeline_id: int, segment: Segment | None = None
                ) -> dict[int, tuple[int, int | None, date | None, datetime | None]]:
    """id → (amount, own probability, expected close, closed at) for those of ``ids`` that are
    in the pipeline and the segment (for updating totals after a move)."""
    if not ids:
        return {}
    stamp = data_stamp()  # the totals and the Analytics page ask the same after a drop
    key = (tuple(ids), pipeline_id, segment, stamp)
    if stamp is not None and key in _facts_asked:
        return dict(_facts_asked[key])
    facts = _moved_facts(ids, pipeline_id, segment)
    _facts_asked.clear()
    if stamp is not None:
        _facts_asked[key] = facts
    return dict(facts)


#: The last answer of :func:`moved_facts`, while the data has not changed.
_facts_asked: dict[tuple[Any, ...],
                   dict[int, tuple[int, int | None, date | None, datetime | None]]] = {}


def _moved_facts(ids: list[int], pipeline_id: int, segment: Segment | None
                 ) -> dict[int, tuple[int, int | None, date | None, datetime | None]]:
    if len(ids) == 1 and segment is None:  # a drop
        rows: Any = [(i, a, p, c, _read_closed(closed)) for i, a, p, c, closed in
                _FACTS_OF_ONE.execute(pipeline=pipeline_id, id=ids[0]).fetchall()]
    else:
        rows = (Deal.select(Deal.id, Deal.amount, Deal.probability, Deal.expected_close,
                            Deal.closed_at)
                .where(_where(pipeline_id, segment) & Deal.id.in_(list(ids))).tuples())
    return {i: (int(a or 0), p, _day(c), closed) for i, a, p, c, closed in rows}


_FACTS_OF_ONE = Prepared(
    lambda pipeline, id: Deal.select(Deal.id, Deal.amount, Deal.probability,
                                     Deal.expected_close, Deal.closed_at)
    .where((Deal.pipeline == pipeline) & (Deal.id == id)), pipeline=int, id=int)
_read_closed = field_reader(Deal.closed_at)


def forecast_between(pipeline_id: int, segment: Segment | None, start: date, end: date
                     ) -> int:
    """Σ amount × effective probability (minor·percent) of open deals expected to close in
    [start, end]."""
    prob = fn.COALESCE(Deal.probability, Stage.probability)
    value = (Deal.select(fn.SUM(Deal.amount * prob))
             .join(Stage, on=(Deal.stage == Stage.id))
             .where(_where(pipeline_id, segment) & (Stage.kind == "open")
                    & (Deal.expected_close >= start) & (Deal.expected_close <= end))
             .scalar())
    return int(value or 0)


def closed_since(pipeline_id: int, segment: Segment | None, since: datetime
                 ) -> dict[str, tuple[int, int]]:
    """'won' / 'lost' → (count, Σ amount) of deals closed at or after ``since``."""
    q = (Deal.select(Stage.kind, fn.COUNT(Deal.id), fn.SUM(Deal.amount))
         .join(Stage, on=(Deal.stage == Stage.id))
         .where(_where(pipeline_id, segment) & Stage.kind.in_(["won", "lost"])
                & (Deal.closed_at >= since))
         .group_by(Stage.kind).tuples())
    out = {"won": (0, 0), "lost": (0, 0)}
    for kind, count, amount in q:
        out[kind] = (int(count), int(amount or 0))
    return out


# -- customers ------------------------------------------------------------------------------
#: Sortable columns of the customer list.
CUSTOMER_SORTS = ("name", "contact", "industry", "region", "class", "priority", "open_count",
                  "open_amount")


def deal_titles(ids: list[int]) -> dict[int, tuple[str, int]]:
    """Each deal's (title, amount) by id, for questions that name their deals (a deal gone
    meanwhile is left out)."""
    return {i: (t, a) for i, t, a in Deal.select(Deal.id, Deal.title, Deal.amount)
            .where(Deal.id.in_(ids)).tuples()}


def _customer_search(text: str) -> peewee.Expression | None:
    text = text.strip()
    if not text:
        return None
    like = f"%{text}%"
    return (Customer.name ** like) | (Customer.contact_person ** like) | (
        Customer.phone ** like) | (Customer.email ** like) | (Customer.industry ** like)


def customer_ids(text: str = "", sort: str = "name", descending: bool = False,
                 today: date | None = None, thresholds: ClassThresholds | None = None
                 ) -> list[int]:
    """Ids of the customers matching ``text`` (name, contact, phone, email, industry),
    sorted by one of :data:`CUSTOMER_SORTS`."""
    where = _customer_search(text)
    agg = (Deal.select(Deal.customer.alias("cid"), fn.COUNT(Deal.id).alias("n"),
                       fn.SUM(Deal.amount).alias("total"))
           .where(Deal.stage.in_(_open_stage_ids()) & Deal.customer.is_null(False))
           .group_by(Deal.customer).alias("agg"))
    q = Customer.select(Customer.id)
    key: peewee.ColumnBase
    if sort in ("open_count", "open_amount"):
        q = q.join(agg, JOIN.LEFT_OUTER, on=(agg.c.cid == Customer.id))
        key = fn.COALESCE(agg.c.n if sort == "open_count" else agg.c.total, 0)
    elif sort == "region":
        q = q.join(Region, JOIN.LEFT_OUTER, on=(Customer.region == Region.id))
        key = fn.COALESCE(Region.name, "")
    elif sort == "priority":
        key = Case(Customer.priority, (("high", 0), ("medium", 1), ("low", 2)), 3)
    elif sort == "contact":
        key = Customer.contact_person
    elif sort == "industry":
        key = Customer.industry
    else:
        key = Customer.name
    if where is not None:
        q = q.where(where)
    q = q.order_by(key.desc() if descending else key.asc(), Customer.id)
    ids = [i for (i,) in _raw(q)]
    if sort == "class":
        classes = customer_classes(ids, today or date.today(), thresholds or ClassThresholds())
        order = {"A": 0, "B": 1, "C": 2, "D": 3, "": 4}
        ids.sort(key=lambda i: order.get(classes.get(i, ""), 4), reverse=descending)
    return ids


#: The customer list's columns of text, which the screen sorts in its own collation.
CUSTOMER_TEXT_SORTS = ("name", "contact", "industry", "region")


def customer_texts(text: str = "", sort: str = "name") -> list[tuple[int, str]]:
    """(id, the ``sort`` column's text, "" for none) of the customers matching ``text``, by
    id — one of :data:`CUSTOMER_TEXT_SORTS`, for the screen to order as its language does."""
    column = {"contact": Customer.contact_person, "industry": Customer.industry,
              "region": Region.name}.get(sort, Customer.name)
    q = Customer.select(Customer.id, column)
    if sort == "region":
        q = q.join(Region, JOIN.LEFT_OUTER, on=(Customer.region == Region.id))
    where = _customer_search(text)
    if where is not None:
        q = q.where(where)
    return [(int(i), str(v or "")) for i, v in _raw(q.order_by(Customer.id))]


@dataclass(frozen=True, slots=True)
class CustomerRow:
    """One line of the customer list."""

    id: int
    name: str
    contact_person: str
    phone: str
    industry: str
    region: str
    customer_class: str
    priority: str
    open_count: int
    open_amount: int
    returning: bool


def customer_rows(ids: list[int], today: date, thresholds: ClassThresholds
                  ) -> dict[int, CustomerRow]:
    """List rows of these customers (three queries whatever their number)."""
    if not ids:
        return {}
    ids = list(ids)
    agg = {cid: (int(n), int(total or 0)) for cid, n, total in (
        Deal.select(Deal.customer, fn.COUNT(Deal.id), fn.SUM(Deal.amount))
        .where(Deal.customer.in_(ids) & Deal.stage.in_(_open_stage_ids()))
        .group_by(Deal.customer).tuples())}
    returning = {cid for (cid,) in returning_customer_ids().where(
        Deal.customer.in_(ids)).tuples()}
    classes = customer_classes(ids, today, thresholds)
    out = {}
    for cid, name, person, phone, industry, region, priority in (
            Customer.select(Customer.id, Customer.name, Customer.contact_person,
                            Customer.phone, Customer.industry, Region.name, Customer.priority)
            .join(Region, JOIN.LEFT_OUTER, on=(Customer.region == Region.id))
            .where(Customer.id.in_(ids)).tuples()):
        n, total = agg.get(cid, (0, 0))
        out[cid] = CustomerRow(cid, name, person or "", phone or "", industry or "",
                               region or "", classes.get(cid, ""), priority or "", n, total,
                               cid in returning)
    return out


def customer_deals(customer_id: int) -> list[tuple[int, str, str, str, int, date | None]]:
    """(id, title, stage name, stage kind, amount, expected close) of a customer's deals,
    open first, then the newest."""
    q = (Deal.select(Deal.id, Deal.title, Stage.name, Stage.kind, Deal.amount,
                     Deal.expected_close)
         .join(Stage, on=(Deal.stage == Stage.id))
         .where(Deal.customer == customer_id)
         .order_by(Case(Stage.kind, (("open", 0),), 1), Deal.created_at.desc()).tuples())
    return [(i, t, s, k, int(a or 0), _day(c)) for i, t, s, k, a, c in q]


def has_won(customer_id: int) -> bool:
    """Whether the customer has a won deal (returning customer)."""
    return returning_customer_ids().where(Deal.customer == customer_id).exists()


def derived_class(customer_id: int, today: date, thresholds: ClassThresholds) -> str:
    """The class a customer's open deals give it, ignoring any manual class."""
    row = (Deal.select(fn.SUM(Deal.amount), fn.MIN(Deal.expected_close), fn.COUNT(Deal.id))
           .where((Deal.customer == customer_id) & Deal.stage.in_(_open_stage_ids()))
           .tuples().first())
    if not row or not row[2]:
        return ""
    return customer_class([(int(row[0] or 0), _day(row[1]))], today, thresholds)


def default_idle_days() -> int | None:
    """The idle limit of stages that set none (Settings ▸ health thresholds; None: no limit)."""
    from .queries import health_thresholds

    return health_thresholds()[0].default_idle_days  # a bad setting: the defaults
