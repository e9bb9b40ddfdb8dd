"""The customers view: a searchable, sortable list beside the profile form."""

from __future__ import annotations

from PySide6.QtCore import (
    QEvent,
    QItemSelectionModel,
    QModelIndex,
    QObject,
    QPoint,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ...services.events import Changes
from ..common.context import AppContext
from .customer_form import CustomerForm
from .customer_models import CustomerListModel, IdRole

#: The least width (px) the customer names keep before other columns fold away.
NAME_WIDTH = 150
#: Columns folded away in a narrow list, least needed first: contact (also in the form),
#: open deals, class, priority, phone, industry, region, open value (the last to go).
FOLD_ORDER = (1, 7, 5, 6, 2, 3, 4, 8)


class CustomersPage(QWidget):
    """List (left) and profile (right) in a splitter whose position the window remembers.

    Signals:
        dealActivated(int): open a deal from the customer's deal list.
    """

    dealActivated = Signal(int)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("customersPage")
        lay = QVBoxLayout(self)
        lay.setContentsMargins(14, 12, 14, 12)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("customersSplitter")
        self.splitter.setChildrenCollapsible(False)
        lay.addWidget(self.splitter)

        left = QWidget()
        ll = QVBoxLayout(left)
        ll.setContentsMargins(0, 0, 0, 0)
        ll.setSpacing(8)
        top = QHBoxLayout()
        self.search = QLineEdit()
        self.search.setObjectName("searchBox")
        self.search.setAccessibleName(self.tr("Search customers"))
        self.search.setPlaceholderText(self.tr("Search name, contact, phone, email, industry…"))
        self.search.setClearButtonEnabled(True)
        top.addWidget(self.search, 1)
        self.new_button = QPushButton(self.tr("New customer"))
        self.new_button.setObjectName("primaryButton")
        self.new_button.clicked.connect(self.new_customer)
        top.addWidget(self.new_button)
        ll.addLayout(top)
        self.model = CustomerListModel(ctx.fmt, ctx.today, lambda: ctx.thresholds, self)
        self.table = QTableView()
        self.table.setObjectName("customerTable")
        self.table.setModel(self.model)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(28)
        self.table.setAlternatingRowColors(True)
        self.table.setShowGrid(False)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        fm = header.fontMetrics()
        for col in range(1, self.model.columnCount()):
            title = str(self.model.headerData(col, Qt.Orientation.Horizontal))
            header.resizeSection(col, max(56, fm.horizontalAdvance(title) + 30))
        header.resizeSection(1, 96)
        header.resizeSection(8, max(header.sectionSize(8), 96))
        #: Columns the user turned off (the header's menu); phone, industry and region are in
        #: the form, so they start off.
        self.hidden_columns: set[int] = {2, 3, 4}
        #: Columns put away while the list is too narrow to show the names (see :meth:`fit`).
        self.folded_columns: set[int] = set()
        #: Each column's width when shown (a hidden one measures 0), kept as the user drags.
        self.column_widths = {c: header.sectionSize(c) for c in range(self.model.columnCount())}
        header.sectionResized.connect(self._column_resized)
        for col in self.hidden_columns:
            self.table.setColumnHidden(col, True)
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self._header_menu)
        self._list_viewport = self.table.viewport()  # kept: its resizes refit the columns
        self._list_viewport.installEventFilter(self)
        ll.addWidget(self.table, 1)
        self.count = QLabel()
        self.count.setObjectName("sectionNote")
        ll.addWidget(self.count)
        self.splitter.addWidget(left)

        self.form = CustomerForm(ctx)
        self.form.setObjectName("customerForm")
        self.splitter.addWidget(self.form)
        self.splitter.setStretchFactor(0, 4)
        self.splitter.setStretchFactor(1, 5)
        self.splitter.setSizes([600, 760])

        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(250)
        self._debounce.timeout.connect(self._search)
        self.search.textChanged.connect(lambda _t: self._debounce.start())
        self.table.selectionModel().currentRowChanged.connect(self._row_changed)
        self.form.dealActivated.connect(self.dealActivated)
        self.form.saved.connect(self.select_customer)
        ctx.bridge.changed.connect(self._on_changes)
        self._switching = False
        self._stale = False

    def _header_menu(self, pos: QPoint) -> None:
        menu = self.column_menu()
        menu.exec(self.table.horizontalHeader().mapToGlobal(pos))
        menu.deleteLater()

    def column_menu(self) -> QMenu:
        """The header's menu: a check for each column but the name (built, not shown)."""
        menu = QMenu(self)
        for col in range(1, self.model.columnCount()):
            act = menu.addAction(str(self.model.headerData(col, Qt.Orientation.Horizontal)))
            act.setCheckable(True)
            act.setChecked(col not in self.hidden_columns)
            act.toggled.connect(lambda on, c=col: self.show_column(c, on))
        return menu

    def show_column(self, col: int, shown: bool) -> None:
        """The user's choice for a column (a narrow list may still fold it away)."""
        if shown:
            self.hidden_columns.discard(col)
        else:
            self.hidden_columns.add(col)
        self.fit()

    def fit(self) -> None:
        """Keep the names readable: while the list is narrower than the name column's least
        width plus the other shown columns, fold those columns away, least needed first
        (they come back as the list widens)."""
        room = self.table.viewport().width()
        wanted = [c for c in range(1, self.model.columnCount()) if c not in self.hidden_columns]
        folded: set[int] = set()
        used = sum(self.column_widths[c] for c in wanted)
        for col in FOLD_ORDER:
            if room - used >= NAME_WIDTH:
                break
            if col in wanted:
                folded.add(col)
                used -= self.column_widths[col]
        self.folded_columns = folded
        for col in range(1, self.model.columnCount()):
            self.table.setColumnHidden(col, col in self.hidden_columns or col in folded)

    def _column_resized(self, col: int, _old: int, new: int) -> None:
        if col and new > 0:
            self.column_widths[col] = new

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._list_viewport and event.type() == QEvent.Type.Resize:
            self.fit()
        return super().eventFilter(watched, event)

    # -- list -------------------------------------------------------------------------------
    def reload(self) -> None:
        """Re-read the list (deferred until the page is shown)."""
        if not self.isVisible():
            self._stale = True
            return
        self._stale = False
        self.model.refresh()
        self._show_count()
        if self.form.customer_id is not None:
            self._select_row(self.form.customer_id)

    def _search(self) -> None:
        self._debounce.stop()
        self.model.set_search(self.search.text())
        if not self.model.active:
            self.model.refresh()
        self._show_count()
        if self.form.customer_id is not None:
            self._select_row(self.form.customer_id)

    def _show_count(self) -> None:
        n = self.model.total()
        self.count.setText(self.tr("1 customer") if n == 1
                           else self.tr("%1 customers").replace("%1", self.ctx.fmt.count(n)))

    def _select_row(self, customer_id: int) -> None:
        row = self.model.row_of(customer_id)
        self._switching = True
        try:
            if row is None:
                self.table.selectionModel().clearSelection()
                return
            index = self.model.index(row, 0)
            self.table.selectionModel().setCurrentIndex(
                index, QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows)
            self.table.scrollTo(index)
        finally:
            self._switching = False

    def _row_changed(self, current: QModelIndex, previous: QModelIndex) -> None:
        if self._switching or not current.isValid():
            return
        cid = current.data(IdRole)
        if cid == self.form.customer_id:
            return
        if not self.form.maybe_leave():
            # stay on the customer being edited
            editing = self.form.customer_id
            if editing is not None:
                QTimer.singleShot(0, self, lambda: self._select_row(editing))
            return
        self.form.load(cid)

    def select_customer(self, customer_id: int) -> None:
        """Show a customer in the form and select it in the list."""
        if customer_id != self.form.customer_id:
            if not self.form.maybe_leave():
                return
            self.form.load(customer_id)
        self.reload()

    def new_customer(self) -> None:
        if not self.form.maybe_leave():
            return
        self._switching = True
        self.table.selectionModel().clearSelection()
        self._switching = False
        self.form.load(None)
        self.form.name.setFocus()

    def _on_changes(self, changes: Changes) -> None:
        if changes.touches("customers", "deals", "all"):
            if self.isVisible():
                self.reload()
            else:
                self._stale = True

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale or not self.model.active:
            self.reload()
