"""Item models of the customers view: the lazy customer list and the decision-chain table."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QComboBox, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from ...core.classify import ClassThresholds
from ...store import screen_queries as sq
from ..board.paging import PagedIds
from ..common.fmt import Formatter
from ..common.messages import attitude_name, priority_name, role_name

Index = QModelIndex | QPersistentModelIndex
IdRole = Qt.ItemDataRole.UserRole + 1


class CustomerListModel(PagedIds, QAbstractTableModel):
    """Customers matching a search, sorted in SQL; ids held, rows fetched a page at a time."""

    COLUMNS = ("name", "contact", "phone", "industry", "region", "class", "priority",
               "open_count", "open_amount")
    SORTABLE = ("name", "contact", "industry", "region", "class", "priority", "open_count",
                "open_amount")

    def __init__(self, fmt: Formatter, today: Callable[[], date],
                 thresholds: Callable[[], ClassThresholds], parent=None) -> None:
        super().__init__(parent)
        self._fmt, self._today, self._thresholds = fmt, today, thresholds
        self._ids: list[int] = []
        self._loaded = 0
        self._busy = False
        self._cache: dict[int, sq.CustomerRow] = {}
        self._search = ""
        self._sort, self._descending = "name", False
        self.active = False  # nothing is read before the first refresh

    # -- content ----------------------------------------------------------------------------
    def refresh(self) -> None:
        """Re-run the search (after a change or a new sort)."""
        self.active = True
        ids = sq.customer_ids(self._search, self._sort, self._descending, self._today(),
                              self._thresholds())
        self._cache.clear()
        if ids == self._ids:
            if self._loaded:
                self.dataChanged.emit(self.index(0, 0),
                                      self.index(self._loaded - 1, len(self.COLUMNS) - 1))
            return
        keep = max(self._loaded, min(self.PAGE, len(ids)))
        self._busy = True
        try:
            self.beginResetModel()
            self._ids = ids
            self._loaded = min(keep, len(ids))
            self.endResetModel()
        finally:
            self._busy = False

    def set_search(self, text: str) -> None:
        self._search = text
        self._loaded = 0
        if self.active:
            self.refresh()

    def total(self) -> int:
        return len(self._ids)

    def id_at(self, row: int) -> int:
        return self._ids[row]

    def row_of(self, customer_id: int) -> int | None:
        try:
            pos = self._ids.index(customer_id)
        except ValueError:
            return None
        while self._loaded <= pos:
            self.fetchMore(QModelIndex())
        return pos

    def _row(self, row: int) -> sq.CustomerRow | None:
        cid = self._ids[row]
        if cid not in self._cache:
            start = row - row % self.PAGE
            page = [i for i in self._ids[start:start + self.PAGE] if i not in self._cache]
            self._cache.update(sq.customer_rows(page, self._today(), self._thresholds()))
        return self._cache.get(cid)

    # -- QAbstractItemModel -----------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._loaded

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self.COLUMNS):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return {"name": self.tr("Customer"), "contact": self.tr("Contact"),
                    "phone": self.tr("Phone"), "industry": self.tr("Industry"),
                    "region": self.tr("Region"), "class": self.tr("Class"),
                    "priority": self.tr("Priority"), "open_count": self.tr("Deals"),
                    "open_amount": self.tr("Open value")}[self.COLUMNS[section]]
        if role == Qt.ItemDataRole.ToolTipRole and self.COLUMNS[section] in ("open_count",
                                                                              "open_amount"):
            return self.tr("Open deals of the customer, in every pipeline")
        if role == Qt.ItemDataRole.TextAlignmentRole and self.COLUMNS[section] in (
                "open_count", "open_amount"):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= self._loaded:
            return None
        if role == IdRole:
            return self._ids[index.row()]
        col = self.COLUMNS[index.column()]
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if col in ("open_count", "open_amount"):
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            if col == "class":
                return int(Qt.AlignmentFlag.AlignCenter)
            return None
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        r = self._row(index.row())
        if r is None:
            return None
        if col == "name":
            return r.name
        if col == "contact":
            return r.contact_person
        if col == "phone":
            return r.phone
        if col == "industry":
            return r.industry
        if col == "region":
            return r.region
        if col == "class":
            return r.customer_class
        if col == "priority":
            return priority_name(r.priority)
        if col == "open_count":
            return self._fmt.count(r.open_count) if r.open_count else ""
        return self._fmt.money(r.open_amount) if r.open_amount else ""

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return (Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
                | Qt.ItemFlag.ItemNeverHasChildren)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(self.COLUMNS) or self.COLUMNS[column] not in self.SORTABLE:
            return
        self._sort = self.COLUMNS[column]
        self._descending = order == Qt.SortOrder.DescendingOrder
        if self.active:
            self.refresh()


CONTACT_COLUMNS = ("name", "title", "role", "attitude", "phone", "email")
ROLES = ("", "decision_maker", "technical", "buyer", "user", "coach")
ATTITUDES = ("supporter", "neutral", "opponent")


class ContactsModel(QAbstractTableModel):
    """The decision chain of the customer being edited (editable rows of plain dicts)."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.rows: list[dict[str, str]] = []
        #: each row's contact id (None: added in this form), so a save edits them in place
        self.ids: list[int | None] = []

    def set_rows(self, rows: list[dict[str, Any]]) -> None:
        self.beginResetModel()
        self.rows = [{k: str(r.get(k) or "") for k in (*CONTACT_COLUMNS, "notes")}
                     for r in rows]
        self.ids = [r.get("id") for r in rows]
        for r in self.rows:
            r["attitude"] = r["attitude"] or "neutral"
        self.endResetModel()

    def add_row(self) -> int:
        n = len(self.rows)
        self.beginInsertRows(QModelIndex(), n, n)
        self.rows.append({"name": "", "title": "", "role": "", "attitude": "neutral",
                          "phone": "", "email": "", "notes": ""})
        self.ids.append(None)
        self.endInsertRows()
        return n

    def remove_row(self, row: int) -> None:
        if 0 <= row < len(self.rows):
            self.beginRemoveRows(QModelIndex(), row, row)
            del self.rows[row]
            del self.ids[row]
            self.endRemoveRows()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(CONTACT_COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal
                or not 0 <= section < len(CONTACT_COLUMNS)):
            return None
        return {"name": self.tr("Name"), "title": self.tr("Title"), "role": self.tr("Role"),
                "attitude": self.tr("Attitude"), "phone": self.tr("Phone"),
                "email": self.tr("Email")}[CONTACT_COLUMNS[section]]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        key = CONTACT_COLUMNS[index.column()]
        value = self.rows[index.row()][key]
        if role == Qt.ItemDataRole.EditRole:
            return value
        if role == Qt.ItemDataRole.DisplayRole:
            if key == "role":
                return role_name(value)
            if key == "attitude":
                return attitude_name(value)
            return value
        if role == Qt.ItemDataRole.ForegroundRole and key == "attitude":
            from PySide6.QtGui import QBrush, QColor

            return QBrush(QColor({"supporter": "#15803d", "opponent": "#b91c1c"}.get(
                value, "#4b5563")))
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or role != Qt.ItemDataRole.EditRole:
            return False
        key = CONTACT_COLUMNS[index.column()]
        text = "" if value is None else str(value)
        if (key == "role" and text not in ROLES) or (key == "attitude" and text not in ATTITUDES):
            return False
        if self.rows[index.row()][key] == text:
            return True
        self.rows[index.row()][key] = text
        self.dataChanged.emit(index, index)
        return True

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return (Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
                | Qt.ItemFlag.ItemIsEditable | Qt.ItemFlag.ItemNeverHasChildren)


class ChoiceDelegate(QStyledItemDelegate):
    """Edits a coded column with a combo box of (code, name) choices."""

    def __init__(self, choices: tuple[str, ...], name: Callable[[str], str],
                 parent=None) -> None:
        super().__init__(parent)
        self._choices, self._name = choices, name

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem,
                     index: Index) -> QWidget:
        combo = QComboBox(parent)
        for code in self._choices:
            combo.addItem(self._name(code), code)
        return combo

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        assert isinstance(editor, QComboBox)
        editor.setCurrentIndex(max(0, editor.findData(index.data(Qt.ItemDataRole.EditRole))))

    def setModelData(self, editor: QWidget, model, index: Index) -> None:
        assert isinstance(editor, QComboBox)
        model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)
