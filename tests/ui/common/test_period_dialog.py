"""The custom-period dialog opens at a size that holds what it says: a line on how to write
the dates, each date with the day it is under it, the reason OK is off, and its whole title;
typing does not make it jump."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import Any

import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import QApplication

from funnel_desktop.ui.common.fields import DateField
from funnel_desktop.ui.common.period_dialog import LEAST_WIDTH, TITLE_BAR_ROOM, PeriodDialog


@pytest.fixture
def locale() -> Iterator[None]:
    """US English while the test runs (the widgets' default locale)."""
    before = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
    yield
    QLocale.setDefault(before)


def type_into(qtbot: Any, field: DateField, text: str) -> None:
    field.line.setFocus()
    field.line.selectAll()
    qtbot.keyClicks(field.line, text)
    qtbot.keyClick(field.line, Qt.Key.Key_Return)


def test_the_period_dialog_has_room_for_what_it_says(qtbot: Any, locale: None) -> None:
    dlg = PeriodDialog(date(2026, 10, 1), date(2026, 12, 31))
    qtbot.addWidget(dlg)
    dlg.setWindowTitle("Analytics period")
    dlg.show()
    QApplication.processEvents()
    fm = dlg.fontMetrics()
    assert dlg.width() >= max(LEAST_WIDTH, fm.horizontalAdvance("Analytics period")
                              + TITLE_BAR_ROOM)
    assert dlg.height() >= dlg.sizeHint().height() >= 8 * fm.height()
    assert dlg.note.isVisible() and "2026-11-24" in dlg.note.text()
    # the days the dates are, from the start (not only after typing)
    assert dlg.start.hint.isVisible() and dlg.start.hint.text() == "Thursday, October 1, 2026"
    assert dlg.end.hint.text() == "Thursday, December 31, 2026"
    size = dlg.size()
    type_into(qtbot, dlg.end, "2015-01-01")
    QApplication.processEvents()
    assert dlg.error.text() == "The start is after the end."
    assert dlg.size() == size  # the reason's line was kept for it
    type_into(qtbot, dlg.end, "2026-12-31")
    QApplication.processEvents()
    assert dlg.error.text() == "" and dlg.size() == size


def test_the_period_dialog_in_chinese_keeps_its_width(qtbot: Any) -> None:
    before = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
    try:
        dlg = PeriodDialog(None, None)
        qtbot.addWidget(dlg)
        dlg.setWindowTitle("分析期间")
        dlg.show()
        QApplication.processEvents()
        assert dlg.width() >= LEAST_WIDTH and dlg.start.hint.isVisible()
        assert dlg.start.hint.text().endswith(("星期一", "星期二", "星期三", "星期四", "星期五",
                                               "星期六", "星期日"))
    finally:
        QLocale.setDefault(before)
