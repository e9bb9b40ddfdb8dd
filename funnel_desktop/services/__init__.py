"""The only writers: each user action is one validated transaction and one change event."""

from .api import Outcome, Services
from .events import Changes, EventBus
from .undo import Restore

__all__ = ["Changes", "EventBus", "Outcome", "Restore", "Services"]
