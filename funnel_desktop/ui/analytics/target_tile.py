"""The month's target on the board's strip: won so far ÷ this month's target, kept current by
itself (from the window's start, whether or not the Analytics page was ever built).

Light on purpose: it imports neither the Analytics page's data module nor numpy or pyqtgraph,
so the board starts without them.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QProgressBar, QVBoxLayout, QWidget

from ...core.dates import period_of
from ...core.targets import calendar_progress
from ...core.values import Segment
from ...services.events import Changes
from ...store import analytics_queries as aq
from ...store.pipeline_rows import stage_kinds
from ...store.screen_queries import closed_since
from ..board.filters import FilterBar
from ..board.strip import Tile
from ..common.context import AppContext
from ..common.fmt import Formatter

#: The tile is outside the Analytics page (whose style sheet colours the page's bars).
TILE_BAR_STYLE = """
QProgressBar { border: none; border-radius: 3px; background: #eef1f5; }
QProgressBar::chunk { border-radius: 3px; background: #2563eb; }
QProgressBar[state="done"]::chunk { background: #16a34a; }
"""

#: Kinds of change that can move this month's target or what was won toward it.
RELEVANT = ("deals", "targets", "settings", "pipelines", "all")


def month_target_progress(pipeline_id: int | None, segment: Segment | None, today: date
                          ) -> tuple[int | None, int]:
    """(this month's target, won from its first day to now) for the segment's target scope:
    two small queries, then the one rule of target progress (:mod:`core.targets`) — the
    month's numbers of the Analytics page's target progress (a test holds them equal),
    without importing what the page's full recompute needs."""
    if pipeline_id is None:
        return None, 0
    month = period_of("month", today)
    kind, team_id, owner_id = aq.target_scope(segment)
    rows = aq.target_rows(month.start, month.end, scope=kind, team_id=team_id,
                          owner_id=owner_id)
    since = datetime(month.start.year, month.start.month, month.start.day)
    won = closed_since(pipeline_id, segment, since)["won"][1]
    progress = calendar_progress("month", today, rows, won)
    return progress.target, progress.won


def show_share(bar: QProgressBar, share: float | None) -> None:
    """A target bar at ``share`` of its target (None: no target), coloured by its state
    property ("done" at 100 % or more, "open", "none")."""
    if share is None:
        bar.setValue(0)
        bar.setProperty("state", "none")
    else:
        bar.setValue(min(1000, round(share * 1000)))
        bar.setProperty("state", "done" if share >= 1 else "open")
    bar.style().unpolish(bar)
    bar.style().polish(bar)


class TargetTile(Tile):
    """The month's target as a tile: won so far ÷ target, with a thin bar."""

    def __init__(self, fmt: Formatter, parent: QWidget | None = None) -> None:
        super().__init__(QCoreApplication.translate("TargetTile", "Target this month"),
                         QCoreApplication.translate(
                             "TargetTile", "Won from the first day of the month to today ÷ "
                             "the month's target (its own, else its even share of the "
                             "quarter's or year's), for the filtered owner or team, else the "
                             "whole business."), parent)
        self.fmt = fmt
        self.bar = QProgressBar()
        self.bar.setObjectName("targetProgress")
        self.bar.setRange(0, 1000)
        self.bar.setTextVisible(False)
        self.bar.setFixedHeight(6)
        lay = self.layout()
        assert isinstance(lay, QVBoxLayout)  # the Tile's
        lay.insertWidget(2, self.bar)
        self.target: int | None = None
        self.won = 0

    def show_progress(self, target: int | None, won: int) -> None:
        """Show ``won`` against ``target`` (minor units; None or 0: no target set)."""
        self.target, self.won = target, won
        f = self.fmt
        share = won / target if target else None
        if share is not None:
            self.set_value(f.percent(share), QCoreApplication.translate(
                "TargetTile", "%1 of %2").replace("%1", f.money(won))
                .replace("%2", f.money(target)))
        else:
            self.set_value("—", QCoreApplication.translate(
                "TargetTile", "%1 won · no target set").replace("%1", f.money(won)))
        show_share(self.bar, share)


class MonthTargetTile(TargetTile):
    """The tile on the board's strip, for the board's pipeline and filters. It reads its two
    numbers again after any change that can move them; a move between two open stages (what
    a drop on the board does) cannot, and costs no query."""

    def __init__(self, ctx: AppContext, pipeline_of: Callable[[], int | None],
                 filters: FilterBar, parent: QWidget | None = None) -> None:
        super().__init__(ctx.fmt, parent)
        self.bar.setStyleSheet(TILE_BAR_STYLE)
        self.ctx = ctx
        self._pipeline_of = pipeline_of
        self.segment = filters.segment()
        self._stage_kinds: dict[int, str] | None = None  # every pipeline's, read when needed
        self.reads = 0  # how many times the numbers were read (for tests and the benchmark)
        filters.changed.connect(self.set_segment)
        ctx.bridge.changed.connect(self.on_changes)

    def refresh(self) -> None:
        """Read this month's target and what was won toward it, and show them."""
        self.reads += 1
        seg = None if self.segment.is_empty() else self.segment
        self.show_progress(*month_target_progress(self._pipeline_of(), seg, self.ctx.today()))

    def pipeline_changed(self) -> None:
        """The window switched pipeline (or database, or the pipelines were edited)."""
        self._stage_kinds = None
        self.refresh()

    def set_segment(self, segment: Segment) -> None:
        """The board's filters changed: the target of their scope, what they won."""
        if segment != self.segment:
            self.segment = segment
            self.refresh()

    def on_changes(self, changes: Changes) -> None:
        """Read the numbers again after a change that can move them."""
        if not changes.touches(*RELEVANT):
            return
        if changes.touches("pipelines", "all"):
            self._stage_kinds = None
        if not self.only_open_moves(changes):
            self.refresh()

    def only_open_moves(self, changes: Changes) -> bool:
        """Whether ``changes`` is nothing but deals moved from one open stage to another:
        no deal was won, lost or reopened, so neither number can have changed."""
        if not changes.moves or changes.kinds != frozenset({"deals"}):
            return False
        if not changes.deal_ids <= {deal_id for deal_id, _old, _new in changes.moves}:
            return False
        if self._stage_kinds is None:
            self._stage_kinds = stage_kinds()
        kinds = self._stage_kinds
        return all(kinds.get(old) == "open" and kinds.get(new) == "open"
                   for _deal, old, new in changes.moves)
