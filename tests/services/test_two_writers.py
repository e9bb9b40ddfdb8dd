"""Two writers on one database — this test process (Alice) and another process (Bob), on the
same SQLite file and on PostgreSQL: nothing of the other's work is lost, undo takes back only
what it did, and a conflict is reported in words."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections import Counter
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest

from funnel_desktop.services import Base, EditConflict, Services, UndoConflict
from funnel_desktop.store import feed
from funnel_desktop.store.db import OpenedDatabase
from funnel_desktop.store.models import (
    Activity,
    Deal,
    DealChange,
    Reason,
    Stage,
    StageHistory,
)

WRITER = Path(__file__).with_name("writer.py")


def other_process(db: OpenedDatabase, user: str, ops: list[dict[str, Any]],
                  timeout: float = 120) -> list[dict[str, Any]]:
    """Run ``ops`` as ``user`` in a process of its own; one result per operation."""
    done = subprocess.run([sys.executable, str(WRITER), db.reopen_with, user, json.dumps(ops)],
                          capture_output=True, text=True, timeout=timeout, check=False)
    assert done.returncode == 0, done.stderr
    return [json.loads(line) for line in done.stdout.splitlines()]


def check_invariants() -> None:
    """Every deal has one open stay, in its stage, entered when the deal says; a deal is
    closed exactly when its stage is Won or Lost, and then has a reason."""
    kinds = dict(Stage.select(Stage.id, Stage.kind).tuples())
    open_stays: dict[int, list[tuple[int, Any]]] = {}
    for deal, stage, entered, left in StageHistory.select(
            StageHistory.deal, StageHistory.stage, StageHistory.entered_at,
            StageHistory.left_at).tuples():
        if left is None:
            open_stays.setdefault(deal, []).append((stage, entered))
        else:
            assert entered <= left
    for d in Deal.select():
        stays = open_stays.get(d.id, [])
        assert len(stays) == 1, (d.id, stays)
        assert stays[0] == (d.stage_id, d.stage_entered_at), (d.id, stays, d.stage_id)
        closing = kinds[d.stage_id] in ("won", "lost")
        assert (d.closed_at is not None) == closing, (d.id, d.closed_at, kinds[d.stage_id])
        assert (d.close_reason_id is not None) == closing, (d.id, d.close_reason_id)


@pytest.fixture
def alice(svc: Services) -> Services:
    svc.user = "alice"
    return svc


def test_undo_keeps_what_another_writer_did_since(any_db, alice: Services, world, clock):
    """Alice moves a deal; Bob logs a call on it and raises its amount; Alice undoes her
    move: the deal is back in its stage and Bob's call and amount are still there."""
    moved = alice.move_deals([world.erp], world.stages[3])
    results = other_process(any_db, "bob", [
        {"op": "log_activity", "args": [{"deal": world.erp, "kind": "call",
                                         "subject": "Bob's call"}]},
        {"op": "update_deal", "args": [world.erp, {"amount": 2_500_000}]}])
    assert all(r["ok"] for r in results), results
    call = results[0]["value"]
    clock.now += timedelta(minutes=5)
    undone = alice.undo(moved.inverse)
    deal = Deal.get_by_id(world.erp)
    assert deal.stage_id == world.stages[1]
    assert deal.amount == 2_500_000
    assert Activity.get_by_id(call).subject == "Bob's call"
    assert DealChange.select().where((DealChange.deal == world.erp)
                                     & (DealChange.by == "bob")).count() == 1
    check_invariants()
    # and redo puts Alice's move back on top of Bob's work
    alice.undo(undone.inverse)
    deal = Deal.get_by_id(world.erp)
    assert (deal.stage_id, deal.amount) == (world.stages[3], 2_500_000)
    assert Activity.get_by_id(call).subject == "Bob's call"
    check_invariants()


