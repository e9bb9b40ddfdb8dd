"""Reading: plain values for the core, and SQL aggregates for the board (no per-deal queries)."""

from __future__ import annotations

import datetime as _dt
import gc
import itertools
import json
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

import peewee
from peewee import fn

from ..core.values import (
    DealFacts,
    FieldChange,
    FunnelData,
    Segment,
    StageInfo,
    StageKind,
    StageVisit,
)
from ..core.visit_table import EPOCH, ONE_US, OPEN_END, VisitTable

if TYPE_CHECKING:
    from ..core.classify import ClassThresholds
    from ..core.errors import ValidationError
    from ..core.health import HealthThresholds

from .models import (
    BaseModel,
    Customer,
    Deal,
    DealChange,
    Owner,
    Pipeline,
    Setting,
    Stage,
    StageHistory,
    Target,
    database,
)


def stages_of(pipeline_id: int) -> list[StageInfo]:
    """The pipeline's stages in order."""
    return [StageInfo(s.id, s.name, StageKind(s.kind), s.position, s.probability, s.idle_days,
                      s.ideal_conversion, s.colour)
            for s in Stage.select().where(Stage.pipeline == pipeline_id).order_by(Stage.position)]


def first_pipeline() -> Pipeline | None:
    return Pipeline.select().order_by(Pipeline.position, Pipeline.id).first()


def find_pipeline(name_or_id: str | int | None) -> Pipeline | None:
    """A pipeline by id or name; the first one when None."""
    if name_or_id is None:
        return first_pipeline()
    if isinstance(name_or_id, int) or str(name_or_id).isdigit():
        return Pipeline.get_or_none(Pipeline.id == int(name_or_id))
    return Pipeline.get_or_none(Pipeline.name == str(name_or_id))


def returning_customer_ids() -> peewee.Select:
    """Customers with at least one won deal (returning = has won before)."""
    won = Stage.select(Stage.id).where(Stage.kind == "won")
    return (Deal.select(Deal.customer).where(Deal.stage.in_(won) & Deal.customer.is_null(False))
            .distinct())


def returning_deal() -> peewee.ColumnBase:
    """A deal of a returning customer: its customer had won a deal before this one was
    created. (Asked of the customer now, every won deal would make its own customer
    returning, and new customers could never have a win.)"""
    earlier = Deal.alias("earlier")
    won = Stage.select(Stage.id).where(Stage.kind == "won")
    return fn.EXISTS(earlier.select(earlier.id).where(
        (earlier.customer == Deal.customer) & earlier.stage.in_(won)
        & (earlier.closed_at < Deal.created_at)))


def segment_where(seg: Segment) -> peewee.ColumnBase | None:
    """A WHERE expression on Deal (with Owner and Customer joined) for a segment."""
    parts: list[peewee.ColumnBase] = []
    if seg.owner_ids:
        parts.append(Deal.owner.in_(list(seg.owner_ids)))
    if seg.team_ids:
        parts.append(Deal.owner.in_(Owner.select(Owner.id).where(
            Owner.team.in_(list(seg.team_ids)))))
    if seg.region_ids:
        parts.append(Deal.owner.in_(Owner.select(Owner.id).where(
            Owner.region.in_(list(seg.region_ids)))))
    if seg.source_ids:
        parts.append(Deal.source.in_(list(seg.source_ids)))
    if seg.project_type:
        parts.append(Deal.project_type == seg.project_type)
    if seg.customer_type == "returning":
        parts.append(returning_deal())
    elif seg.customer_type == "new":
        parts.append(~returning_deal())
    if seg.priorities:
        parts.append(Deal.customer.in_(Customer.select(Customer.id).where(
            Customer.priority.in_(list(seg.priorities)))))
    if seg.customer_classes:
        parts.append(Deal.customer.in_(customers_of_class(list(seg.customer_classes),
                                                          seg.class_day)))
    if seg.text:
        like = f"%{seg.text}%"
        parts.append(Deal.title ** like | Deal.customer.in_(
            Customer.select(Customer.id).where(Customer.name ** like)))
    if seg.close_from:
        parts.append(Deal.expected_close >= seg.close_from)
    if seg.close_to:
        parts.append(Deal.expected_close <= seg.close_to)
    if not parts:
        return None
    expr = parts[0]
    for p in parts[1:]:
        expr &= p
    return expr


