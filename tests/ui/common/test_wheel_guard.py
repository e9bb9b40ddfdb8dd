"""The mouse wheel changes only a focused field: over an unfocused combo or spin box inside a
scroll area it scrolls the area, the field keeps its value and the form stays saved."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from funnel_desktop.ui.common import wheel_guard
from funnel_desktop.ui.main_window import MainWindow


def turn_wheel(widget: QWidget, notches: int = -1) -> None:
    """One wheel turn over the middle of ``widget`` (down for a negative count)."""
    pos = QPointF(widget.width() / 2, widget.height() / 2)
    event = QWheelEvent(pos, QPointF(widget.mapToGlobal(pos.toPoint())), QPoint(0, 0),
                        QPoint(0, 120 * notches), Qt.MouseButton.NoButton,
                        Qt.KeyboardModifier.NoModifier, Qt.ScrollPhase.NoScrollPhase, False)
    QApplication.sendEvent(widget, event)


def form_in_scroll_area(qtbot: Any) -> tuple[QScrollArea, QComboBox, QSpinBox]:
    area = QScrollArea()
    body = QWidget()
    lay = QVBoxLayout(body)
    combo = QComboBox()
    combo.addItems(["high", "medium", "low"])
    combo.setCurrentIndex(1)
    spin = QSpinBox()
    spin.setValue(5)
    lay.addWidget(combo)
    lay.addWidget(spin)
    lay.addSpacing(2000)
    area.setWidget(body)
    area.setWidgetResizable(True)
    area.resize(300, 200)
    qtbot.addWidget(area)
    area.show()
    qtbot.waitExposed(area)
    return area, combo, spin


def test_wheel_over_unfocused_fields_scrolls_the_area(qtbot: Any) -> None:
    wheel_guard.install()
    area, combo, spin = form_in_scroll_area(qtbot)
    area.setFocus()
    assert combo.focusPolicy() == Qt.FocusPolicy.StrongFocus  # never focused by the wheel
    turn_wheel(combo)
    assert combo.currentIndex() == 1
    assert area.verticalScrollBar().value() > 0  # the page scrolled instead
    before = area.verticalScrollBar().value()
    turn_wheel(spin)
    assert spin.value() == 5
    assert area.verticalScrollBar().value() > before


def test_wheel_changes_a_focused_field(qtbot: Any) -> None:
    wheel_guard.install()
    _area, combo, spin = form_in_scroll_area(qtbot)
    combo.setFocus()
    QApplication.processEvents()
    turn_wheel(combo)
    assert combo.currentIndex() == 2
    spin.setFocus()
    QApplication.processEvents()
    turn_wheel(spin, 1)
    assert spin.value() == 6


def test_customer_profile_priority_survives_scrolling(window: MainWindow) -> None:
    window.show_page("customers")
    page = window.customers_page
    page.table.selectRow(0)
    form = page.form
    page.table.setFocus()
    before = form.priority.currentIndex()
    assert not form.is_dirty()
    for notches in (-1, -1, 1):
        turn_wheel(form.priority, notches)
        turn_wheel(form.intent, notches)
        turn_wheel(form.class_manual, notches)
    assert form.priority.currentIndex() == before
    assert not form.is_dirty()


def test_settings_fields_ignore_the_wheel_without_focus(window: MainWindow, qtbot: Any) -> None:
    from funnel_desktop.ui.settings.settings_dialog import SettingsDialog

    dlg = SettingsDialog(window.ctx.services, window.settings, window.lang, window)
    qtbot.addWidget(dlg)
    dlg.show()
    fields = dlg.findChildren(QComboBox) + dlg.findChildren(QSpinBox)
    assert fields
    values = [(f.currentIndex() if isinstance(f, QComboBox) else f.value()) for f in fields]
    for f in fields:
        turn_wheel(f)
        turn_wheel(f, 1)
        turn_wheel(f, 1)
    assert values == [(f.currentIndex() if isinstance(f, QComboBox) else f.value())
                      for f in fields]
