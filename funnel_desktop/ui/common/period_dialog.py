"""A small dialog for a custom date range (the expected close filter, the Analytics period)."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from ...core.dates import month_end, month_start
from ...core.errors import ValidationError
from . import typed_dates
from .fields import DateField
from .messages import error_text

#: Room beside a window title for the title bar's buttons and icon, px.
TITLE_BAR_ROOM = 140
#: The least width of the dialog, px: the dates' lines, the days they are and the note.
LEAST_WIDTH = 420


class PeriodDialog(QDialog):
    """From / to dates, typed or picked; OK stays disabled while a date is not understood or
    the range is empty, and the line under the fields says why."""

    def __init__(self, start: date | None, end: date | None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        today = date.today()
        self.note = QLabel(self.tr("Both days count. Type a date as %1, or pick it from the "
                                   "calendar.").replace("%1", typed_dates.example()))
        self.note.setObjectName("sectionNote")
        self.note.setWordWrap(True)
        self.start = DateField()
        self.end = DateField()
        # the days they are, under the lines from the start: the dialog keeps its size
        # while one is typed
        self.start.set_date(start or month_start(today), say=True)
        self.end.set_date(end or month_end(today), say=True)
        for w in (self.start, self.end):
            w.edited.connect(self._check)
            w.line.setMinimumWidth(self.fontMetrics().horizontalAdvance("0000-00-00") + 60)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setVerticalSpacing(10)
        form.addRow(self.tr("From"), self.start)
        form.addRow(self.tr("To"), self.end)
        self.error = QLabel()
        self.error.setObjectName("fieldError")
        self.error.setWordWrap(True)
        self.error.setMinimumHeight(self.fontMetrics().height())  # its line kept when empty
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(16, 14, 16, 12)
        lay.setSpacing(10)
        lay.addWidget(self.note)
        lay.addLayout(form)
        lay.addWidget(self.error)
        lay.addStretch(1)
        lay.addWidget(self.buttons)
        self.setWindowTitle(self.tr("Expected close period"))
        self._check()

    def setWindowTitle(self, title: str) -> None:
        """The title, and a width that shows it whole in the title bar."""
        super().setWindowTitle(title)
        self.setMinimumWidth(max(LEAST_WIDTH, self.fontMetrics().horizontalAdvance(title)
                                 + TITLE_BAR_ROOM))

    def value(self) -> tuple[date, date]:
        """The range (call when OK is enabled: both dates understood)."""
        s, e = self.start.value(), self.end.value()
        assert s is not None and e is not None
        return s, e

    def _check(self) -> None:
        problem = ""
        try:
            s = self.start.value("start")
            e = self.end.value("end")
        except ValidationError as err:
            problem = error_text(err)
        else:
            if s is None or e is None:
                problem = self.tr("Enter both dates.")
            elif s > e:
                problem = self.tr("The start is after the end.")
        self.error.setText(problem)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(not problem)
