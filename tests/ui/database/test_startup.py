"""Starting the app quickly: the file's full check waits for the first paint and still
reports a damaged file the usual way; the Analytics and Customers pages are built when first
needed (pyqtgraph and numpy are not imported before); the month's target tile lives on the
strip without the page and reads nothing when a card moves between open stages."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from db_files import damage_table
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication
from ui_support import TODAY, send_drop

from funnel_desktop.core.analytics import target_progress
from funnel_desktop.core.dates import period_of
from funnel_desktop.core.values import Segment
from funnel_desktop.services import Services
from funnel_desktop.store import analytics_queries as aq
from funnel_desktop.store.analytics_data import progress_rows
from funnel_desktop.store.backup import backup_now, list_backups
from funnel_desktop.store.db import open_database
from funnel_desktop.store.models import Deal, Reason, database
from funnel_desktop.ui import app as app_module
from funnel_desktop.ui.analytics.target_tile import month_target_progress
from funnel_desktop.ui.database.db_problem_dialog import RESTORE, DbChoice
from funnel_desktop.ui.main_window import MainWindow


def demo_file(path: Path) -> Path:
    """A closed database file holding the demo business (300 deals)."""
    from funnel_desktop.services.demo import generate

    opened = open_database(path)
    generate(Services(user="demo"), deals=300, seed=1, lang="en", today=TODAY)
    opened.db.close()
    return path


@pytest.fixture
def started(qtbot: Any, ui_settings: QSettings, answers: Any) -> Iterator[Any]:
    """``started(path)``: the app's start on ``path``, as ``python main.py --db path``."""
    def start(path: Path) -> MainWindow | int:
        result = app_module.start(str(path), "en", ui_settings)
        if isinstance(result, MainWindow):
            qtbot.addWidget(result)
        return result

    yield start
    for w in app_module.WINDOWS:
        w.wait_database_check()
        w.ctx.bridge.detach()
    app_module.WINDOWS.clear()
    if database.obj is not None:
        database.obj.close()


def checked(qtbot: Any, w: MainWindow) -> None:
    """Wait until the check after the first paint has run and been reported."""
    qtbot.waitUntil(lambda: w._check is not None and w._check.finished, timeout=10000)
    QApplication.processEvents()  # the queued report


# -- the check after the first paint -------------------------------------------------------
def test_a_sound_file_is_checked_after_the_window_shows_then_backed_up(
        qtbot: Any, started: Any, tmp_path: Path, answers: Any) -> None:
    path = demo_file(tmp_path / "shop.sqlite")
    w = started(path)
    assert isinstance(w, MainWindow) and w.isVisible()
    assert list_backups(path) == []  # the rolling backup waits for the check
    checked(qtbot, w)
    assert w._check.error is None and answers.errors == []
    assert [b.label for b in list_backups(path)] == ["auto"]
    assert w.opened.location == str(path) and w.isVisible()


def test_damage_found_after_the_window_shows_offers_the_backups(
        qtbot: Any, started: Any, tmp_path: Path, answers: Any) -> None:
    path = demo_file(tmp_path / "shop.sqlite")
    backup = backup_now(path)
    deals = sqlite3.connect(path).execute("SELECT COUNT(*) FROM deal").fetchone()[0]
    damage_table(path, "activity")  # not read while the window is built
    answers.db_choices = [DbChoice(RESTORE, backup)]
    w = started(path)
    assert isinstance(w, MainWindow)
    checked(qtbot, w)
    assert w._check.error is not None and w._check.error.code == "db_corrupt"
    assert answers.errors == [f"The database {path} is damaged (database disk image is "
                              "malformed). Restore a backup or open another file."]
    # restored: the window goes on with the backup's data, checked
    assert w.isVisible() and w.opened is not None and w.opened.location == str(path)
    assert Deal.select().count() == deals
    assert sqlite3.connect(path).execute("PRAGMA quick_check").fetchone() == ("ok",)
    assert sorted(b.label for b in list_backups(path)) == ["auto", "before-restore", "manual"]


def test_damage_found_after_the_window_shows_and_quit_closes_it(
        qtbot: Any, started: Any, tmp_path: Path, answers: Any) -> None:
    path = demo_file(tmp_path / "shop.sqlite")
    damage_table(path, "activity")
    w = started(path)
    assert isinstance(w, MainWindow)
    checked(qtbot, w)
    assert len(answers.errors) == 1 and "is damaged" in answers.errors[0]
    qtbot.waitUntil(lambda: not w.isVisible(), timeout=3000)
    assert list_backups(path) == []  # a damaged file does not push out a good backup


