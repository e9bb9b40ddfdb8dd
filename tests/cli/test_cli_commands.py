"""The headless commands: demo, metrics, plan, check — and their exit codes on bad input."""

from __future__ import annotations

import itertools
import json
import math
import sqlite3
from datetime import date, datetime
from fractions import Fraction
from pathlib import Path

import pytest

from funnel_desktop.core.metrics import compute
from funnel_desktop.core.periods import make_period
from funnel_desktop.core.planning import DEFAULT_BANDS
from funnel_desktop.store.db import open_database
from funnel_desktop.store.models import ALL_MODELS, Deal, Stage
from funnel_desktop.store.queries import first_pipeline, load_funnel

TODAY = "2026-11-24"  # the demo's today (as in conftest.py)
T = date.fromisoformat(TODAY)
KEYS = {"pipeline", "period", "as_of", "stages", "open", "forecast", "win_rate",
        "lead_to_win", "conversion", "deal_size", "cycle_days", "time_in_stage",
        "velocity_per_day", "rules"}


# -- demo ---------------------------------------------------------------------------------

def test_demo_is_deterministic_with_a_seed(tmp_path: Path, run, metrics_json):
    a, b, c = (tmp_path / f"{n}.sqlite" for n in "abc")
    for path, seed in ((a, "7"), (b, "7"), (c, "8")):
        code, out, _ = run("demo", "--db", str(path), "--seed", seed, "--today", TODAY)
        assert code == 0 and "300 deals" in out
    ma, mb, mc = metrics_json(a), metrics_json(b), metrics_json(c)
    assert ma == mb
    assert ma != mc
    # the two files hold the same business, row for row, in every table
    dumps = []
    for path in (a, b):
        con = sqlite3.connect(path)
        dumps.append({m._meta.table_name: con.execute(
            f'SELECT * FROM "{m._meta.table_name}" ORDER BY id').fetchall() for m in ALL_MODELS})
        con.close()
    assert dumps[0] == dumps[1]
    assert len(dumps[0]["deal"]) == 300


def test_demo_shape(demo_file: Path):
    open_database(demo_file)
    stages = {s.id: s.kind for s in Stage.select()}
    kinds = [stages[d.stage_id] for d in Deal.select()]
    assert len(kinds) == 300
    assert kinds.count("won") > 30 and kinds.count("lost") > 30 and kinds.count("open") > 30
    closed = Deal.select().where(Deal.closed_at.is_null(False))
    assert all(d.close_reason_id is not None for d in closed)


def test_demo_needs_an_empty_database(demo_file: Path, run):
    code, _, err = run("demo", "--db", str(demo_file))
    assert code == 2 and "already holds a pipeline" in err


def test_demo_in_chinese(tmp_path: Path, run):
    code, _, _ = run("demo", "--db", str(tmp_path / "zh.sqlite"), "--lang", "zh", "--deals",
                     "20", "--today", TODAY)
    assert code == 0
    assert Stage.get(Stage.position == 0).name == "培育与识别"


# -- metrics ------------------------------------------------------------------------------

def test_metrics_json_has_every_number_and_equals_the_core(demo_file: Path, metrics_json):
    d = metrics_json(demo_file)
    assert set(d) >= KEYS
    assert (d["period"]["from"], d["period"]["to"], d["as_of"]) == ("2025-11-25", TODAY, TODAY)
    open_database(demo_file)
    data = load_funnel(first_pipeline().id)
    m = compute(data, make_period(None, None, today=T), T)

    def money(minor):
        return None if minor is None else round(minor / 100, 2)

    assert d["open"] == {"count": m.open_count, "amount": money(m.open_amount),
                         "weighted": money(m.weighted_total)}
    assert [(s["id"], s["count"], s["amount"], s["weighted"]) for s in d["stages"]] == [
        (t.stage_id, t.count, money(t.amount), money(t.weighted)) for t in m.stages]
    w = d["win_rate"]
    assert (w["won"], w["lost"], w["won_amount"]) == (m.won_count, m.lost_count,
                                                      money(m.won_amount))
    assert w["by_count"] == round(m.won_count / (m.won_count + m.lost_count), 4)
    assert d["lead_to_win"] == {"cohort": m.cohort_count, "won": m.cohort_won,
                                "rate": round(m.cohort_won / m.cohort_count, 4)}
    assert [r["reached"] for r in d["conversion"]["reached"]] == [
        m.conversion.reached[sid] for sid in m.conversion.chain]
    assert d["deal_size"] == {"mean": money(m.average_deal), "median": money(m.median_deal)}
    assert d["cycle_days"] == {"mean": round(m.cycle_mean, 2),
                               "median": round(m.cycle_median, 2)}
    assert d["velocity_per_day"] == money(m.velocity)
    assert d["forecast"]["overdue"]["count"] == m.forecast.overdue_count
    assert [x["month"] for x in d["forecast"]["months"]] == [x.month for x in m.forecast.months]


