"""File ▸ New database: the business's name, the currency its amounts are kept in and the sales
stages, asked before the file is made (the welcome page's form, :class:`SetupForm`)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from ..common import wheel_guard
from .setup_form import DatabaseSetup, SetupForm


class NewDatabaseDialog(QDialog):
    """What a new database at ``path`` is set up with. ``cancelled`` is True only when the
    user cancelled (a dialog that was never shown keeps what it offered)."""

    def __init__(self, path: str, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        wheel_guard.install()
        self.setObjectName("newDatabaseDialog")
        self.setWindowTitle(self.tr("New database"))
        self.setMinimumSize(680, 460)
        self.cancelled = False
        note = QLabel(self.tr("A new database in %1. You can change all of this later "
                              "in Tools ▸ Settings and Tools ▸ Pipelines.")
                      .replace("%1", str(Path(path))))
        note.setObjectName("sectionNote")
        note.setWordWrap(True)
        note.setTextFormat(Qt.TextFormat.PlainText)  # a path is not markup
        self.form = SetupForm(lang)
        self.currency = self.form.currency
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.create_button = buttons.addButton(self.tr("C&reate"),
                                               QDialogButtonBox.ButtonRole.AcceptRole)
        self.create_button.setObjectName("primaryButton")
        self.create_button.setDefault(True)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(20, 16, 20, 12)
        lay.setSpacing(10)
        lay.addWidget(note)
        lay.addWidget(self.form, 1)
        lay.addWidget(buttons)
        self.form.business.setFocus()

    def reject(self) -> None:
        self.cancelled = True
        super().reject()

    def chosen(self) -> str:
        """The ISO code of the currency chosen (``CNY``)."""
        return self.form.setup().currency

    def setup(self) -> DatabaseSetup:
        return self.form.setup()
