"""The main window: menus, toolbar (pipeline, new deal, view switcher), the stacked pages
(board, customers; more can be added), undo/redo, and the database it works on."""

from __future__ import annotations

import zlib
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QLabel,
    QMainWindow,
    QMenu,
    QSizePolicy,
    QStackedWidget,
    QToolBar,
    QToolButton,
    QWidget,
)

from ..core.errors import FunnelError, StoreError
from ..i18n import normalise
from ..services import Services
from ..services.events import Changes
from ..store.backup import backup_now, backup_sqlite, default_backup_dir, restore_backup
from ..store.db import OpenedDatabase
from ..store.models import Deal, Pipeline, database
from ..store.queries import class_thresholds
from . import ask
from .analytics.page import AnalyticsPage
from .app import icon
from .board_page import BoardPage
from .context import AppContext
from .customers import CustomersPage
from .db_recovery import backup_on_open, open_with_recovery
from .deal_editor import DealEditor
from .events import EventBridge
from .fmt import Formatter, apply_money_settings
from .keys import preferences_keys, quit_keys
from .messages import error_text

MAX_RECENT = 8


def prepare_database(services: Services, lang: str) -> bool:
    """On a brand-new empty database, create the kept lists and the B2B six-stage pipeline;
    True if it did."""
    if Pipeline.select().exists() or Deal.select().exists():
        return False
    services.seed_lists(lang)
    services.create_pipeline("b2b6", lang)
    return True


