"""The change event every service publishes once per user action."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime


@dataclass(frozen=True, slots=True)
class Changes:
    """What one action changed: kinds of things (``deals``, ``customers``, ``activities``,
    ``pipelines``, ``settings``, ``targets``, ``lists``, ``notes``, ``all``), which ids,
    and who started it (so that widget need not redraw twice)."""

    kinds: frozenset[str]
    deal_ids: frozenset[int] = field(default_factory=frozenset)
    customer_ids: frozenset[int] = field(default_factory=frozenset)
    initiator: object | None = None
    #: for stage moves: deal id → (old stage id, new stage id), lets panels update in O(1)
    moves: tuple[tuple[int, int, int], ...] = ()
    #: for a change another writer made (``initiator`` is :data:`REMOTE`): who, when (naive
    #: UTC) and the action's label, from the change feed
    by: str = ""
    at: datetime | None = None
    action: str = ""

    def touches(self, *kinds: str) -> bool:
        return "all" in self.kinds or any(k in self.kinds for k in kinds)


class _Remote:
    def __repr__(self) -> str:
        return "REMOTE"


#: The initiator of changes another window, process or person committed (read from the
#: change feed): no panel of this window started them.
REMOTE: object = _Remote()

Listener = Callable[[Changes], None]


class EventBus:
    """Plain publish/subscribe (the UI bridges it to a Qt signal)."""

    def __init__(self) -> None:
        self._listeners: list[Listener] = []

    def subscribe(self, listener: Listener) -> Callable[[], None]:
        self._listeners.append(listener)
        return lambda: self._listeners.remove(listener)

    def publish(self, changes: Changes) -> None:
        for listener in list(self._listeners):
            listener(changes)
