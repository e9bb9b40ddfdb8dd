"""The customer profile form: every field of DOMAIN.md "Customers", MAN qualification with
its recommended action, class and priority, the decision chain, the account assessment and
the customer's deals. Saving and deleting go through the services (undoable)."""

from __future__ import annotations

import json
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ...core.classify import man_action
from ...core.errors import FunnelError
from ...services import Base, EditConflict
from ...services.events import REMOTE, Changes
from ...store import feed, kept_lists
from ...store import screen_queries as sq
from ...store.customer_form import (
    customer_contacts,
    customer_exists,
    customer_record,
    customer_version,
)
from ..common import ask
from ..common.banner import ChangeBanner, when_text
from ..common.context import AppContext
from ..common.fields import FieldErrors
from ..common.messages import (
    ASSESSMENT_KEYS,
    assessment_name,
    attitude_name,
    class_meaning,
    error_text,
    field_names,
    intent_name,
    man_action_text,
    priority_name,
    role_name,
)
from .customer_models import ATTITUDES, ROLES, ChoiceDelegate, ContactsModel

#: Colour of the recommendation box by MAN action (the style sheet styles ``[action=...]``).
ACTION_TONE = {"pursue": "good", "create_need": "approach", "find_authority": "approach",
               "check_credit": "approach", "nurture": "wait", "stop": "stop",
               "incomplete": "none"}


def _section(title: str) -> QLabel:
    label = QLabel(title)
    label.setObjectName("sectionTitle")
    return label


class TriChoice(QComboBox):
    """Yes / No / Unknown (stored as True / False / None)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.addItem(self.tr("Unknown"), None)
        self.addItem(self.tr("Yes"), True)
        self.addItem(self.tr("No"), False)

    def value(self) -> bool | None:
        return self.currentData()

    def set_value(self, value: bool | None) -> None:
        self.setCurrentIndex({None: 0, True: 1, False: 2}[None if value is None
                                                            else bool(value)])


class AssessmentRow(QWidget):
    """One criterion: + (good) or − (poor); clicking the chosen one again clears it."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(4)
        self.good = QToolButton()
        self.good.setText("+")
        self.good.setObjectName("assessGood")
        self.poor = QToolButton()
        self.poor.setText("−")
        self.poor.setObjectName("assessPoor")
        for b in (self.good, self.poor):
            b.setCheckable(True)
            b.setFixedSize(30, 24)
            b.clicked.connect(lambda _c=False, me=b: self._clicked(me))
            lay.addWidget(b)
        self.good.setToolTip(self.tr("Good"))
        self.poor.setToolTip(self.tr("Poor"))

    def _clicked(self, button: QToolButton) -> None:
        other = self.poor if button is self.good else self.good
        if button.isChecked():
            other.setChecked(False)
        self.changed.emit()

    def value(self) -> str:
        return "+" if self.good.isChecked() else "-" if self.poor.isChecked() else ""

    def set_value(self, value: str) -> None:
        self.good.setChecked(value == "+")
        self.poor.setChecked(value == "-")


