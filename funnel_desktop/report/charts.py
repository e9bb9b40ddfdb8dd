"""Report charts painted with QPainter into high-resolution images (crisp on paper).

Each chart is first laid out as plain rectangles (:func:`funnel_layout`,
:func:`forecast_layout`) and then painted from them, so that a test can check that no value
label runs into a whisker, a line or another label."""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QImage, QPainter, QPen

from ..core.weekly_report import FunnelRow, MonthLine
from ..locale_format import Formatter

SCALE = 3  # pixels per layout point: 3× for print
FUNNEL_COLOURS = ("#2f6fb0", "#3f83c6", "#5597d6", "#6eabe2", "#88bdea", "#a3cef0", "#bddcf4")
WEIGHTED = QColor("#2f6fb0")
OVERDUE = QColor("#d9822b")
BAND = QColor("#1f2d3d")
TARGET = QColor("#c0392b")
TEXT = QColor("#1f2d3d")
MUTED = QColor("#6b7a8c")
LEGEND_H = 16.0  # a row of the legend above a chart
GAP = 2.0  # between a label and what it must not touch


def _canvas(width: int, height: int) -> tuple[QImage, QPainter]:
    image = QImage(int(width * SCALE), int(height * SCALE),
                   QImage.Format.Format_ARGB32_Premultiplied)
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


def _text_rect(font: QFont, text: str, *, centre_x: float, bottom: float) -> QRectF:
    """The box ``text`` needs in ``font``, centred on ``centre_x`` and sitting on ``bottom``
    (layout points; the image is painted at 72 points per inch, like the fonts)."""
    m = QFontMetricsF(font)
    w, h = m.horizontalAdvance(text) + 2, m.height()
    return QRectF(centre_x - w / 2, bottom - h, w, h)


@dataclass(slots=True)
class Legend:
    """The legend row: a swatch (solid, dashed or a whisker) and its words, left to right."""

    items: list[tuple[str, QColor, str, QRectF, QRectF]] = field(default_factory=list)
    # (style: solid / dash / whisker, colour, text, swatch rect, text rect)
    width: float = 0.0
    height: float = 0.0


def legend_layout(entries: list[tuple[str, QColor, str]], width: float, font: QFont
                  ) -> Legend:
    """The legend's boxes from the left edge, row after row of :data:`LEGEND_H` as the
    words need (an entry never runs past ``width`` unless it is wider than it alone)."""
    m = QFontMetricsF(font)
    x, y = 0.0, 0.0
    out = Legend(width=width)
    for style, colour, text in entries:
        tw = m.horizontalAdvance(text) + 2
        if x > 0 and x + 18 + tw > width:
            x, y = 0.0, y + LEGEND_H
        swatch = QRectF(x, y + 4, 14, 8)
        words = QRectF(x + 18, y + (LEGEND_H - m.height()) / 2, tw, m.height())
        out.items.append((style, colour, text, swatch, words))
        x = words.right() + 14
    out.height = y + LEGEND_H if entries else 0.0
    return out


def legend_fits(legend: Legend) -> bool:
    """Whether every entry of the legend is inside its chart's width."""
    return all(words.right() <= legend.width for *_rest, words in legend.items)


def _paint_legend(p: QPainter, legend: Legend, font: QFont) -> None:
    p.setFont(font)
    for style, colour, text, swatch, words in legend.items:
        if style == "solid":
            p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(colour)
            p.drawRect(swatch)
        elif style == "dash":
            p.setPen(QPen(colour, 1.2, Qt.PenStyle.DashLine))
            p.drawLine(QPointF(swatch.left(), swatch.center().y()),
                       QPointF(swatch.right(), swatch.center().y()))
        else:  # a whisker with its P50 tick
            p.setPen(QPen(colour, 1.2))
            cx = swatch.center().x()
            p.drawLine(QPointF(cx, swatch.top() - 2), QPointF(cx, swatch.bottom() + 2))
            p.drawLine(QPointF(cx - 4, swatch.top() - 2), QPointF(cx + 4, swatch.top() - 2))
            p.drawLine(QPointF(cx - 4, swatch.bottom() + 2), QPointF(cx + 4, swatch.bottom() + 2))
            p.drawLine(QPointF(cx - 6, swatch.center().y()), QPointF(cx + 6, swatch.center().y()))
        p.setPen(TEXT)
        p.drawText(words, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, text)


# -- the funnel ----------------------------------------------------------------------------
@dataclass(slots=True)
class FunnelLayout:
    width: float
    height: float
    legend: Legend
    bars: list[QRectF]
    names: list[QRectF]
    bar_labels: list[QRectF]
    now_labels: list[QRectF]
    steps: list[QRectF]  # the conversion under each bar ("↓ 46%")


