"""The app's icons, from the package's resources/icons."""

from __future__ import annotations

from PySide6.QtGui import QIcon

from ... import package_files


def icon(name: str) -> QIcon:
    """An icon of the package's icons folder (``MissingResource`` when it is missing)."""
    return QIcon(str(package_files.resource(f"icons/{name}")))
