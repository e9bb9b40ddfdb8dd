"""Other writers' commits, shown in this window within a second: the change feed read when
the database says something changed, published on the window's bus as :class:`Changes` with
the :data:`REMOTE` initiator, so every panel refreshes what it shows the way it does after
this window's own actions (keeping selection, scroll and open editors)."""

from __future__ import annotations

import contextlib
import time

from PySide6.QtCore import QObject, QSocketNotifier, QTimer, Signal

from ...core.errors import StoreError
from ...services.events import REMOTE, Changes, EventBus
from ...store.feed import FeedEntry
from ...store.watch import FeedWatcher

#: How often a SQLite file is asked whether another connection committed, ms.
POLL_MS = 250
#: A server's catch-up read (a notification that was missed), ms.
CATCH_UP_MS = 5000
#: More entries than this at once become one "refresh everything they touched" event.
COALESCE = 4
#: The least time between two refreshes for others' changes, ms.
MIN_GAP_MS = 200


def changes_of(entries: list[FeedEntry]) -> list[Changes]:
    """The events a window publishes for these feed rows: one each, or — after a burst —
    one for all of them (no moves: the panels recompute once)."""
    if not entries:
        return []
    if len(entries) <= COALESCE:
        return [_one(e) for e in entries]
    kinds: set[str] = set()
    deals: set[int] = set()
    customers: set[int] = set()
    for e in entries:
        kinds |= e.kinds
        if e.deal_ids is None or e.customer_ids is None:
            kinds.add("all")
        deals |= e.deal_ids or set()
        customers |= e.customer_ids or set()
    last = entries[-1]
    return [Changes(frozenset(kinds), frozenset(deals), frozenset(customers), REMOTE, (),
                    last.by, last.at, last.action)]


def _one(e: FeedEntry) -> Changes:
    kinds = set(e.kinds)
    if e.deal_ids is None or e.customer_ids is None:
        kinds.add("all")
    return Changes(frozenset(kinds), e.deal_ids or frozenset(), e.customer_ids or frozenset(),
                   REMOTE, e.moves, e.by, e.at, e.action)


class LiveUpdates(QObject):
    """Watches the open database for other writers' commits (a timer on SQLite, the LISTEN
    socket on PostgreSQL) and publishes them on ``bus`` — at most one refresh every
    :data:`MIN_GAP_MS`, so a busy team never keeps the window busy: what arrives meanwhile is
    shown together.

    Signals:
        arrived(int): after publishing news, how many feed rows it held.
    """

    arrived = Signal(int)

    def __init__(self, location: str, client: str, bus: EventBus,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.bus = bus
        self.watcher = FeedWatcher(location, client)
        self._notifier: QSocketNotifier | None = None
        self._pending = False
        self._last = 0.0
        self._later = QTimer(self)
        self._later.setSingleShot(True)
        self._later.timeout.connect(self._publish)
        self._timer = QTimer(self)
        fd = self.watcher.fileno()
        if fd is None:
            self._timer.setInterval(POLL_MS)
            self._timer.timeout.connect(self._look)
        else:
            self._notifier = QSocketNotifier(fd, QSocketNotifier.Type.Read, self)
            self._notifier.activated.connect(lambda *_: self._look())
            self._timer.setInterval(CATCH_UP_MS)
            self._timer.timeout.connect(lambda: self.poll(force=True))
        self._timer.start()

    def _look(self) -> None:
        """Something may have been committed: publish now, or soon after the last time."""
        try:
            if self.watcher.changed():
                self._pending = True
        except StoreError:
            return  # locked for a moment, or the file went: the next look tries again
        if not self._pending:
            return
        wait = MIN_GAP_MS - (time.monotonic() - self._last) * 1000
        if wait <= 0:
            self._publish()
        elif not self._later.isActive():
            self._later.start(int(wait) + 1)

    def _publish(self) -> int:
        self._pending = False
        self._last = time.monotonic()
        try:
            entries = self.watcher.news(force=True)
        except StoreError:
            return 0
        for changes in changes_of(entries):
            self.bus.publish(changes)
        if entries:
            self.arrived.emit(len(entries))
        return len(entries)

    def poll(self, force: bool = False) -> int:
        """Read what others committed since the last look and publish it now (``force``:
        even without a sign of change); how many feed rows."""
        try:
            changed = self.watcher.changed()
        except StoreError:
            return 0
        if not (changed or force or self._pending):
            return 0
        self._later.stop()
        return self._publish()

    def stop(self) -> None:
        self._timer.stop()
        self._later.stop()
        if self._notifier is not None:
            self._notifier.setEnabled(False)
        with contextlib.suppress(Exception):
            self.watcher.close()
