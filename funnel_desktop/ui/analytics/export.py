"""Writing a chart card to PNG or SVG, and the tables behind charts as tab-separated text.

PNG: the card (title, legend, plot and the rule's footnote) rendered at twice its size.
SVG: pyqtgraph's SVGExporter fails on every plot with this Qt (``correctCoordinates`` cannot
parse Qt's path data; pyqtgraph #3495), so the card is drawn into a ``QSvgGenerator`` instead,
which keeps bars, lines and text as vectors. Both need the card to have a geometry (shown, or
resized), as pyqtgraph's ImageExporter does.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QPoint, QRect, QSize
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtSvg import QSvgGenerator
from PySide6.QtWidgets import QWidget

PNG_SCALE = 2


def file_stem(title: str) -> str:
    """A file name from a chart's title (letters, digits, CJK; others become ``-``)."""
    stem = re.sub(r"[^\w]+", "-", title, flags=re.UNICODE).strip("-").lower()
    return stem or "chart"


def _size(widget: QWidget) -> QSize:
    size = widget.size()
    if size.width() < 10 or size.height() < 10:
        size = widget.sizeHint().expandedTo(QSize(640, 360))
        widget.resize(size)
    return size


def save_png(widget: QWidget, path: Path, scale: int = PNG_SCALE) -> Path:
    """Render ``widget`` into a PNG at ``scale`` × its size; raises OSError if it cannot be
    written."""
    size = _size(widget)
    image = QImage(size * scale, QImage.Format.Format_ARGB32)
    image.setDevicePixelRatio(scale)
    image.fill(QColor("white"))
    painter = QPainter(image)
    try:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        widget.render(painter, QPoint(0, 0))
    finally:
        painter.end()
    # PySide6 takes the format as text here (its stubs say bytes, which it refuses)
    if not image.save(str(path), "PNG"):  # type: ignore[call-overload]
        raise OSError(f"cannot write {path}")
    return path


def save_svg(widget: QWidget, path: Path, title: str = "") -> Path:
    """Draw ``widget`` into an SVG file (vector shapes and text); raises OSError if it
    cannot be written."""
    size = _size(widget)
    with open(path, "wb"):  # QSvgGenerator reports no error: fail here if it cannot write
        pass
    gen = QSvgGenerator()
    gen.setFileName(str(path))
    gen.setSize(size)
    gen.setViewBox(QRect(0, 0, size.width(), size.height()))
    gen.setTitle(title or getattr(widget, "title", "") or "chart")
    painter = QPainter(gen)
    try:
        widget.render(painter, QPoint(0, 0))
    finally:
        painter.end()
    if not path.exists() or path.stat().st_size == 0:
        raise OSError(f"cannot write {path}")
    return path


def plain(value: object) -> str:
    """A cell for a spreadsheet: no thousands separators, tabs and newlines made spaces."""
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:.4f}".rstrip("0").rstrip(".")
    return re.sub(r"[\t\r\n]+", " ", str(value))


def money_cell(minor: int | float | None) -> str:
    """Minor units as a plain major-unit number (``12500`` or ``12500.5``)."""
    if minor is None:
        return ""
    return plain(round(minor / 100, 2)) if minor % 100 else str(int(minor // 100))


def rate_cell(rate: float | None) -> str:
    """A rate in [0, 1] as a percentage a spreadsheet reads (``42.5%``)."""
    return "" if rate is None else f"{rate * 100:.1f}%"


def tsv(rows: Sequence[Sequence[object]]) -> str:
    """Rows as tab-separated lines (the clipboard format spreadsheets paste)."""
    return "\n".join("\t".join(plain(c) for c in row) for row in rows) + ("\n" if rows else "")
