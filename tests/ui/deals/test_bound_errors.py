"""A value beyond what the database holds, typed into a form, is shown at its field with
the bound it passed (a traceback on stderr before, and nothing on screen)."""

from __future__ import annotations

from typing import Any

import pytest

from funnel_desktop.store.models import Deal
from funnel_desktop.ui.customers.customers import CustomersPage
from funnel_desktop.ui.deals.deal_editor import DealEditor
from funnel_desktop.ui.main_window import MainWindow


def _editor(qtbot: Any, window: MainWindow) -> tuple[DealEditor, Deal]:
    deal = Deal.select().where(Deal.closed_at.is_null()).order_by(Deal.id).first()
    dlg = DealEditor(window.ctx, deal.id, parent=window)
    qtbot.addWidget(dlg)
    dlg.show()
    return dlg, deal


@pytest.mark.parametrize(("field", "value", "words"), [
    ("amount", "99999999999999999999", "the largest amount is 100,000,000,000"),
    ("amount", "99999999999999999999万", "the largest amount is 100,000,000,000"),
    ("amount", "9" * 5000, "too large"),
    ("title", "T" * 300, "at most 255 fit here"),
    ("expected_close", "0001-01-01", "outside the dates kept here (1900-01-01 to 2999-12-31)"),
])
def test_the_deal_editor_shows_the_bound_at_the_field(window: MainWindow, qtbot: Any,
                                                      field: str, value: str, words: str):
    dlg, deal = _editor(qtbot, window)
    before = Deal.select().where(Deal.id == deal.id).dicts().get()
    widget = {"amount": dlg.amount, "title": dlg.title,
              "expected_close": dlg.expected_close.line}[field]
    widget.setText(value)
    assert not dlg.save()
    shown = dlg.errors.shown()
    assert list(shown) == [field] and words in shown[field] and len(shown[field]) < 300
    assert Deal.select().where(Deal.id == deal.id).dicts().get() == before
    assert window.ctx.undo_stack.count() == 0


def test_a_new_customer_name_too_long_is_shown_in_the_editor(window: MainWindow, qtbot: Any):
    dlg, _deal = _editor(qtbot, window)
    dlg.customer.setText("C" * 300)
    assert not dlg.save()
    assert "at most 255" in dlg.errors.shown()["customer"]


def test_the_customer_form_shows_a_budget_beyond_the_bound(window: MainWindow, qtbot: Any):
    window.show_page("customers")
    page = window.page("customers")
    assert isinstance(page, CustomersPage)
    page.table.selectRow(0)
    page.form.budget.setText("2000亿")
    assert not page.form.save()
    assert "100,000,000,000" in page.form.errors.shown()["budget"]
