"""SQL aggregates the analytics need (health rules, charts, the incremental snapshot), each one
query over all matching deals — never a query per deal."""

from __future__ import annotations

from collections.abc import Collection, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime

import peewee
from peewee import JOIN, fn

from ..core.dates import as_utc_end
from ..core.forecast_chart import TargetRow
from ..core.reasons_summary import ReasonRow
from ..core.snapshot import FunnelSnapshot
from ..core.values import Period, Segment
from .models import (
    Activity,
    Contact,
    Customer,
    Deal,
    Owner,
    Reason,
    Stage,
    StageHistory,
    Target,
    Team,
)
from .queries import field_reader, segment_where, stage_aggregates, stages_of


@dataclass(frozen=True, slots=True)
class OwnerRow:
    """A salesperson with their team (for the owner / team table and the filters)."""

    id: int
    name: str
    team_id: int | None
    team_name: str
    region_id: int | None
    active: bool


def _deal_where(pipeline_id: int | None, segment: Segment | None) -> peewee.ColumnBase | None:
    parts: list[peewee.ColumnBase] = []
    if pipeline_id is not None:
        parts.append(Deal.pipeline == pipeline_id)
    extra = segment_where(segment) if segment else None
    if extra is not None:
        parts.append(extra)
    if not parts:
        return None
    expr = parts[0]
    for p in parts[1:]:
        expr &= p
    return expr


def _between(column: peewee.Field, period: Period) -> peewee.Expression:
    start = datetime(period.start.year, period.start.month, period.start.day)
    return (column >= start) & (column <= as_utc_end(period.end))


def _as_date(value: object) -> date | None:
    if isinstance(value, datetime):
        return value.date()
    if value is None or isinstance(value, date):
        return value
    return date.fromisoformat(str(value)[:10])


def _day(value: object) -> date:
    """:func:`_as_date` of a column that always holds a date (NOT NULL, or filtered so)."""
    day = _as_date(value)
    assert day is not None
    return day


def activity_counts(pipeline_id: int | None, period: Period | None = None,
                    segment: Segment | None = None) -> dict[int, int]:
    """deal id → activities logged (created) on it in ``period`` (all time when None), for
    the deals of the pipeline and segment; deals without activities are absent."""
    q = (Activity.select(Activity.deal, fn.COUNT(Activity.id)).join(Deal)
         .group_by(Activity.deal))
    where = _deal_where(pipeline_id, segment)
    if where is not None:
        q = q.where(where)
    if period is not None:
        q = q.where(_between(Activity.created_at, period))
    return {int(d): int(n) for d, n in q.tuples()}


def activity_counts_by_owner(pipeline_id: int | None, period: Period | None = None,
                             segment: Segment | None = None) -> dict[int | None, int]:
    """owner id → activities logged on the segment's deals in ``period`` (the activity's own
    owner, else the deal's; None = neither has one)."""
    who = fn.COALESCE(Activity.owner, Deal.owner)
    q = (Activity.select(who.alias("who"), fn.COUNT(Activity.id)).join(Deal)
         .group_by(who))
    where = _deal_where(pipeline_id, segment)
    if where is not None:
        q = q.where(where)
    if period is not None:
        q = q.where(_between(Activity.created_at, period))
    return {(int(o) if o is not None else None): int(n) for o, n in q.tuples()}


def decision_maker_customers() -> set[int]:
    """Ids of customers with at least one contact whose role is decision maker."""
    q = (Contact.select(Contact.customer).where(Contact.role == "decision_maker").distinct())
    return {int(c) for (c,) in Contact._meta.database.execute(q)}  # the driver's tuples


def reason_rows(pipeline_id: int | None, period: Period, segment: Segment | None = None
                ) -> list[ReasonRow]:
    """Deals closed in ``period`` grouped by outcome (the stage's kind) and kept reason."""
    q = (Deal.select(Stage.kind, Reason.id, Reason.label, Reason.category, fn.COUNT(Deal.id),
                     fn.SUM(Deal.amount))
         .join(Stage, on=(Deal.stage == Stage.id))
         .join(Reason, JOIN.LEFT_OUTER, on=(Deal.close_reason == Reason.id))
         .where(Stage.kind.in_(["won", "lost"]) & _between(Deal.closed_at, period))
         .group_by(Stage.kind, Reason.id, Reason.label, Reason.category))
    where = _deal_where(pipeline_id, segment)
    if where is not None:
        q = q.where(where)
    return [ReasonRow(kind, rid, label or "", category or "", int(n), int(a or 0))
            for kind, rid, label, category, n, a in q.tuples()]


