"""Every page usable from 1024×640 up, in English and Chinese: customer names readable, the
Analytics target bars one line each with their share in sight, the period label and the
funnel's "By count" combo whole, no page wider than the window."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import QApplication, QScrollArea, QWidget
from ui_support import make_window

from funnel_desktop.i18n import Translation
from funnel_desktop.services import Services
from funnel_desktop.services.demo import generate
from funnel_desktop.store.db import OpenedDatabase
from funnel_desktop.ui.customers.customers import NAME_WIDTH
from funnel_desktop.ui.main_window import MainWindow
from tests.conftest import TODAY

SIZES = [(1024, 640), (1024, 700), (1440, 900)]


@pytest.fixture(params=["en", "zh"])
def small_window(request: pytest.FixtureRequest, qtbot: Any, db: OpenedDatabase,
                 ui_services: Services, ui_settings: Any, answers: Any
                 ) -> Iterator[MainWindow]:
    lang = request.param
    translation = Translation()
    translation.switch(lang)
    generate(Services(user="demo"), deals=300, seed=1, lang=lang, today=TODAY)
    w = make_window(qtbot, ui_services, db, ui_settings, lang=lang)
    yield w
    w.ctx.bridge.detach()
    translation.switch("en")


def settle(w: MainWindow, width: int, height: int) -> None:
    w.resize(width, height)
    for _ in range(5):
        QApplication.processEvents()


def inside(child: QWidget, parent: QWidget) -> bool:
    """The whole of ``child`` lies within ``parent`` (and so can be seen when it is)."""
    top_left = child.mapTo(parent, child.rect().topLeft())
    return parent.rect().contains(QRect(top_left, child.size()))


@pytest.mark.parametrize(("width", "height"), SIZES)
def test_customer_names_are_readable(small_window: MainWindow, width: int,
                                     height: int) -> None:
    w = small_window
    w.show_page("customers")
    settle(w, width, height)
    page = w.customers_page
    header = page.table.horizontalHeader()
    assert header.sectionSize(0) >= NAME_WIDTH
    title = str(page.model.headerData(0, Qt.Orientation.Horizontal))
    assert header.sectionSize(0) >= header.fontMetrics().horizontalAdvance(title)
    assert not page.table.horizontalScrollBar().isVisible()
    if width >= 1440:
        assert not page.folded_columns  # a wide window shows every chosen column
    # the form's fields are wide enough to read a name
    assert page.form.name.width() >= 150


@pytest.mark.parametrize(("width", "height"), SIZES)
def test_a_long_stage_name_ends_in_an_ellipsis_not_mid_word(small_window: MainWindow,
                                                            width: int, height: int) -> None:
    """A column narrower than its stage's name shows "Product introd…" with the whole name as
    its tooltip (it was cut mid-word: "Product introductio")."""
    w = small_window
    settle(w, width, height)
    for col in w.board_page.board.columns:
        name = col.header.name
        assert name.full_text() == col.stage.name
        if name.is_elided():
            assert col.stage.name in name.toolTip()
        assert inside(name, col.header)


@pytest.mark.parametrize(("width", "height"), SIZES)
def test_analytics_header_fits(small_window: MainWindow, width: int, height: int) -> None:
    w = small_window
    w.show_page("analytics")
    page = w.analytics()
    page.threaded = False
    page.refresh()
    settle(w, width, height)
    label = page.period.label
    assert label.width() >= label.sizeHint().width()  # the period's dates whole
    bars = page.targets
    assert bars.height() <= page.tile_open.height() + 2  # no taller than the tiles
    for caption, _bar, text in bars.rows.values():
        one_line = caption.fontMetrics().height() * 1.6
        assert caption.height() < one_line and text.height() < one_line
        shown = text.fontMetrics().elidedText(text.full_text(), Qt.TextElideMode.ElideRight,
                                              text.contentsRect().width())
        assert "%" in shown  # the share is what a narrow window keeps
    combo = page.funnel.measure
    assert combo.isVisible() and inside(combo, page.funnel)
    assert combo.width() >= combo.minimumSizeHint().width()
    for i in range(page.tabs.count()):
        area = page.tabs.widget(i)
        assert isinstance(area, QScrollArea)
        page.tabs.setCurrentIndex(i)
        QApplication.processEvents()
        assert not area.horizontalScrollBar().isVisible(), page.tabs.tabText(i)


def test_the_first_window_fits_a_small_screen(qtbot: Any, demo: OpenedDatabase,
                                              ui_services: Services, ui_settings: Any,
                                              answers: Any) -> None:
    from PySide6.QtGui import QGuiApplication

    w = MainWindow(ui_services, demo, "en", ui_settings)
    qtbot.addWidget(w)
    room = QGuiApplication.primaryScreen().availableGeometry().size()
    assert w.width() <= max(room.width(), w.minimumWidth())  # 1360×860 on a big screen
    assert w.height() <= max(room.height(), w.minimumHeight())
    w.ctx.bridge.detach()
