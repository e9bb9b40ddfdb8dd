"""SQL aggregates for the analytics, and the snapshot rebuilt from the database agreeing with
the one kept up to date move by move."""

from __future__ import annotations

import random
from datetime import date, datetime, timedelta

from funnel_desktop.core.forecast_chart import TargetRow, monthly_targets
from funnel_desktop.core.metrics import forecast_by_month
from funnel_desktop.core.reasons_summary import ReasonRow
from funnel_desktop.core.snapshot import FunnelSnapshot
from funnel_desktop.core.values import Period, Segment
from funnel_desktop.store.analytics_queries import (
    OwnerRow,
    activity_counts,
    activity_counts_by_owner,
    closed_by_day,
    decision_maker_customers,
    load_snapshot,
    open_by_close_day,
    owners,
    reason_rows,
    target_rows,
    target_scope,
    teams,
)
from funnel_desktop.store.models import Owner, Pipeline, Reason, Stage, Team
from funnel_desktop.store.queries import load_funnel, stage_aggregates

NOV = Period(date(2026, 11, 1), date(2026, 11, 30))


def setup_business(services) -> dict:
    """A B2B pipeline, two owners in one team, three customers, four deals."""
    services.seed_lists("en")
    pid = services.create_pipeline("b2b6").value
    stages = [s.id for s in Stage.select().where(Stage.pipeline == pid).order_by(Stage.position)]
    team = services.ensure_named(Team, "East team")
    alice = services.ensure_named(Owner, "Alice", team=team)
    bob = services.ensure_named(Owner, "Bob")
    acme = services.save_customer(None, {"name": "Acme"}, [
        {"name": "Mr. Hall", "role": "decision_maker"}, {"name": "Ms. Ito", "role": "buyer"}]
    ).value
    globex = services.save_customer(None, {"name": "Globex"},
                                    [{"name": "Ms. Park", "role": "buyer"}]).value
    initech = services.save_customer(None, {"name": "Initech"}).value
    deals = [services.create_deal(pid, stages[0], {"title": f"Deal {i}", "amount": amount,
                                                   "owner": owner, "customer": cust}).value
             for i, (amount, owner, cust) in enumerate(((100_000, alice, acme),
                                                        (200_000, alice, globex),
                                                        (300_000, bob, initech),
                                                        (400_000, None, acme)))]
    return {"pid": pid, "stages": stages, "team": team, "alice": alice, "bob": bob,
            "acme": acme, "globex": globex, "initech": initech, "deals": deals}


def test_activity_counts_per_deal_and_owner(services):
    b = setup_business(services)
    d1, d2, d3, _ = b["deals"]
    for deal, when, owner in ((d1, datetime(2026, 11, 3), None),
                              (d1, datetime(2026, 11, 30, 23), None),
                              (d1, datetime(2026, 10, 31, 23), None),  # before the period
                              (d2, datetime(2026, 11, 10), b["bob"]),  # logged by Bob
                              (d3, datetime(2026, 11, 11), None)):
        services.log_activity({"deal": deal, "kind": "call", "created_at": when,
                               "owner": owner})
    services.log_activity({"customer": b["acme"], "kind": "note"})  # no deal: not counted
    assert activity_counts(b["pid"], NOV) == {d1: 2, d2: 1, d3: 1}
    assert activity_counts(b["pid"]) == {d1: 3, d2: 1, d3: 1}
    assert activity_counts(b["pid"], NOV, Segment(owner_ids=(b["alice"],))) == {d1: 2, d2: 1}
    # the activity's own owner first, else the deal's
    assert activity_counts_by_owner(b["pid"], NOV) == {b["alice"]: 2, b["bob"]: 2}
    assert activity_counts(b["pid"] + 1, NOV) == {}


def test_customers_with_a_decision_maker(services):
    b = setup_business(services)
    assert decision_maker_customers() == {b["acme"]}


