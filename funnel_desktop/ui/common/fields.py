"""Form helpers: a date field that may be empty, and errors shown at the field."""

from __future__ import annotations

from datetime import date
from typing import Protocol

from PySide6.QtCore import QCoreApplication, QDate, Qt, Signal
from PySide6.QtWidgets import (
    QCalendarWidget,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
    QWidgetAction,
)

from ...core.errors import ValidationError
from . import typed_dates
from .icons import icon
from .messages import error_text


def set_invalid(widget: QWidget, invalid: bool) -> None:
    """Red border on a field (the style sheet styles ``[invalid="true"]``)."""
    if widget.property("invalid") != invalid:
        widget.setProperty("invalid", invalid)
        widget.style().unpolish(widget)
        widget.style().polish(widget)
        widget.update()


class DateField(QWidget):
    """A date that may be empty: typed (2026-11-24, 2026/11/24, 2026年11月24日, or the locale's
    own short form such as 11/24/2026) or picked from a calendar. Under the line it says the
    date it understood (``Tuesday, November 24, 2026``) or how to write one; leaving the line
    puts a date it understood in ISO form, so what is kept is what is shown.

    Signals:
        edited(): the text changed by the user or the calendar.
    """

    edited = Signal()

    def __init__(self, parent: QWidget | None = None, *, hint: bool = True) -> None:
        super().__init__(parent)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(1)
        lay = QHBoxLayout()
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(4)
        outer.addLayout(lay)
        self.line = QLineEdit()
        self.line.setPlaceholderText(self.tr("YYYY-MM-DD"))
        self.line.setToolTip(self.tr("Type a date as %1, or pick one").replace(
            "%1", typed_dates.example()))
        self.line.setClearButtonEnabled(True)
        self.line.textEdited.connect(self._typed)
        self.line.editingFinished.connect(self._tidy)
        self.button = QToolButton()
        self.button.setObjectName("dateButton")
        self.button.setIcon(icon("calendar.svg"))
        self.button.setToolTip(self.tr("Pick a date"))
        self.button.setAccessibleName(self.tr("Pick a date"))
        self.button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(self.button)
        self.calendar = QCalendarWidget()
        self.calendar.setGridVisible(False)
        self.calendar.clicked.connect(self._picked)
        action = QWidgetAction(menu)
        action.setDefaultWidget(self.calendar)
        menu.addAction(action)
        menu.aboutToShow.connect(self._sync_calendar)
        self.button.setMenu(menu)
        lay.addWidget(self.line, 1)
        lay.addWidget(self.button)
        #: What the typed text was understood as (shown once the user typed or picked).
        self.hint = QLabel()
        self.hint.setObjectName("fieldHint")
        self.hint.setTextFormat(Qt.TextFormat.PlainText)
        self.hint.setWordWrap(True)
        self.hint.hide()
        self._hints = hint
        outer.addWidget(self.hint)
        self.setFocusProxy(self.line)

    def _sync_calendar(self) -> None:
        try:
            d = self.value()
        except ValidationError:
            d = None
        d = d or date.today()
        self.calendar.setSelectedDate(QDate(d.year, d.month, d.day))

    def _picked(self, qd: QDate) -> None:
        self.line.setText(qd.toString("yyyy-MM-dd"))
        self.button.menu().hide()
        self._show_hint()
        self.edited.emit()

    def _typed(self, _text: str) -> None:
        self._show_hint()
        self.edited.emit()

    def _tidy(self) -> None:
        """Leaving the line: a date understood is written in ISO form."""
        try:
            d = self.value()
        except ValidationError:
            return
        if d is not None and self.line.text() != d.isoformat():
            self.line.setText(d.isoformat())
            self.edited.emit()

    def _show_hint(self) -> None:
        if not self._hints:
            return
        try:
            d = self.value()
        except ValidationError as err:
            text = (self.tr("Not a date yet: type it as %1").replace(
                "%1", typed_dates.example()) if err.code == "date_invalid"
                else error_text(err))
            self.hint.setProperty("problem", True)
        else:
            text = typed_dates.spoken(d) if d is not None else ""
            self.hint.setProperty("problem", False)
        self.hint.style().unpolish(self.hint)
        self.hint.style().polish(self.hint)
        self.hint.setText(text)
        self.hint.setVisible(bool(text))

    def text(self) -> str:
        return self.line.text().strip()

    def set_date(self, d: date | None, *, say: bool = False) -> None:
        """Show ``d`` (``say``: and under the line the day it is, as after typing)."""
        self.line.setText(d.isoformat() if d else "")
        self.hint.hide()
        if say:
            self._show_hint()

    def value(self, field: str = "date") -> date | None:
        """The date, None when empty; ValidationError ``date_invalid`` for other text."""
        return typed_dates.parse_typed_date(self.text(), field=field)


