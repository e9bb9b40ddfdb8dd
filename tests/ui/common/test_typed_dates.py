"""Typed dates: every date field reads the ISO forms and the locale's own short form, says
what it understood, and keeps exactly the day typed (2016-10-01 stays 2016-10-01)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import Any

import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import QDialog

from funnel_desktop.core.errors import ValidationError
from funnel_desktop.core.values import Period
from funnel_desktop.ui.common.fields import DateField
from funnel_desktop.ui.common.period_dialog import PeriodDialog
from funnel_desktop.ui.common.typed_dates import parse_typed_date
from funnel_desktop.ui.main_window import MainWindow

US = QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)
UK = QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom)
CN = QLocale(QLocale.Language.Chinese, QLocale.Country.China)


@pytest.fixture
def locale() -> Iterator[None]:
    """US English while the test runs (the widgets' default locale)."""
    before = QLocale()
    QLocale.setDefault(US)
    yield
    QLocale.setDefault(before)


@pytest.mark.parametrize(("text", "loc", "day"), [
    ("2016-10-01", US, date(2016, 10, 1)), ("2017-12-31", US, date(2017, 12, 31)),
    ("2017/12/31", CN, date(2017, 12, 31)), ("2017年12月31日", CN, date(2017, 12, 31)),
    ("20171231", US, date(2017, 12, 31)), ("12/31/2017", US, date(2017, 12, 31)),
    ("10/1/2016", US, date(2016, 10, 1)), ("10/1/2016", UK, date(2016, 1, 10)),
    ("31/12/2017", UK, date(2017, 12, 31)), ("2016/10/1", CN, date(2016, 10, 1)),
    ("12/31/17", US, date(2017, 12, 31)), ("  ", US, None)])
def test_iso_and_the_locale_s_own_form(text: str, loc: QLocale, day: date | None) -> None:
    assert parse_typed_date(text, loc) == day


@pytest.mark.parametrize("text", ["31/12/2017", "2017-13-01", "yesterday", "12/31"])
def test_anything_else_is_no_date(text: str) -> None:
    with pytest.raises(ValidationError) as err:
        parse_typed_date(text, US)
    assert err.value.code == "date_invalid"


def type_into(qtbot: Any, field: DateField, text: str) -> None:
    """Select what the line holds and type ``text`` over it, then leave the line."""
    field.line.setFocus()
    field.line.selectAll()
    qtbot.keyClicks(field.line, text)
    qtbot.keyClick(field.line, Qt.Key.Key_Return)


def test_date_field_says_what_it_understood(qtbot: Any, locale: None) -> None:
    field = DateField()
    qtbot.addWidget(field)
    field.show()
    field.set_date(date(2026, 11, 24))
    assert field.hint.isHidden()  # nothing typed yet
    type_into(qtbot, field, "10/1/2016")
    assert field.value() == date(2016, 10, 1)
    assert field.hint.text() == "Saturday, October 1, 2016"
    assert field.text() == "2016-10-01"  # leaving the line writes what is kept
    type_into(qtbot, field, "2016-10-0")
    assert "Not a date yet" in field.hint.text() and "11/24/2026" in field.hint.text()


def test_period_dialog_keeps_the_days_typed(qtbot: Any, locale: None) -> None:
    dlg = PeriodDialog(date(2026, 11, 1), date(2026, 11, 30))
    qtbot.addWidget(dlg)
    dlg.show()
    type_into(qtbot, dlg.start, "2016-10-01")
    type_into(qtbot, dlg.end, "2017-12-31")
    assert dlg.value() == (date(2016, 10, 1), date(2017, 12, 31))
    assert dlg.start.hint.text() == "Saturday, October 1, 2016"
    assert dlg.end.hint.text() == "Sunday, December 31, 2017"
    ok = dlg.buttons.button(dlg.buttons.StandardButton.Ok)
    assert ok.isEnabled()
    type_into(qtbot, dlg.end, "2015-01-01")
    assert not ok.isEnabled() and dlg.error.text() == "The start is after the end."
    type_into(qtbot, dlg.end, "31.12.2017")
    assert not ok.isEnabled() and "not a date" in dlg.error.text()


def test_period_dialog_shows_its_whole_title(qtbot: Any) -> None:
    dlg = PeriodDialog(None, None)
    qtbot.addWidget(dlg)
    dlg.setWindowTitle("Analytics period")
    dlg.show()
    title = dlg.fontMetrics().horizontalAdvance(dlg.windowTitle())
    assert dlg.width() >= title + 100 and dlg.width() >= 360


def test_analytics_custom_period_typed(window: MainWindow, qtbot: Any, monkeypatch: Any,
                                       locale: None) -> None:
    """Analytics ▸ Period ▸ Custom…, typing 2016-10-01 and 2017-12-31: the charts show
    exactly that period."""
    window.show_page("analytics")
    page = window.analytics()
    page.threaded = False

    def run(dlg: PeriodDialog) -> int:
        dlg.show()
        type_into(qtbot, dlg.start, "2016-10-01")
        type_into(qtbot, dlg.end, "12/31/2017")
        dlg.accept()
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(PeriodDialog, "exec", run)
    page.period._chosen(page.period.combo.findData("custom"))
    wanted = Period(date(2016, 10, 1), date(2017, 12, 31))
    assert page.period.period() == wanted
    qtbot.waitUntil(lambda: page.result is not None and page.result.inputs.period == wanted,
                    timeout=10000)
    assert page.funnel.chart.period == wanted


def test_deal_editor_reads_the_locale_s_form(window: MainWindow, qtbot: Any,
                                             locale: None) -> None:
    from funnel_desktop.store.models import Deal, Stage
    from funnel_desktop.ui.deals.deal_editor import DealEditor

    deal = Deal.select().join(Stage).where(Stage.kind == "open").first()
    dlg = DealEditor(window.ctx, deal.id, parent=window)
    qtbot.addWidget(dlg)
    dlg.show()
    type_into(qtbot, dlg.expected_close, "1/15/2027")
    assert dlg.expected_close.hint.text() == "Friday, January 15, 2027"
    assert dlg.save()
    assert Deal.get_by_id(deal.id).expected_close == date(2027, 1, 15)


def test_weekly_report_week_from_a_typed_day(window: MainWindow, qtbot: Any,
                                             locale: None) -> None:
    from funnel_desktop.report.dialog import WeeklyReportDialog

    dlg = WeeklyReportDialog(window.ctx.services, "en", window, today=window.ctx.today)
    qtbot.addWidget(dlg)
    dlg.show()
    type_into(qtbot, dlg.day, "10/7/2026")
    assert dlg.label() == "2026-W41"
    type_into(qtbot, dlg.day, "next week")
    assert dlg.label() == "2026-W41"  # kept until a date is typed
    assert "not a date" in dlg.week_label.text()
    assert dlg.isVisible()  # Enter took the day; it closed nothing

