"""The kept lists editor: won and lost reasons (with categories), sources, owners (with team
and region), teams and regions. Add, rename, remove, reorder reasons; each Save is one
service call (services.pipelines.save_list) and a refusal is shown in words."""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QCompleter,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ...core.errors import FunnelError
from ...services import Services
from ...services.pipelines import ListItem, save_list
from ...store import kept_lists
from ..common import ask
from ..common.fields import editor_buttons
from ..common.icons import icon
from ..common.messages import error_text
from ..common.operations import runner_for

Index = QModelIndex | QPersistentModelIndex
ID_ROLE = Qt.ItemDataRole.UserRole


@dataclass(frozen=True, slots=True)
class Column:
    """One column of a list: ``text``, ``category`` (text with suggestions), ``team`` /
    ``region`` (a choice) or ``active`` (a check box)."""

    kind: str
    title: str


class ChoiceDelegate(QStyledItemDelegate):
    """Edits a cell by a combo box of (id, name) choices (the first: none)."""

    def __init__(self, choices: Callable[[], list[tuple[int | None, str]]],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.choices = choices

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem,
                     index: Index) -> QWidget:
        combo = QComboBox(parent)
        combo.setAccessibleName(str(index.model().headerData(
            index.column(), Qt.Orientation.Horizontal)))
        for cid, name in self.choices():
            combo.addItem(name, cid)
        return combo

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        assert isinstance(editor, QComboBox)
        editor.setCurrentIndex(max(0, editor.findData(index.data(ID_ROLE))))

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: Index) -> None:
        assert isinstance(editor, QComboBox)
        model.setData(index, editor.currentData(), ID_ROLE)
        model.setData(index, editor.currentText() if editor.currentData() is not None else "",
                      Qt.ItemDataRole.DisplayRole)


class CategoryDelegate(QStyledItemDelegate):
    """Edits a reason's category as text, suggesting the categories already used."""

    def __init__(self, categories: Callable[[], list[str]], parent: QWidget | None = None
                 ) -> None:
        super().__init__(parent)
        self.categories = categories

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem,
                     index: Index) -> QWidget:
        edit = QLineEdit(parent)
        edit.setAccessibleName(str(index.model().headerData(
            index.column(), Qt.Orientation.Horizontal)))
        completer = QCompleter(self.categories(), edit)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        edit.setCompleter(completer)
        return edit


