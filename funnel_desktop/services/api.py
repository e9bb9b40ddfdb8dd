"""The only writers: one validated transaction per user action, its inverse, one event."""

from __future__ import annotations

import getpass
import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from ..core.dates import iso_week, parse_week
from ..core.errors import StoreError, ValidationError
from ..core.templates import LOST_REASONS, SOURCES, WON_REASONS, template
from ..store.db import translated_errors
from ..store.models import (
    Activity,
    Contact,
    Customer,
    Deal,
    DealChange,
    Owner,
    Pipeline,
    Reason,
    Region,
    Setting,
    Source,
    Stage,
    StageHistory,
    Target,
    Team,
    WeeklyNote,
    database,
    utcnow,
)
from . import validate as v
from .events import Changes, EventBus
from .undo import (
    ROW_TABLES,
    CustomerSnapshot,
    DealSnapshot,
    PipelineSnapshot,
    Restore,
    RowsSnapshot,
    detach_deal_activities,
    drop_pipeline_leftovers,
    resnapshot_rows,
    restore_customers,
    restore_deals,
    restore_pipeline_rows,
    restore_rows,
    snapshot_customers,
    snapshot_deals,
    snapshot_pipelines,
    snapshot_rows,
)

#: Deal fields whose edits are kept in the change log (DOMAIN.md "History").
LOGGED_FIELDS = ("amount", "probability", "expected_close", "owner", "next_step",
                 "next_step_due")
DEAL_FIELDS = ("title", "customer", "amount", "probability", "expected_close", "owner",
               "source", "project_type", "next_step", "next_step_due", "checklist",
               "close_note", "external_id")
CUSTOMER_FIELDS = ("name", "contact_person", "phone", "email", "im", "address", "industry",
                   "region", "scale", "source", "needs", "pain_points", "intent", "budget",
                   "credit_notes", "man_money", "man_authority", "man_need", "class_manual",
                   "priority", "assessment", "notes", "external_id")
CONTACT_FIELDS = ("name", "title", "phone", "email", "role", "attitude", "notes")


@dataclass(frozen=True, slots=True)
class Outcome:
    """What a service call did: its result value, its inverse (for undo) and the event."""

    value: Any
    inverse: Restore | None
    changes: Changes


def _as_text(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, date | datetime):
        return value.isoformat()
    return str(value)


