"""Undo as plain values: a snapshot of rows before an action, restored by the inverse."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..store.models import Activity, Contact, Customer, Deal, DealChange, StageHistory

Row = dict[str, Any]


@dataclass(frozen=True, slots=True)
class DealSnapshot:
    """A deal row (None: did not exist) with its history, changes and activities."""

    deal_id: int
    row: Row | None
    history: tuple[Row, ...] = ()
    changes: tuple[Row, ...] = ()
    activities: tuple[Row, ...] = ()


@dataclass(frozen=True, slots=True)
class CustomerSnapshot:
    """A customer row (None: did not exist) with contacts, activities and linked deals."""

    customer_id: int
    row: Row | None
    contacts: tuple[Row, ...] = ()
    activities: tuple[Row, ...] = ()
    deal_ids: tuple[int, ...] = ()


@dataclass(frozen=True, slots=True)
class Restore:
    """The inverse of an action: put these rows back exactly as they were."""

    label: str
    deals: tuple[DealSnapshot, ...] = ()
    customers: tuple[CustomerSnapshot, ...] = ()
    extra: dict[str, Any] = field(default_factory=dict)


def snapshot_deals(ids: list[int] | tuple[int, ...]) -> tuple[DealSnapshot, ...]:
    """Snapshots of these deals as they are now (in one query per table)."""
    ids = list(dict.fromkeys(ids))
    rows = {r["id"]: r for r in Deal.select().where(Deal.id.in_(ids)).dicts()}
    hist: dict[int, list[Row]] = {i: [] for i in ids}
    for r in StageHistory.select().where(StageHistory.deal.in_(ids)).order_by(
            StageHistory.id).dicts():
        hist[r["deal"]].append(r)
    chg: dict[int, list[Row]] = {i: [] for i in ids}
    for r in DealChange.select().where(DealChange.deal.in_(ids)).order_by(DealChange.id).dicts():
        chg[r["deal"]].append(r)
    act: dict[int, list[Row]] = {i: [] for i in ids}
    for r in Activity.select().where(Activity.deal.in_(ids)).order_by(Activity.id).dicts():
        act[r["deal"]].append(r)
    return tuple(DealSnapshot(i, rows.get(i), tuple(hist[i]), tuple(chg[i]), tuple(act[i]))
                 for i in ids)


def snapshot_customers(ids: list[int] | tuple[int, ...]) -> tuple[CustomerSnapshot, ...]:
    """Snapshots of these customers as they are now."""
    ids = list(dict.fromkeys(ids))
    rows = {r["id"]: r for r in Customer.select().where(Customer.id.in_(ids)).dicts()}
    out = []
    for i in ids:
        contacts = tuple(Contact.select().where(Contact.customer == i).order_by(Contact.id)
                         .dicts())
        acts = tuple(Activity.select().where(Activity.customer == i).order_by(Activity.id)
                     .dicts())
        deals = tuple(d.id for d in Deal.select(Deal.id).where(Deal.customer == i))
        out.append(CustomerSnapshot(i, rows.get(i), contacts, acts, deals))
    return tuple(out)


def restore_deals(snaps: tuple[DealSnapshot, ...]) -> None:
    """Put deals back as snapshotted (call inside a transaction)."""
    for s in snaps:
        exists = Deal.select(Deal.id).where(Deal.id == s.deal_id).exists()
        if s.row is None:
            if exists:
                Deal.delete().where(Deal.id == s.deal_id).execute()
            continue
        StageHistory.delete().where(StageHistory.deal == s.deal_id).execute()
        DealChange.delete().where(DealChange.deal == s.deal_id).execute()
        Activity.delete().where(Activity.deal == s.deal_id).execute()
        if exists:
            values = {k: v for k, v in s.row.items() if k != "id"}
            Deal.update(values).where(Deal.id == s.deal_id).execute()
        else:
            Deal.insert(s.row).execute()
        for model, rows in ((StageHistory, s.history), (DealChange, s.changes),
                            (Activity, s.activities)):
            if rows:
                model.insert_many(list(rows)).execute()


def restore_customers(snaps: tuple[CustomerSnapshot, ...]) -> None:
    """Put customers back as snapshotted (call inside a transaction)."""
    for s in snaps:
        exists = Customer.select(Customer.id).where(Customer.id == s.customer_id).exists()
        if s.row is None:
            if exists:
                Customer.delete().where(Customer.id == s.customer_id).execute()
            continue
        Contact.delete().where(Contact.customer == s.customer_id).execute()
        if exists:
            values = {k: v for k, v in s.row.items() if k != "id"}
            Customer.update(values).where(Customer.id == s.customer_id).execute()
        else:
            Customer.insert(s.row).execute()
        if s.contacts:
            Contact.insert_many(list(s.contacts)).execute()
        act_ids = [a["id"] for a in s.activities]
        Activity.delete().where((Activity.customer == s.customer_id)
                                & Activity.id.not_in(act_ids)).execute()
        present = {a.id for a in Activity.select(Activity.id).where(Activity.id.in_(act_ids))}
        missing = [a for a in s.activities if a["id"] not in present]
        if missing:
            Activity.insert_many(missing).execute()
        if s.deal_ids:
            Deal.update(customer=s.customer_id).where(Deal.id.in_(list(s.deal_ids))).execute()
        Deal.update(customer=None).where((Deal.customer == s.customer_id)
                                         & Deal.id.not_in(list(s.deal_ids))).execute()