def test_undo_over_a_later_change_of_the_same_fields_changes_nothing(any_db, alice, world,
                                                                     dump):
    moved = alice.move_deals([world.erp], world.stages[3])
    (r,) = other_process(any_db, "bob", [{"op": "move_deals",
                                          "args": [[world.erp], world.stages[4]]}])
    assert r["ok"]
    before = dump()
    with pytest.raises(UndoConflict) as err:
        alice.undo(moved.inverse)
    assert dump() == before
    text = err.value.english()
    assert "bob" in text and "ERP" in text and "Nothing was undone" in text
    assert Deal.get_by_id(world.erp).stage_id == world.stages[4]


def test_undo_of_a_new_deal_keeps_a_follow_up_another_writer_logged(any_db, alice, world,
                                                                    dump):
    made = alice.create_deal(world.pipeline, world.stages[0], {"title": "Fleet", "amount": 10})
    (r,) = other_process(any_db, "bob", [{"op": "log_activity", "args": [
        {"deal": made.value, "kind": "visit", "subject": "on site"}]}])
    assert r["ok"]
    before = dump()
    with pytest.raises(UndoConflict) as err:
        alice.undo(made.inverse)
    assert dump() == before and "bob" in err.value.english()
    assert Activity.get_by_id(r["value"]).deal_id == made.value


def test_undo_of_a_delete_after_another_writer_deleted_the_customer_says_so(any_db, alice,
                                                                            world, dump):
    gone = alice.delete_deals([world.servers])
    (r,) = other_process(any_db, "bob", [{"op": "delete_customer", "args": [world.customer]}])
    assert r["ok"]
    before = dump()
    with pytest.raises(UndoConflict):
        alice.undo(gone.inverse)
    assert dump() == before


def test_two_editors_never_overwrite_each_other(any_db, alice: Services, world):
    """Alice's editor and Bob's were open on the same deal. Bob saves a new next step; Alice
    then saves a new amount: both are kept, and Alice is told hers was merged with Bob's.
    Alice saving the next step she saw (stale) is a conflict that names Bob."""
    deal = Deal.get_by_id(world.erp)
    shown = Base({"amount": deal.amount, "next_step": deal.next_step}, deal.version,
                 feed.last_seq())
    (r,) = other_process(any_db, "bob", [{"op": "update_deal", "args": [
        world.erp, {"next_step": "Bob's next step"}]}])
    assert r["ok"]
    out = alice.update_deal(world.erp, {"amount": 3_000_000}, base=Base(
        {"amount": shown.values["amount"]}, shown.version, shown.seq))
    assert [e.by for e in out.merged] == ["bob"]
    deal = Deal.get_by_id(world.erp)
    assert (deal.amount, deal.next_step) == (3_000_000, "Bob's next step")
    with pytest.raises(EditConflict) as err:
        alice.update_deal(world.erp, {"next_step": "Alice's"}, base=Base(
            {"next_step": shown.values["next_step"]}, shown.version, shown.seq))
    assert err.value.fields == ["next_step"]
    assert err.value.current == {"next_step": "Bob's next step"}
    assert "bob" in err.value.english()
    assert Deal.get_by_id(world.erp).next_step == "Bob's next step"


def test_the_same_change_by_both_is_no_conflict(any_db, alice: Services, world):
    deal = Deal.get_by_id(world.erp)
    (r,) = other_process(any_db, "bob", [{"op": "update_deal", "args": [
        world.erp, {"next_step": "Call Monday"}]}])
    assert r["ok"]
    alice.update_deal(world.erp, {"next_step": "Call Monday"},
                      base=Base({"next_step": deal.next_step}, deal.version, feed.last_seq()))
    assert Deal.get_by_id(world.erp).next_step == "Call Monday"


