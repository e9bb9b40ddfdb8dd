"""The funnel chart: deals of the period's cohort that reached each stage (count or value),
the conversion between bars, the ideal funnel drawn over it, the previous period beneath each
bar, and beside it what sits in each stage now (refreshed live after a card is dropped)."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QPointF
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QComboBox, QWidget

from ...core.funnel_chart import FunnelChart
from ...core.values import StageInfo, StageKind
from ..common.fmt import Formatter
from ..common.palette import stage_colour
from . import export
from .charts import (
    INK,
    MUTED,
    PREVIOUS,
    TARGET,
    WON,
    ChartCard,
    TextPool,
    category_ticks,
    mk_pen,
    swatch,
)
from .periods import period_text
from .rules import rule

BAR = 0.52  # bar height in row units
THIN = 0.10  # the previous period's bar


class FunnelPanel(ChartCard):
    """Shows a :class:`core.funnel_chart.FunnelChart`; :meth:`show_live` refreshes the "now"
    columns alone (after a move)."""

    def __init__(self, fmt: Formatter, parent: QWidget | None = None) -> None:
        super().__init__(fmt, self.tr("Funnel"), rule("funnel"), parent)
        self.measure = QComboBox()
        self.measure.addItem(self.tr("By count"), "count")
        self.measure.addItem(self.tr("By value"), "value")
        self.measure.setToolTip(self.tr("Bar length: number of deals or their amount"))
        self.measure.currentIndexChanged.connect(lambda _i: self._draw())
        self.summary = self.add_summary()
        self.controls.addWidget(self.measure)
        self._legend(True)
        self.canvas.setMinimumHeight(300)
        self.reached_plot = self.add_plot(0, 0)
        self.now_plot = self.add_plot(0, 1)
        self.canvas.ci.layout.setColumnStretchFactor(0, 3)
        self.canvas.ci.layout.setColumnStretchFactor(1, 2)
        for plot in (self.reached_plot, self.now_plot):
            plot.invertY(True)
            plot.hideAxis("bottom")
            plot.showGrid(x=False, y=False)
        self.now_plot.hideAxis("left")
        self.now_plot.setYLink(self.reached_plot)
        self.reached_plot.setTitle(self.tr("Reached"), color=MUTED.name(), size="9pt")
        self.now_plot.setTitle(self.tr("Now"), color=MUTED.name(), size="9pt")
        self.previous_bars = pg.BarGraphItem(x0=[], x1=[], y=[], height=THIN,
                                             brush=PREVIOUS, pen=pg.mkPen(None))
        self.reached_bars = pg.BarGraphItem(x0=[], x1=[], y=[], height=BAR,
                                            brushes=[], pen=pg.mkPen(None))
        self.ideal_bars = pg.BarGraphItem(x0=[], x1=[], y=[], height=BAR + 0.06,
                                          brush=pg.mkBrush(None),
                                          pen=mk_pen(TARGET, 1.6, dash=True))
        self.now_bars = pg.BarGraphItem(x0=[], width=[], y=[], height=BAR, brushes=[],
                                        pen=pg.mkPen(None))
        for item in (self.previous_bars, self.reached_bars, self.ideal_bars):
            self.reached_plot.addItem(item)
        self.now_plot.addItem(self.now_bars)
        self.bar_labels = TextPool(self.reached_plot, self.tick_font)
        self.step_labels = TextPool(self.reached_plot, self.tick_font)
        self.now_labels = TextPool(self.now_plot, self.tick_font)
        self.chart: FunnelChart | None = None
        self.stages: dict[int, StageInfo] = {}

    # -- data ---------------------------------------------------------------------------------
    def show_chart(self, chart: FunnelChart, stages: list[StageInfo]) -> None:
        """Show a freshly computed funnel."""
        self.stages = {s.id: s for s in stages}
        self.chart = chart
        self._draw()

    def show_live(self, chart: FunnelChart) -> None:
        """Show new "now" columns (the reached bars are the period's history and stay)."""
        self.chart = chart
        self._draw_now()

    def _legend(self, ideal: bool) -> None:
        entries = [swatch(QColor("#60a5fa"), self.tr("reached this period"))]
        if ideal:
            entries.append(swatch(TARGET, self.tr("ideal (target conversions)"), "dash"))
        entries += [swatch(PREVIOUS, self.tr("previous period")),
                    swatch(QColor("#818cf8"), self.tr("in the stage now"))]
        self.set_legend(entries)

    def has_ideal(self) -> bool:
        """Whether any stage has a target conversion (else no ideal funnel is drawn)."""
        c = self.chart
        return bool(c and any(r.ideal_conversion is not None for r in c.stages))

    def by_value(self) -> bool:
        return self.measure.currentData() == "value"

    def _name(self, stage_id: int) -> str:
        s = self.stages.get(stage_id)
        return s.name if s else "?"

    def _colour(self, stage_id: int) -> QColor:
        s = self.stages.get(stage_id)
        if s is None:
            return QColor(MUTED)
        if s.kind == StageKind.WON:
            return QColor(WON)
        return stage_colour(s.colour, s.position)

    def _draw(self) -> None:
        chart = self.chart
        f = self.fmt
        rows = chart.stages if chart else []
        n = len(rows)
        ys = np.arange(n, dtype=float)
        value = self.by_value()
        reached = np.array([r.reached_amount / 100 if value else r.reached for r in rows],
                           dtype=float)
        # The ideal funnel carries the first bar down by the target conversions; by value it
        # is scaled with the first bar's amount per deal.
        per_deal = (rows[0].reached_amount / 100 / rows[0].reached
                    if value and rows and rows[0].reached else 1.0)
        ideal = [(r.ideal_reached * per_deal if r.ideal_reached is not None else np.nan)
                 for r in rows]
        if not self.has_ideal():
            ideal = [np.nan] * n
        self._legend(self.has_ideal())
        previous = [r.previous_reached if r.previous_reached is not None else 0 for r in rows]
        if value:  # the previous period has no amounts in the chart data: hide its bars
            previous = [0] * n
        widest = max([*reached, *(v for v in ideal if v == v), *previous, 1.0])
        brushes = [pg.mkBrush(self._colour(r.stage_id)) for r in rows]
        self.reached_bars.setOpts(x0=-reached / 2, x1=reached / 2, y=ys, brushes=brushes)
        ideal_arr = np.array(ideal, dtype=float)
        keep = ~np.isnan(ideal_arr)
        self.ideal_bars.setOpts(x0=-ideal_arr[keep] / 2, x1=ideal_arr[keep] / 2, y=ys[keep])
        prev = np.array(previous, dtype=float)
        self.previous_bars.setOpts(x0=-prev / 2, x1=prev / 2, y=ys + BAR / 2 + THIN / 2 + 0.03)
        self.reached_plot.setXRange(-widest / 2, widest / 2, padding=0.03)
        self.reached_plot.setYRange(-0.5, max(n, 1) - 0.5, padding=0.02)
        category_ticks(self.reached_plot.getAxis("left"),
                       [(i, self._name(r.stage_id)) for i, r in enumerate(rows)])
        self.bar_labels.set([
            (0.0, float(i), self.tr("%1 · %2").replace("%1", f.count(r.reached))
             .replace("%2", f.money(r.reached_amount)), (0.5, 0.5), INK)
            for i, r in enumerate(rows)])
        steps = []
        for i, r in enumerate(rows[:-1]):
            parts = [self.tr("↓ %1").replace("%1", f.percent(r.conversion))]
            if r.ideal_conversion is not None:
                parts.append(self.tr("ideal %1").replace("%1", f.percent(r.ideal_conversion)))
            if r.previous_conversion is not None:
                parts.append(self.tr("before %1").replace("%1",
                                                          f.percent(r.previous_conversion)))
            steps.append((widest / 2, i + 0.5, "   ".join(parts), (1.0, 0.5), MUTED))
        self.step_labels.set(steps)
        self._summary()
        self._draw_now()

    def _draw_now(self) -> None:
        chart = self.chart
        f = self.fmt
        rows = chart.stages if chart else []
        value = self.by_value()
        now = np.array([r.now_amount / 100 if value else r.now_count for r in rows],
                       dtype=float)
        brushes = []
        for r in rows:
            c = QColor(self._colour(r.stage_id))
            c.setAlpha(170)
            brushes.append(pg.mkBrush(c))
        self.now_bars.setOpts(x0=np.zeros(len(rows)), width=now,
                              y=np.arange(len(rows), dtype=float), brushes=brushes)
        widest = max([*now, 1.0])
        self.now_plot.setXRange(0, widest * 2.2, padding=0.02)
        labels = []
        for i, r in enumerate(rows):
            s = self.stages.get(r.stage_id)
            if s is not None and s.kind == StageKind.WON:
                text = self.tr("%1 won · %2").replace("%1", f.count(r.now_count)).replace(
                    "%2", f.money(r.now_amount))
            else:
                text = self.tr("%1 open · %2\nweighted %3").replace(
                    "%1", f.count(r.now_count)).replace("%2", f.money(r.now_amount)).replace(
                    "%3", f.money(r.now_weighted))
            labels.append((float(now[i]) + widest * 0.03, float(i), text, (0.0, 0.5), INK))
        self.now_labels.set(labels)

    def _summary(self) -> None:
        c = self.chart
        f = self.fmt
        if c is None or not c.stages:
            self.summary.setText("")
            self.set_note(self.tr("No pipeline."))
            return
        won = c.stages[-1].reached if c.stages else 0
        text = self.tr("Lead-to-win of the period's new deals: %1 (%2 of %3 won so far)") \
            .replace("%1", f.percent(c.overall, 1)).replace("%2", f.count(won)) \
            .replace("%3", f.count(c.stages[0].reached if c.stages else 0))
        if c.ideal_overall is not None:
            text += "  ·  " + self.tr("ideal %1").replace("%1", f.percent(c.ideal_overall, 1))
        if c.previous_overall is not None:
            text += "  ·  " + self.tr("before %1").replace("%1",
                                                           f.percent(c.previous_overall, 1))
        self.summary.setText(text)
        note = self.tr("Deals created %1 (%2 deals), compared with %3. Lead-to-win: the share "
                       "of them won so far — not the win rate, which is won ÷ (won + lost) of "
                       "the deals closed in the period. “Now”: deals in each stage now; won: "
                       "won in the period.").replace(
            "%1", period_text(f, c.period)).replace("%2", f.count(c.cohort)).replace(
            "%3", period_text(f, c.previous_period) if c.previous_period else "—")
        if not self.has_ideal():
            note += " " + self.tr("No stage has a target conversion yet, so no ideal funnel "
                                  "is drawn (Tools ▸ Pipelines and stages).")
        self.set_note(note)

    # -- hover and table ------------------------------------------------------------------------
    def hover(self, plot: pg.PlotItem, point: QPointF) -> str | None:
        c = self.chart
        if c is None:
            return None
        i = round(point.y())
        if not 0 <= i < len(c.stages):
            return None
        r = c.stages[i]
        f = self.fmt
        lines = [self._name(r.stage_id),
                 self.tr("Reached: %1 deals, %2").replace("%1", f.count(r.reached))
                 .replace("%2", f.money(r.reached_amount))]
        if r.conversion is not None:
            lines.append(self.tr("On to the next stage: %1").replace("%1",
                                                                     f.percent(r.conversion, 1)))
        if r.ideal_conversion is not None:
            lines.append(self.tr("Ideal: %1").replace("%1", f.percent(r.ideal_conversion)))
        if r.previous_reached is not None:
            lines.append(self.tr("Previous period: %1 deals").replace(
                "%1", f.count(r.previous_reached)))
        lines.append(self.tr("Now: %1 deals, %2 (weighted %3)").replace(
            "%1", f.count(r.now_count)).replace("%2", f.money(r.now_amount)).replace(
            "%3", f.money(r.now_weighted)))
        return "\n".join(lines)

    def table(self) -> list[list[str]]:
        c = self.chart
        rows: list[list[str]] = [[
            self.tr("Stage"), self.tr("Reached"), self.tr("Reached amount"),
            self.tr("Conversion to next"), self.tr("Ideal conversion"),
            self.tr("Ideal reached"), self.tr("Previous period reached"),
            self.tr("Previous conversion"), self.tr("Now"), self.tr("Now amount"),
            self.tr("Now weighted")]]
        for r in c.stages if c else []:
            rows.append([
                self._name(r.stage_id), str(r.reached), export.money_cell(r.reached_amount),
                export.rate_cell(r.conversion), export.rate_cell(r.ideal_conversion),
                "" if r.ideal_reached is None else export.plain(round(r.ideal_reached, 1)),
                "" if r.previous_reached is None else str(r.previous_reached),
                export.rate_cell(r.previous_conversion), str(r.now_count),
                export.money_cell(r.now_amount), export.money_cell(r.now_weighted)])
        return rows

    # -- for tests --------------------------------------------------------------------------
    def plotted(self) -> dict[str, list[float]]:
        """The drawn bar lengths: reached, ideal, previous and now (in the current measure)."""
        def width(item: pg.BarGraphItem) -> list[float]:
            o = item.opts
            if o.get("width") is not None:
                return [float(v) for v in o["width"]]
            return [float(b - a) for a, b in zip(o["x0"], o["x1"], strict=True)]

        return {"reached": width(self.reached_bars), "ideal": width(self.ideal_bars),
                "previous": width(self.previous_bars), "now": width(self.now_bars)}
