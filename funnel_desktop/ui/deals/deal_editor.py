"""The deal editor: every field of a deal, the stage's advancement checklist, the activity
timeline and the stage history. Saving goes through the services in one undoable step."""

from __future__ import annotations

import contextlib
import json
from datetime import datetime
from typing import Any

from PySide6.QtCore import QStringListModel, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ...core.errors import FunnelError, ValidationError
from ...services import Base, EditConflict, Outcome
from ...services import validate as v
from ...services.events import REMOTE, Changes
from ...store import deal_form, feed, kept_lists
from ...store.deal_form import DealRecord
from ...store.pipeline_rows import StageDetail, stage_details
from ..common import ask
from ..common.banner import ChangeBanner, when_text
from ..common.context import AppContext
from ..common.fields import DateField, FieldErrors, name_from_labels
from ..common.messages import activity_kind_name, error_text, project_type_name

ACTIVITY_KINDS = ("call", "visit", "email", "meeting", "note", "task")
ACTIVITY_ICONS = {"call": "☎", "visit": "⌂", "email": "✉", "meeting": "◎", "note": "✎",
                  "task": "☐"}


def _local(moment: datetime | None) -> datetime | None:
    """A stored naive-UTC time in local time."""
    if moment is None:
        return None
    from datetime import UTC

    return moment.replace(tzinfo=UTC).astimezone().replace(tzinfo=None)


