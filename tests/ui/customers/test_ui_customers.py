"""The customers view: validation at the field, save and undo, decision chain, assessment,
MAN recommendation for all eight answers, class override, unsaved-changes question."""

from __future__ import annotations

import json
from typing import Any

import pytest

from funnel_desktop.store.models import Contact, Customer, Deal, Region, Stage
from funnel_desktop.ui.customers.customer_form import CustomerForm
from funnel_desktop.ui.main_window import MainWindow


@pytest.fixture
def page(window: MainWindow) -> Any:
    window.show_page("customers")
    return window.customers_page


def row(cid: int) -> dict:
    return Customer.select().where(Customer.id == cid).dicts().get()


def contacts(cid: int) -> list[tuple]:
    return [(c.name, c.role, c.attitude) for c in Contact.select().where(
        Contact.customer == cid).order_by(Contact.id)]


def test_list_shows_every_customer_and_selecting_loads_the_form(page: Any) -> None:
    n = Customer.select().count()
    assert page.model.total() == n
    assert page.count.text() == f"{n} customers"
    page.table.selectRow(2)
    cid = page.model.id_at(2)
    assert page.form.customer_id == cid
    assert page.form.name.text() == Customer.get_by_id(cid).name
    assert page.form.heading.text() == Customer.get_by_id(cid).name


def test_search_narrows_the_list(page: Any, qtbot: Any) -> None:
    page.search.setText("Acme")
    qtbot.waitUntil(lambda: page.model.total() < Customer.select().count(), timeout=2000)
    names = [page.model.data(page.model.index(r, 0)) for r in range(page.model.rowCount())]
    assert names and all("Acme" in n for n in names)


MAN_CASES = [
    ((True, True, True), "Money, authority and need: an ideal prospect. Pursue it now."),
    ((True, True, False), "Money and authority but no need yet: approach them and create "
                          "the need."),
    ((True, False, True), "Money and need but not the authority: approach them and find out "
                          "who decides."),
    ((False, True, True), "Authority and need but no money: approach them and check credit or "
                          "financing."),
    ((False, False, True), "Only one of money, authority and need: nurture long-term."),
    ((False, True, False), "Only one of money, authority and need: nurture long-term."),
    ((True, False, False), "Only one of money, authority and need: nurture long-term."),
    ((False, False, False), "No money, authority or need: not a customer. Stop here."),
]


@pytest.mark.parametrize(("answers_", "sentence"), MAN_CASES,
                         ids=["MAN", "MAn", "MaN", "mAN", "maN", "mAn", "Man", "man"])
def test_man_recommendation_is_shown_live(window: MainWindow, qtbot: Any,
                                          answers_: tuple, sentence: str) -> None:
    form = CustomerForm(window.ctx)
    qtbot.addWidget(form)
    assert form.man_advice.text() == ("Answer all three questions (money, authority, need) "
                                      "to get a recommendation.")
    m, a, n = answers_
    form.man_money.set_value(m)
    form.man_authority.set_value(a)
    assert form.man_advice.text().startswith("Answer all three")  # still incomplete
    form.man_need.set_value(n)
    assert form.man_advice.text() == sentence
    tone = {"Pursue": "good", "approach": "approach", "nurture": "wait", "Stop": "stop"}
    assert form.man_advice.property("tone") == next(v for k, v in tone.items()
                                                    if k in sentence)


def test_new_customer_needs_a_name(page: Any, window: MainWindow) -> None:
    n = Customer.select().count()
    page.new_customer()
    assert page.form.customer_id is None and page.form.heading.text() == "New customer"
    assert not page.form.save()
    assert page.form.errors.shown() == {"name": "A name is required."}
    assert page.form.name.property("invalid") is True
    assert Customer.select().count() == n
    assert window.ctx.undo_stack.count() == 0


def test_bad_budget_is_shown_at_the_field(page: Any) -> None:
    page.table.selectRow(0)
    cid = page.form.customer_id
    before = row(cid)
    page.form.budget.setText("lots")
    assert not page.form.save()
    assert page.form.errors.shown() == {
        "budget": "“lots” is not an amount. Write it like 12,500.00."}
    page.form.budget.setText("-3")
    assert not page.form.save()
    assert page.form.errors.shown() == {"budget": "The amount cannot be negative: -3."}
    assert row(cid) == before


def test_contact_without_a_name_is_refused(page: Any) -> None:
    page.table.selectRow(0)
    cid = page.form.customer_id
    before = contacts(cid)
    page.form.contacts.add_row()
    assert not page.form.save()
    assert page.form.errors.shown() == {"contact_name": "A name is required."}
    assert contacts(cid) == before


