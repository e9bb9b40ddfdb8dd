"""Windows no larger than the screen: the weekly report's print preview (it was 900×1000 on
any screen) and the main window's first size."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QSize
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDialog, QWidget

from funnel_desktop.report import dialog as report_dialog
from funnel_desktop.report.dialog import WeeklyReportDialog
from funnel_desktop.ui.common.screen_fit import fit_to_screen
from funnel_desktop.ui.main_window import MainWindow


def room() -> QSize:
    return QGuiApplication.primaryScreen().availableGeometry().size()


def test_fit_keeps_what_fits_and_shrinks_what_does_not(qtbot: Any) -> None:
    w = QWidget()
    qtbot.addWidget(w)
    assert fit_to_screen(w, QSize(300, 200)) == QSize(300, 200)
    big = fit_to_screen(w, QSize(room().width() * 3, room().height() * 3))
    assert big.width() <= room().width() and big.height() <= room().height()
    assert w.size() == big


def test_print_preview_fits_the_screen(window: MainWindow, qtbot: Any,
                                       monkeypatch: Any) -> None:
    sizes: list[QSize] = []

    def run(dlg: QDialog) -> int:
        sizes.append(dlg.size())
        return 0

    monkeypatch.setattr(report_dialog, "run_dialog", run)
    dlg = WeeklyReportDialog(window.ctx.services, "en", window, today=window.ctx.today)
    qtbot.addWidget(dlg)
    dlg.preview()
    assert sizes and sizes[0].height() <= room().height() * 0.92 + 1
    assert sizes[0].width() <= min(900, room().width())


def test_a_large_screen_gives_the_main_window_most_of_its_room(qtbot: Any) -> None:
    """On a 2560×1440 monitor the window opened at 1360×860 in a corner: with ``grow`` it
    takes 80 % of a screen larger than its least size, centred; a small screen still
    shrinks it."""
    w = QWidget()
    qtbot.addWidget(w)
    least = QSize(room().width() // 4, room().height() // 4)
    size = fit_to_screen(w, least, grow=0.8)
    assert size == QSize(int(room().width() * 0.8), int(room().height() * 0.8))
    area = QGuiApplication.primaryScreen().availableGeometry()
    assert abs(w.x() + size.width() // 2 - area.center().x()) <= 1
    big = fit_to_screen(w, QSize(room().width() * 3, room().height() * 3), grow=0.8)
    assert big.width() <= room().width() and big.height() <= room().height()