def test_metrics_json_agrees_with_plain_sql(demo_file: Path, metrics_json):
    """A few numbers counted straight from the file, without the program's code."""
    d = metrics_json(demo_file)
    con = sqlite3.connect(demo_file)
    q = lambda sql: con.execute(sql).fetchone()  # noqa: E731
    open_count, open_sum = q("SELECT COUNT(*), SUM(d.amount) FROM deal d JOIN stage s "
                             "ON s.id = d.stage_id WHERE s.kind = 'open'")
    won, won_sum = q("SELECT COUNT(*), SUM(d.amount) FROM deal d JOIN stage s ON "
                     "s.id = d.stage_id WHERE s.kind = 'won' AND d.closed_at >= '2025-11-25' "
                     "AND d.closed_at < '2026-11-25'")
    lost = q("SELECT COUNT(*) FROM deal d JOIN stage s ON s.id = d.stage_id WHERE "
             "s.kind = 'lost' AND d.closed_at >= '2025-11-25' AND d.closed_at < '2026-11-25'")[0]
    overdue = q("SELECT COUNT(*) FROM deal d JOIN stage s ON s.id = d.stage_id WHERE "
                f"s.kind = 'open' AND d.expected_close < '{TODAY}'")[0]
    con.close()
    assert (d["open"]["count"], d["open"]["amount"]) == (open_count, open_sum / 100)
    assert (d["win_rate"]["won"], d["win_rate"]["lost"]) == (won, lost)
    assert d["deal_size"]["mean"] == round(won_sum / won / 100, 2)
    assert d["forecast"]["overdue"]["count"] == overdue
    # the forecast never shows an open deal in a month before today's
    assert all(m["open_count"] == 0 for m in d["forecast"]["months"] if m["month"] < "2026-11")


def test_metrics_segment_and_period(demo_file: Path, metrics_json, run):
    whole = metrics_json(demo_file)
    east = metrics_json(demo_file, "--team", "East team")
    south = metrics_json(demo_file, "--team", "South team")
    assert east["open"]["count"] + south["open"]["count"] == whole["open"]["count"]
    assert east["win_rate"]["won"] + south["win_rate"]["won"] == whole["win_rate"]["won"]
    q3 = metrics_json(demo_file, "--from", "2026-07-01", "--to", "2026-09-30")
    assert q3["period"] == {"from": "2026-07-01", "to": "2026-09-30"}
    assert q3["win_rate"]["won"] < whole["win_rate"]["won"]
    code, out, _ = run("metrics", "--db", str(demo_file), "--today", TODAY)
    assert code == 0 and "Win rate:" in out
    assert "Stage conversion (deals that reached each stage):" in out


def test_metrics_as_of_a_past_date(demo_file: Path, metrics_json):
    past = metrics_json(demo_file, "--as-of", "2026-06-30")
    assert past["as_of"] == "2026-06-30" and past["period"]["to"] == "2026-06-30"
    open_database(demo_file)
    created_later = Deal.select().where(Deal.created_at > datetime(2026, 6, 30, 23, 59, 59))
    assert created_later.count() > 0
    assert sum(s["count"] for s in past["stages"]) == past["open"]["count"]


# -- plan ---------------------------------------------------------------------------------

def test_plan_with_bands_walks_up_the_funnel(demo_file: Path, run, metrics_json):
    code, out, err = run("plan", "--db", str(demo_file), "--today", TODAY, "--target",
                         "500000", "--bands", "--json")
    assert (code, err) == (0, "")
    plan = json.loads(out)
    assert plan["target"] == 500_000 and plan["complete"] is True
    # wins per band, by hand from the won deals of the last 12 months
    con = sqlite3.connect(demo_file)
    won = [a for (a,) in con.execute(
        "SELECT d.amount FROM deal d JOIN stage s ON s.id = d.stage_id WHERE s.kind = 'won' "
        "AND d.closed_at >= '2025-11-25' AND d.closed_at < '2026-11-25'")]
    con.close()
    total = sum(won)
    bounds = (*DEFAULT_BANDS, math.inf)
    expected = []
    for lo, hi in itertools.pairwise(bounds):
        n = sum(1 for a in won if lo <= a < hi)
        expected.append(math.ceil(Fraction(500_000 * 100 * n, total)))
    assert [b["needed"] for b in plan["bands"]] == expected
    assert plan["wins_needed"] == sum(expected)
    # up the funnel with the historical conversions: needed(k) = ceil(needed(k+1) ÷ conv)
    steps = metrics_json(demo_file)["conversion"]["steps"]
    following = plan["wins_needed"]
    for stage, step in zip(reversed(plan["stages"]), reversed(steps), strict=True):
        assert stage["stage"] == step["from"]
        needed = math.ceil(Fraction(following * step["reached_from"], step["reached_to"]))
        assert stage["needed"] == needed
        assert stage["shortfall"] == max(0, needed - stage["open_now"])
        following = needed


