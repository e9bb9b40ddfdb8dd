"""A service's write is whole or nothing: a failure in the middle leaves every table as it was
and publishes no event."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from funnel_desktop.core.errors import StoreError
from funnel_desktop.services import Services
from funnel_desktop.store.models import Activity, Contact, DealChange, StageHistory, Target


class Injected(RuntimeError):
    pass


def boom(*args, **kwargs):
    raise Injected("injected failure")


def break_(monkeypatch: pytest.MonkeyPatch, model: type, method: str) -> None:
    """Make ``model.method`` fail when the service reaches it (after earlier writes)."""
    monkeypatch.setattr(model, method, boom)


# (name, how to break it, the call) — the failure comes after at least one earlier write of
# the same call, or inside the database's own cascade.
def create_deal(s: Services, w, mp, fail_on):
    break_(mp, StageHistory, "create")  # the deal row is already inserted
    return lambda: s.create_deal(w.pipeline, w.stages[0], {"title": "X", "amount": 100})


def update_deal(s, w, mp, fail_on):
    break_(mp, DealChange, "insert_many")  # the deal row is already updated
    return lambda: s.update_deal(w.erp, {"amount": 5, "owner": w.bob, "title": "Y"})


def delete_deals(s, w, mp, fail_on):
    fail_on("activity", "DELETE")  # the cascade from the deal to its follow-ups fails
    return lambda: s.delete_deals([w.lost_deal, w.erp])


def move_deals(s, w, mp, fail_on):
    break_(mp, StageHistory, "insert_many")  # the old stays are already closed
    return lambda: s.move_deals([w.erp, w.servers], w.stages[3])


def close_won(s, w, mp, fail_on):
    fail_on("deal", "UPDATE")  # history is written; the deal row refuses
    return lambda: s.close_deals([w.erp], True, w.won_reason)


def close_lost(s, w, mp, fail_on):
    break_(mp, StageHistory, "insert_many")
    return lambda: s.close_deals([w.servers, w.erp], False, w.lost_reason)


def reopen_deal(s, w, mp, fail_on):
    fail_on("deal", "UPDATE")
    return lambda: s.reopen_deal(w.lost_deal)


def log_activity(s, w, mp, fail_on):
    fail_on("deal", "UPDATE")  # the follow-up is inserted; its deal's last activity fails
    return lambda: s.log_activity({"deal": w.servers, "kind": "call"})


def set_activity_done(s, w, mp, fail_on):
    aid = Activity.get(Activity.deal == w.erp).id
    fail_on("activity", "UPDATE")
    return lambda: s.set_activity_done(aid)


def new_customer(s, w, mp, fail_on):
    break_(mp, Contact, "insert_many")  # the customer row is inserted
    return lambda: s.save_customer(None, {"name": "New Co"}, [{"name": "Ann"}])


def edit_customer(s, w, mp, fail_on):
    break_(mp, Contact, "insert_many")  # updated and old contacts deleted already
    return lambda: s.save_customer(w.customer, {"name": "Renamed"}, [{"name": "Ann"}])


def delete_customer(s, w, mp, fail_on):
    fail_on("deal", "UPDATE")  # the cascade that unlinks its deals fails
    return lambda: s.delete_customer(w.customer)


def set_target(s, w, mp, fail_on):
    s.set_target("business", date(2026, 12, 1), date(2026, 12, 31), 100)
    break_(mp, Target, "create")  # the old target is already deleted
    return lambda: s.set_target("business", date(2026, 12, 1), date(2026, 12, 31), 200)


def save_weekly_note(s, w, mp, fail_on):
    s.save_weekly_note("2026-W48", "all", "old")
    fail_on("weekly_note", "UPDATE")
    return lambda: s.save_weekly_note("2026-W48", "all", "new")


def undo(s, w, mp, fail_on):
    inverse = s.move_deals([w.erp], w.stages[4]).inverse
    # undo takes back only what the move wrote: the deal row and the old stay are restored
    # already when the new stay is removed
    fail_on("stage_history", "DELETE")
    return lambda: s.undo(inverse)


CASES = [create_deal, update_deal, delete_deals, move_deals, close_won, close_lost,
         reopen_deal, log_activity, set_activity_done, new_customer, edit_customer,
         delete_customer, set_target, save_weekly_note, undo]


@pytest.mark.parametrize("case", CASES, ids=[c.__name__ for c in CASES])
def test_a_failure_mid_write_changes_nothing(case, svc: Services, world, clock, dump, events,
                                             monkeypatch, fail_on):
    call = case(svc, world, monkeypatch, fail_on)
    clock.now += timedelta(hours=1)
    before = dump()
    events.clear()
    with pytest.raises((Injected, StoreError)) as e:
        call()
    if isinstance(e.value, StoreError):  # the database refused: said in words
        assert e.value.code == "db_error"
        assert "injected failure" in e.value.english()
        assert "nothing was saved" in e.value.english()
    assert dump() == before
    assert events == []
