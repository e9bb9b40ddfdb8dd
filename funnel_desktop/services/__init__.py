"""The only writers: each user action is one validated transaction and one change event."""

from .api import Base, EditConflict, Outcome, Restore, Services
from .changeset import UndoConflict
from .events import Changes, EventBus

__all__ = ["Base", "Changes", "EditConflict", "EventBus", "Outcome", "Restore", "Services",
           "UndoConflict"]