class ListTab(QWidget):
    """One kept list as a table with Add / Remove (and Move up / down for reasons)."""

    def __init__(self, which: str, kind: str, columns: list[Column], title: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.which = which
        self.kind = kind
        self.columns = columns
        self.dirty = False
        self._loading = False
        lay = QVBoxLayout(self)
        lay.setContentsMargins(10, 10, 10, 10)
        self.table = QTableWidget(0, len(columns))
        self.table.setObjectName("listTable")
        self.table.setAccessibleName(title)
        self.table.setHorizontalHeaderLabels([c.title for c in columns])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.setAlternatingRowColors(True)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                   | QAbstractItemView.EditTrigger.EditKeyPressed
                                   | QAbstractItemView.EditTrigger.AnyKeyPressed)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for i in range(1, len(columns)):
            header.setSectionResizeMode(i, QHeaderView.ResizeMode.Interactive)
            self.table.setColumnWidth(i, 90 if columns[i].kind == "active" else 170)
        for i, c in enumerate(columns):
            if c.kind in ("team", "region"):
                self.table.setItemDelegateForColumn(i, ChoiceDelegate(
                    functools.partial(_choices, c.kind), self.table))
            elif c.kind == "category":
                self.table.setItemDelegateForColumn(i, CategoryDelegate(
                    self._categories, self.table))
        lay.addWidget(self.table, 1)
        buttons = QHBoxLayout()
        self.add_button = QPushButton(self.tr("&Add"))
        self.remove_button = QPushButton(self.tr("&Remove"))
        self.add_button.clicked.connect(self.add_row)
        self.remove_button.clicked.connect(self.remove_row)
        self.add_button.setIcon(icon("plus.svg"))
        self.remove_button.setIcon(icon("minus.svg"))
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        self.up_button = self.down_button = None
        if which == "reason":
            self.up_button = QPushButton(self.tr("Move &up"))
            self.down_button = QPushButton(self.tr("Move dow&n"))
            self.up_button.setIcon(icon("arrow-up.svg"))
            self.down_button.setIcon(icon("arrow-down.svg"))
            self.up_button.setShortcut(QKeySequence("Alt+Up"))
            self.down_button.setShortcut(QKeySequence("Alt+Down"))
            self.up_button.clicked.connect(lambda: self.move_row(-1))
            self.down_button.clicked.connect(lambda: self.move_row(1))
            buttons.addWidget(self.up_button)
            buttons.addWidget(self.down_button)
        buttons.addStretch(1)
        lay.addLayout(buttons)
        self.table.itemChanged.connect(self._changed)
        self.table.currentCellChanged.connect(lambda *_a: self._update_buttons())

    # -- rows -------------------------------------------------------------------------------
    def rows_from_db(self) -> list[ListItem]:
        if self.which == "reason":
            return [ListItem(r.label, r.id, r.kind, r.category, active=r.active)
                    for r in kept_lists.reasons(self.kind)]
        if self.which == "owner":
            return [ListItem(o.name, o.id, team_id=o.team_id, region_id=o.region_id,
                             active=o.active) for o in kept_lists.owners()]
        return [ListItem(name, i) for i, name in kept_lists.names(self.which)]

    def load(self) -> None:
        """Show the list as stored."""
        self._loading = True
        self.table.setRowCount(0)
        for item in self.rows_from_db():
            self._append(item)
        self._loading = False
        self.dirty = False
        if self.table.rowCount():
            self.table.setCurrentCell(0, 0)
        self._update_buttons()

    def _append(self, item: ListItem, at: int | None = None) -> int:
        r = self.table.rowCount() if at is None else at
        self.table.insertRow(r)
        names = {"team": dict(_choices("team")), "region": dict(_choices("region"))}
        for c, col in enumerate(self.columns):
            cell = QTableWidgetItem()
            if col.kind == "text":
                cell.setText(item.name)
                cell.setData(ID_ROLE, item.id)
            elif col.kind == "category":
                cell.setText(item.category)
            elif col.kind in ("team", "region"):
                cid = item.team_id if col.kind == "team" else item.region_id
                cell.setData(ID_ROLE, cid)
                cell.setText(names[col.kind].get(cid, "") if cid is not None else "")
            elif col.kind == "active":
                cell.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
                              | Qt.ItemFlag.ItemIsUserCheckable)
                cell.setCheckState(Qt.CheckState.Checked if item.active
                                   else Qt.CheckState.Unchecked)
            self.table.setItem(r, c, cell)
        return r

    def _cell(self, row: int, column: int) -> QTableWidgetItem:
        cell = self.table.item(row, column)
        assert cell is not None  # every cell of a row is set when the row is added
        return cell

    def items(self) -> list[ListItem]:
        """The rows as the service takes them."""
        out = []
        for r in range(self.table.rowCount()):
            item = ListItem(self._cell(r, 0).text().strip(),
                            self._cell(r, 0).data(ID_ROLE), kind=self.kind)
            for c, col in enumerate(self.columns):
                cell = self._cell(r, c)
                if col.kind == "category":
                    item.category = cell.text().strip()
                elif col.kind == "team":
                    item.team_id = cell.data(ID_ROLE)
                elif col.kind == "region":
                    item.region_id = cell.data(ID_ROLE)
                elif col.kind == "active":
                    item.active = cell.checkState() == Qt.CheckState.Checked
            out.append(item)
        return out

    def _categories(self) -> list[str]:
        cats = {i.category for i in self.items() if i.category}
        cats |= kept_lists.reason_categories()
        return sorted(cats)

    def _changed(self) -> None:
        if not self._loading:
            self.dirty = True
            self._update_buttons()
            parent = self.window()
            if isinstance(parent, ListsEditor):
                parent.update_buttons()

    def add_row(self) -> int:
        """A new row after the current one, its name ready to edit."""
        current = self.table.currentRow()
        at = current + 1 if current >= 0 else self.table.rowCount()
        names = {i.name for i in self.items()}
        base = self.tr("New item")
        name, n = base, 2
        while name in names:
            name, n = self.tr("New item %1").replace("%1", str(n)), n + 1
        category = self.items()[current].category if current >= 0 and \
            self.which == "reason" else ""
        self._loading = True
        self._append(ListItem(name, None, self.kind, category), at)
        self._loading = False
        self._changed()
        self.table.setCurrentCell(at, 0)
        self.table.setFocus()
        self.table.editItem(self._cell(at, 0))
        return at

    def remove_row(self) -> None:
        r = self.table.currentRow()
        if r < 0:
            return
        self.table.removeRow(r)
        self._changed()
        if self.table.rowCount():
            self.table.setCurrentCell(min(r, self.table.rowCount() - 1), 0)

    def move_row(self, delta: int) -> None:
        r = self.table.currentRow()
        dest = r + delta
        if r < 0 or not 0 <= dest < self.table.rowCount():
            return
        items = self.items()
        items.insert(dest, items.pop(r))
        self._loading = True
        self.table.setRowCount(0)
        for item in items:
            self._append(item)
        self._loading = False
        self._changed()
        self.table.setCurrentCell(dest, 0)

    def find_row(self, name: str) -> int:
        """The row showing ``name`` (-1 if none)."""
        return next((r for r in range(self.table.rowCount())
                     if self._cell(r, 0).text() == name), -1)

    def _update_buttons(self) -> None:
        r = self.table.currentRow()
        self.remove_button.setEnabled(r >= 0)
        if self.up_button is not None and self.down_button is not None:
            self.up_button.setEnabled(r > 0)
            self.down_button.setEnabled(0 <= r < self.table.rowCount() - 1)


