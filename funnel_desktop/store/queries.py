"""Reading: plain values for the core, and SQL aggregates for the board (no per-deal queries)."""

from __future__ import annotations

import json
from datetime import date, datetime
from typing import Any

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
from .models import (
    Customer,
    Deal,
    DealChange,
    Owner,
    Pipeline,
    Setting,
    Stage,
    StageHistory,
    Target,
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


def segment_where(seg: Segment) -> peewee.Expression | None:
    """A WHERE expression on Deal (with Owner and Customer joined) for a segment."""
    parts: list[Any] = []
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
        parts.append(Deal.customer.in_(returning_customer_ids()))
    elif seg.customer_type == "new":
        parts.append(Deal.customer.is_null() | Deal.customer.not_in(returning_customer_ids()))
    if seg.priorities:
        parts.append(Deal.customer.in_(Customer.select(Customer.id).where(
            Customer.priority.in_(list(seg.priorities)))))
    if seg.customer_classes:
        parts.append(Deal.customer.in_(customers_of_class(list(seg.customer_classes))))
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


def customers_of_class(classes: list[str]) -> list[int]:
    """Ids of customers whose (manual or derived) class is one of ``classes``."""
    from ..core.classify import customer_class

    today = date.today()
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


def load_funnel(pipeline_id: int, segment: Segment | None = None) -> FunnelData:
    """Stages, deals and stage visits of one pipeline, cut to a segment (two queries)."""
    stages = stages_of(pipeline_id)
    where = Deal.pipeline == pipeline_id
    extra = segment_where(segment) if segment else None
    if extra is not None:
        where &= extra
    q = (Deal.select(Deal.id, Deal.stage, Deal.amount, Deal.created_at, Deal.probability,
                     Deal.expected_close, Deal.closed_at, Deal.owner, Deal.customer, Deal.title,
                     Deal.last_activity_at, Deal.stage_entered_at, Deal.next_step,
                     Deal.next_step_due)
         .where(where).tuples())
    deals = [DealFacts(*row) for row in q]
    vq = (StageHistory.select(StageHistory.deal, StageHistory.stage, StageHistory.entered_at,
                              StageHistory.left_at)
          .join(Deal).where(where).order_by(StageHistory.entered_at, StageHistory.id).tuples())
    visits = [StageVisit(*row) for row in vq]
    return FunnelData(stages, deals, visits)


def load_changes(pipeline_id: int, since: datetime | None = None) -> list[FieldChange]:
    """Field edits of the pipeline's deals (for 'as of' and the week's changes)."""
    q = (DealChange.select(DealChange.deal, DealChange.field, DealChange.old, DealChange.new,
                           DealChange.at).join(Deal).where(Deal.pipeline == pipeline_id))
    if since is not None:
        q = q.where(DealChange.at >= since)
    return [FieldChange(*row) for row in q.tuples()]


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


def class_thresholds():  # -> ClassThresholds
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

