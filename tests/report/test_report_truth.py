"""The weekly report tells the truth on the day it is printed: the current week as of now, every
list equal to its key figure, and the same findings and numbers as the Health panel, the
``health`` and the ``metrics`` commands at the same moment."""

from __future__ import annotations

import csv
import random
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from funnel_desktop.cli import build_parser
from funnel_desktop.cli import health as cli_health
from funnel_desktop.cli import metrics as cli_metrics
from funnel_desktop.core.analytics import Inputs, period_for, previous_for
from funnel_desktop.core.dates import iso_week, parse_week
from funnel_desktop.core.periods import health_period
from funnel_desktop.core.values import Segment
from funnel_desktop.core.weekly import week_containing
from funnel_desktop.locale_format import database_formatter
from funnel_desktop.report.scope import ReportScope
from funnel_desktop.report.weekly import report_for
from funnel_desktop.services import Services
from funnel_desktop.services.importing import import_table
from funnel_desktop.store.analytics_data import compute_all
from funnel_desktop.store.importing import Mapping, read_table
from funnel_desktop.store.models import Deal, Stage, StageHistory
from funnel_desktop.store.queries import first_pipeline
from funnel_desktop.store.weekly_report import gather
from funnel_desktop.texts.health import FindingWriter

#: Tuesday of the demo's last week (2026-W48, Nov 23–29); the demo's last event is before noon
TODAY = date(2026, 11, 24)
NOW = datetime(2026, 11, 24, 15, 30)


def weeks_of(first: date, last: date) -> list[date]:
    """A day of every week from ``first``'s to ``last``'s."""
    out, day = [], first
    while day <= last + timedelta(days=6):
        out.append(day)
        day += timedelta(days=7)
    return out


def assert_lists_equal_figures(pid: int, day: date) -> object:
    week = week_containing(day)
    r = gather(pid, week, ReportScope(), week_label=iso_week(week.start), now=NOW,
               today=TODAY, band=False)
    t = r.this
    assert (r.won.count, r.won.amount) == (t.won_count, t.won_amount), week
    assert (r.lost.count, r.lost.amount) == (t.lost_count, t.lost_amount), week
    assert (r.new.count, r.new.amount) == (t.new_count, t.new_amount), week
    assert sum(x.count for x in r.won_reasons) == t.won_count
    assert sum(x.amount for x in r.lost_reasons) == t.lost_amount
    shown = {d.deal_id for d in r.won.lines}
    assert len(shown) == len(r.won.lines)  # a deal is won once in a week
    return r


def test_every_week_of_the_demo_lists_what_its_figures_count(demo):
    pid = first_pipeline().id
    first = Deal.select().order_by(Deal.created_at).first().created_at.date()
    closed = 0
    for day in weeks_of(first, TODAY):
        r = assert_lists_equal_figures(pid, day)
        closed += r.won.count + r.lost.count
    assert closed == Deal.select().where(Deal.closed_at.is_null(False)).count()


