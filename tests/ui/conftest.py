"""Fixtures for the UI tests: a main window over the demo business (or an empty database)
with a fixed clock, and modal questions answered by the test."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QWidget
from ui_support import NOW, Answers, make_window, send_drop

from funnel_desktop.services import Services
from funnel_desktop.store.db import OpenedDatabase
from funnel_desktop.ui.main_window import MainWindow


@pytest.fixture
def answers(monkeypatch: pytest.MonkeyPatch) -> Answers:
    a = Answers()
    a.install(monkeypatch)
    return a


@pytest.fixture
def ui_settings(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def ui_services() -> Services:
    """Services whose clock stands at NOW."""
    return Services(user="tester", clock=lambda: NOW)


@pytest.fixture
def window(qtbot: Any, demo: OpenedDatabase, ui_services: Services, ui_settings: QSettings,
           answers: Answers) -> Iterator[MainWindow]:
    """The main window over the demo business (300 deals), English."""
    w = make_window(qtbot, ui_services, demo, ui_settings)
    yield w
    w.ctx.bridge.detach()


@pytest.fixture
def empty_window(qtbot: Any, db: OpenedDatabase, ui_services: Services,
                 ui_settings: QSettings, answers: Answers) -> Iterator[MainWindow]:
    """The main window over a brand-new empty database."""
    w = make_window(qtbot, ui_services, db, ui_settings)
    yield w
    w.ctx.bridge.detach()


@pytest.fixture
def drop() -> Callable[[QWidget, list[int]], bool]:
    return send_drop


#: A message of Qt's offscreen platform plugin (not of the app) when a shown top-level window
#: gets new size limits; real platforms support it.
OFFSCREEN_NOISE = r"This plugin does not support propagateSizeHints\(\)"


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    here = Path(__file__).parent
    for item in items:
        if here in Path(str(item.fspath)).parents:
            item.add_marker(pytest.mark.qt_log_ignore(OFFSCREEN_NOISE))