def test_reason_rows_for_a_period_and_segment(services, clock):
    b = setup_business(services)
    d1, d2, d3, d4 = b["deals"]
    won = {r.label: r.id for r in Reason.select().where(Reason.kind == "won")}
    lost = {r.label: r.id for r in Reason.select().where(Reason.kind == "lost")}
    clock.now = datetime(2026, 11, 5, 10)
    services.close_deals([d1, d2], True, won["Product fit"])
    services.close_deals([d3], False, lost["Price too high"])
    clock.now = datetime(2026, 12, 1, 10)
    services.close_deals([d4], False, lost["No budget"])  # after November
    rows = sorted(reason_rows(b["pid"], NOV), key=lambda r: r.kind)
    assert rows == [
        ReasonRow("lost", lost["Price too high"], "Price too high", "Price", 1, 300_000),
        ReasonRow("won", won["Product fit"], "Product fit", "Product", 2, 300_000),
    ]
    assert reason_rows(b["pid"], NOV, Segment(owner_ids=(b["alice"],))) == [rows[1]]
    dec = Period(date(2026, 12, 1), date(2026, 12, 31))
    assert reason_rows(b["pid"], dec) == [
        ReasonRow("lost", lost["No budget"], "No budget", "Budget", 1, 400_000)]
    assert reason_rows(b["pid"], Period(date(2026, 1, 1), date(2026, 1, 31))) == []


def test_reason_rows_keep_deals_closed_without_a_reason(services, clock, db):
    b = setup_business(services)
    won = Reason.select().where(Reason.kind == "won").first()
    clock.now = datetime(2026, 11, 5, 10)
    services.close_deals([b["deals"][0]], True, won.id)
    Reason.delete().where(Reason.id == won.id).execute()  # the reason was removed later
    assert reason_rows(b["pid"], NOV) == [ReasonRow("won", None, "", "", 1, 100_000)]


def test_targets_and_their_scope(services):
    b = setup_business(services)
    services.set_target("business", date(2026, 10, 1), date(2026, 12, 31), 3_000_000)
    services.set_target("business", date(2026, 11, 1), date(2026, 11, 30), 1_500_000)
    services.set_target("business", date(2027, 1, 1), date(2027, 1, 31), 9)
    services.set_target("owner", date(2026, 11, 1), date(2026, 11, 30), 700_000,
                        owner_id=b["alice"])
    services.set_target("team", date(2026, 10, 1), date(2026, 12, 31), 2_000_000,
                        team_id=b["team"])
    rows = target_rows(date(2026, 11, 1), date(2026, 12, 31))
    assert rows == [TargetRow(date(2026, 10, 1), date(2026, 12, 31), 3_000_000),
                    TargetRow(date(2026, 11, 1), date(2026, 11, 30), 1_500_000)]
    assert monthly_targets(rows, ["2026-11", "2026-12"]) == {"2026-11": 1_500_000,
                                                            "2026-12": 1_000_000}
    assert target_rows(date(2026, 11, 1), date(2026, 11, 30), scope="owner",
                       owner_id=b["alice"]) == [
        TargetRow(date(2026, 11, 1), date(2026, 11, 30), 700_000)]
    assert target_rows(date(2026, 11, 1), date(2026, 11, 30), scope="owner",
                       owner_id=b["bob"]) == []
    assert target_rows(date(2026, 11, 1), date(2026, 11, 30), scope="team",
                       team_id=b["team"])[0].amount == 2_000_000
    assert target_scope(None) == ("business", None, None)
    assert target_scope(Segment(owner_ids=(b["alice"],))) == ("owner", None, b["alice"])
    assert target_scope(Segment(team_ids=(b["team"],))) == ("team", b["team"], None)
    assert target_scope(Segment(owner_ids=(1, 2))) == ("business", None, None)


def test_owners_and_teams(services):
    b = setup_business(services)
    assert owners() == [OwnerRow(b["alice"], "Alice", b["team"], "East team", None, True),
                        OwnerRow(b["bob"], "Bob", None, "", None, True)]
    assert teams() == {b["team"]: "East team"}


