"""File → Import: a wizard from a CSV/XLSX file to deals, customers and contacts.

Pages: choose a file → encoding, delimiter and preview → map columns to fields → map stage
names, formats and options (save / load the mapping as a preset) → dry run listing every
problem → import (one transaction) and its summary. Entry point: :func:`run_import_wizard`.
Modal questions go through the module functions ``ask_open_path``, ``ask_save_path`` and
``show_error``, which tests replace.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSize,
    Qt,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from ...core.errors import FunnelError
from ...core.progress import Cancelled
from ...core.values import StageKind
from ...services import Outcome, Services
from ...services.importing import ImportRefused, import_table
from ...store.importing import (
    DATE_FORMATS,
    ImportReport,
    Mapping,
    Problem,
    Table,
    guess_columns,
    guess_stage_map,
    read_table,
    stage_ref,
)
from ...store.importing.plan import Note
from ...store.importing.reading import cell_text
from ...store.queries import stages_of
from ..common.messages import error_text
from ..common.operations import OperationRunner
from ..common.screen_fit import fit_to_screen

translate = QCoreApplication.translate

PREVIEW_ROWS = 20
SHOWN_PROBLEMS = 1000



T = TypeVar("T")


# -- questions tests replace ----------------------------------------------------------------
def ask_open_path(parent: QWidget | None, caption: str, filters: str) -> str | None:
    """A file to open, or None."""
    path, _ = QFileDialog.getOpenFileName(parent, caption, "", filters)
    return path or None


def ask_save_path(parent: QWidget | None, caption: str, suggested: str,
                  filters: str) -> str | None:
    """A file to write, or None."""
    path, _ = QFileDialog.getSaveFileName(parent, caption, suggested, filters)
    return path or None


def show_error(parent: QWidget | None, text: str) -> None:
    """Tell the user why something could not be done (text already translated)."""
    QMessageBox.warning(parent, translate("ImportWizard", "Import"), text)


def _exec(dialog: QWizard) -> int:
    return dialog.exec()


# -- words ----------------------------------------------------------------------------------
def field_labels() -> dict[str, str]:
    """Importable field → its translated label ("" = not imported)."""
    return {
        "": translate("ImportWizard", "— not imported —"),
        "deal.external_id": translate("ImportWizard", "Deal: external id"),
        "deal.title": translate("ImportWizard", "Deal: title"),
        "deal.product": translate("ImportWizard", "Deal: product"),
        "deal.amount": translate("ImportWizard", "Deal: amount"),
        "deal.stage": translate("ImportWizard", "Deal: stage"),
        "deal.created": translate("ImportWizard", "Deal: created / entered stage"),
        "deal.closed": translate("ImportWizard", "Deal: closed (won or lost)"),
        "deal.expected_close": translate("ImportWizard", "Deal: expected close"),
        "deal.probability": translate("ImportWizard", "Deal: probability %"),
        "deal.source": translate("ImportWizard", "Deal: source"),
        "deal.project_type": translate("ImportWizard", "Deal: project type (big / small)"),
        "deal.next_step": translate("ImportWizard", "Deal: next step"),
        "deal.next_step_due": translate("ImportWizard", "Deal: next step due"),
        "deal.close_reason": translate("ImportWizard", "Deal: won / lost reason"),
        "deal.close_note": translate("ImportWizard", "Deal: note"),
        "customer.name": translate("ImportWizard", "Customer: name"),
        "customer.external_id": translate("ImportWizard", "Customer: external id"),
        "customer.industry": translate("ImportWizard", "Customer: industry"),
        "customer.scale": translate("ImportWizard", "Customer: scale"),
        "customer.address": translate("ImportWizard", "Customer: address"),
        "customer.region": translate("ImportWizard", "Customer: region"),
        "customer.phone": translate("ImportWizard", "Customer: phone"),
        "customer.email": translate("ImportWizard", "Customer: email"),
        "customer.contact_person": translate("ImportWizard", "Customer: contact person"),
        "customer.notes": translate("ImportWizard", "Customer: notes (several columns allowed)"),
        "contact.name": translate("ImportWizard", "Contact: name"),
        "contact.title": translate("ImportWizard", "Contact: job title"),
        "contact.phone": translate("ImportWizard", "Contact: phone"),
        "contact.email": translate("ImportWizard", "Contact: email"),
        "owner.name": translate("ImportWizard", "Owner (salesperson)"),
        "owner.team": translate("ImportWizard", "Owner: team"),
        "owner.region": translate("ImportWizard", "Owner: region"),
        "product.price": translate("ImportWizard", "Product: list price"),
    }


def _rule_text(rule: str) -> str:
    return {"the latest date in the file": translate("ImportWizard", "the latest date in the file"),
            "the time of the import": translate("ImportWizard", "the time of the import"),
            "the date chosen in the mapping": translate("ImportWizard",
                                                        "the date chosen in the mapping"),
            }.get(rule, rule)


def message_text(code: str, params: dict[str, Any]) -> str:
    """A problem or note in the user's language, its parameters filled in."""
    if "rule" in params:
        params = {**params, "rule": _rule_text(str(params["rule"]))}
    return error_text(FunnelError(code, **params))


