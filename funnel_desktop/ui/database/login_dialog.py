"""Logging in to a team's server: user, password, "remember me" (libpq's password file),
and why the last try failed, in words."""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlsplit

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from ...store import pgpass


@dataclass(frozen=True, slots=True)
class Login:
    user: str
    password: str
    remember: bool


class LoginDialog(QDialog):
    """Who logs in to ``location`` (a server URL without its password)."""

    def __init__(self, location: str, problem: str = "", parent: QWidget | None = None
                 ) -> None:
        super().__init__(parent)
        self.setObjectName("loginDialog")
        self.setWindowTitle(self.tr("Log in to the team's server"))
        parts = urlsplit(location)
        server = QLabel(f"{parts.hostname or 'localhost'}"
                        f"{':' + str(parts.port) if parts.port else ''}"
                        f" · {parts.path.lstrip('/')}")
        server.setTextFormat(Qt.TextFormat.PlainText)
        self.user = QLineEdit(parts.username or "")
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.remember = QCheckBox(self.tr("Remember me on this computer"))
        self.remember.setToolTip(self.tr("Keeps the password in %1 (readable by you only), "
                                         "where the server's own tools find it too")
                                 .replace("%1", str(pgpass.path())))
        self.problem = QLabel(problem)
        self.problem.setObjectName("fieldError")
        self.problem.setTextFormat(Qt.TextFormat.PlainText)
        self.problem.setWordWrap(True)
        self.problem.setVisible(bool(problem))
        form = QFormLayout()
        form.addRow(self.tr("Server"), server)
        form.addRow(self.tr("User"), self.user)
        form.addRow(self.tr("Password"), self.password)
        form.addRow("", self.remember)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Log in"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addLayout(form)
        lay.addWidget(self.problem)
        lay.addWidget(buttons)
        (self.password if self.user.text() else self.user).setFocus()
        self.setMinimumWidth(420)

    def value(self) -> Login:
        return Login(self.user.text().strip(), self.password.text(),
                     self.remember.isChecked())
