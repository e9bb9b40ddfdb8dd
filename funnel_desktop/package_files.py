"""The files the package ships beside its code — translations, the style sheet, icons — found
through :mod:`importlib.resources`; a missing one is an error naming it, never a silent
fallback (an incomplete install would otherwise run unstyled and in English)."""

from __future__ import annotations

from pathlib import Path

from . import RESOURCES

#: Every file the app reads from ``RESOURCES`` (checked at start).
REQUIRED = (
    "translations/funnel_en.qm",
    "translations/funnel_zh_CN.qm",
    "styles/app.qss",
    *(f"icons/{name}.svg" for name in ("app", "arrow-down", "arrow-up", "calendar",
                                       "chevron-down", "minus", "palette", "plus",
                                       "settings")),
)


class MissingResource(RuntimeError):
    """A file of the package is not where it belongs: the installation is incomplete.

    Its message is in English and Chinese at once: without its files the app cannot know
    the translation to speak in."""

    def __init__(self, missing: list[str]) -> None:
        self.missing = missing
        where = ", ".join(str(RESOURCES / m) for m in missing)
        super().__init__(
            f"Funnel Desktop is incomplete: {len(missing)} of its files are missing ({where}). "
            "Install the program again.\n"
            f"销售漏斗管家安装不完整，缺少 {len(missing)} 个文件（{where}）。请重新安装本程序。")


def missing() -> list[str]:
    """The names (relative to ``RESOURCES``) of the required files that are not there."""
    return [name for name in REQUIRED if not (RESOURCES / name).is_file()]


def check() -> None:
    """Raise :class:`MissingResource` when any required file is missing."""
    gone = missing()
    if gone:
        raise MissingResource(gone)


def resource(name: str) -> Path:
    """The path of one shipped file (``"icons/plus.svg"``); :class:`MissingResource` if it is
    not there."""
    path = RESOURCES / name
    if not path.is_file():
        raise MissingResource([name])
    return path


__all__ = ["REQUIRED", "RESOURCES", "MissingResource", "check", "missing", "resource"]
