"""The pipeline editor over the demo business: reorder and remove stages (the deals move, their
history is kept), probabilities and other numbers checked at the cell, add stages with colour,
questions and ideal conversion, drag and drop, several pipelines; each save, new pipeline and
deletion is a step on the main window's undo stack, and the board, Analytics and the pipeline
switcher follow its undo and redo."""

from __future__ import annotations

import json
from typing import Any

import pytest
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent, QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLineEdit
from ui_support import NOW, analytics_settle, analytics_shown

from funnel_desktop.services import Services
from funnel_desktop.store.models import ALL_MODELS, Deal, Pipeline, Stage, StageHistory
from funnel_desktop.ui.main_window import MainWindow
from funnel_desktop.ui.settings import pipeline_editor
from funnel_desktop.ui.settings.pipeline_editor import (
    DEALS,
    IDEAL,
    IDLE,
    NAME,
    PROBABILITY,
    PipelineEditor,
    StageTableModel,
)

B2B = ["Nurture & identify", "Product introduction", "Needs & solution", "Quote / contract",
       "Won", "Lost"]


@pytest.fixture
def editor(qtbot: Any, window: MainWindow, ui_services: Services) -> PipelineEditor:
    e = PipelineEditor(ui_services, "en", window.board_page.pipeline_id, window)
    qtbot.addWidget(e)
    e.show()
    QApplication.processEvents()
    return e


def names(e: PipelineEditor) -> list[str]:
    return [r.name for r in e.model.rows]


def stored_names(pipeline_id: int) -> list[str]:
    return [s.name for s in Stage.select().where(Stage.pipeline == pipeline_id)
            .order_by(Stage.position)]


def test_reorder_and_remove_a_stage_with_deals(editor: PipelineEditor, window: MainWindow,
                                               monkeypatch: pytest.MonkeyPatch,
                                               answers: Any) -> None:
    e, pid = editor, editor.pipeline_id
    assert names(e) == B2B
    stage = {s.name: s for s in Stage.select().where(Stage.pipeline == pid)}
    needs, quote = stage["Needs & solution"], stage["Quote / contract"]
    moving = [d for (d,) in Deal.select(Deal.id).where(Deal.stage == needs.id).tuples()]
    in_quote = Deal.select().where(Deal.stage == quote.id).count()
    assert len(moving) == e.model.rows[2].deals > 0
    before = {d: [(h.stage_id, h.entered_at, h.left_at) for h in
                  StageHistory.select().where(StageHistory.deal == d).order_by(StageHistory.id)]
              for d in moving}

    e.table.selectRow(1)
    e.move_stage(-1)  # Product introduction first
    assert names(e)[:2] == ["Product introduction", "Nurture & identify"]
    assert e.dirty and e.save_button.isEnabled()
    asked = []

    def choose(parent: Any, name: str, count: int, choices: list[tuple[int, str]]) -> int:
        asked.append((name, count, [n for _i, n in choices]))
        return quote.id

    monkeypatch.setattr(pipeline_editor, "ask_move_target", choose)
    e.table.selectRow(2)
    assert e.remove_stage()
    assert asked == [("Needs & solution", len(moving),
                      ["Product introduction", "Nurture & identify", "Quote / contract"])]
    assert names(e) == ["Product introduction", "Nurture & identify", "Quote / contract", "Won",
                        "Lost"]
    assert e.model.index(2, DEALS).data() == str(in_quote + len(moving))
    assert Deal.get_by_id(moving[0]).stage_id == needs.id  # nothing is written before Save

    assert e.save()
    assert answers.errors == []
    assert stored_names(pid) == names(e)
    assert not Stage.select().where(Stage.id == needs.id).exists()
    assert Deal.select().where(Deal.stage == quote.id).count() == in_quote + len(moving)
    for d in moving:
        rows = [(h.stage_id, h.entered_at, h.left_at) for h in StageHistory.select().where(
            StageHistory.deal == d).order_by(StageHistory.id)]
        # every earlier visit is still there (a visit of the removed stage now counts for
        # the stage that took its deals), the open one is closed now, one new entry follows
        assert len(rows) == len(before[d]) + 1
        assert [(s if s != needs.id else quote.id, a) for s, a, _l in before[d]] == \
            [(s, a) for s, a, _l in rows[:-1]]
        assert rows[-2][2] == NOW and rows[-1] == (quote.id, NOW, None)
    # the main window shows the new stages, in the new order, with the deals moved
    board = window.board_page.board
    assert [c.stage.name for c in board.columns] == ["Product introduction",
                                                     "Nurture & identify", "Quote / contract"]
    assert board.columns[2].model.total() == in_quote + len(moving)
    assert not e.dirty and not e.save_button.isEnabled()