def target_rows(start: date, end: date, *, scope: str = "business", team_id: int | None = None,
                owner_id: int | None = None) -> list[TargetRow]:
    """Targets of exactly this scope (``business``, ``team`` with ``team_id``, ``owner`` with
    ``owner_id``) whose period overlaps [start, end], in period order."""
    q = Target.select(Target.period_start, Target.period_end, Target.amount).where(
        (Target.scope == scope) & (Target.period_start <= end) & (Target.period_end >= start))
    if scope == "team":
        q = q.where(Target.team == team_id)
    elif scope == "owner":
        q = q.where(Target.owner == owner_id)
    q = q.order_by(Target.period_start, Target.period_end)
    return [TargetRow(_day(s), _day(e), int(a)) for s, e, a in q.tuples()]


def target_scope(segment: Segment | None) -> tuple[str, int | None, int | None]:
    """The target scope a segment reads: one owner → that owner's, one team → that team's,
    anything else → the business's. Returns (scope, team id, owner id)."""
    if segment is not None and len(segment.owner_ids) == 1:
        return "owner", None, segment.owner_ids[0]
    if segment is not None and len(segment.team_ids) == 1 and not segment.owner_ids:
        return "team", segment.team_ids[0], None
    return "business", None, None


def owners() -> list[OwnerRow]:
    """Every salesperson with their team, by name."""
    q = (Owner.select(Owner.id, Owner.name, Owner.team, Team.name, Owner.region, Owner.active)
         .join(Team, JOIN.LEFT_OUTER, on=(Owner.team == Team.id)).order_by(Owner.name))
    return [OwnerRow(i, n, t, tn or "", r, bool(a)) for i, n, t, tn, r, a in q.tuples()]


def teams() -> dict[int, str]:
    """team id → name, by name."""
    return dict(Team.select(Team.id, Team.name).order_by(Team.name).tuples())


def open_by_close_day(pipeline_id: int, segment: Segment | None = None
                      ) -> list[tuple[date | None, int, int, int]]:
    """Open deals by expected close date: (day or None, count, Σ amount, Σ amount × p)."""
    prob = fn.COALESCE(Deal.probability, Stage.probability)
    q = (Deal.select(Deal.expected_close, fn.COUNT(Deal.id), fn.SUM(Deal.amount),
                     fn.SUM(Deal.amount * prob))
         .join(Stage, on=(Deal.stage == Stage.id))
         .where(Stage.kind == "open").group_by(Deal.expected_close))
    where = _deal_where(pipeline_id, segment)
    if where is not None:
        q = q.where(where)
    return [(_as_date(d), int(n), int(a or 0), int(w or 0)) for d, n, a, w in q.tuples()]


def closed_by_day(pipeline_id: int, segment: Segment | None = None
                  ) -> list[tuple[str, date, int, int]]:
    """Won and lost deals by close day: (kind, day, count, Σ amount)."""
    day = fn.DATE(Deal.closed_at)
    q = (Deal.select(Stage.kind, day.alias("day"), fn.COUNT(Deal.id), fn.SUM(Deal.amount))
         .join(Stage, on=(Deal.stage == Stage.id))
         .where(Stage.kind.in_(["won", "lost"]) & Deal.closed_at.is_null(False))
         .group_by(Stage.kind, day))
    where = _deal_where(pipeline_id, segment)
    if where is not None:
        q = q.where(where)
    return [(k, _day(d), int(n), int(a or 0)) for k, d, n, a in q.tuples()]


def load_snapshot(pipeline_id: int, segment: Segment | None = None) -> FunnelSnapshot:
    """The incremental snapshot rebuilt from the database (four GROUP BY queries)."""
    return FunnelSnapshot.from_aggregates(
        stages_of(pipeline_id), stage_aggregates(pipeline_id, segment),
        open_by_close_day(pipeline_id, segment), closed_by_day(pipeline_id, segment))


