"""The app's language: the user's stored preference and the translators installed now."""

from __future__ import annotations

from ...i18n import Translation

#: The per-user language preference in QSettings: "" follows the system, "en" or "zh".
LANGUAGE_KEY = "ui/language"

#: The application's current language and its installed translators (ours and Qt's own).
TRANSLATION = Translation()
