"""Paints deal cards in a board column (plain text only; nothing a user typed is markup)."""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable
from datetime import date

from PySide6.QtCore import (
    QCoreApplication,
    QEasingCurve,
    QModelIndex,
    QPersistentModelIndex,
    QRectF,
    QSize,
    Qt,
    QVariantAnimation,
)
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetrics,
    QPainter,
    QPainterPath,
    QPen,
    QPixmap,
)
from PySide6.QtWidgets import QAbstractItemView, QStyle, QStyledItemDelegate, QStyleOptionViewItem

from ..common import palette as P
from ..common.fmt import Formatter, avatar_colour, initials
from ..common.messages import priority_name
from .board_model import CardRole
from .cards import card_flags

CARD_HEIGHT = 80
MARGIN_X, MARGIN_Y = 6, 3
#: Rendered cards kept (about 75 KB each at 1×): the visible cards of every column and more.
RENDERED_CARDS = 160
#: How long a card just moved glows before it fades to its plain look, ms.
FLASH_MS = 1600

translate = QCoreApplication.translate



class CardDelegate(QStyledItemDelegate):
    """Draws one card: title and class; customer and priority; amount, expected close and the
    owner's initials; then the warnings (or the next step when all is well)."""

    def __init__(self, fmt: Formatter, today: Callable[[], date], parent=None) -> None:
        super().__init__(parent)
        self._fmt, self._today = fmt, today
        self._fonts: tuple[QFont, QFont, QFont, QFont] | None = None
        self._rendered: OrderedDict[tuple, QPixmap] = OrderedDict()  # least recent first
        #: Cards just moved (deal ids), drawn with a glow that fades out (1 → 0).
        self.flashing: set[int] = set()
        self.glow = 0.0
        self._views: list[QAbstractItemView] = []
        self._fade = QVariantAnimation(self)
        self._fade.setDuration(FLASH_MS)
        self._fade.setStartValue(1.0)
        self._fade.setEndValue(0.0)
        self._fade.setEasingCurve(QEasingCurve.Type.InQuad)
        self._fade.valueChanged.connect(self._faded)
        self._fade.finished.connect(self._flash_done)

    # -- the glow of moved cards ------------------------------------------------------------
    def flash(self, ids: list[int], view: QAbstractItemView) -> None:
        """Let the cards of ``ids`` in ``view`` glow for a moment (after a drop or a move)."""
        self._fade.stop()
        self._repaint()
        self.flashing = set(ids)
        self._views = [view]
        self.glow = 1.0
        self._fade.start()
        self._repaint()

    def _faded(self, value: object) -> None:
        self.glow = float(value)  # type: ignore[arg-type]
        self._repaint()

    def _flash_done(self) -> None:
        self.flashing, self.glow = set(), 0.0
        self._repaint()
        self._views = []

    def _repaint(self) -> None:
        for view in self._views:
            view.viewport().update()

    def _font_set(self, base: QFont) -> tuple[QFont, QFont, QFont, QFont]:
        if self._fonts is None or self._fonts[1] != base:
            title = QFont(base)
            title.setBold(True)
            small = QFont(base)
            small.setPointSizeF(max(7.0, base.pointSizeF() * 0.88))
            badge = QFont(small)
            badge.setBold(True)
            self._fonts = (title, QFont(base), small, badge)
        return self._fonts

    def sizeHint(self, option: QStyleOptionViewItem,
                 index: QModelIndex | QPersistentModelIndex) -> QSize:
        return QSize(220, CARD_HEIGHT + 2 * MARGIN_Y)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        """Draw the card from the cache of rendered cards (rendered once per look: a drop or
        a scroll repaints mostly cards that did not change, ten times faster this way)."""
        card = index.data(CardRole)
        if card is None:
            return
        today = self._today()
        flags = card_flags(card, today)
        state = option.state & (QStyle.StateFlag.State_Selected
                                | QStyle.StateFlag.State_MouseOver)
        rect = option.rect
        ratio = painter.device().devicePixelRatioF()
        key = (card, flags, today, state.value, rect.width(), rect.height(), ratio,
               option.font.key(), self._fmt.currency, getattr(self._fmt, "wan", None))
        pixmap = self._rendered.get(key)
        if pixmap is None:
            pixmap = QPixmap(round(rect.width() * ratio), round(rect.height() * ratio))
            pixmap.setDevicePixelRatio(ratio)
            pixmap.fill(Qt.GlobalColor.transparent)
            p = QPainter(pixmap)
            self._draw(p, QRectF(0, 0, rect.width(), rect.height()), option, card, flags, today)
            p.end()
            self._rendered[key] = pixmap
            if len(self._rendered) > RENDERED_CARDS:
                self._rendered.popitem(last=False)
        else:
            self._rendered.move_to_end(key)
        painter.drawPixmap(rect.topLeft(), pixmap)
        if self.glow > 0 and card.id in self.flashing:
            self._draw_glow(painter, QRectF(rect))

    def _draw_glow(self, painter: QPainter, box: QRectF) -> None:
        """A ring and a wash in the accent colour over a card just moved (not cached)."""
        r = box.adjusted(MARGIN_X - 1, MARGIN_Y - 1, -MARGIN_X + 1, -MARGIN_Y + 1)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        ring = QColor(P.ACCENT)
        ring.setAlphaF(0.9 * self.glow)
        wash = QColor(P.ACCENT)
        wash.setAlphaF(0.16 * self.glow)
        painter.setPen(QPen(ring, 2.4))
        painter.setBrush(wash)
        painter.drawRoundedRect(r, 7, 7)
        painter.restore()

    def _draw(self, painter: QPainter, box: QRectF, option: QStyleOptionViewItem, card,
              flags, today: date) -> None:
        title_f, _body_f, small_f, badge_f = self._font_set(option.font)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        hover = bool(option.state & QStyle.StateFlag.State_MouseOver)
        r = box.adjusted(MARGIN_X, MARGIN_Y, -MARGIN_X, -MARGIN_Y)

        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        # shadow, card, accent
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(15, 23, 42, 18))
        painter.drawRoundedRect(r.translated(0, 1.2), 6, 6)
        painter.setBrush(P.ACCENT_SOFT if selected else P.CARD)
        border = P.ACCENT if selected else (QColor("#c7cdd6") if hover else P.LINE)
        painter.setPen(QPen(border, 1.4 if selected else 1.0))
        painter.drawRoundedRect(r, 6, 6)
        accent = P.DANGER if flags.severe else P.WARN if flags.warning else None
        if accent is not None:
            path = QPainterPath()
            path.addRoundedRect(r, 6, 6)
            painter.setClipPath(path)
            painter.fillRect(QRectF(r.left(), r.top(), 4, r.height()), accent)
            painter.setClipping(False)

        left, right = r.left() + 12, r.right() - 9
        y = r.top() + 7

        # line 1: title · class badge
        badge_w = 0.0
        if card.customer_class:
            fg, bg = P.CLASS_COLOURS.get(card.customer_class, ("#4b5563", "#eceef1"))
            badge_w = 20
            box = QRectF(right - badge_w, y + 1, badge_w, 16)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(bg))
            painter.drawRoundedRect(box, 4, 4)
            painter.setFont(badge_f)
            painter.setPen(QColor(fg))
            painter.drawText(box, Qt.AlignmentFlag.AlignCenter, card.customer_class)
        painter.setFont(title_f)
        painter.setPen(P.INK)
        fm = QFontMetrics(title_f)
        width = int(right - left - badge_w - 6)
        painter.drawText(QRectF(left, y, width, 18),
                         Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                         fm.elidedText(card.title, Qt.TextElideMode.ElideRight, width))
        y += 18

        # line 2: customer · priority
        painter.setFont(small_f)
        fm_small = QFontMetrics(small_f)
        prio_w = 0
        if card.priority in ("high", "low"):
            text = ("▲ " if card.priority == "high" else "▼ ") + priority_name(card.priority)
            prio_w = fm_small.horizontalAdvance(text) + 2
            painter.setPen(QColor("#b45309") if card.priority == "high" else P.FAINT)
            painter.drawText(QRectF(right - prio_w, y, prio_w, 16),
                             Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, text)
        painter.setPen(P.MUTED)
        width = int(right - left - prio_w - 6)
        painter.drawText(QRectF(left, y, width, 16),
                         Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                         fm_small.elidedText(card.customer_name or translate(
                             "CardDelegate", "No customer"),
                                             Qt.TextElideMode.ElideRight, width))
        y += 18

        # line 3: amount · expected close · owner
        avatar = 20.0
        if card.owner_name:
            circle = QRectF(right - avatar, y, avatar, avatar)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(avatar_colour(card.owner_name)))
            painter.drawEllipse(circle)
            painter.setFont(badge_f)
            painter.setPen(QColor("#ffffff"))
            painter.drawText(circle, Qt.AlignmentFlag.AlignCenter, initials(card.owner_name))
        painter.setFont(title_f)
        painter.setPen(P.INK)
        amount = self._fmt.money(card.amount)
        aw = QFontMetrics(title_f).horizontalAdvance(amount)
        painter.drawText(QRectF(left, y, aw + 2, avatar),
                         Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, amount)
        painter.setFont(small_f)
        painter.setPen(P.DANGER if flags.close_passed else P.MUTED)
        when = "◷ " + self._fmt.day_short(card.expected_close, today)
        painter.drawText(QRectF(left + aw + 12, y, right - left - aw - avatar - 14, avatar),
                         Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, when)
        y += avatar + 1

        # line 4: warnings, or the next step
        self._draw_flags(painter, card, flags, QRectF(left, y, right - left, 15), fm_small)
        painter.restore()

    def _draw_flags(self, painter: QPainter, card, flags, box: QRectF,
                    fm: QFontMetrics) -> None:
        items: list[tuple[QColor, str]] = []
        if flags.rotting:
            items.append((P.DANGER, translate(
                "CardDelegate", "Idle %1 days").replace("%1", self._fmt.count(flags.idle))))
        if flags.close_passed:
            items.append((P.DANGER, translate("CardDelegate", "Close date passed")))
        if flags.next_step_missing:
            items.append((P.WARN, translate("CardDelegate", "No next step")))
        elif flags.next_step_overdue:
            items.append((P.WARN, translate("CardDelegate", "Next step overdue")))
        x = box.left()
        if not items:
            text = "→ " + card.next_step
            if card.next_step_due is not None:
                text += "  · " + self._fmt.day_short(card.next_step_due, self._today())
            painter.setPen(P.MUTED)
            painter.drawText(box, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                             fm.elidedText(text, Qt.TextElideMode.ElideRight, int(box.width())))
            return
        for colour, text in items:
            w = fm.horizontalAdvance(text)
            if x + 10 + w > box.right():
                text = fm.elidedText(text, Qt.TextElideMode.ElideRight, int(box.right() - x - 10))
                w = fm.horizontalAdvance(text)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QBrush(colour))
            painter.drawEllipse(QRectF(x, box.center().y() - 3, 6, 6))
            painter.setPen(colour)
            painter.drawText(QRectF(x + 9, box.top(), w + 2, box.height()),
                             Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, text)
            x += 9 + w + 10
            if x >= box.right() - 20:
                break
