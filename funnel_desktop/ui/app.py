"""Starting the app: the QApplication, language and translation, style, the database, the
first-run welcome, and showing the window again in another language."""

from __future__ import annotations

import contextlib
import logging
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QSettings, Qt
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication, QWidget

from .. import app_log, package_files, paths
from ..i18n import normalise
from ..paths import APP_NAME, ORG_NAME, default_db_path
from ..services import Services
from ..store import connection
from ..store.db import OpenedDatabase
from ..store.pipeline_rows import is_blank
from . import main_window
from .common.crash_dialog import CrashReporter
from .common.icons import icon
from .common.language import LANGUAGE_KEY, TRANSLATION
from .database.db_recovery import backup_on_open, open_with_recovery

if TYPE_CHECKING:
    from .main_window import MainWindow

log = logging.getLogger(__name__)

#: The Linux desktop entry's name (packaging/linux/funnel-desktop.desktop).
DESKTOP_ENTRY = "funnel-desktop"

#: The main windows ``start`` and ``switch_language`` made (a top-level window lives as long
#: as Python holds it).
WINDOWS: list[MainWindow] = []


def startup_language(cli_lang: str | None, settings: QSettings | None = None) -> str:
    """``zh`` or ``en``: the command line's choice, else the user's preference, else the
    system locale's."""
    if cli_lang:
        return normalise(cli_lang)
    stored = str(settings.value(LANGUAGE_KEY, "") or "") if settings is not None else ""
    return normalise(stored)


def style_sheet() -> str:
    """The app's style sheet with ``@ICONS@`` pointing at the package's icons folder
    (:class:`~funnel_desktop.package_files.MissingResource` when it is missing)."""
    text = package_files.resource("styles/app.qss").read_text(encoding="utf-8")
    return text.replace("@ICONS@", (package_files.RESOURCES / "icons").as_posix())


def has_cjk_font() -> bool:
    return bool(QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese))


def setup_application(app: QApplication, lang: str) -> None:
    """Names for settings, Fusion style, the app's style sheet and font, translation."""
    from .. import __version__

    QCoreApplication.setOrganizationName(ORG_NAME)
    QCoreApplication.setApplicationName(APP_NAME)
    QCoreApplication.setApplicationVersion(__version__)
    app.setDesktopFileName(DESKTOP_ENTRY)  # the window's icon and name on Linux desktops
    app.setStyle("Fusion")
    font = QFont(app.font())
    if font.pointSizeF() < 9.5:
        font.setPointSizeF(9.5)
    app.setFont(font)
    app.setStyleSheet(style_sheet())
    app.setWindowIcon(icon("app.svg"))
    TRANSLATION.switch(lang)


def is_first_run(opened: OpenedDatabase) -> bool:
    """True for a database with no pipeline and no deal (the welcome page sets it up)."""
    return not opened.readonly and is_blank()


def start(db: str | None, lang: str | None, settings: QSettings | None = None
          ) -> MainWindow | int:
    """Open the database (the user's own when ``db`` is None, created on first run), greet a
    first-time user, and show the main window; an exit code when there is nothing to show.

    The file's full check (``PRAGMA quick_check``, and the rolling backup after it) waits
    for the window's first paint (:meth:`MainWindow.check_database_later`); should the file
    fail while the window is being built, it is opened again with the check first, which
    offers the usual ways out (restore a backup, open another file, quit)."""
    settings = settings or QSettings()
    language = startup_language(lang, settings)
    TRANSLATION.switch(language)
    location = db or str(default_db_path())
    follow_moved_folder(settings)
    opened = open_with_recovery(None, location, create=db is None, defer_check=True)
    if opened is None:
        return 3
    log.info("database %s (schema %d%s)", opened.location, opened.schema_version,
             ", read-only" if opened.readonly else "")
    try:
        return _show_window(opened, db is None, language, settings, check_later=True)
    except connection.DATABASE_ERRORS:
        connection.close(opened)  # damaged where the start reads: check it now, as before
    opened = open_with_recovery(None, opened.location)
    if opened is None:
        return 3
    return _show_window(opened, db is None, language, settings, check_later=False)


def follow_moved_folder(settings: QSettings) -> None:
    """File ▸ Open recent names the database at its new place once the first start moved the
    data folder up a level (``paths.settle``)."""
    move = paths.last_move
    if move is None or not move.moved:
        return
    old, new = str(move.old / paths.DB_NAME), str(move.new / paths.DB_NAME)
    value: Any = settings.value("recent", [])
    items = [value] if isinstance(value, str) else list(value or [])
    if old in items:
        settings.setValue("recent", [new if r == old else r for r in items])


def _show_window(opened: OpenedDatabase, own: bool, language: str, settings: QSettings, *,
                 check_later: bool) -> MainWindow | int:
    from .main_window import MainWindow, prepare_database

    services = Services()
    if own and is_first_run(opened):
        from .database import welcome

        choice = welcome.ask_welcome(None, language)
        if choice is None:
            connection.close(opened)
            return 0
        welcome.apply_first_run(services, choice, settings)
        language = TRANSLATION.switch(choice.lang)
    elif not opened.readonly:
        prepare_database(services, language)
    window = MainWindow(services, opened, language, settings)
    window.remember_recent(opened.location)
    if language == "zh" and not has_cjk_font():
        window.statusBar().showMessage(QCoreApplication.translate(
            "App", "No Chinese font was found: Chinese text may show as boxes. Install one "
            "(e.g. WenQuanYi Micro Hei)."))
    window.show()
    if check_later:
        window.check_database_later()
    else:
        backup_on_open(opened)  # checked at opening: the rolling backup as before
    WINDOWS.append(window)
    return window