def test_plan_text_and_plain_average(demo_file: Path, run):
    code, out, _ = run("plan", "--db", str(demo_file), "--today", TODAY, "--target", "50万")
    assert code == 0 and "Target ¥500,000" in out and "Wins needed:" in out


# -- check --------------------------------------------------------------------------------

def test_check_reports_schema_5(demo_file: Path, run):
    code, out, err = run("check", "--db", str(demo_file))
    assert (code, err) == (0, "")
    assert "schema 5 (this version: 5)" in out and "integrity: ok" in out
    code, out, _ = run("check", "--db", str(demo_file), "--json")
    report = json.loads(out)
    assert code == 0
    assert (report["schema_version"], report["ok"], report["counts"]["deal"]) == (5, True, 300)


# -- errors -------------------------------------------------------------------------------

@pytest.mark.parametrize("argv", [
    ("metrics", "--from", "2026-13-01"),
    ("metrics", "--to", "yesterday"),
    ("metrics", "--today", "2026/02/30"),
    ("metrics", "--as-of", "someday"),
    ("plan", "--target", "500000", "--from", "2026-02-30"),
])
def test_a_bad_date_exits_2_with_a_message(demo_file: Path, run, argv):
    code, out, err = run(argv[0], "--db", str(demo_file), *argv[1:])
    assert code == 2 and out == ""
    assert err.startswith("funnel-desktop: ") and "is not a date" in err


@pytest.mark.parametrize(("argv", "words"), [
    (("plan", "--target", "abc"), "is not an amount"),
    (("plan", "--target", "0"), "must be a positive amount"),
    (("metrics", "--owner", "Nobody"), "no salesperson"),
    (("metrics", "--from", "2026-05-01", "--to", "2026-04-01"), "period is empty"),
    (("metrics", "--pipeline", "Nope"), "no pipeline"),
])
def test_other_bad_input_exits_2(demo_file: Path, run, argv, words):
    code, _, err = run(argv[0], "--db", str(demo_file), "--today", TODAY, *argv[1:])
    assert code == 2 and words in err


@pytest.mark.parametrize("command", ["metrics", "check", "plan"])
def test_a_missing_database_exits_3(tmp_path: Path, run, command):
    path = tmp_path / "missing.sqlite"
    extra = ("--target", "1") if command == "plan" else ()
    code, out, err = run(command, "--db", str(path), *extra)
    assert code == 3 and out == ""
    assert "does not exist" in err and str(path) in err
    assert not path.exists()


@pytest.mark.parametrize("command", ["metrics", "check", "demo"])
def test_a_corrupt_database_exits_3(tmp_path: Path, run, command):
    path = tmp_path / "broken.sqlite"
    path.write_bytes(b"definitely not a database " * 100)
    before = path.read_bytes()
    code, _, err = run(command, "--db", str(path))
    assert code == 3 and "damaged" in err
    assert path.read_bytes() == before


def test_a_newer_database_exits_3(demo_file: Path, run):
    con = sqlite3.connect(demo_file)
    con.execute("INSERT INTO schema_migration (name, applied) VALUES ('0003_x', '2027-01-01')")
    con.commit()
    con.close()
    code, _, err = run("check", "--db", str(demo_file))
    assert code == 3 and "newer version" in err


def test_the_same_demo_gives_the_same_numbers_on_any_database(any_db, demo_file: Path, run,
                                                              metrics_json):
    """SQLite file or PostgreSQL URL (when FUNNEL_TEST_DB_URL is set): same seed, same
    numbers."""
    location = any_db.reopen_with
    code, _, err = run("demo", "--db", location, "--seed", "1", "--today", TODAY)
    assert (code, err) == (0, "")
    assert metrics_json(location) == metrics_json(demo_file)
    code, out, _ = run("check", "--db", location)
    assert code == 0 and "schema 5" in out