def test_a_customer_edit_over_a_newer_version_of_the_same_field_is_refused(any_db, alice,
                                                                           world):
    from funnel_desktop.store.models import Customer

    c = Customer.get_by_id(world.customer)
    (r,) = other_process(any_db, "bob", [{"op": "save_customer", "args": [
        world.customer, {"phone": "021-1234"}]}])
    assert r["ok"]
    with pytest.raises(EditConflict):
        alice.save_customer(world.customer, {"phone": "010-9999"},
                            base=Base({"phone": c.phone}, c.version, feed.last_seq()))
    out = alice.save_customer(world.customer, {"industry": "Logistics"},
                              base=Base({"industry": c.industry}, c.version, 0))
    c = Customer.get_by_id(world.customer)
    assert (c.phone, c.industry) == ("021-1234", "Logistics") and out.merged == ()


def test_each_committed_action_is_in_the_feed_once_in_commit_order(any_db, alice, world):
    start = feed.last_seq()
    alice.move_deals([world.servers], world.stages[2])
    results = other_process(any_db, "bob", [
        {"op": "move_deals", "args": [[world.servers], world.stages[3]]},
        {"op": "move_deals", "args": [[world.servers], world.stages[3]]}])  # nothing to do
    assert [r["ok"] for r in results] == [True, True]
    entries = feed.since(start)
    assert [(e.by, e.action, sorted(e.deal_ids or ())) for e in entries] == [
        ("alice", "move deals", [world.servers]), ("bob", "move deals", [world.servers])]
    assert [e.moves for e in entries] == [((world.servers, world.stages[0], world.stages[2]),),
                                          ((world.servers, world.stages[2], world.stages[3]),)]
    assert entries[0].seq < entries[1].seq


STRESS_SECONDS = float(os.environ.get("FUNNEL_STRESS_SECONDS", "20"))