def segment_deal_ids(pipeline_id: int, segment: Segment | None = None,
                     within: Collection[int] | None = None) -> set[int]:
    """Ids of the pipeline's deals in the segment (to split loaded deals by a second segment
    without loading them again); only those in ``within`` when given (the loaded ones)."""
    q = Deal.select(Deal.id)
    where = _deal_where(pipeline_id, segment)
    if where is not None:
        q = q.where(where)
    cursor = Deal._meta.database.execute(q)
    if within is None:
        return {int(i) for (i,) in cursor}
    return {int(i) for (i,) in cursor if i in within}


def customer_names(ids: list[int] | set[int]) -> dict[int, str]:
    """customer id → name for these customers (one query)."""
    if not ids:
        return {}
    q = Customer.select(Customer.id, Customer.name).where(Customer.id.in_(list(ids)))
    return {int(i): n for i, n in q.tuples()}


def _in_range(column: peewee.Field, start: datetime | None, stop: datetime | None
              ) -> list[peewee.ColumnBase]:
    out: list[peewee.ColumnBase] = []
    if start is not None:
        out.append(column >= start)
    if stop is not None:
        out.append(column < stop)
    return out


def closed_rows(pipeline_id: int, segment: Segment | None, stage_ids: list[int],
                start: datetime | None, stop: datetime | None
                ) -> Iterator[tuple[int, int, datetime, datetime]]:
    """(stage id, amount, created, closed) of the deals in ``stage_ids`` closed in
    [start, stop), streamed from the cursor (nothing is kept: for month-by-month sums over
    deals that are not loaded)."""
    where: list[peewee.ColumnBase] = [Deal.closed_at.is_null(False), Deal.stage.in_(stage_ids),
             *_in_range(Deal.closed_at, start, stop)]
    base = _deal_where(pipeline_id, segment)
    if base is not None:
        where.append(base)
    q = Deal.select(Deal.stage, Deal.amount, Deal.created_at, Deal.closed_at).where(*where)
    read = field_reader(Deal.closed_at)
    for s, a, cr, cl in Deal._meta.database.execute(q):
        yield s, a, read(cr), read(cl)


def created_with_stays(pipeline_id: int, segment: Segment | None, start: datetime | None,
                       stop: datetime | None
                       ) -> Iterator[tuple[int, int, int, set[int]]]:
    """(deal id, stage id, amount, the stage ids its history ever put it in) of the deals
    created in [start, stop), one deal at a time in id order (streamed: for a conversion
    over deals that are not loaded)."""
    where = _in_range(Deal.created_at, start, stop)
    base = _deal_where(pipeline_id, segment)
    if base is not None:
        where.append(base)
    q = (Deal.select(Deal.id, Deal.stage, Deal.amount, StageHistory.stage)
         .join(StageHistory, JOIN.LEFT_OUTER, on=(StageHistory.deal == Deal.id))
         .where(*where).order_by(Deal.id))
    current: tuple[int, int, int, set[int]] | None = None
    for did, sid, amount, visited in Deal._meta.database.execute(q):
        if current is None or current[0] != did:
            if current is not None:
                yield current
            current = (did, sid, amount, set())
        if visited is not None:
            current[3].add(visited)
    if current is not None:
        yield current


#: The page cache (KiB) of a connection while :func:`modest_cache` holds: a one-pass read of
#: most of the file gains nothing from the usual 64 MB (the operating system caches the file
#: too), which would otherwise be filled, and kept, by the analytics' reads.
BULK_CACHE_KIB = 4000


@contextmanager
def modest_cache(kib: int = BULK_CACHE_KIB) -> Iterator[None]:
    """SQLite: this thread's connection keeps at most ``kib`` KiB of pages in the block
    (the pages above it are let go), then its own cache size again. Other databases: no
    change."""
    db = Deal._meta.database
    target = getattr(db, "obj", db)
    if not isinstance(target, peewee.SqliteDatabase):
        yield
        return
    before = db.execute_sql("PRAGMA cache_size").fetchone()[0]
    db.execute_sql(f"PRAGMA cache_size = {-abs(int(kib))}")
    try:
        yield
    finally:
        db.execute_sql(f"PRAGMA cache_size = {int(before)}")
