"""The only writers: one validated transaction per user action, its inverse, one event.

Every action reads what it checks and what undo needs inside its write transaction, with the
rows locked (SQLite: ``BEGIN IMMEDIATE``; PostgreSQL: ``SELECT … FOR UPDATE``), so a second
writer can never slip in between the check and the write. Each committed action leaves one row
in the change feed (``store/feed.py``) that other windows and processes read.

What the other services modules (pipelines, importing, demo) write with — nothing else of
this module is theirs to call:

- :meth:`Services.perform` runs one action: ``work(step)`` inside the write transaction;
  :class:`Step` is what the work reads through (``step.capture``) and names for its event
  (``step.names``); :meth:`Services.announce` tells of writes made in bulk outside it;
- :meth:`Services.require_admin` refuses an action a team member may not take;
- :func:`bump` (the version increment of every UPDATE of a versioned row),
  :func:`as_text` (a value as the change log keeps it) and :data:`LOGGED_FIELDS`.

:meth:`Services.write` is the bare transaction ``perform`` runs in (no feed row, no event, no
undo): only for measuring it (the benchmark), never to write with."""

from __future__ import annotations

import getpass
import json
import secrets
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

import peewee

from ..core import progress
from ..core.batches import chunks
from ..core.dates import iso_week, parse_week
from ..core.errors import FunnelError, StoreError, ValidationError
from ..core.templates import LOST_REASONS, SOURCES, WON_REASONS, template
from ..store import feed
from ..store.db import translated_errors
from ..store.models import (
    Activity,
    Contact,
    Customer,
    Deal,
    DealChange,
    NamedModel,
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
    Versioned,
    WeeklyNote,
    database,
    utcnow,
)
from ..store.prepared import Prepared
from ..store.queries import model_rows
from . import journal
from . import validate as v
from .changeset import CHUNK, Capture, ChangeSet, Touched, apply, local_time
from .events import Changes, EventBus

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
#: Attempts of a transaction PostgreSQL aborted to break a deadlock between two writers.
RETRIES = 5

#: The statements of a drop (one deal moved to another open stage), built once.
_STAGE = Prepared(lambda id: Stage.select().where(Stage.id == id), id=int)
_LEAVE_STAGE = Prepared(
    lambda now, deal: StageHistory.update(left_at=now, **bump(StageHistory)).where(
        (StageHistory.deal == deal) & StageHistory.left_at.is_null()), now=datetime, deal=int)
_ENTER_STAGE = Prepared(
    lambda deal, stage, now, by: StageHistory.insert(deal=deal, stage=stage, entered_at=now,
                                                     by=by), deal=int, stage=int, now=datetime,
    by=str)
_MOVE_DEAL = Prepared(
    lambda stage, now, deal: Deal.update(stage=stage, stage_entered_at=now, updated_at=now,
                                         **bump(Deal)).where(Deal.id == deal),
    stage=int, now=datetime, deal=int)
_OPEN_STAY = Prepared(
    lambda deal: StageHistory.select(StageHistory.id).where(
        (StageHistory.deal == deal) & StageHistory.left_at.is_null()), deal=int)


def _open_stays(deal_ids: list[int]) -> list[int]:
    """The ids of the deals' open stays (one per open deal)."""
    if len(deal_ids) == 1:
        return [int(i) for (i,) in _OPEN_STAY.execute(deal=deal_ids[0])]
    out: list[int] = []
    for chunk in chunks(deal_ids, CHUNK):
        out.extend(int(i) for (i,) in StageHistory.select(StageHistory.id).where(
            StageHistory.deal.in_(chunk) & StageHistory.left_at.is_null()).tuples())
    return out


#: PostgreSQL's codes for "try the transaction again": serialization failure, deadlock.
_RETRY_CODES = ("40001", "40P01")

#: The inverse of an action, as :meth:`Services.undo` takes it (a change set).
Restore = ChangeSet


@dataclass(frozen=True, slots=True)
class Outcome:
    """What a service call did: its result value, its inverse (for undo) and the event.
    ``merged`` lists the other people's changes an edit was applied on top of (the form had
    shown an older version of the row, and their fields and ours did not overlap)."""

    value: Any
    inverse: ChangeSet | None
    changes: Changes
    merged: tuple[feed.FeedEntry, ...] = ()


@dataclass(frozen=True, slots=True)
class Base:
    """What an editor showed: the values of the fields it sends (as it read them), the row's
    version and the change feed's position then. A field somebody else changed since is a
    conflict, never overwritten."""

    values: dict[str, Any]
    version: int
    seq: int = 0


class EditConflict(FunnelError):
    """Somebody changed the same fields since the editor read them: nothing was written.
    ``fields`` are the field codes, ``current`` their values now, ``later`` the feed rows
    of the changes since."""

    def __init__(self, item: str, fields: list[str], current: dict[str, Any],
                 later: list[feed.FeedEntry]) -> None:
        self.fields = fields
        self.current = current
        self.later = later
        who = list(dict.fromkeys(e.by or "?" for e in later)) or ["?"]
        super().__init__("edit_conflict", item=item, fields=", ".join(fields),
                         by=", ".join(who[:3]), at=local_time(later[-1].at if later else None))