def switch_language(window: MainWindow, lang: str) -> MainWindow | None:
    """Show the app in ``lang``: install its translators and replace ``window`` by a new one
    over the same database (every text is built again). None when the user chose to stay
    (unsaved changes on the customer form). The undo history does not carry over."""
    from .main_window import MainWindow

    if not window.customers_may_leave():
        return None
    lang = TRANSLATION.switch(lang)
    window.save_layout()
    check_pending = window.database_check_pending()
    new = MainWindow(window.ctx.services, window.opened, lang, window.settings,
                     today=window.ctx.today, now=window.ctx.now)
    new.show_page(window.current_page())
    new.show()
    if check_pending:  # closing the old window cuts its check short: the new one does it
        new.check_database_later()
    WINDOWS[:] = [w for w in WINDOWS if w is not window] + [new]
    window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    window.close()
    return new


main_window.language_switcher = switch_language


def run_app(db: str | None, lang: str | None) -> int:
    """Open the main window on ``db`` (default: the user's database, created on first run),
    with the log written and an unexpected error shown in the crash dialog."""
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    QCoreApplication.setOrganizationName(ORG_NAME)
    QCoreApplication.setApplicationName(APP_NAME)
    reporter, hooks = start_log(app)
    try:
        return _run(app, db, lang, reporter)
    except Exception as exc:  # the window could not even be shown: say so, and stop
        return reporter.fatal(exc, app.platformName() not in ("offscreen", "minimal"))
    finally:
        hooks.remove()
        app_log.shutdown()


def _run(app: QApplication, db: str | None, lang: str | None, reporter: CrashReporter
         ) -> int:
    try:
        package_files.check()
    except package_files.MissingResource as exc:
        return incomplete_install(app, exc)
    settings = QSettings()
    setup_application(app, startup_language(lang, settings))
    result = start(db, lang, settings)
    if isinstance(result, int):
        return result
    _bench_first_paint(app, result)
    code = app.exec()
    for window in WINDOWS:  # e.g. quit while the file's check still runs: cut it short
        window.wait_database_check(stop=True)
    WINDOWS.clear()
    connection.close_connection()
    log.info("closed")
    return int(code)


def open_location() -> str:
    """The database the newest window shows (for the crash details), or ""."""
    opened = WINDOWS[-1].opened if WINDOWS else None
    return opened.location if opened is not None else ""


def start_log(app: QApplication) -> tuple[CrashReporter, app_log.Hooks]:
    """The log file in the data folder (none when that folder cannot be written: the hooks
    still show errors), the hooks, and the crash dialog they report to."""
    folder = paths.log_dir()
    try:
        app_log.setup(folder)
    except OSError as exc:
        sys.stderr.write(f"funnel-desktop: no log file in {folder}: {exc}\n")
    from .. import __version__
    from .common.about_dialog import runtime_line

    log.info("Funnel Desktop %s starting · %s", __version__, runtime_line())
    move = paths.last_move
    if move is not None:
        log.info("data folder: %s", f"moved from {move.old} to {move.new}" if move.moved
                 else f"kept at {move.old} ({move.why})")
    reporter = CrashReporter(folder, open_location, app)
    return reporter, app_log.Hooks(report=reporter.report)


def incomplete_install(app: QApplication, exc: package_files.MissingResource) -> int:
    """Say that files of the package are missing — on stderr, and in a message box where a
    screen can show one — and return the exit code 1. The text is in both languages: the
    translation may be what is missing."""
    with contextlib.suppress(UnicodeEncodeError, OSError):  # as the command line says it
        print(f"funnel-desktop: {exc}", file=sys.stderr)
    if app.platformName() not in ("offscreen", "minimal"):
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.critical(None, "Funnel Desktop · 销售漏斗管家", str(exc))
    return 1


def _bench_first_paint(app: QApplication, window: QWidget) -> None:
    """Once the window has painted for the first time, and only when asked by a variable:
    for the benchmark's cold start (``FUNNEL_BENCH_FIRST_PAINT=file``) write the wall-clock
    time (``time.time()``) to the file; for the install checks (``FUNNEL_FIRST_PAINT_REPORT=
    file.json``, tools/check_first_paint.py) write what the paint used — the package's
    folder, the style sheet, the translation — and a picture of the window beside it
    (``file.json.png``). Then quit. Does nothing without either variable."""
    import os

    stamp = os.environ.get("FUNNEL_BENCH_FIRST_PAINT")
    report = os.environ.get("FUNNEL_FIRST_PAINT_REPORT")
    if not stamp and not report:
        return
    import time

    from PySide6.QtCore import QEvent, QObject, QTimer

    def done() -> None:
        if stamp:
            Path(stamp).write_text(repr(time.time()), encoding="utf-8")
        if report:
            write_paint_report(app, window, Path(report))
        app.quit()

    class FirstPaint(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint:
                watched.removeEventFilter(self)
                QTimer.singleShot(0, done)  # after the whole window has been painted
            return False

    window.installEventFilter(FirstPaint(window))


def write_paint_report(app: QApplication, window: QWidget, path: Path) -> None:
    """What the first paint was made of, as JSON, and the window's picture beside it."""
    import json

    from .. import __file__ as package_init
    from .. import __version__

    picture = path.with_name(path.name + ".png")
    window.grab().save(str(picture))
    data = {
        "version": __version__,
        "frozen": bool(getattr(sys, "frozen", False)),
        "package": str(Path(package_init).parent),
        "resources": str(package_files.RESOURCES),
        "style_sheet_chars": len(app.styleSheet()),
        "style_sheet_is_ours": app.styleSheet() == style_sheet() != "",
        "language": TRANSLATION.lang,
        "file_menu": QCoreApplication.translate("MainWindow", "&File"),
        "window_title": window.windowTitle(),
        "picture": str(picture),
    }
    path.write_text(json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8")
