"""The app's log: a rotating file in the data folder's ``logs/``, which uncaught exceptions
(``sys.excepthook``, ``threading.excepthook``) and Qt's own messages are written to. Every
line has the passwords of database URLs (``postgresql://ann:***@host/db``) and of connection
strings (``password=***``) masked."""

from __future__ import annotations

import contextlib
import logging
import logging.handlers
import sys
import threading
import traceback
from collections.abc import Callable
from pathlib import Path
from types import TracebackType
from typing import Any

from .core.errors import mask_secrets

LOG_NAME = "funnel-desktop.log"
MAX_BYTES = 1_000_000
BACKUPS = 3  # funnel-desktop.log.1 … .3: at most about 4 MB in all

log = logging.getLogger("funnel_desktop")

#: What :func:`on_uncaught` reports an exception to besides the log (the crash dialog):
#: ``report(exc, details)`` — ``details`` is the masked traceback.
Report = Callable[[BaseException, str], None]


class MaskingFormatter(logging.Formatter):
    """Formats a record (its message, arguments and traceback) and masks the secrets."""

    def format(self, record: logging.LogRecord) -> str:
        return mask_secrets(super().format(record))


FORMAT = "%(asctime)s %(levelname)-7s %(threadName)s %(name)s: %(message)s"


def log_file(folder: Path) -> Path:
    return folder / LOG_NAME


def setup(folder: Path, level: int = logging.INFO) -> Path:
    """Log to ``folder/funnel-desktop.log`` (rotating) from now on; again replaces the file
    handler this function added before. Returns the file."""
    folder.mkdir(parents=True, exist_ok=True)
    path = log_file(folder)
    handler = logging.handlers.RotatingFileHandler(path, maxBytes=MAX_BYTES,
                                                   backupCount=BACKUPS, encoding="utf-8",
                                                   delay=False)
    handler.setFormatter(MaskingFormatter(FORMAT))
    handler.set_name("funnel-desktop-file")
    root = logging.getLogger()
    shutdown()
    root.addHandler(handler)
    _levels.append(root.level)
    if root.level == logging.NOTSET or root.level > level:
        root.setLevel(level)
    return path


_levels: list[int] = []


def shutdown() -> None:
    """Stop writing the log file (its handler closed and removed, the level as before)."""
    root = logging.getLogger()
    for h in list(root.handlers):
        if h.get_name() == "funnel-desktop-file":
            root.removeHandler(h)
            h.close()
    if _levels:
        root.setLevel(_levels.pop())


def details(exc_type: type[BaseException], exc: BaseException,
            tb: TracebackType | None) -> str:
    """The traceback as text, its secrets masked."""
    return mask_secrets("".join(traceback.format_exception(exc_type, exc, tb)))


class Hooks:
    """``sys.excepthook``, ``threading.excepthook`` and Qt's message handler writing to the
    log (and an uncaught exception reported to ``report``); :meth:`remove` puts back what was
    there. Use as a context manager, or install once for the life of the program."""

    def __init__(self, report: Report | None = None, qt: bool = True) -> None:
        self.report = report
        self._sys_before = sys.excepthook
        self._thread_before = threading.excepthook
        self._qt_before: Any = None
        self._qt = qt
        sys.excepthook = self._sys_hook
        threading.excepthook = self._thread_hook
        if qt:
            from PySide6.QtCore import qInstallMessageHandler

            self._qt_before = qInstallMessageHandler(self._qt_message)

    def remove(self) -> None:
        sys.excepthook = self._sys_before
        threading.excepthook = self._thread_before
        if self._qt:
            from PySide6.QtCore import qInstallMessageHandler

            qInstallMessageHandler(self._qt_before)
            self._qt = False

    def __enter__(self) -> Hooks:
        return self

    def __exit__(self, *exc: object) -> None:
        self.remove()

    # -- the hooks --------------------------------------------------------------------------
    def _sys_hook(self, exc_type: type[BaseException], exc: BaseException,
                  tb: TracebackType | None) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            self._sys_before(exc_type, exc, tb)
            return
        self._uncaught(exc_type, exc, tb, "")

    def _thread_hook(self, args: threading.ExceptHookArgs) -> None:
        if args.exc_type is SystemExit or args.exc_value is None:
            return
        name = args.thread.name if args.thread is not None else "?"
        self._uncaught(args.exc_type, args.exc_value, args.exc_traceback,
                       f" in the thread {name}")

    def _uncaught(self, exc_type: type[BaseException], exc: BaseException,
                  tb: TracebackType | None, where: str) -> None:
        text = details(exc_type, exc, tb)
        log.error("unexpected error%s:\n%s", where, text.rstrip())
        with contextlib.suppress(OSError, AttributeError, ValueError):  # a windowed app
            sys.stderr.write(text)  # has no console
        if self.report is not None:
            try:
                self.report(exc, text)
            except Exception:
                log.exception("the error could not be shown")

    def _qt_message(self, mode: Any, context: Any, message: str) -> None:
        from PySide6.QtCore import QtMsgType

        level = {QtMsgType.QtDebugMsg: logging.DEBUG, QtMsgType.QtInfoMsg: logging.INFO,
                 QtMsgType.QtWarningMsg: logging.WARNING,
                 QtMsgType.QtCriticalMsg: logging.ERROR,
                 QtMsgType.QtFatalMsg: logging.CRITICAL}.get(mode, logging.WARNING)
        where = f" ({context.file}:{context.line})" if getattr(context, "file", None) else ""
        logging.getLogger("qt").log(level, "%s%s", message, where)
        if self._qt_before is not None:
            self._qt_before(mode, context, message)
        elif level >= logging.WARNING:
            with contextlib.suppress(OSError, AttributeError, ValueError):
                sys.stderr.write(mask_secrets(f"{message}\n"))


__all__ = ["Hooks", "MaskingFormatter", "details", "log_file", "mask_secrets", "setup",
           "shutdown"]
