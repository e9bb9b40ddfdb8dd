"""The banner an open form shows when somebody else changed what it is editing."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget


def when_text(at: datetime | None) -> str:
    """A stored (naive UTC) time as the local hour and minute, with the day when not today."""
    if at is None:
        return "?"
    local = at.replace(tzinfo=UTC).astimezone()
    return local.strftime("%H:%M") if local.date() == datetime.now().date() else \
        local.strftime("%Y-%m-%d %H:%M")


class ChangeBanner(QFrame):
    """"bob changed this deal at 10:42 …  [Reload]" above a form (hidden until needed)."""

    def __init__(self, reload: Callable[[], None], tooltip: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("changeBanner")
        lay = QHBoxLayout(self)
        lay.setContentsMargins(10, 6, 6, 6)
        self.text = QLabel()
        self.text.setTextFormat(Qt.TextFormat.PlainText)
        self.text.setWordWrap(True)
        lay.addWidget(self.text, 1)
        self.reload = QPushButton(self.tr("Reload"))
        self.reload.setToolTip(tooltip)
        self.reload.clicked.connect(reload)
        lay.addWidget(self.reload)
        self.hide()

    def say(self, text: str, reload: bool = True) -> None:
        self.text.setText(text)
        self.reload.setVisible(reload)
        self.show()