def test_removing_a_stage_can_be_cancelled_and_closing_stages_stay(
        editor: PipelineEditor, monkeypatch: pytest.MonkeyPatch) -> None:
    e = editor
    monkeypatch.setattr(pipeline_editor, "ask_move_target", lambda *a: None)
    e.table.selectRow(0)
    assert not e.remove_stage()  # the user kept it
    assert names(e) == B2B and not e.dirty
    e.table.selectRow(4)  # Won
    assert not e.remove_button.isEnabled() and not e.remove_stage()
    assert not e.up_button.isEnabled() and not e.down_button.isEnabled()
    e.table.selectRow(3)
    assert e.up_button.isEnabled() and not e.down_button.isEnabled()  # last open stage
    assert not e.model.move(3, 4) and not e.model.move(4, 0)


def test_probabilities_and_numbers_are_checked_at_the_cell(editor: PipelineEditor,
                                                           answers: Any) -> None:
    e, m = editor, editor.model
    pid = e.pipeline_id
    first = Stage.get((Stage.pipeline == pid) & (Stage.position == 0))
    ix = m.index(0, PROBABILITY)
    assert m.setData(ix, "150")
    message = "The probability must be a whole number from 0 to 100, not “150”."
    assert m.cell_problem(0, PROBABILITY) == message
    assert ix.data(Qt.ItemDataRole.ToolTipRole) == message
    assert ix.data(Qt.ItemDataRole.BackgroundRole) is not None
    assert ix.data() == "150"  # kept as typed, to be corrected
    assert e.problem.text() == f"Stage “Nurture & identify”: {message}"
    assert not e.save()
    assert Stage.get_by_id(first.id).probability == 10  # nothing saved
    for bad in ("-5", "abc", "12.5", "101"):
        m.setData(ix, bad)
        assert m.cell_problem(0, PROBABILITY) == message.replace("150", bad)
    for good, stored in (("0", 0), ("100", 100), ("", 0), ("55", 55)):
        m.setData(ix, good)
        assert m.problems() == [] and m.specs()[0].probability == stored
    m.setData(m.index(1, IDLE), "two weeks")
    m.setData(m.index(2, IDEAL), "120")
    m.setData(m.index(3, NAME), "Nurture & identify")
    assert [(r, c) for r, c, _t in m.problems()] == [(0, NAME), (1, IDLE), (2, IDEAL),
                                                     (3, NAME)]
    assert m.cell_problem(1, IDLE) == \
        "The idle limit must be a whole number of days, not “two weeks”."
    assert m.cell_problem(2, IDEAL) == \
        "The ideal conversion must be a whole number from 0 to 100, not “120”."
    assert m.cell_problem(3, NAME) == \
        "Two stages are called “Nurture & identify”; give each stage its own name."
    assert not e.save()
    assert e.table.currentIndex().row() == 0 and e.table.currentIndex().column() == NAME
    m.setData(m.index(1, IDLE), "")
    m.setData(m.index(2, IDEAL), "45")
    m.setData(m.index(3, NAME), "Quote & contract")
    assert e.save() and answers.errors == []
    assert [(s.probability, s.idle_days, s.ideal_conversion) for s in
            Stage.select().where(Stage.pipeline == pid).order_by(Stage.position)][:4] == \
        [(55, 30, None), (35, None, None), (65, 21, 45), (75, 14, None)]
    # closing stages: 100 and 0, not editable
    won = m.index(4, PROBABILITY)
    assert won.data() == "100" and not m.flags(won) & Qt.ItemFlag.ItemIsEditable
    assert not m.setData(won, "50")


