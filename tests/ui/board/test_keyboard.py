"""Keyboard and accessibility: every menu action has words (and the usual ones their standard
shortcut), and every button, text field and combo box of the main window and of the settings,
pipeline, kept lists and welcome dialogs has a name a screen reader can say (its own text, an
accessible name, or a label that is its buddy)."""

from __future__ import annotations

from typing import Any

from PySide6.QtGui import QAccessible, QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLineEdit,
    QMenu,
    QWidget,
)

from funnel_desktop.services import Services
from funnel_desktop.ui.database.welcome import WelcomeDialog
from funnel_desktop.ui.main_window import MainWindow
from funnel_desktop.ui.settings.lists_editor import ListsEditor
from funnel_desktop.ui.settings.pipeline_editor import PipelineEditor
from funnel_desktop.ui.settings.settings_dialog import SettingsDialog


def accessible_name(widget: QWidget) -> str:
    """What assistive technology reads for ``widget`` (Qt derives it from the text, the
    accessible name or a buddy label)."""
    iface = QAccessible.queryAccessibleInterface(widget)
    return iface.text(QAccessible.Text.Name).strip() if iface is not None else ""


def unnamed_controls(root: QWidget) -> list[str]:
    """Visible buttons, text fields and combo boxes under ``root`` without a name."""
    out = []
    for w in root.findChildren(QWidget):
        if not isinstance(w, QAbstractButton | QLineEdit | QComboBox) or not w.isVisibleTo(root):
            continue
        parent = w.parentWidget()
        if isinstance(parent, QAbstractSpinBox | QComboBox | QLineEdit):
            continue  # Qt's parts of a spin box, an editable combo, a line edit's clear button
        if not accessible_name(w):
            out.append(f"{type(w).__name__} {w.objectName()!r} "
                       f"{getattr(w, 'placeholderText', lambda: '')()!r} in "
                       f"{type(parent).__name__ if parent else None} "
                       f"{parent.objectName() if parent else ''!r}")
    return out


def menu_actions(menu: QMenu) -> list[QAction]:
    menu.aboutToShow.emit()  # menus filled on demand (Open recent)
    out = []
    for a in menu.actions():
        if a.menu() is not None:
            out += [a, *menu_actions(a.menu())]
        elif not a.isSeparator():
            out.append(a)
    return out


def test_every_menu_action_has_words_and_a_mnemonic_path(window: MainWindow) -> None:
    bar = window.menuBar()
    seen = 0
    for top in bar.actions():
        assert "&" in top.text(), top.text()  # Alt+letter opens every menu
        for a in menu_actions(top.menu()):
            assert a.text().strip(), f"an action without text in {top.text()}"
            seen += 1
    assert seen >= 25


def test_standard_shortcuts(window: MainWindow) -> None:
    actions = {a.text(): a for top in window.menuBar().actions()
               for a in menu_actions(top.menu())}

    def keys(text: str) -> list[str]:
        return [k.toString() for k in actions[text].shortcuts()]

    assert keys("&Open database…")[0] == QKeySequence(QKeySequence.StandardKey.Open).toString()
    assert "Ctrl+Q" in keys("&Quit")
    assert "Ctrl+N" in keys("New deal…")
    assert "Ctrl+Z" in keys("Undo")
    assert keys("&Settings…") == ["Ctrl+,"]  # the platform's Preferences, else Ctrl+,
    assert keys("&Weekly report…") == ["Ctrl+R"]


def test_main_window_controls_have_names(window: MainWindow) -> None:
    assert unnamed_controls(window) == []
    window.show_page("customers")
    QApplication.processEvents()
    assert unnamed_controls(window) == []


def test_dialog_controls_have_names(window: MainWindow, ui_services: Services,
                                    qtbot: Any) -> None:
    dialogs = [SettingsDialog(ui_services, window.settings, "en", window),
               PipelineEditor(ui_services, "en", window.board_page.pipeline_id, window),
               ListsEditor(ui_services, window), WelcomeDialog("en")]
    qtbot.addWidget(dialogs[-1])
    for dlg in dialogs:
        dlg.show()
        QApplication.processEvents()
        pages = getattr(dlg, "tabs", None)
        for i in range(pages.count() if pages is not None else 1):
            if pages is not None:
                pages.setCurrentIndex(i)
                QApplication.processEvents()
            assert unnamed_controls(dlg) == [], type(dlg).__name__
        dlg.close()


def test_deal_editor_controls_have_names(window: MainWindow) -> None:
    from funnel_desktop.ui.deals.deal_editor import DealEditor

    column = window.board_page.board.columns[0]
    dlg = DealEditor(window.ctx, column.model.ids[0], parent=window)
    dlg.show()
    QApplication.processEvents()
    assert unnamed_controls(dlg) == []
    assert dlg.amount.accessibleName() == "Amount"
    dlg.close()


def mnemonics(root: QWidget) -> list[str]:
    """The Alt+letter keys of the visible buttons, tabs and labels with a buddy."""
    import re

    from PySide6.QtWidgets import QLabel, QTabBar

    texts = []
    for w in root.findChildren(QWidget):
        if not w.isVisibleTo(root):
            continue
        if isinstance(w, QAbstractButton) or (isinstance(w, QLabel) and w.buddy() is not None):
            texts.append(w.text())
        elif isinstance(w, QTabBar):
            texts += [w.tabText(i) for i in range(w.count())]
    return [m.lower() for t in texts for m in re.findall(r"&([^&\s])", t.replace("&&", ""))]


def test_dialog_mnemonics_do_not_clash(window: MainWindow, ui_services: Services,
                                       qtbot: Any) -> None:
    dialogs = [SettingsDialog(ui_services, window.settings, "en", window),
               PipelineEditor(ui_services, "en", window.board_page.pipeline_id, window),
               ListsEditor(ui_services, window), WelcomeDialog("en")]
    qtbot.addWidget(dialogs[-1])
    for dlg in dialogs:
        dlg.show()
        pages = getattr(dlg, "tabs", None)
        for i in range(pages.count() if pages is not None else 1):
            if pages is not None:
                pages.setCurrentIndex(i)
            QApplication.processEvents()
            keys = mnemonics(dlg)
            assert len(keys) >= 5
            assert sorted(k for k in set(keys) if keys.count(k) > 1) == [], \
                type(dlg).__name__
        dlg.close()
    bar = [a.text() for a in window.menuBar().actions()]
    letters = [t[t.index("&") + 1].lower() for t in bar]
    assert len(set(letters)) == len(letters)
