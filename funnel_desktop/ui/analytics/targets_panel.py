"""Revenue targets: the dialog that sets them (per owner, team or the business, for a month,
quarter or year) and the progress bars toward the current month's and quarter's."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...core.dates import add_months, period_of
from ...core.errors import FunnelError, ValidationError
from ...core.targets import TargetProgress
from ...core.values import Period
from ...store import analytics_queries as aq
from ..common.context import AppContext
from ..common.fmt import Formatter
from ..common.messages import error_text
from .periods import month_label, period_text
from .target_tile import show_share

SCOPES = ("business", "team", "owner")
KINDS = ("month", "quarter", "year")


def period_choices(kind: str, today: date) -> list[Period]:
    """Periods to pick from: a few before the current one and more after it."""
    if kind == "month":
        return [period_of("month", add_months(today, i)) for i in range(-3, 13)]
    if kind == "quarter":
        first = period_of("quarter", today).start
        return [period_of("quarter", add_months(first, 3 * i)) for i in range(-2, 7)]
    return [period_of("year", date(today.year + i, 1, 1)) for i in range(-1, 3)]


def period_name(fmt: Formatter, kind: str, p: Period) -> str:
    """``Nov 2026`` · ``2026 Q4`` · ``2026`` (``2026年11月`` · ``2026年第4季度`` · ``2026年``)."""
    if kind == "month":
        return month_label(fmt, f"{p.start.year:04d}-{p.start.month:02d}")
    if kind == "quarter":
        q = (p.start.month - 1) // 3 + 1
        return f"{p.start.year}年第{q}季度" if fmt.zh else f"{p.start.year} Q{q}"
    return f"{p.start.year}年" if fmt.zh else str(p.start.year)


def kind_of(p: Period) -> str:
    """month / quarter / year / custom for a stored target's period."""
    for kind in KINDS:
        if period_of(kind, p.start) == p:
            return kind
    return "custom"


