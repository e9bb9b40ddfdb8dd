"""The main window: first run, pages, layout memory, databases (new, open, recent, copy,
errors), import/export placeholders, and run_app's error path."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings
from ui_support import make_window

from funnel_desktop.services import Services
from funnel_desktop.store.db import open_database
from funnel_desktop.store.models import Deal, Pipeline, Stage
from funnel_desktop.ui import app as app_module
from funnel_desktop.ui.main_window import MainWindow


def test_first_run_creates_the_b2b_pipeline(empty_window: MainWindow) -> None:
    w = empty_window
    assert [p.template for p in Pipeline.select()] == ["b2b6"]
    b = w.board_page.board
    assert [c.stage.name for c in b.columns] == ["Nurture & identify", "Product introduction",
                                                 "Needs & solution", "Quote / contract"]
    strip = w.board_page.strip
    assert (strip.open_deals.value.text(), strip.pipeline.value.text(),
            strip.weighted.value.text(), strip.win_rate.value.text()) == ("0", "¥0", "¥0", "—")
    assert all(c.header.totals.text() == "0 deals  ·  ¥0" for c in b.columns)
    assert w.pipeline_combo.currentText() == "B2B six stages"


def test_view_switcher_and_menu(window: MainWindow) -> None:
    assert window.current_page() == "board"
    window.view_buttons["customers"].click()
    assert window.current_page() == "customers"
    assert window.settings.value("window/page") == "customers"
    window.show_page("board")
    assert window.view_buttons["board"].isChecked()
    menus = [a.text() for a in window.menuBar().actions()]
    assert menus == ["&File", "&Edit", "&View", "&Deal", "&Analytics", "&Reports", "&Tools",
                     "&Help"]


def test_extra_page_can_be_added(window: MainWindow) -> None:
    from PySide6.QtWidgets import QLabel

    window.add_page("extra", "Extra", QLabel("more"))
    window.show_page("extra")
    assert window.current_page() == "extra"
    assert [a.text() for a in window.view_menu.actions()] == ["Board", "Customers",
                                                              "Analytics", "Extra"]


def test_layout_is_remembered(qtbot: Any, demo: Any, ui_settings: QSettings,
                              answers: Any) -> None:
    w = make_window(qtbot, Services(), demo, ui_settings)
    w.resize(1111, 777)
    w.customers_page.splitter.setSizes([300, 900])
    w.close()
    assert ui_settings.value("window/geometry") is not None
    w2 = make_window(qtbot, Services(), demo, ui_settings)
    assert w2.customers_page.splitter.saveState() == ui_settings.value(
        "window/customersSplitter")
    w2.ctx.bridge.detach()


def test_pipeline_switcher_changes_the_board(window: MainWindow,
                                             ui_services: Services) -> None:
    pid = ui_services.create_pipeline("weekly6", "en").value
    window.fill_pipelines()
    assert window.pipeline_combo.count() == 2
    window.set_pipeline(pid)
    assert window.board_page.pipeline_id == pid
    assert [c.stage.name for c in window.board_page.board.columns][-1] == \
        "Quote & negotiation"
    assert all(c.model.total() == 0 for c in window.board_page.board.columns)
    window.ctx.settings.sync()
    window.fill_pipelines()  # the choice is remembered per database
    assert window.board_page.pipeline_id == pid


def test_new_database_switches_and_remembers_recent(window: MainWindow, answers: Any,
                                                    tmp_path: Path) -> None:
    window.ctx.undo_stack.push(__import__("PySide6.QtGui", fromlist=["QUndoCommand"])
                               .QUndoCommand("x"))
    path = tmp_path / "second.sqlite"
    answers.paths = [str(path)]
    window.new_database()
    assert path.exists() and window.opened.location == str(path)
    assert Deal.select().count() == 0 and Pipeline.select().count() == 1
    assert window.ctx.undo_stack.count() == 0
    assert window.recent()[0] == str(path)
    assert window.windowTitle() == "second.sqlite — Funnel Desktop"
    assert len(window.board_page.board.columns) == 4


def test_opening_a_broken_file_keeps_the_current_database(window: MainWindow, answers: Any,
                                                          tmp_path: Path) -> None:
    bad = tmp_path / "broken.sqlite"
    bad.write_bytes(b"this is not a database at all" * 100)
    deals = Deal.select().count()
    answers.paths = [str(bad)]
    window.open_database_dialog()
    assert len(answers.errors) == 1
    assert str(bad) in answers.errors[0] and "Traceback" not in answers.errors[0]
    assert Deal.select().count() == deals  # still bound to the demo database
    assert window.opened.location != str(bad)


def test_save_a_copy(window: MainWindow, answers: Any, tmp_path: Path) -> None:
    dest = tmp_path / "copy.sqlite"
    answers.paths = [str(dest)]
    assert window.save_copy() == dest
    deals = Deal.select().count()
    src = window.opened
    copy = open_database(dest)
    assert Deal.select().count() == deals
    copy.db.close()
    from funnel_desktop.store.models import database

    database.initialize(src.db)
    answers.paths = [src.location]
    assert window.save_copy() is None
    assert answers.errors[-1] == "Choose another file than the open database."


def test_run_app_shows_store_errors_in_words(monkeypatch: pytest.MonkeyPatch, qapp: Any,
                                             answers: Any, tmp_path: Path) -> None:
    monkeypatch.setattr(app_module, "setup_application", lambda app, lang: None)
    bad = tmp_path / "bad.sqlite"
    bad.write_bytes(b"garbage" * 500)
    assert app_module.run_app(str(bad), "en") == 3  # the user chose Quit
    assert len(answers.errors) == 1 and str(bad) in answers.errors[0]
    assert "Traceback" not in answers.errors[0]
    assert bad.read_bytes() == b"garbage" * 500


def test_language_choice(qapp: Any, ui_settings: QSettings) -> None:
    assert app_module.startup_language("zh", ui_settings) == "zh"
    assert app_module.startup_language("zh_CN", ui_settings) == "zh"
    assert app_module.startup_language("en", ui_settings) == "en"
    ui_settings.setValue(app_module.LANGUAGE_KEY, "zh")  # the user's preference…
    assert app_module.startup_language(None, ui_settings) == "zh"
    assert app_module.startup_language("en", ui_settings) == "en"  # …unless told otherwise
    assert app_module.TRANSLATION.switch("en") == "en"
    assert "@ICONS@" not in app_module.style_sheet()


def test_undo_and_redo_actions_carry_the_names(window: MainWindow) -> None:
    assert window.undo_action.text() == "Undo"
    assert "Ctrl+Z" in [k.toString() for k in window.undo_action.shortcuts()]
    assert "Ctrl+Shift+Z" in [k.toString() for k in window.redo_action.shortcuts()]
    b = window.board_page.board
    deal_id = b.columns[0].model.ids[0]
    b.move_ids([deal_id], b.columns[1].stage.id)
    assert window.undo_action.text() == "Undo Move deal to “Product introduction”"
    window.undo_action.trigger()
    assert window.redo_action.text() == "Redo Move deal to “Product introduction”"
    assert Deal.get_by_id(deal_id).stage_id == b.columns[0].stage.id


def test_error_from_a_service_is_shown_in_words(window: MainWindow, answers: Any) -> None:
    b = window.board_page.board
    won = Stage.get((Stage.pipeline == b.pipeline_id) & (Stage.kind == "won"))
    deal_id = b.columns[0].model.ids[0]
    assert not b.move_ids([deal_id], won.id)
    assert answers.errors == ["Use Won or Lost to close a deal, so the reason is kept."]


def test_a_broken_file_can_be_restored_from_a_backup(window: MainWindow, answers: Any,
                                                    tmp_path: Path) -> None:
    from funnel_desktop.store.backup import backup_now
    from funnel_desktop.ui.database.db_problem_dialog import RESTORE, DbChoice

    good = tmp_path / "shop.sqlite"
    copy = open_database(good)
    copy.db.close()
    backup = backup_now(good)
    good.write_bytes(b"garbage" * 1000)  # the file is damaged after the backup
    answers.db_choices = [DbChoice(RESTORE, backup)]
    answers.paths = [str(good)]
    window.open_database_dialog()
    assert "damaged" in answers.errors[0]
    assert window.opened.location == str(good)
    assert window.opened.schema_version >= 1


def test_back_up_now_and_restore(window: MainWindow, answers: Any) -> None:
    out = window.backup_now()
    assert out is not None and out.exists()
    deals = Deal.select().count()
    Deal.delete().where(Deal.id == Deal.select().first().id).execute()
    assert Deal.select().count() == deals - 1
    answers.paths = [str(out)]
    assert window.restore_from_backup()
    assert Deal.select().count() == deals
