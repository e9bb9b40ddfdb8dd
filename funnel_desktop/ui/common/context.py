"""What every panel of one window shares: services, the event bridge, undo, the operation
runner, formats, clock."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import TypeVar

from PySide6.QtCore import QSettings
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QApplication, QWidget

from ...core.classify import ClassThresholds
from ...core.dates import utcnow
from ...core.errors import FunnelError
from ...services import Outcome, Services
from . import ask
from .events import EventBridge
from .fmt import Formatter, apply_money_settings
from .messages import error_text
from .operations import OperationRunner
from .undo import push

T = TypeVar("T")


def _today() -> date:
    return date.today()


@dataclass
class AppContext:
    """Shared by the panels of one main window."""

    services: Services
    bridge: EventBridge
    undo_stack: QUndoStack
    fmt: Formatter
    settings: QSettings
    lang: str = "en"
    today: Callable[[], date] = _today
    now: Callable[[], datetime] = utcnow  # naive UTC, like the stored times
    thresholds: ClassThresholds = field(default_factory=ClassThresholds)
    default_idle_days: int | None = 30  # for stages without their own idle limit
    #: every user action runs through it (see :mod:`.operations`)
    runner: OperationRunner = field(init=False)

    def __post_init__(self) -> None:
        self.runner = OperationRunner(self.record, self.show_error, self.undo_stack)

    def run(self, parent: QWidget | None, label: str, work: Callable[[], T],
            undoable: bool = True, busy: bool = True,
            on_error: Callable[[FunnelError], None] | None = None) -> T | None:
        """Run a quick action (see :meth:`OperationRunner.run`)."""
        return self.runner.run(parent, label, work, undoable=undoable, busy=busy,
                               on_error=on_error)

    def run_long(self, parent: QWidget | None, label: str, work: Callable[[], T],
                 cancellable: bool = True, undoable: bool = True,
                 on_error: Callable[[FunnelError], None] | None = None) -> T | None:
        """Run long work off the GUI thread (see :meth:`OperationRunner.run_long`)."""
        return self.runner.run_long(parent, label, work, cancellable=cancellable,
                                    undoable=undoable, on_error=on_error)

    def read_settings(self) -> None:
        """Take the open database's settings every panel shares: the A/B/C/D thresholds, the
        default idle limit, the currency and 万."""
        from ...store.queries import class_thresholds
        from ...store.screen_queries import default_idle_days

        self.thresholds = class_thresholds()
        self.default_idle_days = default_idle_days()
        apply_money_settings(self.fmt)

    def refusal(self, what: str) -> str:
        """Why the logged-in person may not do ``what`` (delete, import, pipelines, lists,
        settings, targets) on a team server, in words; "" when they may (always, on a
        database file)."""
        from PySide6.QtCore import QCoreApplication

        role = self.services.role()
        if role == "admin" or (what == "targets" and role == "manager"):
            return ""
        translate = QCoreApplication.translate
        words = {"delete": translate("AppContext", "Only an admin may delete."),
                 "import": translate("AppContext", "Only an admin may import."),
                 "pipelines": translate("AppContext", "Only an admin may change pipelines."),
                 "lists": translate("AppContext", "Only an admin may change the kept lists."),
                 "settings": translate("AppContext", "Only an admin may change the settings."),
                 "targets": translate("AppContext",
                                      "Only an admin or a manager may set targets.")}
        return words.get(what, translate("AppContext", "Your role may not do this."))

    def allow(self, widget: object, what: str) -> None:
        """Enable an action or button when the person may do ``what``; else disable it with
        a tooltip that says why."""
        why = self.refusal(what)
        widget.setEnabled(not why)  # type: ignore[attr-defined]
        if why:
            widget.setToolTip(why)  # type: ignore[attr-defined]

    def record(self, outcome: Outcome, text: str) -> Outcome:
        """Put a finished action on the undo stack under ``text`` (already translated)."""
        push(self.undo_stack, self.services, outcome, text,
             on_error=lambda err: self.show_error(None, err),
             run_long=lambda label, work, on_error: self.runner.run_long(
                 self.window(), label, work, undoable=False, on_error=on_error))
        return outcome

    def window(self) -> QWidget | None:
        """The main window these panels are in (the undo stack's parent)."""
        parent = self.undo_stack.parent()
        return parent if isinstance(parent, QWidget) else QApplication.activeWindow()

    def show_error(self, parent: QWidget | None, err: FunnelError) -> None:
        from PySide6.QtCore import QCoreApplication

        ask.error(parent, QCoreApplication.translate("AppContext", "Funnel Desktop"),
                  error_text(err))