class Step:
    """One action inside its transaction: the rows it captured for undo, the moment, and
    what its change event and feed row name."""

    def __init__(self, now: datetime) -> None:
        self.now = now
        self.capture = Capture()
        self.kinds: set[str] = set()
        self.deal_ids: list[int] = []
        self.customer_ids: list[int] = []
        self.moves: tuple[tuple[int, int, int], ...] = ()
        self.nothing = False  # the action found nothing to do: no feed row, no event
        self.inverse: ChangeSet | None = None  # set by undo (its redo), else captured
        self.merged: tuple[feed.FeedEntry, ...] = ()

    def names(self, kinds: Iterable[str], deal_ids: Iterable[int] = (),
              customer_ids: Iterable[int] = (),
              moves: tuple[tuple[int, int, int], ...] = ()) -> None:
        self.kinds.update(kinds)
        self.deal_ids.extend(deal_ids)
        self.customer_ids.extend(customer_ids)
        self.moves = moves


def as_text(value: Any) -> str | None:
    """A value as the change log (``DealChange.old`` / ``new``) keeps it: ISO dates and times,
    anything else as text, None as None."""
    if value is None:
        return None
    if isinstance(value, date | datetime):
        return value.isoformat()
    return str(value)


def bump(model: type[Versioned]) -> dict[str, Any]:
    """The version increment every UPDATE of a versioned row carries."""
    return {"version": model.version + 1}


def _location() -> str:
    from ..store.db import mask_url

    return mask_url(str(getattr(database.obj, "database", "database")))