def data_stamp() -> tuple[Any, ...] | None:
    """Something that changes whenever the open database's data may have: for SQLite the
    connection (held, so it cannot be mistaken for a later one), its count of changed rows
    and ``PRAGMA data_version`` (changes by other connections). None where there is no such
    cheap signal (PostgreSQL): do not cache then."""
    db = database.obj
    if not isinstance(db, peewee.SqliteDatabase):
        return None
    conn = db.connection()
    version = conn.execute("PRAGMA data_version").fetchone()[0]
    return conn, conn.total_changes, version


#: The last answer of :func:`customers_of_class`: (classes, today, data stamp) → ids.
_class_cache: dict[tuple[Any, ...], list[int]] = {}


def customers_of_class(classes: list[str], day: date | None = None) -> list[int]:
    """Ids of customers whose (manual or derived, on ``day``: default today) class is one of
    ``classes``.

    Deriving every customer's class reads every open deal (about 0.1 s at 100,000 deals), and
    a board refresh asks several times; the answer is kept until the data or the day
    changes."""
    today = day or date.today()
    stamp = data_stamp()
    key = (tuple(classes), today, stamp)
    if stamp is not None and key in _class_cache:
        return list(_class_cache[key])
    out = _customers_of_class(classes, today)
    _class_cache.clear()
    if stamp is not None:
        _class_cache[key] = out
    return list(out)


def _customers_of_class(classes: list[str], today: date) -> list[int]:
    from ..core.classify import customer_class

    thresholds = class_thresholds()
    open_stages = Stage.select(Stage.id).where(Stage.kind == "open")
    open_by_customer: dict[int, list[tuple[int, date | None]]] = {}
    for cid, amount, close in (Deal.select(Deal.customer, Deal.amount, Deal.expected_close)
                               .where(Deal.stage.in_(open_stages)
                                      & Deal.customer.is_null(False)).tuples()):
        open_by_customer.setdefault(cid, []).append((amount, close))
    out = []
    for cid, manual in Customer.select(Customer.id, Customer.class_manual).tuples():
        if customer_class(open_by_customer.get(cid, []), today, thresholds, manual) in classes:
            out.append(cid)
    return out


