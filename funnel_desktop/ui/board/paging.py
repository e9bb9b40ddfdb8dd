"""Lazy paging shared by the item models that hold ids: rows appear PAGE at a time."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, QPersistentModelIndex

Index = QModelIndex | QPersistentModelIndex


class PagedIds:
    """Mixin for a Qt item model (listed before the Qt base) with ``_ids`` (all rows),
    ``_loaded`` (rows shown so far) and ``_busy`` (inside the model's own insert or reset)."""

    PAGE = 200
    _ids: list[int]
    _loaded: int
    _busy: bool

    if TYPE_CHECKING:  # of the Qt model it is mixed into
        def beginInsertRows(self, parent: Index, first: int, last: int) -> None: ...
        def endInsertRows(self) -> None: ...

    def canFetchMore(self, parent: Index) -> bool:
        return not parent.isValid() and self._loaded < len(self._ids)

    def fetchMore(self, parent: Index) -> None:
        if parent.isValid() or self._busy:  # not from inside our own insert or reset
            return
        n = min(self.PAGE, len(self._ids) - self._loaded)
        if n <= 0:
            return
        self._busy = True
        try:
            self.beginInsertRows(QModelIndex(), self._loaded, self._loaded + n - 1)
            self._loaded += n
            self.endInsertRows()
        finally:
            self._busy = False