def _choices(kind: str) -> list[tuple[int | None, str]]:
    return [(None, "—")] + [(i, name) for i, name in
                            kept_lists.names("team" if kind == "team" else "region")]


class ListsEditor(QDialog):
    """Tools ▸ Kept lists."""

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("listsEditor")
        self.setWindowTitle(self.tr("Kept lists"))
        self.resize(720, 540)
        self.services = services
        self.runner = runner_for(parent)
        lay = QVBoxLayout(self)
        intro = QLabel(self.tr("The choices offered in deals and customers. A row still in "
                               "use cannot be removed; reasons and salespeople can be made "
                               "inactive instead."))
        intro.setObjectName("sectionNote")
        intro.setWordWrap(True)
        lay.addWidget(intro)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("listTabs")
        reason_cols = [Column("text", self.tr("Reason")), Column("category", self.tr(
            "Category")), Column("active", self.tr("Active"))]
        self.won = ListTab("reason", "won", reason_cols, self.tr("Won reasons"))
        self.lost = ListTab("reason", "lost", reason_cols, self.tr("Lost reasons"))
        self.sources = ListTab("source", "", [Column("text", self.tr("Source"))],
                               self.tr("Sources"))
        self.owners = ListTab("owner", "", [Column("text", self.tr("Salesperson")),
                                            Column("team", self.tr("Team")),
                                            Column("region", self.tr("Region")),
                                            Column("active", self.tr("Active"))],
                              self.tr("Salespeople"))
        self.teams = ListTab("team", "", [Column("text", self.tr("Team"))], self.tr("Teams"))
        self.regions = ListTab("region", "", [Column("text", self.tr("Region"))],
                               self.tr("Regions"))
        for tab, title in ((self.won, self.tr("&Won reasons")),
                           (self.lost, self.tr("&Lost reasons")),
                           (self.sources, self.tr("S&ources")),
                           (self.owners, self.tr("Sales&people")),
                           (self.teams, self.tr("&Teams")),
                           (self.regions, self.tr("Re&gions"))):
            tab.load()
            self.tabs.addTab(tab, title)
        lay.addWidget(self.tabs, 1)
        self.problem = QLabel()
        self.problem.setObjectName("fieldError")
        self.problem.setWordWrap(True)
        self.problem.setTextFormat(Qt.TextFormat.PlainText)
        self.problem.hide()
        lay.addWidget(self.problem)
        self.buttons, self.save_button, self.revert_button = editor_buttons(self)
        lay.addWidget(self.buttons)
        self._shown = 0
        self.tabs.currentChanged.connect(self._tab_chosen)
        self.update_buttons()

    def current(self) -> ListTab:
        tab = self.tabs.currentWidget()
        assert isinstance(tab, ListTab)
        return tab

    def group(self, tab: ListTab) -> list[ListTab]:
        """The tabs saved together (won and lost reasons are one list)."""
        return [self.won, self.lost] if tab.which == "reason" else [tab]

    def update_buttons(self) -> None:
        dirty = any(t.dirty for t in self.group(self.current()))
        self.save_button.setEnabled(dirty)
        self.revert_button.setEnabled(dirty)

    def _tab_chosen(self, index: int) -> None:
        previous = self.tabs.widget(self._shown)
        if isinstance(previous, ListTab) and self.tabs.widget(index) not in self.group(previous) \
                and not self.maybe_leave(previous):
            self.tabs.blockSignals(True)
            self.tabs.setCurrentIndex(self._shown)
            self.tabs.blockSignals(False)
            return
        self._shown = index
        self.problem.hide()
        tab = self.current()
        if tab.which == "owner" and not tab.dirty:
            tab.load()  # teams and regions may have been renamed
        self.update_buttons()

    def maybe_leave(self, tab: ListTab) -> bool:
        """True when the tab's list has no unsaved edits, or they were saved or dropped."""
        if not any(t.dirty for t in self.group(tab)):
            return True
        answer = ask.save_changes(self, self.tabs.tabText(self.tabs.indexOf(tab)).replace(
            "&", ""))
        if answer == "save":
            return self.save(tab)
        if answer == "discard":
            for t in self.group(tab):
                t.load()
            return True
        return False

    def save(self, tab: ListTab | None = None) -> bool:
        """Save the list shown (both reason lists together) in one service call."""
        tab = tab if isinstance(tab, ListTab) else self.current()
        group = self.group(tab)
        items = [i for t in group for i in t.items()]
        self.problem.hide()
        if self.runner.run(self, self.tr("Edit kept list"),
                           lambda: save_list(self.services, tab.which, items, initiator=self),
                           on_error=self._refused) is None:
            return False
        for t in group:
            t.load()
        if tab.which in ("team", "region") and not self.owners.dirty:
            self.owners.load()
        self.update_buttons()
        return True

    def _refused(self, err: FunnelError) -> None:
        """Nothing of the list was saved: say why, above it and in a message."""
        self.problem.setText(error_text(err))
        self.problem.show()
        ask.error(self, self.tr("Kept lists"), error_text(err))

    def revert(self) -> None:
        for t in self.group(self.current()):
            t.load()
        self.problem.hide()
        self.update_buttons()

    def reject(self) -> None:
        """Close (Escape or Close): unsaved edits are saved or dropped as the user says."""
        for i in range(self.tabs.count()):
            tab = self.tabs.widget(i)
            if isinstance(tab, ListTab) and tab.dirty:
                self.tabs.blockSignals(True)
                self.tabs.setCurrentIndex(i)
                self.tabs.blockSignals(False)
                self._shown = i
                if not self.maybe_leave(tab):
                    return
        super().reject()
