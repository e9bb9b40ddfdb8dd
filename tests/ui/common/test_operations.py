"""The operation runner: quick actions on the GUI thread with their undo and their refusals
in words; long work in a worker thread behind a progress dialog whose Cancel keeps nothing,
while the window keeps answering; undo of a large import the same way."""

from __future__ import annotations

import csv
import time
from pathlib import Path
from typing import Any

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QProgressDialog, QPushButton

from funnel_desktop.core import progress
from funnel_desktop.core.errors import ValidationError
from funnel_desktop.services.importing import import_table
from funnel_desktop.store.importing import Mapping, read_table
from funnel_desktop.store.models import Deal, Team
from funnel_desktop.ui.common import undo
from funnel_desktop.ui.main_window import MainWindow


def _cancel_when_shown(window: MainWindow, after_ms: int = 150) -> None:
    def press() -> None:
        shown = [w for w in QApplication.topLevelWidgets() if isinstance(w, QProgressDialog)
                 and w.objectName() == "operationProgress" and w.isVisible()]
        dialog = shown[0] if shown else window.findChild(QProgressDialog, "operationProgress")
        if dialog is None or not dialog.isVisible():
            QTimer.singleShot(20, press)
            return
        dialog.findChild(QPushButton).click()  # as the user does

    QTimer.singleShot(after_ms, press)


def test_a_quick_action_goes_on_the_undo_stack_and_a_refusal_is_said(window: MainWindow,
                                                                      answers: Any) -> None:
    ctx = window.ctx
    deal = Deal.select().where(Deal.closed_at.is_null()).first()
    out = ctx.run(window, "Rename", lambda: ctx.services.update_deal(deal.id,
                                                                     {"title": "Renamed"}))
    assert out is not None and ctx.undo_stack.undoText() == "Rename"
    ctx.undo_stack.undo()
    assert Deal.get_by_id(deal.id).title == deal.title

    def refused() -> None:
        raise ValidationError("required", field="title")

    assert ctx.run(window, "Nothing", refused) is None
    assert len(answers.errors) == 1 and ctx.undo_stack.undoText() != "Nothing"


def test_long_work_runs_off_the_gui_thread_and_cancel_keeps_nothing(window: MainWindow,
                                                                     answers: Any) -> None:
    ctx = window.ctx
    before = Team.select().count()

    def work() -> Any:
        def inside(step: Any) -> None:
            Team.insert(name="Half done").execute()
            progress.phase("write", 0)
            while True:  # until the user cancels
                progress.advance()
                time.sleep(0.005)

        return ctx.services.perform("test", inside)

    _cancel_when_shown(window)  # a click the window handles while the work runs
    assert ctx.run_long(window, "Long work", work) is None
    assert Team.select().count() == before  # rolled back
    assert not answers.errors  # a Cancel is no error


def _rows_file(tmp_path: Path, count: int) -> Path:
    path = tmp_path / "many.csv"
    with path.open("w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(["Title", "Customer", "Amount"])
        for i in range(count):
            w.writerow([f"Deal {i}", f"Customer {i % 500}", 1000 + i])
    return path


def test_undo_of_a_large_import_runs_as_long_work_and_cancel_keeps_it(window: MainWindow,
                                                                      tmp_path: Path,
                                                                      answers: Any) -> None:
    ctx = window.ctx
    before = Deal.select().count()
    table = read_table(_rows_file(tmp_path, undo.LONG_UNDO_ROWS + 500))
    mapping = Mapping(columns={"Title": "deal.title", "Customer": "customer.name",
                               "Amount": "deal.amount"})
    out = ctx.run_long(window, "Import", lambda: import_table(
        ctx.services, table, mapping, window.board_page.pipeline_id))
    assert out is not None and Deal.select().count() == before + undo.LONG_UNDO_ROWS + 500
    assert ctx.undo_stack.undoText() == "Import"

    _cancel_when_shown(window, 0)
    slow = progress.advance

    def slower(steps: int = 1) -> None:  # the undo would be over before Cancel otherwise
        time.sleep(0.05)
        slow(steps)

    progress.advance = slower  # type: ignore[assignment]
    try:
        ctx.undo_stack.undo()
    finally:
        progress.advance = slow  # type: ignore[assignment]
    QApplication.processEvents()
    assert Deal.select().count() == before + undo.LONG_UNDO_ROWS + 500  # kept
    assert ctx.undo_stack.canUndo() and ctx.undo_stack.undoText() == "Import"

    ctx.undo_stack.undo()
    assert Deal.select().count() == before
    ctx.undo_stack.redo()
    assert Deal.select().count() == before + undo.LONG_UNDO_ROWS + 500
    assert not answers.errors


def test_an_export_is_written_off_the_gui_thread(window: MainWindow, tmp_path: Path,
                                                 answers: Any) -> None:
    from funnel_desktop.ui.transfer.export_dialog import ExportDialog

    seen: list[str] = []
    window.ctx.runner.started.connect(seen.append)
    dialog = ExportDialog(window, window.ctx.runner)
    dialog.path.setText(str(tmp_path / "deals.csv"))
    assert dialog.export_now() and dialog.count == 300
    assert (tmp_path / "deals.csv").exists() and seen == ["Export"]
    dialog.deleteLater()
