"""The chart card every Analytics chart sits in: title, legend, a pyqtgraph plot (items created
once, updated with setData / setOpts), the rule and period as a footnote, hover tooltips, and
a right-click menu to save the chart as PNG or SVG or copy the table behind it."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication, QPointF, Qt, Signal
from PySide6.QtGui import QColor, QCursor, QFont, QFontMetrics, QGuiApplication
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QMenu,
    QSizePolicy,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from ..common import ask
from ..common.fmt import Formatter
from . import export

#: Colours with one meaning each across the charts.
WON = QColor("#16a34a")
LOST = QColor("#9ca3af")
OPEN = QColor("#2563eb")  # open pipeline, weighted forecast
OPEN_SOFT = QColor("#93c5fd")
OVERDUE = QColor("#dc2626")
TARGET = QColor("#d97706")  # targets and ideal conversions
PREVIOUS = QColor("#cbd5e1")  # the previous period
BAND = QColor(37, 99, 235, 45)  # P10–P90
MEDIAN = QColor("#1e3a8a")
INK = QColor("#1f2937")
MUTED = QColor("#6b7280")
GRID = QColor("#e5e7eb")

pg.setConfigOptions(antialias=True, background="w", foreground="#374151")


def mk_pen(colour: QColor | str, width: float = 1.5, dash: bool = False) -> pg.QtGui.QPen:
    pen = pg.mkPen(QColor(colour), width=width)
    if dash:
        pen.setStyle(Qt.PenStyle.DashLine)
    return pen


def swatch(colour: QColor, text: str, kind: str = "box") -> str:
    """A legend entry as rich text (``text`` is one of our own translated strings)."""
    mark = {"box": "■", "line": "━", "dash": "┅", "band": "▇", "whisker": "┿",
            "dot": "●"}[kind]
    return (f'<span style="color:{colour.name()}">{mark}</span>&nbsp;'
            f'<span style="color:#4b5563">{text}</span>')


def popup(menu: QMenu) -> None:
    """Show a context menu at the mouse (tests replace this, as they do ``ask``)."""
    menu.exec(QCursor.pos())


class MoneyAxis(pg.AxisItem):
    """An axis of money in major units, labelled with the app's format (¥50万 in Chinese);
    :meth:`set_money` (False) turns it into an axis of whole counts."""

    def __init__(self, fmt: Formatter, orientation: str = "left") -> None:
        super().__init__(orientation)
        self.fmt = fmt
        self.money = True
        self.enableAutoSIPrefix(False)

    def set_money(self, money: bool) -> None:
        if money != self.money:
            self.money = money
            self.picture = None
            self.update()

    def tickValues(self, minVal: float, maxVal: float, size: float) -> list:
        levels = super().tickValues(minVal, maxVal, size)
        if self.money:
            return levels
        return [(max(spacing, 1.0), [v for v in values if float(v).is_integer()])
                for spacing, values in levels]

    def tickStrings(self, values: Sequence[float], scale: float, spacing: float) -> list[str]:
        if not self.money:
            return [f"{v:,.0f}" for v in values]
        return [self.fmt.money(round(v * 100)) for v in values]

    def fit_to(self, top: float) -> None:
        """Make room for the labels of a range up to ``top`` (major units, or a count)."""
        samples = [top, top * 0.75, top * 0.55, -top if top < 0 else 0]
        fit_width(self, [self.fmt.money(round(v * 100)) if self.money else f"{v:,.0f}"
                         for v in samples])


class PercentAxis(pg.AxisItem):
    """An axis of rates given in percent (0–100)."""

    def __init__(self, orientation: str = "left") -> None:
        super().__init__(orientation)
        self.enableAutoSIPrefix(False)

    def tickStrings(self, values: Sequence[float], scale: float, spacing: float) -> list[str]:
        return [f"{v:.0f}%" for v in values]


class CountAxis(pg.AxisItem):
    """An axis of whole counts or days (no fractions, no SI prefixes)."""

    def __init__(self, orientation: str = "left") -> None:
        super().__init__(orientation)
        self.enableAutoSIPrefix(False)

    def tickValues(self, minVal: float, maxVal: float, size: float) -> list:
        levels = super().tickValues(minVal, maxVal, size)
        return [(max(spacing, 1.0), [v for v in values if float(v).is_integer()])
                for spacing, values in levels]

    def tickStrings(self, values: Sequence[float], scale: float, spacing: float) -> list[str]:
        return [f"{v:,.0f}" for v in values]


def style_axis(axis: pg.AxisItem, font: QFont) -> None:
    axis.setPen(pg.mkPen(GRID))
    axis.setTextPen(pg.mkPen(MUTED))
    axis.setTickPen(pg.mkPen(GRID))
    axis.setTickFont(font)
    axis.setStyle(tickTextOffset=6, tickLength=-4)


def category_ticks(axis: pg.AxisItem, labels: Sequence[tuple[float, str]]) -> None:
    """Fixed labels at fixed positions (stages, months, bands); a vertical axis is made wide
    enough for the longest label."""
    axis.setTicks([list(labels), []])
    if axis.orientation in ("left", "right"):
        fit_width(axis, [text for _x, text in labels])


def fit_width(axis: pg.AxisItem, texts: Sequence[str], limit: int = 220) -> None:
    """Give a vertical axis room for ``texts`` at once (pyqtgraph would only widen it on a
    later paint, leaving labels out of the first picture)."""
    metrics = QFontMetrics(axis.style["tickFont"] or QFont())
    widest = max((metrics.horizontalAdvance(t) for t in texts), default=0)
    axis.setWidth(min(limit, widest + 14))


class Card(QFrame):
    """A titled card: a header (title, the rule behind an ⓘ, controls), a legend line, a body
    and a footnote with the period and rule; right-click saves it as PNG or SVG or copies the
    table behind it. Subclasses answer :meth:`table` (header first).

    Signals:
        saved(str): after the card was written to a file (the path).
    """

    saved = Signal(str)

    def __init__(self, fmt: Formatter, title: str, rule: str, parent: QWidget | None = None
                 ) -> None:
        super().__init__(parent)
        self.setObjectName("chartCard")
        self.fmt = fmt
        self.title = title
        self.rule = rule
        lay = QVBoxLayout(self)
        lay.setContentsMargins(14, 10, 14, 10)
        lay.setSpacing(4)
        head = QHBoxLayout()
        head.setSpacing(8)
        self.title_label = QLabel(title)
        self.title_label.setObjectName("chartTitle")
        head.addWidget(self.title_label)
        self.info = QLabel("ⓘ")
        self.info.setObjectName("ruleMark")
        self.info.setToolTip(rule)
        head.addWidget(self.info)
        head.addStretch(1)
        self.controls = QHBoxLayout()
        self.controls.setSpacing(6)
        head.addLayout(self.controls)
        lay.addLayout(head)
        #: The chart's key figures on a line of their own (see :meth:`add_summary`): beside
        #: the title they pushed the controls out of a narrow window.
        self.summary_line = QLabel()
        self.summary_line.setObjectName("chartSummary")
        self.summary_line.setWordWrap(True)
        self.summary_line.setTextFormat(Qt.TextFormat.PlainText)
        self.summary_line.hide()
        lay.addWidget(self.summary_line)
        self.legend = QLabel()
        self.legend.setObjectName("chartLegend")
        self.legend.setTextFormat(Qt.TextFormat.RichText)
        self.legend.hide()
        lay.addWidget(self.legend)
        self.body = QVBoxLayout()
        self.body.setSpacing(4)
        lay.addLayout(self.body, 1)
        self.footnote = QLabel()
        self.footnote.setObjectName("chartNote")
        self.footnote.setWordWrap(True)
        self.footnote.setTextFormat(Qt.TextFormat.PlainText)
        lay.addWidget(self.footnote)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.customContextMenuRequested.connect(lambda _p: self.show_menu())
        self.tick_font = QFont(self.font())
        self.tick_font.setPointSizeF(8.5)

    def add_summary(self) -> QLabel:
        """The line under the title for the chart's key figures (shown from now on)."""
        self.summary_line.show()
        return self.summary_line

    def set_legend(self, entries: Sequence[str]) -> None:
        self.legend.setText("&nbsp;&nbsp;&nbsp;".join(entries))
        self.legend.setVisible(bool(entries))

    def set_note(self, text: str) -> None:
        self.footnote.setText(text)

    def table(self) -> list[list[str]]:
        """The rows behind the card, header first (plain numbers, for a spreadsheet)."""
        return []

    # -- the menu -----------------------------------------------------------------------------
    def menu(self) -> QMenu:
        """The right-click menu: save as PNG, save as SVG, copy the table."""
        m = QMenu(self)
        m.addAction(self.tr("Save as PNG…"), self.save_png)
        m.addAction(self.tr("Save as SVG…"), self.save_svg)
        m.addSeparator()
        copy = m.addAction(self.tr("Copy the table"), self.copy_table)
        copy.setEnabled(len(self.table()) > 1)
        return m

    def show_menu(self) -> None:
        m = self.menu()
        popup(m)
        m.deleteLater()

    def save_png(self, path: str | None = None) -> Path | None:
        """Ask where (unless ``path``) and write the card as a PNG picture."""
        return self._save(path, self.tr("PNG pictures (*.png)"), ".png", export.save_png)

    def save_svg(self, path: str | None = None) -> Path | None:
        """Ask where (unless ``path``) and write the card as an SVG drawing."""
        return self._save(path, self.tr("SVG drawings (*.svg)"), ".svg", export.save_svg)

    def _save(self, path: str | None, filters: str, suffix: str,
              writer: Callable[[QWidget, Path], Path]) -> Path | None:
        if path is None:
            path = ask.save_path(self, self.tr("Save the chart"),
                                 export.file_stem(self.title) + suffix, filters)
        if not path:
            return None
        target = Path(path)
        if target.suffix.lower() != suffix:
            target = target.with_name(target.name + suffix)
        try:
            out = writer(self, target)
        except OSError as err:
            ask.error(self, self.tr("Save the chart"),
                      self.tr("The chart could not be written to %1: %2")
                      .replace("%1", str(target)).replace("%2", err.strerror or str(err)))
            return None
        self.saved.emit(str(out))
        return out

    def copy_table(self) -> str:
        """Put the table behind the card on the clipboard as tab-separated text."""
        text = export.tsv(self.table())
        QGuiApplication.clipboard().setText(text)
        return text


