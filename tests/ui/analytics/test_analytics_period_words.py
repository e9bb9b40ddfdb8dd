"""The Analytics page says which period each number is over: the last 12 months as the report
and the command line read them, reverse planning's "learned from", the Health panel's 90 days
(whatever the page's period), and the funnel's lead-to-win named so that nobody takes it for
the win rate."""

from __future__ import annotations

from datetime import date
from fractions import Fraction
from typing import Any

from PySide6.QtWidgets import QApplication
from ui_support import wait_idle

from funnel_desktop.core.analytics import PlanInputs, make_plan
from funnel_desktop.core.planning import DEFAULT_BANDS
from funnel_desktop.core.values import FunnelData, StageInfo, StageKind
from funnel_desktop.ui.analytics.page import AnalyticsPage
from funnel_desktop.ui.analytics.periods import PeriodChooser
from funnel_desktop.ui.analytics.planning_panel import PlanningPanel
from funnel_desktop.ui.common.fmt import Formatter
from funnel_desktop.ui.main_window import MainWindow

WED = date(2026, 12, 2)
STAGES = [StageInfo(11, "Candidate list", StageKind.OPEN, 1, 25),
          StageInfo(12, "Shortlist", StageKind.OPEN, 2, 50),
          StageInfo(14, "Won", StageKind.WON, 3, 100)]


def test_the_last_12_months_on_2_december_say_they_include_december_2025(qtbot: Any) -> None:
    for lang, dates, before in (
            ("en", "Dec 3, 2025 – Dec 2, 2026", "Compared with Dec 3, 2024 – Dec 2, 2025"),
            ("zh", "2025年12月3日 – 2026年12月2日", "2024年12月3日 – 2025年12月2日")):
        chooser = PeriodChooser(Formatter(lang), lambda: WED)
        qtbot.addWidget(chooser)
        chooser.set_code("last12")
        assert chooser.label.text() == dates
        assert before in chooser.label.toolTip()

    panel = PlanningPanel(Formatter("en"), lambda: WED)
    qtbot.addWidget(panel)
    panel.data = FunnelData(STAGES, [])
    panel.history.setCurrentIndex(panel.history.findData("12"))
    inputs = PlanInputs([1_000_000] * 4, [11, 12], [Fraction(1, 2), Fraction(1, 2)],
                        {11: 3, 12: 1})
    panel.show_plan(make_plan(inputs, 4_000_000, DEFAULT_BANDS), STAGES, inputs)
    assert "Learned from Dec 3, 2025 – Dec 2, 2026" in panel.footnote.text()
    panel.history.setCurrentIndex(panel.history.findData("6"))
    panel.show_plan(make_plan(inputs, 4_000_000, DEFAULT_BANDS), STAGES, inputs)
    assert "Learned from Jun 3 – Dec 2, 2026" in panel.footnote.text()


def _shown(w: MainWindow, qtbot: Any) -> AnalyticsPage:
    w.show_page("analytics")
    QApplication.processEvents()
    page = w.analytics()
    assert wait_idle(page) and page.result is not None
    return page


def test_the_funnel_names_its_lead_to_win_and_health_says_its_days(window: MainWindow,
                                                                  qtbot: Any) -> None:
    page = _shown(window, qtbot)
    chart = page.result.funnel
    summary = page.funnel.summary.text()
    assert summary.startswith("Lead-to-win of the period's new deals: ")
    assert "Overall" not in summary
    assert f"({chart.stages[-1].reached} of {chart.stages[0].reached} won so far)" in summary
    assert "not the win rate" in page.funnel.footnote.text()

    # the Health panel judges the last 90 days up to today, whatever the page's period
    note = page.health.footnote.text()
    assert note.startswith("As of 2026-11-24: ")
    assert "Aug 27 – Nov 24, 2026 (the last 90 days, whatever the page's period)" in note
    findings = page.result.findings
    refreshes = page.full_refreshes
    page.period.set_code("month")
    qtbot.waitUntil(lambda: page.full_refreshes > refreshes and wait_idle(page), timeout=8000)
    assert page.result.inputs.period.start == date(2026, 11, 1)
    assert page.result.findings == findings
    assert "Aug 27 – Nov 24, 2026" in page.health.footnote.text()
