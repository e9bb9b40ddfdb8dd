"""The Analytics page: the board's filters and a period, key numbers, target progress, and tabs
of charts, tables, reverse planning and health findings.

Keeping it current: a full recompute (:func:`compute_all`) runs only while the page is
visible, after a short pause (changes in a burst are computed once), or when the page is shown
after something changed. A stage move (``Changes.moves``) is applied at once to the held
snapshot in O(moved deals), refreshing the key numbers, the funnel's "now" columns, the
forecast and the target bars within the same event; the rest (the period's history) waits for
the next full recompute.
"""

from __future__ import annotations

import contextlib
import threading
import time
import zlib
from collections.abc import Callable
from datetime import datetime
from typing import Any, cast

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtGui import QHideEvent, QShowEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ...core.analytics import BAND_RUNS, AnalyticsResult, Inputs, pure_moves, refresh_live
from ...core.errors import FunnelError
from ...core.values import Period, Segment
from ...services.events import Changes
from ...store import connection
from ...store.analytics_data import apply_moves, compute_all
from ..board.filters import FilterBar
from ..board.strip import Tile
from ..common import ask
from ..common.context import AppContext
from ..common.messages import error_text
from ..common.saved_notice import STATUS_MS, SavedNotice
from .breakdown_panel import ReasonsPanel, SizeBandsPanel
from .filters_sync import copy_filters
from .forecast_panel import ForecastPanel
from .funnel_panel import FunnelPanel
from .health_panel import HealthCard
from .people_panel import PeopleCard, SegmentsCard
from .periods import PeriodChooser, period_text
from .planning_panel import PlanningPanel
from .rules import rule
from .targets_panel import TargetBars, TargetsDialog, scope_name
from .trends_panel import CycleChart, VelocityCard, WinRatePanel

#: Pause after the last change before a full recompute (ms).
DEBOUNCE_MS = 400
#: A recompute that took less than this (s) runs at once; a longer one in a worker thread.
SYNC_SECONDS = 0.25
#: Where the chosen period is remembered, for each database (custom ranges are not).
PERIOD_KEY = "analytics/period"
#: The period a database opened for the first time shows.
DEFAULT_PERIOD = "quarter"
#: Kinds of change that make the page's numbers stale.
RELEVANT = ("deals", "customers", "pipelines", "activities", "settings", "targets", "lists",
            "all")

STYLE = """
QWidget#analyticsPage { background: #f5f7fa; }
QScrollArea#analyticsScroll, QWidget#analyticsHost { background: transparent; border: none; }
QFrame#chartCard { background: #ffffff; border: 1px solid #e2e6ec; border-radius: 8px; }
QLabel#chartTitle { font-weight: 700; font-size: 11pt; color: #111827; }
QLabel#ruleMark { color: #9ca3af; }
QLabel#chartSummary { color: #374151; font-weight: 600; }
QLabel#chartLegend { font-size: 9pt; }
QLabel#chartNote { color: #6b7280; font-size: 8.5pt; }
QLabel#chartEmpty { color: #6b7280; padding: 12px 24px; }
QLabel#periodLabel { color: #374151; font-weight: 600; }
QLabel#pageStatus { color: #9ca3af; font-size: 8.5pt; }
QLabel#planHeadline { font-size: 11pt; font-weight: 600; color: #111827; padding: 4px 0; }
QLabel#planHeadline[problem="true"] { color: #b45309; }
QFrame#targetBars { background: #ffffff; border: 1px solid #e2e6ec; border-radius: 8px; }
QLabel#targetText { color: #374151; }
QProgressBar#targetProgress { border: none; border-radius: 5px; background: #eef1f5; }
QProgressBar#targetProgress::chunk { border-radius: 5px; background: #2563eb; }
QProgressBar#targetProgress[state="done"]::chunk { background: #16a34a; }
QFrame#factorTile { background: #f8fafc; border: 1px solid #e2e6ec; border-radius: 8px; }
QFrame#factorResult { background: #eff5ff; border: 1px solid #bfdbfe; border-radius: 8px; }
QLabel#factorValue { font-size: 14pt; font-weight: 700; color: #111827; }
QLabel#factorOperator { font-size: 16pt; color: #9ca3af; padding: 0 2px; }
QTableWidget#findingList::item { padding: 6px 4px; border-bottom: 1px solid #f0f2f5; }
QTableWidget#findingList::item:selected { background: #eff5ff; color: #111827; }
QTabWidget#analyticsTabs::pane { background: transparent; border: none; }
"""


