"""The weekly report read through its window (only the deals touched since the earliest
moment it looks at) equals the report over every deal, and its lists are cut by hand-checked
rules."""

from __future__ import annotations

import shutil
import subprocess
from dataclasses import replace
from datetime import date, datetime, timedelta

import pytest
from peewee import fn

from funnel_desktop.core.dates import parse_week
from funnel_desktop.core.health import HealthThresholds, diagnose
from funnel_desktop.core.history import as_of
from funnel_desktop.core.metrics import compute
from funnel_desktop.core.periods import health_period
from funnel_desktop.core.values import FunnelData
from funnel_desktop.core.weekly import week_as_of
from funnel_desktop.core.weekly_report import LIST_TOP, DealList, ReasonLine, window_start
from funnel_desktop.locale_format import Formatter
from funnel_desktop.report.scope import ReportScope
from funnel_desktop.report.weekly import report_for, write_weekly_pdf
from funnel_desktop.services import Services
from funnel_desktop.store.analytics_queries import activity_counts, decision_maker_customers
from funnel_desktop.store.models import Activity, Deal, Reason, Stage, Team
from funnel_desktop.store.queries import first_pipeline, load_changes, load_funnel
from funnel_desktop.store.weekly_report import gather
from tests.pdf_words import words

PRINTED = datetime(2026, 11, 24, 9)
# the demo's today is Tuesday 2026-11-24 (nothing happens after noon): its week, looked at
# that afternoon, and a week two months back, looked at as of its end
TODAY = date(2026, 11, 24)
NOW = datetime(2026, 11, 24, 15, 30)
WEEKS = ["2026-W48", "2026-W39"]


def _both(week: str, scope: ReportScope):
    pid = first_pipeline().id
    args = dict(week_label=week, printed=PRINTED, now=NOW, today=TODAY)
    return (gather(pid, parse_week(week), scope, **args),
            gather(pid, parse_week(week), scope, full=True, **args))


@pytest.mark.parametrize("week", WEEKS)
def test_the_window_changes_no_number_of_the_report(demo_any, week):
    windowed, full = _both(week, ReportScope())
    # every field: key figures of this and last week, funnel rows, forecast, targets,
    # findings, the lists (shown deals, full counts and sums), reasons, deal count
    assert windowed == full
    assert windowed.this.open_count > 0 and windowed.last.open_count > 0
    assert windowed.won.count + windowed.lost.count > 0 and windowed.findings
    # the window really leaves deals out: some were closed before it and never touched since
    pid = first_pipeline().id
    assert len(load_funnel(pid, since=window_start(parse_week(week))).deals) < 300


def test_the_window_of_a_team(demo_any):
    team = Team.select().first()
    windowed, full = _both("2026-W47", ReportScope("team", team.id, team.name))
    assert windowed == full and windowed.deal_count > 0


@pytest.mark.parametrize("week", ["2026-W48", "2026-W47", "2026-W39"])
def test_old_deals_reopened_or_edited_lately_are_in_the_window(demo_old_touched, week):
    """Deals closed long before the window, then reopened (and won again) or edited in the
    last weeks: the report of this week, last week and a week before it all is unchanged."""
    owner = Deal.get_by_id(demo_old_touched["reopened"]).owner
    windowed, full = _both(week, ReportScope())
    assert windowed == full
    assert _both(week, ReportScope("team", owner.team_id, "t"))[0] == \
        _both(week, ReportScope("team", owner.team_id, "t"))[1]
    if week == "2026-W48":  # won again on its Monday
        assert windowed.won.count == windowed.this.won_count
        assert demo_old_touched["won_again"] in {d.deal_id for d in windowed.won.lines} or \
            windowed.won.more > 0


def test_the_window_starts_at_the_earliest_period_looked_at():
    # 2026-W48 (Nov 23–29) as of its end: the 90-day health period (the funnel's conversion
    # cohort too) starts Sep 1, before the quarter (Oct 1) and last week (Nov 16)
    assert window_start(parse_week("2026-W48")) == datetime(2026, 9, 1)
    # …and as of Tuesday Nov 24, while it runs: Aug 27
    assert window_start(parse_week("2026-W48"), TODAY) == datetime(2026, 8, 27)
    # 2026-W40 (Sep 28 – Oct 4): the health period of Oct 4 starts Jul 7
    assert window_start(parse_week("2026-W40")) == datetime(2026, 7, 7)
    assert health_period(date(2026, 11, 29)).start == date(2026, 9, 1)


