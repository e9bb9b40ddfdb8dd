"""The main window: menus, toolbar (pipeline, new deal, view switcher), the stacked pages
(board, customers; more can be added), undo/redo, and the database it works on."""

from __future__ import annotations

import re
import zlib
from collections.abc import Callable
from datetime import UTC, date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QSettings, QSize, Qt
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
from ..services.events import REMOTE, Changes
from ..store.db import OpenedDatabase, mask_url
from ..store.pipeline_rows import pipeline_choices
from ..store.queries import get_setting
from .analytics.target_tile import MonthTargetTile
from .board.board_page import BoardPage
from .common import ask, wheel_guard
from .common.context import AppContext
from .common.events import EventBridge
from .common.fmt import Formatter
from .common.help_dialog import GUIDE, SHORTCUTS, show_help
from .common.icons import icon
from .common.keys import preferences_keys, quit_keys
from .common.messages import error_text
from .common.saved_notice import STATUS_MS, SavedNotice
from .common.screen_fit import fit_to_screen
from .database.live import LiveUpdates
from .database.session import DatabaseSession, prepare_database

if TYPE_CHECKING:
    from .analytics.page import AnalyticsPage
    from .customers.customers import CustomersPage
    from .deals.deal_editor import DealEditor


#: Shows the app again in another language in place of a window (``ui.app.switch_language``,
#: which sets it: the window does not import the app that makes it). None: not set.
language_switcher: Callable[[MainWindow, str], QMainWindow | None] | None = None


