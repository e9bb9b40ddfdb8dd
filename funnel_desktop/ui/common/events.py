"""The bridge from the services' event bus to a Qt signal."""

from __future__ import annotations

import contextlib
from collections.abc import Callable

from PySide6.QtCore import QObject, QThread, Signal

from ...services.events import Changes, EventBus


class EventBridge(QObject):
    """Re-emits every :class:`Changes` published on the bus.

    Changes published by a worker thread (the operation runner's long work) reach the
    receivers on the GUI thread, queued; the GUI thread's own arrive at once.

    Signals:
        changed(Changes): after each service action (and each undo/redo) has been committed.
    """

    changed = Signal(object)
    _from_worker = Signal(object)

    def __init__(self, bus: EventBus, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._unsubscribe: Callable[[], None] | None = bus.subscribe(self._relay)
        self.destroyed.connect(self._unsubscribe_quietly)
        self._from_worker.connect(self._relay_here)  # queued: the bridge lives on the GUI

    def _relay(self, changes: Changes) -> None:
        if QThread.currentThread() is self.thread():
            self.changed.emit(changes)
        else:
            self._from_worker.emit(changes)

    def _relay_here(self, changes: Changes) -> None:
        self.changed.emit(changes)

    def detach(self) -> None:
        """Stop relaying (called when the window closes)."""
        self._unsubscribe_quietly()

    def _unsubscribe_quietly(self, *_: object) -> None:
        if self._unsubscribe is not None:
            with contextlib.suppress(ValueError):
                self._unsubscribe()
            self._unsubscribe = None