class ChartCard(Card):
    """A card whose body is a pyqtgraph canvas of one or more static plots.

    Subclasses build their plot items once in ``__init__`` and update them with setData /
    setOpts; they may answer :meth:`hover` (a tooltip for a point of a plot).
    """

    def __init__(self, fmt: Formatter, title: str, rule: str, parent: QWidget | None = None
                 ) -> None:
        super().__init__(fmt, title, rule, parent)
        self.canvas = pg.GraphicsLayoutWidget()
        self.canvas.setObjectName("chartCanvas")
        self.canvas.setBackground("w")
        self.canvas.ci.setContentsMargins(0, 4, 4, 0)
        self.canvas.setMinimumHeight(220)
        self.canvas.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.canvas.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.canvas.customContextMenuRequested.connect(lambda _p: self.show_menu())
        self.canvas.scene().sigMouseMoved.connect(self._mouse_moved)
        self.body.addWidget(self.canvas, 1)
        self.plots: list[pg.PlotItem] = []
        #: What is empty and why, in place of the plots (see :meth:`show_empty`).
        self.empty_note = QLabel()
        self.empty_note.setObjectName("chartEmpty")
        self.empty_note.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_note.setWordWrap(True)
        self.empty_note.setTextFormat(Qt.TextFormat.PlainText)
        self.empty_note.hide()
        self.body.addWidget(self.empty_note, 1)
        #: Whether the page's filters narrow the deals (an empty chart then says so).
        self.filtered = False

    def show_empty(self, why: str) -> None:
        """Say what is empty and why where the plots go (bare axes with a lone "1" tick said
        nothing); ``""`` shows the plots again."""
        self.empty_note.setText(why)
        self.empty_note.setMinimumHeight(self.canvas.minimumHeight())
        self.empty_note.setVisible(bool(why))
        self.canvas.setVisible(not why)

    def is_empty(self) -> bool:
        """Whether the card says it has nothing to draw."""
        return bool(self.empty_note.text())

    def empty_words(self, plain: str, filtered: str, period: str) -> str:
        """``plain`` or, when filters narrow the deals, ``filtered`` followed by the hint to
        widen them; ``%1`` in either is ``period``."""
        if self.filtered:
            return (filtered.replace("%1", period) + " " + QCoreApplication.translate(
                "ChartCard", "Clear or widen the filters to see more."))
        return plain.replace("%1", period)

    # -- building ---------------------------------------------------------------------------
    def add_plot(self, row: int = 0, col: int = 0, *, left: pg.AxisItem | None = None,
                 bottom: pg.AxisItem | None = None, **kw: object) -> pg.PlotItem:
        """A static plot (no pan, zoom or pyqtgraph menu: the card's menu is the one)."""
        axes = {}
        if left is not None:
            axes["left"] = left
        if bottom is not None:
            axes["bottom"] = bottom
        plot = self.canvas.addPlot(row=row, col=col, axisItems=axes, **kw)
        plot.setMenuEnabled(False)
        plot.hideButtons()
        plot.getViewBox().setMouseEnabled(False, False)
        plot.getViewBox().setDefaultPadding(0.04)
        for name in ("left", "bottom"):
            style_axis(plot.getAxis(name), self.tick_font)
            plot.getAxis(name).setZValue(-1000)  # grid lines under the bars, not over them
        plot.showGrid(x=False, y=True, alpha=0.35)
        self.plots.append(plot)
        return plot

    def hover(self, plot: pg.PlotItem, point: QPointF) -> str | None:
        """A tooltip for a point of ``plot`` in its data coordinates (None: nothing there)."""
        return None

    def _mouse_moved(self, pos: QPointF) -> None:
        for plot in self.plots:
            vb = plot.getViewBox()
            if vb.sceneBoundingRect().contains(pos):
                text = self.hover(plot, vb.mapSceneToView(pos))
                if text:
                    QToolTip.showText(QCursor.pos(), text, self.canvas)
                else:
                    QToolTip.hideText()
                return


