"""Saying that a file was written: "Saved weekly-report.pdf  [Open] [Show in folder]" on a
line of a dialog or of the window's status bar."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import Qt, QTimer, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

#: How long the notice stays in a status bar, ms (it stays in a dialog).
STATUS_MS = 20_000


def open_file(path: Path) -> bool:
    """Open ``path`` in the program the system uses for it (tests replace this)."""
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


def show_in_folder(path: Path) -> bool:
    """Show ``path`` selected in the file manager where the system can, else its folder
    (tests replace this)."""
    try:
        if sys.platform == "win32":
            subprocess.Popen(["explorer", "/select,", str(path)])
            return True
        if sys.platform == "darwin":
            subprocess.Popen(["open", "-R", str(path)])
            return True
    except OSError:
        pass
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path.parent)))


class SavedNotice(QFrame):
    """A line saying a file was saved, with Open and Show in folder (hidden until
    :meth:`show_saved`); in a status bar it hides itself after a while."""

    def __init__(self, parent: QWidget | None = None, *, timeout_ms: int = 0) -> None:
        super().__init__(parent)
        self.setObjectName("savedNotice")
        self.path: Path | None = None
        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(6)
        self.text = QLabel()
        self.text.setObjectName("savedText")
        self.text.setTextFormat(Qt.TextFormat.PlainText)
        lay.addWidget(self.text, 1)
        self.open_button = QPushButton(self.tr("Open"))
        self.open_button.setObjectName("linkButton")
        self.open_button.setCursor(Qt.CursorShape.PointingHandCursor)
        self.open_button.clicked.connect(self.open)
        self.folder_button = QPushButton(self.tr("Show in folder"))
        self.folder_button.setObjectName("linkButton")
        self.folder_button.setCursor(Qt.CursorShape.PointingHandCursor)
        self.folder_button.clicked.connect(self.show_folder)
        lay.addWidget(self.open_button)
        lay.addWidget(self.folder_button)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.hide)
        self.timeout_ms = timeout_ms
        self.hide()

    def show_saved(self, path: Path | str, text: str = "", *, can_open: bool = True) -> None:
        """Say ``text`` (default "Saved <file name>") about the file at ``path``."""
        self.path = Path(path)
        self.text.setText(text or self.tr("Saved %1").replace("%1", self.path.name))
        self.text.setToolTip(str(self.path))
        self.open_button.setVisible(can_open)
        self.show()
        if self.timeout_ms:
            self._timer.start(self.timeout_ms)

    def open(self) -> None:
        if self.path is not None:
            open_file(self.path)

    def show_folder(self) -> None:
        if self.path is not None:
            show_in_folder(self.path)
