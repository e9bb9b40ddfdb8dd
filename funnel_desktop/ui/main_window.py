"""The main window: menus, toolbar (pipeline, new deal, view switcher), the stacked pages
(board, customers; more can be added), undo/redo, and the database it works on."""

from __future__ import annotations

import contextlib
import threading
import zlib
from collections.abc import Callable
from datetime import UTC, date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QSettings, QSize, Qt, QTimer, Signal
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
from ..store.backup import (
    backup_now,
    backup_sqlite,
    default_backup_dir,
    restore_backup,
    rolling_backup,
)
from ..store.db import FileCheck, OpenedDatabase
from ..store.models import Deal, Pipeline, database
from .analytics.target_tile import MonthTargetTile
from .app import icon
from .board.board_page import BoardPage
from .common import ask, wheel_guard
from .common.context import AppContext
from .common.events import EventBridge
from .common.fmt import Formatter
from .common.keys import preferences_keys, quit_keys
from .common.messages import error_text
from .common.saved_notice import STATUS_MS, SavedNotice
from .common.screen_fit import fit_to_screen
from .database.db_problem_dialog import OPEN_OTHER, RESTORE
from .database.db_recovery import backup_on_open, backups_to_keep, open_with_recovery
from .database.live import LiveUpdates

if TYPE_CHECKING:
    from .analytics.page import AnalyticsPage
    from .customers.customers import CustomersPage
    from .deals.deal_editor import DealEditor

MAX_RECENT = 8
#: Start the deferred database check this long after the window was shown if it has not
#: painted by then (e.g. started minimised), ms.
CHECK_FALLBACK_MS = 2000


class _DatabaseCheck(QObject):
    """``PRAGMA quick_check`` of the open file in a worker thread (a read-only connection of
    its own), then — only when the file is sound — the rolling backup taken on opening.

    Signals:
        done(object): the :class:`StoreError` found, or None (on the main thread).
    """

    done = Signal(object)

    def __init__(self, opened: OpenedDatabase, keep: int | None, parent: QObject) -> None:
        super().__init__(parent)
        self.path = opened.path
        self.location = opened.location
        self.keep = keep  # backups to keep; None: take none (read-only, or turned off)
        self.error: StoreError | None = None
        self.finished = False
        self.file_check = FileCheck(self.path)
        self.stopped = False  # the window closes or the file goes: cut short, no backup
        # not a daemon: a backup being written is finished before the process exits
        self.thread = threading.Thread(target=self._work, name="database-check")

    def _work(self) -> None:
        error: StoreError | None = None
        try:
            self.file_check.run()
        except StoreError as err:
            error = err
        except Exception as exc:  # never a traceback from a thread: a check that failed
            error = StoreError("db_error", path=self.location, detail=str(exc))
        if error is None and self.keep and not self.stopped:
            with contextlib.suppress(Exception):  # a backup that cannot be made never stops
                rolling_backup(self.path, keep=self.keep)  # the user from working
        self.error, self.finished = error, True
        with contextlib.suppress(RuntimeError):  # the window is gone
            self.done.emit(error)