class TargetsDialog(QDialog):
    """Set a revenue target; saved targets are listed for the chosen scope.

    Signals:
        saved(int): after a target was saved (the target's id).
    """

    saved = Signal(int)

    def __init__(self, ctx: AppContext, scope: tuple[str, int | None, int | None] = (
                 "business", None, None), parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.fmt = ctx.fmt
        self.setWindowTitle(self.tr("Revenue targets"))
        self.setMinimumWidth(520)
        form = QFormLayout()
        self.scope = QComboBox()
        for code, text in (("business", self.tr("The whole business")),
                           ("team", self.tr("A team")), ("owner", self.tr("A salesperson"))):
            self.scope.addItem(text, code)
        self.who = QComboBox()
        self.kind = QComboBox()
        for code, text in (("month", self.tr("Month")), ("quarter", self.tr("Quarter")),
                           ("year", self.tr("Year"))):
            self.kind.addItem(text, code)
        self.period = QComboBox()
        self.amount = QLineEdit()
        self.amount.setPlaceholderText(self.tr("e.g. 500,000 or 50万"))
        self.amount_error = QLabel()
        self.amount_error.setObjectName("fieldError")
        self.amount_error.setWordWrap(True)
        self.amount.textEdited.connect(lambda _t: self._clear_error())
        form.addRow(self.tr("For"), self.scope)
        form.addRow(self.tr("Who"), self.who)
        form.addRow(self.tr("Period type"), self.kind)
        form.addRow(self.tr("Period"), self.period)
        form.addRow(self.tr("Revenue target"), self.amount)
        form.addRow("", self.amount_error)
        self.save_button = QPushButton(self.tr("Save target"))
        self.save_button.setObjectName("primaryButton")
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.save)
        self.status = QLabel()
        self.status.setObjectName("fieldHint")
        row = QHBoxLayout()
        row.addWidget(self.status, 1)
        row.addWidget(self.save_button)
        self.existing = QTableWidget(0, 2)
        self.existing.setObjectName("analyticsTable")
        self.existing.setHorizontalHeaderLabels([self.tr("Period"), self.tr("Target")])
        self.existing.verticalHeader().hide()
        self.existing.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.existing.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.existing.setMinimumHeight(150)
        self.existing.cellClicked.connect(lambda r, _c: self._pick_existing(r))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addLayout(form)
        lay.addLayout(row)
        caption = QLabel(self.tr("Targets already set for this scope"))
        caption.setObjectName("fieldCaption")
        lay.addWidget(caption)
        lay.addWidget(self.existing, 1)
        lay.addWidget(buttons)
        self._rows: list = []
        #: the amount the form showed for the chosen period (None: no target; False: unknown)
        self._shown: int | bool | None = False
        self.scope.currentIndexChanged.connect(lambda _i: self._fill_who())
        self.who.currentIndexChanged.connect(lambda _i: self._fill_existing())
        self.kind.currentIndexChanged.connect(lambda _i: self._fill_periods())
        self.period.currentIndexChanged.connect(lambda _i: self._prefill())
        kind, team_id, owner_id = scope
        self.scope.setCurrentIndex(max(0, self.scope.findData(kind)))
        self._fill_who()
        wanted = team_id if kind == "team" else owner_id
        if wanted is not None:
            self.who.setCurrentIndex(max(0, self.who.findData(wanted)))
        self._fill_periods()

    # -- choices ------------------------------------------------------------------------------
    def chosen_scope(self) -> tuple[str, int | None, int | None]:
        kind = str(self.scope.currentData())
        who = self.who.currentData()
        return (kind, who if kind == "team" else None, who if kind == "owner" else None)

    def chosen_period(self) -> Period:
        return self.period.currentData()

    def _fill_who(self) -> None:
        kind = self.scope.currentData()
        self.who.blockSignals(True)
        self.who.clear()
        if kind == "team":
            for tid, name in aq.teams().items():
                self.who.addItem(name, tid)
        elif kind == "owner":
            for o in aq.owners():
                if o.active:
                    self.who.addItem(o.name, o.id)
        self.who.setEnabled(kind != "business")
        self.who.blockSignals(False)
        self._fill_existing()

    def _fill_periods(self) -> None:
        kind = str(self.kind.currentData())
        today = self.ctx.today()
        self.period.blockSignals(True)
        self.period.clear()
        current = period_of(kind, today)
        for p in period_choices(kind, today):
            self.period.addItem(period_name(self.fmt, kind, p), p)
            if p == current:
                self.period.setCurrentIndex(self.period.count() - 1)
        self.period.blockSignals(False)
        self._prefill()

    def _fill_existing(self) -> None:
        kind, team_id, owner_id = self.chosen_scope()
        today = self.ctx.today()
        rows = aq.target_rows(date(today.year - 1, 1, 1), date(today.year + 3, 12, 31),
                              scope=kind, team_id=team_id, owner_id=owner_id)
        self._rows = rows
        self.existing.setRowCount(len(rows))
        for r, row in enumerate(rows):
            p = Period(row.start, row.end)
            k = kind_of(p)
            name = period_name(self.fmt, k, p) if k != "custom" else period_text(self.fmt, p)
            self.existing.setItem(r, 0, QTableWidgetItem(name))
            amount = QTableWidgetItem(self.fmt.money(row.amount, short=False))
            amount.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.existing.setItem(r, 1, amount)
        self._prefill()

    def _pick_existing(self, row: int) -> None:
        if not 0 <= row < len(self._rows):
            return
        t = self._rows[row]
        k = kind_of(Period(t.start, t.end))
        if k == "custom":
            return
        self.kind.setCurrentIndex(self.kind.findData(k))
        i = self.period.findData(Period(t.start, t.end))
        if i >= 0:
            self.period.setCurrentIndex(i)

    def _prefill(self) -> None:
        p = self.period.currentData()
        if p is None:
            return
        match = [r for r in self._rows if r.start == p.start and r.end == p.end]
        self.amount.setText(self.fmt.amount_input(match[0].amount) if match else "")
        self._shown = match[0].amount if match else None  # another's new target: a conflict
        self._clear_error()

    # -- saving -----------------------------------------------------------------------------
    def save(self) -> int | None:
        """Save the target through the services (undoable); errors shown at the field."""
        text = self.amount.text().strip()
        if not text:
            self._error(self.tr("Enter the target, e.g. 500,000 or 50万."))
            return None
        kind, team_id, owner_id = self.chosen_scope()
        if kind != "business" and team_id is None and owner_id is None:
            self._error(self.tr("Choose who the target is for."))
            return None
        p = self.chosen_period()
        def refused(err: FunnelError) -> None:
            if isinstance(err, ValidationError):
                self._error(error_text(err))
            else:
                self.ctx.show_error(self, err)

        outcome = self.ctx.run(self, self.tr("Set target for %1").replace(
            "%1", period_name(self.fmt, str(self.kind.currentData()), p)),
            lambda: self.ctx.services.set_target(kind, p.start, p.end, text, team_id=team_id,
                                                 owner_id=owner_id, initiator=self,
                                                 expected=self._shown), on_error=refused)
        if outcome is None:
            return None
        self.status.setText(self.tr("Saved: %1 for %2.").replace(
            "%1", self.fmt.money(outcome_amount(text), short=False)).replace(
            "%2", period_name(self.fmt, str(self.kind.currentData()), p)))
        self._fill_existing()
        self.saved.emit(int(outcome.value))
        return int(outcome.value)

    def _error(self, text: str) -> None:
        self.amount_error.setText(text)
        self.amount.setProperty("invalid", True)
        self.amount.style().unpolish(self.amount)
        self.amount.style().polish(self.amount)

    def _clear_error(self) -> None:
        self.amount_error.setText("")
        if self.amount.property("invalid"):
            self.amount.setProperty("invalid", False)
            self.amount.style().unpolish(self.amount)
            self.amount.style().polish(self.amount)


