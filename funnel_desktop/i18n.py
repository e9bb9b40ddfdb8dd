"""Loading translations (ours and Qt's own) for a language, and the language to start in."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from . import RESOURCES, package_files

TRANSLATIONS = RESOURCES / "translations"
#: Our compiled Chinese translation, relative to ``RESOURCES``.
CHINESE = "translations/funnel_zh_CN.qm"
#: The English plural forms of counted texts, relative to ``RESOURCES``.
ENGLISH = "translations/funnel_en.qm"
LANGUAGES = ("en", "zh")


def system_language() -> str:
    """``zh`` when the system locale is Chinese, else ``en``."""
    return "zh" if QLocale.system().language() == QLocale.Language.Chinese else "en"


def normalise(lang: str | None) -> str:
    if not lang:
        return system_language()
    return "zh" if lang.lower().startswith("zh") else "en"


def english_plurals() -> QTranslator:
    """The singular and plural of each counted (``%n``) text in English, the source language
    (nothing else: every other English text is its source); missing or unreadable is
    :class:`~.package_files.MissingResource`."""
    plurals = QTranslator()
    if not plurals.load(str(package_files.resource(ENGLISH))):
        raise package_files.MissingResource([ENGLISH])
    return plurals


def load_translators(lang: str) -> list[QTranslator]:
    """Translators for ``lang`` (for English, the source language, its plural forms only);
    ours missing or unreadable is :class:`~.package_files.MissingResource` (Qt's own are a
    bonus)."""
    if normalise(lang) != "zh":
        return [english_plurals()]
    out = []
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


def text_locale(lang: str) -> QLocale:
    """The locale of :class:`funnel_desktop.locale_format.Formatter` for ``lang`` (US English
    or mainland Chinese), for the counts Qt writes into counted texts."""
    if normalise(lang) == "zh":
        return QLocale(QLocale.Language.Chinese, QLocale.Country.China)
    return QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)


class Translation:
    """The application's current language; ``switch`` replaces the installed translators
    and sets the default locale of the widgets made after it."""

    def __init__(self) -> None:
        self.lang = "en"
        self._installed: list[QTranslator] = []

    def switch(self, lang: str | None) -> str:
        for t in self._installed:
            QCoreApplication.removeTranslator(t)
        self.lang = normalise(lang)
        self._installed = load_translators(self.lang)
        for t in self._installed:
            QCoreApplication.installTranslator(t)
        QLocale.setDefault(widget_locale(self.lang))
        return self.lang


@contextmanager
def language(lang: str) -> Iterator[str]:
    """Temporarily add the translators of ``lang`` (e.g. a Chinese report from an English
    window); English temporarily hides any installed translation by an identity layer."""
    added = load_translators(lang)
    if normalise(lang) == "en":
        added = [_Identity(english_plurals())]
    for t in added:
        QCoreApplication.installTranslator(t)
    before = QLocale()
    QLocale.setDefault(text_locale(lang))  # counts in texts (%Ln) as the formatter writes them
    try:
        yield normalise(lang)
    finally:
        QLocale.setDefault(before)
        for t in added:
            QCoreApplication.removeTranslator(t)


class _Identity(QTranslator):
    """Answers every lookup with the English source text, or the English form of a counted
    text (installed last, asked first)."""

    def __init__(self, plurals: QTranslator | None) -> None:
        super().__init__()
        self.plurals = plurals

    def translate(self, context: str, source: str, disambiguation: str | None = None,
                  n: int = -1) -> str:
        if n >= 0 and self.plurals is not None:
            return self.plurals.translate(context, source, disambiguation, n) or source
        return source

    def isEmpty(self) -> bool:
        return False
