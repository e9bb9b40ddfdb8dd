"""Team mode on the CI's PostgreSQL: each salesperson logs in as themselves, the database's
row-level security decides what they see — through the app and through raw SQL on their own
connection alike — and ``by`` is the login, whatever a client claims."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator
from datetime import date
from typing import Any
from urllib.parse import urlsplit, urlunsplit

import pytest

from funnel_desktop.core.errors import StoreError
from funnel_desktop.services import Services
from funnel_desktop.store.db import open_database
from funnel_desktop.store.models import Activity, Deal, Owner, database
from tests.team_support import PASSWORD, URL, drop_users, make_team, url_for

#: the logins are the cluster's, not a database's: one worker runs every team test
pytestmark = [pytest.mark.skipif(not URL, reason="needs FUNNEL_TEST_DB_URL (PostgreSQL)"),
              pytest.mark.xdist_group("team-logins")]


@pytest.fixture
def business(any_db) -> Iterator[dict[str, int]]:
    """The demo business on the server in team mode, with five logins; owner ids by login."""
    if any_db.is_sqlite:
        pytest.skip("team mode is PostgreSQL's")
    yield make_team(any_db.db, date(2026, 11, 24))
    database.initialize(any_db.db)
    drop_users(any_db.db)


def raw(login: str, sql: str, params: tuple = ()) -> list[tuple]:
    """``sql`` through the login's own connection (psycopg2, no app code)."""
    import psycopg2

    con = psycopg2.connect(url_for(login))
    try:
        with con.cursor() as cur:
            cur.execute(sql, params)
            rows = cur.fetchall() if cur.description else []
        con.commit()
        return rows
    finally:
        con.close()


def ids(rows: list[tuple]) -> set[int]:
    return {r[0] for r in rows}


def test_each_login_sees_only_its_deals_even_with_raw_sql(business):
    by_owner: dict[int | None, set[int]] = {}
    for did, oid in Deal.select(Deal.id, Deal.owner).tuples():
        by_owner.setdefault(oid, set()).add(did)
    east = {business["t_ann"], business["t_ben"], business["t_cat"]}
    assert ids(raw("t_ann", "SELECT id FROM deal")) == by_owner[business["t_ann"]]
    assert ids(raw("t_dan", "SELECT id FROM deal")) == by_owner[business["t_dan"]]
    assert ids(raw("t_cat", "SELECT id FROM deal")) == set().union(
        *(by_owner.get(o, set()) for o in east))
    assert ids(raw("t_ada", "SELECT id FROM deal")) == set().union(*by_owner.values())
    ben_deal = min(by_owner[business["t_ben"]])
    assert raw("t_ann", "SELECT id FROM deal WHERE id = %s", (ben_deal,)) == []
    # their history, change log and follow-ups go with the deals
    for table in ("stage_history", "deal_change", "activity"):
        seen = {r[0] for r in raw("t_ann", f"SELECT DISTINCT deal_id FROM {table} "
                                            "WHERE deal_id IS NOT NULL")}
        assert seen <= by_owner[business["t_ann"]], table
    assert raw("t_ann", "SELECT count(*) FROM activity WHERE deal_id = %s",
               (ben_deal,)) == [(0,)]


def test_customers_are_seen_through_deals_plus_the_unassigned_pool(business):
    from funnel_desktop.store.models import Customer

    ann = business["t_ann"]
    mine = {c for (c,) in Deal.select(Deal.customer).where(
        (Deal.owner == ann) & Deal.customer.is_null(False)).tuples()}
    owned = {c for (c,) in Deal.select(Deal.customer).where(
        Deal.owner.is_null(False) & Deal.customer.is_null(False)).tuples()}
    pool = {c.id for c in Customer.select()} - owned
    seen = ids(raw("t_ann", "SELECT id FROM customer"))
    assert seen == mine | pool
    only_bens = owned - mine
    assert only_bens and not (seen & only_bens)
    assert not raw("t_ann", "SELECT id FROM contact WHERE customer_id = ANY(%s)",
                   (list(only_bens),))


