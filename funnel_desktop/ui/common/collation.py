"""The order names are shown in: Chinese by pinyin (阿里 < 东方 < 华信 < 上海), Latin letters
A to Z whatever their case or accents, numbers by value (分店2 < 分店10) — the mainland Chinese
collation of Qt's ICU, in either language of the app (the names are the business's, not the
app's), so a list reads the same in 中文 and English.

The store hands names over in the database's byte order; screens sort them here. A collation
key is a Qt object whose comparisons go through Python (measured: 0.7–0.9 s to sort 40,000
distinct names the first time), so :data:`NAMES` keeps every name it has seen in collated
order and hands out ranks (plain ints): a list of known names then sorts as fast as ints do
(40–90 ms for 40,000), and a new name or two is put in place by binary search."""

from __future__ import annotations

import bisect
from collections.abc import Callable, Iterable, Sequence
from typing import TypeVar

from PySide6.QtCore import QCollator, QCollatorSortKey, QLocale

T = TypeVar("T")
#: Up to this many new names are inserted one by one (else the whole list is sorted again).
FEW = 64


class NameOrder:
    """Ranks of names in the collated order (equal names, equal rank)."""

    def __init__(self, locale: QLocale | None = None) -> None:
        self._collator = QCollator(locale or QLocale(QLocale.Language.Chinese,
                                                     QLocale.Country.China))
        self._collator.setNumericMode(True)
        self._keys: dict[str, QCollatorSortKey] = {}
        self._ordered: list[str] = []
        self._rank: dict[str, int] = {}

    def _key(self, text: str) -> QCollatorSortKey:
        key = self._keys.get(text)
        if key is None:
            key = self._keys[text] = self._collator.sortKey(text)
        return key

    def ranks(self, texts: Iterable[str]) -> dict[str, int]:
        """name → rank for every name of ``texts`` (and every name seen before)."""
        new = {t for t in texts if t not in self._rank}
        if not new:
            return self._rank
        if len(new) <= FEW:  # a name or two more: a binary search each
            for t in new:
                bisect.insort(self._ordered, t, key=self._key)
        else:
            self._ordered = sorted([*self._ordered, *new], key=self._key)
        self._rank = {t: i for i, t in enumerate(self._ordered)}
        return self._rank

    def sorted(self, items: Iterable[T], name: Callable[[T], str],
               reverse: bool = False) -> list[T]:
        """``items`` by their names (stable: equal names keep their order, also reversed)."""
        items = list(items)
        rank = self.ranks(name(i) for i in items)
        return sorted(items, key=lambda i: rank[name(i)], reverse=reverse)

    def names(self, pairs: Sequence[tuple[int, str]]) -> list[tuple[int, str]]:
        """(id, name) pairs by name — a kept list as the store returns it."""
        return self.sorted(pairs, lambda p: p[1])


#: The app's one order of names (the ranks it has made are kept for the process).
NAMES = NameOrder()


def kept_names(kind: str) -> list[tuple[int, str]]:
    """(id, name) of every ``owner``, ``team``, ``region`` or ``source``, in :data:`NAMES`'
    order (the store's :func:`~funnel_desktop.store.kept_lists.names`, sorted for a screen)."""
    from ...store import kept_lists

    return NAMES.names(kept_lists.names(kind))
