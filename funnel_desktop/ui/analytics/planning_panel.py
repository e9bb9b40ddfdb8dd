"""Reverse planning (目标倒推): from a revenue target and a history period to the wins needed
(with the size-band mix) and the deals needed at every stage, against what is open now."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...core.analytics import (
    DEFAULT_HISTORY,
    PlanInputs,
    history_period,
    make_plan,
    plan_inputs,
)
from ...core.errors import ValidationError
from ...core.money import parse_amount
from ...core.planning import Plan
from ...core.values import FunnelData, Period, StageInfo
from ..common.fmt import Formatter
from ..common.messages import error_text
from . import export
from .breakdown_panel import band_label
from .charts import (
    INK,
    OPEN,
    OVERDUE,
    ChartCard,
    CountAxis,
    TextPool,
    category_ticks,
    x_room_for_labels,
)
from .charts import swatch as legend_swatch
from .periods import period_text


def _set(table: QTableWidget, row: int, col: int, text: str, *, right: bool = True,
         colour: QColor | None = None, tip: str = "") -> None:
    item = QTableWidgetItem(text)
    item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
    if right:
        item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    if colour is not None:
        item.setForeground(colour)
    if tip:
        item.setToolTip(tip)
    table.setItem(row, col, item)


def small_table(headers: list[str]) -> QTableWidget:
    t = QTableWidget(0, len(headers))
    t.setObjectName("analyticsTable")
    t.setHorizontalHeaderLabels(headers)
    t.verticalHeader().hide()
    t.verticalHeader().setDefaultSectionSize(26)
    t.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
    t.setAlternatingRowColors(True)
    header = t.horizontalHeader()
    header.setStretchLastSection(True)
    header.setSectionResizeMode(header.ResizeMode.ResizeToContents)
    return t


class PlanningPanel(ChartCard):
    """Target, history and conversions in; wins and deals needed per stage out.

    Computation: :func:`core.analytics.plan_inputs` (history → won amounts, conversions, open
    now) and :func:`core.analytics.make_plan`; :meth:`show_plan` shows any
    :class:`core.planning.Plan`.
    """

    def __init__(self, fmt: Formatter, today: Callable[[], date],
                 parent: QWidget | None = None) -> None:
        super().__init__(fmt, self.tr("Reverse planning"), self.tr(
            "Wins needed = target ÷ average won deal, or summed over size bands by their "
            "share of the history's won value ÷ the band's average deal. Then up the funnel: "
            "needed(stage) = needed(next) ÷ conversion(stage → next), rounded up, compared "
            "with the deals open in the stage now."), parent)
        self._today = today
        self.data: FunnelData | None = None
        self.stages: list[StageInfo] = []
        self.page_period: Period | None = None
        self.bounds: tuple[int, ...] = ()
        self.plan: Plan | None = None
        self.cache: dict[tuple[str, bool], PlanInputs] = {}

        form = QGridLayout()
        form.setHorizontalSpacing(10)
        form.setVerticalSpacing(2)
        self.target = QLineEdit()
        self.target.setObjectName("planTarget")
        self.target.setPlaceholderText(self.tr("e.g. 500,000 or 50万"))
        self.target.returnPressed.connect(self.run)
        self.target.textEdited.connect(lambda _t: self._clear_error())
        self.target_error = QLabel()
        self.target_error.setObjectName("fieldError")
        self.target_error.setWordWrap(True)
        self.history = QComboBox()
        self.history.addItem(self.tr("Last 6 months"), "6")
        self.history.addItem(self.tr("Last 12 months"), "12")
        self.history.addItem(self.tr("Last 24 months"), "24")
        self.history.addItem(self.tr("The page's period"), "page")
        self.history.setCurrentIndex(self.history.findData(DEFAULT_HISTORY))
        self.conversions = QComboBox()
        self.conversions.addItem(self.tr("Historical conversions"), "history")
        self.conversions.addItem(self.tr("Ideal conversions (stage settings)"), "ideal")
        self.use_bands = QCheckBox(self.tr("Size-band mix"))
        self.use_bands.setChecked(True)
        self.use_bands.setToolTip(self.tr("Sum the wins needed over deal-size bands by the "
                                          "history's mix instead of one average deal"))
        self.plan_button = QPushButton(self.tr("Plan"))
        self.plan_button.setObjectName("primaryButton")
        self.plan_button.clicked.connect(self.run)
        for col, (caption, widget) in enumerate((
                (self.tr("Revenue target"), self.target),
                (self.tr("Learn from"), self.history),
                (self.tr("Conversions"), self.conversions))):
            label = QLabel(caption)
            label.setObjectName("fieldCaption")
            form.addWidget(label, 0, col)
            form.addWidget(widget, 1, col)
        form.addWidget(self.use_bands, 1, 3)
        form.addWidget(self.plan_button, 1, 4)
        form.addWidget(self.target_error, 2, 0, 1, 5)
        form.setColumnStretch(0, 2)
        self.body.insertLayout(0, form)

        self.headline = QLabel()
        self.headline.setObjectName("planHeadline")
        self.headline.setWordWrap(True)
        self.body.insertWidget(1, self.headline)
        row = QHBoxLayout()
        tables = QVBoxLayout()
        self.band_table = small_table([self.tr("Deal size"), self.tr("Won in history"),
                                       self.tr("Share of value"), self.tr("Wins needed")])
        self.stage_table = small_table([self.tr("Stage"), self.tr("Conversion to next"),
                                        self.tr("Needed"), self.tr("Open now"),
                                        self.tr("Shortfall")])
        tables.addWidget(self.band_table, 2)
        tables.addWidget(self.stage_table, 3)
        row.addLayout(tables, 5)
        self.body.removeWidget(self.canvas)
        row.addWidget(self.canvas, 4)
        self.body.insertLayout(2, row, 1)

        self.set_legend([legend_swatch(QColor("#bfdbfe"), self.tr("needed")),
                         legend_swatch(OPEN, self.tr("open now")),
                         legend_swatch(OVERDUE, self.tr("shortfall"))])
        self.plot = self.add_plot(0, 0, bottom=CountAxis("bottom"))
        self.plot.invertY(True)
        self.plot.showGrid(x=True, y=False, alpha=0.35)
        self.needed_bars = pg.BarGraphItem(x0=[], width=[], y=[], height=0.62,
                                           brush=QColor("#bfdbfe"), pen=pg.mkPen(None))
        self.open_bars = pg.BarGraphItem(x0=[], width=[], y=[], height=0.34, brush=OPEN,
                                         pen=pg.mkPen(None))
        self.short_bars = pg.BarGraphItem(x0=[], width=[], y=[], height=0.12, brush=OVERDUE,
                                          pen=pg.mkPen(None))
        for item in (self.needed_bars, self.open_bars, self.short_bars):
            self.plot.addItem(item)
        self.labels = TextPool(self.plot, self.tick_font)
        self._widest = 0.0  # the longest bar drawn, for fitting the labels on a resize
        self.plot.getViewBox().sigResized.connect(self._fit_x)
        self._show_empty()

    # -- data -------------------------------------------------------------------------------
    def set_data(self, data: FunnelData, page_period: Period, bounds: tuple[int, ...], *,
                 default_target: int | None = None,
                 precomputed: dict[tuple[str, bool], PlanInputs] | None = None) -> None:
        """The loaded deals (the page's pipeline and segment) the plan learns from. A plan
        already shown is recomputed; with no target typed yet, ``default_target`` (the
        quarter's) is planned for."""
        self.data, self.stages = data, list(data.stages)
        self.page_period, self.bounds = page_period, bounds
        self.cache = dict(precomputed or {})
        if not self.target.text().strip() and default_target:
            self.target.setText(self.fmt.amount_input(default_target))
        if self.target.text().strip() and data.deals:
            self.run()
        elif self.plan is None:
            self._show_empty()

    def current_history(self) -> Period:
        return history_period(str(self.history.currentData()), self._today(), self.page_period)

    def run(self) -> Plan | None:
        """Parse the target and compute the plan; errors are shown at the target field."""
        text = self.target.text().strip()
        if not text:
            self._error(self.tr("Enter a revenue target, e.g. 500,000 or 50万."))
            return None
        if self.data is None:
            return None
        try:
            target = parse_amount(text, field="target")
            ideal = self.conversions.currentData() == "ideal"
            key = (str(self.history.currentData()), ideal)
            inputs = self.cache.get(key)
            if inputs is None:
                inputs = self.cache[key] = plan_inputs(self.data, self.current_history(),
                                                       self._today(), ideal=ideal)
            plan = make_plan(inputs, target,
                             self.bounds if self.use_bands.isChecked() else None)
        except ValidationError as err:
            self._error(error_text(err))
            return None
        self._clear_error()
        self.show_plan(plan, self.stages, inputs)
        return plan

    def _error(self, text: str) -> None:
        self.target_error.setText(text)
        self.target.setProperty("invalid", True)
        self.target.style().unpolish(self.target)
        self.target.style().polish(self.target)

    def _clear_error(self) -> None:
        if self.target.property("invalid"):
            self.target.setProperty("invalid", False)
            self.target.style().unpolish(self.target)
            self.target.style().polish(self.target)
        self.target_error.setText("")

    def _show_empty(self) -> None:
        self.plan = None
        self.legend.hide()
        for axis in ("left", "bottom"):
            self.plot.hideAxis(axis)
        self.headline.setText(self.tr("Enter a target and press Plan to see the wins and the "
                                      "deals needed at every stage."))
        self.band_table.setRowCount(0)
        self.stage_table.setRowCount(0)
        for item in (self.needed_bars, self.open_bars, self.short_bars):
            item.setOpts(x0=[], width=[], y=[])
        self.labels.set([])
        self._widest = 0.0

    # -- showing ----------------------------------------------------------------------------
    def show_plan(self, plan: Plan, stages: list[StageInfo],
                  inputs: PlanInputs | None = None) -> None:
        """Show a computed plan (stage names from ``stages``)."""
        self.plan = plan
        self.stages = list(stages)
        f = self.fmt
        names = {s.id: s.name for s in stages}
        self.headline.setText(self.tr("To reach %1: %2 wins (average won deal %3).")
                              .replace("%1", f.money(plan.target))
                              .replace("%2", f.count(plan.wins_needed))
                              .replace("%3", f.money(plan.average_size)))
        total_value = sum(b.won_value for b in plan.bands)
        self.band_table.setRowCount(len(plan.bands))
        for r, b in enumerate(plan.bands):
            _set(self.band_table, r, 0, band_label(f, b.lower, b.upper), right=False)
            _set(self.band_table, r, 1, self.tr("%1 (%2)").replace("%1", f.count(b.won_count))
                 .replace("%2", f.money(b.won_value)))
            _set(self.band_table, r, 2, f.percent(b.won_value / total_value
                                                  if total_value else None))
            _set(self.band_table, r, 3, f.count(b.needed))
        self.band_table.setVisible(bool(plan.bands))
        self.stage_table.setRowCount(len(plan.stages))
        for r, s in enumerate(plan.stages):
            _set(self.stage_table, r, 0, names.get(s.stage_id, "?"), right=False)
            _set(self.stage_table, r, 1, f.percent(s.conversion, 1))
            _set(self.stage_table, r, 2, f.count(s.needed))
            _set(self.stage_table, r, 3, f.count(s.open_now))
            _set(self.stage_table, r, 4, f.count(s.shortfall),
                 colour=QColor(OVERDUE) if s.shortfall else QColor("#16a34a"))
        notes = []
        if not plan.complete:
            notes.append(self.tr("No deal has passed “%1” yet in the history, so its "
                                 "conversion is 0: the plan stops below it.")
                         .replace("%1", names.get(plan.blocked_at or -1, "?")))
        history = self.current_history() if self.data is not None else None
        if history is not None:
            notes.append(self.tr("Learned from %1%2; open now: deals in each stage today.")
                         .replace("%1", period_text(f, history))
                         .replace("%2", self.tr(" (ideal conversions)")
                                  if self.conversions.currentData() == "ideal" else ""))
        self.set_note(" ".join(notes))
        self._draw(plan, names)

    def _draw(self, plan: Plan, names: dict[int, str]) -> None:
        f = self.fmt
        self.legend.show()
        for axis in ("left", "bottom"):
            self.plot.showAxis(axis)
        rows = plan.stages
        ys = np.arange(len(rows), dtype=float)
        needed = np.array([s.needed for s in rows], dtype=float)
        have = np.array([s.open_now for s in rows], dtype=float)
        short = np.array([s.shortfall for s in rows], dtype=float)
        zeros = np.zeros(len(rows))
        self.needed_bars.setOpts(x0=zeros, width=needed, y=ys)
        self.open_bars.setOpts(x0=zeros, width=have, y=ys)
        self.short_bars.setOpts(x0=have, width=short, y=ys + 0.24)
        widest = max([*needed, *have, 1.0])
        self._widest = widest
        category_ticks(self.plot.getAxis("left"),
                       [(float(i), names.get(s.stage_id, "?")) for i, s in enumerate(rows)])
        self.labels.set([
            (float(max(needed[i], have[i])) + widest * 0.02, float(i),
             self.tr("%1 needed · %2 open").replace("%1", f.count(s.needed))
             .replace("%2", f.count(s.open_now)), (0.0, 0.5),
             QColor(OVERDUE) if s.shortfall else INK)
            for i, s in enumerate(rows)])
        self.plot.setYRange(-0.5, max(len(rows), 1) - 0.5, padding=0.02)
        self._fit_x()

    def _fit_x(self, *_args: object) -> None:
        """Widen the x range so the labels right of the bars are not cut off."""
        if self._widest <= 0:
            return
        end = x_room_for_labels(self._widest, self.labels.texts(), self.tick_font,
                                self.plot.getViewBox().width())
        self.plot.setXRange(0, end, padding=0)

    def table(self) -> list[list[str]]:
        plan = self.plan
        rows = [[self.tr("Stage"), self.tr("Conversion to next"), self.tr("Needed"),
                 self.tr("Open now"), self.tr("Shortfall")]]
        if plan is None:
            return rows
        names = {s.id: s.name for s in self.stages}
        for s in plan.stages:
            rows.append([names.get(s.stage_id, "?"), export.rate_cell(s.conversion),
                         str(s.needed), str(s.open_now), str(s.shortfall)])
        return rows

    def stage_rows(self) -> list[list[str]]:
        """The stage table as shown (for tests and copying)."""
        t = self.stage_table
        return [[item.text() if (item := t.item(r, c)) is not None else ""
                 for c in range(t.columnCount())] for r in range(t.rowCount())]