def test_a_deal_in_the_pool_is_seen_by_everyone_and_can_be_claimed(business):
    from funnel_desktop.store.models import Stage

    stage = Stage.select().where(Stage.kind == "open").order_by(Stage.position).first()
    pooled = Services(user="t").create_deal(stage.pipeline_id, stage.id,
                                            {"title": "Walk-in lead", "amount": 100}).value
    for login in ("t_ann", "t_ben", "t_dan"):
        assert (pooled,) in raw(login, "SELECT id FROM deal")
    raw("t_ann", "UPDATE deal SET owner_id = funnel_me() WHERE id = %s", (pooled,))
    assert Deal.get_by_id(pooled).owner_id == business["t_ann"]
    assert (pooled,) not in raw("t_ben", "SELECT id FROM deal")
    # and nobody hands a deal to someone else behind their back
    with pytest.raises(Exception, match="row-level security"):
        raw("t_ann", "UPDATE deal SET owner_id = %s WHERE id = %s",
            (business["t_ben"], pooled))


def test_team_read_lets_sales_read_their_team_but_not_change_it(business):
    Services(user="t").set_setting("team_read", True)
    ben_deal = Deal.select().where(Deal.owner == business["t_ben"]).first().id
    assert (ben_deal,) in raw("t_ann", "SELECT id FROM deal")
    raw("t_ann", "UPDATE deal SET title = 'mine now' WHERE id = %s", (ben_deal,))
    assert Deal.get_by_id(ben_deal).title != "mine now"  # the policy let nothing through
    opened = open_database(url_for("t_ann"))
    try:
        with pytest.raises(StoreError) as err:
            Services(user="t_ann").update_deal(ben_deal, {"title": "mine now"})
        assert err.value.code == "db_denied"
    finally:
        opened.db.close()


def as_login(login: str) -> Any:
    return open_database(url_for(login))


def test_sales_may_not_delete_import_or_change_settings_and_are_told_so(business, tmp_path):
    ann_deal = Deal.select().where(Deal.owner == business["t_ann"]).first().id
    opened = as_login("t_ann")
    try:
        s = Services(user="t_ann")
        assert s.role() == "sales"
        refusals = []
        for call in (lambda: s.delete_deals([ann_deal]),
                     lambda: s.set_setting("currency", "USD"),
                     lambda: s.create_pipeline("b2b6", "en"),
                     lambda: s.ensure_named(Owner, "Somebody New")):
            with pytest.raises(StoreError) as err:
                call()
            refusals.append(err.value.code)
        assert refusals == ["db_denied"] * 4
        assert "may not make this change" in err.value.english()
        csv = tmp_path / "a.csv"
        csv.write_text("Deal,Stage\nX,Lead\n", encoding="utf-8")
        from funnel_desktop.services.importing import import_table
        from funnel_desktop.store.importing import Mapping, read_table
        from funnel_desktop.store.queries import first_pipeline

        mapping = Mapping(columns={"Deal": "deal.title", "Stage": "deal.stage"})
        with pytest.raises(StoreError):
            import_table(s, read_table(csv), mapping, first_pipeline().id)
        # what she may do works
        out = s.update_deal(ann_deal, {"next_step": "Call back"})
        assert out.value == ann_deal
    finally:
        opened.db.close()
    database.initialize(open_database(URL).db)
    assert Deal.get_by_id(ann_deal).next_step == "Call back"


def test_by_is_the_login_whatever_the_client_claims(business):
    ann_deal = Deal.select().where(Deal.owner == business["t_ann"]).first()
    opened = as_login("t_ann")
    try:
        s = Services(user="mallory")  # a client that lies about who it is
        act = s.log_activity({"deal": ann_deal.id, "kind": "call", "subject": "hi"}).value
        s.update_deal(ann_deal.id, {"amount": ann_deal.amount + 100})
        raw("t_ann", "INSERT INTO deal_change (deal_id, field, old, new, at, by) VALUES "
                     "(%s, 'note', '', '', now(), 't_ben')", (ann_deal.id,))
    finally:
        opened.db.close()
    database.initialize(open_database(URL).db)
    assert Activity.get_by_id(act).by == "t_ann"
    from funnel_desktop.store import feed
    from funnel_desktop.store.models import DealChange

    assert {c.by for c in DealChange.select().where(DealChange.deal == ann_deal.id)
            .order_by(DealChange.id.desc()).limit(2)} == {"t_ann"}
    assert feed.since(0)[-1].by == "t_ann"


