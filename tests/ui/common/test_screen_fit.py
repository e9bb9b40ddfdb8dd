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
