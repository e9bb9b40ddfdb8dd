"""File → Export: deals, customers, contacts or activities as CSV (UTF-8, optional BOM for
Excel) or XLSX. Entry point: :func:`run_export_dialog`; the file question goes through
``ask_save_path`` and errors through ``show_error`` (tests replace both)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...core.errors import FunnelError
from ...store import connection
from ...store.db import translated_errors
from ...store.exporting import export
from ...store.pipeline_rows import pipeline_choices
from ..common.operations import OperationRunner
from ..common.saved_notice import SavedNotice

translate = QCoreApplication.translate



def ask_save_path(parent: QWidget | None, caption: str, suggested: str,
                  filters: str) -> str | None:
    """A file to write, or None."""
    path, _ = QFileDialog.getSaveFileName(parent, caption, suggested, filters)
    return path or None


def show_error(parent: QWidget | None, text: str) -> None:
    QMessageBox.warning(parent, translate("ExportDialog", "Export"), text)


def _exec(dialog: QDialog) -> int:
    return dialog.exec()


class ExportDialog(QDialog):
    """Choose what, which format and where; ``written`` is the file once exported."""

    def __init__(self, parent: QWidget | None = None,
                 runner: OperationRunner | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("ExportDialog", "Export"))
        #: writes the file off the GUI thread (None: in it, as tests do)
        self.runner = runner
        self.written: Path | None = None
        self.count = 0
        self.what = QComboBox()
        for label, key in ((translate("ExportDialog", "Deals"), "deals"),
                           (translate("ExportDialog", "Customers"), "customers"),
                           (translate("ExportDialog", "Contacts"), "contacts"),
                           (translate("ExportDialog", "Activities"), "activities")):
            self.what.addItem(label, key)
        self.fmt = QComboBox()
        self.fmt.addItem(translate("ExportDialog", "CSV (UTF-8)"), "csv")
        self.fmt.addItem(translate("ExportDialog", "Excel workbook (.xlsx)"), "xlsx")
        self.bom = QCheckBox(translate("ExportDialog",
                                       "Add a byte-order mark so Excel reads the CSV as UTF-8"))
        self.bom.setChecked(True)
        self.pipeline = QComboBox()
        self.pipeline.addItem(translate("ExportDialog", "All pipelines"), None)
        for pid, name in pipeline_choices():
            self.pipeline.addItem(name, pid)
        self.path = QLineEdit()
        self.path.setObjectName("exportPath")
        browse = QPushButton(translate("ExportDialog", "Browse…"))
        browse.clicked.connect(self.browse)
        row = QHBoxLayout()
        row.addWidget(self.path, 1)
        row.addWidget(browse)
        form = QFormLayout()
        form.addRow(translate("ExportDialog", "Export:"), self.what)
        form.addRow(translate("ExportDialog", "Pipeline:"), self.pipeline)
        form.addRow(translate("ExportDialog", "Format:"), self.fmt)
        form.addRow("", self.bom)
        form.addRow(translate("ExportDialog", "File:"), row)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.export_button = self.buttons.addButton(translate("ExportDialog", "Export"),
                                                    QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.accepted.connect(self.export_now)
        self.buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addLayout(form)
        lay.addWidget(self.buttons)
        self.what.currentIndexChanged.connect(self._update)
        self.fmt.currentIndexChanged.connect(self._update)
        self.path.textChanged.connect(self._update)
        self._update()

    def _suffix(self) -> str:
        return "." + self.fmt.currentData()

    def _update(self) -> None:
        is_csv = self.fmt.currentData() == "csv"
        self.bom.setEnabled(is_csv)
        self.pipeline.setEnabled(self.what.currentData() == "deals")
        text = self.path.text().strip()
        if text and Path(text).suffix.lower() in (".csv", ".xlsx") and (
                Path(text).suffix.lower() != self._suffix()):
            self.path.setText(str(Path(text).with_suffix(self._suffix())))
        self.export_button.setEnabled(bool(self.path.text().strip()))

    def browse(self) -> None:
        suggested = self.path.text().strip() or self.what.currentData() + self._suffix()
        filters = (translate("ExportDialog", "CSV files (*.csv)") if self.fmt.currentData() == "csv"
                   else translate("ExportDialog", "Excel workbooks (*.xlsx)"))
        path = ask_save_path(self, translate("ExportDialog", "Export to"), suggested, filters)
        if path:
            if Path(path).suffix.lower() != self._suffix():
                path += self._suffix()
            self.path.setText(path)

    def export_now(self) -> bool:
        """Write the file; on success the dialog is accepted."""
        path = Path(self.path.text().strip())
        what = self.what.currentData()
        pipeline_id = self.pipeline.currentData() if what == "deals" else None
        location = connection.location()

        def work() -> int:
            with translated_errors(location):
                return export(what, self.fmt.currentData(), path, bom=self.bom.isChecked(),
                              pipeline_id=pipeline_id)

        try:
            if self.runner is None:
                self.count = work()
            else:
                failed: list[FunnelError] = []
                count = self.runner.run_long(self, translate("ExportDialog", "Export"), work,
                                             cancellable=False, undoable=False,
                                             on_error=failed.append)
                if failed:
                    raise failed[0]
                self.count = count or 0
        except FunnelError as err:
            from ..common.messages import error_text

            show_error(self, error_text(err))
            return False
        self.written = path
        self.accept()
        return True


def run_export_dialog(parent: QWidget | None, runner: OperationRunner | None = None,
                      notice: SavedNotice | None = None) -> Path | None:
    """Show the export dialog; the file written, or None. ``notice`` says what was written
    (with Open and Show in folder)."""
    dialog = ExportDialog(parent, runner)
    _exec(dialog)
    written, count = dialog.written, dialog.count
    dialog.deleteLater()
    if written is not None and notice is not None:
        notice.show_saved(written, translate("ExportDialog", "Exported %Ln row(s) to %1", None,
                                             count).replace("%1", written.name))
    return written
