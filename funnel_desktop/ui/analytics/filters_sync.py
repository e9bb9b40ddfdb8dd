"""Keeping two filter bars (the board's and the Analytics page's) showing the same filters.

``FilterBar`` has no public way to take another bar's state without emitting once per filter,
so this copies its held values and search text and rebuilds its chips silently. Kept in one
place, with a test, so a change of ``FilterBar`` shows here first.
"""

from __future__ import annotations

from ..board.filters import FilterBar


def copy_filters(src: FilterBar, dst: FilterBar) -> bool:
    """Give ``dst`` the filters and search text of ``src`` without emitting ``changed``;
    True if anything changed."""
    same = (dst._values == src._values
            and dst.search.text() == src.search.text())
    if same:
        return False
    dst._values = dict(src._values)
    dst.search.blockSignals(True)
    dst.search.setText(src.search.text())
    dst.search.blockSignals(False)
    dst._debounce.stop()
    dst._rebuild_chips()
    return True
