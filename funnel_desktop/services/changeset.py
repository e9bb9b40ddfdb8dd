"""Undo as compensation: what one action changed, row by row, and how to take exactly that
back without touching what anybody did since.

An action reads the rows it may change inside its write transaction (locked), writes, reads
them again and keeps the difference as a :class:`ChangeSet`: the rows it created (with the
version they had), and the rows it changed or deleted (as they were before and after).
:func:`apply` takes a change set back — only where the rows still hold what the action wrote —
and returns the change set of that (its redo). A row somebody changed since is a conflict:
nothing is written and :class:`UndoConflict` says who changed what, from the change feed.
Fields of a row the later change did not touch are still taken back (Bob's new amount stays
when Alice's move is undone); a row the action created is removed only if nobody changed it
or added anything to it."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

import peewee

from ..core import progress
from ..core.batches import chunks
from ..core.errors import FunnelError, StoreError
from ..store import feed
from ..store.models import (
    ALL_MODELS,
    Activity,
    BaseModel,
    Contact,
    Customer,
    Deal,
    DealChange,
    StageHistory,
    database,
)
from ..store.queries import in_ids, model_rows, rows_with

Row = dict[str, Any]
Key = tuple[str, int]

#: Ids per IN (…) list (SQLite builds before 3.32 allow 32,766 variables).
CHUNK = 20000
#: table name → model
MODELS: dict[str, type[BaseModel]] = {m._meta.table_name: m for m in ALL_MODELS}
#: Parents before children: the order rows are put back in (and the reverse, removed).
ORDER = ("setting", "team", "region", "source", "reason", "owner", "pipeline", "stage",
         "customer", "contact", "deal", "stage_history", "deal_change", "activity", "target",
         "weekly_note")
_RANK = {t: i for i, t in enumerate(ORDER)}
#: Written on every change, never a conflict.
BOOKKEEPING = frozenset({"version", "updated_at"})
#: Derived from other rows: taken back where nobody moved it since, else left as it is now
#: (a later follow-up is the deal's latest activity whatever is undone before it).
DERIVED = {"deal": frozenset({"last_activity_at"})}
#: The change kinds each table's rows belong to (for the change event).
KIND_OF = {"deal": "deals", "stage_history": "deals", "deal_change": "deals",
           "activity": "activities", "customer": "customers", "contact": "customers",
           "pipeline": "pipelines", "stage": "pipelines", "target": "targets",
           "weekly_note": "notes", "setting": "settings", "team": "lists", "region": "lists",
           "source": "lists", "reason": "lists", "owner": "lists"}


@dataclass(frozen=True, slots=True)
class RowChange:
    """A row the action changed (``before`` and ``after``) or deleted (``after`` None)."""

    table: str
    before: Row
    after: Row | None

    @property
    def id(self) -> int:
        return int(self.before["id"])


@dataclass(frozen=True, slots=True)
class Created:
    """Rows of one table the action created: ids and the version each had after it (their
    content is read when they are taken back)."""

    table: str
    ids: tuple[int, ...]
    versions: tuple[int, ...] | None = None  # None: every one at version 1


@dataclass(frozen=True, slots=True)
class ChangeSet:
    """What one action changed; :func:`apply` takes it back. ``seq`` is the action's change
    feed row (what happened after it is read from there)."""

    label: str
    created: tuple[Created, ...] = ()
    rows: tuple[RowChange, ...] = ()
    seq: int = 0
    extra: dict[str, Any] = field(default_factory=dict)

    def empty(self) -> bool:
        return not self.rows and not any(c.ids for c in self.created)

    def with_seq(self, seq: int) -> ChangeSet:
        return ChangeSet(self.label, self.created, self.rows, seq, self.extra)


@dataclass(frozen=True, slots=True)
class Conflict:
    """A row undo cannot take back: ``why`` is changed / deleted / taken / referenced /
    parent_gone."""

    table: str
    id: int
    why: str
    fields: tuple[str, ...] = ()
    name: str = ""  # what a person calls the row (a deal's title, a customer's name)
    parent: str = ""  # parent_gone: the table and id of the row somebody deleted
    parent_id: int = 0


class UndoConflict(FunnelError):
    """Undo (or redo) found rows changed since the action: nothing was written."""

    def __init__(self, label: str, conflicts: list[Conflict], later: list[feed.FeedEntry]
                 ) -> None:
        self.label = label
        self.conflicts = conflicts
        self.later = later
        names = list(dict.fromkeys(c.name for c in conflicts if c.name))
        who = list(dict.fromkeys(e.by or "?" for e in later))
        last = later[-1].at if later else None
        fields = sorted({f for c in conflicts for f in c.fields})
        super().__init__("undo_conflict", action=label, items=", ".join(names[:3]) or "?",
                         by=", ".join(who[:3]) or "?", at=local_time(last),
                         fields=", ".join(fields), count=len(conflicts))


def local_time(at: datetime | None) -> str:
    """A stored (naive UTC) time as the computer's local ``YYYY-MM-DD HH:MM``."""
    if at is None:
        return "?"
    return at.replace(tzinfo=UTC).astimezone().strftime("%Y-%m-%d %H:%M")


