"""Qt's own file dialog speaks Chinese whole: the labels Qt 6.11's catalogue lacks ("&Look in:",
"Files of &type:", the "Folder" type) come from the app's catalogue."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QFileDialog, QLabel

from funnel_desktop.i18n import Translation


@pytest.fixture
def chinese(qapp: QApplication) -> Iterator[None]:
    t = Translation()
    t.switch("zh")
    yield
    t.switch("en")


def test_the_file_dialog_labels_are_chinese(chinese: None, qtbot: object) -> None:
    dialog = QFileDialog(None, "x")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    texts = [label.text() for label in dialog.findChildren(QLabel)]
    assert texts == ["查找范围(&L)：", "文件名称(&N)：", "文件类型(&T)："]
    assert QCoreApplication.translate("QAbstractFileIconProvider", "Folder",
                                      "All other platforms") == "文件夹"
    dialog.deleteLater()
