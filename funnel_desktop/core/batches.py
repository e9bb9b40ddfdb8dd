"""Long id lists (or streams of rows) in batches of a bounded size: for ``IN (…)`` lists
within the database's limit of bound values, or to work through rows a few at a time."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from typing import TypeVar

T = TypeVar("T")


def chunks(items: Iterable[T], size: int) -> Iterator[list[T]]:
    """``items`` in lists of ``size`` (the last may be shorter; none for no items)."""
    if isinstance(items, Sequence):
        for i in range(0, len(items), size):
            yield list(items[i:i + size])
        return
    chunk: list[T] = []
    for item in items:
        chunk.append(item)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk
