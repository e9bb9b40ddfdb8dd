"""The one place a user action runs (after Anki's ``CollectionOp``).

:meth:`OperationRunner.run` runs a quick action on the GUI thread under a busy cursor, puts
its outcome on the undo stack and turns a refusal into a message in the user's language.
:meth:`OperationRunner.run_long` runs long work — an import, the undo of one, a restore, a
backup, an export — in a worker thread with a connection of its own, behind a modal
progress dialog whose Cancel stops it inside its transaction (so nothing of it is kept);
the window keeps painting meanwhile. Anything unexpected is left to the crash handler.

Signals of :class:`OperationRunner`:
    started(str): an operation of that label began.
    finished(str, bool): it ended; True when it was carried out.
"""

from __future__ import annotations

import contextlib
import gc
import sys
import threading
import time
from collections.abc import Callable
from typing import Any, TypeVar

from PySide6.QtCore import QCoreApplication, QEventLoop, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QApplication, QProgressDialog, QWidget

from ...core import progress as P
from ...core.errors import FunnelError
from ...services import Outcome
from ...store import connection
from . import ask
from .messages import error_text

T = TypeVar("T")

#: How often the progress dialog reads the work's counts, ms.
POLL_MS = 100
#: The interpreter's thread switch interval while long work runs, s (Python's default is
#: 0.005): the GUI thread gets its turn sooner.
SWITCH_S = 0.001


def _phase_words(phase: str) -> str:
    translate = QCoreApplication.translate
    return {"read": translate("Operations", "Reading the file…"),
            "check": translate("Operations", "Checking the rows…"),
            "write": translate("Operations", "Writing…"),
            "undo": translate("Operations", "Taking it back…"),
            "copy": translate("Operations", "Copying the database…"),
            "verify": translate("Operations", "Checking the copy…"),
            "export": translate("Operations", "Writing the file…"),
            "commit": translate("Operations", "Saving…")}.get(phase, "")


class _Done(QObject):
    """Tells the GUI thread that a worker has finished (a queued signal)."""

    finished = Signal()