def _retryable(exc: BaseException | None) -> bool:
    """Whether a driver error somewhere in the chain is PostgreSQL's "try again"."""
    seen = 0
    while exc is not None and seen < 6:
        if getattr(exc, "pgcode", None) in _RETRY_CODES:
            return True
        inner = exc.args[0] if exc.args and isinstance(exc.args[0], BaseException) else None
        if inner is not None and getattr(inner, "pgcode", None) in _RETRY_CODES:
            return True
        exc, seen = exc.__cause__ or exc.__context__, seen + 1
    return False


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
        #: This process's token in the change feed (its own rows are not news to it).
        self.client = secrets.token_hex(8)
        self._session: Any = None
        self._session_key: int | None = None

    # -- plumbing -------------------------------------------------------------------------
    def write(self, fn: Callable[[], Any], label: str = "") -> Any:
        """Run ``fn`` in one write transaction: on SQLite ``BEGIN IMMEDIATE`` (the file's
        write lock from the first read on), on PostgreSQL a transaction the statements lock
        rows in; one PostgreSQL broke to end a deadlock is run again. The outermost one is
        recorded (:mod:`.journal`: committed, or rolled back by the exception it raises).
        The transaction of :meth:`perform`, which is what writes (a feed row, an event, an
        inverse): call this alone only to measure it."""
        db = database.obj
        if db.transaction_depth() == 0:
            with journal.recorded(label):
                return self._attempts(fn)
        return self._attempts(fn)

    @staticmethod
    def _attempts(fn: Callable[[], Any]) -> Any:
        location = str(getattr(database.obj, "database", "database"))
        db = database.obj
        sqlite = isinstance(db, peewee.SqliteDatabase)
        for attempt in range(RETRIES):
            try:
                with translated_errors(location):
                    if sqlite and db.transaction_depth() == 0:
                        with db.atomic(lock_type="IMMEDIATE"):
                            return fn()
                    with db.atomic():
                        return fn()
            except StoreError as err:
                if attempt + 1 < RETRIES and _retryable(err):
                    time.sleep(0.01 * (attempt + 1))
                    continue
                raise
        raise AssertionError("unreachable")

    def perform(self, label: str, work: Callable[[Step], Any],
                initiator: object | None = None, undoable: bool = True) -> Outcome:
        """Run one action: ``work(step)`` inside the write transaction reads (through
        ``step.capture``), checks and writes; the change set becomes the inverse, one change
        feed row is written in the same transaction, and one event is published after the
        commit. This is the one entry for every writing service."""

        def txn() -> tuple[Any, ChangeSet | None, Step]:
            step = Step(self.clock())
            value = work(step)
            if step.nothing:
                return value, None, step
            inverse = step.inverse
            if inverse is None and undoable:
                inverse = step.capture.changeset(label)
            seq = feed.record(step.now, self.user, self.client, label, step.kinds,
                              step.deal_ids, step.customer_ids, step.moves)
            progress.checkpoint()  # a Cancel up to the commit keeps nothing
            return value, inverse.with_seq(seq) if inverse is not None else None, step

        value, inverse, step = self.write(txn, label)
        if step.nothing:
            return Outcome(value, None, Changes(frozenset()))
        out = self._done(value, inverse, step.kinds, step.deal_ids, step.customer_ids,
                         initiator, step.moves)
        return Outcome(out.value, out.inverse, out.changes, step.merged)

    def _done(self, value: Any, inverse: ChangeSet | None, kinds: Iterable[str],
              deal_ids: Iterable[int] = (), customer_ids: Iterable[int] = (),
              initiator: object | None = None,
              moves: tuple[tuple[int, int, int], ...] = ()) -> Outcome:
        changes = Changes(frozenset(kinds), frozenset(deal_ids), frozenset(customer_ids),
                          initiator, moves)
        self.bus.publish(changes)
        return Outcome(value, inverse, changes)

    def announce(self, label: str, kinds: Iterable[str], initiator: object | None = None
                 ) -> Outcome:
        """Tell everyone about writes made outside :meth:`perform` (the demo generator's
        bulk inserts): a feed row and one event."""

        def work(step: Step) -> None:
            step.names(kinds)

        return self.perform(label, work, initiator, undoable=False)

    def undo(self, inverse: ChangeSet, initiator: object | None = None) -> Outcome:
        """Take an action back where nobody changed its rows since (else
        :class:`~.changeset.UndoConflict`, nothing written); the outcome's inverse redoes it."""

        def work(step: Step) -> None:
            applied = apply(inverse, step.now)
            redo = applied.redo
            step.inverse = ChangeSet(redo.label, redo.created, redo.rows, 0,
                                     {**redo.extra, "undone": not inverse.extra.get("undone",
                                                                                   False)})
            touched = Touched()
            for table, row in applied.touched:
                touched.add(table, row)
            kinds = set(touched.kinds)
            if kinds & {"deals", "activities", "customers"}:
                kinds |= {"deals", "activities"}
            if "pipelines" in kinds:
                kinds.add("deals")
            step.names(kinds, sorted(touched.deal_ids), sorted(touched.customer_ids))

        verb = "redo " if inverse.extra.get("undone") else "undo "
        return self.perform(verb + inverse.label, work, initiator)

    # -- lookups (inside the transaction) ---------------------------------------------------
    @staticmethod
    def _stage(stage_id: int, pipeline_id: int | None = None) -> Stage:
        rows = model_rows(Stage, *_STAGE.bound(id=stage_id))
        stage = Stage(**rows[0]) if rows else None
        if stage is None or (pipeline_id is not None and stage.pipeline_id != pipeline_id):
            raise ValidationError("stage_unknown", "stage", value=stage_id)
        return stage

    @staticmethod
    def _locked_deals(step: Step, deal_ids: list[int]) -> list[dict[str, Any]]:
        """The deals' rows, locked, in the order given (``deal_unknown`` for a missing one;
        on a team server ``db_denied`` for one this user may see but not change)."""
        rows = {r["id"]: r for r in step.capture.read(Deal, Deal.id, deal_ids, lock=True)}
        for i in deal_ids:
            if i not in rows:
                if Deal.select().where(Deal.id == i).exists():  # readable, not lockable
                    raise StoreError("db_denied", path=_location())
                raise ValidationError("deal_unknown", "deal", value=i)
        return [rows[i] for i in deal_ids]

    # -- who may (team mode) ------------------------------------------------------------------
    def session(self) -> Any:
        """Who is connected to a team server (``store.team.Session``), or None for a
        database file or a server without team mode."""
        db = database.obj
        if not isinstance(db, peewee.PostgresqlDatabase):
            return None
        key = id(db)
        if self._session_key != key:
            from ..store import team

            with translated_errors(_location()):
                found = team.session(db)
            self._session = found if found.role else None
            self._session_key = key
            if self._session is not None:
                self.user = self._session.login
        return self._session

    def role(self) -> str:
        """admin / manager / sales on a team server; "admin" everywhere else (one person)."""
        found = self.session()
        return found.role if found is not None else "admin"

    def require_admin(self) -> None:
        """Refuse (``db_denied``, nothing written) what only an admin may do on a team
        server: deleting, pipelines, kept lists, settings, imports."""
        if self.role() != "admin":
            raise StoreError("db_denied", path=_location())

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

    @staticmethod
    def _check_base(step: Step, item: str, row: dict[str, Any], clean: dict[str, Any],
                    base: Base | None, comparable: Callable[[str, Any], Any],
                    deal_ids: Iterable[int] = (), customer_ids: Iterable[int] = ()) -> None:
        """Raise :class:`EditConflict` when a field being written changed since the editor
        read it (to something else than what we write); note a merge when only other fields
        changed."""
        if base is None:
            return
        clash = [k for k in clean if k in base.values
                 and comparable(k, base.values[k]) != row.get(k) and clean[k] != row.get(k)]
        if not clash and row.get("version") == base.version:
            return
        later = [e for e in feed.touching(base.seq, deal_ids, customer_ids)
                 if e.seq > base.seq] if base.seq else []
        if clash:
            raise EditConflict(item, clash, {k: row.get(k) for k in clash}, later)
        step.merged = tuple(later)

    @staticmethod
    def _deal_value(key: str, value: Any) -> Any:
        """A deal field's value as stored, for comparing an editor's base with the row (the
        editors pass stored values; text is parsed as the service would)."""
        if not isinstance(value, str):
            return value
        try:
            if key == "amount":
                return v.amount(value)
            if key == "probability":
                return v.probability(value)
            if key in ("expected_close", "next_step_due"):
                return v.day(value, key)
        except ValidationError:
            return value
        return value

    # -- deals ----------------------------------------------------------------------------
    def create_deal(self, pipeline_id: int, stage_id: int, fields: dict[str, Any],
                    initiator: object | None = None) -> Outcome:
        """Create a deal in an open stage; history gets its first entry."""

        def work(step: Step) -> int:
            if not Pipeline.select().where(Pipeline.id == pipeline_id).exists():
                raise ValidationError("pipeline_unknown", "pipeline", value=pipeline_id)
            stage = self._stage(stage_id, pipeline_id)
            if stage.kind != "open":
                raise ValidationError("closing_stage", "stage")
            clean = self._clean_deal(fields)
            if "title" not in clean:
                raise ValidationError("title_required", "title")
            now = step.now
            deal = Deal.create(pipeline=pipeline_id, stage=stage_id, created_at=now,
                               updated_at=now, stage_entered_at=now, **clean)
            StageHistory.create(deal=deal.id, stage=stage_id, entered_at=now, by=self.user)
            step.capture.expect(Deal, Deal.id, [deal.id])
            step.capture.expect(StageHistory, StageHistory.deal, [deal.id])
            step.names({"deals"}, [deal.id])
            return int(deal.id)

        return self.perform("create deal", work, initiator)

    def update_deal(self, deal_id: int, fields: dict[str, Any],
                    initiator: object | None = None, base: Base | None = None) -> Outcome:
        """Edit fields of a deal; edits of the logged fields go to the change log.

        With ``base`` (what the editor showed), a field somebody changed since is an
        :class:`EditConflict` and nothing is written; changes to other fields are kept and
        named in the outcome's ``merged``."""

        def work(step: Step) -> int:
            (row,) = self._locked_deals(step, [deal_id])
            clean = self._clean_deal(fields)
            self._check_base(step, row["title"], row, clean, base, self._deal_value,
                             deal_ids=[deal_id])
            floor = step.capture.floor(DealChange)
            logs = []
            for key, new in clean.items():
                old = row[key]
                if key in LOGGED_FIELDS and old != new:
                    logs.append({"deal": deal_id, "field": key, "old": as_text(old),
                                 "new": as_text(new), "at": step.now, "by": self.user})
            Deal.update(updated_at=step.now, **bump(Deal), **clean).where(
                Deal.id == deal_id).execute()
            if logs:
                DealChange.insert_many(logs).execute()
            step.capture.expect(DealChange, DealChange.deal, [deal_id], floor)
            step.names({"deals"} | ({"customers"} if "customer" in clean else set()),
                       [deal_id])
            return deal_id

        return self.perform("edit deal", work, initiator)

    def delete_deals(self, deal_ids: list[int], initiator: object | None = None) -> Outcome:
        """Delete deals with their history and activities."""
        deal_ids = list(dict.fromkeys(deal_ids))  # an id listed twice is one deal

        self.require_admin()

        def work(step: Step) -> int:
            self._locked_deals(step, deal_ids)
            cap = step.capture
            for model in (StageHistory, DealChange, Activity):
                cap.read(model, model.deal, deal_ids)
            if Deal.delete().where(Deal.id.in_(deal_ids)).execute() != len(deal_ids):
                raise StoreError("db_denied", path=_location())
            step.names({"deals", "activities"}, deal_ids)
            return len(deal_ids)

        return self.perform("delete deals", work, initiator)

    def _change_stage(self, step: Step, ids: list[int], stage: Stage,
                      extra: dict[str, Any]) -> None:
        """Deals enter ``stage`` (see :meth:`_enter_stage`), with what undo needs: the open
        stays it closes, read before, and the stays it opens, read after — not every stay of
        the deals (a deal moved a hundred times has a hundred, and a move changes two)."""
        step.capture.read(StageHistory, StageHistory.id, _open_stays(ids))
        self._enter_stage(ids, stage, step.now, extra)
        step.capture.expect(StageHistory, StageHistory.id, _open_stays(ids))

    def _enter_stage(self, ids: list[int], stage: Stage, now: datetime,
                     extra: dict[str, Any]) -> None:
        if len(ids) == 1 and not extra:  # a drop: the same three statements every time
            deal_id = ids[0]
            _LEAVE_STAGE.execute(now=now, deal=deal_id)
            _ENTER_STAGE.execute(deal=deal_id, stage=stage.id, now=now, by=self.user)
            _MOVE_DEAL.execute(stage=stage.id, now=now, deal=deal_id)
            return
        StageHistory.update(left_at=now, **bump(StageHistory)).where(
            StageHistory.deal.in_(ids) & StageHistory.left_at.is_null()).execute()
        StageHistory.insert_many([{"deal": i, "stage": stage.id, "entered_at": now,
                                   "by": self.user} for i in ids]).execute()
        Deal.update(stage=stage.id, stage_entered_at=now, updated_at=now, **bump(Deal),
                    **extra).where(Deal.id.in_(ids)).execute()

    def move_deals(self, deal_ids: list[int], stage_id: int,
                   initiator: object | None = None) -> Outcome:
        """Move open deals to another open stage of their pipeline (a probability the user set
        on a deal is kept)."""
        deal_ids = list(dict.fromkeys(deal_ids))  # twice would enter the stage twice

        def work(step: Step) -> int:
            deals = self._locked_deals(step, deal_ids)
            stage = self._stage(stage_id)
            if stage.kind != "open":
                raise ValidationError("closing_stage", "stage")
            for d in deals:
                if d["pipeline"] != stage.pipeline_id:
                    raise ValidationError("stage_unknown", "stage", value=stage.name)
                if d["closed_at"] is not None:
                    raise ValidationError("already_closed", "stage", value=d["id"])
            moving = [d for d in deals if d["stage"] != stage_id]
            if not moving:
                step.nothing = True
                return 0
            ids = [d["id"] for d in moving]
            self._change_stage(step, ids, stage, {})
            step.names({"deals"}, ids,
                       moves=tuple((d["id"], d["stage"], stage_id) for d in moving))
            return len(moving)

        return self.perform("move deals", work, initiator)

    def close_deals(self, deal_ids: list[int], won: bool, reason_id: int | None,
                    note: str = "", initiator: object | None = None) -> Outcome:
        """Close deals as won or lost with a kept reason (and a note)."""
        kind = "won" if won else "lost"
        if reason_id is None:
            raise ValidationError("reason_required", "reason", kind=kind)
        deal_ids = list(dict.fromkeys(deal_ids))  # twice would enter the stage twice
        note_text = v.text(note, "note")

        def work(step: Step) -> int:
            reason = Reason.get_or_none(Reason.id == reason_id)
            if reason is None or reason.kind != kind:
                raise ValidationError("reason_unknown", "reason", value=reason_id, kind=kind)
            deals = self._locked_deals(step, deal_ids)
            for d in deals:
                if d["closed_at"] is not None:
                    raise ValidationError("already_closed", "stage", value=d["id"])
            by_pipeline: dict[int, Stage] = {}
            for d in deals:
                if d["pipeline"] not in by_pipeline:
                    st = (Stage.select().where((Stage.pipeline == d["pipeline"])
                                               & (Stage.kind == kind))
                          .order_by(Stage.position).first())
                    if st is None:
                        raise ValidationError("stage_unknown", "stage", value=kind)
                    by_pipeline[d["pipeline"]] = st
            for pid, st in by_pipeline.items():
                group = [d["id"] for d in deals if d["pipeline"] == pid]
                self._change_stage(step, group, st, {
                    "closed_at": step.now, "close_reason": reason_id, "close_note": note_text})
            step.names({"deals"}, deal_ids, moves=tuple(
                (d["id"], d["stage"], by_pipeline[d["pipeline"]].id) for d in deals))
            return len(deals)

        return self.perform(f"close {kind}", work, initiator)

    def reopen_deal(self, deal_id: int, stage_id: int | None = None,
                    initiator: object | None = None) -> Outcome:
        """Reopen a closed deal into ``stage_id`` or the furthest open stage it reached."""

        def work(step: Step) -> int:
            (deal,) = self._locked_deals(step, [deal_id])
            if deal["closed_at"] is None:
                raise ValidationError("not_closed", "stage", value=deal_id)
            stage: Stage | None
            if stage_id is None:
                row = (StageHistory.select(Stage.id).join(Stage)
                       .where((StageHistory.deal == deal_id) & (Stage.kind == "open"))
                       .order_by(Stage.position.desc()).first())
                stage = self._stage(row.stage_id) if row else (
                    Stage.select().where((Stage.pipeline == deal["pipeline"])
                                         & (Stage.kind == "open"))
                    .order_by(Stage.position).first())
            else:
                stage = self._stage(stage_id, deal["pipeline"])
            if stage is None or stage.kind != "open":
                raise ValidationError("stage_unknown", "stage", value=stage_id)
            self._change_stage(step, [deal_id], stage, {
                "closed_at": None, "close_reason": None, "close_note": ""})
            step.names({"deals"}, [deal_id], moves=((deal_id, deal["stage"], stage.id),))
            return deal_id

        return self.perform("reopen deal", work, initiator)

    # -- activities -----------------------------------------------------------------------
    def log_activity(self, fields: dict[str, Any], initiator: object | None = None) -> Outcome:
        """Log a call, visit, email, meeting, note or task on a deal or customer."""
        kind = v.choice(fields.get("kind", "note"), "kind")
        deal_id = fields.get("deal")
        due = fields.get("due_at")
        if isinstance(due, datetime):
            v.day(due.date(), "due_at")  # within the dates a database keeps
        elif due is not None:
            d = v.day(due, "due_at")
            due = datetime(d.year, d.month, d.day) if d else None
        if isinstance(fields.get("created_at"), datetime):
            v.day(fields["created_at"].date(), "created_at")
        subject = v.text(fields.get("subject"), "subject")
        notes = v.text(fields.get("notes"), "notes")

        def work(step: Step) -> int:
            customer_id = fields.get("customer")
            if deal_id is not None:
                (deal,) = self._locked_deals(step, [deal_id])
                customer_id = customer_id or deal["customer"]
            if customer_id is not None and not Customer.select().where(
                    Customer.id == customer_id).exists():
                raise ValidationError("customer_unknown", "customer", value=customer_id)
            done = fields.get("done_at")
            if done is True:
                done = step.now
            row = {"deal": deal_id, "customer": customer_id, "kind": kind, "subject": subject,
                   "notes": notes, "due_at": due, "done_at": done,
                   "created_at": fields.get("created_at") or step.now,
                   "owner": fields.get("owner"), "by": self.user}
            act = Activity.create(**row)
            if deal_id is not None:
                Deal.update(last_activity_at=row["created_at"], **bump(Deal)).where(
                    Deal.id == deal_id).execute()
            step.capture.expect(Activity, Activity.id, [act.id])
            step.names({"activities", "deals"}, [deal_id] if deal_id else [],
                       [customer_id] if customer_id else [])
            return int(act.id)

        return self.perform("log activity", work, initiator)

    def set_activity_done(self, activity_id: int, done: bool = True,
                          initiator: object | None = None) -> Outcome:
        """Mark a follow-up done (or not done)."""

        def work(step: Step) -> int:
            rows = step.capture.read(Activity, Activity.id, [activity_id], lock=True)
            if not rows:
                raise ValidationError("activity_unknown", "activity", value=activity_id)
            act = rows[0]
            Activity.update(done_at=step.now if done else None, **bump(Activity)).where(
                Activity.id == activity_id).execute()
            step.names({"activities", "deals"}, [act["deal"]] if act["deal"] else [],
                       [act["customer"]] if act["customer"] else [])
            return activity_id

        return self.perform("activity done", work, initiator)

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

    def _customer_value(self, key: str, value: Any) -> Any:
        try:
            return self._clean_customer({key: value})[key]
        except (ValidationError, KeyError):
            return value

    def _clean_contacts(self, contacts: list[dict[str, Any]]) -> list[dict[str, Any]]:
        out = []
        for c in contacts:
            row = {k: c.get(k, "") for k in CONTACT_FIELDS}
            for k in ("title", "phone", "email", "notes"):
                row[k] = v.text(row[k], "contact_" + k)
            row["name"] = v.text(row["name"], "contact_name", required=True)
            row["role"] = v.choice(row["role"] or "", "role")
            row["attitude"] = v.choice(row["attitude"] or "neutral", "attitude")
            if c.get("id") is not None:
                row["id"] = c["id"]
                if c.get("_base") is not None:  # the contact as the form showed it
                    row["_base"] = {k: c["_base"].get(k, "") for k in CONTACT_FIELDS}
            out.append(row)
        return out

    def save_customer(self, customer_id: int | None, fields: dict[str, Any],
                      contacts: list[dict[str, Any]] | None = None,
                      initiator: object | None = None, base: Base | None = None) -> Outcome:
        """Create (``customer_id`` None) or edit a customer and, if given, its contacts.

        Contacts that carry their ``id`` are edited in place (and the others removed, the
        new ones added); without ids the list replaces the customer's contacts. ``base`` as
        for :meth:`update_deal`."""
        clean = self._clean_customer(fields)
        if customer_id is None and "name" not in clean:
            raise ValidationError("name_required", "name")
        people = self._clean_contacts(contacts) if contacts is not None else None

        def work(step: Step) -> int:
            cap, now = step.capture, step.now
            if customer_id is None:
                cid = int(Customer.create(created_at=now, updated_at=now, **clean).id)
                cap.expect(Customer, Customer.id, [cid])
                cap.expect(Contact, Contact.customer, [cid])
            else:
                cid = customer_id
                rows = cap.read(Customer, Customer.id, [cid], lock=True)
                if not rows:
                    raise ValidationError("customer_unknown", "customer", value=cid)
                self._check_base(step, rows[0]["name"], rows[0], clean, base,
                                 self._customer_value, customer_ids=[cid])
                old_contacts = cap.read(Contact, Contact.customer, [cid])
                cap.expect(Contact, Contact.customer, [cid], cap.floor(Contact))
                Customer.update(updated_at=now, **bump(Customer), **clean).where(
                    Customer.id == cid).execute()
                if people is not None and any("id" in p for p in people):
                    self._edit_contacts(cid, people, old_contacts)
                elif people is not None:
                    Contact.delete().where(Contact.customer == cid).execute()
                    self._add_contacts(cid, people)
            if customer_id is None and people:
                self._add_contacts(cid, people)
            step.names({"customers"}, customer_ids=[cid])
            return cid

        return self.perform("save customer", work, initiator)

    @staticmethod
    def _add_contacts(cid: int, people: list[dict[str, Any]]) -> None:
        plain = [{k: val for k, val in p.items() if k != "id"} for p in people]
        if plain:
            Contact.insert_many([{**p, "customer": cid} for p in plain]).execute()

    @staticmethod
    def _edit_contacts(cid: int, people: list[dict[str, Any]],
                       old: list[dict[str, Any]]) -> None:
        """Contacts by id: edited where they changed, removed when left out, added when new.

        A contact that carries the values the form showed (``_base``) has only the fields
        changed since written, and a field somebody else changed meanwhile is an
        :class:`EditConflict`; one somebody deleted meanwhile comes back only if it was
        edited here."""
        known = {r["id"]: r for r in old}
        keep = {p["id"] for p in people if p.get("id") in known}
        gone = [i for i in known if i not in keep]
        if gone:
            Contact.delete().where(Contact.id.in_(gone)).execute()
        for p in people:
            shown = p.get("_base")
            values = {k: val for k, val in p.items() if k not in ("id", "_base")}
            mine = values if shown is None else {k: val for k, val in values.items()
                                                 if shown.get(k) != val}
            if p.get("id") in known:
                now = known[p["id"]]
                if shown is not None:
                    clash = [k for k, val in mine.items()
                             if now.get(k) != shown.get(k) and now.get(k) != val]
                    if clash:
                        raise EditConflict(now["name"], clash, {k: now[k] for k in clash}, [])
                changed = {k: val for k, val in mine.items() if now.get(k) != val}
                if changed:
                    Contact.update(**bump(Contact), **changed).where(
                        Contact.id == p["id"]).execute()
            elif p.get("id") is None or shown is None or mine:
                Contact.create(customer=cid, **values)

    def delete_customer(self, customer_id: int, initiator: object | None = None) -> Outcome:
        """Delete a customer; its deals stay, without a customer."""
        self.require_admin()

        def work(step: Step) -> int:
            cap = step.capture
            if not cap.read(Customer, Customer.id, [customer_id], lock=True):
                raise ValidationError("customer_unknown", "customer", value=customer_id)
            cap.read(Contact, Contact.customer, [customer_id])
            cap.read(Activity, Activity.customer, [customer_id])
            deal_ids = [d["id"] for d in cap.read(Deal, Deal.customer, [customer_id],
                                                  lock=True)]
            # the follow-ups of its deals belong to the deals: they stay, without the customer
            Activity.update(customer=None, **bump(Activity)).where(
                (Activity.customer == customer_id) & Activity.deal.is_null(False)).execute()
            if deal_ids:
                Deal.update(customer=None, **bump(Deal)).where(
                    Deal.customer == customer_id).execute()
            Customer.delete().where(Customer.id == customer_id).execute()
            step.names({"customers", "deals"}, deal_ids, [customer_id])
            return customer_id

        return self.perform("delete customer", work, initiator)

    # -- setup and kept lists -------------------------------------------------------------
    def create_pipeline(self, template_code: str, lang: str = "en", name: str | None = None,
                        initiator: object | None = None) -> Outcome:
        """Create a pipeline from one of the shipped templates."""
        t = template(template_code)
        zh = lang.startswith("zh")
        pname = name or (t.zh if zh else t.en)
        self.require_admin()

        def work(step: Step) -> int:
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
            step.capture.expect(Pipeline, Pipeline.id, [p.id])
            step.capture.expect(Stage, Stage.pipeline, [p.id])
            step.names({"pipelines"})
            return int(p.id)

        return self.perform("create pipeline", work, initiator)

    def seed_lists(self, lang: str = "en") -> Outcome:
        """Fill the kept lists (won/lost reasons, sources) if they are empty."""
        zh = lang.startswith("zh")

        def work(step: Step) -> None:
            if not Reason.select().exists():
                rows = []
                for kind, items in (("won", WON_REASONS), ("lost", LOST_REASONS)):
                    for i, (cz, ce, lz, le) in enumerate(items):
                        rows.append({"kind": kind, "category": cz if zh else ce,
                                     "label": lz if zh else le, "position": i})
                Reason.insert_many(rows).execute()
            if not Source.select().exists():
                Source.insert_many([{"name": z if zh else e} for z, e in SOURCES]).execute()
            step.names({"lists"})

        return self.perform("seed lists", work, undoable=False)

    def ensure_named(self, model: NamedModel, name: str, **extra: Any) -> int:
        """The id of the owner/team/region/source with this name, created if missing."""
        name = v.text(name, "name", required=True)
        row = model.get_or_none(model.name == name)
        if row is not None:
            return int(row.id)

        def work(step: Step) -> int:
            found = model.get_or_none(model.name == name)  # another writer may have made it
            if found is not None:
                step.nothing = True
                return int(found.id)
            step.names({"lists"})
            return int(model.create(name=name, **extra).id)

        return int(self.perform("add to list", work, undoable=False).value)

    def set_setting(self, key: str, value: Any, initiator: object | None = None) -> Outcome:
        """Store one business setting (JSON)."""
        return self.set_settings({key: value}, initiator=initiator)

    def set_settings(self, values: dict[str, Any], initiator: object | None = None
                     ) -> Outcome:
        """Store business settings (JSON each) in one transaction: all of them or none."""
        texts: dict[str, str] = {}
        for key, value in values.items():
            key = v.text(key, "key", required=True)
            try:
                text = json.dumps(value, ensure_ascii=False, allow_nan=False)
            except (TypeError, ValueError, RecursionError):
                raise ValidationError("json_invalid", "json", value=str(value)[:40]) from None
            texts[key] = v.checked_text(text, "json")
        self.require_admin()

        def work(step: Step) -> list[str]:
            for key, text in texts.items():
                Setting.insert(key=key, value=text).on_conflict(
                    conflict_target=[Setting.key],
                    update={Setting.value: text, Setting.version: Setting.version + 1}
                ).execute()
            step.names({"settings"})
            return list(texts)

        return self.perform("setting", work, initiator, undoable=False)

    def set_target(self, scope: str, period_start: date, period_end: date, amount: Any,
                   team_id: int | None = None, owner_id: int | None = None,
                   initiator: object | None = None, expected: int | bool | None = False
                   ) -> Outcome:
        """Set (replace) the revenue target of a scope for a period.

        ``expected``: the amount (minor units, None for no target) the editor showed; a
        target somebody else set since is an :class:`EditConflict`."""
        value = v.amount(amount, "target")
        if value <= 0:
            raise ValidationError("target_invalid", "target", value=str(amount))
        if scope not in ("business", "team", "owner"):
            raise ValidationError("choice_invalid", "scope", value=scope,
                                  choices="business, team, owner")
        start = v.day(period_start, "period_start")
        end = v.day(period_end, "period_end")
        if start is None or end is None:
            raise ValidationError("date_invalid", "period_start" if start is None
                                  else "period_end", value="")
        if start > end:
            raise ValidationError("period_invalid", "period_start",
                                  start=start.isoformat(), end=end.isoformat())
        match = ((Target.scope == scope) & (Target.team.is_null() if team_id is None
                                            else Target.team == team_id)
                 & (Target.owner.is_null() if owner_id is None else Target.owner == owner_id)
                 & (Target.period_start == start) & (Target.period_end == end))

        def work(step: Step) -> int:
            ids = [i for (i,) in Target.select(Target.id).where(match).tuples()]
            old = step.capture.read(Target, Target.id, ids, lock=True)
            if expected is not False:
                now_amount = old[0]["amount"] if old else None
                if now_amount != expected and now_amount != value:
                    raise EditConflict(scope, ["amount"], {"amount": now_amount},
                                       feed.recent({"targets"})[-1:])
            Target.delete().where(match).execute()
            tid = int(Target.create(scope=scope, team=team_id, owner=owner_id,
                                    period_start=start, period_end=end, amount=value).id)
            step.capture.expect(Target, Target.id, [tid])
            step.names({"targets"})
            return tid

        return self.perform("set target", work, initiator)

    def save_weekly_note(self, week: str, scope: str, text: str,
                         initiator: object | None = None) -> Outcome:
        """Save the owner's 'problems and actions' for a week and scope."""
        week = iso_week(parse_week(week).start)
        text = v.checked_text("" if text is None else str(text), "text")
        key = (WeeklyNote.week == week) & (WeeklyNote.scope == scope)

        def work(step: Step) -> None:
            ids = [i for (i,) in WeeklyNote.select(WeeklyNote.id).where(key).tuples()]
            step.capture.read(WeeklyNote, WeeklyNote.id, ids, lock=True)
            WeeklyNote.insert(week=week, scope=scope, text=text, updated_at=step.now
                              ).on_conflict(
                conflict_target=[WeeklyNote.week, WeeklyNote.scope],
                update={WeeklyNote.text: text, WeeklyNote.updated_at: step.now,
                        WeeklyNote.version: WeeklyNote.version + 1}).execute()
            step.capture.expect(WeeklyNote, WeeklyNote.id, [
                i for (i,) in WeeklyNote.select(WeeklyNote.id).where(key).tuples()])
            step.names({"notes"})

        return self.perform("weekly note", work, initiator)


__all__ = ["Base", "EditConflict", "Outcome", "Owner", "Region", "Restore", "Services",
           "Source", "StoreError", "Team", "bump"]
