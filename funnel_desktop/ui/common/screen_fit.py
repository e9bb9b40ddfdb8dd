"""Windows and dialogs no larger than the screen they open on."""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget


def fit_to_screen(window: QWidget, wanted: QSize, share: float = 0.92,
                  grow: float = 0.0) -> QSize:
    """Resize ``window`` to ``wanted`` or, on a smaller screen, to ``share`` of the space the
    screen has for windows; with ``grow``, a bigger screen gives it that share of its space
    instead (a main window on a large monitor), centred. The size given."""
    screen = window.screen() if window.screen() is not None else \
        QGuiApplication.primaryScreen()
    size = QSize(wanted)
    if screen is not None:
        area = screen.availableGeometry()
        room = area.size()
        width = max(wanted.width(), int(room.width() * grow))
        height = max(wanted.height(), int(room.height() * grow))
        size = QSize(min(width, int(room.width() * share)),
                     min(height, int(room.height() * share)))
        if grow:
            window.move(area.x() + (room.width() - size.width()) // 2,
                        area.y() + (room.height() - size.height()) // 2)
    window.resize(size)
    return size
