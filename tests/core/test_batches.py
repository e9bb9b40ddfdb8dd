"""Batches of a bounded size, from a list or from a stream."""

from __future__ import annotations

from funnel_desktop.core.batches import chunks


def test_lists_and_streams_split_alike() -> None:
    assert list(chunks([1, 2, 3, 4, 5], 2)) == [[1, 2], [3, 4], [5]]
    assert list(chunks(iter([1, 2, 3, 4, 5]), 2)) == [[1, 2], [3, 4], [5]]
    assert list(chunks((1, 2, 3, 4), 2)) == [[1, 2], [3, 4]]
    assert list(chunks([], 3)) == [] and list(chunks(iter(()), 3)) == []
