"""A dropped card stays in sight: after a drop (or a menu move) its column is scrolled into
view, the card is selected and scrolled to in its sorted place, and it glows for a moment."""

from __future__ import annotations

from typing import Any

from ui_support import send_drop

from funnel_desktop.store.models import Deal
from funnel_desktop.ui.board.card_delegate import FLASH_MS
from funnel_desktop.ui.main_window import MainWindow


def in_view(col: Any, deal_id: int) -> bool:
    rect = col.view.visualRect(col.model.index(col.model.row_of(deal_id)))
    return col.view.viewport().rect().intersects(rect) and rect.height() > 0


def column_in_view(board: Any, col: Any) -> bool:
    """The whole width of the column shows in the board's scroll area."""
    area = board.scroll_area.viewport()
    left = col.mapTo(area, col.rect().topLeft()).x()
    return left >= 0 and left + col.width() <= area.width()


def test_a_dropped_card_is_shown_selected_and_glowing(window: MainWindow, qtbot: Any) -> None:
    window.resize(1024, 640)  # the last columns are off to the right
    board = window.board_page.board
    source, target = board.columns[0], board.columns[-1]
    assert not column_in_view(board, target)
    # the latest expected close of the source column sorts last in the target
    deal_id = max(source.model.ids, key=lambda i: (Deal.get_by_id(i).expected_close, i))
    assert send_drop(target.view.viewport(), [deal_id])
    qtbot.waitUntil(lambda: target.selected_ids() == [deal_id], timeout=3000)
    assert Deal.get_by_id(deal_id).stage_id == target.stage.id
    assert source.selected_ids() == []
    assert in_view(target, deal_id)
    assert column_in_view(board, target)
    assert target.view.hasFocus()
    delegate = board.delegate
    assert deal_id in delegate.flashing and delegate.glow > 0
    qtbot.waitUntil(lambda: not delegate.flashing, timeout=FLASH_MS + 2000)
    assert target.selected_ids() == [deal_id]  # the glow fades, the selection stays


def test_a_menu_move_is_revealed_too(window: MainWindow, qtbot: Any) -> None:
    board = window.board_page.board
    col, other = board.columns[1], board.columns[2]
    ids = col.model.ids[:2]
    assert board.move_ids(ids, other.stage.id)
    qtbot.waitUntil(lambda: sorted(other.selected_ids()) == sorted(ids), timeout=3000)
    assert all(i in board.delegate.flashing for i in ids)