def problem_text(p: Problem) -> str:
    return message_text(p.code, p.params)


def note_text(n: Note) -> str:
    return message_text(n.code, {**n.params, "count": n.count})


def error_message(err: FunnelError) -> str:
    return message_text(err.code, err.params)


def summary_text(report: ImportReport) -> str:
    """The counts of a report as translated sentences."""
    c, u = report.created, report.updated
    head = (translate("ImportWizard", "Deals: %1 new, %2 updated, %3 already up to date.")
            if report.dry_run else
            translate("ImportWizard", "Deals: %1 created, %2 updated, %3 already up to date."))
    lines = [
        head.replace("%1", str(c.get("deals", 0))).replace("%2", str(u.get("deals", 0)))
        .replace("%3", str(report.unchanged)),
        translate("ImportWizard", "Customers: %1 new, %2 updated; contacts: %3 new.")
        .replace("%1", str(c.get("customers", 0))).replace("%2", str(u.get("customers", 0)))
        .replace("%3", str(c.get("contacts", 0))),
        translate("ImportWizard", "Owners: %1 new; teams: %2; regions: %3; sources: %4.")
        .replace("%1", str(c.get("owners", 0))).replace("%2", str(c.get("teams", 0)))
        .replace("%3", str(c.get("regions", 0))).replace("%4", str(c.get("sources", 0))),
        translate("ImportWizard", "Rows read: %1; skipped: %2.").replace("%1", str(report.rows))
        .replace("%2", str(report.skipped_rows)),
    ]
    if report.problems:
        n = report.problem_rows
        lines.append(translate("ImportWizard", "%Ln row(s) have problems and will be skipped.",
                               None, n) if report.skip_invalid
                     else translate("ImportWizard", "%Ln row(s) have problems: fix them in the "
                                    "file, change the mapping, or choose to skip those rows.",
                                    None, n))
    return "\n".join(lines)


