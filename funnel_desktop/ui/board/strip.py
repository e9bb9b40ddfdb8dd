"""The metrics strip above the board: open deals, pipeline, weighted, this month's forecast,
win rate over the last 90 days — for the same pipeline and filters as the board."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from ..common.elided_label import ElidedLabel
from ..common.fmt import Formatter
from ..common.label_text import set_text
from .totals import WIN_RATE_DAYS, FunnelTotals


class Tile(QFrame):
    """One number with its caption and a small note under it."""

    def __init__(self, caption: str, rule: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("metricTile")
        self.setToolTip(rule)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(14, 8, 14, 8)
        lay.setSpacing(0)
        # caption and note give way ("…", whole in the tooltip) in a narrow window
        self.caption = ElidedLabel(caption)
        self.caption.setObjectName("tileCaption")
        self.value = QLabel("—")
        self.value.setObjectName("tileValue")
        self.value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.note = ElidedLabel(" ")
        self.note.setObjectName("tileNote")
        for w in (self.caption, self.value, self.note):
            lay.addWidget(w)

    def set_value(self, value: str, note: str = " ") -> None:
        set_text(self.value, value)
        self.note.setText(note or " ")


class MetricsStrip(QFrame):
    """Five tiles; :meth:`show_totals` fills them from :class:`FunnelTotals`."""

    def __init__(self, fmt: Formatter, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("metricsStrip")
        self.fmt = fmt
        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(10)
        self.open_deals = Tile(self.tr("Open deals"),
                               self.tr("Deals in the open stages of this pipeline that match "
                                       "the filters."))
        self.pipeline = Tile(self.tr("Pipeline"),
                             self.tr("Σ amount of the open deals."))
        self.weighted = Tile(self.tr("Weighted"),
                             self.tr("Weighted value = amount × probability ÷ 100, summed "
                                     "over open deals; a deal's own probability overrides "
                                     "its stage's."))
        self.forecast = Tile(self.tr("Forecast this month"),
                             self.tr("Weighted value of the open deals expected to close "
                                     "this month."))
        self.win_rate = Tile(self.tr("Win rate"),
                             self.tr("Won ÷ (won + lost) among deals closed in the last "
                                     "%1 days, by count.").replace("%1", str(WIN_RATE_DAYS)))
        for tile in (self.open_deals, self.pipeline, self.weighted, self.forecast,
                     self.win_rate):
            lay.addWidget(tile, 1)

    def add_tile(self, tile: QWidget) -> None:
        """Add another panel's tile at the end of the strip (e.g. the month's target)."""
        lay = self.layout()
        assert isinstance(lay, QHBoxLayout)
        lay.addWidget(tile, 1)

    def show_totals(self, t: FunnelTotals) -> None:
        f = self.fmt
        self.open_deals.set_value(f.count(t.open_count))
        self.pipeline.set_value(f.money(t.open_amount))
        share = t.weighted / t.open_amount if t.open_amount else None
        self.weighted.set_value(f.money(t.weighted),
                           self.tr("%1 of the pipeline").replace("%1", f.percent(share))
                           if share is not None else " ")
        month = ""
        if t.month is not None:
            m = t.month[0]
            month = (f"{m.year}年{m.month}月" if f.zh
                     else f.locale.toString(_qdate(m), "MMMM yyyy"))
        self.forecast.set_value(f.money(t.month_forecast), month)
        self.win_rate.set_value(f.percent(t.win_rate),
                           self.tr("%1 won · %2 lost · last %3 days")
                           .replace("%1", f.count(t.won_recent))
                           .replace("%2", f.count(t.lost_recent))
                           .replace("%3", str(WIN_RATE_DAYS)))


def _qdate(d: date) -> QDate:
    return QDate(d.year, d.month, d.day)
