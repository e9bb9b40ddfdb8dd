"""Trend charts: win rate per month (count and value), sales cycle per month with time in each
stage, and sales velocity with its four factors."""

from __future__ import annotations

import math

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QVBoxLayout, QWidget

from ...core.metrics import Metrics
from ...core.trends import CycleMonth, CyclePanel, WinRateMonth
from ...core.values import Period, StageInfo
from ..common.fmt import Formatter
from . import export
from .charts import (
    MEDIAN,
    OPEN,
    WON,
    Card,
    ChartCard,
    CountAxis,
    PercentAxis,
    TextPool,
    category_ticks,
    mk_pen,
    swatch,
)
from .forecast_panel import MAX_LABELS
from .periods import month_label, period_text
from .rules import rule

VALUE = QColor("#7c3aed")  # "by value" lines


def month_ticks(fmt: Formatter, keys: list[str]) -> list[tuple[float, str]]:
    """Month labels at 0, 1, …, every second (third…) one when there are many."""
    step = max(1, math.ceil(len(keys) / MAX_LABELS))
    return [(float(i), month_label(fmt, k, with_year=i == 0 or k.endswith("-01")))
            for i, k in enumerate(keys) if i % step == 0]


def _nan(v: float | None, scale: float = 1.0) -> float:
    return float("nan") if v is None else v * scale


def period_region() -> pg.LinearRegionItem:
    """The shading behind the months of the page's period in a trend chart."""
    region = pg.LinearRegionItem(values=(0, 0), movable=False,
                                 brush=pg.mkBrush(QColor(37, 99, 235, 18)),
                                 pen=pg.mkPen(None))
    region.setZValue(-10)
    return region


def shade_period(region: pg.LinearRegionItem, keys: list[str], period: Period) -> None:
    """Shade the months of ``keys`` that ``period`` touches."""
    first, last = f"{period.start:%Y-%m}", f"{period.end:%Y-%m}"
    inside = [i for i, k in enumerate(keys) if first <= k <= last]
    region.setVisible(bool(inside) and len(inside) < len(keys))
    if inside:
        region.setRegion((inside[0] - 0.5, inside[-1] + 0.5))


def set_line(item: pg.PlotDataItem, xs: np.ndarray, ys: np.ndarray) -> None:
    """Points with gaps (NaN) where a month has no value; nothing when no month has one
    (pyqtgraph would take the bounds of an all-NaN line)."""
    if not np.isfinite(ys).any():
        item.setData([], [])
        return
    item.setData(xs, ys)


