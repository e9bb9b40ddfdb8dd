"""An unexpected error: a dialog that says whether the last change was saved, with the
details to copy and the log folder to open — and the app keeps running.

:class:`CrashReporter` receives what :class:`~funnel_desktop.app_log.Hooks` catches (on any
thread) and shows one dialog at a time on the GUI thread; errors that follow while it is open
are added to it."""

from __future__ import annotations

import contextlib
import logging
import sys
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Qt, QThread, Signal
from PySide6.QtGui import QFontDatabase, QGuiApplication
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from ... import __version__
from ...app_log import details, mask_secrets
from ...services.journal import Fate, fate
from ...store.db import mask_url
from . import folders
from .about_dialog import runtime_line

log = logging.getLogger(__name__)


class CrashDialog(QDialog):
    """"Something went wrong. Your last change was saved / was not saved." with the
    details, Copy details, Open log folder and Close."""

    def __init__(self, outcome: Fate, details: str, log_folder: Path,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Something went wrong"))
        self.setObjectName("crashDialog")
        self.log_folder = log_folder
        self.outcome = outcome
        self.count = 1
        icon = QLabel()
        icon.setPixmap(self.style().standardIcon(
            QStyle.StandardPixmap.SP_MessageBoxWarning).pixmap(40, 40))
        icon.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.headline = QLabel(self.saved_text())
        font = self.headline.font()
        font.setBold(True)
        self.headline.setFont(font)
        self.headline.setWordWrap(True)
        self.advice = QLabel(self.tr(
            "You can go on working. If it happens again, copy the details and send them to "
            "whoever helps you with the program; they are also in the log."))
        self.advice.setWordWrap(True)
        self.more = QLabel()
        self.more.setObjectName("fieldCaption")
        self.more.hide()
        self.text = QPlainTextEdit(details)
        self.text.setReadOnly(True)
        self.text.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.text.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.text.setMinimumSize(560, 160)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.copy_button = QPushButton(self.tr("&Copy details"))
        self.folder_button = QPushButton(self.tr("Open &log folder"))
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.folder_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        self.copy_button.clicked.connect(self.copy_details)
        self.folder_button.clicked.connect(lambda: folders.open_folder(self.log_folder))
        top = QHBoxLayout()
        top.addWidget(icon)
        words = QVBoxLayout()
        words.addWidget(self.headline)
        words.addWidget(self.advice)
        top.addLayout(words, 1)
        lay = QVBoxLayout(self)
        lay.addLayout(top)
        lay.addWidget(self.more)
        lay.addWidget(self.text, 1)
        lay.addWidget(buttons)

    def saved_text(self) -> str:
        """The headline: what went wrong means for the last change."""
        if self.outcome is Fate.SAVED:
            return self.tr("Something went wrong. Your last change was saved.")
        if self.outcome is Fate.NOT_SAVED:
            return self.tr("Something went wrong. Your last change was not saved.")
        return self.tr("Something went wrong. Nothing had been changed yet.")

    def details(self) -> str:
        return self.text.toPlainText()

    def add(self, outcome: Fate, details: str) -> None:
        """Another error while the dialog is open: its details below, the count above."""
        self.count += 1
        if outcome is Fate.NOT_SAVED and self.outcome is not Fate.NOT_SAVED:
            self.outcome = outcome
            self.headline.setText(self.saved_text())
        self.more.setText(self.tr("%1 errors so far; the details of each are below.")
                          .replace("%1", str(self.count)))
        self.more.show()
        self.text.appendPlainText("\n" + details)

    def copy_details(self) -> None:
        QGuiApplication.clipboard().setText(self.details())


def describe(outcome: Fate, traceback_text: str, location: str) -> str:
    """The details the dialog shows and copies: version, system, database, time, what the
    last change came to, and the traceback — secrets masked."""
    lines = [f"Funnel Desktop {__version__}", runtime_line(),
             f"Database: {mask_url(location) if location else '-'}",
             f"Time: {time.strftime('%Y-%m-%d %H:%M:%S %z')}",
             f"Last change: {outcome.value.replace('_', ' ')}", "", traceback_text.rstrip()]
    return mask_secrets("\n".join(lines))


class CrashReporter(QObject):
    """Shows :class:`CrashDialog` for what the hooks report, on the GUI thread; the app goes on.
    ``location`` tells the open database (for the details)."""

    #: (outcome, details) from another thread
    _arrived = Signal(object, str)

    def __init__(self, log_folder: Path, location: Callable[[], str] = lambda: "",
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.log_folder = log_folder
        self.location = location
        self.dialog: CrashDialog | None = None
        self._arrived.connect(self.show, Qt.ConnectionType.QueuedConnection)

    def report(self, exc: BaseException, traceback_text: str) -> None:
        """From the hooks, on any thread: what the last change came to is decided now."""
        outcome = fate(exc)
        try:
            where = self.location()
        except Exception:  # the window is being torn down
            where = ""
        details = describe(outcome, traceback_text, where)
        if QThread.currentThread() is self.thread():
            self.show(outcome, details)
        else:
            self._arrived.emit(outcome, details)

    def show(self, outcome: Fate, details: str) -> CrashDialog:
        if self.dialog is not None and self.dialog.isVisible():
            self.dialog.add(outcome, details)
            return self.dialog
        parent = QApplication.activeModalWidget() or QApplication.activeWindow()
        self.dialog = CrashDialog(outcome, details, self.log_folder, parent)
        self.dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog.destroyed.connect(self._forget)
        self.dialog.open()  # window-modal, and the hook returns at once
        return self.dialog

    def fatal(self, exc: BaseException, show: bool = True) -> int:
        """An error that stopped the start: logged, shown (modal, when ``show``: a screen
        can show it) and the exit code 1."""
        text = details(type(exc), exc, exc.__traceback__)
        log.error("the app could not start:\n%s", text.rstrip())
        with contextlib.suppress(OSError, AttributeError, ValueError):  # no console
            sys.stderr.write(text)
        if show:
            outcome = fate(exc)
            CrashDialog(outcome, describe(outcome, text, self.location()),
                        self.log_folder).exec()
        return 1

    def _forget(self) -> None:
        self.dialog = None