def _is_pg() -> bool:
    return isinstance(database.obj, peewee.PostgresqlDatabase)


#: SQL text of the locking read of one row, per model and field (PostgreSQL).
_LOCK_ONE: dict[tuple[type[BaseModel], str], str] = {}


def read_rows(model: type[BaseModel], fld: peewee.Field, ids: Iterable[int],
              lock: bool = False) -> list[Row]:
    """The rows whose ``fld`` is one of ``ids`` (locked FOR UPDATE on PostgreSQL with
    ``lock``; SQLite's writer holds the whole file already)."""
    ids = list(dict.fromkeys(ids))
    if not ids:
        return []
    if not (lock and _is_pg()):
        if len(ids) == 1:
            return rows_with(model, fld, ids)
        out: list[Row] = []
        for chunk in chunks(ids, CHUNK):
            out.extend(rows_with(model, fld, chunk))
        return out
    if len(ids) == 1:
        sql = _LOCK_ONE.get((model, fld.name))
        if sql is None:
            sql = _LOCK_ONE[(model, fld.name)] = model.select().where(fld == 0).order_by(
                model.id).for_update().sql()[0]
        return model_rows(model, sql, [ids[0]])
    out = []
    for chunk in chunks(sorted(ids), CHUNK):  # one order everywhere: no deadlocks
        out.extend(model_rows(model, model.select().where(in_ids(fld, chunk))
                              .order_by(model.id).for_update()))
    return out


class Capture:
    """The rows an action may change, read before its writes (inside its transaction) and
    again after; :meth:`changeset` is the difference."""

    def __init__(self) -> None:
        self._scopes: list[tuple[type[BaseModel], peewee.Field, tuple[int, ...],
                                 int | None]] = []
        self._before: dict[Key, Row] = {}

    def read(self, model: type[BaseModel], fld: peewee.Field, ids: Iterable[int],
             lock: bool = False) -> list[Row]:
        """Read (and remember) the rows of ``model`` whose ``fld`` is in ``ids``."""
        ids = tuple(dict.fromkeys(ids))
        rows = read_rows(model, fld, ids, lock)
        self._scopes.append((model, fld, ids, None))
        table = model._meta.table_name
        for r in rows:
            self._before.setdefault((table, r["id"]), r)
        return rows

    def floor(self, model: type[BaseModel]) -> int:
        """The highest id of ``model`` now: rows above it, in a scope given to
        :meth:`expect`, are the ones the action creates."""
        return int(model.select(peewee.fn.MAX(model.id)).scalar() or 0)

    def expect(self, model: type[BaseModel], fld: peewee.Field, ids: Iterable[int],
               floor: int | None = None) -> None:
        """Rows the action creates: those whose ``fld`` is in ``ids`` (and whose id is above
        ``floor``, when rows of that scope existed before), read after its writes only."""
        self._scopes.append((model, fld, tuple(dict.fromkeys(ids)), floor))

    def changeset(self, label: str) -> ChangeSet:
        """Read every scope again and keep what differs."""
        after: dict[Key, Row] = {}
        for model, fld, ids, floor in self._scopes:
            table = model._meta.table_name
            for r in read_rows(model, fld, ids):
                if floor is None or r["id"] > floor or (table, r["id"]) in self._before:
                    after[(table, r["id"])] = r
        missing: dict[str, list[int]] = defaultdict(list)
        for table, rid in self._before:
            if (table, rid) not in after:
                missing[table].append(rid)
        for table, gone in missing.items():  # moved out of its scope (or deleted)
            for r in read_rows(MODELS[table], MODELS[table].id, gone):
                after[(table, r["id"])] = r
        return diff(label, self._before, after)