@contextmanager
def gc_paused() -> Iterator[None]:
    """No cyclic garbage collection inside the block: building 100,000s of small objects
    otherwise triggers collections that scan them again and again (a third of the time)."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


def field_reader(field: peewee.Field) -> Any:
    """A converter from what the driver returns to what ``field`` gives in Python: ISO text
    parsed by ``fromisoformat`` (what peewee does first), anything else through the field."""
    fast = _dt.datetime.fromisoformat if isinstance(field, peewee.DateTimeField) \
        else _dt.date.fromisoformat
    adapt: Callable[[Any], Any] = field.adapt

    def read(value: Any) -> Any:
        if value is None:
            return None
        if value.__class__ is str:
            try:
                return fast(value)
            except ValueError:
                pass
        return adapt(value)

    return read


#: per model: (field names, converters of the date, time and boolean fields by name)
_ROW_SHAPES: dict[type, tuple[list[str], list[tuple[str, Any]]]] = {}


def _row_shape(model: type[peewee.Model]) -> tuple[list[str], list[tuple[str, Any]]]:
    shape = _ROW_SHAPES.get(model)
    if shape is None:
        fields = model._meta.sorted_fields
        special = [(f.name, f.python_value if isinstance(f, peewee.BooleanField)
                    else field_reader(f)) for f in fields
                   if isinstance(f, peewee.DateField | peewee.DateTimeField
                                 | peewee.BooleanField)]
        shape = _ROW_SHAPES[model] = ([f.name for f in fields], special)
    return shape


def model_rows(model: type[peewee.Model], query: peewee.Select | str,
               params: list[Any] | None = None) -> list[dict[str, Any]]:
    """The rows of ``query`` (a ``model.select()`` of every field, or its SQL text with
    ``params``) as dicts keyed by field name, equal to peewee's ``.dicts()`` but read straight
    from the driver: dates, times and booleans are converted; integers and text come back
    from the drivers as they are (SQLite's column affinity and our writers store nothing else
    in those columns)."""
    names, special = _row_shape(model)
    db = model._meta.database
    cursor = db.execute_sql(query, params) if isinstance(query, str) else db.execute(query)
    out = []
    with gc_paused():
        for row in cursor:
            r = dict(zip(names, row, strict=True))
            for name, conv in special:
                v = r[name]
                if v is not None:
                    r[name] = conv(v)
            out.append(r)
    return out


def in_ids(field: peewee.Field, ids: Iterable[int]) -> peewee.Expression:
    """``field IN (…)`` for integer ids, the ids written into the SQL text. peewee binds
    each value of an IN list through nodes of its own (for 20,000 ids that takes longer
    than the database's answer); integers need no binding."""
    text = ",".join([str(int(i)) for i in ids])
    return field.in_(peewee.SQL(f"({text})")) if text else field.in_([])


#: SQL text of ``model.select()`` of the rows whose ``field`` is one value, per database kind.
_ONE_SQL: dict[tuple[Any, ...], str] = {}


def rows_with(model: type[BaseModel], field: peewee.Field, ids: list[int],
              ordered: bool = False) -> list[dict[str, Any]]:
    """:func:`model_rows` of the rows whose ``field`` is one of ``ids`` (by id when
    ``ordered``). One id — every edit, move or close snapshots one deal — reuses the SQL text
    (building it costs peewee ten times what SQLite takes to answer)."""
    if len(ids) == 1:
        key = (model, field.name, ordered, type(model._meta.database.obj))
        sql = _ONE_SQL.get(key)
        if sql is None:
            q = model.select().where(field == 0)
            sql = _ONE_SQL[key] = (q.order_by(model.id) if ordered else q).sql()[0]
        return model_rows(model, sql, [ids[0]])
    q = model.select().where(in_ids(field, ids))
    return model_rows(model, q.order_by(model.id) if ordered else q)


def _deal_facts(query: peewee.Select, lean_stages: frozenset[int] = frozenset()
                ) -> list[DealFacts]:
    """DealFacts of a select of :data:`_DEAL_FACTS`, row by row from the cursor (no list of
    raw rows beside the objects): see :func:`_deal_facts_of_rows`."""
    return _deal_facts_of_rows(Deal._meta.database.execute(query), lean_stages)


def _deal_facts_of_rows(rows: Iterable[tuple[Any, ...]], lean_stages: frozenset[int] = frozenset()
                        ) -> list[DealFacts]:
    """DealFacts of raw rows of :data:`_DEAL_FACTS` (read once, in order): SQLite's ISO
    text parsed inline; another driver's values (or odd text) through the fields, from the
    first row that needs it on.

    Equal values share one object: a deal's stage-entered time is its closing (or creation)
    time when the text is the same, and the dates and next-step texts repeat across deals.
    Deals in ``lean_stages`` (closed stages) carry only id, stage, amount, created,
    probability, closed and owner — what the numbers of closed deals read — and the defaults
    for the rest."""
    dt, day = _dt.datetime.fromisoformat, _dt.date.fromisoformat
    days: dict[str, date] = {}
    texts: dict[str, str] = {}

    def on(text: str) -> date:
        value = days.get(text)
        if value is None:
            value = days[text] = day(text)
        return value

    out: list[DealFacts] = []
    add = out.append
    it = iter(rows)
    row: tuple[Any, ...] = ()
    try:
        for row in it:
            i, s, a, cr, p, ec, cl, o, cu, t, la, se, ns, nd = row
            created = dt(cr)
            closed = None if cl is None else dt(cl)
            if s in lean_stages:
                add(DealFacts(i, s, a, created, p, None, closed, o))
                continue
            entered = (None if se is None else closed if se == cl else created if se == cr
                       else dt(se))
            add(DealFacts(i, s, a, created, p, None if ec is None else on(ec), closed, o, cu,
                          t, None if la is None else entered if la == se else dt(la), entered,
                          texts.setdefault(ns, ns), None if nd is None else on(nd)))
        return out
    except (TypeError, ValueError):
        conv = [field_reader(f) if isinstance(f, peewee.DateField | peewee.DateTimeField) else None
                for f in _DEAL_FACTS]
        for r in itertools.chain((row,), it):
            facts = DealFacts(*(v if c is None else c(v) for c, v in zip(conv, r, strict=True)))
            if facts.stage_id in lean_stages:
                facts = DealFacts(facts.id, facts.stage_id, facts.amount, facts.created,
                                  facts.probability, None, facts.closed, facts.owner_id)
            add(facts)
        return out


def _stage_visits(query: peewee.Select) -> list[StageVisit]:
    """StageVisits of a select of (deal, stage, entered, left), as :func:`_deal_facts`."""
    db = StageHistory._meta.database
    dt = _dt.datetime.fromisoformat
    try:
        return [StageVisit(d, s, dt(e), None if left is None else dt(left))
                for d, s, e, left in db.execute(query)]
    except (TypeError, ValueError):
        read = field_reader(StageHistory.entered_at)
        return [StageVisit(d, s, read(e), read(left)) for d, s, e, left in db.execute(query)]


def _visit_table(query: peewee.Select) -> VisitTable:
    """The visits of a select of (deal, stage, entered, left) in columns (no object per
    visit), as :func:`_stage_visits` reads them."""
    db = StageHistory._meta.database
    dt = _dt.datetime.fromisoformat
    table = VisitTable()
    deal, stage, entered, ended = (table.deal.append, table.stage.append,
                                   table.entered.append, table.left.append)
    try:
        for d, s, e, left in db.execute(query):
            deal(d)
            stage(s)
            entered((dt(e) - EPOCH) // ONE_US)
            ended(OPEN_END if left is None else (dt(left) - EPOCH) // ONE_US)
        return table
    except (TypeError, ValueError):
        read = field_reader(StageHistory.entered_at)
        table = VisitTable()
        for d, s, e, left in db.execute(query):
            table.append(d, s, read(e), read(left))
        return table


#: The columns of :class:`DealFacts`, in its order.
_DEAL_FACTS = (Deal.id, Deal.stage, Deal.amount, Deal.created_at, Deal.probability,
               Deal.expected_close, Deal.closed_at, Deal.owner, Deal.customer, Deal.title,
               Deal.last_activity_at, Deal.stage_entered_at, Deal.next_step, Deal.next_step_due)


def touched_since(since: _dt.datetime) -> peewee.Expression:
    """Deals that were open, created, closed, edited or moved at or after ``since``.

    The others were closed before ``since`` and never touched again, so at every moment
    from ``since`` on they stand as they stand now: closed, outside any period that starts
    at ``since`` or later."""
    return (Deal.closed_at.is_null() | (Deal.closed_at >= since) | (Deal.created_at >= since)
            | Deal.id.in_(DealChange.select(DealChange.deal).where(DealChange.at >= since))
            | Deal.id.in_(StageHistory.select(StageHistory.deal).where(
                (StageHistory.entered_at >= since) | (StageHistory.left_at >= since))))


def load_funnel(pipeline_id: int, segment: Segment | None = None, *,
                since: _dt.datetime | None = None, compact: bool = False) -> FunnelData:
    """Stages, deals (by id) and stage visits of one pipeline, cut to a segment (two queries;
    the rows are read straight from the driver, 3–4× faster than through peewee's models).

    With ``since``, only the deals :func:`touched_since` then: exact for every number about
    moments and periods from ``since`` on, not for lifetime figures.

    ``compact``: the visits as a :class:`core.visit_table.VisitTable` (32 bytes a visit
    instead of ~190), and the deals in won and lost stages lean (see :func:`_deal_facts`) —
    for the analytics, which read nothing else of them."""
    stages = stages_of(pipeline_id)
    where = Deal.pipeline == pipeline_id
    extra = segment_where(segment) if segment else None
    if extra is not None:
        where &= extra
    if since is not None:
        where &= touched_since(since)
    vq = (StageHistory.select(StageHistory.deal, StageHistory.stage, StageHistory.entered_at,
                              StageHistory.left_at)
          .join(Deal).where(where).order_by(StageHistory.entered_at, StageHistory.id))
    lean = frozenset(s.id for s in stages if s.kind != StageKind.OPEN) if compact else frozenset()
    with gc_paused():
        deals = _deal_facts(Deal.select(*_DEAL_FACTS).where(where).order_by(Deal.id), lean)
        visits: list[StageVisit] | VisitTable = (_visit_table(vq) if compact
                                                 else _stage_visits(vq))
    return FunnelData(stages, deals, visits)


def load_changes(pipeline_id: int, since: datetime | None = None) -> list[FieldChange]:
    """Field edits of the pipeline's deals (for 'as of' and the week's changes)."""
    q = (DealChange.select(DealChange.deal, DealChange.field, DealChange.old, DealChange.new,
                           DealChange.at).join(Deal).where(Deal.pipeline == pipeline_id))
    if since is not None:
        q = q.where(DealChange.at >= since)
    rows = DealChange._meta.database.execute(q).fetchall()
    dt = _dt.datetime.fromisoformat
    try:
        return [FieldChange(d, f, o, n, dt(a)) for d, f, o, n, a in rows]
    except (TypeError, ValueError):
        read = field_reader(DealChange.at)
        return [FieldChange(d, f, o, n, read(a)) for d, f, o, n, a in rows]


def stage_aggregates(pipeline_id: int, segment: Segment | None = None
                     ) -> dict[int, tuple[int, int, int]]:
    """stage id → (count, Σ amount, Σ amount × effective probability) by SQL GROUP BY.

    The third value is in minor·percent (divide by 100 for the weighted value)."""
    prob = fn.COALESCE(Deal.probability, Stage.probability)
    where = Deal.pipeline == pipeline_id
    extra = segment_where(segment) if segment else None
    if extra is not None:
        where &= extra
    q = (Deal.select(Deal.stage, fn.COUNT(Deal.id), fn.SUM(Deal.amount),
                     fn.SUM(Deal.amount * prob))
         .join(Stage, on=(Deal.stage == Stage.id)).where(where).group_by(Deal.stage).tuples())
    return {sid: (int(c), int(a or 0), int(w or 0)) for sid, c, a, w in q}


def get_setting(key: str, default: Any = None) -> Any:
    row = Setting.get_or_none(Setting.key == key)
    if row is None:
        return default
    try:
        return json.loads(row.value)
    except ValueError:
        return default


#: The setting holding the health thresholds (a JSON object of HealthThresholds fields).
HEALTH_SETTING = "health_thresholds"


def health_thresholds() -> tuple[HealthThresholds, ValidationError | None]:
    """The stored health thresholds; the defaults and the error when the setting is unusable
    (not an object, an unknown name, a wrong value)."""
    from ..core.errors import ValidationError
    from ..core.health import HealthThresholds

    stored = get_setting(HEALTH_SETTING, None)
    if stored is not None and not isinstance(stored, dict):
        return HealthThresholds(), ValidationError("threshold_invalid", HEALTH_SETTING,
                                                   name=HEALTH_SETTING, value=str(stored))
    try:
        return HealthThresholds.from_dict(stored), None
    except ValidationError as err:
        return HealthThresholds(), err


def class_thresholds() -> ClassThresholds:
    from ..core.classify import ClassThresholds

    d = ClassThresholds()
    return ClassThresholds(int(get_setting("class_big_amount", d.big_amount)),
                           int(get_setting("class_soon_days", d.soon_days)))


def target_for(start: date, end: date, team_id: int | None = None,
               owner_id: int | None = None) -> int | None:
    """The target set for exactly this scope, summed over targets inside [start, end]."""
    scope = "owner" if owner_id else "team" if team_id else "business"
    q = Target.select(fn.SUM(Target.amount)).where(
        (Target.scope == scope) & (Target.period_start >= start) & (Target.period_end <= end))
    if owner_id:
        q = q.where(Target.owner == owner_id)
    if team_id:
        q = q.where(Target.team == team_id)
    value = q.scalar()
    return int(value) if value is not None else None


def owner_names() -> dict[int, str]:
    return dict(Owner.select(Owner.id, Owner.name).tuples())

