"""The Analytics panels one by one: reverse planning (the DOMAIN example, errors at the field),
targets (saved, undone, shown as progress), health findings (sentences, the deals behind them,
opening a deal, thresholds from settings), and the right-click menu (PNG, SVG, copy the
table)."""

from __future__ import annotations

from datetime import date
from fractions import Fraction
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QContextMenuEvent, QGuiApplication, QImage
from PySide6.QtWidgets import QApplication
from ui_support import TODAY, analytics_settle, analytics_shown

from funnel_desktop.core.analytics import PlanInputs, make_plan
from funnel_desktop.core.planning import DEFAULT_BANDS
from funnel_desktop.core.values import StageInfo, StageKind
from funnel_desktop.store.models import Target
from funnel_desktop.texts.health import FindingWriter
from funnel_desktop.ui.analytics import charts
from funnel_desktop.ui.analytics.health_panel import MAX_LISTED, sentence_formatter
from funnel_desktop.ui.analytics.planning_panel import PlanningPanel
from funnel_desktop.ui.analytics.targets_panel import TargetsDialog
from funnel_desktop.ui.common.fmt import Formatter
from funnel_desktop.ui.deals.deal_editor import DealEditor
from funnel_desktop.ui.main_window import MainWindow


# -- reverse planning ----------------------------------------------------------------------------
def test_planning_panel_shows_the_domain_example(qtbot: Any) -> None:
    panel = PlanningPanel(Formatter("en"), lambda: TODAY)
    qtbot.addWidget(panel)
    stages = [StageInfo(11, "Candidate list", StageKind.OPEN, 1, 25),
              StageInfo(12, "Shortlist", StageKind.OPEN, 2, 50),
              StageInfo(13, "Nearly certain", StageKind.OPEN, 3, 75),
              StageInfo(14, "Won", StageKind.WON, 4, 100)]
    won = [800_000] * 28 + [2_000_000] * 7 + [4_000_000] * 2 + [5_600_000]
    inputs = PlanInputs(won, [11, 12, 13], [Fraction(1, 4), Fraction(1, 2), Fraction(3, 4)],
                        {11: 300, 12: 40, 13: 60})
    panel.show_plan(make_plan(inputs, 50_000_000, DEFAULT_BANDS), stages)
    assert panel.headline.text() == "To reach ¥500,000: 38 wins (average won deal ¥13,158)."
    bands = panel.band_table
    assert [bands.item(r, 3).text() for r in range(bands.rowCount())] == ["28", "7", "2", "1"]
    assert [bands.item(r, 0).text() for r in range(bands.rowCount())] == [
        "< ¥10,000", "¥10,000–¥30,000", "¥30,000–¥50,000", "≥ ¥50,000"]
    assert panel.stage_rows() == [["Candidate list", "25.0%", "408", "300", "108"],
                                  ["Shortlist", "50.0%", "102", "40", "62"],
                                  ["Nearly certain", "75.0%", "51", "60", "0"]]
    # the little chart draws the same numbers
    assert [float(v) for v in panel.needed_bars.opts["width"]] == [408.0, 102.0, 51.0]
    assert [float(v) for v in panel.short_bars.opts["width"]] == [108.0, 62.0, 0.0]
    assert panel.table()[1:] == [["Candidate list", "25.0%", "408", "300", "108"],
                                 ["Shortlist", "50.0%", "102", "40", "62"],
                                 ["Nearly certain", "75.0%", "51", "60", "0"]]


def test_planning_on_the_demo_and_errors_at_the_field(window: MainWindow) -> None:
    page = analytics_shown(window)
    panel = page.planning
    # the quarter's target is planned for at once
    assert panel.plan is not None and panel.plan.target == next(
        p.target for p in page.result.progress if p.kind == "quarter")
    panel.target.setText("50万")
    plan = panel.run()
    assert plan is not None and plan.target == 50_000_000
    assert plan.wins_needed == sum(b.needed for b in plan.bands)
    assert len(panel.stage_rows()) == 4
    assert panel.target_error.text() == ""
    for text, message in (
            ("", "Enter a revenue target, e.g. 500,000 or 50万."),
            ("abc", "“abc” is not an amount. Write it like 12,500.00."),
            ("0", "The target must be a positive amount, not “0.0”."),
            ("-3", "The amount cannot be negative: -3.")):
        panel.target.setText(text)
        assert panel.run() is None
        assert panel.target_error.text() == message, text
        assert panel.target.property("invalid") is True
    assert panel.plan is plan  # the last good plan stays on screen
    panel.target.setText("500000")
    panel.use_bands.setChecked(False)
    panel.conversions.setCurrentIndex(panel.conversions.findData("history"))
    simple = panel.run()
    assert simple is not None and simple.bands == [] and panel.target.property("invalid") is False