def diff(label: str, before: dict[Key, Row], after: dict[Key, Row]) -> ChangeSet:
    """The change set from ``before`` to ``after`` (rows keyed by table and id)."""
    created: dict[str, list[tuple[int, int]]] = defaultdict(list)
    rows: list[RowChange] = []
    for key, row in after.items():
        old = before.get(key)
        if old is None:
            created[key[0]].append((key[1], int(row.get("version", 1))))
        elif old != row:
            rows.append(RowChange(key[0], old, row))
    for key, old in before.items():
        if key not in after:
            rows.append(RowChange(key[0], old, None))
    rows.sort(key=lambda r: (_RANK[r.table], r.id))
    made = []
    for table in sorted(created, key=_RANK.__getitem__):
        pairs = sorted(created[table])
        versions = tuple(v for _, v in pairs)
        made.append(Created(table, tuple(i for i, _ in pairs),
                            None if all(v == 1 for v in versions) else versions))
    return ChangeSet(label, tuple(made), tuple(rows))


# -- taking a change set back ------------------------------------------------------------------
def _name(table: str, row: Row | None) -> str:
    if row is None:
        return ""
    for key in ("title", "name", "label", "subject", "key", "week"):
        if row.get(key):
            return str(row[key])
    return ""


def _changed_fields(before: Row, after: Row) -> set[str]:
    return {k for k, v in before.items() if after.get(k) != v}


def _insert(model: type[BaseModel], rows: list[Row]) -> None:
    if not rows:
        return
    from ..store.importing.bulk import bulk_insert  # not at start-up: it loads the importer

    columns = list(rows[0])
    bulk_insert(model, columns, [tuple(r[c] for c in columns) for r in rows])


def _children(table: str) -> list[tuple[type[BaseModel], peewee.ForeignKeyField]]:
    model = MODELS[table]
    return [(fk.model, fk) for fk in model._meta.backrefs if fk.model in ALL_MODELS]


@dataclass(slots=True)
class Applied:
    """What :func:`apply` did: its redo, and the rows it read and wrote (for the event)."""

    redo: ChangeSet
    touched: list[tuple[str, Row]]