def run_cli(*argv: str, stdin: str = "") -> tuple[int, str, str]:
    done = subprocess.run([sys.executable, "-m", "funnel_desktop", *argv], input=stdin,
                          capture_output=True, text=True, timeout=120, check=False)
    return done.returncode, done.stdout, done.stderr


def test_metrics_and_export_as_sales_equal_the_admin_s_numbers_for_that_owner(business,
                                                                             tmp_path):
    code, mine, err = run_cli("metrics", "--db", url_for("t_ann"), "--json",
                              "--today", "2026-11-24")
    assert code == 0, err
    code, admin, err = run_cli("metrics", "--db", url_for("t_ada"), "--json", "--owner",
                               "Alice Chen", "--today", "2026-11-24")
    assert code == 0, err
    a, b = json.loads(mine), json.loads(admin)
    keys = ("stages", "open", "forecast", "win_rate", "lead_to_win", "conversion",
            "deal_size", "cycle_days", "time_in_stage", "velocity_per_day")
    assert a["open"]["count"] > 0
    assert {k: a[k] for k in keys} == {k: b[k] for k in keys}
    out_ann, out_ada = tmp_path / "ann.csv", tmp_path / "ada.csv"
    assert run_cli("export", "--db", url_for("t_ann"), "--what", "deals", "--format", "csv",
                   "--out", str(out_ann))[0] == 0
    assert run_cli("export", "--db", url_for("t_ada"), "--what", "deals", "--format", "csv",
                   "--out", str(out_ada))[0] == 0
    import csv

    with out_ann.open(encoding="utf-8-sig") as f:
        rows_ann = list(csv.DictReader(f))
    with out_ada.open(encoding="utf-8-sig") as f:
        rows_ada = list(csv.DictReader(f))
    owner_col = next(k for k in rows_ada[0] if k.lower() in ("owner", "负责人"))
    assert rows_ann == [r for r in rows_ada if r[owner_col] == "Alice Chen"]


def test_wrong_password_a_server_down_and_no_access_are_said_in_words_without_the_password(
        business):
    bad = url_for("t_ann", "wrong-Pass-123")
    with pytest.raises(StoreError) as err:
        open_database(bad)
    assert err.value.code == "db_login_failed"
    assert "wrong-Pass-123" not in err.value.english() and "***" in err.value.english()
    code, out, errtext = run_cli("metrics", "--db", bad)
    assert code == 3 and "wrong-Pass-123" not in out + errtext and "password" in errtext
    parts = urlsplit(url_for("t_ann"))
    down = urlunsplit((parts.scheme, f"t_ann:{PASSWORD}@127.0.0.1:1", parts.path, "", ""))
    with pytest.raises(StoreError) as err:
        open_database(down)
    assert err.value.code == "db_server_down" and PASSWORD not in err.value.english()
    db = database.obj
    if not db.execute_sql("SELECT 1 FROM pg_roles WHERE rolname = 't_nobody'").fetchone():
        db.execute_sql(f"CREATE ROLE t_nobody LOGIN PASSWORD '{PASSWORD}'")
    try:
        with pytest.raises(StoreError) as err:
            open_database(url_for("t_nobody"))
        assert err.value.code == "db_no_access"
    finally:
        database.initialize(db)
        db.execute_sql("DROP ROLE t_nobody")


