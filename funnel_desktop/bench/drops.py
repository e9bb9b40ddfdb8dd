"""A drop without a mouse: the drag-enter, drag-move and drop events a real drag sends,
delivered to a view's viewport (offscreen, ``QDrag.exec`` returns at once)."""

from __future__ import annotations

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QWidget

from ..ui.board.board_model import encode_ids


def send_drop(target: QWidget, ids: list[int]) -> bool:
    """Drop the app's mime data for ``ids`` near the top of ``target``; True if accepted."""
    data = encode_ids(ids)
    pos = QPointF(target.width() / 2, min(target.height() / 2, 40.0))
    actions = Qt.DropAction.MoveAction
    buttons, mods = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    for event in (QDragEnterEvent(pos.toPoint(), actions, data, buttons, mods),
                  QDragMoveEvent(pos.toPoint(), actions, data, buttons, mods)):
        QApplication.sendEvent(target, event)
        if not event.isAccepted():
            return False
    QApplication.sendEvent(target, QDropEvent(pos, actions, data, buttons, mods))
    return True
