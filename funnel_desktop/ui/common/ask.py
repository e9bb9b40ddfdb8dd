"""Every modal question the app asks, as small functions that tests replace.

Widgets call them as ``ask.confirm(...)`` (through the module) so a test can monkeypatch
``funnel_desktop.ui.common.ask.confirm`` and answer without a dialog.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QAbstractButton, QDialog, QFileDialog, QMessageBox, QWidget

if TYPE_CHECKING:  # the dialogs import this module
    from ...core.errors import StoreError
    from ..database.db_problem_dialog import DbChoice
    from ..database.login_dialog import Login

translate = QCoreApplication.translate



def ask(parent: QWidget | None, title: str, text: str,
        choices: list[tuple[str, str]], default: str) -> str:
    """Ask a question; returns the key of the chosen answer (``default`` if closed).

    ``choices`` are (key, button text); keys ``save``, ``discard``, ``cancel``, ``yes``,
    ``no`` get the platform's button roles."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(title)
    box.setTextFormat(Qt.TextFormat.PlainText)  # names the user typed are not markup
    box.setText(text)
    roles = {"save": QMessageBox.ButtonRole.AcceptRole,
             "yes": QMessageBox.ButtonRole.YesRole,
             "discard": QMessageBox.ButtonRole.DestructiveRole,
             "no": QMessageBox.ButtonRole.NoRole,
             "cancel": QMessageBox.ButtonRole.RejectRole}
    buttons: dict[QAbstractButton | None, str] = {}
    for key, label in choices:
        button = box.addButton(label, roles.get(key, QMessageBox.ButtonRole.ActionRole))
        buttons[button] = key
        if key == default:
            box.setDefaultButton(button)
    box.exec()
    return buttons.get(box.clickedButton(), default)


def confirm(parent: QWidget | None, title: str, text: str, yes: str) -> bool:
    """A yes/cancel question (e.g. before deleting)."""
    return ask(parent, title, text, [("yes", yes), ("cancel", translate(
        "Ask", "Cancel"))], "cancel") == "yes"


def save_changes(parent: QWidget | None, what: str) -> str:
    """``save``, ``discard`` or ``cancel`` for unsaved changes to ``what``."""
    return ask(parent, translate("Ask", "Unsaved changes"),
               translate("Ask", "{what} has unsaved changes. Save them?").replace("{what}", what),
               [("save", translate("Ask", "Save")), ("discard", translate(
                   "Ask", "Discard")), ("cancel", translate(
                   "Ask", "Cancel"))],
               "cancel")


def conflict(parent: QWidget | None, text: str) -> str:
    """Somebody else changed the fields being saved: ``reload`` (take theirs, drop mine),
    ``mine`` (save mine over theirs) or ``edit`` (keep editing, nothing saved)."""
    return ask(parent, translate("Ask", "Changed by someone else"), text,
               [("reload", translate("Ask", "Reload theirs")),
                ("mine", translate("Ask", "Save mine over theirs")),
                ("cancel", translate("Ask", "Keep editing"))], "cancel").replace(
        "cancel", "edit")


def login(parent: QWidget | None, location: str, problem: str) -> Login | None:
    """User and password for a server (a ``login_dialog.Login``); None to give up."""
    from ..database.login_dialog import LoginDialog

    dlg = LoginDialog(location, problem, parent)
    if dlg.exec() != QDialog.DialogCode.Accepted:
        return None
    return dlg.value()


def reason(parent: QWidget | None, kind: str, count: int, what: str = ""
           ) -> tuple[int, str] | None:
    """A kept won/lost reason and a note for closing ``count`` deals (``what`` names them:
    title and amount); None to cancel."""
    from ..board.reason_dialog import ReasonDialog

    dlg = ReasonDialog(kind, count, parent, what)
    if dlg.exec() != QDialog.DialogCode.Accepted:
        return None
    return dlg.result_value()


def period(parent: QWidget | None, start: date | None, end: date | None
           ) -> tuple[date, date] | None:
    """A custom expected-close period; None to cancel."""
    from .period_dialog import PeriodDialog

    dlg = PeriodDialog(start, end, parent)
    if dlg.exec() != QDialog.DialogCode.Accepted:
        return None
    return dlg.value()


def message(parent: QWidget | None, icon: QMessageBox.Icon, title: str, text: str) -> None:
    """A message box showing ``text`` as plain text."""
    box = QMessageBox(icon, title, "", QMessageBox.StandardButton.Ok, parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setText(text)
    box.exec()


def error(parent: QWidget | None, title: str, text: str) -> None:
    """Tell the user something went wrong (text already in their language)."""
    message(parent, QMessageBox.Icon.Warning, title, text)


def info(parent: QWidget | None, title: str, text: str) -> None:
    message(parent, QMessageBox.Icon.Information, title, text)


def open_path(parent: QWidget | None, title: str, folder: str, filters: str) -> str:
    """A file to open ("" when cancelled)."""
    return QFileDialog.getOpenFileName(parent, title, folder, filters)[0]


def save_path(parent: QWidget | None, title: str, suggested: str, filters: str) -> str:
    """A file to write ("" when cancelled)."""
    return QFileDialog.getSaveFileName(parent, title, suggested, filters)[0]


def run_dialog(dialog: QDialog) -> int:
    """Run a modal dialog (tests replace this to drive the dialog themselves)."""
    return dialog.exec()


def db_problem(parent: QWidget | None, err: StoreError, location: str) -> DbChoice:
    """What to do about a database that cannot be opened (a ``DbChoice``)."""
    from ..database.db_problem_dialog import run_db_problem_dialog

    return run_db_problem_dialog(parent, err, location)