def funnel_layout(rows: list[FunnelRow], legend: list[tuple[str, QColor, str]],
                  width: int = 520, row_height: int = 34) -> FunnelLayout:
    """Where the funnel's parts go: one centred bar per stage, width by deals reached, its
    name on the left, the deals in it now on the right, the conversion under it."""
    key = legend_layout(legend, width, _font(7.5))
    top_y = key.height + 6
    height = top_y + max(1, len(rows)) * row_height + 4
    label_w, now_w = 150.0, 150.0
    bar_area = width - label_w - now_w
    top = max((r.reached for r in rows), default=0) or 1
    out = FunnelLayout(width, height, key, [], [], [], [], [])
    for i, r in enumerate(rows):
        y = top_y + i * row_height
        share = max(0.06, r.reached / top) if r.reached else 0.06
        w = bar_area * share
        x = label_w + (bar_area - w) / 2
        out.bars.append(QRectF(x, y + 3, w, row_height - 14))
        out.names.append(QRectF(0, y, label_w - 8, row_height - 8))
        out.bar_labels.append(QRectF(x, y + 3, w, row_height - 14))
        out.now_labels.append(QRectF(label_w + bar_area + 8, y, now_w - 8, row_height - 8))
        out.steps.append(QRectF(label_w, y + row_height - 11, bar_area, 10))
    return out


def funnel_image(rows: list[FunnelRow], fmt: Formatter, reached_words: str, now_words: str,
                 width: int = 520, row_height: int = 34) -> QImage:
    """A funnel: one centred bar per stage, width by the deals of the cohort that reached
    it, with the conversion under it; on the right the deals in the stage now. The legend
    names both (``reached_words``, ``now_words``)."""
    legend = [("solid", QColor(FUNNEL_COLOURS[0]), reached_words),
              ("solid", QColor("#d5dbe3"), now_words)]
    lay = funnel_layout(rows, legend, width, row_height)
    image, p = _canvas(int(lay.width), int(lay.height))
    _paint_legend(p, lay.legend, _font(7.5))
    for i, r in enumerate(rows):
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(QColor(FUNNEL_COLOURS[min(i, len(FUNNEL_COLOURS) - 1)]))
        p.drawRoundedRect(lay.bars[i], 3, 3)
        p.setPen(TEXT)
        p.setFont(_font(8.5, True))
        p.drawText(lay.names[i], Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                   r.name)
        p.setFont(_font(8))
        p.setPen(QColor("white") if lay.bars[i].width() > 70 else TEXT)
        p.drawText(lay.bar_labels[i], Qt.AlignmentFlag.AlignCenter, fmt.number(r.reached))
        now = lay.now_labels[i]
        p.setBrush(QColor("#eef3f8"))
        p.setPen(Qt.PenStyle.NoPen)
        p.drawRoundedRect(QRectF(now.left() - 4, now.top() + 3, now.width(), now.height() - 6),
                          2, 2)
        p.setPen(TEXT)
        p.drawText(now, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                   f"{fmt.number(r.count)} · {fmt.money(r.amount)}")
        if r.conversion is not None:
            p.setPen(MUTED)
            p.setFont(_font(7))
            p.drawText(lay.steps[i], Qt.AlignmentFlag.AlignCenter,
                       "↓ " + fmt.percent(r.conversion, 0))
    p.end()
    return image


# -- the forecast --------------------------------------------------------------------------
@dataclass(slots=True)
class ForecastLayout:
    width: float
    height: float
    legend: Legend
    plot: QRectF  # the plot area (bars grow up from its bottom)
    top_value: float  # the value at the plot's top
    bars: list[QRectF]
    whiskers: list[QRectF | None]  # P10 … P90, with the end ticks' width
    medians: list[QLineF | None]
    values: list[QRectF]  # the value label of each bar
    axis: list[QRectF]  # the month under each bar
    target: QLineF | None
    texts: list[str] = field(default_factory=list)


