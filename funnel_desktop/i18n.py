"""Loading translations (ours and Qt's own) for a language, and the language to start in."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from . import RESOURCES, package_files

TRANSLATIONS = RESOURCES / "translations"
#: Our compiled Chinese translation, relative to ``RESOURCES``.
CHINESE = "translations/funnel_zh_CN.qm"
LANGUAGES = ("en", "zh")


def system_language() -> str:
    """``zh`` when the system locale is Chinese, else ``en``."""
    return "zh" if QLocale.system().language() == QLocale.Language.Chinese else "en"


def normalise(lang: str | None) -> str:
    if not lang:
        return system_language()
    return "zh" if lang.lower().startswith("zh") else "en"


def load_translators(lang: str) -> list[QTranslator]:
    """Translators for ``lang`` (empty for English, the source language); ours missing or
    unreadable is :class:`~.package_files.MissingResource` (Qt's own are a bonus)."""
    if normalise(lang) != "zh":
        return []
    ours = QTranslator()
    if not ours.load(str(package_files.resource(CHINESE))):
        raise package_files.MissingResource([CHINESE])
    out = [ours]
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    qt = QTranslator()
    if qt.load("qtbase_zh_CN", qt_dir):
        out.append(qt)
    return out


def widget_locale(lang: str) -> QLocale:
    """The default locale for widgets in ``lang`` (month and day names of date pickers):
    Chinese for ``zh``; for ``en`` the system's own unless that is Chinese, then US English
    (the locales of :class:`funnel_desktop.locale_format.Formatter`)."""
    if normalise(lang) == "zh":
        return QLocale(QLocale.Language.Chinese, QLocale.Country.China)
    system = QLocale.system()
    if system.language() == QLocale.Language.Chinese:
        return QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)
    return system


class Translation:
    """The application's current language; ``switch`` replaces the installed translators
    and sets the default locale of the widgets made after it."""

    def __init__(self) -> None:
        self.lang = "en"
        self._installed: list[QTranslator] = []

    def switch(self, lang: str | None) -> str:
        app = QCoreApplication.instance()
        for t in self._installed:
            app.removeTranslator(t)
        self.lang = normalise(lang)
        self._installed = load_translators(self.lang)
        for t in self._installed:
            app.installTranslator(t)
        QLocale.setDefault(widget_locale(self.lang))
        return self.lang


@contextmanager
def language(lang: str) -> Iterator[str]:
    """Temporarily add the translators of ``lang`` (e.g. a Chinese report from an English
    window); English temporarily hides any installed translation by an identity layer."""
    app = QCoreApplication.instance()
    added = load_translators(lang)
    identity = None
    if normalise(lang) == "en":
        identity = _Identity()
        added = [identity]
    for t in added:
        app.installTranslator(t)
    try:
        yield normalise(lang)
    finally:
        for t in added:
            app.removeTranslator(t)


class _Identity(QTranslator):
    """Answers every lookup with the English source text (installed last, asked first)."""

    def translate(self, context: str, source: str, disambiguation: str | None = None,
                  n: int = -1) -> str:
        return source

    def isEmpty(self) -> bool:
        return False
