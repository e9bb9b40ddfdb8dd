"""What the deal editor reads: the deal as stored, the customers to pick from, its activity
timeline, its stage visits and its field edits. Plain values; times naive UTC."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from .models import Activity, Customer, Deal, DealChange, StageHistory


@dataclass(frozen=True, slots=True)
class DealRecord:
    """A deal's stored fields as its editor shows them (money in minor units)."""

    id: int
    pipeline_id: int
    stage_id: int
    title: str
    customer_id: int | None
    customer_name: str  # "" without a customer
    amount: int
    probability: int | None  # the deal's own; None: its stage's
    expected_close: date | None
    owner_id: int | None
    source_id: int | None
    project_type: str
    next_step: str
    next_step_due: date | None
    close_note: str
    checklist: str  # JSON {question: true}
    version: int


@dataclass(frozen=True, slots=True)
class ActivityRow:
    """One entry of a deal's activity timeline."""

    id: int
    kind: str
    subject: str
    notes: str
    created_at: datetime | None
    due_at: datetime | None
    done_at: datetime | None


@dataclass(frozen=True, slots=True)
class VisitRow:
    """One stay of a deal in a stage (``left_at`` None: it is still there)."""

    stage_id: int
    entered_at: datetime
    left_at: datetime | None


@dataclass(frozen=True, slots=True)
class ChangeRow:
    """One edit of a deal's field: old → new as stored text."""

    field: str
    old: str | None
    new: str | None
    at: datetime | None


def deal_record(deal_id: int) -> DealRecord | None:
    """The deal as stored, or None when there is no such deal."""
    d = Deal.get_or_none(Deal.id == deal_id)
    if d is None:
        return None
    return DealRecord(d.id, d.pipeline_id, d.stage_id, d.title, d.customer_id,
                      d.customer.name if d.customer is not None else "", d.amount, d.probability,
                      d.expected_close, d.owner_id, d.source_id, d.project_type, d.next_step,
                      d.next_step_due, d.close_note, d.checklist, d.version)


def deal_version(deal_id: int) -> int:
    """The deal's row version; raises the model's ``DoesNotExist`` when there is none."""
    return Deal.get_by_id(deal_id).version


def customer_choices() -> dict[str, int]:
    """customer name → id (the oldest customer of a name), for typing a customer's name."""
    return dict(reversed(list(Customer.select(Customer.name, Customer.id)
                              .order_by(Customer.id).tuples())))


def activities(deal_id: int) -> list[ActivityRow]:
    """The deal's activities, newest first."""
    return [ActivityRow(a.id, a.kind, a.subject, a.notes, a.created_at, a.due_at, a.done_at)
            for a in Activity.select().where(Activity.deal == deal_id)
            .order_by(Activity.created_at.desc(), Activity.id.desc())]


def stage_visits(deal_id: int) -> list[VisitRow]:
    """The deal's stays in stages, in the order it entered them."""
    return [VisitRow(h.stage_id, h.entered_at, h.left_at)
            for h in StageHistory.select().where(StageHistory.deal == deal_id)
            .order_by(StageHistory.entered_at, StageHistory.id)]


def field_changes(deal_id: int) -> list[ChangeRow]:
    """The deal's field edits, newest first."""
    return [ChangeRow(c.field, c.old, c.new, c.at)
            for c in DealChange.select().where(DealChange.deal == deal_id)
            .order_by(DealChange.at.desc(), DealChange.id.desc())]
