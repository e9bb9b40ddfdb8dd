"""What the commands' text output shares: the language it is written in, the app's number
formats, and columns that line up when cells hold Chinese (wide) characters.

Texts go through ``QCoreApplication.translate`` with English sources, like the rest of the
app; :func:`funnel_desktop.cli.main` installs the translators of the chosen language around
building the parser and running the command."""

from __future__ import annotations

import os
import sys
import unicodedata

from PySide6.QtCore import QCoreApplication

from ..locale_format import database_formatter as formatter
from ..texts.health import fill

__all__ = [
    "default_language",
    "ensure_application",
    "fill",
    "formatter",
    "left",
    "right",
    "table",
    "translate",
    "width",
]

translate = QCoreApplication.translate

#: The app's stored language preference (QSettings key of ui/common/language.LANGUAGE_KEY,
#: repeated here so that the commands do not import the widgets).
LANGUAGE_KEY = "ui/language"


def width(text: str) -> int:
    """Terminal columns of ``text``: wide and full-width characters (CJK) take two."""
    return sum(2 if unicodedata.east_asian_width(c) in ("W", "F") else
               0 if unicodedata.combining(c) else 1 for c in text)


def left(text: object, columns: int) -> str:
    """``text`` padded on the right to ``columns`` terminal columns."""
    s = str(text)
    return s + " " * max(0, columns - width(s))


def right(text: object, columns: int) -> str:
    """``text`` padded on the left to ``columns`` terminal columns."""
    s = str(text)
    return " " * max(0, columns - width(s)) + s


def default_language() -> str:
    """``zh`` or ``en`` when ``--lang`` is not given: the app's stored preference, else the
    system locale's."""
    from PySide6.QtCore import QSettings

    from ..i18n import normalise
    from ..paths import APP_NAME, ORG_NAME

    stored = QSettings(ORG_NAME, APP_NAME).value(LANGUAGE_KEY, "")
    return normalise(str(stored or ""))


def ensure_application(gui: bool = False) -> None:
    """An application object for the translators (a QGuiApplication when ``gui``: painting a
    report needs one; headless runs then use the offscreen platform)."""
    if QCoreApplication.instance() is not None:
        return
    if gui:
        from PySide6.QtGui import QGuiApplication

        if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
            os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        QGuiApplication(sys.argv[:1])
    else:
        QCoreApplication(sys.argv[:1])


def table(heads: list[str], rows: list[list[str]], first: int = 24, other: int = 0
          ) -> list[str]:
    """Lines of a table: the first column left-aligned, the others right-aligned, every
    column as wide as its widest cell (at least ``first`` / ``other``) in terminal columns."""
    cells = [heads, *rows]
    widths = [max([first] + [width(r[0]) + 2 for r in cells])]
    for i in range(1, len(heads)):
        widths.append(max([other] + [width(r[i]) + 2 for r in cells]))
    out = []
    for r in cells:
        out.append((left(r[0], widths[0])
                    + "".join(right(c, w) for c, w in zip(r[1:], widths[1:], strict=True)))
                   .rstrip())
    return out
