"""Words of Qt's own dialogs that Qt's Chinese catalogue (qtbase_zh_CN.qm of Qt 6.11) lacks:
Qt 6.11 added mnemonics to two labels of its file dialog ("&Look in:", "Files of &type:") and
its file-type column says "Folder" through a context the catalogue does not have, so a
Chinese file dialog was half English. Listed here, in Qt's own contexts, they are extracted and
translated with the app's texts, and Qt finds them in the app's catalogue."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

translate = QCoreApplication.translate


def qt_words() -> list[str]:
    """The texts, translated (the calls are what matters: lupdate reads them)."""
    return [
        translate("QFileDialog", "&Look in:"),
        translate("QFileDialog", "Files of &type:"),
        translate("QAbstractFileIconProvider", "Folder", "All other platforms"),
        translate("QAbstractFileIconProvider", "Drive"),
        translate("QAbstractFileIconProvider", "Unknown"),
    ]
