"""The period chooser of the Analytics page (this month / quarter / year, the last 12 months, a
custom range) and how a period is written."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QCoreApplication, QDate, Signal
from PySide6.QtWidgets import QComboBox, QDialog, QHBoxLayout, QLabel, QWidget

from ...core.analytics import period_for, previous_for
from ...core.values import Period
from ...texts.moments import period_words
from ..common.fmt import Formatter


def period_text(fmt: Formatter, period: Period | None) -> str:
    """``Nov 1 – Nov 30, 2026`` / ``2026年11月1日 – 11月30日`` (the year once when shared), as
    the report and the command line write periods (:func:`texts.moments.period_words`)."""
    if period is None:
        return "—"
    return period_words(fmt, period)


def month_label(fmt: Formatter, key: str, *, with_year: bool = True) -> str:
    """``2026-11`` → ``Nov 2026`` / ``2026年11月`` (``Nov`` / ``11月`` without the year)."""
    year, month = int(key[:4]), int(key[5:7])
    if fmt.zh:
        return f"{year}年{month}月" if with_year else f"{month}月"
    text = fmt.locale.toString(QDate(year, month, 1), "MMM yyyy" if with_year else "MMM")
    return text


def ask_period(parent: QWidget | None, start: date, end: date) -> tuple[date, date] | None:
    """A custom analytics period (tests replace this function); None to cancel."""
    from ..common.period_dialog import PeriodDialog

    dlg = PeriodDialog(start, end, parent)
    dlg.setWindowTitle(QCoreApplication.translate("PeriodChooser", "Analytics period"))
    try:
        if dlg.exec() != QDialog.DialogCode.Accepted:
            return None
        return dlg.value()
    finally:
        dlg.deleteLater()


class PeriodChooser(QWidget):
    """A combo of named periods and a label saying the dates.

    Signals:
        changed(): the period changed (read :meth:`period` / :meth:`previous`).
    """

    changed = Signal()

    def __init__(self, fmt: Formatter, today: Callable[[], date],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.fmt = fmt
        self._today = today
        self._custom: Period | None = None
        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(8)
        caption = QLabel(self.tr("Period"))
        caption.setObjectName("toolbarLabel")
        lay.addWidget(caption)
        self.combo = QComboBox()
        self.combo.setObjectName("periodCombo")
        for code, text in (("month", self.tr("This month")),
                           ("quarter", self.tr("This quarter")),
                           ("year", self.tr("This year")),
                           ("last12", self.tr("Last 12 months")),
                           ("custom", self.tr("Custom…"))):
            self.combo.addItem(text, code)
        self.combo.setCurrentIndex(1)
        self._last_index = 1
        self.combo.activated.connect(self._chosen)
        lay.addWidget(self.combo)
        self.label = QLabel()
        self.label.setObjectName("periodLabel")
        lay.addWidget(self.label)
        self._show()

    def code(self) -> str:
        return str(self.combo.currentData())

    def period(self) -> Period:
        return period_for(self.code(), self._today(), self._custom)

    def previous(self) -> Period:
        return previous_for(self.code(), self.period())

    def set_code(self, code: str, custom: Period | None = None) -> None:
        """Choose a period (``custom`` with its dates) and emit :attr:`changed`."""
        if code == "custom":
            if custom is None:
                raise ValueError("a custom period needs its dates")
            self._custom = custom
        i = self.combo.findData(code)
        if i < 0:
            raise KeyError(code)
        self.combo.setCurrentIndex(i)
        self._last_index = i
        self._show()
        self.changed.emit()

    def _chosen(self, index: int) -> None:
        if self.combo.itemData(index) == "custom":
            current = self._custom or self.period_for_index(self._last_index)
            answer = ask_period(self, current.start, current.end)
            if answer is None:
                self.combo.setCurrentIndex(self._last_index)
                return
            self.set_code("custom", Period(*answer))
            return
        self.set_code(str(self.combo.itemData(index)))

    def period_for_index(self, index: int) -> Period:
        code = str(self.combo.itemData(index))
        return period_for(code, self._today(), self._custom)

    def _show(self) -> None:
        p, prev = self.period(), self.previous()
        self.label.setText(period_text(self.fmt, p))
        self.label.setToolTip(self.tr("Compared with %1").replace(
            "%1", period_text(self.fmt, prev)))