@pytest.mark.parametrize("week", WEEKS)
def test_findings_equal_diagnose_over_the_full_metrics(demo, week):
    """The report computes only the conversion the health rules read, and counts activities
    only when the "busy but thin" rule can fire: the findings are those of the full call on
    the pipeline as it stood when the week is looked at (a past week's idle deals by the
    activities logged up to its end)."""
    pid = first_pipeline().id
    period = parse_week(week)
    look = week_as_of(period, NOW, TODAY)
    assert look.running == (week == "2026-W48")
    report = report_for(week, ReportScope(), printed=PRINTED, now=NOW, today=TODAY)
    then = as_of(load_funnel(pid), load_changes(pid), look.moment)
    last = {}
    for d in then.deals:
        if d.last_activity is not None:
            continue  # up to the moment: kept; later ones are dropped by as_of
        row = (Activity.select(fn.MAX(Activity.created_at))
               .where((Activity.deal == d.id) & (Activity.created_at <= look.moment)).scalar())
        if row is not None:
            last[d.id] = row if isinstance(row, datetime) else datetime.fromisoformat(row)
    then = FunnelData(then.stages, [replace(d, last_activity=last.get(d.id))
                                    if d.id in last else d for d in then.deals], then.visits)
    hp = health_period(look.day)
    quarter = report.targets[1]
    expected = diagnose(then, compute(then, hp, look.day), look.day,
                        activity_counts=activity_counts(pid, hp),
                        decision_customers=decision_maker_customers(), target=quarter.target,
                        won_so_far=quarter.won, thresholds=HealthThresholds())
    assert report.findings == expected
    if week == "2026-W39":  # the past week's deals were idle by then's activities
        assert last


def test_a_busy_thin_pipeline_still_counts_its_activities(demo, services):
    """Thresholds under which the "busy but thin" rule fires: the activity counts are read."""
    services.set_setting("health_thresholds", {"thin_max_share": 1.0,
                                               "busy_min_activities": 1})
    report = report_for("2026-W48", ReportScope(), printed=PRINTED, now=NOW, today=TODAY)
    busy = [f for f in report.findings if f.kind == "busy_but_thin"]
    assert busy and busy[0].params["activities"] > 0


@pytest.fixture
def crowded_week(services, clock):
    """17 deals won in 2026-W47 (Nov 16–22) for 1,000 … 17,000 yuan, the 1,000 and 2,000 ones
    for a second reason; plus a second 17,000 deal, won later than the first."""
    services.seed_lists("en")
    pid = services.create_pipeline("b2b6", "en").value
    first = Stage.select().where((Stage.pipeline == pid) & (Stage.kind == "open")).first()
    reasons = list(Reason.select().where(Reason.kind == "won").order_by(Reason.id)[:2])
    clock.now = datetime(2026, 11, 16, 9)
    ids = []
    for k in range(1, 18):
        clock.now += timedelta(minutes=1)
        ids.append(services.create_deal(pid, first.id, {"title": f"Deal {k:02d}",
                                                        "amount": str(k * 1000)}).value)
    twin = services.create_deal(pid, first.id, {"title": "Deal 17 bis",
                                                 "amount": "17000"}).value
    clock.now = datetime(2026, 11, 18, 10)
    services.close_deals(ids[2:] + [twin], True, reasons[0].id)
    services.close_deals(ids[:2], True, reasons[1].id, note="small")
    return reasons


def test_a_list_shows_its_biggest_deals_and_counts_the_rest(qapp, crowded_week, tmp_path):
    report = report_for("2026-W47", ReportScope(), printed=PRINTED, now=NOW, today=TODAY)
    won = report.won
    assert isinstance(won, DealList) and LIST_TOP == 15
    # 18 deals: 17,000 twice (the older deal first), 16,000 … 4,000 shown; 3,000, 2,000 and
    # 1,000 are the rest
    assert [d.title for d in won.lines[:3]] == ["Deal 17", "Deal 17 bis", "Deal 16"]
    assert [d.amount for d in won.lines] == [1_700_000, 1_700_000] + [
        k * 100_000 for k in range(16, 3, -1)]
    assert (won.count, won.amount) == (18, 17_000_00 + sum(k * 1000_00 for k in range(1, 18)))
    assert (won.more, won.more_amount) == (3, 600_000)
    # the heading and the key figures count every deal
    assert (report.this.won_count, report.this.won_amount) == (won.count, won.amount)
    # why: every won deal of the week by reason, the biggest value first
    first, second = crowded_week
    assert report.won_reasons == [
        ReasonLine(first.label, first.category, 16, won.amount - 300_000),
        ReasonLine(second.label, second.category, 2, 300_000)]
    assert report.lost_reasons == [] and report.lost.count == 0

    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    for lang, more in (("en", "and 3 more · "), ("zh", "另有 3 笔 · ")):
        out = tmp_path / f"crowded-{lang}.pdf"
        write_weekly_pdf(report, out, lang)
        text = subprocess.run(["pdftotext", "-raw", str(out), "-"], capture_output=True,
                              text=True, check=True).stdout
        money = Formatter(lang).money
        assert more + money(600_000) in text
        assert "Deal 16" in text and "Deal 03" not in text and "Deal 01" not in text
        assert f"18 · {money(won.amount)}" in text
        # a cell may wrap (where depends on the installed fonts): read the words in order
        assert (f"{first.label} ({first.category}) 16 {money(won.amount - 300_000)}"
                in words(text))


def test_a_pipeline_without_deals_is_an_empty_report_either_way(any_db, clock):
    Services(user="t", clock=clock).create_pipeline("b2b6", "en")
    for week in ("2026-W48", "2026-W39"):
        windowed, full = _both(week, ReportScope())
        assert windowed == full and windowed.empty and windowed.deal_count == 0
        assert windowed.findings == [] and windowed.won == DealList([], 0, 0)
