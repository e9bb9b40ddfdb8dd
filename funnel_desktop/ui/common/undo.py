"""Undo/redo: a QUndoCommand that holds a service outcome's inverse."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QTimer
from PySide6.QtGui import QUndoCommand, QUndoStack

from ...core.errors import FunnelError
from ...core.progress import Cancelled
from ...services import Outcome, Restore, Services

#: An undo or redo that changes at least this many rows runs as long work (a worker thread
#: behind a progress dialog with Cancel) instead of on the GUI thread.
LONG_UNDO_ROWS = 2000

#: Runs long work: label, work, what to do with a refusal → its result, None when refused
#: or cancelled (see :meth:`~.operations.OperationRunner.run_long`).
LongRunner = Callable[[str, Callable[[], Outcome], Callable[[FunnelError], None]],
                      Outcome | None]


def size(inverse: Restore) -> int:
    """How many rows applying ``inverse`` touches."""
    return sum(len(c.ids) for c in inverse.created) + len(inverse.rows)


class OutcomeCommand(QUndoCommand):
    """An action that already ran: undo applies its inverse, redo applies the inverse of that.

    ``on_error`` is told when the database refuses (the command then becomes obsolete). A
    large inverse runs through ``run_long``; when the user cancels it, nothing changed and the
    stack steps back to where it was."""

    def __init__(self, services: Services, inverse: Restore, text: str,
                 on_error: Callable[[FunnelError], None] | None = None,
                 run_long: LongRunner | None = None, stack: QUndoStack | None = None
                 ) -> None:
        super().__init__(text)
        self._services, self._inverse, self._on_error = services, inverse, on_error
        self._run_long, self._stack = run_long, stack
        self._first = True
        self._skip = False  # the next call only puts the stack back after a Cancel

    def redo(self) -> None:
        if self._first:  # the action itself already ran
            self._first = False
            return
        self._swap(undoing=False)

    def undo(self) -> None:
        self._swap(undoing=True)

    def _swap(self, undoing: bool) -> None:
        if self._skip:
            self._skip = False
            return
        if self._run_long is not None and size(self._inverse) >= LONG_UNDO_ROWS:
            refused: list[FunnelError] = []
            inverse = self._inverse
            out = self._run_long(self.text(), lambda: self._services.undo(inverse),
                                 refused.append)
            if out is not None:
                self._inverse = out.inverse  # type: ignore[assignment]
            elif refused and not isinstance(refused[0], Cancelled):
                self._refused(refused[0])
            else:
                self._cancelled(undoing)
            return
        try:
            self._inverse = self._services.undo(self._inverse).inverse  # type: ignore[assignment]
        except FunnelError as err:
            self._refused(err)

    def _refused(self, err: FunnelError) -> None:
        self.setObsolete(True)
        if self._on_error is not None:
            self._on_error(err)

    def _cancelled(self, undoing: bool) -> None:
        stack = self._stack
        if stack is None:
            return
        self._skip = True
        QTimer.singleShot(0, stack.redo if undoing else stack.undo)


def push(stack: QUndoStack, services: Services, outcome: Outcome, text: str,
         on_error: Callable[[FunnelError], None] | None = None,
         run_long: LongRunner | None = None) -> None:
    """Put an outcome on the undo stack (nothing when the action has no inverse)."""
    if outcome.inverse is not None:
        stack.push(OutcomeCommand(services, outcome.inverse, text, on_error, run_long, stack))
