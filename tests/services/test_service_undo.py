"""Every service's inverse restores the exact prior state, undoing the undo redoes exactly, and
each call (and each undo) publishes one change event."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

import pytest

from funnel_desktop.services import Outcome, Services
from funnel_desktop.store.models import Activity, Deal

Action = Callable[[], Outcome]


def create_deal(s: Services, w) -> Action:
    return lambda: s.create_deal(w.pipeline, w.stages[2], {
        "title": "Network upgrade", "amount": "8,000", "customer": w.customer,
        "owner": w.bob, "probability": 35, "expected_close": "2027-02-01"})


def update_deal(s: Services, w) -> Action:
    return lambda: s.update_deal(w.erp, {"amount": 1_750_000, "probability": 20,
                                         "expected_close": "2027-03-01", "owner": w.bob,
                                         "title": "ERP phase 2", "customer": None})


def delete_deals(s: Services, w) -> Action:
    return lambda: s.delete_deals([w.erp, w.lost_deal])


def move_deals(s: Services, w) -> Action:
    return lambda: s.move_deals([w.erp, w.servers], w.stages[4])


def close_won(s: Services, w) -> Action:
    return lambda: s.close_deals([w.erp, w.servers], True, w.won_reason, "signed")


def close_lost(s: Services, w) -> Action:
    return lambda: s.close_deals([w.servers], False, w.lost_reason)


def reopen_deal(s: Services, w) -> Action:
    return lambda: s.reopen_deal(w.lost_deal)


def log_activity_on_deal(s: Services, w) -> Action:
    return lambda: s.log_activity({"deal": w.servers, "kind": "meeting", "subject": "Demo"})


def log_activity_on_customer(s: Services, w) -> Action:
    return lambda: s.log_activity({"customer": w.customer, "kind": "email", "done_at": True})


def activity_done(s: Services, w) -> Action:
    aid = Activity.get(Activity.deal == w.erp).id
    return lambda: s.set_activity_done(aid)


def customer_activity_done(s: Services, w) -> Action:
    aid = s.log_activity({"customer": w.customer, "kind": "task",
                          "due_at": "2026-11-30"}).value
    return lambda: s.set_activity_done(aid)


def new_customer_with_contacts(s: Services, w) -> Action:
    return lambda: s.save_customer(None, {"name": "Harbor Logistics", "budget": "30万"}, [
        {"name": "Dr. Evans", "role": "technical"}, {"name": "Mr. Novak", "role": "buyer"}])


def edit_customer_and_contacts(s: Services, w) -> Action:
    return lambda: s.save_customer(w.customer, {"name": "Acme Group", "man_need": "no",
                                                "class_manual": "A"},
                                   [{"name": "Ms. Shah", "role": "coach"}])


def delete_customer(s: Services, w) -> Action:
    return lambda: s.delete_customer(w.customer)


def new_target(s: Services, w) -> Action:
    return lambda: s.set_target("business", date(2026, 12, 1), date(2026, 12, 31), "50万")


def replace_target(s: Services, w) -> Action:
    s.set_target("team", date(2026, 12, 1), date(2026, 12, 31), "400000")
    return lambda: s.set_target("team", date(2026, 12, 1), date(2026, 12, 31), "450000")


def new_weekly_note(s: Services, w) -> Action:
    return lambda: s.save_weekly_note("2026-W48", "all", "Call every open deal in Quote.")


def edit_weekly_note(s: Services, w) -> Action:
    s.save_weekly_note("2026-W48", "all", "first draft")
    return lambda: s.save_weekly_note("2026-W48", "all", "second draft")


CASES = [create_deal, update_deal, delete_deals, move_deals, close_won, close_lost,
         reopen_deal, log_activity_on_deal, log_activity_on_customer, activity_done,
         customer_activity_done, new_customer_with_contacts, edit_customer_and_contacts,
         delete_customer, new_target, replace_target, new_weekly_note, edit_weekly_note]


@pytest.mark.parametrize("case", CASES, ids=[c.__name__ for c in CASES])
def test_undo_restores_exactly_and_redo_redoes_exactly(case, svc: Services, world, clock,
                                                       dump, events):
    action = case(svc, world)
    clock.now += timedelta(hours=3)  # the action happens at a new moment
    before = dump()
    events.clear()
    out = action()
    after = dump()
    assert after != before
    assert events == [out.changes]  # one event per call
    assert out.inverse is not None

    clock.now += timedelta(hours=1)
    undone = svc.undo(out.inverse)
    assert dump() == before
    assert events[1:] == [undone.changes]
    assert undone.changes.kinds & out.changes.kinds or "all" in undone.changes.kinds

    clock.now += timedelta(hours=1)
    redone = svc.undo(undone.inverse)
    assert dump() == after
    svc.undo(redone.inverse)
    assert dump() == before
    assert len(events) == 4


def test_an_event_names_the_kinds_ids_and_initiator(svc: Services, world, events):
    who = object()
    out = svc.move_deals([world.servers], world.stages[2], initiator=who)
    assert events == [out.changes]
    c = out.changes
    assert c.kinds == {"deals"} and c.deal_ids == {world.servers} and c.initiator is who
    assert c.touches("deals") and not c.touches("customers")
    out = svc.save_customer(world.customer, {"phone": "123"}, initiator=who)
    assert out.changes.kinds == {"customers"}
    assert out.changes.customer_ids == {world.customer}
    assert out.changes.initiator is who
    undone = svc.undo(out.inverse, initiator=who)
    assert undone.changes.initiator is who and "customers" in undone.changes.kinds


def test_undo_of_a_customer_follow_up_names_it(svc: Services, world):
    out = svc.log_activity({"customer": world.customer, "kind": "call"})
    undone = svc.undo(out.inverse)
    assert "activities" in undone.changes.kinds
    assert undone.changes.customer_ids == {world.customer}


def test_undo_chain_in_reverse_order(svc: Services, world, dump, clock):
    """Several actions undone last-first put the database back to where it started."""
    start = dump()
    stack = []
    stack.append(svc.move_deals([world.servers], world.stages[1]).inverse)
    clock.now += timedelta(minutes=5)
    stack.append(svc.update_deal(world.servers, {"amount": "25,000"}).inverse)
    clock.now += timedelta(minutes=5)
    stack.append(svc.close_deals([world.servers], True, world.won_reason).inverse)
    clock.now += timedelta(minutes=5)
    stack.append(svc.delete_deals([world.servers]).inverse)
    assert Deal.get_or_none(Deal.id == world.servers) is None
    while stack:
        svc.undo(stack.pop())
    assert dump() == start


def test_deleting_a_customer_keeps_its_deals_follow_ups(services, clock):
    """The follow-ups logged on a customer's deal stay with the deal; undo relinks them."""
    from funnel_desktop.store.models import Activity, Stage

    services.seed_lists("en")
    pid = services.create_pipeline("b2b6", "en").value
    stage = Stage.select().where((Stage.pipeline == pid) & (Stage.kind == "open")).first()
    cid = services.save_customer(None, {"name": "Acme"}).value
    deal = services.create_deal(pid, stage.id, {"title": "ERP", "customer": cid}).value
    on_deal = services.log_activity({"deal": deal, "kind": "call", "subject": "Intro"}).value
    on_customer = services.log_activity({"customer": cid, "kind": "note"}).value
    out = services.delete_customer(cid)
    kept = Activity.get_by_id(on_deal)
    assert (kept.deal_id, kept.customer_id) == (deal, None)
    assert Activity.get_or_none(Activity.id == on_customer) is None
    services.undo(out.inverse)
    assert Activity.get_by_id(on_deal).customer_id == cid
    assert Activity.get_by_id(on_customer).customer_id == cid