class TextPool:
    """The text labels of one plot, reused from update to update (items are added or removed
    only when the number of labels changes)."""

    def __init__(self, plot: pg.PlotItem, font: QFont) -> None:
        self.plot = plot
        self.font = font
        self.items: list[pg.TextItem] = []

    def set(self, labels: Sequence[tuple[float, float, str, tuple[float, float], QColor]]
            ) -> None:
        """``labels``: (x, y, text, anchor, colour) each."""
        while len(self.items) > len(labels):
            self.plot.removeItem(self.items.pop())
        while len(self.items) < len(labels):
            item = pg.TextItem("", color=INK)
            item.setFont(self.font)
            self.plot.addItem(item, ignoreBounds=True)
            self.items.append(item)
        for item, (x, y, text, anchor, colour) in zip(self.items, labels, strict=True):
            item.setText(text, color=colour)
            item.setAnchor(anchor)
            item.setPos(x, y)

    def texts(self) -> list[str]:
        return [i.toPlainText() for i in self.items]


def x_room_for_labels(widest: float, texts: Sequence[str], font: QFont, view_px: float,
                      *, gap: float = 0.02, least: float = 1.3) -> float:
    """The x range end that leaves room, right of the widest bar (plus ``gap`` of it), for
    the longest of ``texts`` in ``font`` on a view ``view_px`` pixels wide (at least
    ``least`` × widest; that alone when the view is too narrow to tell)."""
    label_px = max((QFontMetrics(font).horizontalAdvance(t) for t in texts), default=0) + 8
    if view_px <= label_px * 1.5:
        return widest * least
    return max(widest * least, widest * (1 + gap) / (1 - label_px / view_px))
