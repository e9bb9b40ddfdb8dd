"""A small dialog for a custom date range (expected close period)."""

from __future__ import annotations

from datetime import date
from typing import cast

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from ...core.dates import month_end, month_start


def _qd(d: date) -> QDate:
    return QDate(d.year, d.month, d.day)


class PeriodDialog(QDialog):
    """From / to dates; OK stays disabled while the range is empty."""

    def __init__(self, start: date | None, end: date | None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Expected close period"))
        today = date.today()
        self.start = QDateEdit(_qd(start or month_start(today)))
        self.end = QDateEdit(_qd(end or month_end(today)))
        for w in (self.start, self.end):
            w.setCalendarPopup(True)
            w.setDisplayFormat("yyyy-MM-dd")
            w.dateChanged.connect(self._check)
        form = QFormLayout()
        form.addRow(self.tr("From"), self.start)
        form.addRow(self.tr("To"), self.end)
        self.error = QLabel()
        self.error.setObjectName("fieldError")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addLayout(form)
        lay.addWidget(self.error)
        lay.addWidget(self.buttons)
        self._check()

    def value(self) -> tuple[date, date]:
        return (cast(date, self.start.date().toPython()),
                cast(date, self.end.date().toPython()))

    def _check(self) -> None:
        s, e = self.value()
        bad = s > e
        self.error.setText(self.tr("The start is after the end.") if bad else "")
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(not bad)
