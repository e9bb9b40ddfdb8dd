"""Help ▸ Getting started explains the app in a few short sections, in both languages, and
Help ▸ Keyboard shortcuts lists the keys the window's actions really have."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence

from funnel_desktop.ui.common.help_dialog import GUIDE, SHORTCUTS, HelpDialog, plain
from funnel_desktop.ui.common.language import TRANSLATION
from funnel_desktop.ui.main_window import MainWindow


def help_actions(window: MainWindow) -> list[str]:
    menu = next(a.menu() for a in window.menuBar().actions() if plain(a.text()) == "Help")
    return [plain(a.text()) for a in menu.actions() if not a.isSeparator()]


def test_help_has_a_guide_and_the_shortcuts(window: MainWindow, qtbot: Any) -> None:
    assert help_actions(window) == ["Getting started", "Keyboard shortcuts",
                                    "About Funnel Desktop"]
    dlg = window.show_help(GUIDE)
    qtbot.addWidget(dlg)
    assert isinstance(dlg, HelpDialog) and dlg.tabs.currentIndex() == GUIDE
    text = dlg.guide.toPlainText()
    for title in ("The board", "Moving a deal", "Customers", "The analytics",
                  "The weekly report", "Undo", "Two people, one database", "Backups"):
        assert title in text
    # what happens when two people edit one deal, in the conflict question's own words
    for answer in ("Reload theirs", "Save mine over theirs", "Keep editing"):
        assert answer in text
    rows = {dlg.keys.topLevelItem(i).text(0): dlg.keys.topLevelItem(i).text(1)
            for i in range(dlg.keys.topLevelItemCount())}
    native = QKeySequence.SequenceFormat.NativeText
    assert rows["Deal ▸ Move to next stage"] == QKeySequence("Ctrl+Right").toString(native)
    assert rows["Reports ▸ Weekly report"] == QKeySequence("Ctrl+R").toString(native)
    assert rows["View ▸ Customers"] == QKeySequence("Ctrl+2").toString(native)
    assert "Ctrl+Z" in rows["Edit ▸ Undo"]
    assert rows["Help ▸ Getting started"] == ", ".join(k.toString(native) for k in (
        QKeySequence.keyBindings(QKeySequence.StandardKey.HelpContents)))  # F1 (and Help)
    # the list is the actions' own keys: a changed shortcut shows as changed
    act = next(a for a in window.findChildren(QAction) if plain(a.text()) == "Weekly report")
    act.setShortcut(QKeySequence("Ctrl+Shift+W"))
    again = window.show_help(SHORTCUTS)
    qtbot.addWidget(again)
    assert again.tabs.currentIndex() == SHORTCUTS
    found = again.keys.findItems("Reports ▸ Weekly report", Qt.MatchFlag.MatchExactly, 0)
    assert found[0].text(1) == QKeySequence("Ctrl+Shift+W").toString(native)


def test_the_guide_in_chinese(window: MainWindow, qtbot: Any) -> None:
    TRANSLATION.switch("zh")
    try:
        dlg = HelpDialog(window.menuBar())
        qtbot.addWidget(dlg)
        assert dlg.windowTitle() == "销售漏斗管家帮助"
        assert dlg.tabs.tabText(0) == "入门(&G)"
        text = dlg.guide.toPlainText()
        assert "看板" in text and "撤销" in text and "备份" in text
        assert "多人共用一个数据库" in text and "载入对方的版本" in text
        assert "入门" in text and "Drag" not in text and "board" not in text
    finally:
        TRANSLATION.switch("en")
