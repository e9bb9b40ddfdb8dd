"""Help ▸ About: the version, the database (a server's password masked), the data folder
and the log folder, each selectable and with a button that opens its folder."""

from __future__ import annotations

import platform
from pathlib import Path

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import Qt, qVersion
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ... import __version__
from ...paths import data_dir, log_dir
from ...store.db import is_url, mask_url
from . import folders


def runtime_line() -> str:
    """Python, Qt and PySide versions and the system, as one line (also in crash details)."""
    return (f"Python {platform.python_version()} · Qt {qVersion()} · PySide6 {pyside_version}"
            f" · {platform.system()} {platform.release()} ({platform.machine()})")


class AboutDialog(QDialog):
    """What this program is and where its files are."""

    def __init__(self, location: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("About Funnel Desktop"))
        self.setObjectName("aboutDialog")
        title = QLabel(self.tr("Funnel Desktop (销售漏斗管家)"))
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        title.setFont(font)
        self.version = QLabel(self.tr("Version %1").replace("%1", __version__))
        self.version.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        blurb = QLabel(self.tr("An offline sales-funnel manager: one program and one database "
                               "file, no account, no server, no internet."))
        blurb.setWordWrap(True)
        grid = QGridLayout()
        grid.setColumnStretch(1, 1)
        self.fields: dict[str, QLabel] = {}
        self.buttons: dict[str, QPushButton] = {}
        shown = mask_url(location)
        server = is_url(location)
        rows = (("database", self.tr("Database"), shown,
                 None if server else Path(location).expanduser().parent),
                ("data", self.tr("Data folder"), str(data_dir()), data_dir()),
                ("logs", self.tr("Log folder"), str(log_dir()), log_dir()))
        for row, (key, name, text, folder) in enumerate(rows):
            grid.addWidget(QLabel(name), row, 0)
            value = QLabel(text)
            value.setTextFormat(Qt.TextFormat.PlainText)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            value.setWordWrap(True)
            value.setMinimumWidth(360)
            grid.addWidget(value, row, 1)
            self.fields[key] = value
            if folder is not None:
                button = QPushButton(self.tr("Open folder"))
                button.clicked.connect(lambda _=False, f=folder: folders.open_folder(f))
                grid.addWidget(button, row, 2)
                self.buttons[key] = button
        runtime = QLabel(runtime_line())
        runtime.setObjectName("fieldCaption")
        runtime.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        runtime.setWordWrap(True)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addWidget(title)
        lay.addWidget(self.version)
        lay.addWidget(blurb)
        lay.addSpacing(8)
        lay.addLayout(grid)
        lay.addSpacing(8)
        lay.addWidget(runtime)
        lay.addWidget(close)


def show_about(parent: QWidget | None, location: str) -> None:
    AboutDialog(location, parent).exec()
