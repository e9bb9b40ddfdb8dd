"""Opening a database the user's way: when it cannot be opened, ask what to do (restore a
backup, open another file, open read-only, retry, create) instead of failing."""

from __future__ import annotations

import contextlib
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from ...core.errors import FunnelError, StoreError
from ...store import pgpass
from ...store.backup import DEFAULT_KEEP, KEEP_SETTING, restore_backup, rolling_backup
from ...store.db import OpenedDatabase, is_url, open_database, with_password, without_password
from ...store.queries import get_setting
from ..common import ask
from ..common.messages import error_text
from .db_problem_dialog import CREATE, OPEN_OTHER, READ_ONLY, RESTORE, RETRY

#: Problems a login dialog can solve (another user or password).
LOGIN_PROBLEMS = ("db_login_failed", "db_password_needed", "db_no_access")


def open_with_recovery(parent: QWidget | None, location: str, *, create: bool = False,
                       attempts: int = 20, defer_check: bool = False) -> OpenedDatabase | None:
    """Open ``location``; on a problem, let the user choose a way out. None when they quit.
    Nothing is changed in a file that could not be opened. ``defer_check``: see
    ``open_database`` (the caller checks the file later)."""
    readonly = False
    connect, remember = location, None
    for _ in range(attempts):
        try:
            opened = open_database(connect, create=create, readonly=readonly,
                                   defer_check=defer_check)
        except StoreError as err:
            if is_url(location) and err.code in LOGIN_PROBLEMS:
                answer = ask.login(parent, without_password(location),
                                   "" if err.code == "db_password_needed"
                                   and connect == location else error_text(err))
                if answer is None:
                    return None
                connect = with_password(location, answer.user, answer.password)
                remember = answer if answer.remember else None
                continue
            choice = ask.db_problem(parent, err, location)
            if choice.action == RESTORE and choice.path is not None:
                try:
                    restore_backup(choice.path, location)
                except StoreError as restore_err:
                    ask.error(parent, QCoreApplication.translate("App", "Restore"),
                              error_text(restore_err))
            elif choice.action == OPEN_OTHER and choice.path is not None:
                location, readonly = str(choice.path), False
            elif choice.action == READ_ONLY:
                readonly = True
            elif choice.action == CREATE:
                create = True
            elif choice.action != RETRY:
                return None
            continue
        if remember is not None:  # only a password that worked is kept
            with contextlib.suppress(OSError):
                pgpass.remember(location, remember.user, remember.password)
        return opened
    return None


def backup_on_open(opened: OpenedDatabase) -> Path | None:
    """The rolling backup taken when a database file is opened (keep N, a setting)."""
    if not opened.is_sqlite or opened.readonly or opened.path is None:
        return None
    try:
        return rolling_backup(opened.path, keep=backups_to_keep())
    except (StoreError, OSError, ValueError):
        return None  # a backup that cannot be made never stops the user from working


def backups_to_keep() -> int:
    """How many rolling backups to keep: the setting, its default when it cannot be read."""
    try:
        return int(get_setting(KEEP_SETTING, DEFAULT_KEEP))
    except (FunnelError, ValueError, TypeError):
        return DEFAULT_KEEP
