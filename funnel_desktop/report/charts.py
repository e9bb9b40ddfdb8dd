"""Report charts painted with QPainter into high-resolution images (crisp on paper)."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QImage, QPainter, QPen

from ..locale_format import Formatter
from .data import FunnelRow, MonthLine

SCALE = 3  # pixels per layout point: 3× for print
FUNNEL_COLOURS = ("#2f6fb0", "#3f83c6", "#5597d6", "#6eabe2", "#88bdea", "#a3cef0", "#bddcf4")
WEIGHTED = QColor("#2f6fb0")
OVERDUE = QColor("#d9822b")
BAND = QColor("#1f2d3d")
TARGET = QColor("#c0392b")
TEXT = QColor("#1f2d3d")
MUTED = QColor("#6b7a8c")


def _canvas(width: int, height: int) -> tuple[QImage, QPainter]:
    image = QImage(width * SCALE, height * SCALE, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    painter.scale(SCALE, SCALE)
    return image, painter


def _font(size: float, bold: bool = False) -> QFont:
    f = QFont()
    f.setPointSizeF(size)
    f.setBold(bold)
    return f


def funnel_image(rows: list[FunnelRow], fmt: Formatter, width: int = 520,
                 row_height: int = 34) -> QImage:
    """A funnel: one centred bar per stage, width by count, with the conversion between."""
    height = max(1, len(rows)) * row_height + 10
    image, p = _canvas(width, height)
    label_w = 150
    bar_area = width - label_w - 150
    top = max((r.reached for r in rows), default=0) or 1
    for i, r in enumerate(rows):
        y = 5 + i * row_height
        share = max(0.06, r.reached / top) if r.reached else 0.06
        w = bar_area * share
        x = label_w + (bar_area - w) / 2
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(QColor(FUNNEL_COLOURS[min(i, len(FUNNEL_COLOURS) - 1)]))
        p.drawRoundedRect(QRectF(x, y + 3, w, row_height - 12), 3, 3)
        p.setPen(TEXT)
        p.setFont(_font(8.5, True))
        p.drawText(QRectF(0, y, label_w - 8, row_height - 6),
                   Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, r.name)
        p.setFont(_font(8))
        p.setPen(QColor("white") if w > 70 else TEXT)
        p.drawText(QRectF(x, y + 3, w, row_height - 12), Qt.AlignmentFlag.AlignCenter,
                   fmt.number(r.reached))
        p.setPen(TEXT)
        p.drawText(QRectF(label_w + bar_area + 8, y, 150, row_height - 6),
                   Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                   f"{fmt.number(r.count)} · {fmt.money(r.amount)}")
        if r.conversion is not None:
            p.setPen(MUTED)
            p.setFont(_font(7))
            p.drawText(QRectF(label_w, y + row_height - 12, bar_area, 12),
                       Qt.AlignmentFlag.AlignCenter, "↓ " + fmt.percent(r.conversion, 0))
    p.end()
    return image


def forecast_image(months: list[MonthLine], overdue: MonthLine, fmt: Formatter,
                   overdue_label: str, target: int | None = None, width: int = 520,
                   height: int = 190) -> QImage:
    """Bars of weighted value per month (overdue first, amber), P10–P90 whiskers and P50 tick,
    and a dashed target line."""
    image, p = _canvas(width, height)
    items = [(fmt.month(m.month) if m.month != "overdue" else "", m) for m in months]
    bars = [(None, overdue), *items]
    values = [m.weighted for _, m in bars] + [m.p90 or 0 for _, m in bars] + [target or 0]
    top = max(values) or 1
    left, bottom, right, ceiling = 70, height - 28, width - 10, 14
    plot_h = bottom - ceiling
    p.setPen(QPen(QColor("#d5dbe3"), 0.6))
    p.setFont(_font(7))
    for k in range(5):
        v = top * k / 4
        y = bottom - plot_h * k / 4
        p.drawLine(QPointF(left, y), QPointF(right, y))
        p.setPen(MUTED)
        p.drawText(QRectF(0, y - 7, left - 6, 14),
                   Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, fmt.money(v))
        p.setPen(QPen(QColor("#d5dbe3"), 0.6))
    slot = (right - left) / len(bars)
    for i, (label, m) in enumerate(bars):
        x = left + i * slot + slot * 0.25
        w = slot * 0.5
        h = plot_h * m.weighted / top
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(OVERDUE if label is None else WEIGHTED)
        p.drawRect(QRectF(x, bottom - h, w, h))
        if m.p10 is not None and m.p90 is not None:
            pen = QPen(BAND, 1.2)
            p.setPen(pen)
            cx = x + w / 2
            y10, y90 = bottom - plot_h * m.p10 / top, bottom - plot_h * m.p90 / top
            p.drawLine(QPointF(cx, y10), QPointF(cx, y90))
            p.drawLine(QPointF(cx - 5, y10), QPointF(cx + 5, y10))
            p.drawLine(QPointF(cx - 5, y90), QPointF(cx + 5, y90))
            if m.p50 is not None:
                y50 = bottom - plot_h * m.p50 / top
                p.drawLine(QPointF(cx - 8, y50), QPointF(cx + 8, y50))
        p.setPen(TEXT)
        p.setFont(_font(7.5))
        p.drawText(QRectF(left + i * slot, bottom + 3, slot, 12), Qt.AlignmentFlag.AlignCenter,
                   label if label is not None else overdue_label)
        p.setFont(_font(7))
        p.drawText(QRectF(left + i * slot, bottom - h - 13, slot, 12),
                   Qt.AlignmentFlag.AlignCenter, fmt.money(m.weighted))
    if target:
        y = bottom - plot_h * target / top
        pen = QPen(TARGET, 1.2, Qt.PenStyle.DashLine)
        p.setPen(pen)
        p.drawLine(QPointF(left, y), QPointF(right, y))
    p.end()
    return image
