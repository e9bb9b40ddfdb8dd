"""The deal editor: every validation message at its field (nothing saved), save, cancel, the
unsaved-changes question, a new customer, the checklist, activities and history."""

from __future__ import annotations

import json
from typing import Any

import pytest
from ui_support import NOW

from funnel_desktop.store.models import (
    Activity,
    Customer,
    Deal,
    DealChange,
    Owner,
    Stage,
    StageHistory,
)
from funnel_desktop.ui.deals.deal_editor import DealEditor
from funnel_desktop.ui.main_window import MainWindow


def open_deal(window: MainWindow) -> Deal:
    """An open deal of the demo with a customer, an owner and no own probability."""
    return (Deal.select().where(Deal.closed_at.is_null() & Deal.probability.is_null()
                                & Deal.customer.is_null(False) & Deal.owner.is_null(False))
            .order_by(Deal.id).first())


def editor(qtbot: Any, window: MainWindow, deal_id: int | None, **kw: Any) -> DealEditor:
    dlg = DealEditor(window.ctx, deal_id, parent=window, **kw)
    qtbot.addWidget(dlg)
    dlg.show()
    return dlg


def row(deal_id: int) -> dict:
    return Deal.select().where(Deal.id == deal_id).dicts().get()


INVALID = [
    ("title", lambda d: d.title.setText("   "), "A deal needs a title."),
    ("amount", lambda d: d.amount.setText("-5"), "The amount cannot be negative: -5."),
    ("amount", lambda d: d.amount.setText("abc"),
     "“abc” is not an amount. Write it like 12,500.00."),
    ("probability", lambda d: (d.use_default.setChecked(False), d.probability.setText("150")),
     "The probability must be a whole number from 0 to 100, not “150”."),
    ("probability", lambda d: (d.use_default.setChecked(False), d.probability.setText("x5")),
     "The probability must be a whole number from 0 to 100, not “x5”."),
    ("probability", lambda d: (d.use_default.setChecked(False), d.probability.setText("")),
     "The probability must be a whole number from 0 to 100, not “”."),
    ("expected_close", lambda d: d.expected_close.line.setText("2026-13-45"),
     "“2026-13-45” is not a date. Write it as YYYY-MM-DD, e.g. 2026-11-24."),
    ("next_step_due", lambda d: d.next_step_due.line.setText("tomorrow"),
     "“tomorrow” is not a date. Write it as YYYY-MM-DD, e.g. 2026-11-24."),
]


@pytest.mark.parametrize(("field", "edit", "message"), INVALID,
                         ids=[f"{f}-{i}" for i, (f, _e, _m) in enumerate(INVALID)])
def test_invalid_input_is_shown_at_the_field_and_nothing_is_saved(
        window: MainWindow, qtbot: Any, field: str, edit: Any, message: str) -> None:
    deal = open_deal(window)
    before = row(deal.id)
    dlg = editor(qtbot, window, deal.id)
    edit(dlg)
    assert not dlg.save()
    assert dlg.errors.shown() == {field: message}
    widget = dlg.errors._fields[field][0]
    assert widget.property("invalid") is True
    assert row(deal.id) == before
    assert window.ctx.undo_stack.count() == 0
    assert dlg.isVisible()  # Save did not close the dialog


def test_all_errors_show_at_once_and_clear_when_fixed(window: MainWindow, qtbot: Any) -> None:
    deal = open_deal(window)
    dlg = editor(qtbot, window, deal.id)
    dlg.title.setText("")
    dlg.amount.setText("12,5,0x")
    assert not dlg.save()
    assert set(dlg.errors.shown()) == {"title", "amount"}
    dlg.title.setText("Fixed")
    dlg.amount.setText("1000")
    assert dlg.save()
    assert dlg.errors.shown() == {}
    assert dlg.title.property("invalid") is False


