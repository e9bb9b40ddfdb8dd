"""The kanban board: drops, closes with reasons, undo/redo, keyboard and menu moves, quick
create, filters — each checked against the database, the history, the headers and the strip."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from ui_support import NOW, TODAY, send_drop

from funnel_desktop.core.values import Segment
from funnel_desktop.store.models import Deal, Reason, Stage, StageHistory
from funnel_desktop.store.queries import stage_aggregates
from funnel_desktop.ui.board.board import split_quick_text
from funnel_desktop.ui.board.board_model import MIME_DEAL_IDS, decode_ids, encode_ids
from funnel_desktop.ui.board.totals import FunnelTotals
from funnel_desktop.ui.main_window import MainWindow


def board(w: MainWindow):
    return w.board_page.board


def history(deal_id: int) -> list[tuple[int, Any, Any]]:
    return [(h.stage_id, h.entered_at, h.left_at) for h in StageHistory.select()
            .where(StageHistory.deal == deal_id).order_by(StageHistory.entered_at,
                                                          StageHistory.id)]


def deal_row(deal_id: int) -> dict:
    return Deal.select().where(Deal.id == deal_id).dicts().get()


def plain(deal_id: int) -> bool:
    """A deal without its own probability (so a move changes its weighted value)."""
    return Deal.get_by_id(deal_id).probability is None


def assert_consistent(w: MainWindow) -> None:
    """Headers, strip and a full recompute agree with the database."""
    page = w.board_page
    b = board(w)
    agg = stage_aggregates(b.pipeline_id)
    fmt = w.ctx.fmt
    for col in b.columns:
        count, amount, weighted = agg.get(col.stage.id, (0, 0, 0))
        assert col.model.total() == count
        assert fmt.money(amount) in col.header.totals.text()
        assert col.header.totals.text().startswith(
            "1 deal" if count == 1 else f"{fmt.count(count)} deals")
        assert col.header.weighted.text() == "Weighted " + fmt.money(round(weighted / 100))
    open_ids = [c.stage.id for c in b.columns]
    assert page.strip.open_deals.value.text() == fmt.count(
        sum(agg.get(i, (0, 0, 0))[0] for i in open_ids))
    assert page.strip.pipeline.value.text() == fmt.money(
        sum(agg.get(i, (0, 0, 0))[1] for i in open_ids))
    assert page.strip.weighted.value.text() == fmt.money(
        round(sum(agg.get(i, (0, 0, 0))[2] for i in open_ids) / 100))
    assert page.totals.check(TODAY, NOW)


def test_board_shows_one_column_per_open_stage(window: MainWindow) -> None:
    b = board(window)
    names = [c.stage.name for c in b.columns]
    assert names == ["Nurture & identify", "Product introduction", "Needs & solution",
                     "Quote / contract"]
    assert [c.header.prob.text() for c in b.columns] == ["10%", "35%", "65%", "75%"]
    assert_consistent(window)


def test_drop_card_on_another_column(window: MainWindow) -> None:
    b = board(window)
    src, dst = b.columns[0], b.columns[2]
    deal_id = next(i for i in src.model.ids if plain(i))
    amount = Deal.get_by_id(deal_id).amount
    before_hist = history(deal_id)
    weighted_before = window.board_page.totals.weighted
    open_before = window.board_page.totals.open_count
    n_src, n_dst = src.model.total(), dst.model.total()

    assert send_drop(dst.view.viewport(), [deal_id])

    assert Deal.get_by_id(deal_id).stage_id == dst.stage.id
    hist = history(deal_id)
    assert len(hist) == len(before_hist) + 1
    assert hist[-1][0] == dst.stage.id and hist[-1][1] == NOW and hist[-1][2] is None
    assert hist[-2][0] == src.stage.id and hist[-2][2] == NOW
    assert (src.model.total(), dst.model.total()) == (n_src - 1, n_dst + 1)
    assert deal_id in dst.model.ids and deal_id not in src.model.ids
    # 10 % → 65 %: the weighted total grows by amount × 55 / 100
    assert window.board_page.totals.weighted == round(
        (weighted_before * 100 + amount * 55) / 100)
    assert window.board_page.totals.open_count == open_before
    assert window.board_page.incremental_updates == 1
    assert_consistent(window)
    assert window.undo_action.text() == "Undo Move deal to “Needs & solution”"


def test_drop_on_own_column_is_refused(window: MainWindow) -> None:
    col = board(window).columns[1]
    deal_id = col.model.ids[0]
    assert not send_drop(col.view.viewport(), [deal_id])
    assert Deal.get_by_id(deal_id).stage_id == col.stage.id
    assert window.ctx.undo_stack.count() == 0


def test_foreign_mime_data_is_refused(window: MainWindow) -> None:
    from PySide6.QtCore import QMimeData, QPointF
    from PySide6.QtGui import QDragEnterEvent

    data = QMimeData()
    data.setText("[1, 2]")
    target = board(window).columns[1].view.viewport()
    ev = QDragEnterEvent(QPointF(10, 10).toPoint(), Qt.DropAction.MoveAction, data,
                         Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(target, ev)
    assert not ev.isAccepted()


def test_multi_card_move_and_undo_redo(window: MainWindow) -> None:
    b = board(window)
    src, dst = b.columns[0], b.columns[3]
    ids = src.model.ids[:3]
    stages_before = {i: Deal.get_by_id(i).stage_id for i in ids}
    hist_before = {i: history(i) for i in ids}
    src.select_ids(ids)
    assert src.selected_ids() == ids
    mime = src.model.mimeData(src.view.selectionModel().selectedIndexes())
    assert mime.hasFormat(MIME_DEAL_IDS) and decode_ids(mime) == ids

    assert send_drop(dst.view.viewport(), ids)
    assert all(Deal.get_by_id(i).stage_id == dst.stage.id for i in ids)
    assert all(len(history(i)) == len(hist_before[i]) + 1 for i in ids)
    assert window.undo_action.text() == "Undo Move 3 deals to “Quote / contract”"
    assert_consistent(window)

    window.undo_action.trigger()
    assert {i: Deal.get_by_id(i).stage_id for i in ids} == stages_before
    assert {i: history(i) for i in ids} == hist_before
    assert set(ids) <= set(src.model.ids)
    assert_consistent(window)

    window.redo_action.trigger()
    assert all(Deal.get_by_id(i).stage_id == dst.stage.id for i in ids)
    assert_consistent(window)


@pytest.mark.parametrize("won", [True, False])
def test_close_by_drop_with_reason_then_undo_redo(window: MainWindow, answers: Any,
                                                  qtbot: Any, won: bool) -> None:
    kind = "won" if won else "lost"
    b = board(window)
    col = b.columns[1]
    deal_id = col.model.ids[0]
    before = deal_row(deal_id)
    hist_before = history(deal_id)
    reason = Reason.select().where(Reason.kind == kind).order_by(Reason.id).first()
    answers.reason = (reason.id, "Signed at the fair" if won else "Went with a rival")
    totals = window.board_page.totals
    open_before, won_before, lost_before = totals.open_count, totals.won_recent, \
        totals.lost_recent

    target = b.won_target if won else b.lost_target
    assert send_drop(target, [deal_id])
    qtbot.waitUntil(lambda: Deal.get_by_id(deal_id).closed_at is not None, timeout=2000)

    deal = Deal.get_by_id(deal_id)
    closing = Stage.get((Stage.pipeline == b.pipeline_id) & (Stage.kind == kind))
    assert answers.asked[-1] == ("reason", (kind, 1))
    d = Deal.get_by_id(deal_id)
    assert answers.reason_named == f"“{d.title}” ({window.ctx.fmt.money(d.amount, short=False)})"
    assert deal.stage_id == closing.id
    assert deal.close_reason_id == reason.id
    assert deal.close_note == answers.reason[1]
    assert deal.closed_at == NOW
    assert history(deal_id)[-1][0] == closing.id
    assert deal_id not in col.model.ids
    assert totals.open_count == open_before - 1
    assert (totals.won_recent, totals.lost_recent) == (
        (won_before + 1, lost_before) if won else (won_before, lost_before + 1))
    assert window.undo_action.text() == f"Undo Mark deal {kind}"
    assert_consistent(window)

    window.undo_action.trigger()
    assert deal_row(deal_id) == before
    assert history(deal_id) == hist_before
    assert deal_id in col.model.ids
    assert totals.open_count == open_before
    assert_consistent(window)

    window.redo_action.trigger()
    assert Deal.get_by_id(deal_id).stage_id == closing.id
    assert_consistent(window)


def test_cancel_of_reason_dialog_changes_nothing(window: MainWindow, answers: Any,
                                                 qtbot: Any) -> None:
    b = board(window)
    col = b.columns[2]
    ids = col.model.ids[:2]
    rows = [deal_row(i) for i in ids]
    hists = [history(i) for i in ids]
    header = col.header.totals.text()
    answers.reason = None

    assert send_drop(b.lost_target, ids)
    qtbot.waitUntil(lambda: ("reason", ("lost", 2)) in answers.asked, timeout=2000)
    QApplication.processEvents()

    assert [deal_row(i) for i in ids] == rows
    assert [history(i) for i in ids] == hists
    assert col.header.totals.text() == header
    assert window.ctx.undo_stack.count() == 0
    assert_consistent(window)


def test_keyboard_moves_selection_to_next_and_previous_stage(window: MainWindow,
                                                            qtbot: Any) -> None:
    b = board(window)
    deal_id = b.columns[0].model.ids[0]
    b.columns[0].select_ids([deal_id], focus=True)

    qtbot.keyClick(b.columns[0].view, Qt.Key.Key_Right, Qt.KeyboardModifier.ControlModifier)
    assert Deal.get_by_id(deal_id).stage_id == b.columns[1].stage.id
    assert b.columns[1].selected_ids() == [deal_id]  # the selection follows the card

    qtbot.keyClick(b.columns[1].view, Qt.Key.Key_Right, Qt.KeyboardModifier.ControlModifier)
    assert Deal.get_by_id(deal_id).stage_id == b.columns[2].stage.id

    qtbot.keyClick(b.columns[2].view, Qt.Key.Key_Left, Qt.KeyboardModifier.ControlModifier)
    assert Deal.get_by_id(deal_id).stage_id == b.columns[1].stage.id
    assert window.ctx.undo_stack.count() == 3
    assert_consistent(window)

    window.undo_action.trigger()
    window.undo_action.trigger()
    window.undo_action.trigger()
    assert Deal.get_by_id(deal_id).stage_id == b.columns[0].stage.id
    assert_consistent(window)


def test_keyboard_at_the_edge_does_nothing(window: MainWindow, qtbot: Any) -> None:
    b = board(window)
    deal_id = b.columns[0].model.ids[0]
    b.columns[0].select_ids([deal_id], focus=True)
    qtbot.keyClick(b.columns[0].view, Qt.Key.Key_Left, Qt.KeyboardModifier.ControlModifier)
    assert Deal.get_by_id(deal_id).stage_id == b.columns[0].stage.id
    assert window.ctx.undo_stack.count() == 0


def test_context_menu_moves_and_closes(window: MainWindow, answers: Any) -> None:
    b = board(window)
    col = b.columns[0]
    deal_id = col.model.ids[0]
    col.select_ids([deal_id])
    menu = b.context_menu(col)
    texts = [a.text() for a in menu.actions() if a.text()]
    assert texts == ["Edit…", "Move to", "Mark won…", "Mark lost…", "Delete…"]
    move = next(a for a in menu.actions() if a.text() == "Move to").menu()
    assert [a.isEnabled() for a in move.actions()] == [False, True, True, True]
    move.actions()[3].trigger()
    assert Deal.get_by_id(deal_id).stage_id == b.columns[3].stage.id

    col = b.columns[3]
    col.select_ids([deal_id])
    reason = Reason.get(Reason.kind == "won")
    answers.reason = (reason.id, "")
    menu = b.context_menu(col)
    next(a for a in menu.actions() if a.text() == "Mark won…").trigger()
    assert Deal.get_by_id(deal_id).close_reason_id == reason.id
    assert_consistent(window)


def test_delete_key_asks_then_deletes_and_undo_restores(window: MainWindow, answers: Any,
                                                        qtbot: Any) -> None:
    b = board(window)
    col = b.columns[1]
    deal_id = col.model.ids[0]
    row, hist = deal_row(deal_id), history(deal_id)
    col.select_ids([deal_id], focus=True)

    answers.confirm = False
    qtbot.keyClick(col.view, Qt.Key.Key_Delete)
    d = Deal.get_by_id(deal_id)
    named = f"“{d.title}” ({window.ctx.fmt.money(d.amount, short=False)})"
    assert answers.asked[-1] == ("confirm", f"Delete {named} with its history and activities?")
    assert Deal.get_or_none(Deal.id == deal_id) is not None

    answers.confirm = True
    qtbot.keyClick(col.view, Qt.Key.Key_Delete)
    assert Deal.get_or_none(Deal.id == deal_id) is None
    assert deal_id not in col.model.ids
    assert_consistent(window)

    window.undo_action.trigger()
    assert deal_row(deal_id) == row and history(deal_id) == hist
    assert deal_id in col.model.ids
    assert_consistent(window)


def test_quick_create_in_a_column(window: MainWindow, qtbot: Any) -> None:
    b = board(window)
    col = b.columns[2]
    n = col.model.total()
    qtbot.keyClicks(col.quick, "Server upgrade 12,500")
    qtbot.keyClick(col.quick, Qt.Key.Key_Return)
    deal = Deal.select().order_by(Deal.id.desc()).first()
    assert (deal.title, deal.amount, deal.stage_id) == ("Server upgrade", 1_250_000,
                                                        col.stage.id)
    assert col.model.total() == n + 1 and deal.id in col.selected_ids()
    assert col.quick.text() == ""
    assert history(deal.id) == [(col.stage.id, NOW, None)]
    assert window.undo_action.text() == "Undo New deal “Server upgrade”"
    assert_consistent(window)
    window.undo_action.trigger()
    assert Deal.get_or_none(Deal.id == deal.id) is None
    assert col.model.total() == n


def test_quick_create_needs_a_title(window: MainWindow, qtbot: Any) -> None:
    col = board(window).columns[0]
    col.quick.setText("   ")
    assert board(window).quick_create(col) is None
    assert window.ctx.undo_stack.count() == 0


@pytest.mark.parametrize(("text", "expected"), [
    ("ERP for Acme 12,500", ("ERP for Acme", "12,500")),
    ("Server 12.5万", ("Server", "12.5万")),
    ("Annual support", ("Annual support", None)),
    ("Phase 2", ("Phase", "2")),
    ("Server -5", ("Server -5", None)),
    ("12500", ("12500", None)),
])
def test_split_quick_text(text: str, expected: tuple) -> None:
    assert split_quick_text(text) == expected


def test_filters_apply_to_board_and_strip_and_show_chips(window: MainWindow,
                                                         qtbot: Any) -> None:
    page = window.board_page
    bar = page.filters
    owner = Deal.select().where(Deal.closed_at.is_null()).first().owner
    bar.set_value("owner", owner.id, owner.name)
    assert page.board.segment == Segment(owner_ids=(owner.id,))
    expected = stage_aggregates(page.board.pipeline_id, Segment(owner_ids=(owner.id,)))
    for col in page.board.columns:
        assert col.model.total() == expected.get(col.stage.id, (0,))[0]
        assert all(Deal.get_by_id(i).owner_id == owner.id for i in col.model.ids)
    open_count = sum(expected.get(c.stage.id, (0,))[0] for c in page.board.columns)
    assert page.strip.open_deals.value.text() == str(open_count)
    assert list(bar.chips) == ["owner"]
    assert bar.chips["owner"].text() == f"Owner: {owner.name}  ×"

    bar.set_value("priority", "high", "High")
    assert page.board.segment.priorities == ("high",)
    assert list(bar.chips) == ["owner", "priority"]
    page_totals = FunnelTotals()
    page_totals.recompute(page.board.pipeline_id, page.board.segment, TODAY, NOW)
    assert page.totals.as_tuple() == page_totals.as_tuple()

    bar.chips["owner"].click()
    assert page.board.segment == Segment(priorities=("high",))
    bar.clear()
    assert page.board.segment == Segment()
    assert not bar.chips and bar.chip_row.isHidden()
    assert_consistent(window)


def test_search_and_close_period_filters(window: MainWindow, qtbot: Any) -> None:
    page = window.board_page
    bar = page.filters
    bar.search.setText("Acme")
    qtbot.waitUntil(lambda: page.board.segment.text == "Acme", timeout=2000)
    for col in page.board.columns:
        for i in col.model.ids:
            d = Deal.get_by_id(i)
            assert "acme" in d.title.lower() or "acme" in d.customer.name.lower()
    start, end = bar.options("close")[0][0]
    bar.set_value("close", (start, end), "This month")
    assert (page.board.segment.close_from, page.board.segment.close_to) == (
        TODAY.replace(day=1), TODAY.replace(day=30))
    assert_consistent_filtered(window)


def assert_consistent_filtered(w: MainWindow) -> None:
    page = w.board_page
    agg = stage_aggregates(page.board.pipeline_id, page.board.segment)
    for col in page.board.columns:
        assert col.model.total() == agg.get(col.stage.id, (0,))[0]
    assert page.totals.check(TODAY, NOW)


def test_moves_under_a_filter_keep_totals_right(window: MainWindow) -> None:
    page = window.board_page
    owner_id = Deal.select().where(Deal.closed_at.is_null()).first().owner_id
    page.filters.set_value("owner", owner_id, "x")
    b = page.board
    deal_id = next(i for c in b.columns for i in c.model.ids)
    target = next(c for c in b.columns if deal_id not in c.model.ids)
    assert send_drop(target.view.viewport(), [deal_id])
    assert Deal.get_by_id(deal_id).stage_id == target.stage.id
    assert_consistent_filtered(window)


def test_mime_round_trip_and_rejects_malformed() -> None:
    assert decode_ids(encode_ids([3, 1, 2])) == [3, 1, 2]
    from PySide6.QtCore import QByteArray, QMimeData

    bad = QMimeData()
    bad.setData(MIME_DEAL_IDS, QByteArray(b"{not json"))
    assert decode_ids(bad) == []
    bad.setData(MIME_DEAL_IDS, QByteArray(b'["1", true]'))
    assert decode_ids(bad) == []
    assert decode_ids(None) == []
