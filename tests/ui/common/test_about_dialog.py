"""Help ▸ About: the version, the database (a server's password never shown), the data
folder and the log folder, selectable, each with a button that opens its folder."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from funnel_desktop import __version__
from funnel_desktop.paths import data_dir, log_dir
from funnel_desktop.ui.common import folders
from funnel_desktop.ui.common.about_dialog import AboutDialog
from funnel_desktop.ui.main_window import MainWindow


def test_help_about_shows_where_everything_is(window: MainWindow, monkeypatch: pytest.MonkeyPatch,
                                              qtbot: Any) -> None:
    shown: list[AboutDialog] = []
    monkeypatch.setattr(AboutDialog, "exec", lambda self: shown.append(self) or 0)
    help_menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&Help")
    next(a for a in help_menu.actions() if a.text() == "&About Funnel Desktop").trigger()
    (dialog,) = shown
    assert dialog.version.text() == f"Version {__version__}"
    assert dialog.fields["database"].text() == window.opened.location
    assert dialog.fields["data"].text() == str(data_dir())
    assert dialog.fields["logs"].text() == str(log_dir())
    for label in dialog.fields.values():
        assert label.textInteractionFlags() & Qt.TextInteractionFlag.TextSelectableByMouse
    opened: list[Path] = []
    monkeypatch.setattr(folders, "open_folder", lambda path: opened.append(path) or True)
    for key in ("database", "data", "logs"):
        dialog.buttons[key].click()
    assert opened == [Path(window.opened.location).parent, data_dir(), log_dir()]


def test_a_server_database_is_shown_without_its_password(qapp: QApplication) -> None:
    dialog = AboutDialog("postgresql://ann:s3cret@db.local:5432/shop")
    assert dialog.fields["database"].text() == "postgresql://ann:***@db.local:5432/shop"
    assert "database" not in dialog.buttons  # no folder to open for a server
    texts = " ".join(w.text() for w in dialog.findChildren(type(dialog.version)))
    assert "s3cret" not in texts
    dialog.deleteLater()


def test_about_in_chinese(qapp: QApplication, tmp_path: Path) -> None:
    from funnel_desktop.i18n import language

    with language("zh"):
        dialog = AboutDialog(str(tmp_path / "shop.sqlite"))
    assert dialog.windowTitle() == "关于销售漏斗管家"
    assert dialog.version.text() == f"版本 {__version__}"
    assert dialog.buttons["logs"].text() == "打开文件夹"
    dialog.deleteLater()