def test_save_writes_every_field_and_undo_restores(window: MainWindow, qtbot: Any) -> None:
    deal = open_deal(window)
    before = row(deal.id)
    other_owner = Owner.select().where(Owner.id != deal.owner_id).first()
    dlg = editor(qtbot, window, deal.id)
    dlg.title.setText("ERP rollout, phase 2")
    dlg.amount.setText("12.5万")
    dlg.use_default.setChecked(False)
    dlg.probability.setText("40")
    dlg.expected_close.line.setText("2026/12/15")
    dlg.owner.setCurrentIndex(dlg.owner.findData(other_owner.id))
    dlg.next_step.setText("Send the revised quote")
    dlg.next_step_due.line.setText("2026-11-30")
    dlg.project_type.setCurrentIndex(dlg.project_type.findData("big"))
    assert dlg.is_dirty()
    assert dlg.save()
    assert not dlg.is_dirty()

    d = Deal.get_by_id(deal.id)
    assert (d.title, d.amount, d.probability, d.expected_close.isoformat(), d.owner_id,
            d.next_step, d.next_step_due.isoformat(), d.project_type) == (
        "ERP rollout, phase 2", 12_500_000, 40, "2026-12-15", other_owner.id,
        "Send the revised quote", "2026-11-30", "big")
    logged = {c.field: (c.old, c.new) for c in DealChange.select().where(
        (DealChange.deal == deal.id) & (DealChange.at == NOW))}
    assert logged["amount"] == (str(before["amount"]), "12500000")
    assert logged["probability"] == (None, "40")
    assert logged["owner"] == (str(before["owner"]), str(other_owner.id))
    assert window.undo_action.text() == "Undo Edit deal “ERP rollout, phase 2”"

    window.undo_action.trigger()
    assert row(deal.id) == before
    window.redo_action.trigger()
    assert Deal.get_by_id(deal.id).amount == 12_500_000


def test_use_stage_default_clears_the_override(window: MainWindow, qtbot: Any) -> None:
    deal = Deal.select().where(Deal.closed_at.is_null() & Deal.probability.is_null(False)
                               ).first()
    dlg = editor(qtbot, window, deal.id)
    assert not dlg.use_default.isChecked()
    assert dlg.probability.text() == str(deal.probability)
    stage = Stage.get_by_id(deal.stage_id)
    assert dlg.use_default.text() == f"Use stage default ({stage.probability}%)"
    dlg.use_default.setChecked(True)
    assert not dlg.probability.isEnabled()
    assert dlg.save()
    assert Deal.get_by_id(deal.id).probability is None


def test_unchecking_default_prefills_the_stage_probability(window: MainWindow,
                                                          qtbot: Any) -> None:
    deal = open_deal(window)
    dlg = editor(qtbot, window, deal.id)
    dlg.use_default.setChecked(False)
    assert dlg.probability.text() == str(Stage.get_by_id(deal.stage_id).probability)


def test_new_customer_is_created_with_the_deal_in_one_undo_step(window: MainWindow,
                                                                qtbot: Any) -> None:
    deal = open_deal(window)
    old_customer = deal.customer_id
    dlg = editor(qtbot, window, deal.id)
    dlg.customer.setText("Zeta Robotics")
    assert dlg.customer_hint.text() == "A new customer “Zeta Robotics” will be created."
    assert dlg.save()
    zeta = Customer.get(Customer.name == "Zeta Robotics")
    assert Deal.get_by_id(deal.id).customer_id == zeta.id
    assert window.ctx.undo_stack.count() == 1
    window.undo_action.trigger()
    assert Deal.get_by_id(deal.id).customer_id == old_customer
    assert Customer.get_or_none(Customer.name == "Zeta Robotics") is None


def test_no_new_customer_when_the_deal_is_invalid(window: MainWindow, qtbot: Any) -> None:
    deal = open_deal(window)
    dlg = editor(qtbot, window, deal.id)
    dlg.customer.setText("Half Way Ltd")
    dlg.amount.setText("-1")
    assert not dlg.save()
    assert Customer.get_or_none(Customer.name == "Half Way Ltd") is None
    assert window.ctx.undo_stack.count() == 0