def outcome_amount(text: str) -> int:
    from ...core.money import parse_amount

    return parse_amount(text, field="target")


class TargetBars(QFrame):
    """Progress toward the current month's and quarter's targets (won so far ÷ target)."""

    def __init__(self, fmt: Formatter, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("targetBars")
        self.fmt = fmt
        grid = QGridLayout(self)
        grid.setContentsMargins(14, 6, 14, 6)
        grid.setHorizontalSpacing(16)
        grid.setVerticalSpacing(1)
        self.rows: dict[str, tuple[QLabel, QProgressBar, QLabel]] = {}
        for col, kind in enumerate(("month", "quarter")):
            caption = QLabel()
            caption.setObjectName("tileCaption")
            bar = QProgressBar()
            bar.setObjectName("targetProgress")
            bar.setRange(0, 1000)
            bar.setTextVisible(False)
            bar.setFixedHeight(10)
            text = QLabel()
            text.setObjectName("targetText")
            for label in (caption, text):  # big amounts in a narrow window: two lines, not cut
                label.setWordWrap(True)
            grid.addWidget(caption, 0, col)
            grid.addWidget(bar, 1, col)
            grid.addWidget(text, 2, col)
            grid.setColumnStretch(col, 1)
            self.rows[kind] = (caption, bar, text)
        self.setToolTip(self.tr(
            "Won from the first day of the month (quarter) to today ÷ the target. A month "
            "without its own target takes its even share of the quarter's or year's; the "
            "quarter's target is the sum of its months'."))
        self.progress: list[TargetProgress] = []

    def show_progress(self, progress: list[TargetProgress], scope_name: str) -> None:
        self.progress = list(progress)
        f = self.fmt
        for p in progress:
            caption, bar, text = self.rows[p.kind]
            caption.setText(self.tr("%1 target · %2")
                            .replace("%1", period_name(f, p.kind, p.period))
                            .replace("%2", scope_name))
            share = p.share
            show_share(bar, share)
            if share is not None:
                text.setText(self.tr("%1 of %2 · %3").replace(
                    "%1", f.money(p.won)).replace("%2", f.money(p.target)).replace(
                    "%3", f.percent(share)))
                text.setToolTip(self.tr("%1 still to win").replace(
                    "%1", f.money(p.missing or 0)))
            else:
                text.setText(self.tr("%1 won · no target set").replace("%1", f.money(p.won)))
                text.setToolTip("")


def scope_name(scope: tuple[str, int | None, int | None], owner_names: dict[int, str],
               team_names: dict[int, str]) -> str:
    """Whose target: the owner's or team's name, or the whole business."""
    kind, team_id, owner_id = scope
    if kind == "owner" and owner_id is not None:
        return owner_names.get(owner_id, "?")
    if kind == "team" and team_id is not None:
        return team_names.get(team_id, "?")
    return QCoreApplication.translate("TargetBars", "whole business")
