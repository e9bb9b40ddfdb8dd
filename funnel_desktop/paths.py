"""Where the app keeps its files by default (the user's data folder, via QStandardPaths)."""

from __future__ import annotations

import os
from pathlib import Path

APP_NAME = "FunnelDesktop"
ORG_NAME = "FunnelDesktop"


def data_dir() -> Path:
    """The per-user data folder (``FUNNEL_DESKTOP_HOME`` overrides it, e.g. in tests)."""
    override = os.environ.get("FUNNEL_DESKTOP_HOME")
    if override:
        return Path(override)
    from PySide6.QtCore import QCoreApplication, QStandardPaths

    QCoreApplication.setOrganizationName(ORG_NAME)
    QCoreApplication.setApplicationName(APP_NAME)
    location = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
    return Path(location or Path.home() / ".funnel-desktop")


def default_db_path() -> Path:
    """The embedded SQLite database used when no other is chosen."""
    return data_dir() / "funnel.sqlite"


def backup_dir() -> Path:
    return data_dir() / "backups"