@pytest.fixture
def imported(services: Services, tmp_path: Path, clock) -> int:
    """A pipeline imported from another CRM's export: 240 deals over 2026, two in three of
    them already won or lost when imported (their only stage stay is Won or Lost), some closed
    the week they were created."""
    services.seed_lists("en")
    pid = services.create_pipeline("b2b6", "en").value
    rng = random.Random(7)
    path = tmp_path / "export.csv"
    with open(path, "w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(["id", "deal", "customer", "stage", "amount", "created", "closed"])
        for n in range(240):
            created = date(2026, 1, 5) + timedelta(days=rng.randint(0, 310))
            stage = rng.choice(["new", "talking", "won", "won", "lost", "lost"])
            closed = "" if stage in ("new", "talking") else min(
                created + timedelta(days=rng.choice([0, 2, 5, 12, 40])),
                date(2026, 11, 19)).isoformat()
            w.writerow([f"X{n}", f"Deal {n}", f"Customer {n % 37}", stage,
                        rng.randint(5, 400) * 100, created.isoformat(), closed])
    mapping = Mapping(columns={"id": "deal.external_id", "deal": "deal.title",
                               "customer": "customer.name", "stage": "deal.stage",
                               "amount": "deal.amount", "created": "deal.created",
                               "closed": "deal.closed"},
                      stage_map={"new": "open:1", "talking": "open:2", "won": "won",
                                 "lost": "lost"})
    clock.now = datetime(2026, 11, 20, 9)
    import_table(services, read_table(path), mapping, pid)
    return pid


def test_every_week_of_an_import_lists_the_deals_closed_on_import(imported):
    closing = [s.id for s in Stage.select().where(Stage.kind.in_(("won", "lost")))]
    only_stay = [d for d in Deal.select().where(Deal.stage.in_(closing))
                 if StageHistory.select().where(StageHistory.deal == d.id).count() == 1]
    assert len(only_stay) > 100, "the import closes deals with a single Won / Lost stay"
    listed = 0
    for day in weeks_of(date(2026, 1, 5), TODAY):
        r = assert_lists_equal_figures(imported, day)
        listed += r.won.count + r.lost.count
    assert listed == Deal.select().where(Deal.stage.in_(closing)).count()


def _cli(command: str, *argv: str):
    return build_parser().parse_args([command, *argv])


def test_report_health_panel_and_commands_agree_mid_week(qtbot, demo):
    """Tuesday afternoon of 2026-W48: the report (as of now), the Analytics page's Health
    panel (whatever its period), ``health`` and ``metrics`` give the same numbers."""
    from funnel_desktop.ui.analytics.health_panel import HealthCard
    from funnel_desktop.ui.common.fmt import Formatter

    pid = first_pipeline().id
    report = report_for("2026-W48", ReportScope(), now=NOW, today=TODAY)
    assert report.as_of.running and report.as_of.day == TODAY
    assert report.findings and report.conversion_period == health_period(TODAY)
    kinds = {f.kind for f in report.findings}
    assert {"close_date_passed", "overdue_next_step", "idle_deals"} <= kinds

    # the Health panel, for every period the page can show
    for code in ("quarter", "month", "year", "last12"):
        p = period_for(code, TODAY)
        page = compute_all(Inputs(pid, Segment(), p, previous_for(code, p), TODAY),
                           band_runs=50)
        assert page.findings == report.findings, code
        assert page.health_period == report.conversion_period
    card = HealthCard(Formatter("en"), "en")
    qtbot.addWidget(card)
    card.show_findings(page.findings, page.data.deals, page.stage_names, page.owner_names,
                       page.thresholds, page.thresholds_error, page.health_period, TODAY)
    writer = FindingWriter(database_formatter("en"), report.stage_names)
    assert card.sentences == [writer(f) for f in report.findings]  # finding by finding
    # …and the target progress the page shows
    assert [(t.target, t.won) for t in page.progress] == [(t.target, t.won)
                                                          for t in report.targets]

    db = str(demo.location)
    health = cli_health.collect(_cli("health", "--db", db, "--today", TODAY.isoformat()))
    assert health["findings"] == report.findings
    assert health["period"] == report.conversion_period

    week = parse_week("2026-W48")
    m = cli_metrics.collect(_cli("metrics", "--db", db, "--today", TODAY.isoformat(),
                                 "--from", week.start.isoformat(), "--to",
                                 week.end.isoformat()))
    t = report.this
    assert (m["open"]["count"], round(m["open"]["amount"] * 100),
            round(m["open"]["weighted"] * 100)) == (t.open_count, t.open_amount, t.weighted)
    assert [(s["count"], round(s["amount"] * 100)) for s in m["stages"]] == [
        (f.count, f.amount) for f in report.funnel]
    assert (m["win_rate"]["won"], m["win_rate"]["lost"]) == (t.won_count, t.lost_count)
    overdue = m["forecast"]["overdue"]
    assert (round(overdue["amount"] * 100), round(overdue["weighted"] * 100)) == (
        report.overdue.open_amount, report.overdue.weighted)
    late = next(f for f in report.findings if f.kind == "close_date_passed")
    assert (late.params["count"], late.params["amount"]) == (overdue["count"],
                                                             report.overdue.open_amount)


def test_the_week_is_judged_on_today_not_on_its_sunday(demo):
    """The same week printed on its Tuesday and after its end: overdue, idle and close dates
    of the running week are counted as of Tuesday, never four days ahead."""
    running = report_for("2026-W48", ReportScope(), now=NOW, today=TODAY)
    after = report_for("2026-W48", ReportScope(), now=datetime(2026, 12, 2, 10, 42),
                       today=date(2026, 12, 2))
    assert not after.as_of.running and after.as_of.day == date(2026, 11, 29)

    def late(r, kind):
        return next(f.params for f in r.findings if f.kind == kind)

    # judged five days later (on Sunday), the same deals are later and more of them overdue
    for kind in ("close_date_passed", "overdue_next_step"):
        assert late(after, kind)["max_days"] == late(running, kind)["max_days"] + 5
        assert late(after, kind)["count"] >= late(running, kind)["count"]
    assert running.overdue.open_amount == late(running, "close_date_passed")["amount"]
    assert after.overdue.open_amount == late(after, "close_date_passed")["amount"]
