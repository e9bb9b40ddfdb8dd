"""The open database's life in one window: opening, switching, recovery, backups and
restores, the check after the first paint, and following other writers' commits.

The window keeps the window: it asks the session to switch, and redraws when the session
says a database is open (:attr:`DatabaseSession.switched`).

Signals of :class:`DatabaseSession`:
    switched(): another database (or the same one, reopened) is open in the window.
    othersChanged(int): that many change-feed rows of other writers were shown.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QObject, QSettings, QTimer, Signal
from PySide6.QtWidgets import QMenu, QWidget

from ...core.errors import StoreError
from ...services import Services
from ...store import connection
from ...store.backup import (
    backup_now,
    backup_sqlite,
    default_backup_dir,
    restore_backup,
    rolling_backup,
)
from ...store.db import FileCheck, OpenedDatabase
from ...store.pipeline_rows import is_blank
from ..common import ask
from ..common.messages import error_text
from .db_problem_dialog import OPEN_OTHER, RESTORE
from .db_recovery import backup_on_open, backups_to_keep, open_with_recovery
from .live import LiveUpdates
from .setup_form import DatabaseSetup, set_up_database

if TYPE_CHECKING:
    from ..common.context import AppContext

MAX_RECENT = 8
#: Start the deferred database check this long after the window was shown if it has not
#: painted by then (e.g. started minimised), ms.
CHECK_FALLBACK_MS = 2000


class _DatabaseCheck(QObject):
    """``PRAGMA quick_check`` of the open file in a worker thread (a read-only connection of
    its own), then — only when the file is sound — the rolling backup taken on opening.

    Signals:
        done(object): the :class:`StoreError` found, or None (on the main thread).
    """

    done = Signal(object)

    def __init__(self, opened: OpenedDatabase, keep: int | None, parent: QObject) -> None:
        super().__init__(parent)
        assert opened.path is not None  # a file: server databases are not checked here
        self.path = opened.path
        self.location = opened.location
        self.keep = keep  # backups to keep; None: take none (read-only, or turned off)
        self.error: StoreError | None = None
        self.finished = False
        self.file_check = FileCheck(self.path)
        self.stopped = False  # the window closes or the file goes: cut short, no backup
        # not a daemon: a backup being written is finished before the process exits
        # (not named ``thread``: that would hide QObject.thread())
        self.worker = threading.Thread(target=self._work, name="database-check")

    def _work(self) -> None:
        error: StoreError | None = None
        try:
            self.file_check.run()
        except StoreError as err:
            error = err
        except Exception as exc:  # never a traceback from a thread: a check that failed
            error = StoreError("db_error", path=self.location, detail=str(exc))
        if error is None and self.keep and not self.stopped:
            with contextlib.suppress(Exception):  # a backup that cannot be made never stops
                rolling_backup(self.path, keep=self.keep)  # the user from working
        self.error, self.finished = error, True
        with contextlib.suppress(RuntimeError):  # the window is gone
            self.done.emit(error)


class _FirstPaint(QObject):
    """Calls ``then`` once, after ``widget`` has painted for the first time."""

    def __init__(self, widget: QWidget, then: Callable[[], None]) -> None:
        super().__init__(widget)
        self.then = then
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self.then)  # after the whole window has painted
        return False


def prepare_database(services: Services, lang: str) -> bool:
    """On a brand-new empty database, create the kept lists and the B2B six-stage pipeline;
    True if it did."""
    if not is_blank():
        return False
    services.seed_lists(lang)
    services.create_pipeline("b2b6", lang)
    return True


class DatabaseSession(QObject):
    """The database open in ``window`` (None: none yet) and everything about its life."""

    switched = Signal()
    othersChanged = Signal(int)

    def __init__(self, window: QWidget, ctx: AppContext, opened: OpenedDatabase | None,
                 settings: QSettings, lang: str,
                 may_leave: Callable[[], bool] = lambda: True) -> None:
        super().__init__(window)
        self.window, self.ctx, self.opened = window, ctx, opened
        self.settings, self.lang = settings, lang
        #: asked before another database replaces this one (unsaved edits)
        self.may_leave = may_leave
        #: other writers' commits, shown as they land (None: no database open)
        self.live: LiveUpdates | None = None
        self.check: _DatabaseCheck | None = None

    @property
    def services(self) -> Services:
        return self.ctx.services

    def status(self, text: str) -> None:
        bar = getattr(self.window, "statusBar", None)
        if bar is not None:
            bar().showMessage(text, 6000)

    def saved(self, path: Path, text: str) -> None:
        """Say a copy or backup was written, with Show in folder (the window's notice), or on
        the status bar of a window without one."""
        notice = getattr(self.window, "saved_notice", None)
        if notice is None:
            self.status(text)
        else:
            notice.show_saved(path, text, can_open=False)

    # -- following other writers ------------------------------------------------------------
    def stop_watching(self) -> None:
        if self.live is not None:
            self.live.stop()
            self.live.deleteLater()
            self.live = None

    def watch(self) -> None:
        """Follow the open database's change feed (another window, the command line, a
        team); the old database's watcher stops."""
        self.stop_watching()
        if self.opened is None:
            return
        try:
            self.live = LiveUpdates(self.opened.reopen_with, self.services.client,
                                    self.services.bus, self.window)
        except StoreError:
            return  # the window still works; it just does not see others' changes
        self.live.arrived.connect(self.othersChanged)

    def catch_up(self) -> None:
        """Back to the window: read others' commits at once."""
        if self.live is not None:
            self.live.poll(force=True)

    # -- opening ----------------------------------------------------------------------------
    def switch(self, location: str, create: bool = False,
               setup: DatabaseSetup | None = None) -> bool:
        """Open another database in this window; on failure keep the current one and say
        why. A blank database is set up as ``setup`` says (else with the B2B six stages)."""
        if not self.may_leave():
            return False
        old = self.opened
        opened = open_with_recovery(self.window, location, create=create)
        if opened is None:
            if old is not None:
                connection.make_current(old)
            return False
        if old is not None and not connection.same_database(old, opened):
            connection.close(old)
        self.opened = opened
        self.watch()
        backup_on_open(opened)
        if not opened.readonly:
            if setup is not None and is_blank():
                set_up_database(self.services, setup, self.lang)
            else:
                prepare_database(self.services, self.lang)
        self.ctx.read_settings()
        self.ctx.undo_stack.clear()
        self.remember_recent(opened.location)
        self.switched.emit()
        return True

    def new_database(self) -> None:
        """File ▸ New database: a file, then what it is set up with (the business's name,
        its currency and its sales stages)."""
        title = self.tr("New database")
        path = ask.save_path(self.window, title, str(Path.home() / "funnel.sqlite"),
                             self.tr("Funnel databases (*.sqlite *.db)"))
        if not path:
            return
        if Path(path).exists():
            ask.error(self.window, title,
                      self.tr("%1 already exists. Choose another name, or open it.")
                      .replace("%1", path))
            return
        from .new_database_dialog import NewDatabaseDialog

        dlg = NewDatabaseDialog(path, self.lang, self.window)
        ask.run_dialog(dlg)
        if not dlg.cancelled:
            self.switch(path, create=True, setup=dlg.setup())

    def open_dialog(self) -> None:
        folder = str(Path(self.opened.location).parent) if self.opened and \
            self.opened.is_sqlite else str(Path.home())
        path = ask.open_path(self.window, self.tr("Open database"), folder,
                             self.tr("Funnel databases (*.sqlite *.db);;All files (*)"))
        if path:
            self.switch(path)

    def recent(self) -> list[str]:
        value: Any = self.settings.value("recent", [])
        if isinstance(value, str):
            value = [value]
        return [str(v) for v in (value or [])]

    def remember_recent(self, location: str) -> None:
        """Put a database first in File ▸ Open recent."""
        items = [location] + [r for r in self.recent() if r != location]
        self.settings.setValue("recent", items[:MAX_RECENT])

    def fill_recent(self, menu: QMenu) -> None:
        menu.clear()
        items = self.recent()
        for loc in items:
            act = menu.addAction(loc)
            act.triggered.connect(lambda _c=False, p=loc: self.switch(p))
        if not items:
            menu.addAction(self.tr("(none yet)")).setEnabled(False)
        else:
            menu.addSeparator()
            menu.addAction(self.tr("Clear the list"),
                           lambda: self.settings.setValue("recent", []))

    # -- copies, backups, restores ------------------------------------------------------------
    def save_copy(self) -> Path | None:
        """Copy the open SQLite database to a file the user picks."""
        title = self.tr("Save a copy")
        if self.opened is None or not self.opened.is_sqlite or self.opened.path is None:
            ask.info(self.window, title,
                     self.tr("Only a database file can be copied; a server database is "
                             "backed up on the server."))
            return None
        src = self.opened.path
        suggested = str(src.with_name(src.stem + "-copy" + src.suffix))
        dest = ask.save_path(self.window, title, suggested,
                             self.tr("Funnel databases (*.sqlite *.db)"))
        if not dest:
            return None
        if Path(dest).resolve() == src.resolve():
            ask.error(self.window, title, self.tr("Choose another file than the open database."))
            return None
        failed: list[BaseException] = []
        out = self._long(title, lambda: backup_sqlite(src, dest), failed)
        if failed:
            err = failed[0]
            ask.error(self.window, title, error_text(err) if isinstance(err, StoreError) else
                      self.tr("The copy could not be written: %1").replace("%1", str(err)))
            return None
        if out is None:
            return None
        self.saved(out, self.tr("Saved a copy to %1").replace("%1", str(out)))
        return out

    def _long(self, title: str, work: Callable[[], Path], failed: list[BaseException]
              ) -> Path | None:
        """A copy or a backup through the operation runner (the window keeps painting); an
        OSError or a refusal lands in ``failed``."""
        def guarded() -> Path | None:
            try:
                return work()
            except OSError as err:
                failed.append(err)
                return None

        return self.ctx.run_long(self.window, title, guarded, undoable=False,
                                 on_error=failed.append)

    def _database_file(self, title: str) -> Path | None:
        if self.opened is None or not self.opened.is_sqlite or self.opened.path is None:
            ask.info(self.window, title, self.tr("Only a database file can be backed up here; "
                                                 "a server database is backed up on the "
                                                 "server."))
            return None
        return self.opened.path

    def backup_now(self) -> Path | None:
        """File ▸ Back up now: a time-stamped copy in the backups folder."""
        title = self.tr("Back up now")
        path = self._database_file(title)
        if path is None:
            return None
        failed: list[BaseException] = []
        out = self._long(title, lambda: backup_now(path), failed)
        if failed:
            err = failed[0]
            ask.error(self.window, title, error_text(err) if isinstance(err, StoreError)
                      else str(err))
            return None
        if out is None:
            return None
        self.saved(out, self.tr("Backed up to %1").replace("%1", str(out)))
        return out

    def restore_from_backup(self) -> bool:
        """File ▸ Restore from a backup: pick one, confirm, replace the database, reopen."""
        title = self.tr("Restore from a backup")
        path = self._database_file(title)
        if path is None:
            return False
        folder = default_backup_dir(path)
        chosen = ask.open_path(self.window, title, str(folder),
                               self.tr("Funnel databases (*.sqlite *.db)"))
        if not chosen:
            return False
        if not ask.confirm(self.window, title,
                           self.tr("Replace the open database with %1? A copy of the current "
                                   "database is kept in the backups folder first.")
                           .replace("%1", Path(chosen).name), self.tr("Restore")):
            return False
        assert self.opened is not None
        location = self.opened.location
        self._close_for_replacing()
        failed: list[BaseException] = []
        self.ctx.run_long(self.window, title, lambda: restore_backup(chosen, path),
                          cancellable=False, undoable=False, on_error=failed.append)
        if failed:
            ask.error(self.window, title, error_text(failed[0])
                      if isinstance(failed[0], StoreError) else str(failed[0]))
            self.switch(location)
            return False
        self.opened = None
        return self.switch(location)

    def _close_for_replacing(self) -> None:
        self.wait_check(stop=True)
        self.stop_watching()
        connection.close_connection()

    # -- the check after the first paint ----------------------------------------------------
    def check_later(self) -> None:
        """The checks a start leaves for after the first paint (``open_database`` with
        ``defer_check``): ``PRAGMA quick_check`` of the file in a worker thread, then the
        rolling backup when it is sound; a damaged file goes to :meth:`damaged`. Nothing to
        do for a server database."""
        opened = self.opened
        if opened is None or not opened.is_sqlite or opened.path is None:
            return
        keep = None if opened.readonly else backups_to_keep()
        self.wait_check(stop=True)
        check = self.check = _DatabaseCheck(opened, keep, self)
        check.done.connect(lambda error: self._checked(check, error))
        started = False

        def start() -> None:
            nonlocal started
            if not started and self.check is check:
                started = True
                check.worker.start()

        _FirstPaint(self.window, start)
        QTimer.singleShot(CHECK_FALLBACK_MS, check, start)  # never painted (minimised…)

    def check_pending(self) -> bool:
        """Whether the check after the first paint has not run to its end (not started, still
        running, or cut short) — a window that replaces this one must do it again."""
        return self.check is not None and (not self.check.finished or self.check.stopped)

    def wait_check(self, timeout: float | None = None, *, stop: bool = False
                   ) -> StoreError | None:
        """Wait for a running check, or with ``stop`` cut it short (before the file is
        closed or replaced; a backup being written is finished); what it found."""
        check = self.check
        if check is None:
            return None
        if stop:
            check.stopped = True
            check.file_check.cancel()
        if check.worker.is_alive():
            check.worker.join(timeout)
        return check.error

    def _checked(self, check: _DatabaseCheck, error: StoreError | None) -> None:
        if (error is None or check is not self.check or self.opened is None
                or self.opened.location != check.location):
            return  # sound, or another database is open by now
        if error.code == "db_corrupt":
            self.damaged(error)
        # anything else (e.g. locked by another program) only kept the check from running

    def damaged(self, err: StoreError) -> bool:
        """The open file turned out to be damaged after the window showed: the same
        database-problem dialog as at opening (restore a backup, open another file, quit).
        True when a sound database is open afterwards; else the window closes."""
        assert self.opened is not None
        location = self.opened.location
        choice = ask.db_problem(self.window, err, location)
        ok = False
        if choice.action == RESTORE and choice.path is not None:
            self._close_for_replacing()
            try:
                restore_backup(choice.path, location)
            except StoreError as restore_err:
                ask.error(self.window, self.tr("Restore from a backup"),
                          error_text(restore_err))
            self.opened = None
            ok = self.switch(location)  # checked again; asks again if still bad
        elif choice.action == OPEN_OTHER and choice.path is not None:
            ok = self.switch(str(choice.path))
        if not ok:
            self.window.close()
        return ok

    def close(self) -> None:
        """The window closes: stop following, let a backup being written finish."""
        self.stop_watching()
        self.wait_check(stop=True)


__all__ = ["DatabaseSession", "prepare_database"]
