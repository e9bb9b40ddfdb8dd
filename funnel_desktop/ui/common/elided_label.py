"""A one-line label that gives way in a narrow window: it shows as much of its text as fits,
ending in "…", and the whole text as its tooltip (instead of wrapping to three lines and
clipping, or pushing its neighbours off the window)."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QPainter, QPaintEvent, QResizeEvent
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget


class ElidedLabel(QLabel):
    """Plain text on one line, elided at the right when it does not fit."""

    def __init__(self, text: str = "", parent: QWidget | None = None, *,
                 least: int = 40) -> None:
        super().__init__(parent)
        self._full = ""
        self._tip = ""
        self._least = least
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setWordWrap(False)
        # as wide as its text when there is room, down to ``least`` when there is not; one
        # line tall whatever room the layout has to give
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.setText(text)

    def setText(self, text: str) -> None:
        if text == self._full and text == self.text():
            return  # unchanged: no new layout, no repaint
        self._full = text
        super().setText(text)
        self._update_tip()

    def setToolTip(self, text: str) -> None:
        """A tooltip of its own (the whole text is added to it when elided)."""
        self._tip = text
        self._update_tip()

    def full_text(self) -> str:
        return self._full

    def is_elided(self) -> bool:
        return self.fontMetrics().horizontalAdvance(self._full) > self.contentsRect().width()

    def _update_tip(self) -> None:
        parts = [self._full] if self._full and self.is_elided() else []
        if self._tip:
            parts.append(self._tip)
        super().setToolTip("\n".join(parts))

    def minimumSizeHint(self) -> QSize:
        return QSize(self._least, super().minimumSizeHint().height())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._update_tip()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        rect = self.contentsRect()
        shown = self.fontMetrics().elidedText(self._full, Qt.TextElideMode.ElideRight,
                                              rect.width())
        align = self.alignment()
        if not align & Qt.AlignmentFlag.AlignVertical_Mask:
            align |= Qt.AlignmentFlag.AlignVCenter
        painter.setPen(self.palette().color(self.foregroundRole()))
        painter.drawText(rect, align, shown)
        painter.end()
