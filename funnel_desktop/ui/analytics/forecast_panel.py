"""The forecast by month: won and weighted open value per month, the overdue bucket, the target
line, and the simulated P10–P90 band with its median — how sure the forecast is."""

from __future__ import annotations

import math

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QPointF
from PySide6.QtWidgets import QLabel, QWidget

from ...core.analytics import BAND_RUNS
from ...core.forecast_chart import ForecastChart
from ...core.values import Period
from ..common.fmt import Formatter
from . import export
from .charts import (
    MEDIAN,
    OPEN,
    OVERDUE,
    TARGET,
    WON,
    ChartCard,
    MoneyAxis,
    category_ticks,
    mk_pen,
    swatch,
)
from .periods import month_label, period_text
from .rules import rule

WIDTH = 0.62
MAX_LABELS = 13  # month labels on the axis before every second (third, …) is left out


class ForecastPanel(ChartCard):
    """Shows a :class:`core.forecast_chart.ForecastChart` (months with their band)."""

    def __init__(self, fmt: Formatter, parent: QWidget | None = None) -> None:
        super().__init__(fmt, self.tr("Forecast by month"), rule("forecast_chart") + "\n\n"
                         + rule("band").replace("{runs}", fmt.count(BAND_RUNS)), parent)
        self.summary = QLabel()
        self.summary.setObjectName("chartSummary")
        self.controls.addWidget(self.summary)
        self.set_legend([
            swatch(WON, self.tr("won")),
            swatch(OPEN, self.tr("weighted open")),
            swatch(OVERDUE, self.tr("overdue (weighted)")),
            swatch(TARGET, self.tr("target"), "dash"),
            swatch(MEDIAN, self.tr("simulated P10–P90 with P50"), "whisker"),
        ])
        self.canvas.setMinimumHeight(280)
        self.plot = self.add_plot(0, 0, left=MoneyAxis(fmt))
        self.won_bars = pg.BarGraphItem(x=[], height=[], width=WIDTH, brush=WON,
                                        pen=pg.mkPen(None))
        self.open_bars = pg.BarGraphItem(x=[], y0=[], height=[], width=WIDTH, brush=OPEN,
                                         pen=pg.mkPen(None))
        self.overdue_bar = pg.BarGraphItem(x=[], height=[], width=WIDTH, brush=OVERDUE,
                                           pen=pg.mkPen(None))
        self.band = pg.ErrorBarItem(x=np.zeros(0), y=np.zeros(0), top=np.zeros(0),
                                    bottom=np.zeros(0), beam=0.22, pen=mk_pen(MEDIAN, 1.6))
        self.median = pg.ScatterPlotItem([], [], size=7, brush=pg.mkBrush(MEDIAN),
                                         pen=pg.mkPen("w", width=1))
        self.target = pg.PlotDataItem([], [], pen=mk_pen(TARGET, 2.0, dash=True),
                                      connect="pairs")
        for item in (self.won_bars, self.open_bars, self.overdue_bar, self.band, self.median,
                     self.target):
            self.plot.addItem(item)
        self.chart: ForecastChart | None = None
        self.period: Period | None = None
        self.runs = 0

    def show_chart(self, chart: ForecastChart, period: Period, runs: int = 0) -> None:
        """Show the chart of the analytics ``period`` (``runs``: of the simulated band)."""
        self.chart = chart
        self.period = period
        self.runs = runs or self.runs
        c, f = chart, self.fmt
        n = len(c.months)
        xs = np.arange(1, n + 1, dtype=float)
        won = np.array([m.won_amount / 100 for m in c.months], dtype=float)
        weighted = np.array([m.weighted / 100 for m in c.months], dtype=float)
        self.won_bars.setOpts(x=xs, height=won)
        self.open_bars.setOpts(x=xs, y0=won, height=weighted)
        self.overdue_bar.setOpts(x=[0.0], height=[c.overdue_weighted / 100])
        with_band = [(float(x), m, m.band) for x, m in zip(xs, c.months, strict=True)
                     if m.band is not None]
        bx = np.array([x for x, _, _ in with_band], dtype=float)
        base = np.array([m.won_amount / 100 for _, m, _ in with_band], dtype=float)
        low = base + np.array([b.p10 / 100 for _, _, b in with_band], dtype=float)
        mid = base + np.array([b.p50 / 100 for _, _, b in with_band], dtype=float)
        high = base + np.array([b.p90 / 100 for _, _, b in with_band], dtype=float)
        self.band.setData(x=bx, y=mid, top=high - mid, bottom=mid - low)
        self.median.setData(bx, mid)
        tx, ty = [], []
        for x, m in zip(xs, c.months, strict=True):
            if m.target is not None:
                tx += [x - 0.45, x + 0.45]
                ty += [m.target / 100, m.target / 100]
        self.target.setData(tx, ty)
        top = max([*(won + weighted), *high, *ty, c.overdue_weighted / 100, 1.0])
        self.plot.setXRange(-0.6, n + 0.6, padding=0)
        self.plot.setYRange(0, top * 1.08, padding=0)
        self.plot.getAxis("left").fit_to(top * 1.08)
        step = max(1, math.ceil(n / MAX_LABELS))
        ticks = [(0.0, self.tr("Overdue"))]
        for i, m in enumerate(c.months):
            if i % step == 0:
                first = i == 0 or m.month.endswith("-01")
                ticks.append((float(i + 1), month_label(f, m.month, with_year=first)))
        category_ticks(self.plot.getAxis("bottom"), ticks)
        self._summary()

    def _summary(self) -> None:
        c, f = self.chart, self.fmt
        if c is None:
            return
        parts = [self.tr("Won %1").replace("%1", f.money(c.won_total)),
                 self.tr("weighted open %1").replace("%1", f.money(c.weighted_total))]
        if c.band_total is not None and c.band_total.count:
            b = c.band_total
            parts.append(self.tr("open deals bring %1 (P50), 8 in 10 runs between %2 and %3")
                         .replace("%1", f.money(b.p50)).replace("%2", f.money(b.p10))
                         .replace("%3", f.money(b.p90)))
        self.summary.setText("  ·  ".join(parts))
        self.summary.setToolTip(rule("band").replace("{runs}", f.count(self.runs)))
        first = c.months[0].month if c.months else None
        last = c.months[-1].month if c.months else None
        note = [self.tr("As of %1; months %2 to %3. Won: in the period %4.").replace(
            "%1", f.day(c.as_of)).replace("%2", month_label(f, first) if first else "—")
            .replace("%3", month_label(f, last) if last else "—")]
        note[0] = note[0].replace("%4", period_text(f, self.period))
        if c.overdue_count:
            note.append(self.tr("Overdue: %1 open deals (%2, weighted %3) whose expected close "
                                "date has passed.").replace("%1", f.count(c.overdue_count))
                        .replace("%2", f.money(c.overdue_amount))
                        .replace("%3", f.money(c.overdue_weighted)))
        if c.undated_count:
            note.append(self.tr("Not shown: %1 open deals (%2, weighted %3) without an "
                                "expected close date.").replace("%1", f.count(c.undated_count))
                        .replace("%2", f.money(c.undated_amount))
                        .replace("%3", f.money(c.undated_weighted)))
        if c.target_total is None:
            note.append(self.tr("No target is set for these months (Analytics ▸ Targets…)."))
        self.set_note(" ".join(note))

    def hover(self, plot: pg.PlotItem, point: QPointF) -> str | None:
        c, f = self.chart, self.fmt
        if c is None:
            return None
        i = round(point.x())
        if i == 0:
            return self.tr("Overdue: %1 deals, %2, weighted %3").replace(
                "%1", f.count(c.overdue_count)).replace("%2", f.money(c.overdue_amount)).replace(
                "%3", f.money(c.overdue_weighted))
        if not 1 <= i <= len(c.months):
            return None
        m = c.months[i - 1]
        lines = [month_label(f, m.month),
                 self.tr("Won: %1 deals, %2").replace("%1", f.count(m.won_count))
                 .replace("%2", f.money(m.won_amount)),
                 self.tr("Open: %1 deals, %2, weighted %3").replace("%1", f.count(m.open_count))
                 .replace("%2", f.money(m.open_amount)).replace("%3", f.money(m.weighted))]
        if m.target is not None:
            lines.append(self.tr("Target: %1").replace("%1", f.money(m.target)))
        if m.band is not None:
            lines.append(self.tr("Open deals simulated: P10 %1 · P50 %2 · P90 %3").replace(
                "%1", f.money(m.band.p10)).replace("%2", f.money(m.band.p50)).replace(
                "%3", f.money(m.band.p90)))
        return "\n".join(lines)

    def table(self) -> list[list[str]]:
        c = self.chart
        rows: list[list[str]] = [[
            self.tr("Month"), self.tr("Won deals"), self.tr("Won amount"),
            self.tr("Open deals"), self.tr("Open amount"), self.tr("Weighted"),
            self.tr("Target"), self.tr("P10"), self.tr("P50"), self.tr("P90")]]
        if c is None:
            return rows
        rows.append([self.tr("Overdue"), "", "", str(c.overdue_count),
                     export.money_cell(c.overdue_amount), export.money_cell(c.overdue_weighted),
                     "", "", "", ""])
        for m in c.months:
            b = m.band
            rows.append([m.month, str(m.won_count), export.money_cell(m.won_amount),
                         str(m.open_count), export.money_cell(m.open_amount),
                         export.money_cell(m.weighted), export.money_cell(m.target),
                         export.money_cell(b.p10) if b else "",
                         export.money_cell(b.p50) if b else "",
                         export.money_cell(b.p90) if b else ""])
        if c.undated_count:
            rows.append([self.tr("No date"), "", "", str(c.undated_count),
                         export.money_cell(c.undated_amount),
                         export.money_cell(c.undated_weighted), "", "", "", ""])
        return rows

    def plotted(self) -> dict[str, list[float]]:
        """The drawn values (major units): won and weighted per month, overdue, P50."""
        return {"won": [float(v) for v in self.won_bars.opts["height"]],
                "weighted": [float(v) for v in self.open_bars.opts["height"]],
                "overdue": [float(v) for v in self.overdue_bar.opts["height"]],
                "p50": [float(v) for v in self.median.data["y"]]}