class WinRatePanel(ChartCard):
    """Win rate per month by count and by value; months without closes leave a gap."""

    def __init__(self, fmt: Formatter, parent: QWidget | None = None) -> None:
        super().__init__(fmt, self.tr("Win rate by month"), rule("win_rate"), parent)
        self.summary = self.add_summary()
        self.set_legend([swatch(OPEN, self.tr("by count"), "line"),
                         swatch(VALUE, self.tr("by value"), "dash")])
        self.plot = self.add_plot(0, 0, left=PercentAxis())
        self.by_count = pg.PlotDataItem([], [], pen=mk_pen(OPEN, 2.0), symbol="o",
                                        symbolSize=6, symbolBrush=OPEN, symbolPen=None,
                                        connect="finite")
        self.by_value = pg.PlotDataItem([], [], pen=mk_pen(VALUE, 2.0, dash=True),
                                        symbol="s", symbolSize=5, symbolBrush=VALUE,
                                        symbolPen=None, connect="finite")
        self.region = period_region()
        self.plot.addItem(self.region)
        self.plot.addItem(self.by_count)
        self.plot.addItem(self.by_value)
        self.plot.setYRange(0, 100, padding=0.05)
        self.rows: list[WinRateMonth] = []
        self.period: Period | None = None

    def show_rows(self, rows: list[WinRateMonth], metrics: Metrics, months: Period) -> None:
        """Months of ``months``; the summary is of the page's period (``metrics``)."""
        self.rows = rows
        self.period = metrics.period
        f = self.fmt
        xs = np.arange(len(rows), dtype=float)
        set_line(self.by_count, xs, np.array([_nan(r.rate_count, 100) for r in rows]))
        set_line(self.by_value, xs, np.array([_nan(r.rate_value, 100) for r in rows]))
        self.plot.setXRange(-0.5, max(len(rows), 1) - 0.5, padding=0.02)
        category_ticks(self.plot.getAxis("bottom"), month_ticks(f, [r.month for r in rows]))
        shade_period(self.region, [r.month for r in rows], metrics.period)
        self.plot.getAxis("left").setWidth(44)
        self.summary.setText(self.tr("Period: %1 by count · %2 by value (%3 won, %4 lost)")
                             .replace("%1", f.percent(metrics.win_rate_count))
                             .replace("%2", f.percent(metrics.win_rate_value))
                             .replace("%3", f.count(metrics.won_count))
                             .replace("%4", f.count(metrics.lost_count)))
        self.summary.setToolTip(period_text(f, metrics.period))
        self.set_note(self.tr("Deals closed %1, by the month they closed in (at least 12 months "
                              "are shown); a gap: no deal closed that month. Shaded and above: "
                              "the period %2.").replace("%1", period_text(f, months))
                      .replace("%2", period_text(f, metrics.period)))
        closed = any(r.won_count or r.lost_count for r in rows)
        self.show_empty("" if closed else self.empty_words(
            self.tr("No deal was won or lost in %1, so there is no win rate to draw."),
            self.tr("No deal that matches the filters was won or lost in %1."),
            period_text(f, months)))

    def hover(self, plot: pg.PlotItem, point: QPointF) -> str | None:
        i = round(point.x())
        if not 0 <= i < len(self.rows):
            return None
        r, f = self.rows[i], self.fmt
        return self.tr("%1\nBy count: %2 (%3 won, %4 lost)\nBy value: %5 (%6 won, %7 lost)") \
            .replace("%1", month_label(f, r.month)).replace("%2", f.percent(r.rate_count)) \
            .replace("%3", f.count(r.won_count)).replace("%4", f.count(r.lost_count)) \
            .replace("%5", f.percent(r.rate_value)).replace("%6", f.money(r.won_amount)) \
            .replace("%7", f.money(r.lost_amount))

    def table(self) -> list[list[str]]:
        rows = [[self.tr("Month"), self.tr("Won"), self.tr("Lost"), self.tr("Won amount"),
                 self.tr("Lost amount"), self.tr("Win rate by count"),
                 self.tr("Win rate by value")]]
        for r in self.rows:
            rows.append([r.month, str(r.won_count), str(r.lost_count),
                         export.money_cell(r.won_amount), export.money_cell(r.lost_amount),
                         export.rate_cell(r.rate_count), export.rate_cell(r.rate_value)])
        return rows