def test_snapshot_from_the_database_equals_the_plain_recompute(demo):
    pid = Pipeline.select().first().id
    data = load_funnel(pid)
    snap = load_snapshot(pid)
    assert snap == FunnelSnapshot.from_data(data)
    today = date(2026, 11, 24)
    period = Period(date(2025, 12, 1), today)
    assert snap.forecast(period, today) == forecast_by_month(data, period, today)
    seg = Segment(project_type="big")
    assert load_snapshot(pid, seg) == FunnelSnapshot.from_data(load_funnel(pid, seg))
    # the three aggregates cover every deal
    assert sum(n for n, _, _ in stage_aggregates(pid).values()) == len(data.deals)
    open_n = sum(r[1] for r in open_by_close_day(pid))
    closed_n = sum(r[2] for r in closed_by_day(pid))
    assert open_n + closed_n == len(data.deals)


def test_random_service_calls_keep_the_snapshot_in_step(demo):
    """Moves, closes, edits, reopens, creates and deletes through the services; the snapshot
    follows each one in O(1) from the deal's facts before and after, and equals the one
    rebuilt from the database."""
    from funnel_desktop.services import Services

    services = Services(user="tester")
    pid = Pipeline.select().first().id
    stages = list(Stage.select().where(Stage.pipeline == pid).order_by(Stage.position))
    open_ids = [s.id for s in stages if s.kind == "open"]
    won_reason = Reason.select().where(Reason.kind == "won").first().id
    lost_reason = Reason.select().where(Reason.kind == "lost").first().id
    rng = random.Random(3)
    snap = load_snapshot(pid)
    done: list[str] = []
    for step in range(60):
        before = {d.id: d for d in load_funnel(pid).deals}
        open_deals = [d for d in before.values() if d.stage_id in open_ids]
        closed = [d for d in before.values() if d.stage_id not in open_ids]
        op = rng.random()
        if op < 0.35:
            d = rng.choice(open_deals)
            target = rng.choice([s for s in open_ids if s != d.stage_id])
            out = services.move_deals([d.id], target)
            for deal_id, old, new in out.changes.moves:
                snap.apply_move(before[deal_id], old, new)
            done.append("move")
        elif op < 0.5:
            d = rng.choice(open_deals)
            won = rng.random() < 0.5
            services.close_deals([d.id], won, won_reason if won else lost_reason)
            after = {x.id: x for x in load_funnel(pid).deals}[d.id]
            snap.apply_close(before[d.id], after.stage_id, after.closed)
            done.append("close")
        elif op < 0.7:
            d = rng.choice(list(before.values()))
            services.update_deal(d.id, {
                "amount": rng.randint(1, 900) * 10_000,
                "probability": rng.choice((None, 5, 60)),
                "expected_close": date(2026, 11, 24) + timedelta(days=rng.randint(-40, 90))})
            snap.apply_edit(d, {x.id: x for x in load_funnel(pid).deals}[d.id])
            done.append("edit")
        elif op < 0.8:
            d = rng.choice(closed)
            services.reopen_deal(d.id)
            snap.apply_edit(d, {x.id: x for x in load_funnel(pid).deals}[d.id])
            done.append("reopen")
        elif op < 0.9:
            new_id = services.create_deal(pid, rng.choice(open_ids), {
                "title": f"New {step}", "amount": rng.randint(1, 90) * 100_000}).value
            snap.apply_create({x.id: x for x in load_funnel(pid).deals}[new_id])
            done.append("create")
        else:
            d = rng.choice(list(before.values()))
            services.delete_deals([d.id])
            snap.apply_delete(d)
            done.append("delete")
        if step % 5 == 4:
            assert snap == load_snapshot(pid), f"step {step}"
    assert set(done) == {"move", "close", "edit", "reopen", "create", "delete"}
    assert snap == load_snapshot(pid)
    assert snap == FunnelSnapshot.from_data(load_funnel(pid))