def test_existing_customer_is_picked_by_name(window: MainWindow, qtbot: Any) -> None:
    deal = open_deal(window)
    other = Customer.select().where(Customer.id != deal.customer_id).first()
    n = Customer.select().count()
    dlg = editor(qtbot, window, deal.id)
    dlg.customer.setText(other.name)
    assert dlg.customer_hint.isHidden()
    assert dlg.save()
    assert Deal.get_by_id(deal.id).customer_id == other.id
    assert Customer.select().count() == n


def test_checklist_of_the_stage_is_saved(window: MainWindow, qtbot: Any) -> None:
    stage = Stage.get(Stage.name == "Needs & solution")
    deal = Deal.select().where(Deal.stage == stage.id).first()
    dlg = editor(qtbot, window, deal.id)
    assert list(dlg.checks) == json.loads(stage.questions)
    assert dlg.checklist_intro.text() == \
        "Before moving on from “Needs & solution”: 0 of 5 answered."
    dlg.checks["Which competitors are in?"].setChecked(True)
    assert dlg.checklist_intro.text() == \
        "Before moving on from “Needs & solution”: 1 of 5 answered."
    assert dlg.save()
    assert json.loads(Deal.get_by_id(deal.id).checklist) == {"Which competitors are in?": True}


@pytest.mark.parametrize(("answer", "saved", "closed"), [
    ("cancel", False, False), ("discard", False, True), ("save", True, True)])
def test_closing_with_unsaved_changes_asks(window: MainWindow, qtbot: Any, answers: Any,
                                           answer: str, saved: bool, closed: bool) -> None:
    deal = open_deal(window)
    dlg = editor(qtbot, window, deal.id)
    dlg.next_step.setText("Call back on Friday")
    answers.save_changes = answer
    dlg.reject()
    assert answers.asked[-1] == ("save_changes", "This deal")
    assert (Deal.get_by_id(deal.id).next_step == "Call back on Friday") is saved
    assert dlg.isVisible() is not closed


def test_closing_without_changes_does_not_ask(window: MainWindow, qtbot: Any,
                                              answers: Any) -> None:
    dlg = editor(qtbot, window, open_deal(window).id)
    dlg.reject()
    assert answers.asked == [] and not dlg.isVisible()


def test_cancel_button_discards(window: MainWindow, qtbot: Any, answers: Any) -> None:
    deal = open_deal(window)
    before = row(deal.id)
    dlg = editor(qtbot, window, deal.id)
    dlg.title.setText("Not kept")
    answers.save_changes = "discard"
    dlg.buttons.rejected.emit()
    assert row(deal.id) == before and not dlg.isVisible()


def test_new_deal_in_the_chosen_stage(window: MainWindow, qtbot: Any) -> None:
    pid = window.board_page.pipeline_id
    stage = Stage.get((Stage.pipeline == pid) & (Stage.name == "Product introduction"))
    dlg = editor(qtbot, window, None, pipeline_id=pid)
    assert not dlg.delete_button.isVisible()
    dlg.stage_combo.setCurrentIndex(dlg.stage_combo.findData(stage.id))
    dlg.title.setText("Warehouse scanners")
    dlg.amount.setText("48,000")
    assert dlg.save()
    deal = Deal.get(Deal.title == "Warehouse scanners")
    assert (deal.stage_id, deal.amount, deal.probability) == (stage.id, 4_800_000, None)
    assert [(h.stage_id, h.left_at) for h in StageHistory.select().where(
        StageHistory.deal == deal.id)] == [(stage.id, None)]
    assert dlg.deal_id == deal.id
    assert deal.id in window.board_page.board.column(stage.id).model.ids
    window.undo_action.trigger()
    assert Deal.get_or_none(Deal.id == deal.id) is None