class _FirstPaint(QObject):
    """Calls ``then`` once, after ``widget`` has painted for the first time."""

    def __init__(self, widget: QWidget, then: Callable[[], None]) -> None:
        super().__init__(widget)
        self.then = then
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self.then)  # after the whole window has painted
        return False


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
        wheel_guard.install()  # the wheel changes only a focused field, app-wide
        self.setObjectName("mainWindow")
        self.opened = opened
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
        fit_to_screen(self, QSize(1360, 860))  # a small laptop's screen holds it whole

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
        self._check: _DatabaseCheck | None = None

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
        #: Other writers' commits, shown here as they land (None: no database open).
        self.live: LiveUpdates | None = None
        self._watch_database()
        self.ctx.bridge.changed.connect(self._note_remote)
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
        from .app import switch_language

        return switch_language(self, lang)

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
            for pid, name in (Pipeline.select(Pipeline.id, Pipeline.name)
                              .order_by(Pipeline.position, Pipeline.id).tuples()):
                self.pipeline_combo.addItem(name, pid)
        wanted = self.settings.value(self._pipeline_key(), None)
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

    # -- database ---------------------------------------------------------------------------
    def _stop_watching(self) -> None:
        if self.live is not None:
            self.live.stop()
            self.live.deleteLater()
            self.live = None

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

    def _watch_database(self) -> None:
        """Follow the open database's change feed (another window, the command line, a
        team); the old database's watcher stops."""
        self._stop_watching()
        if self.opened is None:
            return
        try:
            self.live = LiveUpdates(self.opened.reopen_with,
                                    self.ctx.services.client, self.ctx.services.bus, self)
        except StoreError:
            return  # the window still works; it just does not see others' changes
        self.live.arrived.connect(self._others_changed)

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
        if event.type() == QEvent.Type.WindowActivate and self.live is not None:
            self.live.poll(force=True)  # back to the window: catch up at once
        return super().event(event)

    def _show_database(self) -> None:
        loc = self.opened.location if self.opened else ""
        name = Path(loc).name if self.opened and self.opened.is_sqlite else loc
        self.setWindowTitle(self.tr("%1 — Funnel Desktop").replace("%1", name) if name
                            else self.tr("Funnel Desktop"))
        self.db_label.setText(loc)
        self._show_who()
        self.fill_pipelines()
        if self._customers is not None:
            self._customers.form.load(None)
            self._customers.reload()

    def switch_database(self, location: str, create: bool = False) -> bool:
        """Open another database in this window; on failure keep the current one and say
        why."""
        if not self.customers_may_leave():
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
        self._watch_database()
        backup_on_open(opened)
        if not opened.readonly:
            prepare_database(self.ctx.services, self.lang)
        self.ctx.read_settings()
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
        from .database.new_database_dialog import NewDatabaseDialog

        dlg = NewDatabaseDialog(path, self.lang, self)
        ask.run_dialog(dlg)  # the currency its amounts are kept in
        if dlg.cancelled:
            return
        if self.switch_database(path, create=True):
            self.ctx.services.set_setting("currency", dlg.chosen())
            self.ctx.read_settings()
            self._show_database()

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
        self.saved_notice.show_saved(out, self.tr("Saved a copy to %1").replace("%1", str(out)),
                                     can_open=False)
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
        self.saved_notice.show_saved(out, self.tr("Backed up to %1").replace("%1", str(out)),
                                     can_open=False)
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
        self.wait_database_check(stop=True)
        self._stop_watching()
        database.obj.close()
        try:
            restore_backup(chosen, path)
        except StoreError as err:
            ask.error(self, self.tr("Restore from a backup"), error_text(err))
            self.switch_database(location)
            return False
        self.opened = None
        return self.switch_database(location)

    def check_database_later(self) -> None:
        """The checks a start leaves for after the first paint (``open_database`` with
        ``defer_check``): ``PRAGMA quick_check`` of the file in a worker thread, then the
        rolling backup when it is sound; a damaged file goes to :meth:`database_damaged`.
        Nothing to do for a server database."""
        opened = self.opened
        if opened is None or not opened.is_sqlite or opened.path is None:
            return
        keep = None if opened.readonly else backups_to_keep()
        self.wait_database_check(stop=True)
        check = self._check = _DatabaseCheck(opened, keep, self)
        check.done.connect(lambda error: self._database_checked(check, error))
        started = False

        def start() -> None:
            nonlocal started
            if not started and self._check is check:
                started = True
                check.thread.start()

        _FirstPaint(self, start)
        QTimer.singleShot(CHECK_FALLBACK_MS, check, start)  # never painted (minimised…)

    def database_check_pending(self) -> bool:
        """Whether the check after the first paint has not run to its end (not started, still
        running, or cut short) — a window that replaces this one must do it again."""
        return self._check is not None and (not self._check.finished or self._check.stopped)

    def wait_database_check(self, timeout: float | None = None, *, stop: bool = False
                            ) -> StoreError | None:
        """Wait for a running check, or with ``stop`` cut it short (before the file is
        closed or replaced; a backup being written is finished); what it found."""
        check = self._check
        if check is None:
            return None
        if stop:
            check.stopped = True
            check.file_check.cancel()
        if check.thread.is_alive():
            check.thread.join(timeout)
        return check.error

    def _database_checked(self, check: _DatabaseCheck, error: StoreError | None) -> None:
        if (error is None or check is not self._check or self.opened is None
                or self.opened.location != check.location):
            return  # sound, or another database is open by now
        if error.code == "db_corrupt":
            self.database_damaged(error)
        # anything else (e.g. locked by another program) only kept the check from running

    def database_damaged(self, err: StoreError) -> bool:
        """The open file turned out to be damaged after the window showed: the same
        database-problem dialog as at opening (restore a backup, open another file, quit).
        True when a sound database is open afterwards; else the window closes."""
        assert self.opened is not None
        location = self.opened.location
        choice = ask.db_problem(self, err, location)
        ok = False
        if choice.action == RESTORE and choice.path is not None:
            self.wait_database_check(stop=True)
            self._stop_watching()
            database.obj.close()
            try:
                restore_backup(choice.path, location)
            except StoreError as restore_err:
                ask.error(self, self.tr("Restore from a backup"), error_text(restore_err))
            self.opened = None
            ok = self.switch_database(location)  # checked again; asks again if still bad
        elif choice.action == OPEN_OTHER and choice.path is not None:
            ok = self.switch_database(str(choice.path))
        if not ok:
            self.close()
        return ok

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

        outcome = run_import_wizard(self, self.ctx.services, self.board_page.pipeline_id)
        if outcome is not None:
            self.ctx.record(outcome, self.tr("Import"))

    def export_data(self) -> None:
        from .transfer.export_dialog import run_export_dialog

        run_export_dialog(self, self.saved_notice)

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
        self._stop_watching()
        self.wait_database_check(stop=True)  # a backup being written is finished first
        self.ctx.bridge.detach()
        super().closeEvent(event)


__all__ = ["MainWindow", "prepare_database"]
