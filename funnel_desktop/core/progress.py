"""How far long work has come, and the user's wish to stop it (no Qt, no SQL).

Long loops (an import's rows, an undo's rows, a backup's pages) call :func:`advance` now and
then; whoever started the work (the window's operation runner, a benchmark) installs a
:class:`Progress` with :func:`tracking` in the thread that does it, reads it from another
thread and may :meth:`Progress.cancel` it. Work that was cancelled raises :class:`Cancelled`
from the next :func:`advance`, inside its transaction, so nothing of it is kept.
Without a tracker :func:`advance` costs one attribute lookup.
"""

from __future__ import annotations

import itertools
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from .errors import FunnelError


class Cancelled(FunnelError):
    """The user stopped the work; everything it did was rolled back."""

    def __init__(self) -> None:
        super().__init__("cancelled")


class Progress:
    """Counts of one piece of work, safe to read from another thread (plain attributes)."""

    def __init__(self) -> None:
        self.phase = ""  # a key for the words shown (see the window's operation runner)
        self.done = 0
        self.total = 0  # 0: not known
        self.cancelled = False
        #: False while the work is past the point where stopping can undo it (a commit)
        self.cancellable = True

    def start(self, phase: str, total: int = 0) -> None:
        self.phase, self.done, self.total = phase, 0, total

    def cancel(self) -> None:
        self.cancelled = True

    @property
    def fraction(self) -> float | None:
        return min(1.0, self.done / self.total) if self.total else None


_local = threading.local()


def current() -> Progress | None:
    """The tracker of the work running in this thread, if any."""
    return getattr(_local, "progress", None)


@contextmanager
def tracking(progress: Progress) -> Iterator[Progress]:
    """Report this thread's :func:`advance` and :func:`phase` calls to ``progress``."""
    before = current()
    _local.progress = progress
    try:
        yield progress
    finally:
        _local.progress = before


def phase(name: str, total: int = 0) -> None:
    """A new phase of the work in this thread begins (``total`` steps, 0: not known)."""
    p = current()
    if p is not None:
        if p.cancelled and p.cancellable:
            raise Cancelled()
        p.start(name, total)


def advance(steps: int = 1) -> None:
    """``steps`` more are done; raises :class:`Cancelled` if the user asked to stop."""
    p = current()
    if p is not None:
        p.done += steps
        if p.cancelled and p.cancellable:
            raise Cancelled()
        time.sleep(0)  # hand the interpreter to the window if it waits for it


def checkpoint() -> None:
    """Raise :class:`Cancelled` if the user asked to stop (no step counted)."""
    advance(0)




def let_go(*containers: list[Any] | dict[Any, Any]) -> None:
    """Empty large lists and dicts a slice at a time. Freeing 100,000s of objects in one go
    is one step of the interpreter that holds it (and so the window, while a worker thread
    does it) for a third of a second; slices of 2,048 let the GUI thread in between."""
    for c in containers:
        if isinstance(c, list):
            while c:
                del c[-2048:]
        else:
            while c:
                for key in list(itertools.islice(c, 2048)):
                    del c[key]


__all__ = ["Cancelled", "Progress", "advance", "checkpoint", "current", "let_go", "phase",
           "tracking"]
