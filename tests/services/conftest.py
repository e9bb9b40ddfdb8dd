"""Fixtures for the service tests: services on SQLite (and PostgreSQL when configured), a small
business to act on, table dumps, the event log and injected database failures."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, timedelta

import peewee
import pytest

from funnel_desktop.services import Changes, Services
from funnel_desktop.store.db import OpenedDatabase
from funnel_desktop.store.models import ALL_MODELS, Owner, Reason, Stage

Dump = dict[str, list[tuple]]


def dump_tables() -> Dump:
    """Every row of every table, in id order: the exact state of the database."""
    return {m._meta.table_name: list(m.select().order_by(m.id).tuples()) for m in ALL_MODELS}


@pytest.fixture
def dump() -> Callable[[], Dump]:
    return dump_tables


@pytest.fixture
def svc(any_db: OpenedDatabase, clock) -> Services:
    """Services as user 'tester' with the settable clock, on SQLite and (if set) PostgreSQL."""
    return Services(user="tester", clock=clock)


@pytest.fixture
def events(svc: Services) -> list[Changes]:
    """Every change event the services publish from now on."""
    seen: list[Changes] = []
    svc.bus.subscribe(seen.append)
    return seen


@dataclass
class World:
    """A small business: the weekly-review pipeline, two owners, a customer with two contacts
    and three deals (one moved and edited with a follow-up, one with its own probability,
    one lost)."""

    pipeline: int
    stages: list[int]  # open stages in order
    won: int
    lost: int
    won_reason: int
    lost_reason: int
    alice: int
    bob: int
    customer: int
    erp: int  # stage 2 (came from 1), amount 10,000.00, edited, one follow-up
    servers: int  # stage 1, own probability 50 %
    lost_deal: int  # lost from stage 3


@pytest.fixture
def world(svc: Services, clock) -> World:
    svc.seed_lists("en")
    pid = svc.create_pipeline("weekly6", "en").value
    stages = list(Stage.select().where(Stage.pipeline == pid).order_by(Stage.position))
    open_ids = [s.id for s in stages if s.kind == "open"]
    won = next(s.id for s in stages if s.kind == "won")
    lost = next(s.id for s in stages if s.kind == "lost")
    alice = svc.ensure_named(Owner, "Alice")
    bob = svc.ensure_named(Owner, "Bob")
    cust = svc.save_customer(None, {"name": "Acme Ltd", "man_money": True}, [
        {"name": "Mr. Hall", "role": "decision_maker", "attitude": "supporter"},
        {"name": "Ms. Ito", "role": "buyer"}]).value
    erp = svc.create_deal(pid, open_ids[0], {"title": "ERP", "amount": 1_000_000,
                                             "customer": cust, "owner": alice,
                                             "expected_close": "2026-12-15"}).value
    servers = svc.create_deal(pid, open_ids[0], {"title": "Servers", "amount": "20,000",
                                                 "probability": 50, "customer": cust}).value
    gone = svc.create_deal(pid, open_ids[2], {"title": "Training", "amount": 300_000}).value
    clock.now += timedelta(days=1)
    svc.move_deals([erp], open_ids[1])
    svc.update_deal(erp, {"next_step": "Send the quote", "next_step_due": date(2026, 11, 10)})
    svc.log_activity({"deal": erp, "kind": "call", "subject": "First call"})
    lost_reason = Reason.get((Reason.kind == "lost") & (Reason.label == "No budget")).id
    won_reason = Reason.get((Reason.kind == "won") & (Reason.label == "Product fit")).id
    svc.close_deals([gone], False, lost_reason, "budget frozen")
    clock.now += timedelta(days=1)
    return World(pid, open_ids, won, lost, won_reason, lost_reason, alice, bob, cust, erp,
                 servers, gone)


@pytest.fixture
def fail_on(any_db: OpenedDatabase) -> Iterator[Callable[[str, str], None]]:
    """``fail_on("stage_history", "INSERT")`` makes the database itself refuse that write
    (a trigger), so a failure happens in the middle of a service's transaction."""
    db = any_db.db
    made: list[str] = []
    pg = isinstance(db, peewee.PostgresqlDatabase)
    if pg:
        db.execute_sql("CREATE OR REPLACE FUNCTION funnel_test_fail() RETURNS trigger AS $$ "
                       "BEGIN RAISE EXCEPTION 'injected failure'; END $$ LANGUAGE plpgsql")

    def make(table: str, op: str) -> None:
        name = f"funnel_test_fail_{table}_{op.lower()}"
        if pg:
            db.execute_sql(f'CREATE TRIGGER {name} BEFORE {op} ON "{table}" FOR EACH ROW '
                           "EXECUTE FUNCTION funnel_test_fail()")
        else:
            db.execute_sql(f'CREATE TRIGGER {name} BEFORE {op} ON "{table}" '
                           "BEGIN SELECT RAISE(ABORT, 'injected failure'); END")
        made.append(f'{name} ON "{table}"' if pg else name)

    yield make
    for trigger in made:
        db.execute_sql(f"DROP TRIGGER IF EXISTS {trigger}")