def test_a_language_switch_before_the_check_hands_it_to_the_new_window(
        qtbot: Any, started: Any, tmp_path: Path, answers: Any, ui_settings: QSettings
        ) -> None:
    path = demo_file(tmp_path / "shop.sqlite")
    damage_table(path, "activity")
    w = app_module.start(str(path), "en", ui_settings)  # (not kept by qtbot: it is deleted)
    assert isinstance(w, MainWindow) and w.database_check_pending()
    try:
        new = app_module.switch_language(w, "zh")  # before the first paint: the old one's
        assert new is not None  # check stops when it closes
        qtbot.addWidget(new)
        assert w._check is not None and w._check.stopped
        assert app_module.WINDOWS[-1] is new and len(app_module.WINDOWS) == 1
        checked(qtbot, new)
        assert new._check.error is not None and new._check.error.code == "db_corrupt"
        assert len(answers.errors) == 1
    finally:
        app_module.TRANSLATION.switch("en")


def test_damage_the_start_reads_is_reported_before_any_window(
        started: Any, tmp_path: Path, answers: Any) -> None:
    path = demo_file(tmp_path / "shop.sqlite")
    damage_table(path, "deal")  # the board reads it while the window is built
    assert started(path) == 3  # the user chose to quit
    assert answers.errors == [f"The database {path} is damaged (database disk image is "
                              "malformed). Restore a backup or open another file."]
    assert app_module.WINDOWS == []


# -- pages built when first needed ---------------------------------------------------------
PROBE = r"""
import json, sys
from datetime import date
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication
app = QApplication([])
from funnel_desktop.services import Services
from funnel_desktop.store.db import open_database
from funnel_desktop.ui.main_window import MainWindow
w = MainWindow(Services(user="t"), open_database(sys.argv[1]), "en",
               QSettings(sys.argv[2], QSettings.Format.IniFormat),
               today=lambda: date(2026, 11, 24))
w.show()
app.processEvents()
heavy = ("pyqtgraph", "numpy", "funnel_desktop.ui.analytics.page",
         "funnel_desktop.store.analytics_data", "funnel_desktop.ui.customers.customers")
out = {"before": [m for m in heavy if m in sys.modules],
       "pages": [w.analytics_page is None, w._customers is None],
       "tile": w.target_tile.value.text()}
w.show_page("analytics")
out["after"] = [m for m in heavy if m in sys.modules]
out["shown"] = w.stack.currentWidget() is w.analytics_page
print(json.dumps(out))
"""


def test_the_board_starts_without_pyqtgraph_numpy_or_the_other_pages(
        tmp_path: Path) -> None:
    path = demo_file(tmp_path / "shop.sqlite")
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    run = subprocess.run([sys.executable, "-c", PROBE, str(path), str(tmp_path / "s.ini")],
                         env=env, capture_output=True, text=True, timeout=120, check=True)
    out = json.loads(run.stdout.strip().splitlines()[-1])
    assert out["before"] == []
    assert out["pages"] == [True, True]
    assert out["tile"] != "—" or "no target" in out["tile"]
    assert out["after"] == ["pyqtgraph", "numpy", "funnel_desktop.ui.analytics.page",
                            "funnel_desktop.store.analytics_data"]
    assert out["shown"]


def test_pages_are_built_on_first_show_and_kept(window: MainWindow) -> None:
    assert window.analytics_page is None and window._customers is None
    assert window.current_page() == "board"
    window.show_page("customers")
    customers = window._customers
    assert customers is not None and window.pages["customers"] is customers
    assert window.stack.currentWidget() is customers
    window.show_page("analytics")
    page = window.analytics_page
    assert page is not None and window.analytics() is page
    assert window.current_page() == "analytics"
    assert [window.stack.widget(i) for i in range(window.stack.count())] == [
        window.board_page, customers, page]
    window.show_page("board")
    window.show_page("analytics")
    assert window.analytics_page is page and window.stack.count() == 3


def test_targets_from_the_menu_need_no_page(window: MainWindow, answers: Any) -> None:
    dlg = window.edit_targets()
    assert window.analytics_page is None
    assert ("dialog", dlg) in answers.asked
    assert dlg.chosen_scope() == ("business", None, None)