def name_from_labels(root: QWidget) -> None:
    """Give each control a label points at an accessible name: a label's buddy that is a box
    (an error wrapper, a date field) hides the control from Qt's own label lookup, which only
    sees sibling labels."""
    from PySide6.QtWidgets import QAbstractButton, QAbstractSpinBox, QComboBox, QPlainTextEdit

    controls = (QLineEdit, QComboBox, QAbstractSpinBox, QPlainTextEdit, QAbstractButton)
    for label in root.findChildren(QLabel):
        buddy = label.buddy()
        if buddy is None or not label.text().strip():
            continue
        target: QWidget | None = buddy
        while target is not None and not isinstance(target, controls):
            proxy = target.focusProxy()
            target = proxy if proxy is not None else next(
                (w for w in target.findChildren(QWidget) if isinstance(w, controls)), None)
        if target is not None and not target.accessibleName():
            target.setAccessibleName(label.text().replace("&", "").rstrip(":：").strip())


class FieldErrors:
    """Errors shown under fields: a red border on the field and the message below it."""

    def __init__(self) -> None:
        self._fields: dict[str, tuple[QWidget, QLabel]] = {}

    def wrap(self, name: str, widget: QWidget, mark: QWidget | None = None) -> QWidget:
        """A box with ``widget`` and a (hidden) error line under it, registered as ``name``;
        ``mark`` is the widget that gets the red border (default ``widget``)."""
        box = QWidget()
        lay = QVBoxLayout(box)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(2)
        lay.addWidget(widget)
        label = QLabel()
        label.setObjectName("fieldError")
        label.setWordWrap(True)
        label.setTextFormat(Qt.TextFormat.PlainText)
        label.hide()
        lay.addWidget(label)
        self._fields[name] = (mark or widget, label)
        return box

    def show(self, name: str, text: str) -> bool:
        """Show ``text`` at the field ``name``; False if there is no such field."""
        if name not in self._fields:
            return False
        widget, label = self._fields[name]
        set_invalid(widget, True)
        label.setText(text)
        label.show()
        return True

    def clear(self, name: str | None = None) -> None:
        for key, (widget, label) in self._fields.items():
            if name is None or key == name:
                set_invalid(widget, False)
                label.clear()
                label.hide()

    def text(self, name: str) -> str:
        """The error shown at a field ("" if none)."""
        label = self._fields[name][1]
        return label.text() if not label.isHidden() else ""

    def shown(self) -> dict[str, str]:
        return {k: lab.text() for k, (_w, lab) in self._fields.items() if not lab.isHidden()}


class Editor(Protocol):
    """A dialog :func:`editor_buttons` drives."""

    def save(self) -> object: ...
    def revert(self) -> object: ...
    def reject(self) -> None: ...


def editor_buttons(dialog: Editor) -> tuple[QDialogButtonBox, QPushButton, QPushButton]:
    """Save changes / Revert / Close for an editor dialog: (box, save, revert). Save and Revert
    call the dialog's ``save`` and ``revert``; Close rejects it."""
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Apply
                           | QDialogButtonBox.StandardButton.Reset
                           | QDialogButtonBox.StandardButton.Close)
    save = box.button(QDialogButtonBox.StandardButton.Apply)
    save.setText(QCoreApplication.translate("EditorButtons", "&Save changes"))
    save.setObjectName("primaryButton")
    revert = box.button(QDialogButtonBox.StandardButton.Reset)
    revert.setText(QCoreApplication.translate("EditorButtons", "Re&vert"))
    box.button(QDialogButtonBox.StandardButton.Close).setText(
        QCoreApplication.translate("EditorButtons", "Close"))
    save.clicked.connect(dialog.save)
    revert.clicked.connect(dialog.revert)
    box.rejected.connect(dialog.reject)
    return box, save, revert