def test_log_activity_and_mark_done(window: MainWindow, qtbot: Any) -> None:
    deal = open_deal(window)
    n = Activity.select().where(Activity.deal == deal.id).count()
    dlg = editor(qtbot, window, deal.id)
    dlg.act_kind.setCurrentIndex(dlg.act_kind.findData("call"))
    dlg.act_subject.setText("Discussed the pricing")
    act_id = dlg.log_activity()
    act = Activity.get_by_id(act_id)
    assert (act.kind, act.subject, act.done_at, act.deal_id) == (
        "call", "Discussed the pricing", NOW, deal.id)
    assert Deal.get_by_id(deal.id).last_activity_at == NOW
    assert dlg.timeline.count() == n + 1
    assert dlg.timeline.item(0).text().startswith("☎  Call — Discussed the pricing")

    dlg.act_kind.setCurrentIndex(dlg.act_kind.findData("task"))
    assert not dlg.act_done.isChecked()  # a task starts not done
    dlg.act_subject.setText("Send references")
    dlg.act_due.line.setText("2026-11-27")
    task_id = dlg.log_activity()
    task = Activity.get_by_id(task_id)
    assert task.done_at is None and task.due_at.date().isoformat() == "2026-11-27"
    item = next(dlg.timeline.item(i) for i in range(dlg.timeline.count())
                if dlg.timeline.item(i).data(256) == task_id)
    from PySide6.QtCore import Qt

    item.setCheckState(Qt.CheckState.Checked)
    assert Activity.get_by_id(task_id).done_at == NOW
    assert window.undo_action.text() == "Undo Mark activity done"
    window.undo_action.trigger()
    assert Activity.get_by_id(task_id).done_at is None


def test_bad_activity_date_is_shown(window: MainWindow, qtbot: Any) -> None:
    dlg = editor(qtbot, window, open_deal(window).id)
    dlg.act_due.line.setText("soon")
    assert dlg.log_activity() is None
    assert dlg.act_error.text() == \
        "“soon” is not a date. Write it as YYYY-MM-DD, e.g. 2026-11-24."


def test_history_shows_days_in_each_stage(window: MainWindow, qtbot: Any,
                                          ui_services: Any) -> None:
    pid = window.board_page.pipeline_id
    stages = list(Stage.select().where(Stage.pipeline == pid).order_by(Stage.position))
    deal_id = ui_services.create_deal(pid, stages[0].id, {"title": "History check"}).value
    # entered at NOW; move it 0 days later, so it shows 0 d in the first stage
    ui_services.move_deals([deal_id], stages[1].id)
    dlg = editor(qtbot, window, deal_id)
    assert dlg.history.rowCount() == 2
    assert [dlg.history.item(r, 0).text() for r in range(2)] == [stages[0].name,
                                                                 stages[1].name]
    assert dlg.history.item(1, 2).text() == "now"
    assert dlg.stage_days.text() == (f"Days in each stage — {stages[0].name}: 0 d · "
                                     f"{stages[1].name}: 0 d")


def test_delete_from_the_editor(window: MainWindow, qtbot: Any, answers: Any) -> None:
    deal = open_deal(window)
    dlg = editor(qtbot, window, deal.id)
    dlg.delete()
    assert Deal.get_or_none(Deal.id == deal.id) is None and not dlg.isVisible()
    window.undo_action.trigger()
    assert Deal.get_or_none(Deal.id == deal.id) is not None


def test_double_click_opens_the_editor(window: MainWindow, qtbot: Any, answers: Any) -> None:
    col = window.board_page.board.columns[0]
    deal_id = col.model.ids[0]
    col.view.doubleClicked.emit(col.model.index(0))
    kind, dlg = answers.asked[-1]
    assert kind == "dialog" and isinstance(dlg, DealEditor) and dlg.deal_id == deal_id
    qtbot.addWidget(dlg)