def apply(cs: ChangeSet, now: datetime) -> Applied:
    """Take ``cs`` back inside the open write transaction; raises :class:`UndoConflict`
    (before writing anything) where rows changed since."""
    conflicts: list[Conflict] = []
    touched: list[tuple[str, Row]] = []
    # the rows now, locked, by table
    current: dict[str, dict[int, Row]] = defaultdict(dict)
    wanted: dict[str, set[int]] = defaultdict(set)
    for c in cs.created:
        wanted[c.table].update(c.ids)
    for rc in cs.rows:
        wanted[rc.table].add(rc.id)
    progress.phase("undo", sum(len(c.ids) for c in cs.created) + len(cs.rows))
    for table in sorted(wanted, key=_RANK.__getitem__):
        model = MODELS[table]
        for r in read_rows(model, model.id, wanted[table], lock=True):
            current[table][r["id"]] = r

    # rows the action created: removed if nobody changed them
    remove: dict[str, list[Row]] = defaultdict(list)
    for c in cs.created:
        versions = c.versions or (1,) * len(c.ids)
        has_version = "version" in MODELS[c.table]._meta.fields
        now_rows = current[c.table]
        for rid, version in zip(c.ids, versions, strict=True):
            row = now_rows.get(rid)
            if row is None:
                continue  # somebody removed it already
            if has_version and row["version"] != version:
                conflicts.append(Conflict(c.table, rid, "changed", name=_name(c.table, row)))
            else:
                remove[c.table].append(row)

    put_back: dict[str, list[Row]] = defaultdict(list)
    updates: list[tuple[str, Row, Row]] = []  # table, row now, what to write
    for rc in cs.rows:
        row = current[rc.table].get(rc.id)
        if rc.after is None:  # the action deleted it
            if row is not None:
                conflicts.append(Conflict(rc.table, rc.id, "taken", name=_name(rc.table, row)))
            else:
                put_back[rc.table].append(rc.before)
            continue
        if row is None:
            conflicts.append(Conflict(rc.table, rc.id, "deleted",
                                      name=_name(rc.table, rc.before)))
            continue
        if row == rc.after:
            updates.append((rc.table, row, dict(rc.before)))
            continue
        derived = DERIVED.get(rc.table, frozenset())
        mine = _changed_fields(rc.before, rc.after) - BOOKKEEPING
        theirs = {f for f in mine - derived if row.get(f) != rc.after.get(f)}
        if theirs:
            conflicts.append(Conflict(rc.table, rc.id, "changed", tuple(sorted(theirs)),
                                      _name(rc.table, row)))
            continue
        write = dict(row)
        for f in mine:
            if f not in derived or row.get(f) == rc.after.get(f):
                write[f] = rc.before[f]
        if write == row:
            continue
        if "version" in write:
            write["version"] = row["version"] + 1
        if "updated_at" in write:
            write["updated_at"] = now
        updates.append((rc.table, row, write))
    conflicts.extend(_missing_parents(put_back))
    if conflicts:
        _raise(cs, conflicts, current)

    # put back what the action deleted (parents first), then the updates, then remove what
    # it created (children first) — once nothing else refers to it
    redo_created: list[Created] = []
    for table in sorted(put_back, key=_RANK.__getitem__):
        rows = sorted(put_back[table], key=lambda r: r["id"])
        _insert(MODELS[table], rows)
        progress.advance(len(rows))
        redo_created.append(Created(table, tuple(r["id"] for r in rows),
                                    tuple(int(r.get("version", 1)) for r in rows)))
        touched.extend((table, r) for r in rows)
    redo_rows: list[RowChange] = []
    for table, row, write in updates:
        model = MODELS[table]
        values = {k: v for k, v in write.items() if k != "id" and row.get(k) != v}
        if values:
            model.update(values).where(model.id == row["id"]).execute()
        redo_rows.append(RowChange(table, row, write))  # the undo as an action
        touched.append((table, row))
        touched.append((table, write))
    _refuse_foreign_children(cs, remove, current)
    for table in sorted(remove, key=_RANK.__getitem__, reverse=True):
        model = MODELS[table]
        ids = [r["id"] for r in remove[table]]
        for chunk in chunks(ids, CHUNK):
            if model.delete().where(in_ids(model.id, chunk)).execute() != len(chunk):
                _refuse_kept(model, chunk)
            progress.advance(len(chunk))
        redo_rows.extend(RowChange(table, r, None) for r in remove[table])
        touched.extend((table, r) for r in remove[table])
    redo_rows.sort(key=lambda r: (_RANK[r.table], r.id))
    redo_created.sort(key=lambda c: _RANK[c.table])
    return Applied(ChangeSet(cs.label, tuple(redo_created), tuple(redo_rows), 0, cs.extra),
                   touched)


def _refuse_kept(model: type[BaseModel], ids: list[int]) -> None:
    """Rows a delete left in place while still there to read: on a team server the row-level
    security kept them (e.g. a salesperson undoing the deal they created: only an admin
    deletes), which PostgreSQL does silently. Refused (``db_denied``, the transaction rolls
    back) rather than an undo that says it worked and left the row."""
    if model.select(model.id).where(in_ids(model.id, ids)).exists():
        from ..store.db import mask_url

        raise StoreError("db_denied", path=mask_url(str(getattr(database.obj, "database",
                                                                "database"))))


