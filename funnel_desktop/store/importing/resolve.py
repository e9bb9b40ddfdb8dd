"""Matching parsed rows with what the database holds (reads only): what an import would
create, update or leave alone. The dry run is this plan's report."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from functools import lru_cache
from pathlib import Path
from typing import Any

from ...core.values import StageKind
from ..models import Customer, Deal, Owner, Reason, Region, Source, Team
from ..queries import stages_of
from .mapping import Mapping
from .plan import Note, ParsedRow, ParsedTable, Problem, parse_table
from .reading import Table

#: Customer columns an import can fill (``region`` is a name, resolved to a Region).
CUSTOMER_IMPORT_FIELDS = ("name", "external_id", "industry", "scale", "address", "region",
                          "phone", "email", "contact_person", "notes")
#: Deal columns compared on re-import (``customer`` / ``owner`` / ``source`` /
#: ``close_reason`` are references resolved at write time).
_COMPARED = ("title", "amount", "stage", "closed_at", "customer", "owner", "source",
             "expected_close", "probability", "next_step", "next_step_due", "project_type",
             "close_reason", "close_note")

Ref = int | str | None  # an existing id, or "new:<key>" for a row created by the import
_NO_CONTACTS: Any = ()  # the contacts of a new customer without any (shared)


@dataclass(slots=True)
class CustomerPlan:
    """A customer the import creates (``id`` None) or updates (``fields`` = what changes)."""

    key: str
    id: int | None
    fields: dict[str, Any]
    contacts: list[dict[str, str]] = field(default_factory=list)


@dataclass(slots=True)
class DealUpdate:
    """An existing deal (matched by external id) and what the file changes on it."""

    id: int
    row: ParsedRow
    changes: dict[str, Any]
    stage_from: int
    stage_entered_at: datetime


@dataclass(slots=True)
class ImportReport:
    """What an import did (or, for a dry run, would do), with every problem and note."""

    rows: int
    created: dict[str, int]
    updated: dict[str, int]
    unchanged: int
    skipped: list[Problem]
    problems: list[Problem]
    notes: list[Note]
    skip_invalid: bool = False
    dry_run: bool = True

    @property
    def blocked(self) -> bool:
        """True when problems stop the import (rows with problems are not to be skipped)."""
        return bool(self.problems) and not self.skip_invalid

    @property
    def problem_rows(self) -> int:
        return len({p.row for p in self.problems})

    @property
    def skipped_rows(self) -> int:
        n = len({p.row for p in self.skipped})
        return n + (self.problem_rows if self.skip_invalid else 0)

    def summary(self) -> str:
        """One English paragraph of counts (the UI builds its own translated text)."""
        c, u = self.created, self.updated
        head = "Would import" if self.dry_run else "Imported"
        parts = [f"{head} {self.rows} row(s): deals {c.get('deals', 0)} created, "
                 f"{u.get('deals', 0)} updated, {self.unchanged} unchanged; customers "
                 f"{c.get('customers', 0)} created, {u.get('customers', 0)} updated; "
                 f"contacts {c.get('contacts', 0)}, owners {c.get('owners', 0)}, teams "
                 f"{c.get('teams', 0)}, regions {c.get('regions', 0)}, sources "
                 f"{c.get('sources', 0)} created; {self.skipped_rows} row(s) skipped."]
        if self.problems:
            parts.append(f"{self.problem_rows} row(s) have problems"
                         + (" and are skipped." if self.skip_invalid else
                            "; nothing is imported until they are fixed or skipped."))
        return " ".join(parts)


@dataclass(slots=True)
class ImportPlan:
    """Everything the writer needs, decided before anything is written."""

    pipeline_id: int
    parsed: ParsedTable
    report: ImportReport
    names: dict[str, dict[str, int | None]]  # team/region/source: folded name → id or None
    display: dict[str, dict[str, str]]  # team/region/source: folded name → name to create
    owners: dict[str, int | None]  # folded owner name → id (None: to create)
    new_owners: dict[str, dict[str, str]]  # folded name → {name, team, region}
    customers: dict[str, CustomerPlan]
    row_customer: dict[int, str]  # row number → customer key
    reasons: dict[tuple[str, str], int]  # (kind, folded label) → id
    new_deals: list[ParsedRow]
    updates: list[DealUpdate]


@lru_cache(maxsize=8192)
def fold(text: str) -> str:
    """A name compared loosely: case-folded, spaces squeezed (owners, teams and sources
    repeat: cached)."""
    return " ".join(str(text).casefold().split())


def _customer_key(c: dict[str, str]) -> str | None:
    """The key a customer's rows are merged by: its external id (after a NUL, which no
    name holds), else its folded name."""
    if c.get("external_id"):
        return "\x00" + c["external_id"]
    if c.get("name"):
        return " ".join(str(c["name"]).casefold().split())
    return None


def plan_import(table: Table, mapping: Mapping, pipeline_id: int, *, now: datetime,
                base_dir: Path | None = None) -> ImportPlan:
    """Parse the table and match it with the database; nothing is written."""
    stages = stages_of(pipeline_id)
    if base_dir is None and table.path is not None:
        base_dir = table.path.parent
    parsed = parse_table(table, mapping, stages, now=now, base_dir=base_dir)
    kinds = {s.id: s.kind for s in stages}
    mapped = set(mapping.field_columns()) | {f for lk in mapping.lookups
                                             for f in lk.columns.values()}
    skipped = list(parsed.skipped)
    notes = list(parsed.notes)

    # kept lists -----------------------------------------------------------------------------
    def existing(model: Any) -> dict[str, int | None]:
        out: dict[str, int | None] = {}
        for i, name in model.select(model.id, model.name).order_by(model.id).tuples():
            out.setdefault(fold(name), i)
        return out

    names: dict[str, dict[str, int | None]] = {"team": existing(Team),
                                               "region": existing(Region),
                                               "source": existing(Source)}
    display: dict[str, dict[str, str]] = {"team": {}, "region": {}, "source": {}}

    def need(kind: str, name: str) -> None:
        if name and fold(name) not in names[kind]:
            names[kind][fold(name)] = None
            display[kind][fold(name)] = name

    owners: dict[str, int | None] = dict(existing(Owner))
    new_owners: dict[str, dict[str, str]] = {}
    for r in parsed.rows:
        o = r.owner
        if o.get("name") and fold(o["name"]) not in owners:
            owners[fold(o["name"])] = None
            new_owners[fold(o["name"])] = {"name": o["name"], "team": o.get("team", ""),
                                           "region": o.get("region", "")}
        elif o.get("name") and fold(o["name"]) in new_owners:
            known = new_owners[fold(o["name"])]
            for k in ("team", "region"):
                if not known[k] and o.get(k):
                    known[k] = o[k]
        if r.deal and r.deal["source"]:
            need("source", r.deal["source"])
    for o in new_owners.values():
        need("team", o["team"])
        need("region", o["region"])

    # customers ------------------------------------------------------------------------------
    customers, row_customer = _plan_customers(parsed.rows, need)

    # reasons --------------------------------------------------------------------------------
    reasons: dict[tuple[str, str], int] = {}
    for i, kind, label in Reason.select(Reason.id, Reason.kind, Reason.label).tuples():
        reasons.setdefault((kind, fold(label)), i)
    unknown_reason: dict[str, Note] = {}
    for r in parsed.rows:
        label = r.deal and r.deal["close_reason"]
        if label and (str(r.deal["kind"]), fold(label)) not in reasons:
            note = unknown_reason.setdefault(label, Note("note_reason_unknown",
                                                         {"value": label}))
            note.count += 1
            if len(note.rows) < 20:
                note.rows.append(r.row)
    notes.extend(unknown_reason.values())

    # deals ----------------------------------------------------------------------------------
    new_deals: list[ParsedRow] = []
    updates: list[DealUpdate] = []
    unchanged = 0
    if parsed.has_deals:
        ext_ids = {r.deal["external_id"] for r in parsed.rows if r.deal and
                   r.deal["external_id"]}
        here: dict[str, int] = {}
        elsewhere: set[str] = set()
        for i, ext, pid in (Deal.select(Deal.id, Deal.external_id, Deal.pipeline)
                            .where(Deal.external_id.is_null(False)).order_by(Deal.id).tuples()):
            if ext in ext_ids:
                if pid == pipeline_id:
                    here.setdefault(ext, i)
                else:
                    elsewhere.add(ext)
        found: dict[str, dict[str, Any]] = {}
        matched = list(here.values())
        for start in range(0, len(matched), 20000):
            for d in Deal.select().where(Deal.id.in_(matched[start:start + 20000])).dicts():
                found[d["external_id"]] = d
        ext_col = next((c for c, f in mapping.columns.items() if f == "deal.external_id"), "")
        for r in parsed.rows:
            ext = r.deal["external_id"] if r.deal else None
            old = found.get(ext) if ext else None
            if old is None and ext in elsewhere:
                skipped.append(Problem(r.row, ext_col, "import_other_pipeline", {"value": ext}))
                continue
            if old is None:
                new_deals.append(r)
                continue
            changes = _deal_changes(r, old, mapped, mapping, row_customer, customers, owners,
                                    names["source"], reasons, kinds)
            if changes:
                updates.append(DealUpdate(old["id"], r, changes, old["stage"],
                                          old["stage_entered_at"]))
            else:
                unchanged += 1

    created = {
        "deals": len(new_deals),
        "customers": sum(1 for c in customers.values() if c.id is None),
        "contacts": sum(len(c.contacts) for c in customers.values()),
        "owners": len(new_owners),
        "teams": len(display["team"]), "regions": len(display["region"]),
        "sources": len(display["source"]),
    }
    updated = {"deals": len(updates),
               "customers": sum(1 for c in customers.values() if c.id is not None and c.fields)}
    report = ImportReport(parsed.row_count, created, updated, unchanged, skipped,
                          parsed.problems, notes, mapping.skip_invalid_rows)
    return ImportPlan(pipeline_id, parsed, report, names, display, owners, new_owners,
                      customers, row_customer, reasons, new_deals, updates)


def _plan_customers(rows: list[ParsedRow], need: Any) -> tuple[dict[str, CustomerPlan],
                                                                dict[int, str]]:
    wanted: dict[str, dict[str, Any]] = {}
    contacts: dict[str, dict[str, dict[str, str]]] = {}
    row_customer: dict[int, str] = {}
    keys: dict[int, str | None] = {}  # rows share their customer's dict: one key for it
    for r in rows:
        cid = id(r.customer)
        key = keys.get(cid, "")
        if key == "":
            key = keys[cid] = _customer_key(r.customer)
        if key is None:
            continue
        row_customer[r.row] = key
        merged = wanted.get(key)
        if merged is None:
            wanted[key] = r.customer  # shared and read-only: copied before a change
        elif merged is not r.customer and any(k not in merged for k in r.customer):
            wanted[key] = {**r.customer, **merged}  # the first row's values win
        if r.contact.get("name"):
            contacts.setdefault(key, {}).setdefault(fold(r.contact["name"]), r.contact)
    if not wanted:
        return {}, row_customer
    by_ext: dict[str, dict[str, Any]] = {}
    by_name: dict[str, dict[str, Any]] = {}
    region_names = {i: n for i, n in Region.select(Region.id, Region.name).tuples()}
    cols = [getattr(Customer, f) for f in CUSTOMER_IMPORT_FIELDS]
    for row in Customer.select(Customer.id, *cols).order_by(Customer.id).dicts():
        if row["external_id"]:
            by_ext.setdefault(row["external_id"], row)
        by_name.setdefault(fold(row["name"]), row)
    existing_contacts: dict[int, set[str]] = {}
    plans: dict[str, CustomerPlan] = {}
    matched: list[tuple[str, dict[str, Any]]] = []
    for key, values in wanted.items():
        old = None
        if values.get("external_id"):
            old = by_ext.get(values["external_id"])
        if old is None and values.get("name"):
            old = by_name.get(fold(values["name"]))
        if values.get("region"):
            need("region", values["region"])
        if old is None:
            if not values.get("name"):
                values = {**values, "name": values.get("external_id", "")}
            people = contacts.get(key)
            plans[key] = CustomerPlan(key, None, values,
                                      list(people.values()) if people else _NO_CONTACTS)
        else:
            matched.append((key, old))
            changed = {}
            for k, v in values.items():
                current = old.get(k)
                if k == "region":
                    current = region_names.get(current, "")
                if k == "external_id" and current and current != v:
                    continue
                if fold(current or "") != fold(v) if k in ("name", "region") else (
                        (current or "") != v):
                    changed[k] = v
            plans[key] = CustomerPlan(key, old["id"], changed)
    if matched:
        from ..models import Contact

        ids = [old["id"] for _, old in matched]
        for cid, name in Contact.select(Contact.customer, Contact.name).where(
                Contact.customer.in_(ids)).tuples():
            existing_contacts.setdefault(cid, set()).add(fold(name))
        for key, old in matched:
            have = existing_contacts.get(old["id"], set())
            plans[key].contacts = [c for k, c in contacts.get(key, {}).items() if k not in have]
    return plans, row_customer


def _deal_changes(r: ParsedRow, old: dict[str, Any], mapped: set[str], mapping: Mapping,
                  row_customer: dict[int, str], customers: dict[str, CustomerPlan],
                  owners: dict[str, int | None], sources: dict[str, int | None],
                  reasons: dict[tuple[str, str], int], kinds: dict[int, Any]
                  ) -> dict[str, Any]:
    d = r.deal
    new: dict[str, Any] = {"title": d["title"]}
    by_price = "product.price" in mapped and mapping.open_value_from_price
    if "deal.amount" in mapped or (by_price and d["amount"]):
        new["amount"] = d["amount"]
    if "deal.stage" in mapped:
        new["stage"] = d["stage"]
        new["closed_at"] = d["closed_at"] if d["kind"] != StageKind.OPEN else None
    key = row_customer.get(r.row)
    if key is not None:
        plan = customers[key]
        new["customer"] = plan.id if plan.id is not None else "new:" + key
    if r.owner.get("name"):
        oid = owners.get(fold(r.owner["name"]))
        new["owner"] = oid if oid is not None else "new:" + fold(r.owner["name"])
    if d.get("source"):
        sid = sources.get(fold(d["source"]))
        new["source"] = sid if sid is not None else "new:" + fold(d["source"])
    for f in ("expected_close", "probability", "next_step", "next_step_due", "close_note"):
        if "deal." + f in mapped and d.get(f) not in (None, ""):
            new[f] = d[f]
    if "deal.project_type" in mapped and d.get("project_type"):
        new["project_type"] = d["project_type"]
    if d.get("close_reason"):
        rid = reasons.get((str(d["kind"]), fold(d["close_reason"])))
        if rid is not None:
            new["close_reason"] = rid
    if "stage" in new and kinds.get(d["stage"]) == StageKind.OPEN:
        new["close_reason"] = None
    changes = {}
    for k, v in new.items():
        current = old.get(k)
        if k == "closed_at" and current is not None and v is not None and (
                current.date() == v.date()):
            continue
        if current != v:
            changes[k] = v
    return changes