def test_create_customer_with_everything_then_undo(page: Any, window: MainWindow) -> None:
    f = page.form
    page.new_customer()
    f.name.setText("Qilin Instruments")
    f.contact_person.setText("Ms. Zhou")
    f.phone.setText("13800000000")
    f.email.setText("zhou@qilin.example")
    f.im.setText("qilin_zhou")
    f.address.setText("88 Century Ave")
    f.industry.setText("Manufacturing")
    f.region.setCurrentIndex(f.region.findData(Region.get().id))
    f.scale.setText("200–1,000")
    f.intent.setCurrentIndex(f.intent.findData("high"))
    f.budget.setText("30万")
    f.needs.setPlainText("Track every instrument")
    f.pain_points.setPlainText("Spreadsheets")
    f.credit_notes.setPlainText("Pays in 30 days")
    f.man_money.set_value(True)
    f.man_authority.set_value(False)
    f.man_need.set_value(True)
    f.priority.setCurrentIndex(f.priority.findData("high"))
    f.class_manual.setCurrentIndex(f.class_manual.findData("B"))
    f.assessment["sponsorship"].good.click()
    f.assessment["culture"].poor.click()
    r = f.contacts.add_row()
    f.contacts.setData(f.contacts.index(r, 0), "Mr. Qian")
    f.contacts.setData(f.contacts.index(r, 2), "decision_maker")
    f.contacts.setData(f.contacts.index(r, 3), "supporter")
    assert f.is_dirty() and f.badges.text() == "● unsaved changes"
    assert f.save()

    c = Customer.get(Customer.name == "Qilin Instruments")
    assert (c.contact_person, c.phone, c.email, c.im, c.address, c.industry, c.scale,
            c.intent, c.budget, c.needs, c.pain_points, c.credit_notes, c.man_money,
            c.man_authority, c.man_need, c.priority, c.class_manual) == (
        "Ms. Zhou", "13800000000", "zhou@qilin.example", "qilin_zhou", "88 Century Ave",
        "Manufacturing", "200–1,000", "high", 30_000_000, "Track every instrument",
        "Spreadsheets", "Pays in 30 days", True, False, True, "high", "B")
    assert json.loads(c.assessment) == {"sponsorship": "+", "culture": "-"}
    assert contacts(c.id) == [("Mr. Qian", "decision_maker", "supporter")]
    assert f.customer_id == c.id and not f.is_dirty()
    assert f.returning.text() == "New (no won deal yet)"
    assert page.model.total() == Customer.select().count()
    assert window.undo_action.text() == "Undo Save customer “Qilin Instruments”"

    window.undo_action.trigger()
    assert Customer.get_or_none(Customer.name == "Qilin Instruments") is None
    window.redo_action.trigger()
    assert Customer.get(Customer.name == "Qilin Instruments").budget == 30_000_000


def test_edit_contacts_and_undo(page: Any, window: MainWindow) -> None:
    page.table.selectRow(1)
    cid = page.form.customer_id
    before_row, before_contacts = row(cid), contacts(cid)
    f = page.form
    f.contacts.setData(f.contacts.index(0, 3), "opponent")
    f.contacts.add_row()
    f.contacts.setData(f.contacts.index(f.contacts.rowCount() - 1, 0), "Ms. New")
    f.contacts.setData(f.contacts.index(f.contacts.rowCount() - 1, 2), "buyer")
    assert f.save()
    after = contacts(cid)
    assert after[0][2] == "opponent" and after[-1] == ("Ms. New", "buyer", "neutral")
    window.undo_action.trigger()
    assert contacts(cid) == before_contacts
    assert {k: v for k, v in row(cid).items() if k != "updated_at"} == \
        {k: v for k, v in before_row.items() if k != "updated_at"}


def test_class_is_derived_with_manual_override(page: Any, window: MainWindow) -> None:
    open_stage = Stage.select(Stage.id).where(Stage.kind == "open")
    cid = (Deal.select(Deal.customer).where(Deal.stage.in_(open_stage)
                                            & Deal.customer.is_null(False)).scalar())
    Customer.update(class_manual="").where(Customer.id == cid).execute()
    page.select_customer(cid)
    f = page.form
    derived = f.derived_class()
    assert derived in "ABCD" and derived
    assert f.class_note.text().startswith(derived + " — ")
    assert f.class_note.text().endswith("(derived from the open deals)")
    other = "A" if derived != "A" else "D"
    f.class_manual.setCurrentIndex(f.class_manual.findData(other))
    assert f.class_note.text().startswith(other + " — ")
    assert f.class_note.text().endswith(f"(set by hand; the open deals give “{derived}”)")


