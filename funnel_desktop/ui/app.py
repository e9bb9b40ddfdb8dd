"""Starting the app: the QApplication, language and translation, style, the database."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale, QSettings, QTranslator
from PySide6.QtGui import QFont, QFontDatabase, QIcon
from PySide6.QtWidgets import QApplication

from ..paths import APP_NAME, ORG_NAME, default_db_path
from ..services import Services
from .db_recovery import backup_on_open, open_with_recovery

#: Where icons, styles and translations live (the repository's resources/ folder).
RESOURCES = Path(__file__).resolve().parents[2] / "resources"


def ui_language(lang: str | None) -> str:
    """``zh`` or ``en``: the given language, else the system locale's."""
    if lang:
        return "zh" if lang.lower().startswith("zh") else "en"
    return "zh" if QLocale.system().name().lower().startswith("zh") else "en"


def install_translator(app: QCoreApplication, lang: str) -> QTranslator | None:
    """Load resources/translations/funnel_zh_CN.qm for Chinese, if it exists."""
    if lang != "zh":
        return None
    qm = RESOURCES / "translations" / "funnel_zh_CN.qm"
    if not qm.exists():
        return None
    translator = QTranslator(app)
    if translator.load(str(qm)):
        app.installTranslator(translator)
        return translator
    return None


def style_sheet() -> str:
    """The app's style sheet with ``@ICONS@`` pointing at the icons folder."""
    path = RESOURCES / "styles" / "app.qss"
    try:
        text = path.read_text(encoding="utf-8")
    except OSError:
        return ""
    return text.replace("@ICONS@", (RESOURCES / "icons").as_posix())


def icon(name: str) -> QIcon:
    """An icon from resources/icons (an empty icon if it is missing)."""
    path = RESOURCES / "icons" / name
    return QIcon(str(path)) if path.exists() else QIcon()


def has_cjk_font() -> bool:
    return bool(QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese))


def setup_application(app: QApplication, lang: str) -> None:
    """Names for settings, Fusion style, the app's style sheet and font, translation."""
    QCoreApplication.setOrganizationName(ORG_NAME)
    QCoreApplication.setApplicationName(APP_NAME)
    app.setStyle("Fusion")
    font = QFont(app.font())
    if font.pointSizeF() < 9.5:
        font.setPointSizeF(9.5)
    app.setFont(font)
    app.setStyleSheet(style_sheet())
    app.setWindowIcon(icon("app.svg"))
    install_translator(app, lang)


def run_app(db: str | None, lang: str | None) -> int:
    """Open the main window on ``db`` (default: the user's database, created on first run)."""
    from .main_window import MainWindow, prepare_database

    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    language = ui_language(lang)
    setup_application(app, language)
    location = db or str(default_db_path())
    opened = open_with_recovery(None, location, create=db is None)
    if opened is None:
        return 3
    backup_on_open(opened)
    services = Services()
    if not opened.readonly:
        prepare_database(services, language)
    window = MainWindow(services, opened, language, QSettings())
    window.remember_recent(opened.location)
    if language == "zh" and not has_cjk_font():
        window.statusBar().showMessage(QCoreApplication.translate(
            "App", "No Chinese font was found: Chinese text may show as boxes. Install one "
            "(e.g. WenQuanYi Micro Hei)."))
    window.show()
    code = app.exec()
    opened.db.close()
    return int(code)