# -- the month's target tile ---------------------------------------------------------------
def page_numbers(pipeline_id: int, segment: Segment | None = None
                 ) -> tuple[int | None, int]:
    """This month's target and won toward it as the Analytics page computes them."""
    month = target_progress(aq.load_snapshot(pipeline_id, segment), TODAY,
                            progress_rows(TODAY, aq.target_scope(segment)))[0]
    assert month.kind == "month"
    return month.target, month.won


def tile_numbers(w: MainWindow, segment: Segment | None = None) -> tuple[int | None, int]:
    return page_numbers(w.board_page.pipeline_id, segment)


def test_the_tile_shows_from_the_start_with_the_pages_numbers(
        window: MainWindow, ui_services: Services) -> None:
    tile = window.target_tile
    assert tile.parent() is window.board_page.strip and tile.isVisible()
    assert window.analytics_page is None
    assert (tile.target, tile.won) == tile_numbers(window)
    assert tile.won > 0  # the demo won deals this month
    p = period_of("month", TODAY)
    ui_services.set_target("business", p.start, p.end, "1500000")
    assert (tile.target, tile.won) == tile_numbers(window) == (150_000_000, tile.won)
    assert tile.value.text() == window.ctx.fmt.percent(tile.won / 150_000_000)


def test_the_light_query_gives_the_pages_numbers_for_every_scope(
        window: MainWindow, ui_services: Services) -> None:
    from funnel_desktop.store.models import Owner

    owner = Owner.select().first()
    p = period_of("quarter", TODAY)
    ui_services.set_target("owner", p.start, p.end, "300000", owner_id=owner.id)
    ui_services.set_target("business", p.start, p.end, "900000")
    pid = window.board_page.pipeline_id
    for segment in (None, Segment(owner_ids=(owner.id,)), Segment(team_ids=(owner.team_id,)),
                    Segment(region_ids=(1,), priorities=("high",))):
        assert month_target_progress(pid, segment, TODAY) == page_numbers(pid, segment)
    # the business's own month target (1,200,000) wins over its quarter's share (300,000);
    # the owner has only a quarter target: 300,000 ÷ 3 months; the team has none
    assert month_target_progress(pid, None, TODAY)[0] == 120_000_000
    assert month_target_progress(pid, Segment(owner_ids=(owner.id,)), TODAY)[0] == 10_000_000
    assert month_target_progress(pid, Segment(team_ids=(owner.team_id,)), TODAY)[0] is None
    assert month_target_progress(None, None, TODAY) == (None, 0)


def test_a_move_between_open_stages_reads_nothing_a_won_deal_reads_again(
        window: MainWindow, answers: Any, qtbot: Any) -> None:
    tile, board = window.target_tile, window.board_page.board
    before, reads = (tile.target, tile.won), tile.reads
    deal_id = board.columns[0].model.ids[0]
    assert send_drop(board.columns[1].view.viewport(), [deal_id])
    assert Deal.get_by_id(deal_id).stage_id == board.columns[1].stage.id
    assert tile.reads == reads and (tile.target, tile.won) == before
    window.undo_action.trigger()  # an undo is not a plain move: read again
    assert tile.reads == reads + 1
    reason = Reason.select().where(Reason.kind == "won").first()
    answers.reason = (reason.id, "")
    deal_id = board.columns[2].model.ids[0]
    amount = Deal.get_by_id(deal_id).amount
    assert send_drop(board.won_target, [deal_id])
    qtbot.waitUntil(lambda: Deal.get_by_id(deal_id).closed_at is not None, timeout=3000)
    assert tile.reads == reads + 2
    assert (tile.target, tile.won) == tile_numbers(window) == (before[0], before[1] + amount)
    assert window.analytics_page is None


def test_the_tile_follows_the_board_filters_and_pipeline(window: MainWindow) -> None:
    from funnel_desktop.store.models import Owner

    tile = window.target_tile
    owner = Owner.select().first()
    window.board_page.filters.set_value("owner", owner.id, owner.name)
    seg = Segment(owner_ids=(owner.id,))
    assert tile.segment == window.board_page.filters.segment()
    assert (tile.target, tile.won) == tile_numbers(window, seg)
    window.board_page.filters.clear()
    assert (tile.target, tile.won) == tile_numbers(window)
    reads = tile.reads
    window.fill_pipelines()
    assert tile.reads == reads + 1