def test_returning_customer_and_deal_list(page: Any) -> None:
    won = Stage.select(Stage.id).where(Stage.kind == "won")
    cid = Deal.select(Deal.customer).where(Deal.stage.in_(won)).scalar()
    page.select_customer(cid)
    f = page.form
    assert f.returning.text() == "Returning (has won before)"
    n = Deal.select().where(Deal.customer == cid).count()
    assert f.deals.rowCount() == n
    assert any(f.deals.item(r, 1).text().startswith("Won · ") for r in range(n))


@pytest.mark.parametrize(("answer", "switched"), [("cancel", False), ("discard", True),
                                                  ("save", True)])
def test_switching_customer_with_unsaved_changes_asks(page: Any, answers: Any, qtbot: Any,
                                                      answer: str, switched: bool) -> None:
    page.table.selectRow(0)
    first = page.form.customer_id
    page.form.notes.setPlainText("Met at the trade show")
    answers.save_changes = answer
    page.table.selectRow(1)
    qtbot.wait(10)
    assert answers.asked[-1] == ("save_changes", "This customer")
    assert (page.form.customer_id != first) is switched
    saved = Customer.get_by_id(first).notes == "Met at the trade show"
    assert saved is (answer == "save")
    if not switched:
        assert page.form.notes.toPlainText() == "Met at the trade show"


def test_delete_customer_keeps_deals_and_undo_restores(page: Any, window: MainWindow,
                                                       answers: Any) -> None:
    cid = Deal.select(Deal.customer).where(Deal.customer.is_null(False)).scalar()
    deal_ids = [d.id for d in Deal.select(Deal.id).where(Deal.customer == cid)]
    page.select_customer(cid)
    before = contacts(cid)
    answers.confirm = False
    assert not page.form.delete()
    assert Customer.get_or_none(Customer.id == cid) is not None
    answers.confirm = True
    assert page.form.delete()
    assert Customer.get_or_none(Customer.id == cid) is None
    assert all(Deal.get_by_id(i).customer_id is None for i in deal_ids)
    window.undo_action.trigger()
    assert Customer.get_or_none(Customer.id == cid) is not None
    assert contacts(cid) == before
    assert all(Deal.get_by_id(i).customer_id == cid for i in deal_ids)


def test_assessment_buttons_toggle(window: MainWindow, qtbot: Any) -> None:
    form = CustomerForm(window.ctx)
    qtbot.addWidget(form)
    r = form.assessment["organisation"]
    r.good.click()
    assert r.value() == "+"
    r.poor.click()
    assert r.value() == "-" and not r.good.isChecked()
    r.poor.click()
    assert r.value() == ""
    assert form.assessment_score.text() == "0 good · 0 poor · 8 not assessed"


def test_typed_text_is_never_markup(page: Any, window: MainWindow,
                                    ui_services: Any) -> None:
    cid = ui_services.save_customer(None, {"name": "<b>Acme</b> Corp"}).value
    page.select_customer(cid)
    from PySide6.QtCore import Qt

    assert page.form.heading.textFormat() == Qt.TextFormat.PlainText
    assert page.form.heading.text() == "<b>Acme</b> Corp"
    pid = window.board_page.pipeline_id
    stage = window.board_page.board.columns[0].stage
    deal_id = ui_services.create_deal(pid, stage.id, {"title": "<i>x</i>",
                                                      "customer": cid}).value
    col = window.board_page.board.columns[0]
    row = col.model.row_of(deal_id)
    assert col.model.index(row).data(Qt.ItemDataRole.ToolTipRole) == "<i>x</i>\n<b>Acme</b> Corp"
    assert col.header.name.textFormat() == Qt.TextFormat.PlainText


def test_another_customer_opens_at_the_top_of_the_profile(page: Any, window: MainWindow,
                                                        qtbot: Any) -> None:
    """The profile does not keep the previous customer's scroll position (it does keep its
    place when the same customer is shown again, after a save)."""
    from PySide6.QtWidgets import QApplication

    window.resize(1024, 640)
    QApplication.processEvents()
    page.table.selectRow(1)
    bar = page.form.body_scroll.verticalScrollBar()
    assert bar.maximum() > 0  # the profile is taller than the window
    bar.setValue(bar.maximum())
    page.form.load(page.form.customer_id)  # the same customer again (after a save)
    assert bar.value() == bar.maximum()
    page.table.selectRow(2)
    assert page.form.customer_id == page.model.id_at(2)
    assert bar.value() == 0
    bar.setValue(bar.maximum())
    page.new_customer()
    assert bar.value() == 0