def test_the_team_command_adds_lists_changes_and_disables_users(business):
    code, out, err = run_cli("team", "add-user", "t_eve", "--role", "sales", "--display",
                             "张伟", "--team", "East team", "--password-stdin", "--db", URL,
                             stdin=PASSWORD + "\n")
    try:
        assert code == 0, err
        assert PASSWORD not in out + err
        assert raw("t_eve", "SELECT funnel_role()") == [("sales",)]
        code, out, err = run_cli("team", "list", "--db", URL, "--json")
        people = {m["login"]: m for m in json.loads(out)}
        assert people["t_eve"]["display"] == "张伟" and people["t_eve"]["role"] == "sales"
        assert run_cli("team", "set-role", "t_eve", "--role", "manager", "--db", URL)[0] == 0
        assert raw("t_eve", "SELECT funnel_role()") == [("manager",)]
        assert run_cli("team", "disable", "t_eve", "--db", URL)[0] == 0
        with pytest.raises(Exception, match="not permitted to log in"):
            raw("t_eve", "SELECT 1")
        assert not Owner.get(Owner.login == "t_eve").active
        # init again upgrades in place and changes nothing of the data
        before = Deal.select().count()
        assert run_cli("team", "init", "--db", URL)[0] == 0
        assert Deal.select().count() == before
    finally:
        db = database.obj
        db.execute_sql('DROP ROLE IF EXISTS "t_eve"')


def test_a_file_database_has_no_team_mode(tmp_path):
    code, _out, err = run_cli("team", "init", "--db", str(tmp_path / "x.sqlite"))
    assert code == 2 and "PostgreSQL" in err
    assert not (tmp_path / "x.sqlite").exists()


def test_the_weekly_report_as_sales_equals_the_admin_s_report_of_that_owner(business):
    from datetime import datetime

    from funnel_desktop.report.scope import ReportScope
    from funnel_desktop.report.weekly import report_for

    printed = datetime(2026, 11, 25, 10)
    fields = ("this", "last", "funnel", "overall_conversion", "cohort_won", "cohort_size",
              "won", "lost", "new", "forward", "back", "slipped", "won_reasons",
              "lost_reasons", "overdue", "forecast", "deal_count")
    reports = {}
    for login, scope in (("t_ann", ReportScope()),
                         ("t_ada", ReportScope("owner", business["t_ann"], "Alice Chen"))):
        opened = open_database(url_for(login))
        try:
            data = report_for("2026-W48", scope, printed=printed)
            reports[login] = {f: getattr(data, f) for f in fields}
        finally:
            opened.db.close()
    database.initialize(open_database(URL).db)
    assert reports["t_ann"]["deal_count"] > 0
    assert reports["t_ann"] == reports["t_ada"]


def test_the_url_s_sslmode_is_honoured(business):
    parts = urlsplit(url_for("t_ann"))
    strict = urlunsplit((parts.scheme, parts.netloc, parts.path, "sslmode=require", ""))
    with pytest.raises(StoreError) as err:  # the CI's server speaks no SSL: refused
        open_database(strict)
    assert "SSL" in err.value.english() and PASSWORD not in err.value.english()
    relaxed = urlunsplit((parts.scheme, parts.netloc, parts.path, "sslmode=prefer", ""))
    open_database(relaxed).db.close()
    database.initialize(open_database(URL).db)


def test_undoing_a_deal_she_created_is_refused_in_words_not_silently_kept(business):
    """Only an admin deletes, and PostgreSQL's row-level security drops a refused DELETE's
    rows without an error: the undo said it worked and the deal stayed."""
    from funnel_desktop.store.models import Stage

    stage = Stage.select().where(Stage.kind == "open").order_by(Stage.position).first()
    opened = as_login("t_ann")
    try:
        s = Services(user="t_ann")
        made = s.create_deal(stage.pipeline_id, stage.id,
                             {"title": "Undo me", "amount": 100, "owner": business["t_ann"]})
        with pytest.raises(StoreError) as err:
            s.undo(made.inverse)
        assert err.value.code == "db_denied" and "may not make this change" in \
            err.value.english()
        assert Deal.select().where(Deal.id == made.value).exists()
        # what she may take back still goes back: her own follow-up
        logged = s.log_activity({"deal": made.value, "kind": "call", "subject": "hi"})
        s.undo(logged.inverse)
        assert not Activity.select().where(Activity.id == logged.value).exists()
    finally:
        opened.db.close()
    database.initialize(open_database(URL).db)