class OperationRunner(QObject):
    """Runs the window's actions; see the module's docstring."""

    started = Signal(str)
    finished = Signal(str, bool)

    def __init__(self, record: Callable[[Outcome, str], Outcome],
                 show_error: Callable[[QWidget | None, FunnelError], None],
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._record, self._show_error = record, show_error
        #: the longest time the GUI thread went without an event during the last long
        #: operation, s (the benchmark reads it)
        self.longest_stall = 0.0
        self.running: str | None = None

    # -- quick ------------------------------------------------------------------------------
    def run(self, parent: QWidget | None, label: str, work: Callable[[], T], *,
            undoable: bool = True, busy: bool = True,
            on_error: Callable[[FunnelError], None] | None = None) -> T | None:
        """Run ``work`` now, under a busy cursor unless not ``busy`` (a drop: milliseconds).
        An :class:`Outcome` it returns goes on the undo stack as ``label`` (unless not
        ``undoable``); a refusal is shown (or handed to ``on_error``) and None returned."""
        self.started.emit(label)
        if busy:
            QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            result = work()
        except FunnelError as err:
            if busy:
                QApplication.restoreOverrideCursor()
            self._fail(parent, label, err, on_error)
            return None
        if busy:
            QApplication.restoreOverrideCursor()
        if undoable and isinstance(result, Outcome):
            self._record(result, label)
        self.finished.emit(label, True)
        return result

    # -- long -------------------------------------------------------------------------------
    def run_long(self, parent: QWidget | None, label: str, work: Callable[[], T], *,
                 cancellable: bool = True, undoable: bool = True,
                 on_error: Callable[[FunnelError], None] | None = None) -> T | None:
        """Run ``work`` in a worker thread behind a modal progress dialog and return what it
        returned; None after a refusal (shown, or handed to ``on_error``) or a Cancel (only
        handed to ``on_error``, as :class:`~funnel_desktop.core.progress.Cancelled`).
        ``work`` uses the database through the models as usual: the thread gets a connection
        of its own, closed when it ends."""
        self.started.emit(label)
        tracker = P.Progress()
        tracker.cancellable = cancellable
        box: dict[str, Any] = {}
        done = _Done()
        loop = QEventLoop()
        done.finished.connect(loop.quit, Qt.ConnectionType.QueuedConnection)

        def worker() -> None:
            try:
                with P.tracking(tracker):
                    box["value"] = work()
            except BaseException as exc:  # handed to the GUI thread, which decides
                box["error"] = exc
            finally:
                with contextlib.suppress(Exception):
                    connection.close_connection()  # this thread's own connection
                with contextlib.suppress(RuntimeError):
                    done.finished.emit()

        dialog = self._dialog(parent, label, tracker)
        timer = QTimer(self)
        timer.setInterval(POLL_MS)
        stall = _StallMeter()
        def poll() -> None:
            stall.tick()
            self._show(dialog, tracker)

        timer.timeout.connect(poll)
        thread = threading.Thread(target=worker, name="operation", daemon=True)
        self.running = label
        stall.tick()
        # No cyclic collection while the work builds its 100,000s of objects: a full one
        # would hold the interpreter (and so the window) for a third of a second. What the
        # work leaves is frozen afterwards, so later collections do not scan it either.
        collecting, switch = gc.isenabled(), sys.getswitchinterval()
        gc.disable()
        sys.setswitchinterval(SWITCH_S)
        try:
            thread.start()
            timer.start()
            dialog.show()  # at once: modal, so no other action starts meanwhile
            if thread.is_alive():
                loop.exec()  # the window paints and answers while the work runs
            thread.join()
        finally:
            sys.setswitchinterval(switch)
            gc.freeze()
            if collecting:
                gc.enable()
        timer.stop()
        timer.deleteLater()
        stall.tick()
        self.longest_stall = stall.longest
        self.running = None
        dialog.hide()
        dialog.deleteLater()
        done.deleteLater()
        if "error" in box:
            err = box["error"]
            if isinstance(err, P.Cancelled):  # the user asked for it: no message box
                if on_error is not None:
                    on_error(err)
                self.finished.emit(label, False)
                return None
            if isinstance(err, FunnelError):
                self._fail(parent, label, err, on_error)
                return None
            raise err  # unexpected: the crash handler's
        result = box.get("value")
        if undoable and isinstance(result, Outcome):
            self._record(result, label)
        self.finished.emit(label, True)
        return result

    def _dialog(self, parent: QWidget | None, label: str, tracker: P.Progress
                ) -> QProgressDialog:
        dialog = QProgressDialog(parent)
        dialog.setObjectName("operationProgress")
        dialog.setWindowTitle(label)
        dialog.setLabelText(label)
        dialog.setWindowModality(Qt.WindowModality.WindowModal if parent is not None
                                 else Qt.WindowModality.ApplicationModal)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        dialog.setMinimumDuration(0)
        dialog.setMinimumWidth(420)
        dialog.setRange(0, 0)
        dialog.setCancelButtonText(self.tr("Cancel"))
        if not tracker.cancellable:
            dialog.setCancelButton(None)
        dialog.canceled.connect(lambda: self._cancel(dialog, tracker))
        dialog.hide()
        return dialog

    def _cancel(self, dialog: QProgressDialog, tracker: P.Progress) -> None:
        tracker.cancel()
        dialog.setLabelText(self.tr("Stopping… nothing of it will be kept."))

    @staticmethod
    def _show(dialog: QProgressDialog, tracker: P.Progress) -> None:
        if tracker.cancelled:
            return
        words = _phase_words(tracker.phase)
        if words:
            dialog.setLabelText(words)
        fraction = tracker.fraction
        if fraction is None:
            if dialog.maximum() != 0:
                dialog.setRange(0, 0)
        else:
            if dialog.maximum() != 1000:
                dialog.setRange(0, 1000)
            dialog.setValue(int(fraction * 1000))

    def _fail(self, parent: QWidget | None, label: str, err: FunnelError,
              on_error: Callable[[FunnelError], None] | None) -> None:
        if on_error is not None:
            on_error(err)
        else:
            self._show_error(parent, err)
        self.finished.emit(label, False)


class _StallMeter:
    """The longest gap between two ticks of a timer on the GUI thread."""

    def __init__(self) -> None:
        self.last = time.perf_counter()
        self.longest = 0.0

    def tick(self) -> None:
        now = time.perf_counter()
        # a timer that fires every POLL_MS is late by the stall
        self.longest = max(self.longest, now - self.last - POLL_MS / 1000)
        self.last = now


__all__ = ["OperationRunner"]


def runner_for(parent: QWidget | None,
               record: Callable[[Outcome, str], object] | None = None) -> OperationRunner:
    """The runner a dialog's actions go through: its window's (``parent.ctx.runner``, which
    puts outcomes on that window's undo stack), or — for a dialog on its own — one that
    hands outcomes to ``record`` (if any) and shows refusals in a message box."""
    ctx = getattr(parent, "ctx", None)
    runner = getattr(ctx, "runner", None)
    if isinstance(runner, OperationRunner) and record is None:
        return runner

    def keep(outcome: Outcome, text: str) -> Outcome:
        if record is not None:
            record(outcome, text)
        return outcome

    def show(where: QWidget | None, err: FunnelError) -> None:
        ask.error(where, QCoreApplication.translate("AppContext", "Funnel Desktop"),
                  error_text(err))

    return OperationRunner(keep, show, parent)