class _Relay(QObject):
    """Hands a worker thread's result to the page on the main thread (queued signal)."""

    done = Signal(int, object, object, float)


def scrolling(*cards: QWidget, stretch: tuple[int, ...] = ()) -> QScrollArea:
    """A vertical scroll area holding ``cards`` one under the other."""
    host = QWidget()
    host.setObjectName("analyticsHost")
    lay = QVBoxLayout(host)
    lay.setContentsMargins(0, 8, 4, 8)
    lay.setSpacing(12)
    for i, card in enumerate(cards):
        lay.addWidget(card, stretch[i] if i < len(stretch) else 1)
    area = QScrollArea()
    area.setObjectName("analyticsScroll")
    area.setWidgetResizable(True)
    area.setFrameShape(QScrollArea.Shape.NoFrame)
    area.setWidget(host)
    return area


class AnalyticsPage(QWidget):
    """The Analytics view beside the board.

    Signals:
        dealActivated(int): open this deal (from the health findings).
        refreshed(): a full recompute has been shown.
    """

    dealActivated = Signal(int)
    refreshed = Signal()

    def __init__(self, ctx: AppContext, pipeline_of: Callable[[], int | None],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("analyticsPage")
        self.setStyleSheet(STYLE)
        self.ctx = ctx
        self._pipeline_of = pipeline_of
        self.segment = Segment()
        self.result: AnalyticsResult | None = None
        self._dirty = True
        self._computed_for: tuple | None = None
        self.full_refreshes = 0  # how many full recomputes ran
        self.live_updates = 0  # how many move events were applied in O(1)
        #: moves applied while the page was hidden, not drawn yet (drawn when it is shown)
        self._live_pending = False
        self.last_seconds = 0.0
        self.band_runs = BAND_RUNS
        fmt = ctx.fmt

        lay = QVBoxLayout(self)
        lay.setContentsMargins(14, 10, 14, 8)
        lay.setSpacing(8)
        self.filters = FilterBar(ctx.today)
        self.filters.changed.connect(self.set_segment)
        lay.addWidget(self.filters)
        bar = QHBoxLayout()
        bar.setSpacing(10)
        self.period = PeriodChooser(fmt, ctx.today)
        self.period.set_code(self.remembered_period())
        self.period.changed.connect(self._period_changed)
        bar.addWidget(self.period)
        bar.addStretch(1)
        #: "Saved funnel.png  Open · Show in folder" after a chart was saved.
        self.saved_notice = SavedNotice(self, timeout_ms=STATUS_MS)
        bar.addWidget(self.saved_notice)
        self.status = QLabel()
        self.status.setObjectName("pageStatus")
        bar.addWidget(self.status)
        self.refresh_button = QPushButton(self.tr("Refresh"))
        self.refresh_button.setToolTip(self.tr("Compute every number again from the database"))
        self.refresh_button.clicked.connect(self.request_refresh)
        bar.addWidget(self.refresh_button)
        self.targets_button = QPushButton(self.tr("Targets…"))
        self.targets_button.clicked.connect(self.edit_targets)
        bar.addWidget(self.targets_button)
        lay.addLayout(bar)

        tiles = QHBoxLayout()
        tiles.setSpacing(10)
        self.tile_open = Tile(self.tr("Open deals"), self.tr(
            "Deals in the open stages of this pipeline that match the filters, now."))
        self.tile_pipeline = Tile(self.tr("Pipeline"), self.tr("Σ amount of the open deals."))
        self.tile_weighted = Tile(self.tr("Weighted"), rule("weighted"))
        self.tile_won = Tile(self.tr("Won in the period"), rule("win_rate"))
        self.tile_rate = Tile(self.tr("Win rate"), rule("win_rate"))
        for t in (self.tile_open, self.tile_pipeline, self.tile_weighted, self.tile_won,
                  self.tile_rate):
            tiles.addWidget(t)  # as wide as their words; the target bars take the rest
        self.targets = TargetBars(fmt)
        tiles.addWidget(self.targets, 1)
        lay.addLayout(tiles)

        self.funnel = FunnelPanel(fmt)
        self.forecast = ForecastPanel(fmt)
        self.win_rate = WinRatePanel(fmt)
        self.cycle = CycleChart(fmt)
        self.velocity = VelocityCard(fmt)
        self.reasons = ReasonsPanel(fmt)
        self.sizes = SizeBandsPanel(fmt)
        self.people = PeopleCard(fmt)
        self.segments = SegmentsCard(fmt)
        self.planning = PlanningPanel(fmt, ctx.today)
        self.health = HealthCard(fmt, ctx.lang)
        self.health.dealActivated.connect(self.dealActivated)
        for tall in (self.funnel, self.forecast):
            tall.setMinimumHeight(400)
        for card in (self.win_rate, self.cycle, self.reasons, self.sizes):
            card.setMinimumHeight(330)
        self.people.setMinimumHeight(320)
        self.planning.setMinimumHeight(520)
        self.health.setMinimumHeight(420)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("analyticsTabs")
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(scrolling(self.funnel, self.forecast), self.tr("Funnel and forecast"))
        self.tabs.addTab(scrolling(self.win_rate, self.cycle, self.velocity,
                                   stretch=(3, 3, 0)), self.tr("Trends"))
        self.tabs.addTab(scrolling(self.reasons, self.sizes), self.tr("Reasons and sizes"))
        self.tabs.addTab(scrolling(self.people, self.segments), self.tr("People and segments"))
        self.tabs.addTab(scrolling(self.planning), self.tr("Reverse planning"))
        self.tabs.addTab(scrolling(self.health), self.tr("Health"))
        lay.addWidget(self.tabs, 1)
        self.cards = (self.funnel, self.forecast, self.win_rate, self.cycle, self.velocity,
                      self.reasons, self.sizes, self.people, self.segments, self.planning,
                      self.health)
        for each in self.cards:
            each.saved.connect(self.saved_notice.show_saved)

        self.threaded = True
        self._job: tuple[int, int] | None = None  # (generation, version at its start)
        self._version = 0  # counts changes; a result computed before the last one is stale
        self._generation = 0
        self._relay = _Relay(self)
        self._relay.done.connect(self._job_done)
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(DEBOUNCE_MS)
        self._debounce.timeout.connect(self._refresh_if_visible)
        self._on_show = QTimer(self)
        self._on_show.setSingleShot(True)
        self._on_show.setInterval(0)
        self._on_show.timeout.connect(self._refresh_if_visible)
        ctx.bridge.changed.connect(self._on_changes)
        self._board_filters: FilterBar | None = None

    # -- what is shown ------------------------------------------------------------------------
    def inputs(self) -> Inputs:
        """What a recompute now would be for."""
        return Inputs(self._pipeline_of(), self.segment, self.period.period(),
                      self.period.previous(), self.ctx.today())

    def _key(self) -> tuple:
        return (connection.token(), self.inputs())

    def link_filters(self, board_filters: FilterBar) -> None:
        """Show the same filters as the board's bar, both ways."""
        self._board_filters = board_filters
        copy_filters(board_filters, self.filters)
        self.segment = self.filters.segment()
        board_filters.changed.connect(self._board_filters_changed)

    def _board_filters_changed(self, _segment: Segment) -> None:
        if self._board_filters is not None and copy_filters(self._board_filters, self.filters):
            self.set_segment(self.filters.segment())

    def set_segment(self, segment: Segment) -> None:
        """Cut the page to ``segment`` (the board's filters follow when linked)."""
        other = self._board_filters
        if other is not None and self.sender() is self.filters and copy_filters(
                self.filters, other):
            other.changed.emit(other.segment())
        if segment == self.segment:
            return
        self.segment = segment
        self._invalidate()

    def period_key(self) -> str:
        """Where the open database's period is remembered (each database keeps its own)."""
        return f"{PERIOD_KEY}/{zlib.crc32(connection.location().encode()):08x}"

    def remembered_period(self) -> str:
        """The named period last chosen on the open database (else :data:`DEFAULT_PERIOD`)."""
        code = str(self.ctx.settings.value(self.period_key(), "") or "")
        return code if code in ("month", "quarter", "year", "last12") else DEFAULT_PERIOD

    def _period_changed(self) -> None:
        if self.period.code() != "custom":
            self.ctx.settings.setValue(self.period_key(), self.period.code())
        self._invalidate()

    def database_changed(self) -> None:
        """Another database is open: its own period, not the one chosen on the last."""
        self.period.set_code(self.remembered_period())

    def pipeline_changed(self) -> None:
        """The window switched pipeline (or database)."""
        self._invalidate()

    def _invalidate(self) -> None:
        self._version += 1
        self._dirty = True
        if self.isVisible():
            self.status.setText(self.tr("Updating…"))
            self._debounce.start()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._live_pending and self.result is not None:
            self._live_pending = False
            r = self.result
            refresh_live(r)  # the moves made while hidden
            self._show_live(r)
            self.funnel.show_live(r.funnel)
        if self._dirty or self._computed_for != self._key():
            self.status.setText(self.tr("Updating…"))
            self._on_show.start()

    def hideEvent(self, event: QHideEvent) -> None:
        super().hideEvent(event)
        self._debounce.stop()
        self._on_show.stop()

    def _refresh_if_visible(self) -> None:
        if self.isVisible() and (self._dirty or self._computed_for != self._key()):
            self.request_refresh()

    # -- computing ----------------------------------------------------------------------------
    def request_refresh(self) -> None:
        """Recompute soon: at once when the last recompute was quick, else in a worker thread
        while the page keeps showing the numbers it has (a result computed while something
        changed again is thrown away and computed anew)."""
        self._debounce.stop()
        if self._job is not None:
            return  # the running job's result will be found stale and computed again
        if not self.threaded or self.last_seconds < SYNC_SECONDS:
            self.refresh()
            return
        key = self._key()
        self._generation += 1
        self._job = (self._generation, self._version)
        self.status.setText(self.tr("Updating…"))
        close_connection = connection.connection_closer()
        relay, runs, generation = self._relay, self.band_runs, self._generation

        def work() -> None:
            started = time.perf_counter()
            try:
                out: object = compute_all(key[1], band_runs=runs)
            except Exception as err:  # handed to the main thread, which decides
                out = err
            finally:
                with contextlib.suppress(Exception):
                    close_connection()  # this thread's own connection
            with contextlib.suppress(RuntimeError):  # the page is gone
                relay.done.emit(generation, key, out, time.perf_counter() - started)

        threading.Thread(target=work, name="analytics-refresh", daemon=True).start()

    def _job_done(self, generation: int, key: tuple, out: object, seconds: float) -> None:
        if self._job is None or self._job[0] != generation:
            return
        version = self._job[1]
        self._job = None
        if version != self._version or key != self._key():
            self._dirty = True
            if self.isVisible():
                self.request_refresh()
            return
        if isinstance(out, FunnelError):
            self.status.setText(error_text(out))
            return
        if isinstance(out, BaseException):
            raise out
        assert isinstance(out, AnalyticsResult)
        self._apply(out, key, seconds)

    @property
    def computing(self) -> bool:
        """Whether a recompute is running in a worker thread (the page shows "Updating…")."""
        return self._job is not None

    def refresh(self) -> AnalyticsResult:
        """Recompute everything now, in this thread, and show it."""
        self._debounce.stop()
        key = self._key()
        started = time.perf_counter()
        result = compute_all(key[1], band_runs=self.band_runs)
        self._generation += 1  # a worker's older result is now stale
        self._job = None
        self._apply(result, key, time.perf_counter() - started)
        return result

    def _apply(self, result: AnalyticsResult, key: tuple, seconds: float) -> None:
        shown = time.perf_counter()
        self.result = result
        self._computed_for = key
        self._dirty = False
        self._live_pending = False
        self.full_refreshes += 1
        self._show_all(result)
        self.last_seconds = seconds + time.perf_counter() - shown
        self.status.setText(self.tr("Updated %1 · %2 s").replace(
            "%1", datetime.now().strftime("%H:%M")).replace(
            "%2", f"{self.last_seconds:.2f}"))
        self.status.setToolTip(self.tr("Loading the deals took %1 s of it.").replace(
            "%1", f"{result.timings.get('load', 0.0):.2f}"))
        self.refreshed.emit()

    def _show_all(self, r: AnalyticsResult) -> None:
        i = r.inputs
        for card in (self.forecast, self.win_rate, self.cycle, self.reasons, self.sizes):
            card.filtered = not i.segment.is_empty()
        self._show_live(r)
        self.funnel.show_chart(r.funnel, r.stages)
        self.win_rate.show_rows(r.win_rates, r.metrics, r.trend_period)
        self.cycle.show_data(r.cycles, r.cycle, r.stages, i.period, r.trend_period)
        self.velocity.show_metrics(r.metrics)
        self.reasons.show_summaries(r.reasons, i.period)
        self.sizes.show_lines(r.bands, i.period)
        self.people.show_tables(r.owners, r.teams, r.owner_names, r.team_names, i.period)
        self.segments.show_comparisons(r.comparisons)
        quarter = next((p.target for p in r.progress if p.kind == "quarter"), None)
        self.planning.set_data(cast(Any, r.data), i.period, r.band_bounds, default_target=quarter,
                               precomputed=r.plan_inputs, filtered=not i.segment.is_empty())
        self.health.show_findings(r.findings, r.data.deals, r.stage_names, r.owner_names,
                                  r.thresholds, r.thresholds_error,
                                  r.health_period or i.period, i.today)

    def _show_live(self, r: AnalyticsResult) -> None:
        """The snapshot-based parts: key numbers, forecast, target bars (and the funnel's
        "now" columns, by the caller)."""
        f = self.ctx.fmt
        n, amount, weighted = r.snapshot.open_totals()
        won_n, won_a, lost_n, _lost_a = r.snapshot.closed_in(r.inputs.period)
        self.tile_open.set_value(f.count(n))
        self.tile_pipeline.set_value(f.money(amount))
        share = weighted / amount if amount else None
        self.tile_weighted.set_value(f.money(weighted), self.tr("%1 of the pipeline").replace(
            "%1", f.percent(share)) if share is not None else " ")
        self.tile_won.set_value(f.money(won_a), self.tr("%1 deals · %2").replace(
            "%1", f.count(won_n)).replace("%2", period_text(f, r.inputs.period)))
        rate = won_n / (won_n + lost_n) if won_n + lost_n else None
        self.tile_rate.set_value(f.percent(rate), self.tr("%1 won · %2 lost").replace(
            "%1", f.count(won_n)).replace("%2", f.count(lost_n)))
        self.forecast.show_chart(r.forecast, r.inputs.period, r.band.runs if r.band else 0)
        self.targets.show_progress(r.progress, scope_name(r.target_scope, r.owner_names,
                                                          r.team_names))

    # -- events -------------------------------------------------------------------------------
    def _on_changes(self, changes: Changes) -> None:
        if not changes.touches(*RELEVANT):
            return
        r = self.result
        if (r is not None and changes.moves and not self._dirty_structure(changes)
                and r.inputs.pipeline_id == self._pipeline_of()
                and r.inputs.segment == self.segment and pure_moves(r, changes.moves)):
            visible = self.isVisible()
            try:
                # nobody sees a hidden page: its snapshot takes the moves now, what is drawn
                # from it (forecast, targets, the funnel's "now") is made when it is shown
                applied = apply_moves(r, changes.moves, refresh=visible)
            except ValueError:  # the snapshot disagrees with the database: recompute
                applied = None
            if applied is not None:
                if applied:
                    self.live_updates += 1
                    if visible:
                        self._show_live(r)
                        self.funnel.show_live(r.funnel)
                    else:
                        self._live_pending = True
                self._invalidate()
                return
        self._invalidate()

    @staticmethod
    def _dirty_structure(changes: Changes) -> bool:
        return changes.touches("customers", "pipelines", "settings", "targets", "lists", "all")

    # -- actions ------------------------------------------------------------------------------
    def edit_targets(self) -> TargetsDialog:
        """Analytics ▸ Targets…: the targets dialog for the page's scope."""
        scope = self.result.target_scope if self.result else ("business", None, None)
        dlg = TargetsDialog(self.ctx, scope, self)
        dlg.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        ask.run_dialog(dlg)
        return dlg

    def show_tab(self, widget: QWidget) -> None:
        """Bring the tab holding ``widget`` to the front."""
        for i in range(self.tabs.count()):
            page = self.tabs.widget(i)
            if page is not None and page.isAncestorOf(widget):
                self.tabs.setCurrentIndex(i)
                return

    def current_period(self) -> Period:
        return self.period.period()

