"""Tables: the owner / team comparison and two segments side by side."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import QAbstractItemView, QComboBox, QHeaderView, QTableView, QWidget

from ...core.owner_table import PeopleLine, PeopleTable
from ...core.segments_compare import ComparedNumber, SegmentComparison
from ...core.values import Period
from ..common.fmt import Formatter
from . import export
from .charts import Card
from .periods import period_text
from .rules import rule

translate = QCoreApplication.translate
Index = QModelIndex | QPersistentModelIndex
NO_PARENT = QModelIndex()
SORT_ROLE = Qt.ItemDataRole.UserRole + 1


def _days(v: float | None) -> str:
    return "—" if v is None else f"{v:,.1f}".rstrip("0").rstrip(".")


class PeopleModel(QAbstractTableModel):
    """One row per owner (or team) and a total row that stays last when sorted."""

    def __init__(self, fmt: Formatter, parent: Any = None) -> None:
        super().__init__(parent)
        self.fmt = fmt
        self.rows: list[tuple[str, PeopleLine]] = []
        self.total: tuple[str, PeopleLine] | None = None
        self._sort: tuple[int, Qt.SortOrder] | None = None

    def columns(self) -> list[tuple[str, Callable[[PeopleLine], Any], str]]:
        """(header, value, kind) of each column after the name."""
        return [
            (self.tr("Open"), lambda r: r.open_count, "count"),
            (self.tr("Pipeline"), lambda r: r.open_amount, "money"),
            (self.tr("Weighted"), lambda r: r.weighted, "money"),
            (self.tr("Won"), lambda r: r.won_count, "count"),
            (self.tr("Won value"), lambda r: r.won_amount, "money"),
            (self.tr("Lost"), lambda r: r.lost_count, "count"),
            (self.tr("Win rate"), lambda r: r.win_rate, "rate"),
            (self.tr("Win rate (value)"), lambda r: r.win_rate_value, "rate"),
            (self.tr("Average deal"), lambda r: r.average_deal, "money"),
            (self.tr("Cycle (days)"), lambda r: r.cycle_mean, "days"),
        ]

    def set_table(self, table: PeopleTable, name_of: Callable[[int | None], str]) -> None:
        self.beginResetModel()
        self.rows = [(name_of(r.key), r) for r in table.rows]
        self.total = (self.tr("Total"), table.total)
        if self._sort is not None:
            self._apply_sort(*self._sort)
        self.endResetModel()

    def all_rows(self) -> list[tuple[str, PeopleLine]]:
        return self.rows + ([self.total] if self.total else [])

    def rowCount(self, parent: Index = NO_PARENT) -> int:
        return 0 if parent.isValid() else len(self.all_rows())

    def columnCount(self, parent: Index = NO_PARENT) -> int:
        return 0 if parent.isValid() else 1 + len(self.columns())

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        if section == 0:
            return self.tr("Name")
        return self.columns()[section - 1][0]

    def _text(self, value: Any, kind: str) -> str:
        f = self.fmt
        if value is None:
            return "—"
        if kind == "count":
            return f.count(value)
        if kind == "money":
            return f.money(value)
        if kind == "rate":
            return f.percent(value)
        return _days(value)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        rows = self.all_rows()
        if not index.isValid() or not 0 <= index.row() < len(rows):
            return None
        name, line = rows[index.row()]
        col = index.column()
        is_total = self.total is not None and index.row() == len(rows) - 1
        if role == Qt.ItemDataRole.DisplayRole:
            if col == 0:
                return name
            _h, get, kind = self.columns()[col - 1]
            return self._text(get(line), kind)
        if role == SORT_ROLE:
            return name if col == 0 else self.columns()[col - 1][1](line)
        if role == Qt.ItemDataRole.TextAlignmentRole and col > 0:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.FontRole and is_total:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.BackgroundRole and is_total:
            return QColor("#f3f4f6")
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self.layoutAboutToBeChanged.emit()
        self._sort = (column, order)
        self._apply_sort(column, order)
        self.layoutChanged.emit()

    def _apply_sort(self, column: int, order: Qt.SortOrder) -> None:
        get = (lambda row: row[0].lower()) if column == 0 else (
            lambda row: self.columns()[column - 1][1](row[1]))
        known = [r for r in self.rows if get(r) is not None]
        unknown = [r for r in self.rows if get(r) is None]
        known.sort(key=get, reverse=order == Qt.SortOrder.DescendingOrder)
        self.rows = known + unknown  # unknown values (—) last either way

    def plain_rows(self) -> list[list[str]]:
        out = [[str(self.headerData(c, Qt.Orientation.Horizontal))
                for c in range(self.columnCount())]]
        for name, line in self.all_rows():
            cells = [name]
            for _h, get, kind in self.columns():
                v = get(line)
                cells.append(export.money_cell(v) if kind == "money" else
                             export.rate_cell(v) if kind == "rate" else
                             export.plain(round(v, 1) if isinstance(v, float) else v))
            out.append(cells)
        return out


def table_view(model: QAbstractTableModel) -> QTableView:
    view = QTableView()
    view.setObjectName("analyticsTable")
    view.setModel(model)
    view.setAlternatingRowColors(True)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.verticalHeader().hide()
    view.verticalHeader().setDefaultSectionSize(26)
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
    header.setStretchLastSection(False)
    view.setMinimumHeight(200)
    return view


class PeopleCard(Card):
    """Owners or teams compared over the period."""

    def __init__(self, fmt: Formatter, parent: QWidget | None = None) -> None:
        super().__init__(fmt, self.tr("Owners and teams"), rule("owner_table"), parent)
        self.by = QComboBox()
        self.by.addItem(self.tr("By owner"), "owner")
        self.by.addItem(self.tr("By team"), "team")
        self.by.currentIndexChanged.connect(lambda _i: self._fill())
        self.controls.addWidget(self.by)
        self.model = PeopleModel(fmt, self)
        self.view = table_view(self.model)
        self.view.setSortingEnabled(True)
        self.view.sortByColumn(4, Qt.SortOrder.DescendingOrder)
        self.body.addWidget(self.view, 1)
        self.owners: PeopleTable | None = None
        self.teams: PeopleTable | None = None
        self.owner_names: dict[int, str] = {}
        self.team_names: dict[int, str] = {}
        self.period: Period | None = None

    def show_tables(self, owners: PeopleTable, teams: PeopleTable,
                    owner_names: dict[int, str], team_names: dict[int, str],
                    period: Period) -> None:
        self.owners, self.teams = owners, teams
        self.owner_names, self.team_names = owner_names, team_names
        self.period = period
        self._fill()

    def _fill(self) -> None:
        team = self.by.currentData() == "team"
        table = self.teams if team else self.owners
        if table is None:
            return
        names = self.team_names if team else self.owner_names
        none = self.tr("(no team)") if team else self.tr("(no owner)")
        self.model.set_table(table, lambda k: none if k is None else names.get(k, "?"))
        if self.period is not None:
            self.set_note(self.tr("Open: now. Closed: %1. Team: the owner's team now.")
                          .replace("%1", period_text(self.fmt, self.period)))

    def table(self) -> list[list[str]]:
        return self.model.plain_rows()


#: Labels of the compared numbers, by key of ``core.segments_compare.NUMBERS``, and the rule
#: each one follows.
def number_labels() -> dict[str, tuple[str, str | None]]:
    """key → (label, the key of its rule in :mod:`rules` or None)."""
    return {
        "open_count": (translate("SegmentsCard", "Open deals"), None),
        "open_amount": (translate("SegmentsCard", "Pipeline"), None),
        "weighted_total": (translate("SegmentsCard", "Weighted"), "weighted"),
        "won_count": (translate("SegmentsCard", "Won deals"), "win_rate"),
        "won_amount": (translate("SegmentsCard", "Won value"), "win_rate"),
        "lost_count": (translate("SegmentsCard", "Lost deals"), "win_rate"),
        "win_rate_count": (translate("SegmentsCard", "Win rate (count)"), "win_rate"),
        "win_rate_value": (translate("SegmentsCard", "Win rate (value)"), "win_rate"),
        "lead_to_win": (translate("SegmentsCard", "Lead-to-win rate"), "lead_to_win"),
        "overall_conversion": (translate("SegmentsCard", "Overall conversion"), "conversion"),
        "average_deal": (translate("SegmentsCard", "Average deal"), "deal_size"),
        "median_deal": (translate("SegmentsCard", "Median deal"), "deal_size"),
        "cycle_mean": (translate("SegmentsCard", "Sales cycle (days)"), "cycle"),
        "velocity": (translate("SegmentsCard", "Velocity per day"), "velocity"),
    }


class CompareModel(QAbstractTableModel):
    """Rows: the compared numbers; columns: number, A, B, B − A."""

    def __init__(self, fmt: Formatter, parent: Any = None) -> None:
        super().__init__(parent)
        self.fmt = fmt
        self.numbers: list[ComparedNumber] = []
        self.heads = ("", "", "")

    def set_comparison(self, cmp: SegmentComparison, a: str, b: str) -> None:
        self.beginResetModel()
        self.numbers = list(cmp.numbers)
        self.heads = (a, b, self.tr("Difference"))
        self.endResetModel()

    def rowCount(self, parent: Index = NO_PARENT) -> int:
        return 0 if parent.isValid() else len(self.numbers)

    def columnCount(self, parent: Index = NO_PARENT) -> int:
        return 0 if parent.isValid() else 4

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return self.tr("Number") if section == 0 else self.heads[section - 1]

    def value_text(self, unit: str, v: float | None) -> str:
        f = self.fmt
        if v is None:
            return "—"
        if unit == "count":
            return f.count(round(v))
        if unit in ("money", "money_per_day"):
            return f.money(v)
        if unit == "rate":
            return f.percent(v, 1)
        return _days(v)

    def difference_text(self, n: ComparedNumber) -> str:
        d, f = n.difference, self.fmt
        if d is None:
            return "—"
        sign = "+" if d > 0 else "−" if d < 0 else "±"
        if n.unit == "rate":
            return self.tr("%1 pts").replace("%1", sign + f.locale.toString(abs(d) * 100,
                                                                            "f", 1))
        return sign + self.value_text(n.unit, abs(d))

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.numbers):
            return None
        n = self.numbers[index.row()]
        col = index.column()
        labels = number_labels()
        if role == Qt.ItemDataRole.DisplayRole:
            if col == 0:
                return labels.get(n.key, (n.key, None))[0]
            if col == 1:
                return self.value_text(n.unit, n.a)
            if col == 2:
                return self.value_text(n.unit, n.b)
            return self.difference_text(n)
        if role == Qt.ItemDataRole.ToolTipRole and col == 0:
            key = labels.get(n.key, ("", None))[1]
            return rule(key) if key else None
        if role == Qt.ItemDataRole.TextAlignmentRole and col > 0:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def plain_rows(self) -> list[list[str]]:
        out = [[str(self.headerData(c, Qt.Orientation.Horizontal)) for c in range(4)]]
        labels = number_labels()
        for n in self.numbers:
            def cell(v: float | None, unit: str = n.unit) -> str:
                if v is None:
                    return ""
                if unit in ("money", "money_per_day"):
                    return export.money_cell(v)
                if unit == "rate":
                    return export.rate_cell(v)
                return export.plain(round(v, 1) if isinstance(v, float) else v)
            out.append([labels.get(n.key, (n.key, None))[0], cell(n.a), cell(n.b),
                        cell(n.difference)])
        return out


class SegmentsCard(Card):
    """Two segments side by side: new vs returning customers, big vs small projects."""

    def __init__(self, fmt: Formatter, parent: QWidget | None = None) -> None:
        super().__init__(fmt, self.tr("Two segments side by side"),
                         self.tr("Both segments over the same period and the page's filters; "
                                 "each number follows its own rule (hover a number's name). "
                                 "A returning customer's deal: the customer had won a deal "
                                 "before this one was created."), parent)
        self.which = QComboBox()
        self.which.addItem(self.tr("New vs returning customers"), "customer_type")
        self.which.addItem(self.tr("Big vs small projects"), "project_type")
        self.which.currentIndexChanged.connect(lambda _i: self._fill())
        self.controls.addWidget(self.which)
        self.model = CompareModel(fmt, self)
        self.view = table_view(self.model)
        self.view.setMinimumHeight(26 * 14 + 34)  # every compared number without scrolling
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        for col in (1, 2, 3):  # the two segments and the difference, equally wide
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.Stretch)
        self.body.addWidget(self.view, 1)
        self.comparisons: dict[str, SegmentComparison] = {}

    def heads(self, code: str) -> tuple[str, str]:
        if code == "project_type":
            return self.tr("Big projects"), self.tr("Small projects")
        return self.tr("New customers"), self.tr("Returning customers")

    def show_comparisons(self, comparisons: dict[str, SegmentComparison]) -> None:
        self.comparisons = comparisons
        self._fill()

    def _fill(self) -> None:
        code = str(self.which.currentData())
        cmp = self.comparisons.get(code)
        if cmp is None:
            return
        self.model.set_comparison(cmp, *self.heads(code))
        self.set_note(self.tr("%1 · as of %2. Difference: right minus left (rates in "
                              "percentage points).")
                      .replace("%1", period_text(self.fmt, cmp.period))
                      .replace("%2", self.fmt.day(cmp.as_of)))

    def table(self) -> list[list[str]]:
        return self.model.plain_rows()
