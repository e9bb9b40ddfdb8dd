"""The board page: filter bar, metrics strip and the board, kept in step with the data."""

from __future__ import annotations

from PySide6.QtWidgets import QVBoxLayout, QWidget

from ...core.values import Segment
from ...services.events import Changes
from ...store.queries import stages_of
from ..common.context import AppContext
from .board import Board
from .filters import FilterBar
from .strip import MetricsStrip
from .totals import FunnelTotals


class BoardPage(QWidget):
    """Filters apply to the board and the strip together; every change event refreshes the
    totals (in O(1) per moved deal for plain moves) and the columns, once."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("boardPage")
        self.totals = FunnelTotals()
        lay = QVBoxLayout(self)
        lay.setContentsMargins(14, 10, 14, 12)
        lay.setSpacing(10)
        self.filters = FilterBar(ctx.today)
        self.strip = MetricsStrip(ctx.fmt)
        self.board = Board(ctx, self.totals)
        lay.addWidget(self.filters)
        lay.addWidget(self.strip)
        lay.addWidget(self.board, 1)
        self.filters.changed.connect(self.set_segment)
        ctx.bridge.changed.connect(self._on_changes)
        self.incremental_updates = 0  # how many events were applied without a recompute

    @property
    def pipeline_id(self) -> int | None:
        return self.board.pipeline_id

    def set_pipeline(self, pipeline_id: int | None) -> None:
        stages = stages_of(pipeline_id) if pipeline_id is not None else []
        self.board.set_pipeline(pipeline_id, stages)
        self.refresh()

    def set_segment(self, segment: Segment) -> None:
        self.board.segment = segment
        self.refresh()

    def refresh(self) -> None:
        """Recompute the totals and reload the columns and the strip."""
        self.totals.recompute(self.board.pipeline_id, self.board.segment, self.ctx.today(),
                              self.ctx.now())
        self.board.reload()
        self.strip.show_totals(self.totals)

    def _on_changes(self, changes: Changes) -> None:
        if not changes.touches("deals", "customers", "pipelines", "activities", "all",
                               "settings"):
            return
        if changes.touches("settings", "all"):
            self.ctx.read_settings()
        if changes.touches("pipelines", "all"):
            stages = stages_of(self.board.pipeline_id) if self.board.pipeline_id else []
            if [s.id for s in stages] != [s.id for s in self.board.stages]:
                self.board.set_pipeline(self.board.pipeline_id, stages)
        if self.totals.apply(changes) and self.board.apply_moves(
                changes.moves, self.totals.last_in_segment):
            self.incremental_updates += 1
        else:
            self.totals.recompute(self.board.pipeline_id, self.board.segment,
                                  self.ctx.today(), self.ctx.now())
            self.board.reload()
        self.strip.show_totals(self.totals)
