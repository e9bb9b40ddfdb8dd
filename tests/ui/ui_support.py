"""Helpers of the UI tests: the fixed clock, modal questions answered by the test, a main
window on a database, and drag-and-drop by events sent to a view's viewport."""

from __future__ import annotations

import time
from datetime import date, datetime
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, QPointF, QSettings, Qt
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QWidget

from funnel_desktop.services import Services
from funnel_desktop.store.db import OpenedDatabase
from funnel_desktop.ui.analytics.page import AnalyticsPage
from funnel_desktop.ui.board.board_model import encode_ids
from funnel_desktop.ui.common import ask
from funnel_desktop.ui.main_window import MainWindow, prepare_database

#: The demo's today (as in tests/conftest.py) and the UI tests' "now" (naive UTC, noon).
TODAY = date(2026, 11, 24)
NOW = datetime(TODAY.year, TODAY.month, TODAY.day, 12, 0)


class Answers:
    """Stands in for every modal question; records what was asked."""

    def __init__(self) -> None:
        self.reason: tuple[int, str] | None = None
        self.reason_named = ""  # how the last reason question named its deals
        self.confirm = True
        self.save_changes = "discard"
        self.asked: list[tuple[str, Any]] = []
        self.errors: list[str] = []
        self.infos: list[str] = []
        self.paths: list[str] = []
        self.db_choices: list[Any] = []  # answers to database problems (default: quit)
        self.conflict = "edit"  # another writer changed the same fields: reload / mine / edit

    def install(self, mp: pytest.MonkeyPatch) -> None:
        def reason(parent: Any, kind: str, count: int, what: str = ""
                   ) -> tuple[int, str] | None:
            self.asked.append(("reason", (kind, count)))
            self.reason_named = what
            return self.reason

        def confirm(parent: Any, title: str, text: str, yes: str) -> bool:
            self.asked.append(("confirm", text))
            return self.confirm

        def save_changes(parent: Any, what: str) -> str:
            self.asked.append(("save_changes", what))
            return self.save_changes

        def error(parent: Any, title: str, text: str) -> None:
            self.errors.append(text)

        def info(parent: Any, title: str, text: str) -> None:
            self.infos.append(text)

        def path(*_a: Any) -> str:
            return self.paths.pop(0) if self.paths else ""

        def db_problem(parent: Any, err: Any, location: str) -> Any:
            from funnel_desktop.ui.common.messages import error_text
            from funnel_desktop.ui.database.db_problem_dialog import QUIT, DbChoice

            self.errors.append(error_text(err))
            return self.db_choices.pop(0) if self.db_choices else DbChoice(QUIT)

        def conflict(parent: Any, text: str) -> str:
            self.asked.append(("conflict", text))
            return self.conflict

        mp.setattr(ask, "conflict", conflict)
        mp.setattr(ask, "reason", reason)
        mp.setattr(ask, "db_problem", db_problem)
        mp.setattr(ask, "confirm", confirm)
        mp.setattr(ask, "save_changes", save_changes)
        mp.setattr(ask, "error", error)
        mp.setattr(ask, "info", info)
        mp.setattr(ask, "open_path", path)
        mp.setattr(ask, "save_path", path)
        mp.setattr(ask, "run_dialog", lambda dialog: self.asked.append(("dialog", dialog)))


def make_window(qtbot: Any, services: Services, opened: OpenedDatabase, settings: QSettings,
                lang: str = "en") -> MainWindow:
    prepare_database(services, lang)
    w = MainWindow(services, opened, lang, settings, today=lambda: TODAY, now=lambda: NOW)
    qtbot.addWidget(w)
    w.resize(1440, 900)
    w.show()
    QApplication.processEvents()
    return w


def wait_idle(page: AnalyticsPage, timeout: float = 60.0) -> bool:
    """Process events until the Analytics page runs no recompute (True if none runs)."""
    end = time.monotonic() + timeout
    while page.computing and time.monotonic() < end:
        QCoreApplication.processEvents()
        time.sleep(0.005)
    return not page.computing


def analytics_shown(w: MainWindow) -> AnalyticsPage:
    """Show the window's Analytics page and wait for its first result."""
    w.show_page("analytics")
    QApplication.processEvents()
    page = w.analytics()
    assert wait_idle(page) and page.result is not None
    return page


def analytics_settle(page: AnalyticsPage, qtbot: Any, refreshes: int) -> None:
    """Wait for the recompute a change asked for (more than ``refreshes`` full ones)."""
    qtbot.waitUntil(lambda: page.full_refreshes > refreshes and wait_idle(page),
                    timeout=5000)


def send_drop(target: QWidget, ids: list[int]) -> bool:
    """Drag-enter, drag-move and drop the app's mime data for ``ids`` at the middle of
    ``target`` (a view's viewport or a drop target); True if the drop was accepted."""
    data = encode_ids(ids)
    pos = QPointF(target.width() / 2, min(target.height() / 2, 40.0))
    actions = Qt.DropAction.MoveAction
    buttons, mods = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    enter = QDragEnterEvent(pos.toPoint(), actions, data, buttons, mods)
    QApplication.sendEvent(target, enter)
    if not enter.isAccepted():
        return False
    move = QDragMoveEvent(pos.toPoint(), actions, data, buttons, mods)
    QApplication.sendEvent(target, move)
    if not move.isAccepted():
        return False
    drop = QDropEvent(pos, actions, data, buttons, mods)
    QApplication.sendEvent(target, drop)
    return True
