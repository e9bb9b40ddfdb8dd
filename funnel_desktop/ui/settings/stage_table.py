"""The stage table of the pipeline editor: one row per stage, numbers kept as typed and checked
in words at the cell, rows reordered by the model (buttons or drag and drop)."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QByteArray,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QAbstractItemView, QTableView, QWidget

from ...core.errors import ValidationError
from ...services import validate as v
from ...services.pipelines import StageSpec
from ...store.pipeline_rows import stage_deal_counts, stage_details
from ..common.messages import error_text
from ..database.welcome import kind_name

Index = QModelIndex | QPersistentModelIndex
MIME_ROWS = "application/x-funnel-desktop-stage-rows"
NAME, KIND, PROBABILITY, IDLE, IDEAL, COLOUR, DEALS = range(7)


@dataclass
class StageRow:
    """One stage as edited: numbers kept as typed until they are valid."""

    name: str
    kind: str = "open"
    probability: str = "0"
    idle: str = ""
    ideal: str = ""
    colour: str = ""
    questions: list[str] = field(default_factory=list)
    id: int | None = None
    deals: int = 0  # deals in the stage now, plus those that removed stages send here


class StageTableModel(QAbstractTableModel):
    """The stages of one pipeline. Cells that are not valid keep their text, are marked, and
    say why in their tooltip; :meth:`problems` lists them.

    Signals:
        edited(): any change by the user (a cell, an order, a row added or removed).
    """

    edited = Signal()

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.rows: list[StageRow] = []

    # -- loading ---------------------------------------------------------------------------
    def load(self, rows: list[StageRow]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    # -- Qt model ----------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 7

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return (self.tr("Stage"), self.tr("Kind"), self.tr("Probability %"),
                    self.tr("Idle days"), self.tr("Ideal conversion %"), self.tr("Colour"),
                    self.tr("Deals"))[section]
        if role == Qt.ItemDataRole.ToolTipRole:
            return (self.tr("The stage's name on the board"),
                    self.tr("Open stages hold deals in progress; Won and Lost close them"),
                    self.tr("Default win chance of a deal in this stage, 0 to 100 (a deal's "
                            "own probability overrides it)"),
                    self.tr("A deal with no stage change or follow-up for longer is idle "
                            "(empty: the default limit in Settings)"),
                    self.tr("The conversion you aim for from this stage to the next, 0 to "
                            "100 (drawn over the actual funnel)"),
                    self.tr("Double-click to choose a colour"),
                    self.tr("Deals in the stage now"))[section]
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if not index.isValid():
            return Qt.ItemFlag.ItemIsDropEnabled
        row = self.rows[index.row()]
        if row.kind == "open":
            base |= Qt.ItemFlag.ItemIsDragEnabled
        col = index.column()
        if col == NAME or (row.kind == "open" and col in (PROBABILITY, IDLE, IDEAL)):
            base |= Qt.ItemFlag.ItemIsEditable
        return base

    def data(self, index: Index,
             role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row, col = self.rows[index.row()], index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return self._text(row, col, role == Qt.ItemDataRole.EditRole)
        if role == Qt.ItemDataRole.DecorationRole and col == COLOUR and row.colour:
            return QColor(row.colour)
        if role == Qt.ItemDataRole.ToolTipRole:
            problem = self.cell_problem(index.row(), col)
            if problem:
                return problem
            if col == COLOUR:
                return self.tr("Double-click to choose a colour")
            return None
        if role == Qt.ItemDataRole.BackgroundRole and self.cell_problem(index.row(), col):
            return QColor("#fde8e8")
        if role == Qt.ItemDataRole.ForegroundRole and row.kind != "open" and col != NAME:
            return QColor("#6b7280")
        if role == Qt.ItemDataRole.TextAlignmentRole and col in (PROBABILITY, IDLE, IDEAL,
                                                                DEALS):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _text(self, row: StageRow, col: int, edit: bool) -> str:
        if col == NAME:
            return row.name
        if col == KIND:
            return kind_name(row.kind)
        if col == PROBABILITY:
            if row.kind != "open":
                return "100" if row.kind == "won" else "0"
            return row.probability
        if col == IDLE:
            return row.idle if row.kind == "open" else ""
        if col == IDEAL:
            return row.ideal if row.kind == "open" else ""
        if col == COLOUR:
            return row.colour if edit else ""
        return str(row.deals)

    def setData(self, index: Index, value: Any,
                role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or role != Qt.ItemDataRole.EditRole or \
                not self.flags(index) & Qt.ItemFlag.ItemIsEditable:
            return False
        row, col = self.rows[index.row()], index.column()
        text = "" if value is None else str(value).strip()
        attr = {NAME: "name", PROBABILITY: "probability", IDLE: "idle", IDEAL: "ideal"}[col]
        if getattr(row, attr) == text:
            return False
        setattr(row, attr, text)
        if col == NAME:  # names are checked against each other
            self.dataChanged.emit(self.index(0, NAME), self.index(len(self.rows) - 1, NAME))
        else:
            self.dataChanged.emit(index, index)
        self.edited.emit()
        return True

    def set_colour(self, r: int, colour: str) -> None:
        if self.rows[r].colour == colour:
            return
        self.rows[r].colour = colour
        ix = self.index(r, COLOUR)
        self.dataChanged.emit(ix, ix)
        self.edited.emit()

    def set_questions(self, r: int, questions: list[str]) -> None:
        if self.rows[r].questions != questions:
            self.rows[r].questions = questions
            self.edited.emit()

    # -- checking -------------------------------------------------------------------------
    def cell_problem(self, r: int, col: int) -> str:
        """Why a cell is not valid, in words ("" when it is)."""
        row = self.rows[r]
        if col == NAME:
            if not row.name:
                return error_text(ValidationError("name_required", "name"))
            if sum(1 for o in self.rows if o.name == row.name) > 1:
                return error_text(ValidationError("stage_duplicate", "stages", value=row.name))
            return ""
        if row.kind != "open":
            return ""
        if col == PROBABILITY:
            try:
                v.probability(row.probability)
            except ValidationError as err:
                return error_text(err)
        elif col == IDLE and row.idle:
            if not row.idle.isdigit():
                return error_text(ValidationError("idle_days_invalid", "idle",
                                                  value=row.idle))
        elif col == IDEAL and row.ideal:
            try:
                v.probability(row.ideal)
            except ValidationError:
                return self.tr("The ideal conversion must be a whole number from 0 to 100, not "
                               "\u201c%1\u201d.").replace("%1", row.ideal)
        return ""

    def problems(self) -> list[tuple[int, int, str]]:
        """(row, column, message) of every cell that is not valid, in reading order."""
        out = []
        for r in range(len(self.rows)):
            for col in (NAME, PROBABILITY, IDLE, IDEAL):
                text = self.cell_problem(r, col)
                if text:
                    out.append((r, col, text))
        return out

    def specs(self) -> list[StageSpec]:
        """The stages for the service (call only when :meth:`problems` is empty)."""
        return [StageSpec(r.name, r.kind, int(r.probability or 0) if r.kind == "open"
                          else 0, int(r.idle) if r.kind == "open" and r.idle else None,
                          r.colour, list(r.questions),
                          int(r.ideal) if r.kind == "open" and r.ideal else None, r.id)
                for r in self.rows]

    # -- order --------------------------------------------------------------------------
    def open_block(self) -> tuple[int, int]:
        """The first and last row an open stage may take (closing stages stay put)."""
        opens = [i for i, r in enumerate(self.rows) if r.kind == "open"]
        return (opens[0], opens[-1]) if opens else (0, -1)

    def move(self, src: int, dest: int) -> bool:
        """Move an open stage from row ``src`` to row ``dest`` (both within the open block)."""
        first, last = self.open_block()
        if not (first <= src <= last) or self.rows[src].kind != "open":
            return False
        dest = max(first, min(last, dest))
        if dest == src:
            return False
        qt_dest = dest + 1 if dest > src else dest
        self.beginMoveRows(QModelIndex(), src, src, QModelIndex(), qt_dest)
        self.rows.insert(dest, self.rows.pop(src))
        self.endMoveRows()
        self.edited.emit()
        return True

    def insert(self, r: int, row: StageRow) -> None:
        self.beginInsertRows(QModelIndex(), r, r)
        self.rows.insert(r, row)
        self.endInsertRows()
        self.edited.emit()

    def remove(self, r: int) -> StageRow:
        self.beginRemoveRows(QModelIndex(), r, r)
        row = self.rows.pop(r)
        self.endRemoveRows()
        self.edited.emit()
        return row

    # -- drag and drop -----------------------------------------------------------------------
    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        return [MIME_ROWS]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:
        data = QMimeData()
        rows = sorted({i.row() for i in indexes if i.isValid()})
        data.setData(MIME_ROWS, QByteArray(json.dumps(rows).encode()))
        return data


def decode_rows(data: QMimeData) -> list[int]:
    if not data.hasFormat(MIME_ROWS):
        return []
    try:
        rows = json.loads(bytes(data.data(MIME_ROWS).data()).decode())
    except ValueError:
        return []
    return [int(r) for r in rows if isinstance(r, int)]


class StageTable(QTableView):
    """The stage table; a dragged row is dropped between rows and the model moves it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setDragEnabled(True)
        self.setAcceptDrops(True)
        self.setDropIndicatorShown(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setDragDropOverwriteMode(False)
        self.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                             | QAbstractItemView.EditTrigger.EditKeyPressed
                             | QAbstractItemView.EditTrigger.AnyKeyPressed)
        self.verticalHeader().hide()
        self.setAlternatingRowColors(True)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if decode_rows(event.mimeData()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        if decode_rows(event.mimeData()):
            super().dragMoveEvent(event)
            event.setDropAction(Qt.DropAction.MoveAction)
            event.accept()
        else:
            event.ignore()

    def drop_row(self, y: int) -> int:
        """The row a drop at height ``y`` (viewport coordinates) lands on."""
        model = self.model()
        r = self.rowAt(y)
        if r < 0:
            return model.rowCount() - 1
        rect = self.visualRect(model.index(r, 0))
        return r if y < rect.center().y() else r + 1

    def dropEvent(self, event: QDropEvent) -> None:
        rows = decode_rows(event.mimeData())
        model = self.model()
        if not rows or not isinstance(model, StageTableModel):
            event.ignore()
            return
        src = rows[0]
        dest = self.drop_row(int(event.position().y()))
        if dest > src:
            dest -= 1  # the row leaves its place first
        if model.move(src, dest):
            self.selectRow(max(model.open_block()[0], min(model.open_block()[1], dest)))
        # The model has moved the row. After a Move the view asks the model to remove the
        # dragged rows; StageTableModel does not remove rows that way (removeRows is Qt's
        # default, which refuses), so nothing else changes.
        event.setDropAction(Qt.DropAction.MoveAction)
        event.accept()


def load_rows(pipeline_id: int) -> list[StageRow]:
    counts = stage_deal_counts(pipeline_id)
    rows = []
    for s in stage_details(pipeline_id):
        try:
            questions = [str(q) for q in json.loads(s.questions or "[]")]
        except ValueError:
            questions = []
        rows.append(StageRow(s.name, s.kind, str(s.probability or 0),
                             "" if s.idle_days is None else str(s.idle_days),
                             "" if s.ideal_conversion is None else str(s.ideal_conversion),
                             s.colour or "", questions, s.id, int(counts.get(s.id, 0))))
    return rows
