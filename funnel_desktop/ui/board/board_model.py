"""The item model of one board column: deal ids, card rows built lazily, drag and drop."""

from __future__ import annotations

import bisect
import json
from collections.abc import Callable, Sequence

from PySide6.QtCore import (
    QAbstractListModel,
    QByteArray,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

from ...store.screen_queries import CardFacts
from .paging import PagedIds

#: The app's drag-and-drop format: a JSON list of deal ids.
MIME_DEAL_IDS = "application/x-funnel-deal-ids;version=1"

#: Card rows read at a time (a column shows about seven cards).
CARD_BLOCK = 16

#: A card's item flags.
CARD_FLAGS = (Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
              | Qt.ItemFlag.ItemIsDragEnabled | Qt.ItemFlag.ItemIsDropEnabled
              | Qt.ItemFlag.ItemNeverHasChildren)

CardRole = Qt.ItemDataRole.UserRole + 1
IdRole = Qt.ItemDataRole.UserRole + 2

Index = QModelIndex | QPersistentModelIndex


def encode_ids(ids: list[int]) -> QMimeData:
    """Mime data carrying deal ids (and their titles as plain text for other programs)."""
    data = QMimeData()
    data.setData(MIME_DEAL_IDS, QByteArray(json.dumps([int(i) for i in ids]).encode()))
    return data


def decode_ids(data: QMimeData | None) -> list[int]:
    """The deal ids of the app's mime data; [] for anything else or malformed data."""
    if data is None or not data.hasFormat(MIME_DEAL_IDS):
        return []
    try:
        ids = json.loads(bytes(data.data(MIME_DEAL_IDS).data()).decode())
    except ValueError:
        return []
    if not isinstance(ids, list) or not all(isinstance(i, int) and not isinstance(i, bool)
                                             for i in ids):
        return []
    return ids


class DealColumnModel(PagedIds, QAbstractListModel):
    """The deals of one stage column.

    Holds every id (cheap), exposes them in pages of :attr:`PAGE` rows (``fetchMore``), and
    builds card rows on demand a page at a time through ``load``. A drop calls ``on_drop(ids,
    stage_id)``, which performs the move through the services.
    """


    def __init__(self, stage_id: int, load: Callable[[list[int]], dict[int, CardFacts]],
                 on_drop: Callable[[list[int], int], bool] | None = None,
                 parent=None) -> None:
        super().__init__(parent)
        self.stage_id = stage_id
        self._load = load
        self._on_drop = on_drop
        self._ids: list[int] = []
        self._keys: list | None = None  # board keys parallel to the ids, when known
        self._pos: dict[int, int] = {}
        self._loaded = 0
        self._busy = False
        self._cache: dict[int, CardFacts] = {}

    # -- content ----------------------------------------------------------------------------
    @property
    def ids(self) -> list[int]:
        return list(self._ids)

    def total(self) -> int:
        """All deals of the column (loaded or not)."""
        return len(self._ids)

    def set_ids(self, ids: list[int], keys: list | None = None) -> None:
        """New content: the same ids only repaint (cards are rebuilt); others reset the model,
        keeping as many rows fetched as before. ``keys`` (board keys, parallel to the ids)
        let :meth:`insert_ids` place deals later without asking the database."""
        self._cache.clear()
        self._keys = list(keys) if keys is not None else None
        if ids == self._ids:
            self.invalidate()
            return
        keep = max(self._loaded, min(self.PAGE, len(ids)))
        self._busy = True
        try:
            self.beginResetModel()
            self._ids = list(ids)
            self._pos = {d: i for i, d in enumerate(self._ids)}
            self._loaded = min(keep, len(self._ids))
            self.endResetModel()
        finally:
            self._busy = False

    def invalidate(self) -> None:
        """Forget the built cards (their deals or customers changed) and repaint."""
        self._cache.clear()
        if self._loaded:
            self.dataChanged.emit(self.index(0), self.index(self._loaded - 1))

    def remove_ids(self, ids: list[int]) -> None:
        """Take deals out of the column (they moved away)."""
        rows = sorted((self._pos[i] for i in ids if i in self._pos), reverse=True)
        if not rows:
            return
        self._busy = True
        try:
            for row in rows:
                shown = row < self._loaded
                if shown:
                    self.beginRemoveRows(QModelIndex(), row, row)
                self._cache.pop(self._ids[row], None)
                del self._ids[row]
                if self._keys is not None:
                    del self._keys[row]
                if shown:
                    self._loaded -= 1
                    self.endRemoveRows()
        finally:
            self._busy = False
        self._pos = {d: i for i, d in enumerate(self._ids)}

    def can_insert(self) -> bool:
        return self._keys is not None

    def insert_ids(self, entries: list[tuple[object, int]]) -> None:
        """Put deals (board key, id) into the column at their place in the order."""
        if self._keys is None:
            raise RuntimeError("insert_ids needs the board keys (set_ids(ids, keys))")
        self._busy = True
        try:
            for key, deal_id in sorted(entries):
                if deal_id in self._pos:
                    continue
                row = bisect.bisect_left(self._keys, key)
                shown = row < self._loaded or (row == self._loaded
                                               and self._loaded == len(self._ids))
                if shown:
                    self.beginInsertRows(QModelIndex(), row, row)
                self._ids.insert(row, deal_id)
                self._keys.insert(row, key)
                self._pos = {d: i for i, d in enumerate(self._ids)}
                if shown:
                    self._loaded += 1
                    self.endInsertRows()
        finally:
            self._busy = False

    def row_of(self, deal_id: int) -> int | None:
        """The row of a deal, fetching pages until it is loaded; None if not in the column."""
        pos = self._pos.get(deal_id)
        if pos is None:
            return None
        while self._loaded <= pos:
            self.fetchMore(QModelIndex())
        return pos

    def card(self, row: int) -> CardFacts | None:
        """The card of a row, its rows read a block at a time (what a column shows and a
        little more: the first paint reads the cards it shows, not the page)."""
        deal_id = self._ids[row]
        card = self._cache.get(deal_id)
        if card is None:
            start = row - row % CARD_BLOCK
            block = [i for i in self._ids[start:start + CARD_BLOCK] if i not in self._cache]
            self._cache.update(self._load(block))
            card = self._cache.get(deal_id)
        return card

    # -- QAbstractItemModel -----------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._loaded

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or index.row() >= self._loaded:
            return None
        if role == IdRole:
            return self._ids[index.row()]
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole, CardRole,
                        Qt.ItemDataRole.AccessibleTextRole):
            return None
        card = self.card(index.row())
        if card is None:
            return None
        if role == CardRole:
            return card
        if role == Qt.ItemDataRole.ToolTipRole:
            lines = [card.title]
            if card.customer_name:
                lines.append(card.customer_name)
            if card.next_step:
                lines.append(card.next_step)
            return "\n".join(lines)
        return card.title

    def flags(self, index: Index) -> Qt.ItemFlag:
        # called for every painted card and each selection step: the flags are built once
        # (a Python enum's ``|`` costs more than the rest of the call)
        return CARD_FLAGS if index.isValid() else Qt.ItemFlag.ItemIsDropEnabled

    # -- drag and drop ----------------------------------------------------------------------
    def mimeTypes(self) -> list[str]:
        return [MIME_DEAL_IDS]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:
        rows = sorted({i.row() for i in indexes if i.isValid()})
        ids = [self._ids[r] for r in rows]
        data = encode_ids(ids)
        titles = [c.title for c in (self._cache.get(i) for i in ids) if c is not None]
        data.setText("\n".join(titles))
        return data

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def canDropMimeData(self, data: QMimeData, action: Qt.DropAction, row: int, column: int,
                        parent: Index) -> bool:
        ids = decode_ids(data)
        return bool(ids) and self._on_drop is not None and any(i not in self._pos for i in ids)

    def dropMimeData(self, data: QMimeData, action: Qt.DropAction, row: int, column: int,
                     parent: Index) -> bool:
        if action == Qt.DropAction.IgnoreAction:
            return True
        if not self.canDropMimeData(data, action, row, column, parent):
            return False
        ids = [i for i in decode_ids(data) if i not in self._pos]
        assert self._on_drop is not None
        self._on_drop(ids, self.stage_id)
        # The move is applied by the service and shown from its change event; returning
        # False keeps the source view from removing rows itself.
        return False