class Services:
    """Every change a user can make. Each method is one transaction and one event."""

    def __init__(self, bus: EventBus | None = None, user: str | None = None,
                 clock: Callable[[], datetime] = utcnow) -> None:
        self.bus = bus or EventBus()
        try:
            self.user = user if user is not None else getpass.getuser()
        except (KeyError, OSError):
            self.user = ""
        self.clock = clock

    # -- plumbing -------------------------------------------------------------------------
    def _write(self, fn: Callable[[], Any]) -> Any:
        location = str(getattr(database.obj, "database", "database"))
        with translated_errors(location), database.atomic():
            return fn()

    def _done(self, value: Any, inverse: Restore | None, kinds: Iterable[str],
              deal_ids: Iterable[int] = (), customer_ids: Iterable[int] = (),
              initiator: object | None = None,
              moves: tuple[tuple[int, int, int], ...] = ()) -> Outcome:
        changes = Changes(frozenset(kinds), frozenset(deal_ids), frozenset(customer_ids),
                          initiator, moves)
        self.bus.publish(changes)
        return Outcome(value, inverse, changes)

    def undo(self, inverse: Restore, initiator: object | None = None) -> Outcome:
        """Apply an inverse; the outcome's inverse redoes the original action."""
        deal_ids = [s.deal_id for s in inverse.deals]
        customer_ids = [s.customer_id for s in inverse.customers]
        pipeline_ids = [s.pipeline_id for s in inverse.pipelines]

        def work() -> Restore:
            redo = Restore(inverse.label, snapshot_deals(deal_ids),
                           snapshot_customers(customer_ids), inverse.extra,
                           tuple(resnapshot_rows(s) for s in inverse.rows),
                           snapshot_pipelines(pipeline_ids))
            lists = tuple(s for s in inverse.rows if ROW_TABLES[s.table][1] == "lists")
            restore_rows(lists)  # owners, teams, ... first: deals and customers refer to them
            restore_pipeline_rows(inverse.pipelines)  # stages too: deals refer to them
            restore_customers(tuple(s for s in inverse.customers if s.row is not None))
            restore_deals(inverse.deals)
            restore_customers(tuple(s for s in inverse.customers if s.row is None))
            restore_rows(tuple(s for s in inverse.rows if ROW_TABLES[s.table][1] != "lists"))
            drop_pipeline_leftovers(inverse.pipelines)  # stages no deal refers to any more
            return redo

        redo = self._write(work)
        kinds = {ROW_TABLES[s.table][1] for s in inverse.rows}
        if pipeline_ids:
            kinds |= {"pipelines", "deals"}
        if deal_ids or customer_ids:
            kinds |= {"deals", "activities"}
        if customer_ids:
            kinds.add("customers")
        for snap in (*inverse.rows, *redo.rows):  # activities name their deal and customer
            for r in snap.rows:
                if r.get("deal") is not None:
                    deal_ids.append(r["deal"])
                if r.get("customer") is not None and snap.table == "activity":
                    customer_ids.append(r["customer"])
        return self._done(None, redo, kinds, deal_ids, customer_ids, initiator)

    # -- lookups --------------------------------------------------------------------------
    @staticmethod
    def _deal(deal_id: int) -> Deal:
        deal = Deal.get_or_none(Deal.id == deal_id)
        if deal is None:
            raise ValidationError("deal_unknown", "deal", value=deal_id)
        return deal

    @staticmethod
    def _stage(stage_id: int, pipeline_id: int | None = None) -> Stage:
        stage = Stage.get_or_none(Stage.id == stage_id)
        if stage is None or (pipeline_id is not None and stage.pipeline_id != pipeline_id):
            raise ValidationError("stage_unknown", "stage", value=stage_id)
        return stage

    def _clean_deal(self, fields: dict[str, Any]) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for key, value in fields.items():
            if key not in DEAL_FIELDS:
                raise KeyError(key)
            if key == "title":
                out[key] = v.text(value, key, required=True, code="title_required")
            elif key == "amount":
                out[key] = v.amount(value)
            elif key == "probability":
                out[key] = v.probability(value)
            elif key in ("expected_close", "next_step_due"):
                out[key] = v.day(value, key)
            elif key == "project_type":
                out[key] = v.choice(value, key)
            elif key == "customer":
                if value is not None and not Customer.select().where(
                        Customer.id == value).exists():
                    raise ValidationError("customer_unknown", key, value=value)
                out[key] = value
            elif key == "owner":
                if value is not None and not Owner.select().where(Owner.id == value).exists():
                    raise ValidationError("owner_unknown", key, value=value)
                out[key] = value
            elif key == "source":
                if value is not None and not Source.select().where(
                        Source.id == value).exists():
                    raise ValidationError("choice_invalid", key, value=value, choices="")
                out[key] = value
            elif key == "checklist":
                out[key] = v.json_text(value, "{}")
            elif key == "external_id":
                out[key] = None if value in (None, "") else str(value)
            else:
                out[key] = v.text(value, key)
        return out

    # -- deals ----------------------------------------------------------------------------
    def create_deal(self, pipeline_id: int, stage_id: int, fields: dict[str, Any],
                    initiator: object | None = None) -> Outcome:
        """Create a deal in an open stage; history gets its first entry."""
        if not Pipeline.select().where(Pipeline.id == pipeline_id).exists():
            raise ValidationError("pipeline_unknown", "pipeline", value=pipeline_id)
        stage = self._stage(stage_id, pipeline_id)
        if stage.kind != "open":
            raise ValidationError("closing_stage", "stage")
        clean = self._clean_deal(fields)
        if "title" not in clean:
            raise ValidationError("title_required", "title")
        now = self.clock()

        def work() -> int:
            deal = Deal.create(pipeline=pipeline_id, stage=stage_id, created_at=now,
                               updated_at=now, stage_entered_at=now, **clean)
            StageHistory.create(deal=deal.id, stage=stage_id, entered_at=now, by=self.user)
            return deal.id

        deal_id = self._write(work)
        inverse = Restore("create deal", (DealSnapshot(deal_id, None),))
        return self._done(deal_id, inverse, {"deals"}, [deal_id], initiator=initiator)

    def update_deal(self, deal_id: int, fields: dict[str, Any],
                    initiator: object | None = None) -> Outcome:
        """Edit fields of a deal; edits of the logged fields go to the change log."""
        deal = self._deal(deal_id)
        clean = self._clean_deal(fields)
        now = self.clock()
        before = snapshot_deals([deal_id])

        def work() -> None:
            logs = []
            for key, new in clean.items():
                old = getattr(deal, key + "_id") if key in ("customer", "owner", "source") \
                    else getattr(deal, key)
                if key in LOGGED_FIELDS and old != new:
                    logs.append({"deal": deal_id, "field": key, "old": _as_text(old),
                                 "new": _as_text(new), "at": now, "by": self.user})
            Deal.update(updated_at=now, **clean).where(Deal.id == deal_id).execute()
            if logs:
                DealChange.insert_many(logs).execute()

        self._write(work)
        kinds = {"deals"} | ({"customers"} if "customer" in clean else set())
        return self._done(deal_id, Restore("edit deal", before), kinds, [deal_id],
                          initiator=initiator)

    def delete_deals(self, deal_ids: list[int], initiator: object | None = None) -> Outcome:
        """Delete deals with their history and activities."""
        deal_ids = list(dict.fromkeys(deal_ids))  # an id listed twice is one deal
        for i in deal_ids:
            self._deal(i)
        before = snapshot_deals(deal_ids)
        self._write(lambda: Deal.delete().where(Deal.id.in_(deal_ids)).execute())
        return self._done(len(deal_ids), Restore("delete deals", before),
                          {"deals", "activities"}, deal_ids, initiator=initiator)

    def _enter_stage(self, deals: list[Deal], stage: Stage, now: datetime,
                     extra: dict[str, Any]) -> None:
        ids = [d.id for d in deals]
        StageHistory.update(left_at=now).where(
            StageHistory.deal.in_(ids) & StageHistory.left_at.is_null()).execute()
        StageHistory.insert_many([{"deal": i, "stage": stage.id, "entered_at": now,
                                   "by": self.user} for i in ids]).execute()
        Deal.update(stage=stage.id, stage_entered_at=now, updated_at=now, **extra).where(
            Deal.id.in_(ids)).execute()

    def move_deals(self, deal_ids: list[int], stage_id: int,
                   initiator: object | None = None) -> Outcome:
        """Move open deals to another open stage of their pipeline (a probability the user set
        on a deal is kept)."""
        deal_ids = list(dict.fromkeys(deal_ids))  # twice would enter the stage twice
        deals = [self._deal(i) for i in deal_ids]
        stage = self._stage(stage_id)
        if stage.kind != "open":
            raise ValidationError("closing_stage", "stage")
        for d in deals:
            if d.pipeline_id != stage.pipeline_id:
                raise ValidationError("stage_unknown", "stage", value=stage.name)
            if d.closed_at is not None:
                raise ValidationError("already_closed", "stage", value=d.id)
        moving = [d for d in deals if d.stage_id != stage_id]
        if not moving:
            return Outcome(0, None, Changes(frozenset()))
        before = snapshot_deals([d.id for d in moving])
        now = self.clock()
        self._write(lambda: self._enter_stage(moving, stage, now, {}))
        moves = tuple((d.id, d.stage_id, stage_id) for d in moving)
        return self._done(len(moving), Restore("move deals", before), {"deals"},
                          [d.id for d in moving], initiator=initiator, moves=moves)

    def close_deals(self, deal_ids: list[int], won: bool, reason_id: int | None,
                    note: str = "", initiator: object | None = None) -> Outcome:
        """Close deals as won or lost with a kept reason (and a note)."""
        kind = "won" if won else "lost"
        if reason_id is None:
            raise ValidationError("reason_required", "reason", kind=kind)
        reason = Reason.get_or_none(Reason.id == reason_id)
        if reason is None or reason.kind != kind:
            raise ValidationError("reason_unknown", "reason", value=reason_id, kind=kind)
        deal_ids = list(dict.fromkeys(deal_ids))  # twice would enter the stage twice
        deals = [self._deal(i) for i in deal_ids]
        for d in deals:
            if d.closed_at is not None:
                raise ValidationError("already_closed", "stage", value=d.id)
        by_pipeline: dict[int, Stage] = {}
        for d in deals:
            if d.pipeline_id not in by_pipeline:
                st = (Stage.select().where((Stage.pipeline == d.pipeline_id)
                                           & (Stage.kind == kind)).order_by(Stage.position)
                      .first())
                if st is None:
                    raise ValidationError("stage_unknown", "stage", value=kind)
                by_pipeline[d.pipeline_id] = st
        before = snapshot_deals(deal_ids)
        now = self.clock()

        def work() -> None:
            for pid, st in by_pipeline.items():
                group = [d for d in deals if d.pipeline_id == pid]
                self._enter_stage(group, st, now, {"closed_at": now, "close_reason": reason_id,
                                                   "close_note": v.text(note, "note")})

        self._write(work)
        moves = tuple((d.id, d.stage_id, by_pipeline[d.pipeline_id].id) for d in deals)
        return self._done(len(deals), Restore(f"close {kind}", before), {"deals"}, deal_ids,
                          initiator=initiator, moves=moves)

    def reopen_deal(self, deal_id: int, stage_id: int | None = None,
                    initiator: object | None = None) -> Outcome:
        """Reopen a closed deal into ``stage_id`` or the furthest open stage it reached."""
        deal = self._deal(deal_id)
        if deal.closed_at is None:
            raise ValidationError("not_closed", "stage", value=deal_id)
        if stage_id is None:
            row = (StageHistory.select(Stage.id).join(Stage)
                   .where((StageHistory.deal == deal_id) & (Stage.kind == "open"))
                   .order_by(Stage.position.desc()).first())
            stage = self._stage(row.stage_id) if row else (
                Stage.select().where((Stage.pipeline == deal.pipeline_id)
                                     & (Stage.kind == "open")).order_by(Stage.position).first())
        else:
            stage = self._stage(stage_id, deal.pipeline_id)
        if stage is None or stage.kind != "open":
            raise ValidationError("stage_unknown", "stage", value=stage_id)
        before = snapshot_deals([deal_id])
        now = self.clock()
        self._write(lambda: self._enter_stage([deal], stage, now, {
            "closed_at": None, "close_reason": None, "close_note": ""}))
        return self._done(deal_id, Restore("reopen deal", before), {"deals"}, [deal_id],
                          initiator=initiator, moves=((deal_id, deal.stage_id, stage.id),))

    # -- activities -----------------------------------------------------------------------
    def log_activity(self, fields: dict[str, Any], initiator: object | None = None) -> Outcome:
        """Log a call, visit, email, meeting, note or task on a deal or customer."""
        kind = v.choice(fields.get("kind", "note"), "kind")
        deal_id = fields.get("deal")
        customer_id = fields.get("customer")
        if deal_id is not None:
            deal = self._deal(deal_id)
            customer_id = customer_id or deal.customer_id
        if customer_id is not None and not Customer.select().where(
                Customer.id == customer_id).exists():
            raise ValidationError("customer_unknown", "customer", value=customer_id)
        now = self.clock()
        due = fields.get("due_at")
        if due is not None and not isinstance(due, datetime):
            d = v.day(due, "due_at")
            due = datetime(d.year, d.month, d.day) if d else None
        done = fields.get("done_at")
        if done is True:
            done = now
        row = {"deal": deal_id, "customer": customer_id, "kind": kind,
               "subject": v.text(fields.get("subject"), "subject"),
               "notes": v.text(fields.get("notes"), "notes"), "due_at": due,
               "done_at": done, "created_at": fields.get("created_at") or now,
               "owner": fields.get("owner")}
        before = snapshot_deals([deal_id]) if deal_id is not None else ()

        def work() -> int:
            act = Activity.create(**row)
            if deal_id is not None:
                Deal.update(last_activity_at=row["created_at"]).where(
                    Deal.id == deal_id).execute()
            return act.id

        act_id = self._write(work)
        if deal_id is not None:
            inverse = Restore("log activity", before)
        else:
            inverse = Restore("log activity", rows=(RowsSnapshot("activity", (("id", act_id),)),))
        return self._done(act_id, inverse, {"activities", "deals"},
                          [deal_id] if deal_id else [], [customer_id] if customer_id else [],
                          initiator)

    def set_activity_done(self, activity_id: int, done: bool = True,
                          initiator: object | None = None) -> Outcome:
        """Mark a follow-up done (or not done)."""
        act = Activity.get_or_none(Activity.id == activity_id)
        if act is None:
            raise ValidationError("activity_unknown", "activity", value=activity_id)
        before = snapshot_rows("activity", id=activity_id)
        now = self.clock()
        self._write(lambda: Activity.update(done_at=now if done else None).where(
            Activity.id == activity_id).execute())
        return self._done(activity_id, Restore("activity done", rows=(before,)),
                          {"activities", "deals"}, [act.deal_id] if act.deal_id else [],
                          [act.customer_id] if act.customer_id else [], initiator=initiator)

    # -- customers ------------------------------------------------------------------------
    def _clean_customer(self, fields: dict[str, Any]) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for key, value in fields.items():
            if key not in CUSTOMER_FIELDS:
                raise KeyError(key)
            if key == "name":
                out[key] = v.text(value, key, required=True)
            elif key == "budget":
                out[key] = v.optional_amount(value, key)
            elif key in ("man_money", "man_authority", "man_need"):
                out[key] = v.tri(value)
            elif key in ("priority", "intent", "class_manual"):
                out[key] = v.choice(value, key)
            elif key == "assessment":
                out[key] = v.json_text(value, "{}")
            elif key in ("region", "source"):
                out[key] = value
            elif key == "external_id":
                out[key] = None if value in (None, "") else str(value)
            else:
                out[key] = v.text(value, key)
        return out

    def _clean_contacts(self, contacts: list[dict[str, Any]]) -> list[dict[str, Any]]:
        out = []
        for c in contacts:
            row = {k: c.get(k, "") for k in CONTACT_FIELDS}
            row["name"] = v.text(row["name"], "contact_name", required=True)
            row["role"] = v.choice(row["role"] or "", "role")
            row["attitude"] = v.choice(row["attitude"] or "neutral", "attitude")
            out.append(row)
        return out

    def save_customer(self, customer_id: int | None, fields: dict[str, Any],
                      contacts: list[dict[str, Any]] | None = None,
                      initiator: object | None = None) -> Outcome:
        """Create (``customer_id`` None) or edit a customer and, if given, its contacts."""
        clean = self._clean_customer(fields)
        if customer_id is None and "name" not in clean:
            raise ValidationError("name_required", "name")
        if customer_id is not None and not Customer.select().where(
                Customer.id == customer_id).exists():
            raise ValidationError("customer_unknown", "customer", value=customer_id)
        people = self._clean_contacts(contacts) if contacts is not None else None
        now = self.clock()
        before = snapshot_customers([customer_id]) if customer_id is not None else ()

        def work() -> int:
            if customer_id is None:
                cid = Customer.create(created_at=now, updated_at=now, **clean).id
            else:
                cid = customer_id
                Customer.update(updated_at=now, **clean).where(Customer.id == cid).execute()
            if people is not None:
                Contact.delete().where(Contact.customer == cid).execute()
                if people:
                    Contact.insert_many([{**p, "customer": cid} for p in people]).execute()
            return cid

        cid = self._write(work)
        if customer_id is None:
            before = (CustomerSnapshot(cid, None),)
        return self._done(cid, Restore("save customer", customers=before), {"customers"},
                          customer_ids=[cid], initiator=initiator)

    def delete_customer(self, customer_id: int, initiator: object | None = None) -> Outcome:
        """Delete a customer; its deals stay, without a customer."""
        if not Customer.select().where(Customer.id == customer_id).exists():
            raise ValidationError("customer_unknown", "customer", value=customer_id)
        before = snapshot_customers([customer_id])

        def work() -> None:
            detach_deal_activities(customer_id)
            Customer.delete().where(Customer.id == customer_id).execute()

        self._write(work)
        return self._done(customer_id, Restore("delete customer", customers=before),
                          {"customers", "deals"}, before[0].deal_ids, [customer_id], initiator)

    # -- setup and kept lists -------------------------------------------------------------
    def create_pipeline(self, template_code: str, lang: str = "en", name: str | None = None,
                        initiator: object | None = None) -> Outcome:
        """Create a pipeline from one of the shipped templates."""
        t = template(template_code)
        zh = lang.startswith("zh")
        pname = name or (t.zh if zh else t.en)

        def work() -> int:
            pname_, n = pname, 2
            while Pipeline.select().where(Pipeline.name == pname_).exists():
                pname_, n = f"{pname} ({n})", n + 1
            pos = Pipeline.select().count()
            p = Pipeline.create(name=pname_, position=pos, template=t.code)
            Stage.insert_many([{
                "pipeline": p.id, "name": s.zh if zh else s.en, "kind": s.kind, "position": i,
                "probability": s.probability, "idle_days": s.idle_days,
                "questions": json.dumps(list(s.questions_zh if zh else s.questions_en),
                                        ensure_ascii=False)}
                for i, s in enumerate(t.stages)]).execute()
            return p.id

        pid = self._write(work)
        inverse = Restore("create pipeline", pipelines=(PipelineSnapshot(pid, None),))
        return self._done(pid, inverse, {"pipelines"}, initiator=initiator)

    def seed_lists(self, lang: str = "en") -> Outcome:
        """Fill the kept lists (won/lost reasons, sources) if they are empty."""
        zh = lang.startswith("zh")

        def work() -> None:
            if not Reason.select().exists():
                rows = []
                for kind, items in (("won", WON_REASONS), ("lost", LOST_REASONS)):
                    for i, (cz, ce, lz, le) in enumerate(items):
                        rows.append({"kind": kind, "category": cz if zh else ce,
                                     "label": lz if zh else le, "position": i})
                Reason.insert_many(rows).execute()
            if not Source.select().exists():
                Source.insert_many([{"name": z if zh else e} for z, e in SOURCES]).execute()

        self._write(work)
        return self._done(None, None, {"lists"})

    def ensure_named(self, model: type, name: str, **extra: Any) -> int:
        """The id of the owner/team/region/source with this name, created if missing."""
        name = v.text(name, "name", required=True)
        row = model.get_or_none(model.name == name)
        if row is not None:
            return row.id
        rid = self._write(lambda: model.create(name=name, **extra).id)
        self._done(rid, None, {"lists"})
        return rid

    def set_setting(self, key: str, value: Any, initiator: object | None = None) -> Outcome:
        """Store one business setting (JSON)."""
        text = json.dumps(value, ensure_ascii=False)

        def work() -> None:
            Setting.insert(key=key, value=text).on_conflict(
                conflict_target=[Setting.key], update={Setting.value: text}).execute()

        self._write(work)
        return self._done(key, None, {"settings"}, initiator=initiator)

    def set_target(self, scope: str, period_start: date, period_end: date, amount: Any,
                   team_id: int | None = None, owner_id: int | None = None,
                   initiator: object | None = None) -> Outcome:
        """Set (replace) the revenue target of a scope for a period."""
        value = v.amount(amount, "target")
        if value <= 0:
            raise ValidationError("target_invalid", "target", value=str(amount))
        if scope not in ("business", "team", "owner"):
            raise ValidationError("choice_invalid", "scope", value=scope,
                                  choices="business, team, owner")
        period_start = v.day(period_start, "period_start")
        period_end = v.day(period_end, "period_end")
        if period_start is None or period_end is None:
            raise ValidationError("date_invalid", "period_start" if period_start is None
                                  else "period_end", value="")
        if period_start > period_end:
            raise ValidationError("period_invalid", "period_start",
                                  start=period_start.isoformat(), end=period_end.isoformat())
        before = snapshot_rows("target", scope=scope, team=team_id, owner=owner_id,
                               period_start=period_start, period_end=period_end)

        def work() -> int:
            Target.delete().where((Target.scope == scope) & (Target.team == team_id)
                                  & (Target.owner == owner_id)
                                  & (Target.period_start == period_start)
                                  & (Target.period_end == period_end)).execute()
            return Target.create(scope=scope, team=team_id, owner=owner_id,
                                 period_start=period_start, period_end=period_end,
                                 amount=value).id

        tid = self._write(work)
        return self._done(tid, Restore("set target", rows=(before,)), {"targets"},
                          initiator=initiator)

    def save_weekly_note(self, week: str, scope: str, text: str,
                         initiator: object | None = None) -> Outcome:
        """Save the owner's 'problems and actions' for a week and scope."""
        week = iso_week(parse_week(week).start)
        text = "" if text is None else str(text)
        now = self.clock()
        before = snapshot_rows("weekly_note", week=week, scope=scope)

        def work() -> None:
            WeeklyNote.insert(week=week, scope=scope, text=text, updated_at=now).on_conflict(
                conflict_target=[WeeklyNote.week, WeeklyNote.scope],
                update={WeeklyNote.text: text, WeeklyNote.updated_at: now}).execute()

        self._write(work)
        return self._done(None, Restore("weekly note", rows=(before,)), {"notes"},
                          initiator=initiator)


__all__ = ["Outcome", "Owner", "Region", "Services", "Source", "StoreError", "Team"]
