"""Breakdowns: won and lost reasons (count and value, by reason or by category) and the
deal-size band distribution (open, won, lost per band, with the band's win rate)."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication, QPointF
from PySide6.QtWidgets import QComboBox, QWidget

from ...core.reasons_summary import ReasonSummary
from ...core.size_bands import BandLine
from ...core.values import Period
from ..common.fmt import Formatter
from . import export
from .charts import (
    INK,
    LOST,
    MUTED,
    OPEN,
    WON,
    ChartCard,
    MoneyAxis,
    TextPool,
    category_ticks,
    swatch,
)
from .periods import period_text
from .rules import rule

translate = QCoreApplication.translate

LABEL_CHARS = 26  # reason labels longer than this are shortened on the axis


def _short(text: str) -> str:
    return text if len(text) <= LABEL_CHARS else text[:LABEL_CHARS - 1] + "…"


def measure_combo(parent: QWidget) -> QComboBox:
    """Bar length by number of deals or by their amount."""
    combo = QComboBox(parent)
    combo.addItem(translate("Analytics", "By count"), "count")
    combo.addItem(translate("Analytics", "By value"), "value")
    combo.setToolTip(translate("Analytics", "Bar length: number of deals or their amount"))
    return combo


class ReasonsPanel(ChartCard):
    """Why deals were won and why they were lost, side by side."""

    def __init__(self, fmt: Formatter, parent: QWidget | None = None) -> None:
        super().__init__(fmt, self.tr("Won and lost reasons"), rule("reasons"), parent)
        self.group = QComboBox()
        self.group.addItem(self.tr("Reasons"), "reason")
        self.group.addItem(self.tr("Categories"), "category")
        self.measure = measure_combo(self)
        for combo in (self.group, self.measure):
            combo.currentIndexChanged.connect(lambda _i: self._draw())
            self.controls.addWidget(combo)
        self.set_legend([swatch(WON, self.tr("won")), swatch(LOST, self.tr("lost"))])
        self.canvas.setMinimumHeight(260)
        self.won_plot = self.add_plot(0, 0)
        self.lost_plot = self.add_plot(0, 1)
        self.items: dict[str, tuple[pg.PlotItem, pg.BarGraphItem, TextPool]] = {}
        for kind, plot, colour, title in (("won", self.won_plot, WON, self.tr("Won")),
                                          ("lost", self.lost_plot, LOST, self.tr("Lost"))):
            plot.invertY(True)
            plot.hideAxis("bottom")
            plot.showGrid(x=False, y=False)
            plot.setTitle(title, color=MUTED.name(), size="9pt")
            bars = pg.BarGraphItem(x0=[], width=[], y=[], height=0.6, brush=colour,
                                   pen=pg.mkPen(None))
            plot.addItem(bars)
            self.items[kind] = (plot, bars, TextPool(plot, self.tick_font))
        self.summaries: dict[str, ReasonSummary] = {}
        self.period: Period | None = None

    def show_summaries(self, summaries: dict[str, ReasonSummary], period: Period) -> None:
        self.summaries, self.period = summaries, period
        self._draw()

    def _lines(self, kind: str) -> list[tuple[str, int, int, float | None, float | None]]:
        """(label, count, amount, share of count, share of amount) in the chosen grouping."""
        s = self.summaries.get(kind)
        if s is None:
            return []
        if self.group.currentData() == "category":
            return [(c.category or self.tr("(no category)"), c.count, c.amount, c.share_count,
                     c.share_amount) for c in s.categories]
        return [(r.label or self.tr("(no reason kept)"), r.count, r.amount, r.share_count,
                 r.share_amount) for r in s.reasons]

    def _draw(self) -> None:
        f = self.fmt
        value = self.measure.currentData() == "value"
        for kind, (plot, bars, labels) in self.items.items():
            lines = self._lines(kind)
            if value:
                lines.sort(key=lambda x: (-x[2], -x[1], x[0]))
            lengths = np.array([(a / 100 if value else n) for _l, n, a, _s, _v in lines],
                               dtype=float)
            ys = np.arange(len(lines), dtype=float)
            bars.setOpts(x0=np.zeros(len(lines)), width=lengths, y=ys)
            widest = max([*lengths, 1.0])
            plot.setXRange(0, widest * 1.8, padding=0)
            plot.setYRange(-0.5, max(len(lines), 4) - 0.5, padding=0.02)
            category_ticks(plot.getAxis("left"), [(float(i), _short(x[0]))
                                                  for i, x in enumerate(lines)])
            texts = [(float(lengths[i]) + widest * 0.03, float(i),
                      self.tr("%1 · %2 · %3").replace("%1", f.count(n)).replace(
                          "%2", f.money(a)).replace("%3", f.percent(sv if value else sc)),
                      (0.0, 0.5), INK) for i, (_l, n, a, sc, sv) in enumerate(lines)]
            if not lines:
                texts = [(widest * 0.9, 1.5, self.tr("Nothing closed in the period"),
                          (0.5, 0.5), MUTED)]
            labels.set(texts)
        won, lost = self.summaries.get("won"), self.summaries.get("lost")
        closed = any(s.count for s in self.summaries.values())
        self.show_empty("" if closed or self.period is None else self.empty_words(
            self.tr("No deal was won or lost in %1, so there are no reasons to show."),
            self.tr("No deal that matches the filters was won or lost in %1."),
            period_text(f, self.period)))
        if won is not None and lost is not None and self.period is not None:
            self.set_note(self.tr("Closed %1: %2 won (%3), %4 lost (%5). Share: of the won "
                                  "or lost total, by %6.")
                          .replace("%1", period_text(f, self.period))
                          .replace("%2", f.count(won.count)).replace("%3", f.money(won.amount))
                          .replace("%4", f.count(lost.count))
                          .replace("%5", f.money(lost.amount))
                          .replace("%6", self.tr("value") if value else self.tr("count")))

    def hover(self, plot: pg.PlotItem, point: QPointF) -> str | None:
        kind = "won" if plot is self.won_plot else "lost"
        lines = self._lines(kind)
        if self.measure.currentData() == "value":
            lines.sort(key=lambda x: (-x[2], -x[1], x[0]))
        i = round(point.y())
        if not 0 <= i < len(lines):
            return None
        label, n, a, sc, sv = lines[i]
        f = self.fmt
        return self.tr("%1\n%2 deals (%3 of the count)\n%4 (%5 of the value)").replace(
            "%1", label).replace("%2", f.count(n)).replace("%3", f.percent(sc)).replace(
            "%4", f.money(a)).replace("%5", f.percent(sv))

    def table(self) -> list[list[str]]:
        rows = [[self.tr("Outcome"), self.tr("Category"), self.tr("Reason"), self.tr("Deals"),
                 self.tr("Amount"), self.tr("Share of count"), self.tr("Share of value")]]
        for kind in ("won", "lost"):
            s = self.summaries.get(kind)
            for r in s.reasons if s else []:
                rows.append([self.tr("won") if kind == "won" else self.tr("lost"), r.category,
                             r.label, str(r.count), export.money_cell(r.amount),
                             export.rate_cell(r.share_count), export.rate_cell(r.share_amount)])
        return rows


def band_label(fmt: Formatter, lower: int, upper: int | None) -> str:
    """``< ¥10,000`` · ``¥10,000–¥30,000`` · ``≥ ¥50,000`` (``¥1万–¥3万`` in Chinese)."""
    if upper is None:
        return f"≥ {fmt.money(lower)}"
    if lower <= 0:
        return f"< {fmt.money(upper)}"
    return f"{fmt.money(lower)}–{fmt.money(upper)}"


class SizeBandsPanel(ChartCard):
    """Open, won and lost deals per size band, with each band's win rate above it."""

    def __init__(self, fmt: Formatter, parent: QWidget | None = None) -> None:
        super().__init__(fmt, self.tr("Deal sizes"), rule("size_bands"), parent)
        self.measure = measure_combo(self)
        self.measure.currentIndexChanged.connect(lambda _i: self._draw())
        self.controls.addWidget(self.measure)
        self.set_legend([swatch(OPEN, self.tr("open now")), swatch(WON, self.tr("won")),
                         swatch(LOST, self.tr("lost"))])
        self.axis = MoneyAxis(fmt)
        self.axis.set_money(False)
        self.plot = self.add_plot(0, 0, left=self.axis)
        self.bars = {key: pg.BarGraphItem(x=[], height=[], width=0.26, brush=colour,
                                          pen=pg.mkPen(None))
                     for key, colour in (("open", OPEN), ("won", WON), ("lost", LOST))}
        for item in self.bars.values():
            self.plot.addItem(item)
        self.rate_labels = TextPool(self.plot, self.tick_font)
        self.lines: list[BandLine] = []
        self.period: Period | None = None

    def show_lines(self, lines: list[BandLine], period: Period) -> None:
        self.lines, self.period = lines, period
        self._draw()

    def _draw(self) -> None:
        f = self.fmt
        value = self.measure.currentData() == "value"
        self.axis.set_money(value)
        xs = np.arange(len(self.lines), dtype=float)
        get = {"open": (lambda b: b.open_amount if value else b.open_count),
               "won": (lambda b: b.won_amount if value else b.won_count),
               "lost": (lambda b: b.lost_amount if value else b.lost_count)}
        tops = []
        for offset, key in ((-0.28, "open"), (0.0, "won"), (0.28, "lost")):
            heights = np.array([get[key](b) / (100 if value else 1) for b in self.lines],
                               dtype=float)
            tops.append(heights)
            self.bars[key].setOpts(x=xs + offset, height=heights)
        top = max([float(h.max()) if len(h) else 0.0 for h in tops] + [1.0])
        self.plot.setXRange(-0.6, max(len(self.lines), 1) - 0.4, padding=0)
        self.plot.setYRange(0, top * 1.18, padding=0)
        self.axis.fit_to(top * 1.18)
        category_ticks(self.plot.getAxis("bottom"),
                       [(float(i), band_label(f, b.lower, b.upper))
                        for i, b in enumerate(self.lines)])
        self.rate_labels.set([
            (float(i), top * 1.12, self.tr("win rate %1").replace("%1", f.percent(b.win_rate)),
             (0.5, 0.5), MUTED) for i, b in enumerate(self.lines)])
        if self.period is not None:
            self.set_note(self.tr("Open: now. Won and lost: closed %1.").replace(
                "%1", period_text(f, self.period)))
        some = any(b.open_count or b.won_count or b.lost_count for b in self.lines)
        self.show_empty("" if some or self.period is None else self.empty_words(
            self.tr("No deal is open now and none was won or lost in %1."),
            self.tr("No deal that matches the filters is open now or was won or lost in %1."),
            period_text(f, self.period)))

    def hover(self, plot: pg.PlotItem, point: QPointF) -> str | None:
        i = round(point.x())
        if not 0 <= i < len(self.lines):
            return None
        b, f = self.lines[i], self.fmt
        return self.tr("%1\nOpen: %2 deals, %3 (weighted %4)\nWon: %5 deals, %6\nLost: %7 "
                       "deals, %8\nWin rate: %9").replace("%9", f.percent(b.win_rate)).replace(
            "%1", band_label(f, b.lower, b.upper)).replace("%2", f.count(b.open_count)).replace(
            "%3", f.money(b.open_amount)).replace("%4", f.money(b.weighted)).replace(
            "%5", f.count(b.won_count)).replace("%6", f.money(b.won_amount)).replace(
            "%7", f.count(b.lost_count)).replace("%8", f.money(b.lost_amount))

    def table(self) -> list[list[str]]:
        rows = [[self.tr("From"), self.tr("Below"), self.tr("Open"), self.tr("Open amount"),
                 self.tr("Weighted"), self.tr("Won"), self.tr("Won amount"), self.tr("Lost"),
                 self.tr("Lost amount"), self.tr("Win rate")]]
        for b in self.lines:
            rows.append([export.money_cell(b.lower), export.money_cell(b.upper),
                         str(b.open_count), export.money_cell(b.open_amount),
                         export.money_cell(b.weighted), str(b.won_count),
                         export.money_cell(b.won_amount), str(b.lost_count),
                         export.money_cell(b.lost_amount), export.rate_cell(b.win_rate)])
        return rows
