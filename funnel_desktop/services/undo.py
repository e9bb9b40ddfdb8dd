"""Undo as plain values: a snapshot of rows before an action, restored by the inverse."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..core.batches import chunks
from ..store.models import (
    Activity,
    Contact,
    Customer,
    Deal,
    DealChange,
    Owner,
    Pipeline,
    Region,
    Source,
    Stage,
    StageHistory,
    Target,
    Team,
    WeeklyNote,
)
from ..store.queries import rows_with

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
class PipelineSnapshot:
    """A pipeline row (None: did not exist) with all of its stage rows."""

    pipeline_id: int
    row: Row | None
    stages: tuple[Row, ...] = ()


@dataclass(frozen=True, slots=True)
class Restore:
    """The inverse of an action: put these rows back exactly as they were."""

    label: str
    deals: tuple[DealSnapshot, ...] = ()
    customers: tuple[CustomerSnapshot, ...] = ()
    extra: dict[str, Any] = field(default_factory=dict)
    rows: tuple[RowsSnapshot, ...] = ()
    pipelines: tuple[PipelineSnapshot, ...] = ()


#: Ids per ``IN (…)`` list (SQLite builds before 3.32 allow 32,766 variables).
CHUNK = 20000


def _by(rows: list[Row], key: str, groups: dict[int, list[Row]]) -> None:
    for r in rows:
        groups[r[key]].append(r)


def snapshot_deals(ids: list[int] | tuple[int, ...]) -> tuple[DealSnapshot, ...]:
    """Snapshots of these deals as they are now (one query per table and 20,000 deals)."""
    ids = list(dict.fromkeys(ids))
    rows: dict[int, Row] = {}
    hist: dict[int, list[Row]] = {i: [] for i in ids}
    chg: dict[int, list[Row]] = {i: [] for i in ids}
    act: dict[int, list[Row]] = {i: [] for i in ids}
    for chunk in chunks(ids, CHUNK):
        rows.update((r["id"], r) for r in rows_with(Deal, Deal.id, chunk))
        _by(rows_with(StageHistory, StageHistory.deal, chunk, ordered=True), "deal", hist)
        _by(rows_with(DealChange, DealChange.deal, chunk, ordered=True), "deal", chg)
        _by(rows_with(Activity, Activity.deal, chunk, ordered=True), "deal", act)
    return tuple(DealSnapshot(i, rows.get(i), tuple(hist[i]), tuple(chg[i]), tuple(act[i]))
                 for i in ids)


def snapshot_customers(ids: list[int] | tuple[int, ...]) -> tuple[CustomerSnapshot, ...]:
    """Snapshots of these customers as they are now (one query per table and 20,000
    customers)."""
    ids = list(dict.fromkeys(ids))
    rows: dict[int, Row] = {}
    contacts: dict[int, list[Row]] = {i: [] for i in ids}
    acts: dict[int, list[Row]] = {i: [] for i in ids}
    deals: dict[int, list[int]] = {i: [] for i in ids}
    for chunk in chunks(ids, CHUNK):
        rows.update((r["id"], r) for r in rows_with(Customer, Customer.id, chunk))
        _by(rows_with(Contact, Contact.customer, chunk, ordered=True), "customer", contacts)
        _by(rows_with(Activity, Activity.customer, chunk, ordered=True), "customer", acts)
        for did, cid in (Deal.select(Deal.id, Deal.customer).where(Deal.customer.in_(chunk))
                         .order_by(Deal.id).tuples()):
            deals[cid].append(did)
    return tuple(CustomerSnapshot(i, rows.get(i), tuple(contacts[i]), tuple(acts[i]),
                                  tuple(deals[i])) for i in ids)


def _insert_rows(model: type, rows: list[Row]) -> None:
    """Insert snapshotted rows (every field, ids included) in one prepared statement."""
    if not rows:
        return
    from ..store.importing.bulk import bulk_insert  # not at start-up: it loads the importer

    columns = list(rows[0])
    bulk_insert(model, columns, [tuple(r[c] for c in columns) for r in rows])


def restore_deals(snaps: tuple[DealSnapshot, ...]) -> None:
    """Put deals back as snapshotted (call inside a transaction): deals that did not exist
    are deleted, the others replaced with their history, changes and activities — in a few
    statements per 20,000 deals."""
    gone = [s.deal_id for s in snaps if s.row is None]
    for chunk in chunks(gone, CHUNK):
        Deal.delete().where(Deal.id.in_(chunk)).execute()
    back = {s.deal_id: s for s in snaps if s.row is not None}  # the last one of an id wins
    ids = list(back)
    for chunk in chunks(ids, CHUNK):
        for model in (StageHistory, DealChange, Activity):
            model.delete().where(model.deal.in_(chunk)).execute()
        Deal.delete().where(Deal.id.in_(chunk)).execute()
    if not back:
        return
    _insert_rows(Deal, [s.row for s in back.values()])
    for model, attr in ((StageHistory, "history"), (DealChange, "changes"),
                        (Activity, "activities")):
        _insert_rows(model, [r for s in back.values() for r in getattr(s, attr)])


def detach_deal_activities(customer_id: int) -> None:
    """Before a customer is deleted: the follow-ups of its deals belong to the deals, so they
    stay, without the customer (the foreign key would otherwise delete them with it)."""
    _detach_and_delete([customer_id], delete=False)


def _detach_and_delete(customer_ids: list[int], delete: bool = True) -> None:
    for chunk in chunks(customer_ids, CHUNK):
        Activity.update(customer=None).where(Activity.customer.in_(chunk)
                                             & Activity.deal.is_null(False)).execute()
        if delete:
            Customer.delete().where(Customer.id.in_(chunk)).execute()


def restore_customers(snaps: tuple[CustomerSnapshot, ...]) -> None:
    """Put customers back as snapshotted (call inside a transaction). Customers that did not
    exist are removed together (their deals' follow-ups are kept, detached)."""
    gone: list[int] = []
    for s in snaps:
        if s.row is None:
            gone.append(s.customer_id)
            continue
        _detach_and_delete(gone)
        gone = []
        exists = Customer.select(Customer.id).where(Customer.id == s.customer_id).exists()
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
    _detach_and_delete(gone)


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


def snapshot_pipelines(ids: list[int] | tuple[int, ...]) -> tuple[PipelineSnapshot, ...]:
    """Snapshots of these pipelines and their stages as they are now."""
    out = []
    for pid in dict.fromkeys(ids):
        row = Pipeline.select().where(Pipeline.id == pid).dicts().first()
        stages = tuple(Stage.select().where(Stage.pipeline == pid).order_by(Stage.id).dicts())
        out.append(PipelineSnapshot(pid, row, stages))
    return tuple(out)


def restore_pipeline_rows(snaps: tuple[PipelineSnapshot, ...]) -> None:
    """First half of putting pipelines back (call inside a transaction, before the deals are
    restored): the pipeline rows and every snapshotted stage, ids included, so deals and
    their history can point at them again. Stages the snapshot does not hold stay until
    :func:`drop_pipeline_leftovers`."""
    for s in snaps:
        if s.row is None:
            continue
        values = {k: v for k, v in s.row.items() if k != "id"}
        if Pipeline.select(Pipeline.id).where(Pipeline.id == s.pipeline_id).exists():
            Pipeline.update(values).where(Pipeline.id == s.pipeline_id).execute()
        else:
            Pipeline.insert(s.row).execute()
        present = {i for (i,) in Stage.select(Stage.id).where(
            Stage.id.in_([r["id"] for r in s.stages])).tuples()} if s.stages else set()
        for r in s.stages:
            if r["id"] in present:
                Stage.update({k: v for k, v in r.items() if k != "id"}).where(
                    Stage.id == r["id"]).execute()
        missing = [r for r in s.stages if r["id"] not in present]
        if missing:
            Stage.insert_many(missing).execute()


def drop_pipeline_leftovers(snaps: tuple[PipelineSnapshot, ...]) -> None:
    """Second half (after the deals are restored): remove the stages the snapshot does not
    hold, and the pipelines that did not exist (with their stages)."""
    for s in snaps:
        keep = [r["id"] for r in s.stages] if s.row is not None else []
        Stage.delete().where((Stage.pipeline == s.pipeline_id)
                             & Stage.id.not_in(keep)).execute()
        if s.row is None:
            Pipeline.delete().where(Pipeline.id == s.pipeline_id).execute()
