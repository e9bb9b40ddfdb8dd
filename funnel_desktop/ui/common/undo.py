"""Undo/redo: a QUndoCommand that holds a service outcome's inverse."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QUndoCommand, QUndoStack

from ...core.errors import FunnelError
from ...services import Outcome, Restore, Services


class OutcomeCommand(QUndoCommand):
    """An action that already ran: undo applies its inverse, redo applies the inverse of that.

    ``on_error`` is told when the database refuses (the command then becomes obsolete)."""

    def __init__(self, services: Services, inverse: Restore, text: str,
                 on_error: Callable[[FunnelError], None] | None = None) -> None:
        super().__init__(text)
        self._services, self._inverse, self._on_error = services, inverse, on_error
        self._first = True

    def redo(self) -> None:
        if self._first:  # the action itself already ran
            self._first = False
            return
        self._swap()

    def undo(self) -> None:
        self._swap()

    def _swap(self) -> None:
        try:
            inverse = self._services.undo(self._inverse).inverse
            assert inverse is not None  # an undo's outcome always carries its redo
            self._inverse = inverse
        except FunnelError as err:
            self.setObsolete(True)
            if self._on_error is not None:
                self._on_error(err)


def push(stack: QUndoStack, services: Services, outcome: Outcome, text: str,
         on_error: Callable[[FunnelError], None] | None = None) -> None:
    """Put an outcome on the undo stack (nothing when the action has no inverse)."""
    if outcome.inverse is not None:
        stack.push(OutcomeCommand(services, outcome.inverse, text, on_error))
