"""An unexpected error in the app: the crash dialog says whether the last change was saved,
copies its details and opens the log folder, the error is in the log (passwords masked), and
the window goes on working."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from ui_support import send_drop

from funnel_desktop import app_log
from funnel_desktop.services import journal
from funnel_desktop.services.journal import Fate
from funnel_desktop.store.models import Deal, StageHistory
from funnel_desktop.store.prepared import Prepared
from funnel_desktop.ui.common import crash_dialog, folders
from funnel_desktop.ui.common.crash_dialog import CrashDialog, CrashReporter
from funnel_desktop.ui.main_window import MainWindow


@pytest.fixture
def logs(tmp_path: Path) -> Any:
    folder = tmp_path / "logs"
    app_log.setup(folder)
    yield folder
    app_log.shutdown()


def log_text(folder: Path) -> str:
    for h in logging.getLogger().handlers:
        h.flush()
    return (folder / app_log.LOG_NAME).read_text(encoding="utf-8")


def columns(w: MainWindow) -> list[Any]:
    return w.board_page.board.columns


def from_the_event_loop(qtbot: Any, action: Any) -> None:
    """Run ``action`` as the event loop would (a user's drop): an exception it raises goes
    to ``sys.excepthook``, as in the app, not back to the test."""
    done: list[bool] = []

    def run() -> None:
        done.append(True)
        action()

    QTimer.singleShot(0, run)
    qtbot.waitUntil(lambda: bool(done))
    QApplication.processEvents()


def shown_dialogs() -> list[CrashDialog]:
    return [w for w in QApplication.topLevelWidgets()
            if isinstance(w, CrashDialog) and w.isVisible()]


def test_an_error_inside_a_change_says_it_was_not_saved(window: MainWindow, logs: Path,
                                                        monkeypatch: pytest.MonkeyPatch,
                                                        qtbot: Any) -> None:
    src, dst = columns(window)[0], columns(window)[2]
    deal_id = src.model.ids[0]
    journal.forget()

    def overflow(*args: Any, **kwargs: Any) -> None:
        raise OverflowError("Python int too large to convert to SQLite INTEGER")

    reporter = CrashReporter(logs, lambda: window.opened.location)
    with app_log.Hooks(report=reporter.report, qt=False), monkeypatch.context() as mp:
        mp.setattr(StageHistory, "insert_many", overflow)
        mp.setattr(Prepared, "execute", overflow)  # a single move's prepared writes
        from_the_event_loop(qtbot, lambda: send_drop(dst.view.viewport(), [deal_id]))
    dialog = reporter.dialog
    assert dialog is not None and dialog.isVisible() and shown_dialogs() == [dialog]
    assert dialog.headline.text() == ("Something went wrong. Your last change was not "
                                      "saved.")
    assert dialog.parent() is window  # over the window it happened in
    assert "Python int too large to convert" in dialog.details()
    assert f"Database: {window.opened.location}" in dialog.details()
    assert "Last change: not saved" in dialog.details()
    assert Deal.get_by_id(deal_id).stage_id == src.stage.id  # indeed not saved
    assert "unexpected error:" in log_text(logs)
    assert "Python int too large to convert" in log_text(logs)
    dialog.reject()
    qtbot.waitUntil(lambda: reporter.dialog is None)
    # the app keeps running: the same drop now works
    assert send_drop(dst.view.viewport(), [deal_id])
    assert Deal.get_by_id(deal_id).stage_id == dst.stage.id
    assert deal_id in dst.model.ids and deal_id not in src.model.ids


def test_an_error_after_a_change_says_it_was_saved(window: MainWindow, logs: Path,
                                                   monkeypatch: pytest.MonkeyPatch,
                                                   qtbot: Any) -> None:
    src, dst = columns(window)[0], columns(window)[1]
    deal_id = src.model.ids[0]
    copied: list[str] = []
    opened: list[Path] = []
    monkeypatch.setattr(folders, "open_folder", lambda path: opened.append(path) or True)

    def broken_slot(_changes: object) -> None:
        raise RuntimeError("a refresh failed for postgresql://ann:s3cret@db/shop")

    window.ctx.bridge.changed.connect(broken_slot)
    reporter = CrashReporter(logs, lambda: window.opened.location)
    with app_log.Hooks(report=reporter.report, qt=False):
        from_the_event_loop(qtbot, lambda: send_drop(dst.view.viewport(), [deal_id]))
    window.ctx.bridge.changed.disconnect(broken_slot)
    dialog = reporter.dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.headline.text() == "Something went wrong. Your last change was saved."
    assert Deal.get_by_id(deal_id).stage_id == dst.stage.id
    assert "s3cret" not in dialog.details() and "ann:***@db/shop" in dialog.details()
    assert "s3cret" not in log_text(logs) and "ann:***@db/shop" in log_text(logs)
    monkeypatch.setattr(QApplication.clipboard(), "setText", copied.append)
    dialog.copy_button.click()
    assert copied == [dialog.details()]
    dialog.folder_button.click()
    assert opened == [logs]
    dialog.reject()
    qtbot.waitUntil(lambda: reporter.dialog is None)
    # undo of the saved move still works
    window.undo_action.trigger()
    assert Deal.get_by_id(deal_id).stage_id == src.stage.id


def test_errors_while_the_dialog_is_open_join_it(qapp: Any, tmp_path: Path,
                                                 qtbot: Any) -> None:
    reporter = CrashReporter(tmp_path)
    journal.forget()
    with app_log.Hooks(report=reporter.report, qt=False):
        for i in range(3):
            try:
                raise ValueError(f"paint failed {i}")
            except ValueError:
                import sys

                sys.excepthook(*sys.exc_info())
    dialog = reporter.dialog
    assert shown_dialogs() == [dialog]
    assert dialog.headline.text() == "Something went wrong. Nothing had been changed yet."
    assert dialog.more.text() == "3 errors so far; the details of each are below."
    assert all(f"ValueError: paint failed {i}" in dialog.details() for i in range(3))
    dialog.reject()
    qtbot.waitUntil(lambda: reporter.dialog is None)


def test_an_error_in_another_thread_is_shown_on_the_gui_thread(qapp: Any, tmp_path: Path,
                                                               qtbot: Any) -> None:
    import threading

    reporter = CrashReporter(tmp_path)

    def worker() -> None:
        raise KeyError("from the worker")

    with app_log.Hooks(report=reporter.report, qt=False):
        t = threading.Thread(target=worker)
        t.start()
        t.join()
        qtbot.waitUntil(lambda: reporter.dialog is not None)
    assert "KeyError: 'from the worker'" in reporter.dialog.details()
    reporter.dialog.reject()
    qtbot.waitUntil(lambda: reporter.dialog is None)


def test_the_dialog_speaks_chinese(qapp: Any, tmp_path: Path) -> None:
    from funnel_desktop.i18n import language

    with language("zh"):
        dialog = CrashDialog(Fate.NOT_SAVED, "details", tmp_path)
        assert dialog.windowTitle() == "出错了"
        assert dialog.headline.text() == "出错了。您最近的一次修改没有保存。"
        assert dialog.copy_button.text() == "复制详细信息(&C)"
        saved = CrashDialog(Fate.SAVED, "details", tmp_path)
        assert saved.headline.text().endswith("您最近的一次修改已保存。")
    dialog.deleteLater()
    saved.deleteLater()


def test_an_error_that_stops_the_start_is_logged(qapp: Any, monkeypatch: pytest.MonkeyPatch,
                                                 tmp_path: Path,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    from funnel_desktop.ui import app as app_module

    def broken(*args: Any, **kwargs: Any) -> None:
        raise ZeroDivisionError("while building the window")

    monkeypatch.setattr(app_module, "start", broken)
    assert app_module.run_app(str(tmp_path / "shop.sqlite"), "en") == 1
    log = (app_module.paths.log_dir() / app_log.LOG_NAME).read_text(encoding="utf-8")
    assert "the app could not start" in log and "ZeroDivisionError" in log
    assert "ZeroDivisionError: while building the window" in capsys.readouterr().err
    assert crash_dialog.CrashDialog  # offscreen: logged, no modal box to wait for
