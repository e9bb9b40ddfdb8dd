"""The weekly report PDF: its figures equal the core's numbers, in both languages."""

from __future__ import annotations

import shutil
import subprocess
from datetime import datetime
from pathlib import Path

import pytest

from funnel_desktop.core.dates import parse_week
from funnel_desktop.core.history import as_of
from funnel_desktop.core.metrics import open_totals
from funnel_desktop.core.weekly import key_figures, previous_week, week_end_moment
from funnel_desktop.locale_format import Formatter
from funnel_desktop.report.scope import ReportScope, resolve_scope
from funnel_desktop.report.weekly import report_for, write_weekly_pdf
from funnel_desktop.store.models import Reason, Stage, Team
from funnel_desktop.store.queries import first_pipeline, load_changes, load_funnel
from tests.pdf_words import words

pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None,
                                reason="pdftotext (poppler-utils) is not installed")
WEEK = "2026-W47"


def pdf_text(path: Path, layout: bool = True) -> str:
    """The PDF's text; ``layout`` keeps table rows on one line (but may squeeze spaces in
    narrow cells, so literal strings are checked without it)."""
    args = ["pdftotext", "-layout" if layout else "-raw", str(path), "-"]
    out = subprocess.run(args, capture_output=True, text=True, check=True)
    return out.stdout


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_pdf_figures_equal_the_core_numbers(qapp, demo, tmp_path, lang):
    pid = first_pipeline().id
    data = load_funnel(pid)
    changes = load_changes(pid)
    week = parse_week(WEEK)
    this = key_figures(data, changes, week)
    last = key_figures(data, changes, previous_week(week))
    stages, _, open_amount, weighted = open_totals(as_of(data, changes, week_end_moment(week)))

    report = report_for(WEEK, ReportScope(), printed=datetime(2026, 11, 24, 9))
    out = tmp_path / f"week-{lang}.pdf"
    pages = write_weekly_pdf(report, out, lang)
    assert pages >= 2
    text = pdf_text(out)
    fmt = Formatter(lang)

    assert WEEK in text
    assert fmt.money(open_amount) in text
    assert fmt.money(weighted) in text
    assert fmt.money(last.open_amount) in text
    assert f"{fmt.number(this.won_count)} · {fmt.money(this.won_amount)}" in text
    assert f"{fmt.number(this.lost_count)} · {fmt.money(this.lost_amount)}" in text
    names = {s.id: s.name for s in Stage.select()}
    for t in stages:
        line = next(ln for ln in text.splitlines() if ln.strip().startswith(names[t.stage_id])
                    and fmt.money(t.amount) in ln)
        assert fmt.number(t.count) in line
        assert fmt.money(t.weighted) in line
    # the biggest won and lost deals of the week are listed by title (a narrow cell may wrap
    # a title, where depends on the installed fonts); the headings count all
    raw = pdf_text(out, layout=False)
    for d in report.won.lines + report.lost.lines:
        assert d.title in words(raw)
    assert report.won.count == this.won_count and report.lost.count == this.lost_count
    assert f"{fmt.number(report.won.count)} · {fmt.money(report.won.amount)}" in raw
    assert f"{fmt.number(report.lost.count)} · {fmt.money(report.lost.amount)}" in raw
    assert f"page 1 of {pages}" in text or f"第 1 页，共 {pages} 页" in text


def test_user_text_prints_as_typed_never_as_markup(qapp, services, clock, tmp_path):
    services.seed_lists("en")
    pid = services.create_pipeline("b2b6", "en").value
    first = Stage.select().where((Stage.pipeline == pid) & (Stage.kind == "open")).first()
    cid = services.save_customer(None, {"name": "<b>Acme & Co</b>"}).value
    clock.now = datetime(2026, 11, 17, 10)
    deal = services.create_deal(pid, first.id, {"title": 'Deal "quoted" <i>x</i>',
                                                "customer": cid, "amount": "12000"}).value
    won = Reason.select().where(Reason.kind == "won").first()
    clock.now = datetime(2026, 11, 18, 10)
    services.close_deals([deal], True, won.id, note="a < b & c > d")
    report = report_for(WEEK, ReportScope())
    out = tmp_path / "acme.pdf"
    write_weekly_pdf(report, out, "en")
    text = pdf_text(out, layout=False)
    assert "<b>Acme & Co</b>" in text
    assert 'Deal "quoted" <i>x</i>' in text
    assert "a < b & c > d" in text


def test_empty_database_gives_a_sensible_report(qapp, services, tmp_path):
    services.create_pipeline("b2b6", "zh")
    report = report_for(WEEK, ReportScope())
    assert report.empty
    out = tmp_path / "empty.pdf"
    assert write_weekly_pdf(report, out, "en") >= 1
    text = pdf_text(out)
    assert "There are no deals in this scope yet" in text
    assert "No deals won this week." in text


def test_a_quiet_week_and_a_team_scope(qapp, demo, tmp_path):
    team = Team.select().first()
    scope = resolve_scope(team=team.name)
    report = report_for("2020-W01", scope)
    assert (report.this.won_count, report.this.new_count, report.this.open_count) == (0, 0, 0)
    out = tmp_path / "quiet.pdf"
    write_weekly_pdf(report, out, "en", size="Letter")
    text = pdf_text(out)
    assert f"Team: {team.name}" in text
    assert "No deal changed stage this week." in text


def test_a_change_of_thousands_of_deals_is_grouped_like_the_counts():
    """The key figures' change column: "-2,823" beside 10,098 and 12,921 (it read "-2823" at
    100,000 deals, in both languages)."""
    for lang in ("en", "zh"):
        f = Formatter(lang)
        assert [f.signed(v) for v in (-2823, 12345, -5, 0, 1_000_000)] == [
            "-2,823", "+12,345", "-5", "±0", "+1,000,000"], lang