def _missing_parents(put_back: dict[str, list[Row]]) -> list[Conflict]:
    """Rows to put back whose customer, stage, owner… somebody deleted since (the row would
    point at nothing): each is a conflict naming the reference."""
    conflicts: list[Conflict] = []
    coming = {t: {r["id"] for r in rows} for t, rows in put_back.items()}
    for table, rows in put_back.items():
        for fk in MODELS[table]._meta.refs:
            parent = fk.rel_model._meta.table_name
            wanted = {r[fk.name] for r in rows if r.get(fk.name) is not None}
            wanted -= coming.get(parent, set())
            if not wanted:
                continue
            model = MODELS[parent]
            there: set[int] = set()
            for chunk in chunks(sorted(wanted), CHUNK):
                q = model.select(model.id).where(in_ids(model.id, chunk))
                there.update(i for (i,) in model._meta.database.execute(q))
            gone = wanted - there
            for r in rows:
                if r.get(fk.name) in gone:
                    conflicts.append(Conflict(table, r["id"], "parent_gone", (fk.name,),
                                              _name(table, r), parent, r[fk.name]))
    return conflicts


def _refuse_foreign_children(cs: ChangeSet, remove: dict[str, list[Row]],
                             current: dict[str, dict[int, Row]]) -> None:
    """A row to remove that somebody else's row refers to (a follow-up Bob logged on the
    deal being un-created) is a conflict: removing it would take Bob's row with it."""
    leaving = {t: {r["id"] for r in rows} for t, rows in remove.items()}
    conflicts: list[Conflict] = []
    for table, rows in remove.items():
        ids = [r["id"] for r in rows]
        for child, fk in _children(table):
            ctable = child._meta.table_name
            going = leaving.get(ctable, set())
            for chunk in chunks(ids, CHUNK):
                q = child.select(child.id, fk).where(in_ids(fk, chunk))
                for cid, parent in child._meta.database.execute(q):  # the driver's tuples
                    if cid not in going:
                        row = next(r for r in rows if r["id"] == parent)
                        conflicts.append(Conflict(table, parent, "referenced",
                                                  name=_name(table, row)))
    if conflicts:
        _raise(cs, conflicts, current)


def _raise(cs: ChangeSet, conflicts: list[Conflict],
           current: dict[str, dict[int, Row]]) -> None:
    deal_ids = {c.id for c in conflicts if c.table == "deal"}
    customer_ids = {c.id for c in conflicts if c.table == "customer"}
    for c in conflicts:
        if c.parent == "customer":
            customer_ids.add(c.parent_id)
        elif c.parent == "deal":
            deal_ids.add(c.parent_id)
        row = current.get(c.table, {}).get(c.id)
        if row is not None and c.table in ("stage_history", "deal_change", "activity"):
            if row.get("deal") is not None:
                deal_ids.add(row["deal"])
            if row.get("customer") is not None:
                customer_ids.add(row["customer"])
        if row is not None and c.table == "contact":
            customer_ids.add(row["customer"])
    kinds = {KIND_OF[c.table] for c in conflicts}
    later = feed.touching(cs.seq, deal_ids, customer_ids,
                          kinds - {"deals", "customers", "activities"}) if cs.seq else []
    named = [c for c in conflicts if c.name]
    if not named:  # name the deal a history row or follow-up belongs to
        titles: dict[int, str] = dict(
            Deal.select(Deal.id, Deal.title).where(Deal.id.in_(list(deal_ids)))
            .tuples()) if deal_ids else {}
        conflicts = [Conflict(c.table, c.id, c.why, c.fields,
                              next(iter(titles.values()), "")) for c in conflicts]
    raise UndoConflict(cs.label, conflicts, later)


# -- what a change touched -------------------------------------------------------------------
@dataclass(slots=True)
class Touched:
    """The change kinds and ids a set of rows belongs to (for the change event)."""

    kinds: set[str] = field(default_factory=set)
    deal_ids: set[int] = field(default_factory=set)
    customer_ids: set[int] = field(default_factory=set)

    def add(self, table: str, row: Row) -> None:
        self.kinds.add(KIND_OF[table])
        if table == "deal":
            self.deal_ids.add(row["id"])
        elif table == "customer":
            self.customer_ids.add(row["id"])
        elif table in ("stage_history", "deal_change", "activity", "contact"):
            if row.get("deal") is not None:
                self.deal_ids.add(row["deal"])
            if row.get("customer") is not None and table in ("activity", "contact"):
                self.customer_ids.add(row["customer"])


__all__ = ["Activity", "Applied", "Capture", "ChangeSet", "Conflict", "Contact", "Created",
           "Customer", "DealChange", "RowChange", "StageHistory", "Touched", "UndoConflict",
           "apply", "diff", "read_rows"]
