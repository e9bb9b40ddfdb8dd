"""The app's icons, from resources/icons."""

from __future__ import annotations

from PySide6.QtGui import QIcon

from ... import RESOURCES


def icon(name: str) -> QIcon:
    """An icon from resources/icons (an empty icon if it is missing)."""
    path = RESOURCES / "icons" / name
    return QIcon(str(path)) if path.exists() else QIcon()
