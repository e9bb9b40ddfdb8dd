"""Questions name their deals: the reason dialog and the delete confirmation say which deal
(title and amount) or which deals (the first titles, how many more, the total)."""

from __future__ import annotations

from typing import Any

from funnel_desktop.store.models import Deal
from funnel_desktop.ui.board.deal_words import deals_named
from funnel_desktop.ui.board.reason_dialog import ReasonDialog
from funnel_desktop.ui.main_window import MainWindow


def test_one_deal_and_several(window: MainWindow) -> None:
    fmt = window.ctx.fmt
    deals = list(Deal.select().order_by(Deal.id).limit(5))
    one = deals[0]
    assert deals_named([one.id], fmt) == f"“{one.title}” ({fmt.money(one.amount, short=False)})"
    two = deals_named([d.id for d in deals[:2]], fmt)
    total = fmt.money(deals[0].amount + deals[1].amount, short=False)
    assert two == f"“{deals[0].title}”, “{deals[1].title}” ({total} in all)"
    five = deals_named([d.id for d in deals], fmt)
    assert five.startswith(f"“{deals[0].title}”, “{deals[1].title}”, “{deals[2].title}” and "
                           "2 more (")
    assert deals_named([10**9], fmt) == ""


def test_reason_dialog_shows_the_deal(window: MainWindow, qtbot: Any) -> None:
    dlg = ReasonDialog("won", 1, window, "“ERP rollout #12” (¥12,000)")
    qtbot.addWidget(dlg)
    dlg.show()
    assert dlg.what.isVisible() and dlg.what.text() == "“ERP rollout #12” (¥12,000)"
    plain = ReasonDialog("lost", 2, window)
    qtbot.addWidget(plain)
    assert plain.what.isHidden()


def test_deleting_several_names_them(window: MainWindow, answers: Any) -> None:
    board = window.board_page.board
    ids = board.columns[1].model.ids[:4]
    answers.confirm = False
    assert not board.delete_ids(ids)
    text = answers.asked[-1][1]
    first = Deal.get_by_id(ids[0])
    assert text.startswith("Delete these 4 deals with their history and activities?\n")
    assert f"“{first.title}”" in text and "and 1 more" in text and "in all)" in text
