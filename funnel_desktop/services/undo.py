"""Undo as plain values: a snapshot of rows before an action, restored by the inverse."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..store.models import (
    Activity,
    Contact,
    Customer,
    Deal,
    DealChange,
    Owner,
    Region,
    Source,
    StageHistory,
    Target,
    Team,
    WeeklyNote,
)

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
class RowsSnapshot:
    """The rows of one table that match ``key`` (column, value pairs; None matches NULL), as
    they were. Restoring deletes whatever matches the key now and puts these rows back."""

    table: str  # activity / target / weekly_note
    key: tuple[tuple[str, Any], ...]
    rows: tuple[Row, ...] = ()


#: Tables whose rows an inverse can hold directly, and the change kind each one touches.
ROW_TABLES: dict[str, tuple[type, str]] = {
    "activity": (Activity, "activities"),
    "target": (Target, "targets"),
    "weekly_note": (WeeklyNote, "notes"),
    # kept lists an import creates (restored before customers and deals, see Services.undo)
    "team": (Team, "lists"),
    "region": (Region, "lists"),
    "source": (Source, "lists"),
    "owner": (Owner, "lists"),
}


@dataclass(frozen=True, slots=True)
class Restore:
    """The inverse of an action: put these rows back exactly as they were."""

    label: str
    deals: tuple[DealSnapshot, ...] = ()
    customers: tuple[CustomerSnapshot, ...] = ()
    extra: dict[str, Any] = field(default_factory=dict)
    rows: tuple[RowsSnapshot, ...] = ()


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
    gone = [s.deal_id for s in snaps if s.row is None]  # deals that did not exist: one query
    for i in range(0, len(gone), 10000):
        Deal.delete().where(Deal.id.in_(gone[i:i + 10000])).execute()
    for s in snaps:
        if s.row is None:
            continue
        exists = Deal.select(Deal.id).where(Deal.id == s.deal_id).exists()
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


def detach_deal_activities(customer_id: int) -> None:
    """Before a customer is deleted: the follow-ups of its deals belong to the deals, so they
    stay, without the customer (the foreign key would otherwise delete them with it)."""
    Activity.update(customer=None).where((Activity.customer == customer_id)
                                         & Activity.deal.is_null(False)).execute()


def restore_customers(snaps: tuple[CustomerSnapshot, ...]) -> None:
    """Put customers back as snapshotted (call inside a transaction)."""
    for s in snaps:
        exists = Customer.select(Customer.id).where(Customer.id == s.customer_id).exists()
        if s.row is None:
            if exists:
                detach_deal_activities(s.customer_id)
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
        if present:  # follow-ups of its deals were kept, only detached from the customer
            Activity.update(customer=s.customer_id).where(
                Activity.id.in_(list(present))).execute()
        if s.deal_ids:
            Deal.update(customer=s.customer_id).where(Deal.id.in_(list(s.deal_ids))).execute()
        Deal.update(customer=None).where((Deal.customer == s.customer_id)
                                         & Deal.id.not_in(list(s.deal_ids))).execute()


def _matching(table: str, key: tuple[tuple[str, Any], ...]) -> Any:
    model = ROW_TABLES[table][0]
    expr = None
    for column, value in key:
        f = getattr(model, column)
        part = f.is_null() if value is None else f == value
        expr = part if expr is None else expr & part
    return model, expr


def snapshot_rows(table: str, **key: Any) -> RowsSnapshot:
    """The rows of ``table`` matching ``key`` as they are now."""
    k = tuple(sorted(key.items()))
    model, expr = _matching(table, k)
    return RowsSnapshot(table, k, tuple(model.select().where(expr).order_by(model.id).dicts()))


def resnapshot_rows(snap: RowsSnapshot) -> RowsSnapshot:
    """A fresh snapshot of the rows ``snap`` covers (for the redo of an undo)."""
    return snapshot_rows(snap.table, **dict(snap.key))


def restore_rows(snaps: tuple[RowsSnapshot, ...]) -> None:
    """Put keyed rows back as snapshotted (call inside a transaction)."""
    for s in snaps:
        model, expr = _matching(s.table, s.key)
        model.delete().where(expr).execute()
        if s.rows:
            model.insert_many(list(s.rows)).execute()
