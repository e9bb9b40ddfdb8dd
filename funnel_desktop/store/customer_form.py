"""What the customer form reads: the customer as stored and its decision chain. Plain
values."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .models import Contact, Customer


@dataclass(frozen=True, slots=True)
class CustomerRecord:
    """A customer's stored fields as the form shows them (budget in minor units)."""

    id: int
    name: str
    contact_person: str
    phone: str
    email: str
    im: str
    address: str
    industry: str
    scale: str
    needs: str
    pain_points: str
    credit_notes: str
    notes: str
    budget: int | None
    region_id: int | None
    source_id: int | None
    intent: str
    priority: str
    class_manual: str
    man_money: bool | None
    man_authority: bool | None
    man_need: bool | None
    assessment: str  # JSON {criterion: "+" | "-"}
    version: int


def customer_record(customer_id: int) -> CustomerRecord | None:
    """The customer as stored, or None when there is no such customer."""
    c = Customer.get_or_none(Customer.id == customer_id)
    if c is None:
        return None
    return CustomerRecord(c.id, c.name, c.contact_person, c.phone, c.email, c.im, c.address,
                          c.industry, c.scale, c.needs, c.pain_points, c.credit_notes, c.notes,
                          c.budget, c.region_id, c.source_id, c.intent, c.priority,
                          c.class_manual, c.man_money, c.man_authority, c.man_need,
                          c.assessment, c.version)


def customer_exists(customer_id: int) -> bool:
    return Customer.get_or_none(Customer.id == customer_id) is not None


def customer_version(customer_id: int) -> int:
    """The customer's row version; raises the model's ``DoesNotExist`` when there is none."""
    return Customer.get_by_id(customer_id).version


def customer_contacts(customer_id: int) -> list[dict[str, Any]]:
    """The customer's contacts as stored (every field by name, ``customer`` its id), in the
    order they were added."""
    return list(Contact.select().where(Contact.customer == customer_id).order_by(Contact.id)
                .dicts())