def test_three_writers_racing_on_eight_deals_keep_every_invariant(any_db, svc: Services, world,
                                                                  clock):
    """Three processes move, close, reopen, edit, log and undo on the same eight deals at
    once; afterwards every invariant holds and everything reported committed is there."""
    deals = [svc.create_deal(world.pipeline, world.stages[i % 5],
                             {"title": f"Race {i}", "amount": 1000 * (i + 1)}).value
             for i in range(8)]
    won = Reason.get(Reason.kind == "won").id
    lost = Reason.get(Reason.kind == "lost").id
    start = feed.last_seq()
    spec = {"op": "stress", "seconds": STRESS_SECONDS, "deals": deals, "won": won,
            "lost": lost, "stages": world.stages}
    procs = [subprocess.Popen([sys.executable, str(WRITER), any_db.reopen_with, f"writer{i}",
                               json.dumps([{**spec, "seed": i}])],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
             for i in range(3)]
    finished = [p.communicate(timeout=STRESS_SECONDS + 120) for p in procs]
    reports = []
    for p, (out, err) in zip(procs, finished, strict=True):
        assert p.returncode == 0, err
        reports.append(json.loads(out.splitlines()[-1]))
    check_invariants()
    # every row since the start (``since`` reads 10,000 by default; a fast machine's three
    # writers commit more than that in 20 s)
    by = Counter(e.by for e in feed.since(start, limit=10_000_000))
    for i, rep in enumerate(reports):
        assert sum(rep["counts"].values()) > 10, rep  # they really raced
        assert by[f"writer{i}"] == rep["feed_rows"], (rep, by)
        standing = set(rep["activities"]) - set(rep["undone_activities"])
        found = {a for (a,) in Activity.select(Activity.id).where(
            Activity.id.in_(list(standing) or [0])).tuples()}
        assert found == standing
        assert not Activity.select().where(
            Activity.id.in_(rep["undone_activities"] or [0])).exists()
    print("\nstress", any_db.location.split("/")[-1], STRESS_SECONDS, "s:",
          [(r["counts"], r["failed"]) for r in reports])


def test_a_target_another_writer_set_meanwhile_is_not_overwritten(any_db, alice, world):
    from datetime import date

    (r,) = other_process(any_db, "bob", [{"op": "set_target", "args": [
        "business", "2027-01-01", "2027-01-31", "400000"]}])
    assert r["ok"]
    with pytest.raises(EditConflict) as err:
        alice.set_target("business", date(2027, 1, 1), date(2027, 1, 31), "500000",
                         expected=None)  # her form showed no target for January
    assert "bob" in err.value.english()
    out = alice.set_target("business", date(2027, 1, 1), date(2027, 1, 31), "500000",
                           expected=40_000_000)
    assert out.value


def test_a_pipeline_edited_meanwhile_by_another_writer_is_a_conflict(any_db, alice, world):
    from funnel_desktop.services.pipelines import StageSpec, save_pipeline
    from funnel_desktop.store.models import Pipeline

    shown = Pipeline.get_by_id(world.pipeline).version
    (r,) = other_process(any_db, "bob", [{"op": "seed_lists"}])  # unrelated: no conflict
    assert r["ok"]
    specs = [StageSpec(s.name, s.kind, s.probability, s.idle_days, s.colour, [],
                       s.ideal_conversion, s.id)
             for s in Stage.select().where(Stage.pipeline == world.pipeline)
             .order_by(Stage.position)]
    save_pipeline(alice, world.pipeline, "Renamed by Alice", specs, version=shown)
    shown = Pipeline.get_by_id(world.pipeline).version
    script = ("from funnel_desktop.services.pipelines import save_pipeline, StageSpec\n"
              "from funnel_desktop.store.models import Stage\n")
    done = subprocess.run([sys.executable, "-c", script + (
        "import sys\nfrom funnel_desktop.store.db import open_database\n"
        "from funnel_desktop.services import Services\n"
        f"open_database({any_db.reopen_with!r})\n"
        f"st = [StageSpec(s.name, s.kind, s.probability, s.idle_days, s.colour, [], "
        f"s.ideal_conversion, s.id) for s in Stage.select().where(Stage.pipeline == "
        f"{world.pipeline}).order_by(Stage.position)]\n"
        f"save_pipeline(Services(user='bob'), {world.pipeline}, 'Renamed by Bob', st)\n")],
        capture_output=True, text=True, timeout=60, check=False)
    assert done.returncode == 0, done.stderr
    with pytest.raises(EditConflict) as err:
        save_pipeline(alice, world.pipeline, "Alice again", specs, version=shown)
    assert "bob" in err.value.english()
    assert Pipeline.get_by_id(world.pipeline).name == "Renamed by Bob"


def test_two_editors_of_one_decision_chain_keep_each_other_s_changes(any_db, alice, world):
    from funnel_desktop.store.models import Contact

    shown = [{k: (v if v is not None else "") for k, v in r.items() if k in
              ("id", "name", "title", "phone", "email", "role", "attitude", "notes")}
             for r in Contact.select().where(Contact.customer == world.customer)
             .order_by(Contact.id).dicts()]
    hall, ito = shown
    (r,) = other_process(any_db, "bob", [{"op": "save_customer", "args": [
        world.customer, {}, [{**hall, "title": "CEO"}, ito]]}])
    assert r["ok"]
    # Alice changes Ms. Ito's phone in the list she had open: Bob's new title for Mr. Hall
    # stays, and Mr. Hall keeps his row (nothing deleted and re-inserted)
    alice.save_customer(world.customer, {}, [{**hall, "_base": hall},
                                             {**ito, "phone": "139", "_base": ito}])
    rows = {c.name: c for c in Contact.select().where(Contact.customer == world.customer)}
    assert (rows["Mr. Hall"].title, rows["Mr. Hall"].id) == ("CEO", hall["id"])
    assert rows["Ms. Ito"].phone == "139"
    # the same field changed by both is a conflict
    with pytest.raises(EditConflict):
        alice.save_customer(world.customer, {}, [{**hall, "title": "CFO", "_base": hall},
                                                 {**ito, "_base": ito}])
    assert Contact.get_by_id(hall["id"]).title == "CEO"