class CycleChart(ChartCard):
    """Sales cycle per month (mean and median days to won) beside the days spent in each open
    stage (mean bar, median dot)."""

    def __init__(self, fmt: Formatter, parent: QWidget | None = None) -> None:
        super().__init__(fmt, self.tr("Sales cycle and time in stage"),
                         rule("cycle") + "\n\n" + rule("time_in_stage"), parent)
        self.summary = self.add_summary()
        self.set_legend([swatch(WON, self.tr("mean days to won"), "line"),
                         swatch(MEDIAN, self.tr("median"), "dash"),
                         swatch(OPEN, self.tr("mean days in stage")),
                         swatch(MEDIAN, self.tr("median days in stage"), "dot")])
        self.cycle_plot = self.add_plot(0, 0, left=CountAxis())
        self.stage_plot = self.add_plot(0, 1, bottom=CountAxis("bottom"))
        self.canvas.ci.layout.setColumnStretchFactor(0, 1)
        self.canvas.ci.layout.setColumnStretchFactor(1, 1)
        self.cycle_plot.setTitle(self.tr("Days from creation to won"), color="#6b7280",
                                 size="9pt")
        self.stage_plot.setTitle(self.tr("Days in each stage"), color="#6b7280", size="9pt")
        self.mean_line = pg.PlotDataItem([], [], pen=mk_pen(WON, 2.0), symbol="o",
                                         symbolSize=6, symbolBrush=WON, symbolPen=None,
                                         connect="finite")
        self.median_line = pg.PlotDataItem([], [], pen=mk_pen(MEDIAN, 1.4, dash=True),
                                           connect="finite")
        self.region = period_region()
        self.cycle_plot.addItem(self.region)
        self.cycle_plot.addItem(self.mean_line)
        self.cycle_plot.addItem(self.median_line)
        self.stage_plot.invertY(True)
        self.stage_plot.showGrid(x=True, y=False, alpha=0.25)
        self.stage_bars = pg.BarGraphItem(x0=[], width=[], y=[], height=0.5, brush=OPEN,
                                          pen=pg.mkPen(None))
        self.stage_medians = pg.ScatterPlotItem([], [], size=8, brush=pg.mkBrush(MEDIAN),
                                                pen=pg.mkPen("w", width=1))
        self.stage_plot.addItem(self.stage_bars)
        self.stage_plot.addItem(self.stage_medians)
        self.stage_labels = TextPool(self.stage_plot, self.tick_font)
        self.months: list[CycleMonth] = []
        self.panel: CyclePanel | None = None
        self.names: dict[int, str] = {}

    def show_data(self, months: list[CycleMonth], panel: CyclePanel,
                  stages: list[StageInfo], period: Period, trend: Period) -> None:
        """Cycle per month over ``trend``; the summary and time in stage over ``period``."""
        self.months, self.panel = months, panel
        self.names = {s.id: s.name for s in stages}
        f = self.fmt
        xs = np.arange(len(months), dtype=float)
        set_line(self.mean_line, xs, np.array([_nan(m.mean_days) for m in months]))
        set_line(self.median_line, xs, np.array([_nan(m.median_days) for m in months]))
        self.cycle_plot.setXRange(-0.5, max(len(months), 1) - 0.5, padding=0.02)
        top = max([m.mean_days or 0 for m in months] + [m.median_days or 0 for m in months]
                  + [1.0])
        self.cycle_plot.setYRange(0, top * 1.1, padding=0)
        category_ticks(self.cycle_plot.getAxis("bottom"),
                       month_ticks(f, [m.month for m in months]))
        shade_period(self.region, [m.month for m in months], period)
        self.cycle_plot.getAxis("left").setWidth(40)
        stages_rows = panel.stages
        ys = np.arange(len(stages_rows), dtype=float)
        means = np.array([t.mean_days or 0.0 for t in stages_rows])
        self.stage_bars.setOpts(x0=np.zeros(len(stages_rows)), width=means, y=ys)
        with_median = [(t.median_days, y) for t, y in zip(stages_rows, ys, strict=True)
                       if t.median_days is not None]
        self.stage_medians.setData([m for m, _ in with_median], [y for _, y in with_median])
        widest = max([*means, *(m for m, _ in with_median), 1.0])
        self.stage_plot.setXRange(0, widest * 1.35, padding=0)
        self.stage_plot.setYRange(-0.5, max(len(stages_rows), 1) - 0.5, padding=0.02)
        category_ticks(self.stage_plot.getAxis("left"),
                       [(float(i), self.names.get(t.stage_id, "?"))
                        for i, t in enumerate(stages_rows)])
        medians = {y: m for m, y in with_median}
        self.stage_labels.set([
            (max(float(means[i]), medians.get(float(i), 0.0)) + widest * 0.03, float(i),
             self.tr("%1 days · %2 deals").replace("%1", _days(t.mean_days))
             .replace("%2", f.count(t.deals)), (0.0, 0.5), QColor("#374151"))
            for i, t in enumerate(stages_rows) if t.mean_days is not None])
        self.summary.setText(self.tr("Cycle: mean %1 days, median %2 (%3 won)")
                             .replace("%1", _days(panel.cycle_mean))
                             .replace("%2", _days(panel.cycle_median))
                             .replace("%3", f.count(panel.won)))
        self.set_note(self.tr("Left: deals won %1 by the month they were won. Right and "
                              "above: the period %2 (time in stage: deals that entered each "
                              "stage in it).").replace("%1", period_text(f, trend))
                      .replace("%2", period_text(f, period)))
        drawn = any(m.won for m in months) or any(t.deals for t in stages_rows)
        self.show_empty("" if drawn else self.empty_words(
            self.tr("No deal was won in %1 and none entered a stage in the period, so there is "
                    "no cycle or time in stage to draw."),
            self.tr("No deal that matches the filters was won in %1 or entered a stage in the "
                    "period."),
            period_text(f, trend)))

    def hover(self, plot: pg.PlotItem, point: QPointF) -> str | None:
        f = self.fmt
        if plot is self.cycle_plot:
            i = round(point.x())
            if not 0 <= i < len(self.months):
                return None
            m = self.months[i]
            return self.tr("%1: %2 won, mean %3 days, median %4").replace(
                "%1", month_label(f, m.month)).replace("%2", f.count(m.won)).replace(
                "%3", _days(m.mean_days)).replace("%4", _days(m.median_days))
        rows = self.panel.stages if self.panel else []
        i = round(point.y())
        if not 0 <= i < len(rows):
            return None
        t = rows[i]
        return self.tr("%1: %2 deals, mean %3 days, median %4").replace(
            "%1", self.names.get(t.stage_id, "?")).replace("%2", f.count(t.deals)).replace(
            "%3", _days(t.mean_days)).replace("%4", _days(t.median_days))

    def table(self) -> list[list[str]]:
        rows = [[self.tr("Month or stage"), self.tr("Deals"), self.tr("Mean days"),
                 self.tr("Median days")]]
        for m in self.months:
            rows.append([m.month, str(m.won), export.plain(_round(m.mean_days)),
                         export.plain(_round(m.median_days))])
        for t in self.panel.stages if self.panel else []:
            rows.append([self.names.get(t.stage_id, "?"), str(t.deals),
                         export.plain(_round(t.mean_days)), export.plain(_round(t.median_days))])
        return rows