class DealEditor(QDialog):
    """Edit one deal (``deal_id``) or create one (``deal_id`` None, in ``pipeline_id``).

    Invalid input is shown at its field and nothing is saved; closing with unsaved changes
    asks (``ask.save_changes``)."""

    def __init__(self, ctx: AppContext, deal_id: int | None, pipeline_id: int | None = None,
                 stage_id: int | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.deal_id = deal_id
        self.setObjectName("dealEditor")
        self.errors = FieldErrors()
        self._loading = True
        #: what the form showed: stored values, the row's version, the feed's position then
        self._base: dict[str, Any] = {}
        self._version = 0
        self._seq = feed.last_seq()
        deal = deal_form.deal_record(deal_id) if deal_id is not None else None
        if deal_id is not None and deal is None:
            raise ValidationError("deal_unknown", "deal", value=deal_id)
        chosen = deal.pipeline_id if deal else pipeline_id
        assert chosen is not None  # a new deal is made in a pipeline
        self.pipeline_id: int = chosen
        self.stages = stage_details(self.pipeline_id)
        self.stage_id = deal.stage_id if deal else (
            stage_id or next((s.id for s in self.stages if s.kind == "open"), None))
        self.setWindowTitle(self.tr("Deal") if deal else self.tr("New deal"))
        self.resize(980, 660)
        self._build()
        self.title.setAccessibleName(self.tr("Deal title"))
        self.probability.setAccessibleName(self.tr("Probability"))
        name_from_labels(self)
        self._load(deal)
        ctx.bridge.changed.connect(self._on_changes)

    # -- layout -----------------------------------------------------------------------------
    def _build(self) -> None:
        outer = QVBoxLayout(self)
        outer.setContentsMargins(18, 16, 18, 14)
        outer.setSpacing(10)
        self.banner = ChangeBanner(self.reload_saved, self.tr(
            "Show the deal as it is saved now (your unsaved changes are dropped)"))
        outer.addWidget(self.banner)
        top = QHBoxLayout()
        self.title = QLineEdit()
        self.title.setObjectName("titleEdit")
        self.title.setPlaceholderText(self.tr("Deal title"))
        top.addWidget(self.errors.wrap("title", self.title), 1)
        self.stage_pill = QLabel()
        self.stage_pill.setObjectName("stagePill")
        self.stage_pill.setTextFormat(Qt.TextFormat.PlainText)
        top.addWidget(self.stage_pill, 0, Qt.AlignmentFlag.AlignTop)
        outer.addLayout(top)

        body = QHBoxLayout()
        body.setSpacing(18)
        outer.addLayout(body, 1)

        form_host = QWidget()
        form_host.setObjectName("formHost")
        host_lay = QVBoxLayout(form_host)
        host_lay.setContentsMargins(0, 0, 0, 0)
        form = QFormLayout()
        host_lay.addLayout(form)
        host_lay.addStretch(1)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setVerticalSpacing(8)
        form.setContentsMargins(0, 0, 6, 0)
        scroll = QScrollArea()
        scroll.setObjectName("formScroll")
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(form_host)
        scroll.setMinimumWidth(430)
        body.addWidget(scroll, 5)

        self.stage_combo = QComboBox()
        for s in self.stages:
            if s.kind == "open":
                self.stage_combo.addItem(s.name, s.id)
        if self.deal_id is None:
            form.addRow(self.tr("Stage"), self.stage_combo)

        cust_row = QWidget()
        cl = QHBoxLayout(cust_row)
        cl.setContentsMargins(0, 0, 0, 0)
        self.customer = QLineEdit()
        self.customer.setPlaceholderText(self.tr("Type to find a customer, or a new name"))
        self.customer.setClearButtonEnabled(True)
        self._customers = deal_form.customer_choices()
        completer = QCompleter(QStringListModel(sorted(self._customers), self), self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.customer.setCompleter(completer)
        cl.addWidget(self.customer, 1)
        self.customer_hint = QLabel()
        self.customer_hint.setObjectName("fieldHint")
        self.customer_hint.setTextFormat(Qt.TextFormat.PlainText)
        cust_box = QWidget()
        cb = QVBoxLayout(cust_box)
        cb.setContentsMargins(0, 0, 0, 0)
        cb.setSpacing(2)
        cb.addWidget(cust_row)
        cb.addWidget(self.customer_hint)
        form.addRow(self.tr("Customer"), self.errors.wrap("customer", cust_box, self.customer))
        self.customer.textChanged.connect(self._customer_hint)

        self.amount = QLineEdit()
        self.amount.setPlaceholderText(self.tr("e.g. 12,500 or 12.5万"))
        form.addRow(self.tr("Amount"), self.errors.wrap("amount", self.amount))

        prob_row = QWidget()
        pl = QHBoxLayout(prob_row)
        pl.setContentsMargins(0, 0, 0, 0)
        self.use_default = QCheckBox()
        self.probability = QLineEdit()
        self.probability.setMaximumWidth(80)
        self.probability.setPlaceholderText("0–100")
        pl.addWidget(self.use_default)
        pl.addWidget(self.probability)
        pl.addWidget(QLabel("%"))
        pl.addStretch(1)
        self.use_default.toggled.connect(self._probability_mode)
        form.addRow(self.tr("Probability"),
                    self.errors.wrap("probability", prob_row, self.probability))

        self.expected_close = DateField()
        form.addRow(self.tr("Expected close"),
                    self.errors.wrap("expected_close", self.expected_close,
                                     self.expected_close.line))
        self.owner = QComboBox()
        self.owner.addItem(self.tr("— nobody —"), None)
        for oid, name in kept_lists.names("owner"):
            self.owner.addItem(name, oid)
        form.addRow(self.tr("Owner"), self.errors.wrap("owner", self.owner))
        self.source = QComboBox()
        self.source.addItem(self.tr("— unknown —"), None)
        for sid, name in kept_lists.names("source"):
            self.source.addItem(name, sid)
        form.addRow(self.tr("Source"), self.errors.wrap("source", self.source))
        self.project_type = QComboBox()
        for code in ("", "big", "small"):
            self.project_type.addItem(project_type_name(code), code)
        form.addRow(self.tr("Project type"),
                    self.errors.wrap("project_type", self.project_type))
        self.next_step = QLineEdit()
        self.next_step.setPlaceholderText(self.tr("The next agreed action"))
        form.addRow(self.tr("Next step"), self.errors.wrap("next_step", self.next_step))
        self.next_step_due = DateField()
        form.addRow(self.tr("Next step due"),
                    self.errors.wrap("next_step_due", self.next_step_due,
                                     self.next_step_due.line))
        self.close_note = QPlainTextEdit()
        self.close_note.setFixedHeight(64)
        self.close_note.setPlaceholderText(self.tr("Why it was won or lost (for closed deals)"))
        form.addRow(self.tr("Close note"), self.errors.wrap("close_note", self.close_note))
        self.general_error = QLabel()
        self.general_error.setTextFormat(Qt.TextFormat.PlainText)
        self.general_error.setObjectName("fieldError")
        self.general_error.setWordWrap(True)
        self.general_error.hide()
        form.addRow(self.general_error)
        self.note = QLabel()
        self.note.setTextFormat(Qt.TextFormat.PlainText)
        self.note.setObjectName("formNote")
        self.note.setWordWrap(True)
        self.note.hide()
        form.addRow(self.note)

        self.tabs = QTabWidget()
        body.addWidget(self.tabs, 6)
        self._build_checklist_tab()
        self._build_activity_tab()
        self._build_history_tab()

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setObjectName("primaryButton")
        self.buttons.accepted.connect(self.save_and_close)
        self.buttons.rejected.connect(self.reject)
        self.delete_button = QPushButton(self.tr("Delete deal…"))
        self.delete_button.setObjectName("dangerButton")
        self.delete_button.clicked.connect(self.delete)
        bottom = QHBoxLayout()
        bottom.addWidget(self.delete_button)
        bottom.addStretch(1)
        bottom.addWidget(self.buttons)
        self.delete_button.setVisible(self.deal_id is not None)
        self.ctx.allow(self.delete_button, "delete")
        outer.addLayout(bottom)

        for w in (self.title, self.customer, self.amount, self.probability, self.next_step):
            w.textEdited.connect(self._edited)
        for d in (self.expected_close, self.next_step_due):
            d.edited.connect(self._edited)
        for c in (self.owner, self.source, self.project_type, self.stage_combo):
            c.currentIndexChanged.connect(self._edited)
        self.close_note.textChanged.connect(self._edited)
        self.use_default.toggled.connect(self._edited)
        self.stage_combo.currentIndexChanged.connect(self._stage_changed)

    def _build_checklist_tab(self) -> None:
        page = QWidget()
        lay = QVBoxLayout(page)
        self.checklist_intro = QLabel()
        self.checklist_intro.setTextFormat(Qt.TextFormat.PlainText)
        self.checklist_intro.setObjectName("sectionNote")
        self.checklist_intro.setWordWrap(True)
        lay.addWidget(self.checklist_intro)
        self.checklist_box = QVBoxLayout()
        lay.addLayout(self.checklist_box)
        lay.addStretch(1)
        self.checks: dict[str, QCheckBox] = {}
        self.tabs.addTab(page, self.tr("Checklist"))

    def _build_activity_tab(self) -> None:
        page = QWidget()
        lay = QVBoxLayout(page)
        log = QFrame()
        log.setObjectName("logBox")
        ll = QVBoxLayout(log)
        ll.setContentsMargins(10, 8, 10, 8)
        row = QHBoxLayout()
        self.act_kind = QComboBox()
        for k in ACTIVITY_KINDS:
            self.act_kind.addItem(f"{ACTIVITY_ICONS[k]}  {activity_kind_name(k)}", k)
        self.act_subject = QLineEdit()
        self.act_subject.setPlaceholderText(self.tr("What happened or what to do"))
        row.addWidget(self.act_kind)
        row.addWidget(self.act_subject, 1)
        ll.addLayout(row)
        row2 = QHBoxLayout()
        row2.addWidget(QLabel(self.tr("Due")))
        self.act_due = DateField()
        row2.addWidget(self.act_due)
        self.act_done = QCheckBox(self.tr("Done"))
        self.act_done.setChecked(True)
        row2.addWidget(self.act_done)
        row2.addStretch(1)
        self.act_log = QPushButton(self.tr("Log activity"))
        self.act_log.setObjectName("primaryButton")
        self.act_log.clicked.connect(self.log_activity)
        row2.addWidget(self.act_log)
        ll.addLayout(row2)
        self.act_error = QLabel()
        self.act_error.setTextFormat(Qt.TextFormat.PlainText)
        self.act_error.setObjectName("fieldError")
        self.act_error.hide()
        ll.addWidget(self.act_error)
        self.act_kind.currentIndexChanged.connect(
            lambda _i: self.act_done.setChecked(self.act_kind.currentData() != "task"))
        lay.addWidget(log)
        self.timeline = QListWidget()
        self.timeline.setObjectName("timeline")
        self.timeline.setWordWrap(True)
        self.timeline.itemChanged.connect(self._activity_toggled)
        lay.addWidget(self.timeline, 1)
        self.activity_tab = page
        self.tabs.addTab(page, self.tr("Activities"))
        if self.deal_id is None:
            self.tabs.setTabEnabled(self.tabs.indexOf(page), False)

    def _build_history_tab(self) -> None:
        page = QWidget()
        lay = QVBoxLayout(page)
        self.stage_days = QLabel()
        self.stage_days.setObjectName("sectionNote")
        self.stage_days.setWordWrap(True)
        self.stage_days.setTextFormat(Qt.TextFormat.PlainText)
        lay.addWidget(self.stage_days)
        self.history = QTableWidget(0, 4)
        self.history.setHorizontalHeaderLabels([self.tr("Stage"), self.tr("Entered"),
                                                self.tr("Left"), self.tr("Days")])
        self.history.verticalHeader().hide()
        self.history.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.history.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        lay.addWidget(self.history, 2)
        lay.addWidget(QLabel(self.tr("Changes")))
        self.change_log = QTableWidget(0, 3)
        self.change_log.setHorizontalHeaderLabels([self.tr("When"), self.tr("Field"),
                                                   self.tr("Old → new")])
        self.change_log.verticalHeader().hide()
        self.change_log.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.change_log.horizontalHeader().setSectionResizeMode(
            2, QHeaderView.ResizeMode.Stretch)
        lay.addWidget(self.change_log, 1)
        self.tabs.addTab(page, self.tr("History"))

    # -- loading ----------------------------------------------------------------------------
    def _stage(self, stage_id: int | None) -> StageDetail | None:
        return next((s for s in self.stages if s.id == stage_id), None)

    def _load(self, deal: DealRecord | None) -> None:
        self._loading = True
        fmt = self.ctx.fmt
        if deal is not None:
            self.title.setText(deal.title)
            self.customer.setText(deal.customer_name)
            self.amount.setText(fmt.amount_input(deal.amount))
            self.use_default.setChecked(deal.probability is None)
            self.probability.setText("" if deal.probability is None else str(deal.probability))
            self.expected_close.set_date(deal.expected_close)
            self._set_combo(self.owner, deal.owner_id)
            self._set_combo(self.source, deal.source_id)
            self._set_combo(self.project_type, deal.project_type or "")
            self.next_step.setText(deal.next_step)
            self.next_step_due.set_date(deal.next_step_due)
            self.close_note.setPlainText(deal.close_note)
            self._checked = json.loads(deal.checklist or "{}")
            self._base = stored_fields(deal)
            self._version = deal.version
        else:
            self.use_default.setChecked(True)
            self._set_combo(self.stage_combo, self.stage_id)
            self._checked = {}
        self._probability_mode(self.use_default.isChecked())
        self._show_stage()
        self._fill_checklist()
        self._load_timeline()
        self._load_history()
        self._customer_hint()
        self._loading = False
        self._saved_state = self._state()

    @staticmethod
    def _set_combo(combo: QComboBox, value: Any) -> None:
        i = combo.findData(value)
        combo.setCurrentIndex(max(0, i))

    def _show_stage(self) -> None:
        stage = self._stage(self.stage_id)
        if stage is None:
            self.stage_pill.setText("")
            return
        kind = {"open": self.tr("Open"), "won": self.tr("Won"), "lost": self.tr("Lost")}
        self.stage_pill.setText(f"{kind.get(stage.kind, '')} · {stage.name}")
        self.stage_pill.setProperty("kind", stage.kind)
        self.stage_pill.style().unpolish(self.stage_pill)
        self.stage_pill.style().polish(self.stage_pill)
        self.use_default.setText(self.tr("Use stage default (%1%)")
                                 .replace("%1", str(stage.probability)))

    def _stage_changed(self) -> None:
        if self.deal_id is None:
            self.stage_id = self.stage_combo.currentData()
            self._show_stage()
            self._fill_checklist()

    def _fill_checklist(self) -> None:
        while self.checklist_box.count():
            item = self.checklist_box.takeAt(0)
            w = item.widget() if item is not None else None
            if w is not None:
                w.deleteLater()
        self.checks = {}
        stage = self._stage(self.stage_id)
        questions = json.loads(stage.questions or "[]") if stage else []
        if not questions:
            self.checklist_intro.setText(self.tr("This stage has no advancement questions."))
            return
        for q in questions:
            box = QCheckBox(q)
            box.setChecked(bool(self._checked.get(q)))
            box.toggled.connect(self._edited)
            box.toggled.connect(self._checklist_progress)
            self.checklist_box.addWidget(box)
            self.checks[q] = box
        self._checklist_progress()

    def _checklist_progress(self) -> None:
        done = sum(b.isChecked() for b in self.checks.values())
        stage = self._stage(self.stage_id)
        self.checklist_intro.setText(
            self.tr("Before moving on from “%1”: %2 of %3 answered.")
            .replace("%1", stage.name if stage else "").replace("%2", str(done))
            .replace("%3", str(len(self.checks))))

    def _load_timeline(self) -> None:
        self.timeline.blockSignals(True)
        self.timeline.clear()
        if self.deal_id is not None:
            fmt = self.ctx.fmt
            for a in deal_form.activities(self.deal_id):
                when = _local(a.created_at)
                text = f"{ACTIVITY_ICONS.get(a.kind, '•')}  {activity_kind_name(a.kind)}"
                if a.subject:
                    text += f" — {a.subject}"
                meta = [when.strftime("%Y-%m-%d %H:%M")] if when else []
                if a.due_at:
                    meta.append(self.tr("due %1").replace("%1", fmt.day(a.due_at.date())))
                if a.done_at:
                    meta.append(self.tr("done"))
                item = QListWidgetItem(text + "\n" + " · ".join(meta))
                item.setData(Qt.ItemDataRole.UserRole, a.id)
                item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable
                              | Qt.ItemFlag.ItemIsSelectable)
                item.setCheckState(Qt.CheckState.Checked if a.done_at else
                                   Qt.CheckState.Unchecked)
                if a.notes:
                    item.setToolTip(a.notes)
                self.timeline.addItem(item)
            n = self.timeline.count()
            self.tabs.setTabText(self.tabs.indexOf(self.activity_tab),
                                 self.tr("Activities (%1)").replace("%1", str(n)))
        self.timeline.blockSignals(False)

    def _load_history(self) -> None:
        self.history.setRowCount(0)
        self.change_log.setRowCount(0)
        if self.deal_id is None:
            self.stage_days.setText("")
            return
        names = {s.id: s.name for s in self.stages}
        now = self.ctx.now()
        totals: dict[int, float] = {}
        rows = deal_form.stage_visits(self.deal_id)
        self.history.setRowCount(len(rows))
        for i, h in enumerate(rows):
            days = ((h.left_at or now) - h.entered_at).total_seconds() / 86400
            stage = self._stage(h.stage_id)
            if stage is None or stage.kind == "open":
                totals[h.stage_id] = totals.get(h.stage_id, 0.0) + days
            entered, left = _local(h.entered_at), _local(h.left_at)
            cells = [names.get(h.stage_id, "?"), entered.strftime("%Y-%m-%d") if entered else "",
                     left.strftime("%Y-%m-%d") if left else self.tr("now"),
                     self.ctx.fmt.locale.toString(days, "f", 1)]
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if c == 3:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight
                                          | Qt.AlignmentFlag.AlignVCenter)
                self.history.setItem(i, c, item)
        parts = [self.tr("%1: %2 d").replace("%1", names.get(sid, "?"))
                 .replace("%2", self.ctx.fmt.locale.toString(d, "f", 0))
                 for sid, d in totals.items()]
        self.stage_days.setText(self.tr("Days in each stage — %1").replace("%1", " · ".join(parts))
                                if parts else "")
        changes = deal_form.field_changes(self.deal_id)
        self.change_log.setRowCount(len(changes))
        for i, ch in enumerate(changes):
            at = _local(ch.at)
            cells = [at.strftime("%Y-%m-%d") if at else "", self._field_name(ch.field),
                     f"{self._change_value(ch.field, ch.old)} → "
                     f"{self._change_value(ch.field, ch.new)}"]
            for col, text in enumerate(cells):
                self.change_log.setItem(i, col, QTableWidgetItem(text))

    def _field_name(self, field: str) -> str:
        return {"amount": self.tr("Amount"), "probability": self.tr("Probability"),
                "expected_close": self.tr("Expected close"), "owner": self.tr("Owner"),
                "next_step": self.tr("Next step"),
                "next_step_due": self.tr("Next step due")}.get(field, field)

    def _change_value(self, field: str, value: str | None) -> str:
        if value in (None, ""):
            return "—"
        if field == "amount":
            try:
                return self.ctx.fmt.money(int(value))
            except ValueError:
                return value
        if field == "probability":
            return f"{value}%"
        if field == "owner":
            i = self.owner.findData(int(value)) if value.isdigit() else -1
            return self.owner.itemText(i) if i >= 0 else value
        return value

    # -- state ------------------------------------------------------------------------------
    def _state(self) -> tuple:
        return (self.title.text(), self.customer.text(), self.amount.text(),
                self.use_default.isChecked(), self.probability.text(),
                self.expected_close.text(), self.owner.currentData(), self.source.currentData(),
                self.project_type.currentData(), self.next_step.text(),
                self.next_step_due.text(), self.close_note.toPlainText(),
                tuple(sorted(q for q, b in self.checks.items() if b.isChecked())),
                self.stage_combo.currentData() if self.deal_id is None else None)

    def is_dirty(self) -> bool:
        return self._state() != self._saved_state

    def _edited(self, *_: object) -> None:
        if getattr(self, "_loading", False):
            return
        self.setWindowTitle((self.tr("Deal") if self.deal_id else self.tr("New deal"))
                            + (" *" if self.is_dirty() else ""))

    def _probability_mode(self, use_default: bool) -> None:
        self.probability.setEnabled(not use_default)
        if use_default:
            self.errors.clear("probability")
        elif not self._loading and not self.probability.text().strip():
            stage = self._stage(self.stage_id)
            self.probability.setText(str(stage.probability) if stage else "")

    def _customer_hint(self) -> None:
        name = self.customer.text().strip()
        if name and name not in self._customers:
            self.customer_hint.setText(self.tr("A new customer “%1” will be created.")
                                       .replace("%1", name))
            self.customer_hint.show()
        else:
            self.customer_hint.hide()

    # -- saving -----------------------------------------------------------------------------
    def collect(self) -> dict[str, Any]:
        """The deal fields from the form, checked; raises nothing but shows every error at
        its field and returns {} when any is invalid."""
        self.errors.clear()
        self.general_error.hide()
        fields: dict[str, Any] = {}
        problems: list[ValidationError] = []

        def check(name: str, fn: Any) -> None:
            try:
                fields[name] = fn()
            except ValidationError as err:
                err.field = err.field or name
                problems.append(err)

        check("title", lambda: v.text(self.title.text(), "title", required=True,
                                      code="title_required"))
        check("amount", lambda: v.amount(self.amount.text().strip() or 0))
        if self.use_default.isChecked():
            fields["probability"] = None
        else:
            check("probability", lambda: v.probability(self.probability.text().strip())
                  if self.probability.text().strip() else _required_probability())
        check("expected_close", lambda: self.expected_close.value("expected_close"))
        check("next_step_due", lambda: self.next_step_due.value("next_step_due"))
        fields["owner"] = self.owner.currentData()
        fields["source"] = self.source.currentData()
        fields["project_type"] = self.project_type.currentData() or ""
        fields["next_step"] = self.next_step.text().strip()
        fields["close_note"] = self.close_note.toPlainText().strip()
        checked = {q: True for q, b in self.checks.items() if b.isChecked()}
        kept = {q: val for q, val in self._checked.items() if q not in self.checks}
        fields["checklist"] = json.dumps({**kept, **checked}, ensure_ascii=False,
                                         sort_keys=True)
        for err in problems:
            self._show_error(err)
        return {} if problems else fields

    def _show_error(self, err: FunnelError) -> None:
        field = getattr(err, "field", None)
        if field in ("kind", "reason", "stage", "deal", "pipeline") or not (
                field and self.errors.show(field, error_text(err))):
            self.general_error.setText(error_text(err))
            self.general_error.show()

    def save(self) -> bool:
        """Validate and save (one undo step); False and errors at the fields if invalid."""
        fields = self.collect()
        if not fields:
            return False
        services = self.ctx.services
        name = self.customer.text().strip()
        made: list[Outcome] = []  # the new customer this save created, if any
        new_name = name if name and name not in self._customers else ""
        if not new_name:
            fields["customer"] = self._customers.get(name) if name else None
        changed: dict[str, Any] = {}
        if self.deal_id is None:
            text = self.tr("New deal “%1”").replace("%1", fields["title"])
        else:
            changed = self.changed_fields(fields)
            if not changed and not new_name:
                self._saved_state = self._state()
                self._edited()
                return True
            text = self.tr("Edit deal “%1”").replace("%1", fields["title"])

        def work() -> Outcome | None:
            if new_name:
                made.append(services.save_customer(None, {"name": new_name}, initiator=self))
                fields["customer"] = changed["customer"] = made[0].value
            if self.deal_id is None:
                if self.pipeline_id is None:  # opened on no pipeline
                    raise ValidationError("pipeline_unknown", "pipeline", value="")
                return services.create_deal(self.pipeline_id, self.stage_combo.currentData(),
                                            fields, initiator=self)
            return self._update(changed)

        def take_back() -> bool:
            """Undo the customer this save made (nothing half-way); whether there was one."""
            inverse = made.pop().inverse if made else None
            if inverse is not None:
                services.undo(inverse)
            return inverse is not None

        def refused(err: FunnelError) -> None:
            if not take_back() and isinstance(err, ValidationError) and err.field == "name":
                err.field = "customer"  # the new customer's name is the customer field
            self._show_error(err)

        # one undo step: the deal and the customer it made (recorded below, together)
        outcome = self.ctx.run(self, text, work, undoable=False, on_error=refused)
        if outcome is None:
            take_back()  # the save was called off: nothing half-way
            return False
        stack = self.ctx.undo_stack
        if made:
            self._customers[name] = made[0].value
            stack.beginMacro(text)
            self.ctx.record(made[0], self.tr("New customer “%1”").replace("%1", name))
            self.ctx.record(outcome, text)
            stack.endMacro()
        else:
            self.ctx.record(outcome, text)
        if self.deal_id is None:
            self.deal_id = outcome.value
            self.tabs.setTabEnabled(self.tabs.indexOf(self.activity_tab), True)
            self.delete_button.show()
        self._remember_saved()
        self._loading = True
        self._load_timeline()
        self._load_history()
        self._loading = False
        self._saved_state = self._state()
        self._edited()
        self.banner.hide()
        if outcome.merged:
            self._show_note(self.tr("Saved. Changes made meanwhile by %1 were kept.")
                            .replace("%1", ", ".join(dict.fromkeys(e.by or "?"
                                                                   for e in outcome.merged))))
        return True

    def changed_fields(self, fields: dict[str, Any]) -> dict[str, Any]:
        """The fields of the form that differ from what it showed (only those are saved, so
        somebody else's edits of the other fields stay)."""
        out = {}
        for key, value in fields.items():
            shown = self._base.get(key)
            if key == "checklist":
                if json.loads(value or "{}") != json.loads(shown or "{}"):
                    out[key] = value
            elif value != shown:
                out[key] = value
        return out

    def _update(self, changed: dict[str, Any]) -> Any:
        """Save ``changed`` over the version the form showed; on a conflict ask the user.
        None when nothing was saved."""
        services = self.ctx.services
        assert self.deal_id is not None  # only an existing deal is updated
        base = Base({k: self._base.get(k) for k in changed}, self._version, self._seq)
        try:
            return services.update_deal(self.deal_id, changed, initiator=self, base=base)
        except EditConflict as err:
            answer = ask.conflict(self, self.conflict_text(err))
            if answer == "mine":
                return services.update_deal(self.deal_id, changed, initiator=self)
            if answer == "reload":
                self.reload_saved()
            else:  # keep editing: what they saved is now what this form knows of
                self._base.update(err.current)
                self._version = deal_form.deal_version(self.deal_id)
                self._seq = feed.last_seq()
            return None

    def conflict_text(self, err: EditConflict) -> str:
        """The conflict in words: who changed which fields, to what, when."""
        fields = self.tr(", ").join(
            self.tr("%1 (now %2)").replace("%1", self._field_name(f))
            .replace("%2", self._shown_value(f, err.current.get(f))) for f in err.fields)
        who = err.params.get("by", "?")
        return (self.tr("%1 changed %2 of this deal at %3 while you were editing it. Reload "
                        "theirs, save yours over theirs, or keep editing.")
                .replace("%1", who).replace("%2", fields)
                .replace("%3", when_text(err.later[-1].at) if err.later else "?"))

    def _shown_value(self, field: str, value: Any) -> str:
        if value in (None, ""):
            return "—"
        if field == "amount":
            return self.ctx.fmt.money(int(value))
        if field in ("owner", "source"):
            combo = self.owner if field == "owner" else self.source
            i = combo.findData(value)
            return combo.itemText(i) if i >= 0 else str(value)
        if hasattr(value, "isoformat"):
            return self.ctx.fmt.day(value)
        return str(value)

    def _remember_saved(self) -> None:
        seq = feed.last_seq()
        deal = deal_form.deal_record(self.deal_id) if self.deal_id else None
        if deal is not None:
            self._base, self._version, self._seq = stored_fields(deal), deal.version, seq

    def reload_saved(self) -> None:
        """Show the deal as it is saved now (unsaved changes dropped)."""
        self.banner.hide()
        if self.deal_id is None:
            return
        seq = feed.last_seq()
        deal = deal_form.deal_record(self.deal_id)
        if deal is None:
            return
        self._seq = seq
        self._load(deal)
        self._edited()

    def _show_note(self, text: str) -> None:
        self.note.setText(text)
        self.note.show()

    def save_and_close(self) -> None:
        if self.save():
            self.accept()

    def reject(self) -> None:
        """Close; asks first when there are unsaved changes."""
        if self.is_dirty():
            answer = ask.save_changes(self, self.tr("This deal"))
            if answer == "cancel":
                return
            if answer == "save" and not self.save():
                return
        super().reject()

    def delete(self) -> None:
        if self.deal_id is None:
            return
        if not ask.confirm(self, self.tr("Delete deal"),
                           self.tr("Delete this deal with its history and activities?"),
                           self.tr("Delete")):
            return
        deal_id = self.deal_id
        outcome = self.ctx.run(self, self.tr("Delete deal"), lambda: self.ctx.services
                               .delete_deals([deal_id], initiator=self),
                               on_error=self._show_error)
        if outcome is None:
            return
        self._saved_state = self._state()
        super().reject()

    # -- activities -------------------------------------------------------------------------
    def log_activity(self) -> int | None:
        """Log the activity typed in the form on this deal."""
        if self.deal_id is None:
            return None
        self.act_error.hide()
        kind = self.act_kind.currentData()

        def log() -> Outcome:
            due = self.act_due.value("due_at")
            return self.ctx.services.log_activity(
                {"deal": self.deal_id, "kind": kind, "subject": self.act_subject.text(),
                 "due_at": due, "done_at": True if self.act_done.isChecked() else None,
                 "owner": self.owner.currentData()}, initiator=self)

        def refused(err: FunnelError) -> None:
            self.act_error.setText(error_text(err))
            self.act_error.show()

        outcome = self.ctx.run(self, self.tr("Log %1").replace(
            "%1", activity_kind_name(kind)), log, on_error=refused)
        if outcome is None:
            return None
        self.act_subject.clear()
        self.act_due.set_date(None)
        self._load_timeline()
        return outcome.value

    def _activity_toggled(self, item: QListWidgetItem) -> None:
        act_id = item.data(Qt.ItemDataRole.UserRole)
        done = item.checkState() == Qt.CheckState.Checked
        if self.ctx.run(self, self.tr("Mark activity done") if done
                        else self.tr("Mark activity not done"),
                        lambda: self.ctx.services.set_activity_done(act_id, done,
                                                                    initiator=self)) is None:
            return
        self._load_timeline()

    def _on_changes(self, changes: Changes) -> None:
        """Another panel, an undo or another writer changed this deal: refresh what is not
        being edited; edits in progress stay, under a banner that says who changed what."""
        if changes.initiator is self or self.deal_id is None:
            return
        if self.deal_id in changes.deal_ids or changes.touches("all"):
            remote = changes.initiator is REMOTE
            seq = feed.last_seq()
            deal = deal_form.deal_record(self.deal_id)
            if deal is None:
                if remote:
                    self.banner.say(self.tr("%1 deleted this deal at %2.")
                                    .replace("%1", changes.by or self.tr("Someone"))
                                    .replace("%2", when_text(changes.at)), reload=False)
                return
            self._load_timeline()
            self._load_history()
            if not self.is_dirty():
                self._seq = seq
                self._load(deal)
                if remote and changes.by:
                    self._show_note(self.tr("Updated: %1 changed this deal at %2.")
                                    .replace("%1", changes.by)
                                    .replace("%2", when_text(changes.at)))
            elif deal.version != self._version:
                self.banner.say(self.tr("%1 changed this deal at %2 while you were editing. "
                                          "Saving keeps their changes to the fields you did "
                                          "not touch; where you both changed a field you "
                                          "choose.")
                                .replace("%1", changes.by or self.tr("Someone"))
                                .replace("%2", when_text(changes.at)))

    def done(self, result: int) -> None:
        with contextlib.suppress(RuntimeError, TypeError):
            self.ctx.bridge.changed.disconnect(self._on_changes)
        super().done(result)


def stored_fields(deal: DealRecord) -> dict[str, Any]:
    """The editable fields of a deal as stored (what an editor shows and compares with)."""
    return {"title": deal.title, "customer": deal.customer_id, "amount": deal.amount,
            "probability": deal.probability, "expected_close": deal.expected_close,
            "owner": deal.owner_id, "source": deal.source_id, "project_type": deal.project_type,
            "next_step": deal.next_step, "next_step_due": deal.next_step_due,
            "checklist": deal.checklist, "close_note": deal.close_note}


def _required_probability() -> int:
    raise ValidationError("probability_invalid", "probability", value="")