# -- targets ------------------------------------------------------------------------------------
def test_targets_dialog_saves_and_the_progress_bar_shows_it(window: MainWindow, answers: Any,
                                                            qtbot: Any) -> None:
    page = analytics_shown(window)
    before = page.result.progress[0]
    window.analytics_menu.actions()[0].trigger()  # Analytics ▸ Targets…
    dialogs = [d for kind, d in answers.asked if kind == "dialog"
               and isinstance(d, TargetsDialog)]
    assert len(dialogs) == 1
    dlg = dialogs[0]
    assert dlg.chosen_scope() == ("business", None, None)
    assert dlg.period.currentText() == "Nov 2026"
    assert dlg.amount.text() == window.ctx.fmt.amount_input(before.target)  # the stored one
    refreshes = page.full_refreshes
    dlg.amount.setText("150万")
    target_id = dlg.save()
    assert target_id is not None
    row = Target.get_by_id(target_id)
    assert (row.scope, row.period_start, row.period_end, row.amount) == (
        "business", date(2026, 11, 1), date(2026, 11, 30), 150_000_000)
    assert dlg.status.text() == "Saved: ¥1,500,000 for Nov 2026."
    analytics_settle(page, qtbot, refreshes)
    month = page.result.progress[0]
    assert month.target == 150_000_000
    caption, bar, text = page.targets.rows["month"]
    assert caption.text() == "Nov 2026 target · whole business"
    assert bar.value() == round(month.won / 150_000_000 * 1000)
    assert text.text() == f"{window.ctx.fmt.percent(month.won / 150_000_000)} · " \
                          f"{window.ctx.fmt.money(month.won)} of ¥1,500,000"
    assert page.forecast.chart.months[1].target == 150_000_000  # Oct, Nov, …
    # and on the board's strip, at once
    tile = window.target_tile
    assert tile is not None and tile.parent() is window.board_page.strip
    assert (tile.target, tile.won) == (150_000_000, month.won)
    assert tile.value.text() == window.ctx.fmt.percent(month.won / 150_000_000)
    assert tile.note.text() == f"{window.ctx.fmt.money(month.won)} of ¥1,500,000"
    # undo puts the old target back
    refreshes = page.full_refreshes
    window.undo_action.trigger()
    analytics_settle(page, qtbot, refreshes)
    assert page.result.progress[0].target == before.target


def test_targets_dialog_errors_and_scopes(window: MainWindow) -> None:
    from funnel_desktop.store.models import Owner

    dlg = TargetsDialog(window.ctx)
    dlg.amount.setText("")
    assert dlg.save() is None and dlg.amount_error.text().startswith("Enter the target")
    dlg.amount.setText("lots")
    assert dlg.save() is None
    assert dlg.amount_error.text() == "“lots” is not an amount. Write it like 12,500.00."
    dlg.scope.setCurrentIndex(dlg.scope.findData("owner"))
    owner = Owner.get_by_id(dlg.who.currentData())
    dlg.kind.setCurrentIndex(dlg.kind.findData("quarter"))
    assert dlg.period.currentText() == "2026 Q4"
    dlg.amount.setText("90000")
    tid = dlg.save()
    row = Target.get_by_id(tid)
    assert (row.scope, row.owner_id, row.period_start, row.period_end, row.amount) == (
        "owner", owner.id, date(2026, 10, 1), date(2026, 12, 31), 9_000_000)
    assert dlg.existing.rowCount() >= 1
    assert "2026 Q4" in [dlg.existing.item(r, 0).text() for r in range(dlg.existing.rowCount())]
    dlg.deleteLater()