# -- the preview model ----------------------------------------------------------------------
class PreviewModel(QAbstractTableModel):
    """The first rows of a table, as text."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._headers: list[str] = []
        self._rows: list[list[str]] = []

    def set_table(self, table: Table | None, limit: int = PREVIEW_ROWS) -> None:
        self.beginResetModel()
        self._headers = list(table.headers) if table else []
        width = len(self._headers)
        self._rows = [[cell_text(v) for v in (*r, *([None] * width))[:width]]
                      for r in (table.rows[:limit] if table else [])]
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()  # noqa: B008
                 ) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()  # noqa: B008
                    ) -> int:
        return 0 if parent.isValid() else len(self._headers)

    def data(self, index: QModelIndex | QPersistentModelIndex,
             role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role != Qt.ItemDataRole.DisplayRole:
            return None
        return self._rows[index.row()][index.column()]

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return self._headers[section] if 0 <= section < len(self._headers) else None
        return str(section + 2)  # spreadsheet row numbers: the header is row 1


#: The widest a column of a preview or mapping table starts, px (the user can widen it).
COLUMN_MAX = 280
#: Rows of the stage table shown without scrolling (more scroll).
STAGE_ROWS = 8


def fit_columns(view: QTableView | QTableWidget, widest: int = COLUMN_MAX) -> None:
    """Columns as wide as their header and the rows shown (a preview holds few), so no
    header is clipped; none wider than ``widest``."""
    view.resizeColumnsToContents()
    header = view.horizontalHeader()
    for col in range(header.count()):
        if header.sectionResizeMode(col) != QHeaderView.ResizeMode.Stretch and \
                header.sectionSize(col) > widest:
            header.resizeSection(col, widest)


def fit_rows(table: QTableWidget, rows: int = STAGE_ROWS) -> None:
    """A table tall enough for ``rows`` rows (or all it has, when fewer)."""
    shown = max(1, min(rows, table.rowCount()))
    height = table.horizontalHeader().height() + 2 * table.frameWidth() + sum(
        table.rowHeight(r) for r in range(shown)) if table.rowCount() else \
        table.horizontalHeader().height() + 2 * table.frameWidth() + 30
    if table.rowCount() > shown:
        height += table.rowHeight(0) // 2  # half a row more: there is more to scroll to
    table.setMinimumHeight(height)


# -- pages ----------------------------------------------------------------------------------
class FilePage(QWizardPage):
    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__()
        self.w = wizard
        self.setTitle(translate("ImportWizard", "Choose a file"))
        self.setSubTitle(translate("ImportWizard", "A CSV file (any delimiter; UTF-8 or GBK) or "
                                   "an Excel workbook (.xlsx)."))
        self.path_edit = QLineEdit()
        self.path_edit.setObjectName("importPath")
        self.path_edit.textChanged.connect(self.completeChanged)
        browse = QPushButton(translate("ImportWizard", "Browse…"))
        browse.clicked.connect(self.browse)
        row = QHBoxLayout()
        row.addWidget(self.path_edit, 1)
        row.addWidget(browse)
        lay = QVBoxLayout(self)
        lay.addWidget(QLabel(translate("ImportWizard", "File:")))
        lay.addLayout(row)
        lay.addStretch(1)

    def browse(self) -> None:
        path = ask_open_path(self, translate("ImportWizard", "Import a file"),
                             translate("ImportWizard", "Spreadsheets (*.csv *.txt *.tsv *.xlsx);;"
                                       "All files (*)"))
        if path:
            self.path_edit.setText(path)

    def isComplete(self) -> bool:
        return bool(self.path_edit.text().strip())

    def validatePage(self) -> bool:
        return self.w.load(Path(self.path_edit.text().strip()))


class FormatPage(QWizardPage):
    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__()
        self.w = wizard
        self.setTitle(translate("ImportWizard", "Check the preview"))
        self.setSubTitle(translate("ImportWizard", "If the columns or characters look wrong, "
                                   "choose the encoding or delimiter by hand."))
        self.encoding = QComboBox()
        self.encoding.addItem(translate("ImportWizard", "Detect"), "auto")
        for e in ("utf-8", "utf-8-sig", "gb18030", "gbk", "big5", "utf-16", "latin-1"):
            self.encoding.addItem(e.upper(), e)
        self.delimiter = QComboBox()
        for label, value in ((translate("ImportWizard", "Detect"), "auto"),
                             (translate("ImportWizard", "Comma ,"), ","),
                             (translate("ImportWizard", "Semicolon ;"), ";"),
                             (translate("ImportWizard", "Tab"), "\t"),
                             (translate("ImportWizard", "Bar |"), "|")):
            self.delimiter.addItem(label, value)
        self.sheet = QComboBox()
        self.info = QLabel()
        self.info.setTextFormat(Qt.TextFormat.PlainText)
        self.model = PreviewModel(self)
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.horizontalHeader().setDefaultAlignment(
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self.form = form = QFormLayout()
        form.addRow(translate("ImportWizard", "Encoding:"), self.encoding)
        form.addRow(translate("ImportWizard", "Delimiter:"), self.delimiter)
        form.addRow(translate("ImportWizard", "Sheet:"), self.sheet)
        lay = QVBoxLayout(self)
        lay.addLayout(form)
        lay.addWidget(self.info)
        lay.addWidget(self.view, 1)
        self.encoding.activated.connect(self.reload)
        self.delimiter.activated.connect(self.reload)
        self.sheet.activated.connect(self.reload)

    def initializePage(self) -> None:
        t = self.w.table
        is_csv = not t.sheets
        # a text file has an encoding and a delimiter, a workbook its sheets: only what applies
        for widget in (self.encoding, self.delimiter):
            widget.setEnabled(is_csv)
            self.form.setRowVisible(widget, is_csv)
        self.sheet.setEnabled(not is_csv)
        self.form.setRowVisible(self.sheet, not is_csv)
        self.sheet.clear()
        for name in t.sheets:
            self.sheet.addItem(name, name)
        if t.sheet:
            self.sheet.setCurrentIndex(max(0, self.sheet.findData(t.sheet)))
        self.show_table()

    def show_table(self) -> None:
        t = self.w.table
        self.model.set_table(t)
        fit_columns(self.view)
        if t.sheets:
            text = (translate("ImportWizard", "Sheet “%1”: %2 rows, %3 columns.")
                    .replace("%1", t.sheet))
        else:
            delim = {",": translate("ImportWizard", "comma"),
                     ";": translate("ImportWizard", "semicolon"),
                     "\t": translate("ImportWizard", "tab"),
                     "|": translate("ImportWizard", "bar")}.get(t.delimiter, t.delimiter)
            text = (translate("ImportWizard", "Encoding %1, delimiter %4: %2 rows, %3 columns.")
                    .replace("%1", t.encoding.upper()).replace("%4", delim))
        self.info.setText(text.replace("%2", str(len(t.rows)))
                          .replace("%3", str(len(t.headers))))

    def reload(self) -> None:
        if self.w.load(self.w.path, encoding=self.encoding.currentData(),
                       delimiter=self.delimiter.currentData(),
                       sheet=self.sheet.currentData()):
            self.show_table()


class ColumnsPage(QWizardPage):
    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__()
        self.w = wizard
        self.setTitle(translate("ImportWizard", "Match columns to fields"))
        self.setSubTitle(translate("ImportWizard", "Each column of the file goes into one field "
                                   "(or is left out). Guessed from the column names; a saved "
                                   "mapping can be loaded."))
        self.grid = QTableWidget(0, 3)
        self.grid.setHorizontalHeaderLabels([translate("ImportWizard", "Column"),
                                             translate("ImportWizard", "Example"),
                                             translate("ImportWizard", "Field")])
        self.grid.verticalHeader().setVisible(False)
        self.grid.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.grid.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.combos: dict[str, QComboBox] = {}
        load = QPushButton(translate("ImportWizard", "Load mapping…"))
        load.clicked.connect(self.load_preset)
        guess = QPushButton(translate("ImportWizard", "Guess again"))
        guess.clicked.connect(self.guess)
        buttons = QHBoxLayout()
        buttons.addWidget(load)
        buttons.addWidget(guess)
        buttons.addStretch(1)
        lay = QVBoxLayout(self)
        lay.addWidget(self.grid, 1)
        lay.addLayout(buttons)

    def initializePage(self) -> None:
        headers = self.w.table.headers
        labels = field_labels()
        self.grid.setRowCount(len(headers))
        self.combos = {}
        for i, h in enumerate(headers):
            self.grid.setItem(i, 0, QTableWidgetItem(h))
            example = next((cell_text(r[i]) for r in self.w.table.rows[:50]
                            if i < len(r) and cell_text(r[i])), "")
            self.grid.setItem(i, 1, QTableWidgetItem(example))
            combo = QComboBox()
            for key, label in labels.items():
                combo.addItem(label, key)
            combo.currentIndexChanged.connect(self.completeChanged)
            self.grid.setCellWidget(i, 2, combo)
            self.combos[h] = combo
        known = {h: f for h, f in self.w.mapping.columns.items() if h in headers}
        self.apply(known or guess_columns(headers))

    def apply(self, columns: dict[str, str]) -> None:
        for h, combo in self.combos.items():
            combo.setCurrentIndex(max(0, combo.findData(columns.get(h, ""))))

    def columns(self) -> dict[str, str]:
        return {h: c.currentData() for h, c in self.combos.items() if c.currentData()}

    def guess(self) -> None:
        self.apply(guess_columns(self.w.table.headers))

    def load_preset(self) -> None:
        path = ask_open_path(self, translate("ImportWizard", "Load a mapping"),
                             translate("ImportWizard", "Mappings (*.json)"))
        if not path:
            return
        try:
            mapping = Mapping.load(path)
        except FunnelError as err:
            show_error(self, error_message(err))
            return
        self.w.mapping = mapping
        self.apply(mapping.columns)

    def isComplete(self) -> bool:
        return bool(self.columns())

    def validatePage(self) -> bool:
        self.w.mapping.columns = self.columns()
        try:
            self.w.mapping.validate(self.w.table.headers)
        except FunnelError as err:
            show_error(self, error_message(err))
            return False
        return True


class ValuesPage(QWizardPage):
    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__()
        self.w = wizard
        self.setTitle(translate("ImportWizard", "Match values and formats"))
        self.setSubTitle(translate("ImportWizard", "Put the file's stage names into this "
                                   "pipeline's stages, and say how dates and amounts are "
                                   "written."))
        self.stages = QTableWidget(0, 2)
        self.stages.setHorizontalHeaderLabels([translate("ImportWizard", "In the file"),
                                               translate("ImportWizard", "Stage")])
        self.stages.verticalHeader().setVisible(False)
        self.stages.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.stages.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.stage_combos: dict[str, QComboBox] = {}
        self.date_format = QComboBox()
        self.date_format.addItem(translate("ImportWizard", "Detect (year first)"), "auto")
        for key in DATE_FORMATS:
            if key != "auto":
                self.date_format.addItem(key, key)
        self.amount_format = QComboBox()
        self.amount_format.addItem(translate("ImportWizard", "Detect"), "auto")
        self.amount_format.addItem("1,234.56", "1,234.56")
        self.amount_format.addItem("1.234,56", "1.234,56")
        self.amount_scale = QComboBox()
        self.amount_scale.addItem(translate("ImportWizard", "As written (¥ and 万 understood)"), 1)
        self.amount_scale.addItem(translate("ImportWizard", "In 万 (ten thousands)"), 10000)
        self.missing_date = QComboBox()
        self.missing_date.addItem(translate("ImportWizard", "The time of the import"), "import")
        self.missing_date.addItem(translate("ImportWizard", "The latest date in the file"),
                                  "latest")
        self.closed_via = QComboBox()
        self.from_price = QCheckBox(translate("ImportWizard", "Value open deals without an "
                                              "amount at the product's list price"))
        self.skip_invalid = QCheckBox(translate("ImportWizard", "Skip rows with problems "
                                                "(instead of importing nothing)"))
        self.fill_title = QCheckBox(translate("ImportWizard", "Name deals whose title is empty "
                                              "after their product and customer"))
        self.lookups = QLabel()
        self.lookups.setTextFormat(Qt.TextFormat.PlainText)
        self.lookups.setWordWrap(True)
        self.lookups.hide()
        save = QPushButton(translate("ImportWizard", "Save mapping…"))
        save.clicked.connect(self.save_preset)
        form = QFormLayout()
        form.addRow(translate("ImportWizard", "Dates:"), self.date_format)
        form.addRow(translate("ImportWizard", "Amounts:"), self.amount_format)
        form.addRow(translate("ImportWizard", "Amount unit:"), self.amount_scale)
        form.addRow(translate("ImportWizard", "Deals without a created date get:"),
                    self.missing_date)
        form.addRow(translate("ImportWizard", "Won and lost deals came through:"), self.closed_via)
        self.stages_caption = QLabel(translate("ImportWizard", "Stages in the file:"))
        lay = QVBoxLayout(self)
        lay.addWidget(self.stages_caption)
        lay.addWidget(self.stages, 1)
        lay.addLayout(form)
        lay.addWidget(self.from_price)
        lay.addWidget(self.fill_title)
        lay.addWidget(self.skip_invalid)
        lay.addWidget(self.lookups)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(save)
        lay.addLayout(row)

    def initializePage(self) -> None:
        m = self.w.mapping
        stages = self.w.stages
        stage_col = next((h for h, f in m.columns.items() if f == "deal.stage"), None)
        values = self.w.table.distinct(stage_col) if stage_col else []
        guessed = guess_stage_map(values, stages)
        self.stages.setRowCount(len(values))
        self.stage_combos = {}
        for i, value in enumerate(values):
            self.stages.setItem(i, 0, QTableWidgetItem(value))
            combo = QComboBox()
            combo.addItem(translate("ImportWizard", "— choose a stage —"), "")
            for s in stages:
                combo.addItem(s.name, s.name)
            wanted = m.stage_map.get(value)
            name = guessed.get(value, "")
            if wanted:
                found = stage_ref(wanted, stages)
                name = found.name if found else name
            combo.setCurrentIndex(max(0, combo.findData(name)))
            combo.currentIndexChanged.connect(self.completeChanged)
            self.stages.setCellWidget(i, 1, combo)
            self.stage_combos[value] = combo
        self.stages.resizeColumnToContents(0)
        self.stages.resizeRowsToContents()
        fit_rows(self.stages)
        self.stages.setVisible(bool(values))
        first = stage_ref(m.default_stage, stages) if m.default_stage else None
        first = first or next((s for s in stages if s.kind == StageKind.OPEN), None)
        self.stages_caption.setText(
            translate("ImportWizard", "Stages in the file:") if values else
            translate("ImportWizard", "No column is mapped to the deal's stage: the deals go "
                                      "into “%1”.").replace("%1", first.name if first else "?"))
        self.closed_via.clear()
        self.closed_via.addItem(translate("ImportWizard", "Straight to won or lost"), "")
        for s in stages:
            if s.kind == StageKind.OPEN:
                self.closed_via.addItem(s.name, s.name)
        via = stage_ref(m.closed_via, stages) if m.closed_via else None
        self.closed_via.setCurrentIndex(max(0, self.closed_via.findData(via.name if via
                                                                        else "")))
        self.date_format.setCurrentIndex(max(0, self.date_format.findData(m.date_format)))
        self.amount_format.setCurrentIndex(max(0, self.amount_format.findData(m.amount_format)))
        self.amount_scale.setCurrentIndex(max(0, self.amount_scale.findData(m.amount_scale)))
        self.missing_date.setCurrentIndex(max(0, self.missing_date.findData(m.missing_date)))
        mapped = set(m.columns.values()) | {f for lk in m.lookups for f in lk.columns.values()}
        self.from_price.setEnabled("product.price" in mapped)
        self.from_price.setChecked(m.open_value_from_price and "product.price" in mapped)
        self.skip_invalid.setChecked(m.skip_invalid_rows)
        self.fill_title.setEnabled("deal.title" in m.columns.values())
        self.fill_title.setChecked(m.empty_title == "fill")
        if m.lookups:
            self.lookups.setText(translate("ImportWizard", "Also read from the same folder: %1")
                                 .replace("%1", ", ".join(lk.file for lk in m.lookups)))
        else:
            self.lookups.setText("")
        self.lookups.setVisible(bool(m.lookups))

    def collect(self) -> Mapping:
        """The wizard's mapping with this page's choices."""
        m = self.w.mapping
        m.stage_map = {v: c.currentData() for v, c in self.stage_combos.items()
                       if c.currentData()}
        m.date_format = self.date_format.currentData()
        m.amount_format = self.amount_format.currentData()
        m.amount_scale = int(self.amount_scale.currentData())
        m.missing_date = self.missing_date.currentData()
        m.closed_via = self.closed_via.currentData() or ""
        m.open_value_from_price = self.from_price.isEnabled() and self.from_price.isChecked()
        m.skip_invalid_rows = self.skip_invalid.isChecked()
        m.empty_title = "fill" if self.fill_title.isChecked() else "problem"
        return m

    def save_preset(self) -> None:
        path = ask_save_path(self, translate("ImportWizard", "Save the mapping"), "mapping.json",
                             translate("ImportWizard", "Mappings (*.json)"))
        if not path:
            return
        try:
            self.collect().save(path)
        except OSError as exc:
            show_error(self, translate("ImportWizard", "Could not write %1: %2").replace("%1", path)
                       .replace("%2", exc.strerror or str(exc)))

    def validatePage(self) -> bool:
        self.collect()
        return True


class CheckPage(QWizardPage):
    """The dry run: what would happen, and every problem by row, column and reason."""

    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__()
        self.w = wizard
        self.setTitle(translate("ImportWizard", "Check before importing"))
        self.setSubTitle(translate("ImportWizard", "Nothing has been written yet. The import is "
                                   "all rows or none."))
        self.setCommitPage(True)
        self.setButtonText(QWizard.WizardButton.CommitButton, translate("ImportWizard", "Import"))
        self.summary = QLabel()
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.summary.setWordWrap(True)
        self.notes = QLabel()
        self.notes.setTextFormat(Qt.TextFormat.PlainText)
        self.notes.setWordWrap(True)
        self.problems = QTableWidget(0, 3)
        self.problems.setObjectName("importProblems")
        self.problems.setHorizontalHeaderLabels([translate("ImportWizard", "Row"),
                                                 translate("ImportWizard", "Column"),
                                                 translate("ImportWizard", "Reason")])
        self.problems.verticalHeader().setVisible(False)
        self.problems.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.problems.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        lay = QVBoxLayout(self)
        lay.addWidget(self.summary)
        lay.addWidget(self.notes)
        lay.addWidget(self.problems, 1)

    def initializePage(self) -> None:
        self.w.dry_run()
        report = self.w.report
        if report is None:
            self.summary.setText(self.w.last_error)
            self.notes.setText("")
            self.problems.setRowCount(0)
            self.completeChanged.emit()
            return
        self.summary.setText(summary_text(report))
        self.notes.setText("\n".join(note_text(n) for n in report.notes))
        items = [*report.problems, *report.skipped][:SHOWN_PROBLEMS]
        self.problems.setRowCount(len(items))
        for i, p in enumerate(items):
            row = QTableWidgetItem()
            row.setData(Qt.ItemDataRole.DisplayRole, p.row)
            self.problems.setItem(i, 0, row)
            self.problems.setItem(i, 1, QTableWidgetItem(p.column))
            self.problems.setItem(i, 2, QTableWidgetItem(problem_text(p)))
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        r = self.w.report
        return r is not None and not r.blocked

    def validatePage(self) -> bool:
        return self.w.run_import()


class DonePage(QWizardPage):
    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__()
        self.w = wizard
        self.setTitle(translate("ImportWizard", "Imported"))
        self.setSubTitle(translate("ImportWizard", "Edit → Undo removes the whole import."))
        self.summary = QLabel()
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.summary.setWordWrap(True)
        lay = QVBoxLayout(self)
        lay.addWidget(self.summary)
        lay.addStretch(1)

    def initializePage(self) -> None:
        if self.w.outcome is not None:
            self.summary.setText(summary_text(self.w.outcome.value))


# -- the wizard -----------------------------------------------------------------------------
class ImportWizard(QWizard):
    """The import wizard; ``outcome`` holds the import's Outcome once it ran."""

    PAGES = ("file", "format", "columns", "values", "check", "done")

    def __init__(self, services: Services, pipeline_id: int,
                 parent: QWidget | None = None, runner: OperationRunner | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("ImportWizard", "Import"))
        self.services = services
        #: runs reading, checking and importing off the GUI thread (None: in it, as tests do)
        self.runner = runner
        self.pipeline_id = pipeline_id
        self.stages = stages_of(pipeline_id)
        self.path = Path()
        self.table = Table([], [])
        self.mapping = Mapping()
        self.report: ImportReport | None = None
        self.outcome: Outcome | None = None
        self.last_error = ""
        self.file_page = FilePage(self)
        self.format_page = FormatPage(self)
        self.columns_page = ColumnsPage(self)
        self.values_page = ValuesPage(self)
        self.check_page = CheckPage(self)
        self.done_page = DonePage(self)
        for page in (self.file_page, self.format_page, self.columns_page, self.values_page,
                     self.check_page, self.done_page):
            self.addPage(page)
        fit_to_screen(self, QSize(900, 720))

    def load(self, path: Path, *, encoding: str = "auto", delimiter: str = "auto",
             sheet: str | None = None) -> bool:
        """Read the file (again); tells the user and returns False when it cannot."""
        try:
            table = self._long(translate("ImportWizard", "Reading the file"), lambda: read_table(
                path, encoding=encoding, delimiter=delimiter, sheet=sheet))
        except FunnelError as err:
            if not isinstance(err, Cancelled):
                show_error(self, error_message(err))
            return False
        if table.headers != self.table.headers:
            self.mapping.columns = {}
        self.path, self.table = path, table
        return True

    def dry_run(self) -> None:
        self.report, self.last_error = None, ""
        try:
            self.report = self._long(translate("ImportWizard", "Checking the rows"),
                                     lambda: import_table(self.services, self.table,
                                                          self.mapping, self.pipeline_id,
                                                          dry_run=True,
                                                          base_dir=self.path.parent)).value
        except FunnelError as err:
            self.last_error = error_message(err)

    def _long(self, label: str, work: Callable[[], T]) -> T:
        """``work`` through the runner (off the GUI thread, with progress and Cancel) when
        there is one, else here; a refusal or a Cancel is raised either way."""
        if self.runner is None:
            return work()
        failed: list[FunnelError] = []
        out = self.runner.run_long(self, label, work, undoable=False, on_error=failed.append)
        if failed:
            raise failed[0]
        return out  # type: ignore[return-value]

    def run_import(self) -> bool:
        try:
            self.outcome = self._long(translate("ImportWizard", "Importing"), lambda: import_table(
                self.services, self.table, self.mapping, self.pipeline_id,
                base_dir=self.path.parent, initiator=self))
        except Cancelled as err:
            show_error(self, error_message(err))
            return False
        except ImportRefused as refused:
            self.report = refused.report
            show_error(self, error_message(refused))
            return False
        except FunnelError as err:
            show_error(self, error_message(err))
            return False
        return True


def run_import_wizard(parent: QWidget | None, services: Services, pipeline_id: int,
                      runner: OperationRunner | None = None) -> Outcome | None:
    """Show the import wizard; the import's Outcome (push its inverse on the undo stack), or
    None when nothing was imported."""
    wizard = ImportWizard(services, pipeline_id, parent, runner)
    _exec(wizard)
    outcome = wizard.outcome
    wizard.deleteLater()
    return outcome


__all__ = ["ImportWizard", "PreviewModel", "run_import_wizard"]