def _round(v: float | None) -> float | None:
    return None if v is None else round(v, 1)


def _days(v: float | None) -> str:
    return "—" if v is None else f"{v:,.1f}".rstrip("0").rstrip(".")


class Factor(QFrame):
    """One factor of the velocity formula: caption, value, note."""

    def __init__(self, caption: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("factorTile")
        lay = QVBoxLayout(self)
        lay.setContentsMargins(10, 6, 10, 6)
        lay.setSpacing(0)
        self.caption = QLabel(caption)
        self.caption.setObjectName("tileCaption")
        self.value = QLabel("—")
        self.value.setObjectName("factorValue")
        self.value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        for w in (self.caption, self.value):
            lay.addWidget(w)


class VelocityCard(Card):
    """Sales velocity = open deals × win rate × average deal ÷ cycle days, each factor shown."""

    def __init__(self, fmt: Formatter, parent: QWidget | None = None) -> None:
        super().__init__(fmt, self.tr("Sales velocity"), rule("velocity"), parent)
        grid = QGridLayout()
        grid.setHorizontalSpacing(6)
        self.open = Factor(self.tr("Open deals"))
        self.rate = Factor(self.tr("Win rate"))
        self.average = Factor(self.tr("Average deal"))
        self.cycle = Factor(self.tr("Cycle (days)"))
        self.result = Factor(self.tr("Velocity per day"))
        self.result.setObjectName("factorResult")
        parts: list[QWidget | str] = [self.open, "×", self.rate, "×", self.average, "÷",
                                      self.cycle, "=", self.result]
        for i, part in enumerate(parts):
            if isinstance(part, str):
                op = QLabel(part)
                op.setObjectName("factorOperator")
                op.setAlignment(Qt.AlignmentFlag.AlignCenter)
                grid.addWidget(op, 0, i)
            else:
                grid.addWidget(part, 0, i)
                grid.setColumnStretch(i, 1)
        self.body.addLayout(grid)
        self.metrics: Metrics | None = None

    def show_metrics(self, m: Metrics) -> None:
        self.metrics = m
        f = self.fmt
        self.open.value.setText(f.count(m.open_count))
        self.rate.value.setText(f.percent(m.win_rate_count))
        self.average.value.setText(f.money(m.average_deal) if m.average_deal is not None
                                   else "—")
        self.cycle.value.setText(_days(m.cycle_mean))
        self.result.value.setText(f.money(m.velocity) if m.velocity is not None else "—")
        self.set_note(self.tr("Open deals now; win rate, average deal and cycle of the deals "
                              "closed %1. Unknown (—) when no deal was won.")
                      .replace("%1", period_text(f, m.period)))

    def table(self) -> list[list[str]]:
        m = self.metrics
        if m is None:
            return []
        return [[self.tr("Open deals"), self.tr("Win rate"), self.tr("Average deal"),
                 self.tr("Cycle days"), self.tr("Velocity per day")],
                [str(m.open_count), export.rate_cell(m.win_rate_count),
                 export.money_cell(m.average_deal), export.plain(_round(m.cycle_mean)),
                 export.money_cell(m.velocity)]]
