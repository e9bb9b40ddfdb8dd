"""Importing a table: one transaction (all rows or none), bulk inserts, an inverse that
removes the whole import, one change event."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, cast

import peewee

from ..core import progress
from ..core.errors import ValidationError
from ..store.db import fix_sequences, translated_errors
from ..store.ids import reserve
from ..store.importing import ImportPlan, ImportReport, Mapping, Table, plan_import
from ..store.importing.bulk import bulk_insert as bulk_insert  # the benchmark wraps it
from ..store.importing.resolve import fold
from ..store.models import (
    BaseModel,
    Contact,
    Customer,
    Deal,
    DealChange,
    NamedModel,
    Owner,
    Region,
    Source,
    StageHistory,
    Team,
    database,
)
from ..store.queries import gc_paused
from .api import LOGGED_FIELDS, Outcome, Services, Step, as_text, bump
from .changeset import ChangeSet, Created
from .events import Changes

_DEAL_COLUMNS = ("id", "title", "customer", "pipeline", "stage", "amount", "probability",
                 "expected_close", "owner", "source", "project_type", "next_step",
                 "next_step_due", "created_at", "updated_at", "stage_entered_at",
                 "last_activity_at", "closed_at", "close_reason", "close_note", "checklist",
                 "external_id")
_CUSTOMER_COLUMNS = ("id", "name", "external_id", "industry", "scale", "address", "region",
                     "phone", "email", "contact_person", "notes", "created_at", "updated_at")
_HISTORY_COLUMNS = ("deal", "stage", "entered_at", "left_at", "by")
_CONTACT_COLUMNS = ("customer", "name", "title", "phone", "email")


class ImportRefused(ValidationError):
    """Rows have problems and the mapping does not skip them: nothing was written.
    ``report`` lists every problem."""

    def __init__(self, report: ImportReport) -> None:
        self.report = report
        super().__init__("import_has_errors", "file", count=report.problem_rows)


@dataclass(slots=True)
class _Written:
    deal_ids: list[int]
    customer_ids: list[int]
    inverse: ChangeSet


def import_table(services: Services, table: Table, mapping: Mapping, pipeline_id: int, *,
                 dry_run: bool = False, base_dir: Path | None = None,
                 initiator: object | None = None) -> Outcome:
    """Import the table into the pipeline: all rows or none.

    Returns an :class:`Outcome` whose value is the :class:`ImportReport` and whose inverse
    (for ``Services.undo``) removes everything the import created and puts back what it
    changed. A dry run writes nothing and publishes nothing. Raises :class:`ImportRefused`
    when rows have problems (unless the mapping skips them)."""
    services.require_admin()  # on a team server only an admin imports
    now = services.clock()
    location = str(getattr(database.obj, "database", "database"))
    with translated_errors(location), gc_paused():  # many small objects: no GC passes
        plan = plan_import(table, mapping, pipeline_id, now=now, base_dir=base_dir)
    try:
        return _import_planned(services, plan, dry_run, initiator)
    finally:  # the plan's 100,000s of objects, freed a slice at a time
        progress.let_go(plan.parsed.rows, plan.new_deals, plan.updates, plan.customers,
                        plan.row_customer)


def _import_planned(services: Services, plan: ImportPlan, dry_run: bool,
                    initiator: object | None) -> Outcome:
    progress.checkpoint()
    report = plan.report
    if dry_run:
        return Outcome(report, None, Changes(frozenset()))
    if report.blocked:
        raise ImportRefused(report)

    def work(step: Step) -> ImportReport:
        progress.phase("write")
        written = _execute(plan, services.user, step)
        step.names({"deals", "customers", "activities", "lists"}, written.deal_ids,
                   written.customer_ids)
        step.inverse = written.inverse
        return report

    with gc_paused():
        out = services.perform("import", work, initiator)
    report.dry_run = False
    return out


# -- writing (inside the transaction) -------------------------------------------------------
def _ensure_names(model: NamedModel, known: dict[str, int | None],
                  display: dict[str, str]) -> list[int]:
    """Create the named rows still missing; fill their ids into ``known``."""
    if not display:
        return []
    names = list(display.values())
    bulk_insert(model, ("name",), [(n,) for n in names])
    created = []
    for i, name in model.select(model.id, model.name).where(model.name.in_(names)).tuples():
        known[fold(name)] = i
        created.append(i)
    return created


def _new_ids_above(model: type[BaseModel], fld: peewee.Field, floor: int,
                   parents: set[int]) -> tuple[int, ...]:
    """Ids of ``model`` rows above ``floor`` whose ``fld`` is one of ``parents`` (the rows this
    import inserted: another writer on a server may have inserted rows for other parents)."""
    q = model.select(model.id, fld).where(model.id > floor).order_by(model.id)
    return tuple(i for i, p in database.execute(q) if p in parents)  # the driver's tuples


def _execute(plan: ImportPlan, user: str, step: Step) -> _Written:
    now, cap = step.now, step.capture
    floors = {m: cap.floor(m) for m in (Contact, StageHistory)}
    created_lists = {kind: _ensure_names(model, plan.names[kind], plan.display[kind])
                     for kind, model in (("team", Team), ("region", Region),
                                         ("source", Source))}
    teams, regions, sources = plan.names["team"], plan.names["region"], plan.names["source"]

    # owners
    owner_ids = plan.owners
    if plan.new_owners:
        bulk_insert(Owner, ("name", "team", "region", "active"),
              [(o["name"], teams.get(fold(o["team"])) if o["team"] else None,
                regions.get(fold(o["region"])) if o["region"] else None, True)
               for o in plan.new_owners.values()])
        names = [o["name"] for o in plan.new_owners.values()]
        created_lists["owner"] = []
        for i, name in Owner.select(Owner.id, Owner.name).where(Owner.name.in_(names)).tuples():
            owner_ids[fold(name)] = i
            created_lists["owner"].append(i)

    # customers
    customer_ids: dict[str, int] = {}
    touched = [c.id for c in plan.customers.values()
               if c.id is not None and (c.fields or c.contacts)]
    cap.read(Customer, Customer.id, touched, lock=True)
    cap.read(Contact, Contact.customer, touched)
    fresh = [k for k, c in plan.customers.items() if c.id is None]
    fresh_ids = iter(reserve(Customer, len(fresh)))
    new_customers = []
    for key, c in plan.customers.items():
        if c.id is not None:
            customer_ids[key] = c.id
            continue
        cid = next(fresh_ids)
        customer_ids[key] = cid
        f = c.fields
        region = regions.get(fold(f["region"])) if f.get("region") else None
        new_customers.append((cid, f.get("name", ""), f.get("external_id"),
                              f.get("industry", ""), f.get("scale", ""), f.get("address", ""),
                              region, f.get("phone", ""), f.get("email", ""),
                              f.get("contact_person", ""), f.get("notes", ""), now, now))
    bulk_insert(Customer, _CUSTOMER_COLUMNS, new_customers)
    for c in plan.customers.values():
        if c.id is not None and c.fields:
            values = dict(c.fields)
            if "region" in values:
                values["region"] = regions.get(fold(values["region"]))
            Customer.update(updated_at=now, **bump(Customer), **values).where(
                Customer.id == c.id).execute()
    bulk_insert(Contact, _CONTACT_COLUMNS,
          [(customer_ids[c.key], p.get("name", ""), p.get("title", ""), p.get("phone", ""),
            p.get("email", "")) for c in plan.customers.values() for p in c.contacts])
    cap.expect(Contact, Contact.customer, touched, floors[Contact])

    def ref(value: Any, ids: dict[str, Any]) -> int | None:
        if isinstance(value, str) and value.startswith("new:"):
            found: int | None = ids.get(value[4:])
            return found
        return cast("int | None", value)  # an existing row's id

    # new deals with their history
    new_ids = reserve(Deal, len(plan.new_deals))
    deal_rows, history = [], []
    for r, did in zip(plan.new_deals, new_ids, strict=True):
        d = r.deal
        ckey = plan.row_customer.get(r.row)
        owner = owner_ids.get(fold(r.owner["name"])) if r.owner.get("name") else None
        source = sources.get(fold(d["source"])) if d.get("source") else None
        reason = plan.reasons.get((str(d["kind"]), fold(d["close_reason"]))) if d.get(
            "close_reason") else None
        entered = d["stage_entered_at"]
        deal_rows.append((did, d["title"], customer_ids.get(ckey) if ckey else None,
                          plan.pipeline_id, d["stage"], d["amount"], d["probability"],
                          d["expected_close"], owner, source, d["project_type"], d["next_step"],
                          d["next_step_due"], d["created_at"], now, entered, None,
                          d["closed_at"], reason, d["close_note"], "{}", d["external_id"]))
        if d.get("via") is not None and d["closed_at"] is not None:
            history.append((did, d["via"], d["created_at"], d["closed_at"], user))
        history.append((did, d["stage"], entered, None, user))
    bulk_insert(Deal, _DEAL_COLUMNS, deal_rows)
    bulk_insert(StageHistory, _HISTORY_COLUMNS, history)

    # updated deals: what the file changes, recorded at the moment of the import
    update_ids = [u.id for u in plan.updates]
    olds = {r["id"]: r for r in cap.read(Deal, Deal.id, update_ids, lock=True)}
    stays = cap.read(StageHistory, StageHistory.deal, update_ids)
    cap.expect(DealChange, DealChange.deal, update_ids, cap.floor(DealChange))
    open_stay = {s["deal"]: s for s in stays if s["left_at"] is None}
    logs, moved, redated = [], [], []
    for u in plan.updates:
        values = dict(u.changes)
        for k, ids in (("customer", customer_ids), ("owner", owner_ids), ("source", sources)):
            if k in values:
                values[k] = ref(values[k], ids)
        old = olds[u.id]
        for fname in LOGGED_FIELDS:
            if fname in values:
                logs.append((u.id, fname, as_text(old.get(fname)), as_text(values[fname]),
                             now, user))
        stay = open_stay.get(u.id)
        since = stay["entered_at"] if stay else u.stage_entered_at
        if "stage" in values:
            # a move is known from now on; a close keeps the file's date when it is not
            # before the stay the deal is leaving began
            closed = values.get("closed_at")
            entered = closed if closed is not None and closed >= since else now
            if closed is not None:
                values["closed_at"] = entered
            values["stage_entered_at"] = entered
            moved.append((u.id, values["stage"], entered))
        elif values.get("closed_at") is not None and old.get("closed_at") is not None:
            # a closed deal re-dated: its closing stay moves with it, and the log says so
            previous = max((s["entered_at"] for s in stays if s["deal"] == u.id
                            and s["left_at"] is not None), default=None)
            when = values["closed_at"]
            if previous is not None and when < previous:
                when = values["closed_at"] = previous
            values["stage_entered_at"] = when
            logs.append((u.id, "closed_at", as_text(old["closed_at"]), as_text(when), now,
                         user))
            redated.append((u.id, old["closed_at"], when))
        Deal.update(updated_at=now, **bump(Deal), **values).where(Deal.id == u.id).execute()
    bulk_insert(DealChange, ("deal", "field", "old", "new", "at", "by"), logs)
    for did, _stage, entered in moved:
        StageHistory.update(left_at=entered, **bump(StageHistory)).where(
            (StageHistory.deal == did) & StageHistory.left_at.is_null()).execute()
    bulk_insert(StageHistory, _HISTORY_COLUMNS, [(i, s, e, None, user) for i, s, e in moved])
    for did, old_close, when in redated:
        StageHistory.update(left_at=when, **bump(StageHistory)).where(
            (StageHistory.deal == did) & (StageHistory.left_at == old_close)).execute()
        StageHistory.update(entered_at=when, **bump(StageHistory)).where(
            (StageHistory.deal == did) & StageHistory.left_at.is_null()).execute()
    fix_sequences(database.obj, ("customer", "deal"))

    captured = cap.changeset("import")
    new_customer_ids = [customer_ids[k] for k in fresh]
    made = [Created(t, tuple(ids)) for t, ids in (
        ("team", created_lists["team"]), ("region", created_lists["region"]),
        ("source", created_lists["source"]), ("owner", created_lists.get("owner", [])),
        ("customer", new_customer_ids),
        ("contact", _new_ids_above(Contact, Contact.customer, floors[Contact],
                                   set(new_customer_ids))),
        ("deal", new_ids),
        ("stage_history", _new_ids_above(StageHistory, StageHistory.deal,
                                         floors[StageHistory], set(new_ids))))
        if ids]
    inverse = ChangeSet("import", (*made, *captured.created), captured.rows)
    return _Written(new_ids + update_ids, new_customer_ids + touched, inverse)
