"""The item models pass Qt's QAbstractItemModelTester while they fetch, reset and change."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtTest import QAbstractItemModelTester
from ui_support import TODAY

from funnel_desktop.core.classify import ClassThresholds
from funnel_desktop.store import screen_queries as sq
from funnel_desktop.store.models import Customer, Deal, Stage
from funnel_desktop.ui.board.board_model import CardRole, DealColumnModel, IdRole
from funnel_desktop.ui.common.fmt import Formatter
from funnel_desktop.ui.customers.customer_models import ContactsModel, CustomerListModel
from funnel_desktop.ui.customers.customer_models import IdRole as CustomerIdRole

MODES = [QAbstractItemModelTester.FailureReportingMode.Warning,
         QAbstractItemModelTester.FailureReportingMode.Fatal]


def load(ids: list[int]) -> dict[int, sq.CardFacts]:
    return sq.card_rows(ids, TODAY, ClassThresholds())


@pytest.mark.parametrize("mode", MODES)
def test_deal_column_model(demo: Any, qtbot: Any, mode: Any) -> None:
    stage = Stage.get((Stage.kind == "open") & (Stage.position == 1))
    ids = sq.column_ids(stage.pipeline_id)[stage.id]
    moved: list[tuple[list[int], int]] = []
    model = DealColumnModel(stage.id, load, lambda i, s: moved.append((i, s)) or True)
    model.PAGE = 7  # small pages, so fetching happens
    tester = QAbstractItemModelTester(model, mode)
    model.set_ids(ids)
    assert 7 <= model.rowCount() < len(ids) and model.total() == len(ids)
    assert model.canFetchMore(QModelIndex())
    while model.canFetchMore(QModelIndex()):
        model.fetchMore(QModelIndex())
    assert model.rowCount() == len(ids)
    card = model.data(model.index(3), CardRole)
    assert card.id == ids[3] == model.data(model.index(3), IdRole)
    assert model.data(model.index(3)) == Deal.get_by_id(ids[3]).title
    model.set_ids(ids[::-1])  # reset, keeping the rows fetched
    assert model.rowCount() == len(ids)
    model.set_ids(ids[::-1])  # same ids: repaint only
    model.set_ids([])
    assert model.rowCount() == 0
    model.set_ids(ids[:3])
    assert model.row_of(ids[2]) == 2 and model.row_of(-1) is None
    # a drop from elsewhere calls the handler; nothing is removed here
    from funnel_desktop.ui.board.board_model import encode_ids

    assert not model.dropMimeData(encode_ids([ids[5], ids[0]]), Qt.DropAction.MoveAction, -1,
                                  -1, QModelIndex())
    assert moved == [([ids[5]], stage.id)]
    del tester


@pytest.mark.parametrize("mode", MODES)
def test_customer_list_model(demo: Any, qtbot: Any, mode: Any) -> None:
    model = CustomerListModel(Formatter("en"), lambda: TODAY, ClassThresholds)
    model.PAGE = 25
    tester = QAbstractItemModelTester(model, mode)
    model.refresh()
    n = Customer.select().count()
    assert model.total() == n and 25 <= model.rowCount() < n
    while model.canFetchMore(QModelIndex()):
        model.fetchMore(QModelIndex())
    assert model.rowCount() == n
    names = [model.data(model.index(r, 0)) for r in range(n)]
    assert names == sorted(names)  # SQL order by name (the demo's names are ASCII)
    for col in range(model.columnCount()):
        model.sort(col, Qt.SortOrder.DescendingOrder)
        model.sort(col, Qt.SortOrder.AscendingOrder)
    model.sort(model.COLUMNS.index("open_amount"), Qt.SortOrder.DescendingOrder)
    first = model.data(model.index(0, 0), CustomerIdRole)
    top = max(sq.customer_rows([c.id for c in Customer.select()], TODAY,
                               ClassThresholds()).values(), key=lambda r: r.open_amount)
    assert sq.customer_rows([first], TODAY, ClassThresholds())[first].open_amount == \
        top.open_amount
    model.set_search("Acme")
    assert 0 < model.total() < n
    for r in range(model.rowCount()):
        c = Customer.get_by_id(model.id_at(r))
        assert "acme" in " ".join((c.name, c.contact_person, c.phone, c.email,
                                   c.industry)).lower()
    model.set_search("zzz-no-such-customer")
    assert model.rowCount() == 0
    del tester


@pytest.mark.parametrize("mode", MODES)
def test_contacts_model(qtbot: Any, mode: Any) -> None:
    model = ContactsModel()
    tester = QAbstractItemModelTester(model, mode)
    model.set_rows([{"name": "Mr. Hall", "role": "decision_maker", "attitude": "supporter"},
                    {"name": "Ms. Ito", "role": "", "attitude": ""}])
    assert model.rowCount() == 2 and model.columnCount() == 6
    assert model.data(model.index(0, 2)) == "Decision maker"
    assert model.data(model.index(0, 2), Qt.ItemDataRole.EditRole) == "decision_maker"
    assert model.data(model.index(1, 3)) == "Neutral"  # blank attitude reads as neutral
    assert model.setData(model.index(1, 2), "buyer")
    assert not model.setData(model.index(1, 2), "king")  # not a role
    assert model.rows[1]["role"] == "buyer"
    row = model.add_row()
    assert row == 2 and model.rowCount() == 3
    model.remove_row(0)
    assert [r["name"] for r in model.rows] == ["Ms. Ito", ""]
    del tester