def forecast_layout(months: list[MonthLine], overdue: MonthLine, fmt: Formatter,
                    legend: list[tuple[str, QColor, str]], target: int | None = None,
                    width: int = 520, height: int = 200) -> ForecastLayout:
    """Where the forecast's parts go: bars of weighted value per month (overdue first), the
    P10–P90 whisker and P50 tick, the dashed target line, and each bar's value label just
    above whatever of its bar and whisker reaches higher — moved above the target line when
    it would sit on it — with room kept at the top for the highest label."""
    font = _font(7)
    key = legend_layout(legend, width, _font(7.5))
    bars_in = [overdue, *months]
    label_h = QFontMetricsF(font).height()
    left, right = 70.0, width - 10.0
    top_y = key.height + 6 + label_h + GAP * 2  # room for a label above the highest thing
    bottom = height - 28.0
    values = [m.weighted for m in bars_in] + [m.p90 or 0 for m in bars_in] + [target or 0]
    top = float(max(values) or 1)
    plot = QRectF(left, top_y, right - left, bottom - top_y)

    def y_of(v: float) -> float:
        return bottom - plot.height() * v / top

    target_line = QLineF(left, y_of(target), right, y_of(target)) if target else None
    out = ForecastLayout(width, height, key, plot, top, [], [], [], [], [], target_line)
    slot = plot.width() / len(bars_in)
    for i, m in enumerate(bars_in):
        x = left + i * slot + slot * 0.25
        w = slot * 0.5
        bar = QRectF(x, y_of(m.weighted), w, bottom - y_of(m.weighted))
        out.bars.append(bar)
        cx = x + w / 2
        whisker = median = None
        highest = bar.top()
        if m.p10 is not None and m.p90 is not None:
            whisker = QRectF(cx - 5, y_of(m.p90), 10, y_of(m.p10) - y_of(m.p90))
            highest = min(highest, whisker.top())
            if m.p50 is not None:
                median = QLineF(cx - 8, y_of(m.p50), cx + 8, y_of(m.p50))
        out.whiskers.append(whisker)
        out.medians.append(median)
        text = fmt.money(m.weighted)
        label = _text_rect(font, text, centre_x=cx, bottom=highest - GAP)
        if target_line is not None and label.top() - GAP <= target_line.y1() <= \
                label.bottom() + GAP:
            label = _text_rect(font, text, centre_x=cx,
                               bottom=min(highest, target_line.y1()) - GAP * 2)
        out.values.append(label)
        out.texts.append(text)
        out.axis.append(QRectF(left + i * slot, bottom + 3, slot, 12))
    return out


def forecast_image(months: list[MonthLine], overdue: MonthLine, fmt: Formatter,
                   overdue_label: str, target: int | None = None, *,
                   legend_words: tuple[str, str, str, str] = ("", "", "", ""),
                   width: int = 520, height: int = 200) -> QImage:
    """Bars of weighted value per month (overdue first, amber), P10–P90 whiskers and the P50
    tick, a dashed target line, and a legend (``legend_words``: weighted, overdue, P10–P90,
    target)."""
    weighted_w, overdue_w, band_w, target_w = legend_words
    legend = [("solid", WEIGHTED, weighted_w), ("solid", OVERDUE, overdue_w)]
    if any(m.p10 is not None for m in months):
        legend.append(("whisker", BAND, band_w))
    if target:
        legend.append(("dash", TARGET, target_w))
    lay = forecast_layout(months, overdue, fmt, [e for e in legend if e[2]], target, width,
                          height)
    image, p = _canvas(int(lay.width), int(lay.height))
    _paint_legend(p, lay.legend, _font(7.5))
    plot = lay.plot
    p.setFont(_font(7))
    for k in range(5):
        v = lay.top_value * k / 4
        y = plot.bottom() - plot.height() * k / 4
        p.setPen(QPen(QColor("#d5dbe3"), 0.6))
        p.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
        p.setPen(MUTED)
        p.drawText(QRectF(0, y - 7, plot.left() - 6, 14),
                   Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, fmt.money(v))
    names = [overdue_label] + [fmt.month(m.month) for m in months]
    for i, bar in enumerate(lay.bars):
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(OVERDUE if i == 0 else WEIGHTED)
        p.drawRect(bar)
        whisker = lay.whiskers[i]
        if whisker is not None:
            p.setPen(QPen(BAND, 1.2))
            cx = whisker.center().x()
            p.drawLine(QPointF(cx, whisker.top()), QPointF(cx, whisker.bottom()))
            p.drawLine(QPointF(whisker.left(), whisker.top()),
                       QPointF(whisker.right(), whisker.top()))
            p.drawLine(QPointF(whisker.left(), whisker.bottom()),
                       QPointF(whisker.right(), whisker.bottom()))
            median = lay.medians[i]
            if median is not None:
                p.drawLine(median)
        p.setPen(TEXT)
        p.setFont(_font(7.5))
        p.drawText(lay.axis[i], Qt.AlignmentFlag.AlignCenter, names[i])
        p.setFont(_font(7))
        p.drawText(lay.values[i], Qt.AlignmentFlag.AlignCenter, lay.texts[i])
    if lay.target is not None:
        p.setPen(QPen(TARGET, 1.2, Qt.PenStyle.DashLine))
        p.drawLine(lay.target)
    p.end()
    return image
