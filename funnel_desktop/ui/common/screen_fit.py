"""Windows and dialogs no larger than the screen they open on."""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget


def fit_to_screen(window: QWidget, wanted: QSize, share: float = 0.92) -> QSize:
    """Resize ``window`` to ``wanted`` or, on a smaller screen, to ``share`` of the space the
    screen has for windows; the size given."""
    screen = window.screen() if window.screen() is not None else \
        QGuiApplication.primaryScreen()
    size = QSize(wanted)
    if screen is not None:
        room = screen.availableGeometry().size()
        size = QSize(min(wanted.width(), int(room.width() * share)),
                     min(wanted.height(), int(room.height() * share)))
    window.resize(size)
    return size
