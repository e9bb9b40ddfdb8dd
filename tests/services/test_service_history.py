"""Each service writes the right rows: stage history with entry and exit times, the change log
with old and new values, and the deal fields a move or close touches."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from funnel_desktop.services import Services
from funnel_desktop.store.models import (
    Activity,
    Contact,
    Customer,
    Deal,
    DealChange,
    StageHistory,
    Target,
    WeeklyNote,
)
from funnel_desktop.store.queries import stage_aggregates

NOV2, NOV3, NOV4 = (datetime(2026, 11, d, 9, 0) for d in (2, 3, 4))


def history(deal_id: int) -> list[tuple]:
    return list(StageHistory.select(StageHistory.stage, StageHistory.entered_at,
                                    StageHistory.left_at, StageHistory.by)
                .where(StageHistory.deal == deal_id).order_by(StageHistory.id).tuples())


def changes(deal_id: int) -> list[tuple]:
    return list(DealChange.select(DealChange.field, DealChange.old, DealChange.new,
                                  DealChange.at, DealChange.by)
                .where(DealChange.deal == deal_id).order_by(DealChange.id).tuples())


def test_the_world_is_what_the_fixture_says(world):
    s1, s2, s3 = world.stages[:3]
    assert history(world.erp) == [(s1, NOV2, NOV3, "tester"), (s2, NOV3, None, "tester")]
    assert history(world.lost_deal) == [(s3, NOV2, NOV3, "tester"),
                                        (world.lost, NOV3, None, "tester")]
    servers = Deal.get_by_id(world.servers)
    assert (servers.amount, servers.probability) == (2_000_000, 50)  # "20,000" → fen


def test_create_deal_enters_its_first_stage(svc: Services, world, clock):
    assert clock.now == NOV4
    did = svc.create_deal(world.pipeline, world.stages[1], {
        "title": "  Data platform ", "amount": "12,500.50", "expected_close": "2027/01/31",
        "owner": world.bob}).value
    d = Deal.get_by_id(did)
    assert (d.title, d.amount, d.expected_close, d.owner_id) == (
        "Data platform", 1_250_050, date(2027, 1, 31), world.bob)
    assert d.created_at == d.updated_at == d.stage_entered_at == NOV4
    assert d.probability is None and d.closed_at is None
    assert history(did) == [(world.stages[1], NOV4, None, "tester")]
    assert changes(did) == []


def test_update_deal_logs_old_and_new_of_the_logged_fields(svc: Services, world):
    before = changes(world.erp)
    svc.update_deal(world.erp, {
        "title": "ERP rollout",               # not a logged field
        "amount": "15,000",                   # 1,000,000 → 1,500,000 fen
        "probability": 70,                    # None → 70
        "expected_close": "2027-01-31",       # slipped
        "owner": world.bob,
        "next_step": "Visit the buyer",
        "next_step_due": date(2026, 11, 10),  # unchanged: no row
    })
    new = changes(world.erp)[len(before):]
    assert sorted(new) == sorted([
        ("amount", "1000000", "1500000", NOV4, "tester"),
        ("probability", None, "70", NOV4, "tester"),
        ("expected_close", "2026-12-15", "2027-01-31", NOV4, "tester"),
        ("owner", str(world.alice), str(world.bob), NOV4, "tester"),
        ("next_step", "Send the quote", "Visit the buyer", NOV4, "tester"),
    ])
    d = Deal.get_by_id(world.erp)
    assert (d.title, d.amount, d.probability, d.updated_at) == ("ERP rollout", 1_500_000, 70,
                                                               NOV4)
    # clearing the override is logged too, and an edit to the same value logs nothing
    svc.update_deal(world.erp, {"probability": "", "amount": 1_500_000})
    assert changes(world.erp)[-1] == ("probability", "70", None, NOV4, "tester")
    assert len(changes(world.erp)) == len(before) + 6


def test_moving_closes_the_old_stay_and_keeps_the_probability_override(svc: Services, world):
    s1, _, s3 = world.stages[:3]
    out = svc.move_deals([world.servers, world.erp], s3)
    assert out.value == 2
    assert set(out.changes.moves) == {(world.servers, s1, s3), (world.erp, world.stages[1], s3)}
    d = Deal.get_by_id(world.servers)
    assert (d.stage_id, d.probability, d.stage_entered_at) == (s3, 50, NOV4)
    assert history(world.servers) == [(s1, NOV2, NOV4, "tester"), (s3, NOV4, None, "tester")]
    # the board's totals use the override: 20,000 at 50 % plus ERP 10,000 at stage 3's 40 %
    count, amount, weighted_pct = stage_aggregates(world.pipeline)[s3]
    assert (count, amount, weighted_pct) == (2, 3_000_000, 2_000_000 * 50 + 1_000_000 * 40)


def test_a_deal_listed_twice_moves_and_closes_once(svc: Services, world):
    s2, s4 = world.stages[1], world.stages[3]
    out = svc.move_deals([world.erp, world.erp], s4)
    assert (out.value, out.changes.moves) == (1, ((world.erp, s2, s4),))
    assert [h[0] for h in history(world.erp)] == [world.stages[0], s2, s4]
    out = svc.close_deals([world.erp, world.erp], True, world.won_reason)
    assert out.value == 1
    assert history(world.erp)[-2:] == [(s4, NOV4, NOV4, "tester"),
                                       (world.won, NOV4, None, "tester")]


def test_moving_to_the_stage_it_is_in_changes_nothing(svc: Services, world, dump, events):
    before = dump()
    out = svc.move_deals([world.servers], world.stages[0])
    assert (out.value, out.inverse) == (0, None)
    assert dump() == before and events == []


def test_close_won_and_lost(svc: Services, world):
    svc.close_deals([world.erp], True, world.won_reason, " signed ")
    d = Deal.get_by_id(world.erp)
    assert (d.stage_id, d.closed_at, d.close_reason_id, d.close_note) == (
        world.won, NOV4, world.won_reason, "signed")
    assert history(world.erp)[-2:] == [(world.stages[1], NOV3, NOV4, "tester"),
                                       (world.won, NOV4, None, "tester")]
    svc.close_deals([world.servers], False, world.lost_reason)
    d = Deal.get_by_id(world.servers)
    assert (d.stage_id, d.closed_at, d.close_reason_id, d.probability) == (
        world.lost, NOV4, world.lost_reason, 50)
    assert history(world.servers)[-1] == (world.lost, NOV4, None, "tester")


def test_reopen_goes_back_to_the_furthest_open_stage_reached(svc: Services, world, clock):
    s1, s2, s3 = world.stages[:3]
    svc.move_deals([world.servers], s3)
    clock.now += timedelta(hours=1)
    svc.move_deals([world.servers], s2)  # moved back
    clock.now += timedelta(hours=1)
    svc.close_deals([world.servers], False, world.lost_reason, "no")
    clock.now += timedelta(hours=1)
    t = clock.now
    out = svc.reopen_deal(world.servers)
    d = Deal.get_by_id(world.servers)
    assert (d.stage_id, d.closed_at, d.close_reason_id, d.close_note) == (s3, None, None, "")
    assert d.probability == 50
    assert history(world.servers)[-2:] == [(world.lost, t - timedelta(hours=1), t, "tester"),
                                           (s3, t, None, "tester")]
    assert out.changes.moves == ((world.servers, world.lost, s3),)
    # into a chosen stage
    svc.close_deals([world.servers], True, world.won_reason)
    svc.reopen_deal(world.servers, s1)
    assert Deal.get_by_id(world.servers).stage_id == s1


def test_log_activity_and_mark_it_done(svc: Services, world, clock):
    aid = svc.log_activity({"deal": world.servers, "kind": "visit", "subject": "Site visit",
                            "due_at": "2026-11-20"}).value
    a = Activity.get_by_id(aid)
    assert (a.deal_id, a.customer_id, a.kind, a.subject) == (world.servers, world.customer,
                                                             "visit", "Site visit")
    assert (a.due_at, a.done_at, a.created_at) == (datetime(2026, 11, 20), None, NOV4)
    assert Deal.get_by_id(world.servers).last_activity_at == NOV4
    clock.now += timedelta(days=2)
    svc.set_activity_done(aid)
    assert Activity.get_by_id(aid).done_at == NOV4 + timedelta(days=2)
    svc.set_activity_done(aid, False)
    assert Activity.get_by_id(aid).done_at is None
    # a follow-up on the customer alone, done when logged
    cid_only = svc.log_activity({"customer": world.customer, "kind": "email",
                                 "done_at": True}).value
    a = Activity.get_by_id(cid_only)
    assert (a.deal_id, a.customer_id, a.done_at) == (None, world.customer, clock.now)


def test_save_customer_with_contacts(svc: Services, world):
    cid = svc.save_customer(None, {"name": "Beacon Foods", "budget": "50万",
                                   "man_money": "yes", "man_authority": "", "priority": "high"},
                            [{"name": "Ms. Park", "role": "technical",
                              "attitude": "opponent"}]).value
    c = Customer.get_by_id(cid)
    assert (c.name, c.budget, c.man_money, c.man_authority, c.priority) == (
        "Beacon Foods", 50_000_000, True, None, "high")
    assert [(p.name, p.role, p.attitude) for p in c.contacts] == [
        ("Ms. Park", "technical", "opponent")]
    # editing with contacts replaces the decision chain; without, leaves it alone
    svc.save_customer(cid, {"needs": "Cold chain"}, [
        {"name": "Mr. Reed", "role": "decision_maker"}, {"name": "Ms. Park", "role": "user"}])
    assert sorted((p.name, p.role, p.attitude) for p in Contact.select().where(
        Contact.customer == cid)) == [("Mr. Reed", "decision_maker", "neutral"),
                                      ("Ms. Park", "user", "neutral")]
    svc.save_customer(cid, {"notes": "call in Q1"})
    assert Contact.select().where(Contact.customer == cid).count() == 2
    assert Customer.get_by_id(cid).needs == "Cold chain"


def test_delete_customer_keeps_its_deals_without_a_customer(svc: Services, world):
    out = svc.delete_customer(world.customer)
    assert set(out.changes.deal_ids) == {world.erp, world.servers}
    assert Customer.select().count() == 0 and Contact.select().count() == 0
    assert [d.customer_id for d in Deal.select().where(
        Deal.id.in_([world.erp, world.servers]))] == [None, None]


def test_delete_deals_takes_their_history(svc: Services, world):
    svc.delete_deals([world.erp, world.lost_deal])
    assert [d.id for d in Deal.select()] == [world.servers]
    for model in (StageHistory, DealChange, Activity):
        assert model.select().where(model.deal.in_([world.erp, world.lost_deal])).count() == 0


def test_set_target_replaces_the_same_scope_and_period(svc: Services, world):
    nov = (date(2026, 11, 1), date(2026, 11, 30))
    first = svc.set_target("business", *nov, "100,000").value
    svc.set_target("owner", *nov, 30_000_00, owner_id=world.alice)
    second = svc.set_target("business", *nov, "120,000").value
    svc.set_target("business", "2026-12-01", "2026-12-31", "90000")
    rows = sorted(Target.select(Target.scope, Target.owner, Target.period_start,
                                Target.amount).tuples(), key=str)
    assert rows == sorted([("business", None, nov[0], 12_000_000),
                           ("owner", world.alice, nov[0], 3_000_000),
                           ("business", None, date(2026, 12, 1), 9_000_000)], key=str)
    assert first != second


def test_save_weekly_note_is_one_row_per_week_and_scope(svc: Services, world, clock):
    svc.save_weekly_note("2026-w47", "all", "Too few deals in Quote.")
    clock.now += timedelta(hours=2)
    svc.save_weekly_note("2026-W47", "all", "Too few deals in Quote. Call Acme.")
    svc.save_weekly_note("2026-W47", f"owner:{world.alice}", "Mine")
    assert sorted(WeeklyNote.select(WeeklyNote.week, WeeklyNote.scope, WeeklyNote.text,
                                    WeeklyNote.updated_at).tuples()) == [
        ("2026-W47", "all", "Too few deals in Quote. Call Acme.", NOV4 + timedelta(hours=2)),
        ("2026-W47", f"owner:{world.alice}", "Mine", NOV4 + timedelta(hours=2)),
    ]


def test_the_demo_ends_with_one_event_for_everything(any_db):
    from funnel_desktop.services.demo import generate

    s = Services(user="demo")
    seen = []
    s.bus.subscribe(seen.append)
    summary = generate(s, deals=40, seed=3, today=date(2026, 11, 24))
    assert summary.open + summary.won + summary.lost == 40
    assert [c.kinds for c in seen if "all" in c.kinds] == [{"all"}]
    assert seen[-1].kinds == {"all"}
