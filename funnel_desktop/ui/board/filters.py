"""The filter bar: search text and dropdowns for owner, team, region, source, customer class,
priority and expected close period; active filters shown as removable chips."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLineEdit,
    QMenu,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ...core.dates import add_months, month_end, period_of
from ...core.values import Segment
from ...store import kept_lists
from ..common import ask
from ..common.messages import priority_name

#: The filter keys in the order of their dropdowns.
FILTER_KEYS = ("owner", "team", "region", "source", "class", "priority", "close")


def close_period(code: str, today: date) -> tuple[date | None, date | None]:
    """Expected close bounds of a named period: this_month, next_month, this_quarter,
    overdue (before today)."""
    if code == "this_month":
        p = period_of("month", today)
        return p.start, p.end
    if code == "next_month":
        first = add_months(today, 1)
        return first, month_end(first)
    if code == "this_quarter":
        p = period_of("quarter", today)
        return p.start, p.end
    if code == "overdue":
        return None, today - timedelta(days=1)
    raise ValueError(code)


class Chip(QPushButton):
    """An active filter; clicking it removes the filter."""

    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        super().__init__(text + "  ×", parent)
        self.setObjectName("chip")
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setToolTip(self.tr("Remove this filter"))


class FilterBar(QWidget):
    """Builds a :class:`Segment` from what the user picks.

    Signals:
        changed(Segment): after any filter changed (search text after a short pause).
    """

    changed = Signal(object)

    def __init__(self, today: Callable[[], date], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("filterBar")
        self._today = today
        self._values: dict[str, tuple[object, str]] = {}  # key → (value, chip text)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(6)
        row = QHBoxLayout()
        row.setSpacing(6)
        self.search = QLineEdit()
        self.search.setObjectName("searchBox")
        self.search.setAccessibleName(self.tr("Search deals and customers"))
        self.search.setPlaceholderText(self.tr("Search deals and customers…"))
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(220)
        self.search.setMaximumWidth(340)
        row.addWidget(self.search, 1)
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(250)
        self._debounce.timeout.connect(self._emit)
        self.search.textChanged.connect(lambda _t: self._debounce.start())
        self.search.returnPressed.connect(self._emit)
        self.buttons: dict[str, QToolButton] = {}
        titles = {"owner": self.tr("Owner"), "team": self.tr("Team"),
                  "region": self.tr("Region"), "source": self.tr("Source"),
                  "class": self.tr("Class"), "priority": self.tr("Priority"),
                  "close": self.tr("Expected close")}
        self._titles = titles
        for key in FILTER_KEYS:
            b = QToolButton()
            b.setObjectName("filterButton")
            b.setText(titles[key] + " ▾")
            b.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
            b.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
            menu = QMenu(b)
            menu.aboutToShow.connect(lambda k=key, m=menu: self._fill_menu(k, m))
            b.setMenu(menu)
            b.setProperty("active", False)
            self.buttons[key] = b
            row.addWidget(b)
        row.addStretch(1)
        outer.addLayout(row)
        self.chip_row = QWidget()
        self.chip_layout = QHBoxLayout(self.chip_row)
        self.chip_layout.setContentsMargins(0, 0, 0, 0)
        self.chip_layout.setSpacing(6)
        outer.addWidget(self.chip_row)
        self.chip_row.hide()
        self.chips: dict[str, Chip] = {}

    # -- state ------------------------------------------------------------------------------
    def set_value(self, key: str, value: object, text: str) -> None:
        """Set one filter (``text`` is what its chip says) and emit :attr:`changed`."""
        if key not in FILTER_KEYS:
            raise KeyError(key)
        self._values[key] = (value, text)
        self._rebuild_chips()
        self._emit()

    def clear(self, key: str | None = None) -> None:
        """Remove one filter, or all of them and the search text."""
        if key is None:
            self._values.clear()
            self.search.blockSignals(True)
            self.search.clear()
            self.search.blockSignals(False)
        else:
            self._values.pop(key, None)
        self._rebuild_chips()
        self._emit()

    def value(self, key: str) -> Any:
        return self._values.get(key, (None, ""))[0]

    def segment(self) -> Segment:
        """The segment the filters describe."""
        v = self.value
        close_from = close_to = None
        if v("close") is not None:
            close_from, close_to = v("close")
        return Segment(
            owner_ids=(v("owner"),) if v("owner") is not None else (),
            team_ids=(v("team"),) if v("team") is not None else (),
            region_ids=(v("region"),) if v("region") is not None else (),
            source_ids=(v("source"),) if v("source") is not None else (),
            customer_classes=(v("class"),) if v("class") else (),
            priorities=(v("priority"),) if v("priority") else (),
            text=self.search.text().strip(),
            close_from=close_from, close_to=close_to)

    def _emit(self) -> None:
        self._debounce.stop()
        self.changed.emit(self.segment())

    def _rebuild_chips(self) -> None:
        for chip in self.chips.values():
            chip.setParent(None)
            chip.deleteLater()
        self.chips = {}
        while self.chip_layout.count():
            item = self.chip_layout.takeAt(0)
            w = item.widget() if item is not None else None
            if w is not None:
                w.setParent(None)
                w.deleteLater()
        for key in FILTER_KEYS:
            active = key in self._values
            b = self.buttons[key]
            if b.property("active") != active:
                b.setProperty("active", active)
                b.style().unpolish(b)
                b.style().polish(b)
            if active:
                text = self._titles[key] + ": " + self._values[key][1]
                chip = Chip(text)
                chip.clicked.connect(lambda _=False, k=key: self.clear(k))
                self.chips[key] = chip
                self.chip_layout.addWidget(chip)
        if self.chips:
            clear_all = QPushButton(self.tr("Clear all"))
            clear_all.setObjectName("linkButton")
            clear_all.setCursor(Qt.CursorShape.PointingHandCursor)
            clear_all.clicked.connect(lambda: self.clear())
            self.chip_layout.addWidget(clear_all)
        self.chip_layout.addStretch(1)
        self.chip_row.setVisible(bool(self.chips))

    # -- menus ------------------------------------------------------------------------------
    def options(self, key: str) -> list[tuple[object, str]]:
        """(value, text) choices of a filter, read fresh from the database."""
        if key in ("owner", "team", "region", "source"):
            return [(i, n) for i, n in kept_lists.names(key)]
        if key == "class":
            return [(c, c) for c in "ABCD"]
        if key == "priority":
            return [(p, priority_name(p)) for p in ("high", "medium", "low")]
        today = self._today()
        return [(close_period(code, today), text) for code, text in (
            ("this_month", self.tr("This month")), ("next_month", self.tr("Next month")),
            ("this_quarter", self.tr("This quarter")), ("overdue", self.tr("Overdue")))]

    def _fill_menu(self, key: str, menu: QMenu) -> None:
        menu.clear()
        current = self.value(key)
        any_action = menu.addAction(self.tr("Any"))
        any_action.setCheckable(True)
        any_action.setChecked(current is None)
        any_action.triggered.connect(lambda: self.clear(key))
        menu.addSeparator()
        for value, text in self.options(key):
            act = menu.addAction(text)
            act.setCheckable(True)
            act.setChecked(value == current)
            act.triggered.connect(lambda _=False, v=value, t=text: self.set_value(key, v, t))
        if key == "close":
            menu.addSeparator()
            menu.addAction(self.tr("Custom…"), self._custom_period)

    def _custom_period(self) -> None:
        current = self.value("close")
        start, end = current if isinstance(current, tuple) else (None, None)
        answer = ask.period(self, start, end)
        if answer is None:
            return
        s, e = answer
        self.set_value("close", (s, e), f"{s.isoformat()} – {e.isoformat()}")