class CustomerForm(QWidget):
    """Edit one customer (``load(id)``) or a new one (``load(None)``).

    Signals:
        dealActivated(int): a deal in the customer's list was double-clicked.
        saved(int): the customer was saved (its id).
    """

    dealActivated = Signal(int)
    saved = Signal(int)

    # the field widgets _line, _text and _combo make, named as the customer's fields
    name: QLineEdit
    contact_person: QLineEdit
    phone: QLineEdit
    email: QLineEdit
    im: QLineEdit
    address: QLineEdit
    industry: QLineEdit
    scale: QLineEdit
    budget: QLineEdit
    needs: QPlainTextEdit
    pain_points: QPlainTextEdit
    credit_notes: QPlainTextEdit
    notes: QPlainTextEdit
    region: QComboBox
    source: QComboBox
    intent: QComboBox
    priority: QComboBox
    class_manual: QComboBox

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.customer_id: int | None = None
        self.errors = FieldErrors()
        self._loading = False
        self._saved_state: tuple = ()
        #: what the form showed: its own values, the stored ones, the version and feed seq
        self._shown: dict[str, Any] = {}
        self._shown_contacts: list[dict[str, Any]] = []
        self._base: dict[str, Any] = {}
        self._version = 0
        self._seq = 0
        self._build()
        self.load(None)
        ctx.bridge.changed.connect(self._on_changes)

    # -- layout -----------------------------------------------------------------------------
    def _deal_double_clicked(self, item: QTableWidgetItem) -> None:
        first = self.deals.item(item.row(), 0)  # the deal's id is on its first cell
        if first is not None:
            self.dealActivated.emit(first.data(Qt.ItemDataRole.UserRole))

    def _line(self, name: str, placeholder: str = "") -> QLineEdit:
        w = QLineEdit()
        w.setPlaceholderText(placeholder)
        w.textEdited.connect(self._edited)
        setattr(self, name, w)
        return w

    def _text(self, name: str, placeholder: str = "", height: int = 56) -> QPlainTextEdit:
        w = QPlainTextEdit()
        w.setPlaceholderText(placeholder)
        w.setFixedHeight(height)
        w.textChanged.connect(self._edited)
        setattr(self, name, w)
        return w

    def _combo(self, name: str, items: list[tuple[str, Any]]) -> QComboBox:
        w = QComboBox()
        for text, data in items:
            w.addItem(text, data)
        w.currentIndexChanged.connect(self._edited)
        setattr(self, name, w)
        return w

    def _build(self) -> None:
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)
        head = QFrame()
        head.setObjectName("formHeader")
        hl = QHBoxLayout(head)
        hl.setContentsMargins(18, 12, 18, 12)
        self.heading = QLabel()
        self.heading.setObjectName("formHeading")
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        self.badges = QLabel()
        self.badges.setObjectName("formBadges")
        self.badges.setTextFormat(Qt.TextFormat.PlainText)
        hl.addWidget(self.heading, 1)
        hl.addWidget(self.badges)
        outer.addWidget(head)
        self.banner = ChangeBanner(self.reload_saved, self.tr(
            "Show the customer as saved now (your unsaved changes are dropped)"))
        outer.addWidget(self.banner)

        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        body = QWidget()
        body.setObjectName("formBody")
        scroll.setWidget(body)
        outer.addWidget(scroll, 1)
        lay = QVBoxLayout(body)
        lay.setContentsMargins(18, 10, 18, 18)
        lay.setSpacing(8)

        # profile
        lay.addWidget(_section(self.tr("Profile")))
        grid = QGridLayout()
        grid.setHorizontalSpacing(16)
        grid.setVerticalSpacing(6)
        left, right = QFormLayout(), QFormLayout()
        for f in (left, right):
            f.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            f.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        left.addRow(self.tr("Company name"),
                    self.errors.wrap("name", self._line("name", self.tr("Required"))))
        left.addRow(self.tr("Contact person"), self._line("contact_person"))
        left.addRow(self.tr("Phone"), self._line("phone"))
        left.addRow(self.tr("Email"), self._line("email"))
        left.addRow(self.tr("WeChat / IM"), self._line("im"))
        left.addRow(self.tr("Address"), self._line("address"))
        right.addRow(self.tr("Industry"), self._line("industry"))
        right.addRow(self.tr("Region"), self._combo("region", []))
        right.addRow(self.tr("Scale"), self._line("scale", self.tr("e.g. 50–200 people")))
        right.addRow(self.tr("Source"), self._combo("source", []))
        right.addRow(self.tr("Purchase intent"), self._combo(
            "intent", [(intent_name(c), c) for c in ("", "high", "medium", "low")]))
        right.addRow(self.tr("Budget"),
                     self.errors.wrap("budget", self._line("budget",
                                                           self.tr("e.g. 200,000 or 20万"))))
        # their labels are buddies of the error boxes around them, so name the fields
        self.name.setAccessibleName(self.tr("Company name"))
        self.budget.setAccessibleName(self.tr("Budget"))
        self.returning = QLabel()
        self.returning.setObjectName("derivedValue")
        right.addRow(self.tr("Customer type"), self.returning)
        grid.addLayout(left, 0, 0)
        grid.addLayout(right, 0, 1)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        lay.addLayout(grid)
        texts = QGridLayout()
        texts.setHorizontalSpacing(16)
        for i, (name, label, hint) in enumerate((
                ("needs", self.tr("Needs"), self.tr("What they want to achieve")),
                ("pain_points", self.tr("Pain points"), self.tr("What hurts today")),
                ("credit_notes", self.tr("Credit notes"), self.tr("Payment record, terms")),
                ("notes", self.tr("Notes"), ""))):
            box = QVBoxLayout()
            box.setSpacing(2)
            cap = QLabel(label)
            cap.setObjectName("fieldCaption")
            box.addWidget(cap)
            box.addWidget(self._text(name, hint))
            texts.addLayout(box, i // 2, i % 2)
        lay.addLayout(texts)

        # qualification
        lay.addWidget(_section(self.tr("Qualification")))
        man = QHBoxLayout()
        man.setSpacing(14)
        self.man_money, self.man_authority, self.man_need = TriChoice(), TriChoice(), TriChoice()
        for label, combo in ((self.tr("Money (can pay)"), self.man_money),
                             (self.tr("Authority (can decide)"), self.man_authority),
                             (self.tr("Need"), self.man_need)):
            box = QVBoxLayout()
            box.setSpacing(2)
            cap = QLabel(label)
            cap.setObjectName("fieldCaption")
            box.addWidget(cap)
            box.addWidget(combo)
            combo.currentIndexChanged.connect(self._edited)
            combo.currentIndexChanged.connect(self._show_man)
            man.addLayout(box, 1)
        lay.addLayout(man)
        self.man_advice = QLabel()
        self.man_advice.setObjectName("manAdvice")
        self.man_advice.setWordWrap(True)
        self.man_advice.setTextFormat(Qt.TextFormat.PlainText)
        lay.addWidget(self.man_advice)
        cls = QHBoxLayout()
        cls.setSpacing(14)
        box = QVBoxLayout()
        box.setSpacing(2)
        cap = QLabel(self.tr("Class"))
        cap.setObjectName("fieldCaption")
        box.addWidget(cap)
        self._combo("class_manual", [(self.tr("Automatic"), "")] + [(c, c) for c in "ABCD"])
        self.class_manual.currentIndexChanged.connect(self._show_class)
        box.addWidget(self.class_manual)
        cls.addLayout(box, 1)
        box = QVBoxLayout()
        box.setSpacing(2)
        cap = QLabel(self.tr("Priority"))
        cap.setObjectName("fieldCaption")
        box.addWidget(cap)
        box.addWidget(self._combo("priority", [(priority_name(p), p)
                                               for p in ("high", "medium", "low")]))
        cls.addLayout(box, 1)
        cls.addStretch(1)
        lay.addLayout(cls)
        self.class_note = QLabel()
        self.class_note.setTextFormat(Qt.TextFormat.PlainText)
        self.class_note.setObjectName("sectionNote")
        self.class_note.setWordWrap(True)
        lay.addWidget(self.class_note)

        # decision chain
        lay.addWidget(_section(self.tr("Decision chain")))
        self.contacts = ContactsModel(self)
        self.contacts.dataChanged.connect(self._edited)
        self.contacts.rowsInserted.connect(self._edited)
        self.contacts.rowsRemoved.connect(self._edited)
        self.contact_view = QTableView()
        self.contact_view.setModel(self.contacts)
        self.contact_view.verticalHeader().hide()
        self.contact_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.contact_view.setEditTriggers(QAbstractItemView.EditTrigger.AllEditTriggers)
        self.contact_view.horizontalHeader().setStretchLastSection(True)
        self.contact_view.setItemDelegateForColumn(2, ChoiceDelegate(ROLES, role_name, self))
        self.contact_view.setItemDelegateForColumn(3, ChoiceDelegate(ATTITUDES, attitude_name,
                                                                     self))
        self.contact_view.setMinimumHeight(150)
        for col, width in enumerate((130, 110, 150, 100, 120)):
            self.contact_view.setColumnWidth(col, width)
        lay.addWidget(self.errors.wrap("contact_name", self.contact_view))
        row = QHBoxLayout()
        add = QPushButton(self.tr("Add contact"))
        add.clicked.connect(self.add_contact)
        remove = QPushButton(self.tr("Remove contact"))
        remove.clicked.connect(self.remove_contact)
        row.addWidget(add)
        row.addWidget(remove)
        row.addStretch(1)
        lay.addLayout(row)

        # assessment
        lay.addWidget(_section(self.tr("Account assessment")))
        assess = QGridLayout()
        assess.setHorizontalSpacing(18)
        assess.setVerticalSpacing(4)
        self.assessment: dict[str, AssessmentRow] = {}
        for i, key in enumerate(ASSESSMENT_KEYS):
            r = AssessmentRow()
            r.changed.connect(self._edited)
            r.changed.connect(self._show_assessment)
            self.assessment[key] = r
            caption = QLabel(assessment_name(key))
            assess.addWidget(caption, i // 2, (i % 2) * 2)
            assess.addWidget(r, i // 2, (i % 2) * 2 + 1)
        assess.setColumnStretch(0, 1)
        assess.setColumnStretch(2, 1)
        lay.addLayout(assess)
        self.assessment_score = QLabel()
        self.assessment_score.setObjectName("sectionNote")
        lay.addWidget(self.assessment_score)

        # deals
        lay.addWidget(_section(self.tr("Deals")))
        self.deals = QTableWidget(0, 4)
        self.deals.setHorizontalHeaderLabels([self.tr("Deal"), self.tr("Stage"),
                                              self.tr("Amount"), self.tr("Expected close")])
        self.deals.verticalHeader().hide()
        self.deals.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.deals.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.deals.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.deals.setMinimumHeight(140)
        self.deals.itemDoubleClicked.connect(self._deal_double_clicked)
        lay.addWidget(self.deals)
        self.general_error = QLabel()
        self.general_error.setTextFormat(Qt.TextFormat.PlainText)
        self.general_error.setObjectName("fieldError")
        self.general_error.setWordWrap(True)
        self.general_error.hide()
        lay.addWidget(self.general_error)

        # buttons
        bar = QFrame()
        bar.setObjectName("formButtons")
        bl = QHBoxLayout(bar)
        bl.setContentsMargins(18, 8, 18, 10)
        self.delete_button = QPushButton(self.tr("Delete customer…"))
        self.delete_button.setObjectName("dangerButton")
        self.delete_button.clicked.connect(self.delete)
        self.revert_button = QPushButton(self.tr("Revert"))
        self.revert_button.clicked.connect(lambda: self.load(self.customer_id))
        self.save_button = QPushButton(self.tr("Save"))
        self.save_button.setObjectName("primaryButton")
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.save)
        bl.addWidget(self.delete_button)
        bl.addStretch(1)
        bl.addWidget(self.revert_button)
        bl.addWidget(self.save_button)
        outer.addWidget(bar)

    # -- loading ----------------------------------------------------------------------------
    def _fill_lists(self) -> None:
        for combo, kind, none in ((self.region, "region", self.tr("— none —")),
                                  (self.source, "source", self.tr("— unknown —"))):
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(none, None)
            for i, n in kept_lists.names(kind):
                combo.addItem(n, i)
            combo.blockSignals(False)

    def load(self, customer_id: int | None) -> None:
        """Show a customer (None: an empty form for a new one); unsaved edits are dropped."""
        self._loading = True
        self.errors.clear()
        self.general_error.hide()
        self._fill_lists()
        self.banner.hide()
        self._seq = feed.last_seq()
        c = customer_record(customer_id) if customer_id else None
        self.customer_id = c.id if c else None
        for name in ("name", "contact_person", "phone", "email", "im", "address", "industry",
                     "scale"):
            getattr(self, name).setText(getattr(c, name) if c else "")
        for name in ("needs", "pain_points", "credit_notes", "notes"):
            getattr(self, name).setPlainText(getattr(c, name) if c else "")
        self.budget.setText(self.ctx.fmt.amount_input(c.budget) if c else "")
        _set(self.region, c.region_id if c else None)
        _set(self.source, c.source_id if c else None)
        _set(self.intent, c.intent if c else "")
        _set(self.priority, c.priority if c else "medium")
        _set(self.class_manual, c.class_manual if c else "")
        self.man_money.set_value(c.man_money if c else None)
        self.man_authority.set_value(c.man_authority if c else None)
        self.man_need.set_value(c.man_need if c else None)
        try:
            assessment = json.loads(c.assessment) if c else {}
        except ValueError:
            assessment = {}
        for key, row in self.assessment.items():
            row.set_value(assessment.get(key, ""))
        self._extra_assessment = {k: v for k, v in assessment.items()
                                  if k not in self.assessment}
        contacts = customer_contacts(c.id) if c else []
        self.contacts.set_rows(contacts)
        self._load_deals()
        self.delete_button.setEnabled(c is not None)
        if c is not None:
            self.ctx.allow(self.delete_button, "delete")
        self._loading = False
        self._saved_state = self._state()
        self._shown = self.fields()
        self._shown_contacts = self.contact_rows()
        self._base = ({k: getattr(c, k + "_id" if k in ("region", "source") else k)
                       for k in self._shown} if c else {})
        self._version = c.version if c else 0
        self._show_man()
        self._show_class()
        self._show_assessment()
        self._show_heading()

    def _load_deals(self) -> None:
        rows = sq.customer_deals(self.customer_id) if self.customer_id else []
        self.deals.setRowCount(len(rows))
        kinds = {"won": self.tr("Won"), "lost": self.tr("Lost")}
        for i, (did, title, stage, kind, amount, close) in enumerate(rows):
            cells = [title, f"{kinds[kind]} · {stage}" if kind in kinds else stage,
                     self.ctx.fmt.money(amount), self.ctx.fmt.day(close)]
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if col == 0:
                    item.setData(Qt.ItemDataRole.UserRole, did)
                if col == 2:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight
                                          | Qt.AlignmentFlag.AlignVCenter)
                self.deals.setItem(i, col, item)
        won = sq.has_won(self.customer_id) if self.customer_id else False
        self.returning.setText(self.tr("Returning (has won before)") if won
                               else self.tr("New (no won deal yet)"))

    def _show_heading(self) -> None:
        name = self.name.text().strip()
        self.heading.setText(name or self.tr("New customer"))
        self.badges.setText(("● " + self.tr("unsaved changes")) if self.is_dirty() else "")

    # -- live derived values ----------------------------------------------------------------
    def man_code(self) -> str:
        return man_action(self.man_money.value(), self.man_authority.value(),
                          self.man_need.value())

    def _show_man(self) -> None:
        code = self.man_code()
        self.man_advice.setText(man_action_text(code))
        self.man_advice.setProperty("tone", ACTION_TONE.get(code, "none"))
        self.man_advice.style().unpolish(self.man_advice)
        self.man_advice.style().polish(self.man_advice)

    def derived_class(self) -> str:
        if self.customer_id is None:
            return ""
        return sq.derived_class(self.customer_id, self.ctx.today(), self.ctx.thresholds)

    def _show_class(self) -> None:
        derived = self.derived_class()
        manual = self.class_manual.currentData() or ""
        text = class_meaning(manual or derived)
        if manual and manual != derived:
            text += "  " + self.tr("(set by hand; the open deals give “%1”)").replace(
                "%1", derived or "—")
        elif not manual and derived:
            text += "  " + self.tr("(derived from the open deals)")
        self.class_note.setText(text)

    def _show_assessment(self) -> None:
        values = [r.value() for r in self.assessment.values()]
        self.assessment_score.setText(
            self.tr("%1 good · %2 poor · %3 not assessed")
            .replace("%1", str(values.count("+"))).replace("%2", str(values.count("-")))
            .replace("%3", str(values.count(""))))

    # -- state ------------------------------------------------------------------------------
    def fields(self) -> dict[str, Any]:
        """The customer fields as the form holds them (unchecked; the service checks)."""
        out: dict[str, Any] = {}
        for name in ("name", "contact_person", "phone", "email", "im", "address", "industry",
                     "scale"):
            out[name] = getattr(self, name).text().strip()
        for name in ("needs", "pain_points", "credit_notes", "notes"):
            out[name] = getattr(self, name).toPlainText().strip()
        out["budget"] = self.budget.text().strip()
        out["region"] = self.region.currentData()
        out["source"] = self.source.currentData()
        out["intent"] = self.intent.currentData() or ""
        out["priority"] = self.priority.currentData()
        out["class_manual"] = self.class_manual.currentData() or ""
        out["man_money"] = self.man_money.value()
        out["man_authority"] = self.man_authority.value()
        out["man_need"] = self.man_need.value()
        assessment = dict(self._extra_assessment)
        assessment.update({k: r.value() for k, r in self.assessment.items() if r.value()})
        out["assessment"] = json.dumps(assessment, ensure_ascii=False, sort_keys=True)
        return out

    def contact_rows(self) -> list[dict[str, Any]]:
        """The decision chain as the form holds it (with each saved contact's id)."""
        return [{**r, "id": i} if i is not None else dict(r)
                for r, i in zip(self.contacts.rows, self.contacts.ids, strict=True)]

    def _state(self) -> tuple:
        return (tuple(sorted(self.fields().items())),
                tuple(tuple(sorted(r.items())) for r in self.contact_rows()))

    def is_dirty(self) -> bool:
        return not self._loading and self._state() != self._saved_state

    def _edited(self, *_: object) -> None:
        if self._loading:
            return
        self._show_heading()

    def add_contact(self) -> None:
        row = self.contacts.add_row()
        index = self.contacts.index(row, 0)
        self.contact_view.setCurrentIndex(index)
        self.contact_view.edit(index)

    def remove_contact(self) -> None:
        index = self.contact_view.currentIndex()
        if index.isValid():
            self.contacts.remove_row(index.row())

    # -- saving -----------------------------------------------------------------------------
    def save(self) -> bool:
        """Save through the services (one undo step); errors shown at the fields. Only what
        was changed here is saved, over the version the form showed."""
        self.errors.clear()
        self.general_error.hide()
        self.contact_view.closePersistentEditor(self.contact_view.currentIndex())
        fields = self.fields()
        rows = self.contact_rows()
        contacts: list[dict[str, Any]] | None = rows
        base = None
        if self.customer_id is not None:
            fields = {k: v for k, v in fields.items() if v != self._shown.get(k)}
            if contacts == self._shown_contacts:
                contacts = None
            else:  # each saved contact with what the form showed of it
                shown = {c["id"]: c for c in self._shown_contacts if "id" in c}
                contacts = [{**c, "_base": shown[c["id"]]} if c.get("id") in shown else c
                            for c in rows]
            if not fields and contacts is None:
                self._saved_state = self._state()
                self._show_heading()
                return True
            base = Base({k: self._base.get(k) for k in fields}, self._version, self._seq)
        name = fields.get("name") or self.name.text().strip()
        outcome = self.ctx.run(self, self.tr("Save customer “%1”").replace("%1", name),
                               lambda: self._save(fields, contacts, base),
                               on_error=self._show_error)
        if outcome is None:
            return False
        self.load(outcome.value)
        self.saved.emit(outcome.value)
        return True

    def _show_error(self, err: FunnelError) -> None:
        """A refusal at its field, or above the form."""
        field = getattr(err, "field", None)
        if not (field and self.errors.show(field, error_text(err))):
            self.general_error.setText(error_text(err))
            self.general_error.show()

    def _save(self, fields: dict[str, Any], contacts: list[dict[str, Any]] | None,
              base: Base | None) -> Any:
        services = self.ctx.services
        try:
            return services.save_customer(self.customer_id, fields, contacts, initiator=self,
                                          base=base)
        except EditConflict as err:
            who = err.params.get("by", "?")
            text = (self.tr("%1 changed %2 of this customer at %3 while you were editing it. "
                            "Reload theirs, save yours over theirs, or keep editing.")
                    .replace("%1", who)
                    .replace("%2", ", ".join(field_names().get(f, f) for f in err.fields))
                    .replace("%3", when_text(err.later[-1].at) if err.later else "?"))
            answer = ask.conflict(self, text)
            if answer == "mine":
                return services.save_customer(self.customer_id, fields, contacts,
                                              initiator=self)
            if answer == "reload":
                self.reload_saved()
            else:
                self._base.update(err.current)
                assert self.customer_id is not None  # a conflict is over a saved customer
                self._version = customer_version(self.customer_id)
                self._seq = feed.last_seq()
            return None

    def reload_saved(self) -> None:
        """Show the customer as saved now (unsaved changes dropped)."""
        exists = self.customer_id is not None and customer_exists(self.customer_id)
        self.load(self.customer_id if exists else None)

    def delete(self) -> bool:
        if self.customer_id is None:
            return False
        name = self.name.text().strip()
        if not ask.confirm(self, self.tr("Delete customer"),
                           self.tr("Delete “%1”? Its deals stay, without a customer.")
                           .replace("%1", name), self.tr("Delete")):
            return False
        customer_id = self.customer_id
        outcome = self.ctx.run(self, self.tr("Delete customer “%1”").replace("%1", name),
                               lambda: self.ctx.services.delete_customer(customer_id,
                                                                         initiator=self))
        if outcome is None:
            return False
        self.load(None)
        return True

    def maybe_leave(self) -> bool:
        """Before showing another customer: ask about unsaved changes; False to stay."""
        if not self.is_dirty():
            return True
        answer = ask.save_changes(self, self.tr("This customer"))
        if answer == "cancel":
            return False
        if answer == "save":
            return self.save()
        return True

    def _on_changes(self, changes: Changes) -> None:
        if changes.initiator is self:
            return
        if self.is_dirty():
            if (changes.initiator is REMOTE and self.customer_id is not None
                    and self.customer_id in changes.customer_ids):
                self.banner.say(self.tr("%1 changed this customer at %2 while you were "
                                        "editing. Saving keeps their changes to the fields "
                                        "you did not touch; where you both changed a field "
                                        "you choose.")
                                .replace("%1", changes.by or self.tr("Someone"))
                                .replace("%2", when_text(changes.at)))
            return
        if not self.isVisible():
            self._stale = True
            return
        if self.customer_id is None:
            if changes.touches("lists"):
                self.load(None)
            return
        if (self.customer_id in changes.customer_ids or changes.touches("deals", "all")):
            if not customer_exists(self.customer_id):
                self.load(None)
            else:
                self.load(self.customer_id)


    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if getattr(self, "_stale", False) and not self.is_dirty():
            self._stale = False
            self.load(self.customer_id if self.customer_id and customer_exists(
                self.customer_id) else None)


def _set(combo: QComboBox, value: Any) -> None:
    combo.setCurrentIndex(max(0, combo.findData(value)))
