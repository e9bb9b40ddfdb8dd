"""Standard shortcuts with a fallback for platforms whose theme defines none (offscreen, bare
X11 window managers): the usual key stays the same everywhere."""

from __future__ import annotations

from PySide6.QtGui import QKeySequence


def standard_keys(key: QKeySequence.StandardKey, fallback: str) -> list[QKeySequence]:
    """The platform's bindings of ``key``; ``fallback`` (e.g. ``Ctrl+,``) when it has none."""
    keys = list(QKeySequence.keyBindings(key))
    return keys or [QKeySequence(fallback)]


def preferences_keys() -> list[QKeySequence]:
    """Settings…: the platform's Preferences shortcut, else Ctrl+, as most desktop apps use."""
    return standard_keys(QKeySequence.StandardKey.Preferences, "Ctrl+,")


def quit_keys() -> list[QKeySequence]:
    return standard_keys(QKeySequence.StandardKey.Quit, "Ctrl+Q")
