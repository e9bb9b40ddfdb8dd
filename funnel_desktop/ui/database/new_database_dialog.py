"""File ▸ New database: the currency its amounts are kept in, asked before the file is made
(the language's usual currency offered first)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from ..settings.settings_dialog import CURRENCIES, currency_label, default_currency


class NewDatabaseDialog(QDialog):
    """The currency of a new database. ``cancelled`` is True only when the user cancelled
    (a dialog that was never shown keeps the offered currency)."""

    def __init__(self, path: str, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("New database"))
        self.cancelled = False
        self.currency = QComboBox()
        self.currency.setObjectName("newDatabaseCurrency")
        for code in CURRENCIES:
            self.currency.addItem(currency_label(code), code)
        self.currency.setCurrentIndex(self.currency.findData(default_currency(lang)))
        note = QLabel(self.tr("The amounts of %1 are kept in one currency; Settings can "
                              "change how it is shown later.").replace("%1", path))
        note.setWordWrap(True)
        note.setTextFormat(Qt.TextFormat.PlainText)
        form = QFormLayout()
        form.addRow(self.tr("&Currency:"), self.currency)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addWidget(note)
        lay.addLayout(form)
        lay.addWidget(buttons)

    def reject(self) -> None:
        self.cancelled = True
        super().reject()

    def chosen(self) -> str:
        """The ISO code chosen (``CNY``)."""
        return str(self.currency.currentData())
