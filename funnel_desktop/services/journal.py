"""What became of the last write — committed or rolled back — so that an unexpected error can
honestly tell the user whether their last change was saved.

Every write of the services is one transaction (:meth:`Services.write`, the demo's bulk
insert); :func:`recorded` wraps the outermost one. An exception that leaves it marks itself
(the transaction was rolled back, nothing of it was written); an exception raised anywhere
else came after the last write had been decided, whichever way."""

from __future__ import annotations

import contextlib
import enum
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

#: The attribute a rolled-back write leaves on the exception that ended it (its label).
MARK = "_funnel_rolled_back"


@dataclass(frozen=True, slots=True)
class Write:
    """The last write: its action's label, whether it was committed, and when (epoch s)."""

    label: str
    committed: bool
    at: float


class Fate(enum.Enum):
    """What an unexpected error means for the user's last change."""

    SAVED = "saved"  # the last write was committed; the error came after it
    NOT_SAVED = "not_saved"  # the error (or the one before) rolled the write back
    NOTHING = "nothing"  # no write since the program started


_lock = threading.Lock()
_last: Write | None = None


def last() -> Write | None:
    with _lock:
        return _last


def _record(label: str, committed: bool) -> None:
    global _last
    with _lock:
        _last = Write(label, committed, time.time())


@contextmanager
def recorded(label: str) -> Iterator[None]:
    """Around one outermost write transaction: record its commit, or mark the exception that
    rolled it back."""
    try:
        yield
    except BaseException as exc:
        _record(label, False)
        with contextlib.suppress(AttributeError, TypeError):  # one without a __dict__
            setattr(exc, MARK, label or "write")
        raise
    _record(label, True)


def rolled_back_by(exc: BaseException) -> str | None:
    """The label of the write ``exc`` (or an exception it was raised from or during) rolled
    back, or None."""
    seen: set[int] = set()
    stack: list[BaseException | None] = [exc]
    while stack:
        e = stack.pop()
        if e is None or id(e) in seen:
            continue
        seen.add(id(e))
        label = getattr(e, MARK, None)
        if label is not None:
            return str(label)
        stack += [e.__cause__, e.__context__]
    return None


def fate(exc: BaseException) -> Fate:
    """Whether the user's last change was saved, as far as ``exc`` goes: not when ``exc``
    rolled a write back; else as the last write ended; NOTHING without any write."""
    if rolled_back_by(exc) is not None:
        return Fate.NOT_SAVED
    write = last()
    if write is None:
        return Fate.NOTHING
    return Fate.SAVED if write.committed else Fate.NOT_SAVED


def forget() -> None:
    """Start over as if nothing had been written (tests)."""
    global _last
    with _lock:
        _last = None