class MainWindow(QMainWindow):
    """The app's window over one open database."""

    def __init__(self, services: Services, opened: OpenedDatabase | None, lang: str = "en",
                 settings: QSettings | None = None, today: Callable[[], date] | None = None,
                 now: Callable[[], datetime] | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        wheel_guard.install()  # the wheel changes only a focused field, app-wide
        self.setObjectName("mainWindow")
        self.lang = lang
        self.settings = settings or QSettings()
        stack = QUndoStack(self)
        bridge = EventBridge(services.bus, self)
        self.ctx = AppContext(services, bridge, stack, Formatter(lang), self.settings, lang)
        if opened:
            self.ctx.read_settings()
        if today is not None:
            self.ctx.today = today
        if now is not None:
            self.ctx.now = now
        self.setMinimumSize(900, 600)
        # a small laptop's screen holds it whole; a large monitor gives it most of its room
        fit_to_screen(self, QSize(1360, 860), grow=0.8)

        self.stack = QStackedWidget()
        self.setCentralWidget(self.stack)
        self.pages: dict[str, QWidget] = {}
        #: Pages not built yet: key → what builds it (see :meth:`page`).
        self._builders: dict[str, Callable[[], QWidget]] = {}
        self.board_page = BoardPage(self.ctx)
        self.board_page.board.dealActivated.connect(self.open_deal)
        #: The month's target on the board's strip (it keeps itself current).
        self.target_tile = MonthTargetTile(self.ctx, lambda: self.board_page.pipeline_id,
                                           self.board_page.filters)
        self.board_page.strip.add_tile(self.target_tile)
        self._customers: CustomersPage | None = None
        #: None until first needed (:meth:`analytics`): it brings pyqtgraph and numpy along.
        self.analytics_page: AnalyticsPage | None = None
        #: the open database's life: opening, switching, recovery, backups, the check
        self.session = DatabaseSession(self, self.ctx, opened, self.settings, lang,
                                       self.customers_may_leave)
        self.session.switched.connect(self._show_database)

        self._build_actions()
        self._build_toolbar()
        self.add_page("board", self.tr("Board"), self.board_page)
        self.add_lazy_page("customers", self.tr("Customers"), self._build_customers)
        self.add_lazy_page("analytics", self.tr("Analytics"), self._build_analytics)
        self._build_menus()
        self.db_label = QLabel()
        self.db_label.setTextFormat(Qt.TextFormat.PlainText)
        self.user_label = QLabel()
        self.user_label.setObjectName("userLabel")
        self.user_label.setTextFormat(Qt.TextFormat.PlainText)
        self.statusBar().addPermanentWidget(self.user_label)
        self.statusBar().addPermanentWidget(self.db_label)
        #: "Exported deals.xlsx  Open · Show in folder" after a file was written.
        self.saved_notice = SavedNotice(self, timeout_ms=STATUS_MS)
        self.statusBar().addWidget(self.saved_notice, 1)
        stack.indexChanged.connect(self._undo_hint)
        self._restore_layout()
        self.session.othersChanged.connect(self._others_changed)
        self.session.watch()
        self.ctx.bridge.changed.connect(self._note_remote)
        self.ctx.bridge.changed.connect(self._settings_changed)
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

    def add_lazy_page(self, key: str, title: str, build: Callable[[], QWidget]) -> None:
        """Like :meth:`add_page` for a page that ``build`` makes the first time it is shown
        or needed (:meth:`page`); an empty widget holds its place until then."""
        placeholder = QWidget()
        placeholder.setObjectName("pagePlaceholder")
        self._builders[key] = build
        self.add_page(key, title, placeholder)

    def page(self, key: str) -> QWidget:
        """The page ``key``, built now if it was not yet."""
        build = self._builders.pop(key, None)
        if build is not None:
            placeholder = self.pages[key]
            widget = build()
            self.stack.insertWidget(self.stack.indexOf(placeholder), widget)
            self.stack.removeWidget(placeholder)
            placeholder.deleteLater()
            self.pages[key] = widget
        return self.pages[key]

    @property
    def customers_page(self) -> CustomersPage:
        """The Customers page (built the first time it is needed)."""
        self.page("customers")
        assert self._customers is not None
        return self._customers

    def _build_customers(self) -> CustomersPage:
        from .customers.customers import CustomersPage

        page = self._customers = CustomersPage(self.ctx)
        page.dealActivated.connect(self.open_deal)
        splitter = self.settings.value("window/customersSplitter")
        if splitter is not None:
            page.splitter.restoreState(splitter)
        return page

    def analytics(self) -> AnalyticsPage:
        """The Analytics page (built the first time it is needed: shown, refreshed)."""
        self.page("analytics")
        assert self.analytics_page is not None
        return self.analytics_page

    def _build_analytics(self) -> AnalyticsPage:
        from .analytics.page import AnalyticsPage

        page = self.analytics_page = AnalyticsPage(self.ctx,
                                                   lambda: self.board_page.pipeline_id)
        page.dealActivated.connect(self.open_deal)
        page.link_filters(self.board_page.filters)
        return page

    def customers_may_leave(self) -> bool:
        """False when the customer form holds changes the user chose to keep editing (it
        asks); True when there is nothing to lose."""
        return self._customers is None or self._customers.form.maybe_leave()

    def show_page(self, key: str) -> None:
        if key not in self.pages:
            key = "board"
        if self._customers is not None and self.stack.currentWidget() is self._customers \
                and key != "customers" and not self._customers.form.maybe_leave():
            self.view_buttons["customers"].setChecked(True)
            return
        self.page(key)
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
        self.import_action = file.addAction(self.tr("&Import…"), self.import_data)
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
            self.delete_action = act
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
        guide = help_menu.addAction(self.tr("&Getting started"), lambda: self.show_help(GUIDE))
        guide.setShortcuts(QKeySequence.StandardKey.HelpContents)
        help_menu.addAction(self.tr("&Keyboard shortcuts"), lambda: self.show_help(SHORTCUTS))
        help_menu.addSeparator()
        help_menu.addAction(self.tr("&About Funnel Desktop"), self._about)

    def _build_tools_menu(self, tools: QMenu) -> None:
        """Tools ▸ Settings (the Preferences shortcut), Pipelines and stages, Kept lists."""
        self.tools_menu = tools
        settings = tools.addAction(self.tr("&Settings…"), self.open_settings)
        settings.setShortcuts(preferences_keys())
        settings.setIcon(icon("settings.svg"))
        settings.setMenuRole(QAction.MenuRole.PreferencesRole)
        self.pipelines_action = tools.addAction(self.tr("&Pipelines and stages…"),
                                                self.edit_pipelines)
        self.lists_action = tools.addAction(self.tr("&Kept lists…"), self.edit_lists)
        self.ctx.bridge.changed.connect(self._pipelines_changed)

    def _build_analytics_menu(self, menu: QMenu) -> None:
        """Analytics ▸ Targets…, Refresh."""
        self.analytics_menu = menu
        self.targets_action = menu.addAction(self.tr("&Targets…"), self.edit_targets)
        refresh = menu.addAction(self.tr("&Refresh the numbers"), self._refresh_analytics)
        refresh.setShortcut(QKeySequence(QKeySequence.StandardKey.Refresh))

    def edit_targets(self) -> QWidget:
        """Analytics ▸ Targets…: for the Analytics page's scope (the whole business until the
        page has computed, so a page not yet built is not built for it)."""
        if self.analytics_page is not None:
            return self.analytics_page.edit_targets()
        from .analytics.targets_panel import TargetsDialog

        dlg = TargetsDialog(self.ctx, ("business", None, None), self)
        dlg.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        ask.run_dialog(dlg)
        return dlg

    def _refresh_analytics(self) -> None:
        self.show_page("analytics")
        self.analytics().refresh()

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
        from .settings.settings_dialog import SettingsDialog

        dlg = SettingsDialog(self.ctx.services, self.settings, self.lang, self)
        ask.run_dialog(dlg)
        if dlg.result() == SettingsDialog.DialogCode.Accepted and dlg.language_changed:
            self.change_language(normalise(str(self.settings.value("ui/language", ""))))

    def change_language(self, lang: str) -> QMainWindow | None:
        """Show the app in ``lang`` (a new window over the same database)."""
        assert language_switcher is not None  # ui.app sets it as it is imported
        return language_switcher(self, lang)

    def edit_pipelines(self) -> None:
        """Tools ▸ Pipelines and stages (opens on the pipeline shown)."""
        from .settings.pipeline_editor import PipelineEditor

        ask.run_dialog(PipelineEditor(self.ctx.services, self.lang,
                                      self.board_page.pipeline_id, self, self.ctx.record))

    def edit_lists(self) -> None:
        from .settings.lists_editor import ListsEditor

        ask.run_dialog(ListsEditor(self.ctx.services, self))

    def _pipelines_changed(self, changes: Changes) -> None:
        if changes.touches("pipelines") and "all" not in changes.kinds:
            # pipeline edits are undoable steps of their own (earlier steps stay valid)
            self.fill_pipelines()  # names, order and stages may all have changed

    # -- pipelines --------------------------------------------------------------------------
    def fill_pipelines(self) -> None:
        """Refill the pipeline switcher and show the remembered (or first) pipeline."""
        self.pipeline_combo.blockSignals(True)
        self.pipeline_combo.clear()
        if self.opened is not None:
            for pid, name in pipeline_choices():
                self.pipeline_combo.addItem(name, pid)
        wanted: Any = self.settings.value(self._pipeline_key(), None)
        i = self.pipeline_combo.findData(int(wanted)) if wanted not in (None, "") else -1
        self.pipeline_combo.setCurrentIndex(max(0, i) if self.pipeline_combo.count() else -1)
        self.pipeline_combo.blockSignals(False)
        self.board_page.set_pipeline(self.pipeline_combo.currentData())
        self._pipeline_changed()

    def _pipeline_key(self) -> str:
        loc = self.opened.location if self.opened else ""
        return f"pipeline/{zlib.crc32(loc.encode()):08x}"

    def _pipeline_chosen(self) -> None:
        pid = self.pipeline_combo.currentData()
        self.settings.setValue(self._pipeline_key(), pid)
        self.board_page.set_pipeline(pid)
        self._pipeline_changed()

    def _pipeline_changed(self) -> None:
        self.target_tile.pipeline_changed()
        if self.analytics_page is not None:
            self.analytics_page.pipeline_changed()

    def set_pipeline(self, pipeline_id: int) -> None:
        i = self.pipeline_combo.findData(pipeline_id)
        if i >= 0:
            self.pipeline_combo.setCurrentIndex(i)

    # -- deals ------------------------------------------------------------------------------
    def open_deal(self, deal_id: int) -> DealEditor | None:
        """Open the deal editor (modal, through ``ask.run_dialog``)."""
        from .deals.deal_editor import DealEditor

        try:
            dlg = DealEditor(self.ctx, deal_id, parent=self)
        except FunnelError as err:
            self.ctx.show_error(self, err)
            return None
        ask.run_dialog(dlg)
        return dlg

    def new_deal(self, stage_id: int | None = None) -> DealEditor | None:
        from .deals.deal_editor import DealEditor

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

    # -- database (the session's; kept here for the menus and the start-up code) --------------
    @property
    def opened(self) -> OpenedDatabase | None:
        return self.session.opened

    @property
    def live(self) -> LiveUpdates | None:
        return self.session.live

    @property
    def _check(self) -> object | None:
        return self.session.check

    def _show_who(self) -> None:
        """Who is logged in to a team server, and their role (nothing for a file); what
        their role may not do is disabled, with the reason as its tooltip."""
        session = None
        if self.opened is not None and not self.opened.is_sqlite:
            try:
                session = self.ctx.services.session()
            except StoreError:
                session = None
        names = {"admin": self.tr("admin"), "manager": self.tr("manager"),
                 "sales": self.tr("sales")}
        self.user_label.setText(self.tr("%1 · %2").replace("%1", session.display)
                                .replace("%2", names.get(session.role, session.role))
                                if session is not None else "")
        self.user_label.setVisible(session is not None)
        for act, what in ((self.import_action, "import"), (self.delete_action, "delete"),
                          (self.pipelines_action, "pipelines"), (self.lists_action, "lists"),
                          (self.targets_action, "targets")):
            self.ctx.allow(act, what)
        for menu in self.menuBar().findChildren(QMenu):
            menu.setToolTipsVisible(True)

    def _note_remote(self, changes: Changes) -> None:
        if changes.initiator is REMOTE and changes.action:
            from ..texts.actions import action_name

            when = changes.at.replace(tzinfo=UTC).astimezone() if changes.at else None
            self.statusBar().showMessage(
                self.tr("%1 %2 at %3").replace("%1", changes.by or self.tr("Someone"))
                .replace("%2", action_name(changes.action))
                .replace("%3", when.strftime("%H:%M") if when else ""), 6000)

    def _others_changed(self, count: int) -> None:
        """Hook for the benchmark and tests: ``count`` feed rows of others were shown."""

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.WindowActivate:
            self.session.catch_up()  # back to the window: catch up at once
        return super().event(event)

    def _show_database(self) -> None:
        loc = self.opened.location if self.opened else ""
        self._show_title()
        self.db_label.setText(loc)
        self._show_who()
        if self.analytics_page is not None:
            self.analytics_page.database_changed()
        self.fill_pipelines()
        if self._customers is not None:
            self._customers.form.load(None)
            self._customers.reload()

    def _show_title(self) -> None:
        """The business's name (Settings), the database's file name (or server) and the
        app's: "Acme Trading — funnel.sqlite — Funnel Desktop"."""
        loc = self.opened.location if self.opened else ""
        name = Path(loc).name if self.opened and self.opened.is_sqlite else mask_url(loc)
        business = " ".join(str(get_setting("business_name", "") or "").split()) \
            if self.opened else ""
        if business and name:
            parts = (business, name)  # in one pass: a name may hold "%2"
            title = re.sub(r"%([12])", lambda m: parts[int(m[1]) - 1],
                           self.tr("%1 — %2 — Funnel Desktop"))
        elif name:
            title = self.tr("%1 — Funnel Desktop").replace("%1", name)
        else:
            title = self.tr("Funnel Desktop")
        self.setWindowTitle(title)

    def _settings_changed(self, changes: Changes) -> None:
        if changes.touches("settings", "all"):
            self._show_title()  # the business's name, here or in another window

    def switch_database(self, location: str, create: bool = False) -> bool:
        return self.session.switch(location, create)

    def show_store_error(self, err: StoreError) -> None:
        ask.error(self, self.tr("Cannot open the database"), error_text(err))

    def new_database(self) -> None:
        self.session.new_database()

    def open_database_dialog(self) -> None:
        self.session.open_dialog()

    def recent(self) -> list[str]:
        return self.session.recent()

    def remember_recent(self, location: str) -> None:
        self.session.remember_recent(location)

    def _fill_recent(self) -> None:
        self.session.fill_recent(self.recent_menu)

    def save_copy(self) -> Path | None:
        return self.session.save_copy()

    def backup_now(self) -> Path | None:
        return self.session.backup_now()

    def restore_from_backup(self) -> bool:
        return self.session.restore_from_backup()

    def check_database_later(self) -> None:
        self.session.check_later()

    def database_check_pending(self) -> bool:
        return self.session.check_pending()

    def wait_database_check(self, timeout: float | None = None, *, stop: bool = False
                            ) -> StoreError | None:
        return self.session.wait_check(timeout, stop=stop)

    def database_damaged(self, err: StoreError) -> bool:
        return self.session.damaged(err)

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
        from .transfer.import_wizard import run_import_wizard

        pipeline_id = self.board_page.pipeline_id
        if pipeline_id is None:  # no pipeline shown (the last one cannot be deleted)
            return
        outcome = run_import_wizard(self, self.ctx.services, pipeline_id, self.ctx.runner)
        if outcome is not None:
            self.ctx.record(outcome, self.tr("Import"))

    def export_data(self) -> None:
        from .transfer.export_dialog import run_export_dialog

        run_export_dialog(self, self.ctx.runner, self.saved_notice)

    # -- misc -------------------------------------------------------------------------------
    def _undo_hint(self, _index: int) -> None:
        st = self.ctx.undo_stack
        if st.canUndo() and st.index() == st.count():
            self.statusBar().showMessage(
                self.tr("%1 — Ctrl+Z to undo").replace("%1", st.undoText()), 5000)

    def show_help(self, tab: int = GUIDE) -> QWidget:
        """Help ▸ Getting started / Keyboard shortcuts (a window beside this one)."""
        return show_help(self, self.menuBar(), tab)

    def _about(self) -> None:
        from .common.about_dialog import show_about

        show_about(self, self.opened.location if self.opened is not None else "")

    def _restore_layout(self) -> None:
        geometry = self.settings.value("window/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        state = self.settings.value("window/state")
        if state is not None:
            self.restoreState(state)

    def save_layout(self) -> None:
        self.settings.setValue("window/geometry", self.saveGeometry())
        self.settings.setValue("window/state", self.saveState())
        if self._customers is not None:
            self.settings.setValue("window/customersSplitter",
                                   self._customers.splitter.saveState())
        self.settings.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.customers_may_leave():
            event.ignore()
            return
        self.save_layout()
        self.session.close()  # a backup being written is finished first
        self.ctx.bridge.detach()
        super().closeEvent(event)


__all__ = ["MainWindow", "prepare_database"]