class MainWindow(QMainWindow):
    """The app's window over one open database."""

    def __init__(self, services: Services, opened: OpenedDatabase | None, lang: str = "en",
                 settings: QSettings | None = None, today: Callable[[], date] | None = None,
                 now: Callable[[], datetime] | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self.opened = opened
        self.lang = lang
        self.settings = settings or QSettings()
        stack = QUndoStack(self)
        bridge = EventBridge(services.bus, self)
        fmt = Formatter(lang)
        if opened:
            apply_money_settings(fmt)
        self.ctx = AppContext(services, bridge, stack, fmt, self.settings,
                              lang)
        if today is not None:
            self.ctx.today = today
        if now is not None:
            self.ctx.now = now
        self.ctx.thresholds = class_thresholds() if opened else self.ctx.thresholds
        self.resize(1360, 860)
        self.setMinimumSize(900, 600)

        self.stack = QStackedWidget()
        self.setCentralWidget(self.stack)
        self.pages: dict[str, QWidget] = {}
        self.board_page = BoardPage(self.ctx)
        self.customers_page = CustomersPage(self.ctx)
        self.board_page.board.dealActivated.connect(self.open_deal)
        self.customers_page.dealActivated.connect(self.open_deal)
        self.analytics_page = AnalyticsPage(self.ctx, lambda: self.board_page.pipeline_id)
        self.analytics_page.dealActivated.connect(self.open_deal)
        self.analytics_page.link_filters(self.board_page.filters)
        self.analytics_page.attach_strip(self.board_page.strip)

        self._build_actions()
        self._build_toolbar()
        self.add_page("board", self.tr("Board"), self.board_page)
        self.add_page("customers", self.tr("Customers"), self.customers_page)
        self.add_page("analytics", self.tr("Analytics"), self.analytics_page)
        self._build_menus()
        self.db_label = QLabel()
        self.db_label.setTextFormat(Qt.TextFormat.PlainText)
        self.statusBar().addPermanentWidget(self.db_label)
        stack.indexChanged.connect(self._undo_hint)
        self._restore_layout()
        self._show_database()
        self.show_page(str(self.settings.value("window/page", "board")))
        columns = self.board_page.board.columns
        if columns:
            columns[0].view.setFocus()

    # -- building ---------------------------------------------------------------------------
    def _build_actions(self) -> None:
        st = self.ctx.undo_stack
        self.undo_action = st.createUndoAction(self, self.tr("Undo"))
        self.undo_action.setShortcuts(QKeySequence.StandardKey.Undo)
        self.redo_action = st.createRedoAction(self, self.tr("Redo"))
        redo_keys = list(QKeySequence.keyBindings(QKeySequence.StandardKey.Redo))
        if QKeySequence("Ctrl+Shift+Z") not in redo_keys:
            redo_keys.insert(0, QKeySequence("Ctrl+Shift+Z"))
        self.redo_action.setShortcuts(redo_keys)
        self.new_deal_action = QAction(self.tr("New deal…"), self)
        self.new_deal_action.setShortcut(QKeySequence.StandardKey.New)
        self.new_deal_action.triggered.connect(lambda: self.new_deal())

    def _build_toolbar(self) -> None:
        tb = QToolBar(self.tr("Main toolbar"))
        tb.setObjectName("mainToolBar")
        tb.setMovable(False)
        tb.setFloatable(False)
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, tb)
        label = QLabel(self.tr("Pipeline"))
        label.setObjectName("toolbarLabel")
        tb.addWidget(label)
        self.pipeline_combo = QComboBox()
        self.pipeline_combo.setObjectName("pipelineCombo")
        self.pipeline_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.pipeline_combo.currentIndexChanged.connect(self._pipeline_chosen)
        tb.addWidget(self.pipeline_combo)
        new_deal = QToolButton()
        new_deal.setObjectName("primaryButton")
        new_deal.setDefaultAction(self.new_deal_action)
        new_deal.setText(self.tr("+ New deal"))
        tb.addWidget(new_deal)
        spacer = QWidget()
        spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        tb.addWidget(spacer)
        self.view_group = QButtonGroup(self)
        self.view_group.setExclusive(True)
        self.view_buttons: dict[str, QToolButton] = {}
        self._toolbar = tb

    def add_page(self, key: str, title: str, widget: QWidget) -> None:
        """Add a page to the stack and a button to the view switcher (e.g. Analytics)."""
        self.pages[key] = widget
        self.stack.addWidget(widget)
        b = QToolButton()
        b.setObjectName("viewButton")
        b.setText(title)
        b.setCheckable(True)
        b.clicked.connect(lambda _c=False, k=key: self.show_page(k))
        self.view_group.addButton(b)
        for other in self.view_buttons.values():
            other.setProperty("last", False)
        b.setProperty("first", not self.view_buttons)
        b.setProperty("last", True)
        self.view_buttons[key] = b
        self._toolbar.addWidget(b)
        for w in self.view_buttons.values():
            w.style().unpolish(w)
            w.style().polish(w)
        if hasattr(self, "view_menu"):
            self._fill_view_menu()

    def show_page(self, key: str) -> None:
        if key not in self.pages:
            key = "board"
        if self.stack.currentWidget() is self.customers_page and key != "customers" \
                and not self.customers_page.form.maybe_leave():
            self.view_buttons["customers"].setChecked(True)
            return
        self.stack.setCurrentWidget(self.pages[key])
        self.view_buttons[key].setChecked(True)
        self.settings.setValue("window/page", key)

    def current_page(self) -> str:
        return next(k for k, w in self.pages.items() if w is self.stack.currentWidget())

    def _build_menus(self) -> None:
        mb = self.menuBar()
        file = mb.addMenu(self.tr("&File"))
        file.addAction(self.tr("&New database…"), self.new_database)
        file.addAction(self.tr("&Open database…"), QKeySequence.StandardKey.Open,
                       self.open_database_dialog)
        self.recent_menu = file.addMenu(self.tr("Open &recent"))
        self.recent_menu.aboutToShow.connect(self._fill_recent)
        file.addAction(self.tr("Save a &copy…"), self.save_copy)
        file.addAction(self.tr("&Back up now"), self.backup_now)
        file.addAction(self.tr("Restore from a &backup…"), self.restore_from_backup)
        file.addSeparator()
        file.addAction(self.tr("&Import…"), self.import_data)
        file.addAction(self.tr("&Export…"), self.export_data)
        file.addSeparator()
        quit_action = file.addAction(self.tr("&Quit"), self.close)
        quit_action.setShortcuts(quit_keys())
        quit_action.setMenuRole(QAction.MenuRole.QuitRole)

        edit = mb.addMenu(self.tr("&Edit"))
        edit.addAction(self.undo_action)
        edit.addAction(self.redo_action)

        self.view_menu = mb.addMenu(self.tr("&View"))
        self._fill_view_menu()

        deal = mb.addMenu(self.tr("&Deal"))
        deal.addAction(self.new_deal_action)
        board = self.board_page.board
        deal.addAction(self.tr("&Edit selected…"), self._open_selected)
        deal.addSeparator()
        for text, keys, fn in (
                (self.tr("Move to &previous stage"), "Ctrl+Left", lambda: self._move(-1)),
                (self.tr("Move to &next stage"), "Ctrl+Right", lambda: self._move(1)),
                (self.tr("Mark &won…"), "", lambda: board.close_ids(board.selected_ids(),
                                                                    True)),
                (self.tr("Mark &lost…"), "", lambda: board.close_ids(board.selected_ids(),
                                                                     False)),
                (self.tr("&Delete…"), "Del", lambda: board.delete_ids(board.selected_ids()))):
            act = deal.addAction(text, fn)
            if keys:
                # The card list handles the key itself; the menu shows it.
                act.setShortcut(QKeySequence(keys))
                act.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self._build_analytics_menu(mb.addMenu(self.tr("&Analytics")))
        reports = mb.addMenu(self.tr("&Reports"))
        reports.addAction(self.tr("&Weekly report…"), QKeySequence("Ctrl+R"),
                          self.weekly_report)
        self._build_tools_menu(mb.addMenu(self.tr("&Tools")))
        help_menu = mb.addMenu(self.tr("&Help"))
        help_menu.addAction(self.tr("&About Funnel Desktop"), self._about)

    def _build_tools_menu(self, tools: QMenu) -> None:
        """Tools ▸ Settings (the Preferences shortcut), Pipelines and stages, Kept lists."""
        self.tools_menu = tools
        settings = tools.addAction(self.tr("&Settings…"), self.open_settings)
        settings.setShortcuts(preferences_keys())
        settings.setIcon(icon("settings.svg"))
        settings.setMenuRole(QAction.MenuRole.PreferencesRole)
        tools.addAction(self.tr("&Pipelines and stages…"), self.edit_pipelines)
        tools.addAction(self.tr("&Kept lists…"), self.edit_lists)
        self.ctx.bridge.changed.connect(self._pipelines_changed)

    def _build_analytics_menu(self, menu: QMenu) -> None:
        """Analytics ▸ Targets…, Refresh."""
        self.analytics_menu = menu
        menu.addAction(self.tr("&Targets…"), self.analytics_page.edit_targets)
        refresh = menu.addAction(self.tr("&Refresh the numbers"), self._refresh_analytics)
        refresh.setShortcut(QKeySequence(QKeySequence.StandardKey.Refresh))

    def _refresh_analytics(self) -> None:
        self.show_page("analytics")
        self.analytics_page.refresh()

    def _fill_view_menu(self) -> None:
        self.view_menu.clear()
        group = QActionGroup(self.view_menu)
        for i, (key, button) in enumerate(self.view_buttons.items()):
            act = self.view_menu.addAction(button.text())
            act.setCheckable(True)
            act.setShortcut(QKeySequence(f"Ctrl+{i + 1}"))
            act.setChecked(button.isChecked())
            act.triggered.connect(lambda _c=False, k=key: self.show_page(k))
            button.toggled.connect(act.setChecked)
            group.addAction(act)

    # -- settings, pipelines, lists, language --------------------------------------------------
    def open_settings(self) -> None:
        """Tools ▸ Settings; a new language shows the window again in it."""
        from .settings_dialog import SettingsDialog

        dlg = SettingsDialog(self.ctx.services, self.settings, self.lang, self)
        ask.run_dialog(dlg)
        if dlg.result() == SettingsDialog.DialogCode.Accepted and dlg.language_changed:
            self.change_language(normalise(str(self.settings.value("ui/language", ""))))

    def change_language(self, lang: str) -> QMainWindow | None:
        """Show the app in ``lang`` (a new window over the same database)."""
        from .app import switch_language

        return switch_language(self, lang)

    def edit_pipelines(self) -> None:
        """Tools ▸ Pipelines and stages (opens on the pipeline shown)."""
        from .pipeline_editor import PipelineEditor

        ask.run_dialog(PipelineEditor(self.ctx.services, self.lang,
                                      self.board_page.pipeline_id, self))

    def edit_lists(self) -> None:
        from .lists_editor import ListsEditor

        ask.run_dialog(ListsEditor(self.ctx.services, self))

    def _pipelines_changed(self, changes: Changes) -> None:
        if changes.touches("pipelines") and "all" not in changes.kinds:
            # stages may be gone: earlier undo steps could refer to them
            self.ctx.undo_stack.clear()
            self.fill_pipelines()  # names, order and stages may all have changed

    # -- pipelines --------------------------------------------------------------------------
    def fill_pipelines(self) -> None:
        """Refill the pipeline switcher and show the remembered (or first) pipeline."""
        self.pipeline_combo.blockSignals(True)
        self.pipeline_combo.clear()
        if self.opened is not None:
            for pid, name in (Pipeline.select(Pipeline.id, Pipeline.name)
                              .order_by(Pipeline.position, Pipeline.id).tuples()):
                self.pipeline_combo.addItem(name, pid)
        wanted = self.settings.value(self._pipeline_key(), None)
        i = self.pipeline_combo.findData(int(wanted)) if wanted not in (None, "") else -1
        self.pipeline_combo.setCurrentIndex(max(0, i) if self.pipeline_combo.count() else -1)
        self.pipeline_combo.blockSignals(False)
        self.board_page.set_pipeline(self.pipeline_combo.currentData())
        self.analytics_page.pipeline_changed()

    def _pipeline_key(self) -> str:
        loc = self.opened.location if self.opened else ""
        return f"pipeline/{zlib.crc32(loc.encode()):08x}"

    def _pipeline_chosen(self) -> None:
        pid = self.pipeline_combo.currentData()
        self.settings.setValue(self._pipeline_key(), pid)
        self.board_page.set_pipeline(pid)
        self.analytics_page.pipeline_changed()

    def set_pipeline(self, pipeline_id: int) -> None:
        i = self.pipeline_combo.findData(pipeline_id)
        if i >= 0:
            self.pipeline_combo.setCurrentIndex(i)

    # -- deals ------------------------------------------------------------------------------
    def open_deal(self, deal_id: int) -> DealEditor | None:
        """Open the deal editor (modal, through ``ask.run_dialog``)."""
        try:
            dlg = DealEditor(self.ctx, deal_id, parent=self)
        except FunnelError as err:
            self.ctx.show_error(self, err)
            return None
        ask.run_dialog(dlg)
        return dlg

    def new_deal(self, stage_id: int | None = None) -> DealEditor | None:
        pid = self.board_page.pipeline_id
        if pid is None:
            return None
        dlg = DealEditor(self.ctx, None, pid, stage_id, parent=self)
        ask.run_dialog(dlg)
        return dlg

    def _open_selected(self) -> None:
        ids = self.board_page.board.selected_ids()
        if len(ids) == 1:
            self.open_deal(ids[0])

    def _move(self, delta: int) -> None:
        board = self.board_page.board
        for col in board.columns:
            if col.selected_ids():
                board.move_selected(col, delta)
                return

    # -- database ---------------------------------------------------------------------------
    def _show_database(self) -> None:
        loc = self.opened.location if self.opened else ""
        name = Path(loc).name if self.opened and self.opened.is_sqlite else loc
        self.setWindowTitle(self.tr("%1 — Funnel Desktop").replace("%1", name) if name
                            else self.tr("Funnel Desktop"))
        self.db_label.setText(loc)
        self.fill_pipelines()
        self.customers_page.form.load(None)
        self.customers_page.reload()

    def switch_database(self, location: str, create: bool = False) -> bool:
        """Open another database in this window; on failure keep the current one and say
        why."""
        if not self.customers_page.form.maybe_leave():
            return False
        old = self.opened
        opened = open_with_recovery(self, location, create=create)
        if opened is None:
            if old is not None:
                database.initialize(old.db)
            return False
        if old is not None and old.db is not opened.db:
            old.db.close()
        self.opened = opened
        backup_on_open(opened)
        if not opened.readonly:
            prepare_database(self.ctx.services, self.lang)
        self.ctx.thresholds = class_thresholds()
        apply_money_settings(self.ctx.fmt)
        self.ctx.undo_stack.clear()
        self.remember_recent(opened.location)
        self._show_database()
        return True

    def show_store_error(self, err: StoreError) -> None:
        ask.error(self, self.tr("Cannot open the database"), error_text(err))

    def new_database(self) -> None:
        path = ask.save_path(self, self.tr("New database"), str(Path.home() / "funnel.sqlite"),
                             self.tr("Funnel databases (*.sqlite *.db)"))
        if not path:
            return
        if Path(path).exists():
            ask.error(self, self.tr("New database"),
                      self.tr("%1 already exists. Choose another name, or open it.")
                      .replace("%1", path))
            return
        self.switch_database(path, create=True)

    def open_database_dialog(self) -> None:
        folder = str(Path(self.opened.location).parent) if self.opened and \
            self.opened.is_sqlite else str(Path.home())
        path = ask.open_path(self, self.tr("Open database"), folder,
                             self.tr("Funnel databases (*.sqlite *.db);;All files (*)"))
        if path:
            self.switch_database(path)

    def recent(self) -> list[str]:
        value = self.settings.value("recent", [])
        if isinstance(value, str):
            value = [value]
        return [str(v) for v in (value or [])]

    def remember_recent(self, location: str) -> None:
        """Put a database first in File ▸ Open recent."""
        items = [location] + [r for r in self.recent() if r != location]
        self.settings.setValue("recent", items[:MAX_RECENT])

    def _fill_recent(self) -> None:
        self.recent_menu.clear()
        items = self.recent()
        for loc in items:
            act = self.recent_menu.addAction(loc)
            act.triggered.connect(lambda _c=False, p=loc: self.switch_database(p))
        if not items:
            self.recent_menu.addAction(self.tr("(none yet)")).setEnabled(False)
        else:
            self.recent_menu.addSeparator()
            self.recent_menu.addAction(self.tr("Clear the list"),
                                       lambda: self.settings.setValue("recent", []))

    def save_copy(self) -> Path | None:
        """Copy the open SQLite database to a file the user picks."""
        if self.opened is None or not self.opened.is_sqlite or self.opened.path is None:
            ask.info(self, self.tr("Save a copy"),
                     self.tr("Only a database file can be copied; a server database is "
                             "backed up on the server."))
            return None
        src = self.opened.path
        suggested = str(src.with_name(src.stem + "-copy" + src.suffix))
        dest = ask.save_path(self, self.tr("Save a copy"), suggested,
                             self.tr("Funnel databases (*.sqlite *.db)"))
        if not dest:
            return None
        if Path(dest).resolve() == src.resolve():
            ask.error(self, self.tr("Save a copy"),
                      self.tr("Choose another file than the open database."))
            return None
        try:
            out = backup_sqlite(src, dest)
        except OSError as err:
            ask.error(self, self.tr("Save a copy"),
                      self.tr("The copy could not be written: %1").replace("%1", str(err)))
            return None
        self.statusBar().showMessage(self.tr("Saved a copy to %1").replace("%1", str(out)),
                                     6000)
        return out

    def _database_file(self, title: str) -> Path | None:
        if self.opened is None or not self.opened.is_sqlite or self.opened.path is None:
            ask.info(self, title, self.tr("Only a database file can be backed up here; a "
                                          "server database is backed up on the server."))
            return None
        return self.opened.path

    def backup_now(self) -> Path | None:
        """File ▸ Back up now: a time-stamped copy in the backups folder."""
        path = self._database_file(self.tr("Back up now"))
        if path is None:
            return None
        try:
            out = backup_now(path)
        except (StoreError, OSError) as err:
            ask.error(self, self.tr("Back up now"), error_text(err)
                      if isinstance(err, StoreError) else str(err))
            return None
        self.statusBar().showMessage(self.tr("Backed up to %1").replace("%1", str(out)), 6000)
        return out

    def restore_from_backup(self) -> bool:
        """File ▸ Restore from a backup: pick one, confirm, replace the database, reopen."""
        path = self._database_file(self.tr("Restore from a backup"))
        if path is None:
            return False
        folder = default_backup_dir(path)
        chosen = ask.open_path(self, self.tr("Restore from a backup"), str(folder),
                               self.tr("Funnel databases (*.sqlite *.db)"))
        if not chosen:
            return False
        if not ask.confirm(self, self.tr("Restore from a backup"),
                           self.tr("Replace the open database with %1? A copy of the current "
                                   "database is kept in the backups folder first.")
                           .replace("%1", Path(chosen).name), self.tr("Restore")):
            return False
        location = self.opened.location
        database.obj.close()
        try:
            restore_backup(chosen, path)
        except StoreError as err:
            ask.error(self, self.tr("Restore from a backup"), error_text(err))
            self.switch_database(location)
            return False
        self.opened = None
        return self.switch_database(location)

    # -- reports ----------------------------------------------------------------------------
    def weekly_report(self) -> None:
        """Reports ▸ Weekly report: options, notes, preview, print, PDF."""
        from ..report.dialog import WeeklyReportDialog

        dlg = WeeklyReportDialog(self.ctx.services, self.lang, self, today=self.ctx.today,
                                 error_text=error_text)
        dlg.exec()
        dlg.deleteLater()

    # -- import / export ------------------------------------------------------------------
    def import_data(self) -> None:
        from .import_wizard import run_import_wizard

        outcome = run_import_wizard(self, self.ctx.services, self.board_page.pipeline_id)
        if outcome is not None:
            self.ctx.record(outcome, self.tr("Import"))

    def export_data(self) -> None:
        from .export_dialog import run_export_dialog

        run_export_dialog(self)

    # -- misc -------------------------------------------------------------------------------
    def _undo_hint(self, _index: int) -> None:
        st = self.ctx.undo_stack
        if st.canUndo() and st.index() == st.count():
            self.statusBar().showMessage(
                self.tr("%1 — Ctrl+Z to undo").replace("%1", st.undoText()), 5000)

    def _about(self) -> None:
        ask.info(self, self.tr("About Funnel Desktop"),
                 self.tr("Funnel Desktop (销售漏斗管家) — an offline sales-funnel manager."))

    def _restore_layout(self) -> None:
        geometry = self.settings.value("window/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        state = self.settings.value("window/state")
        if state is not None:
            self.restoreState(state)
        splitter = self.settings.value("window/customersSplitter")
        if splitter is not None:
            self.customers_page.splitter.restoreState(splitter)

    def save_layout(self) -> None:
        self.settings.setValue("window/geometry", self.saveGeometry())
        self.settings.setValue("window/state", self.saveState())
        self.settings.setValue("window/customersSplitter",
                               self.customers_page.splitter.saveState())
        self.settings.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.customers_page.form.maybe_leave():
            event.ignore()
            return
        self.save_layout()
        self.ctx.bridge.detach()
        super().closeEvent(event)


__all__ = ["MainWindow", "prepare_database"]