def test_add_a_stage_with_colour_questions_and_ideal(editor: PipelineEditor, qtbot: Any,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    e, m = editor, editor.model
    e.table.selectRow(0)
    r = e.add_stage()
    assert r == 1 and m.rows[1].name == "New stage" and m.rows[1].probability == "10"
    editors = e.table.viewport().findChildren(QLineEdit)
    assert len(editors) == 1  # the name is open for typing
    typed = editors[0]
    typed.selectAll()
    QTest.keyClicks(typed, "Site visit")
    QTest.keyClick(typed, Qt.Key.Key_Return)
    QApplication.processEvents()  # the delegate commits in a queued call
    assert m.rows[1].name == "Site visit"
    m.setData(m.index(1, PROBABILITY), "20")
    m.setData(m.index(1, IDEAL), "60")
    monkeypatch.setattr(pipeline_editor, "ask_colour", lambda parent, current: "#16a34a")
    e.choose_colour()
    assert m.index(1, 5).data(Qt.ItemDataRole.DecorationRole).name() == "#16a34a"
    e.questions.setPlainText("Who decides?\n\n  Budget approved?  ")
    assert m.rows[1].questions == ["Who decides?", "Budget approved?"]
    assert e.save()
    s = Stage.get((Stage.pipeline == e.pipeline_id) & (Stage.name == "Site visit"))
    assert (s.position, s.probability, s.ideal_conversion, s.colour, s.idle_days) == \
        (1, 20, 60, "#16a34a", None)
    assert json.loads(s.questions) == ["Who decides?", "Budget approved?"]
    assert e.model.rows[1].id == s.id  # reloaded with its id
    e.table.selectRow(1)
    assert e.questions.toPlainText() == "Who decides?\nBudget approved?"
    assert e.no_colour_button.isEnabled()
    e.no_colour_button.click()
    assert m.rows[1].colour == "" and e.dirty


def test_drag_a_stage_to_a_new_place(editor: PipelineEditor) -> None:
    e, m = editor, editor.model
    vp = e.table.viewport()

    def drop(src: int, on_row: int, lower: bool) -> None:
        data = m.mimeData([m.index(src, NAME)])
        rect = e.table.visualRect(m.index(on_row, NAME))
        pos = QPointF(rect.center().x(), rect.bottom() - 2 if lower else rect.top() + 2)
        args = (Qt.DropAction.MoveAction, data, Qt.MouseButton.LeftButton,
                Qt.KeyboardModifier.NoModifier)
        enter = QDragEnterEvent(pos.toPoint(), *args)
        QApplication.sendEvent(vp, enter)  # Qt delivers the drop to the widget entered
        assert enter.isAccepted()
        QApplication.sendEvent(vp, QDragMoveEvent(pos.toPoint(), *args))
        event = QDropEvent(pos, *args)
        QApplication.sendEvent(vp, event)
        assert event.isAccepted()

    drop(0, 2, lower=True)  # below "Needs & solution"
    assert names(e) == ["Product introduction", "Needs & solution", "Nurture & identify",
                        "Quote / contract", "Won", "Lost"]
    drop(3, 0, lower=False)  # above the first
    assert names(e)[:4] == ["Quote / contract", "Product introduction", "Needs & solution",
                            "Nurture & identify"]
    drop(1, 5, lower=True)  # onto Lost: open stages stay before Won and Lost
    assert names(e) == ["Quote / contract", "Needs & solution", "Nurture & identify",
                        "Product introduction", "Won", "Lost"]
    assert not m.flags(m.index(4, NAME)) & Qt.ItemFlag.ItemIsDragEnabled
    # after a Move the view asks the model to remove the dragged rows: it must refuse
    assert not m.removeRows(0, 1) and len(m.rows) == 6
    assert e.save()
    assert stored_names(e.pipeline_id) == names(e)


def test_the_stage_model_is_a_proper_model(qtmodeltester: Any, editor: PipelineEditor) -> None:
    qtmodeltester.check(editor.model, force_py=True)
    model = StageTableModel()
    qtmodeltester.check(model, force_py=True)


def test_several_pipelines(editor: PipelineEditor, window: MainWindow, answers: Any) -> None:
    e = editor
    demo_id = e.pipeline_id
    assert not e.delete_button.isEnabled()  # it holds deals, and it is the only one
    pid = e.new_pipeline("weekly6")
    assert e.pipeline_id == pid and e.pipelines.count() == 2
    assert e.name.text() == "Weekly-review six stages"
    assert names(e)[:2] == ["Prospect", "First contact"]
    assert e.delete_button.isEnabled()
    assert window.pipeline_combo.count() == 2  # the window follows
    e.name.setText("Phone sales")
    e.name.textEdited.emit("Phone sales")
    assert e.save()
    assert Pipeline.get_by_id(pid).name == "Phone sales"
    assert window.pipeline_combo.itemText(1) == "Phone sales"
    blank = e.new_pipeline(None)
    assert e.name.text() == "New pipeline"
    assert [(r.name, r.kind) for r in e.model.rows] == [("First contact", "open"),
                                                        ("Won", "won"), ("Lost", "lost")]
    assert e.delete_current()
    assert not Pipeline.select().where(Pipeline.id == blank).exists()
    assert e.pipelines.count() == 2
    e.load_pipeline(demo_id)
    assert not e.delete_current()  # holds deals: the service's words
    assert answers.errors == ["This pipeline still holds deals; move or delete them first."]
    e.name.setText("Phone sales")
    e.name.textEdited.emit("Phone sales")
    assert not e.save()
    assert answers.errors[-1] == "There is already a pipeline called “Phone sales”."


def test_unsaved_edits_are_asked_about(editor: PipelineEditor, ui_services: Services,
                                       answers: Any) -> None:
    e = editor
    demo_id = e.pipeline_id
    other = ui_services.create_pipeline("ladder", "en").value
    e.fill_pipelines(demo_id)
    e.model.setData(e.model.index(0, NAME), "Lead")
    answers.save_changes = "cancel"
    e.pipelines.setCurrentRow(1)
    assert e.pipeline_id == demo_id and e.pipelines.currentRow() == 0
    answers.save_changes = "save"
    e.pipelines.setCurrentRow(1)
    assert e.pipeline_id == other and e.pipelines.currentRow() == 1
    assert e.name.text() == "Customer ladder"
    assert stored_names(demo_id)[0] == "Lead"
    e.model.setData(e.model.index(0, NAME), "Maybe")
    answers.save_changes = "discard"
    e.reject()
    assert not e.isVisible()
    assert stored_names(other)[0] == "Prospect"


def test_the_tools_menu_opens_the_editors(window: MainWindow, answers: Any) -> None:
    texts = [a.text() for a in window.tools_menu.actions()]
    assert texts == ["&Settings…", "&Pipelines and stages…", "&Kept lists…"]
    for a in window.tools_menu.actions():
        a.trigger()
    kinds = [type(d).__name__ for k, d in answers.asked if k == "dialog"]
    assert kinds == ["SettingsDialog", "PipelineEditor", "ListsEditor"]


# -- undo and redo in the main window ---------------------------------------------------------
def dump() -> dict[str, list[tuple]]:
    return {m._meta.table_name: list(m.select().order_by(m.id).tuples()) for m in ALL_MODELS}


def columns(window: MainWindow) -> list[tuple[str, int]]:
    """The board's columns: stage name and the number of deals the column counts."""
    return [(c.stage.name, c.model.total()) for c in window.board_page.board.columns]


def analytics_stages(window: MainWindow, qtbot: Any, refreshes: int) -> list[str]:
    """The stages Analytics computed with, once it has caught up (it recomputes when shown)."""
    window.show_page("analytics")
    page = window.analytics()
    analytics_settle(page, qtbot, refreshes)
    window.show_page("board")
    assert page.result is not None
    return [s.name for s in page.result.stages]


def press(window: MainWindow, keys: str) -> None:
    """A shortcut typed in the main window (the editor is closed by then)."""
    window.activateWindow()
    QApplication.processEvents()
    QTest.keySequence(window, QKeySequence(keys))
    QApplication.processEvents()


def test_a_save_is_undone_and_redone_in_the_main_window(
        editor: PipelineEditor, window: MainWindow, qtbot: Any,
        monkeypatch: pytest.MonkeyPatch, answers: Any) -> None:
    e, pid = editor, editor.pipeline_id
    page = analytics_shown(window)
    window.show_page("board")
    before, board_before = dump(), columns(window)
    assert [n for n, _c in board_before] == B2B[:4]
    analytics_before = [s.name for s in page.result.stages]
    stage = {s.name: s.id for s in Stage.select().where(Stage.pipeline == pid)}
    window.ctx.undo_stack.clear()

    # rename, reorder, add a stage and remove one that holds deals (they go to the quote)
    e.name.setText("Projects")
    e.name.textEdited.emit("Projects")
    e.table.selectRow(1)
    e.move_stage(-1)
    e.table.selectRow(0)
    e.add_stage()
    monkeypatch.setattr(pipeline_editor, "ask_move_target",
                        lambda *a: stage["Quote / contract"])
    e.table.selectRow(names(e).index("Needs & solution"))
    assert e.remove_stage()
    refreshes = page.full_refreshes
    assert e.save() and answers.errors == []
    after, board_after = dump(), columns(window)
    moved = dict(board_before)["Needs & solution"]
    assert board_after == [("Product introduction", dict(board_before)["Product introduction"]),
                           ("New stage", 0),
                           ("Nurture & identify", dict(board_before)["Nurture & identify"]),
                           ("Quote / contract", dict(board_before)["Quote / contract"] + moved)]
    assert window.pipeline_combo.currentText() == "Projects"
    assert analytics_stages(window, qtbot, refreshes)[:4] == [n for n, _c in board_after]
    stack = window.ctx.undo_stack
    assert stack.count() == 1  # the save is a step: nothing was cleared
    assert window.undo_action.text() == "Undo Edit pipeline \u201cProjects\u201d"
    e.reject()
    QApplication.processEvents()

    refreshes = page.full_refreshes
    press(window, "Ctrl+Z")
    assert dump() == before
    assert columns(window) == board_before
    assert window.pipeline_combo.currentText() == "B2B six stages"
    assert analytics_stages(window, qtbot, refreshes) == analytics_before
    assert stack.index() == 0 and stack.count() == 1

    press(window, "Ctrl+Shift+Z")
    assert dump() == after
    assert columns(window) == board_after
    assert window.pipeline_combo.currentText() == "Projects"
    window.undo_action.trigger()
    assert dump() == before and columns(window) == board_before


def test_new_and_deleted_pipelines_are_undoable(editor: PipelineEditor, window: MainWindow,
                                                answers: Any) -> None:
    e = editor
    stack = window.ctx.undo_stack
    stack.clear()
    before = dump()
    pid = e.new_pipeline("weekly6")
    assert pid is not None and window.pipeline_combo.count() == 2
    assert window.undo_action.text() == \
        "Undo New pipeline \u201cWeekly-review six stages\u201d"
    blank = e.new_pipeline(None)
    with_both = dump()
    assert e.delete_current()
    assert window.undo_action.text() == "Undo Delete pipeline \u201cNew pipeline\u201d"
    assert stack.count() == 3 and window.pipeline_combo.count() == 2
    e.reject()
    window.undo_action.trigger()  # the blank pipeline is back, with its stage ids
    assert dump() == with_both and window.pipeline_combo.count() == 3
    assert Pipeline.get_by_id(blank).name == "New pipeline"
    window.undo_action.trigger()
    window.undo_action.trigger()
    assert dump() == before and window.pipeline_combo.count() == 1
    window.redo_action.trigger()
    assert Pipeline.get_by_id(pid).name == "Weekly-review six stages"
    assert stored_names(pid)[:2] == ["Prospect", "First contact"]
    assert answers.errors == []