# -- health -------------------------------------------------------------------------------------
def test_health_lists_findings_and_opens_their_deals(window: MainWindow, answers: Any,
                                                     qtbot: Any) -> None:
    page = analytics_shown(window)
    health = page.health
    page.show_tab(health)
    QApplication.processEvents()
    r = page.result
    writer = FindingWriter(window.ctx.fmt, r.stage_names)
    assert health.list.rowCount() == len(r.findings)
    for row, f in enumerate(r.findings):
        severity, sentence = writer(f)
        assert health.list.item(row, 1).text().startswith(sentence)
        assert health.list.item(row, 0).text() == severity.capitalize()
    row = health.select_finding("close_date_passed")
    assert row >= 0
    finding = r.findings[row]
    listed = [int(health.deals.item(i, 0).data(Qt.ItemDataRole.UserRole + 1))
              for i in range(health.deals.rowCount())]
    assert sorted(listed) == sorted(finding.deal_ids)[:MAX_LISTED]
    # clicking a finding in the list shows its deals
    other = next(i for i, f in enumerate(r.findings)  # another finding, of several deals
                 if f.kind != "close_date_passed" and len(f.deal_ids) >= 2)
    rect = health.list.visualItemRect(health.list.item(other, 1))
    qtbot.mouseClick(health.list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert health.shown_ids and set(health.shown_ids) == set(r.findings[other].deal_ids)
    # double-clicking a deal (or Enter on it) opens the deal editor on it
    health.deals.cellDoubleClicked.emit(1, 2)  # what a double-click on a cell sends
    health.deals.setCurrentCell(0, 0)
    health.deals.setFocus()
    qtbot.keyClick(health.deals, Qt.Key.Key_Return)
    editors = [d for kind, d in answers.asked if kind == "dialog" and isinstance(d, DealEditor)]
    assert [e.deal_id for e in editors] == [health.shown_ids[1], health.shown_ids[0]]


def test_health_thresholds_come_from_the_setting(window: MainWindow, ui_services: Any,
                                                 qtbot: Any) -> None:
    page = analytics_shown(window)
    refreshes = page.full_refreshes
    ui_services.set_setting("health_thresholds", {"min_open_deals": 1000})
    analytics_settle(page, qtbot, refreshes)
    few = next(f for f in page.result.findings if f.kind == "too_few_open")
    assert few.params["minimum"] == 1000
    assert "at least 1,000 in follow-up" in page.health.list.item(0, 1).text()
    refreshes = page.full_refreshes
    ui_services.set_setting("health_thresholds", {"min_open_deals": "many"})
    analytics_settle(page, qtbot, refreshes)
    assert not page.health.problem.isHidden()
    assert "“many” is not a valid value for the health threshold min_open_deals" in \
        page.health.problem.text()
    assert page.result.thresholds.min_open_deals == 15  # the defaults


# -- right-click: PNG, SVG, copy ---------------------------------------------------------------
def test_every_card_saves_png_and_svg(window: MainWindow, tmp_path: Path) -> None:
    page = analytics_shown(window)
    for card in page.cards:
        page.show_tab(card)
        QApplication.processEvents()
        name = type(card).__name__
        png = card.save_png(str(tmp_path / f"{name}.png"))
        assert png is not None and png.stat().st_size > 1000, name
        image = QImage(str(png))
        assert (image.width(), image.height()) == (card.width() * 2, card.height() * 2)
        svg = card.save_svg(str(tmp_path / f"{name}"))  # the suffix is added
        assert svg == tmp_path / f"{name}.svg"
        text = svg.read_text(encoding="utf-8")
        assert "<svg" in text and "</svg>" in text and len(text) > 2000, name
    funnel_svg = (tmp_path / "FunnelPanel.svg").read_text(encoding="utf-8")
    assert "Funnel" in funnel_svg and "Nurture" in funnel_svg  # text stays text


def test_saving_asks_where_and_reports_failure(window: MainWindow, answers: Any,
                                               tmp_path: Path) -> None:
    page = analytics_shown(window)
    answers.paths = [str(tmp_path / "forecast.png")]
    menu = page.forecast.menu()
    texts = [a.text() for a in menu.actions() if not a.isSeparator()]
    assert texts == ["Save as PNG…", "Save as SVG…", "Copy the table"]
    menu.actions()[0].trigger()
    assert (tmp_path / "forecast.png").stat().st_size > 0
    answers.paths = []  # cancelled
    assert page.forecast.save_svg() is None
    assert page.forecast.save_png(str(tmp_path / "missing" / "x.png")) is None
    assert answers.errors and "could not be written" in answers.errors[-1]


def test_copy_table_puts_tab_separated_rows_on_the_clipboard(window: MainWindow) -> None:
    page = analytics_shown(window)
    r = page.result
    text = page.funnel.copy_table()
    assert QGuiApplication.clipboard().text() == text
    rows = [line.split("\t") for line in text.splitlines()]
    assert rows[0][:3] == ["Stage", "Reached", "Reached amount"]
    assert [row[0] for row in rows[1:]] == [r.stage_names[s.stage_id] for s in r.funnel.stages]
    assert [int(row[1]) for row in rows[1:]] == [s.reached for s in r.funnel.stages]
    assert [row[2] for row in rows[1:]] == [str(s.reached_amount // 100)
                                            for s in r.funnel.stages]
    forecast = [line.split("\t") for line in page.forecast.copy_table().splitlines()]
    assert forecast[1][0] == "Overdue" and forecast[2][0] == r.forecast.months[0].month
    people = [line.split("\t") for line in page.people.copy_table().splitlines()]
    assert people[-1][0] == "Total" and int(people[-1][4]) == r.owners.total.won_count
    for card in page.cards:
        rows = card.table()
        assert all(len(row) == len(rows[0]) for row in rows), type(card).__name__


def test_right_click_opens_the_card_menu(window: MainWindow, monkeypatch: Any) -> None:
    page = analytics_shown(window)
    shown_menus: list[list[str]] = []
    monkeypatch.setattr(charts, "popup", lambda menu: shown_menus.append(
        [a.text() for a in menu.actions() if not a.isSeparator()]))
    view = page.funnel.canvas.viewport()
    centre = view.rect().center()
    event = QContextMenuEvent(QContextMenuEvent.Reason.Mouse, centre,
                              view.mapToGlobal(centre))
    QApplication.sendEvent(view, event)
    assert shown_menus == [["Save as PNG…", "Save as SVG…", "Copy the table"]]
    QApplication.sendEvent(page.people, QContextMenuEvent(
        QContextMenuEvent.Reason.Mouse, QPoint(5, 5), page.people.mapToGlobal(QPoint(5, 5))))
    assert len(shown_menus) == 2


@pytest.mark.parametrize("lang", ["zh"])
def test_chinese_money_on_the_axes(qtbot: Any, lang: str) -> None:
    axis = charts.MoneyAxis(Formatter(lang))
    assert axis.tickStrings([0, 500_000, 1_200_000], 1, 100_000) == ["¥0", "¥50万", "¥120万"]
    axis.set_money(False)
    assert axis.tickStrings([0, 5, 1200], 1, 1) == ["0", "5", "1,200"]


def test_health_sentences_use_the_business_currency():
    fmt = Formatter("en", "USD")
    words = sentence_formatter(fmt, "en")
    assert words.money(1_250_000) == fmt.money(1_250_000) == "$12,500"


def test_planning_follows_the_filters_and_says_why_there_is_no_plan(window: MainWindow,
                                                                    qtbot: Any) -> None:
    """A search that matches nothing clears the whole business's plan and says why where
    the plan goes, not at the target (whose amount is fine)."""
    page = analytics_shown(window)
    panel = page.planning
    assert panel.plan is not None and panel.stage_rows()
    refreshes = page.full_refreshes
    page.filters.search.setText("no deal is called this")
    page.filters._emit()
    analytics_settle(page, qtbot, refreshes)
    assert panel.plan is None and panel.stage_rows() == []
    assert panel.band_table.rowCount() == 0
    assert panel.target_error.text() == "" and panel.target.property("invalid") is not True
    assert panel.headline.text().startswith("No won deal that matches the filters closed in ")
    assert panel.run() is None  # Plan again: the same words, in the same place
    assert panel.target_error.text() == ""
    assert "matches the filters" in panel.headline.text()
    refreshes = page.full_refreshes
    page.filters.clear()
    analytics_settle(page, qtbot, refreshes)
    assert panel.plan is not None and panel.headline.text().startswith("To reach ")


# -- empty states -------------------------------------------------------------------------------
def test_empty_charts_say_what_is_empty_and_why(window: MainWindow, qtbot: Any) -> None:
    """Filters that match nothing: Trends, Reasons, Deal sizes and the forecast say so where
    their plots go (not bare axes with a lone "1" tick); clearing the filters draws them."""
    page = analytics_shown(window)
    cards = (page.forecast, page.win_rate, page.cycle, page.reasons, page.sizes)
    assert not any(card.is_empty() for card in cards)
    refreshes = page.full_refreshes
    page.filters.search.setText("no deal is called this")
    page.filters._emit()
    analytics_settle(page, qtbot, refreshes)
    for card in cards:
        page.show_tab(card)
        QApplication.processEvents()
        assert card.is_empty(), card.title
        assert card.empty_note.isVisible() and not card.canvas.isVisible(), card.title
        text = card.empty_note.text()
        assert "matches the filters" in text and "widen the filters" in text, text
    assert page.reasons.empty_note.text().startswith(
        "No deal that matches the filters was won or lost in ")
    refreshes = page.full_refreshes
    page.filters.clear()
    analytics_settle(page, qtbot, refreshes)
    for card in cards:
        assert not card.is_empty() and not card.empty_note.isVisible(), card.title


def test_a_new_database_says_its_charts_are_empty_without_blaming_filters(
        empty_window: MainWindow) -> None:
    empty_window.show_page("analytics")
    page = empty_window.analytics()
    page.threaded = False
    page.refresh()
    assert page.win_rate.empty_note.text().startswith("No deal was won or lost in ")
    assert page.forecast.empty_note.text().startswith("Nothing to forecast: no deal is open")
    for card in (page.forecast, page.win_rate, page.cycle, page.reasons, page.sizes):
        assert card.is_empty() and "filters" not in card.empty_note.text(), card.title
