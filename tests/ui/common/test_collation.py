"""Names are shown in pinyin order (阿里 < 东方 < 华信 < 上海), not by code point (上 < 东 < 华 <
阿): the customer list, the kept lists' pickers and editor; Latin names A to Z whatever their
case, numbers by value."""

from __future__ import annotations

import random
from typing import Any

from PySide6.QtCore import QCollator, QLocale, Qt

from funnel_desktop.store.models import Owner, Region
from funnel_desktop.ui.common.collation import FEW, NameOrder
from funnel_desktop.ui.main_window import MainWindow

PINYIN = ["阿里巴巴", "北京建材", "东方电子", "华信科技", "上海贸易", "张家港物流"]


def test_chinese_names_sort_by_pinyin_and_latin_ones_alphabetically() -> None:
    order = NameOrder()
    shuffled = ["上海贸易", "张家港物流", "华信科技", "东方电子", "阿里巴巴", "北京建材"]
    assert sorted(shuffled) != PINYIN  # by code point 上 comes first
    assert order.sorted(shuffled, str) == PINYIN
    assert order.sorted(["beta", "Zeta", "acme", "Éclair", "分店10", "分店2"], str) == [
        "分店2", "分店10", "acme", "beta", "Éclair", "Zeta"]
    assert order.sorted(PINYIN, str, reverse=True) == PINYIN[::-1]
    # equal names keep their order, also reversed (the id breaks the tie)
    pairs = [(3, "Acme"), (1, "Acme"), (2, "阿里巴巴")]
    assert order.sorted(pairs, lambda p: p[1]) == [(2, "阿里巴巴"), (3, "Acme"), (1, "Acme")]
    assert order.names([(9, "上海"), (8, "东方")]) == [(8, "东方"), (9, "上海")]


def test_the_kept_order_agrees_with_qt_whether_names_come_few_or_many() -> None:
    rng = random.Random(7)
    han = [chr(c) for c in range(0x4E00, 0x9FA5)]
    names = ["".join(rng.choices(han, k=rng.randint(1, 4))) for _ in range(3 * FEW)]
    order = NameOrder()
    order.ranks(names[:2 * FEW])  # many at once: one sort
    for name in names[2 * FEW:]:  # then one by one: a binary search each
        order.ranks([name])
    collator = QCollator(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
    collator.setNumericMode(True)
    assert order.sorted(names, str) == sorted(names, key=collator.sortKey)


def test_the_customer_list_sorts_names_by_pinyin(empty_window: MainWindow) -> None:
    services = empty_window.ctx.services
    for name, person in zip(["上海贸易", "华信科技", "东方电子", "阿里巴巴"],
                            ["王五", "张三", "李四", "赵六"], strict=True):
        services.save_customer(None, {"name": name, "contact_person": person})
    empty_window.show_page("customers")
    page = empty_window.customers_page
    model = page.model

    def shown(column: int = 0) -> list[str]:
        return [model.data(model.index(r, column)) for r in range(model.rowCount())]

    assert shown() == ["阿里巴巴", "东方电子", "华信科技", "上海贸易"]
    page.table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
    assert shown() == ["上海贸易", "华信科技", "东方电子", "阿里巴巴"]
    page.table.sortByColumn(1, Qt.SortOrder.AscendingOrder)
    assert shown(1) == ["李四", "王五", "张三", "赵六"]  # li, wang, zhang, zhao
    model.set_search("华")
    assert shown(1) == ["张三"]


def test_the_deal_editors_owner_picker_sorts_by_pinyin(window: MainWindow, answers: Any
                                                        ) -> None:
    for name in ("周杰", "陈晨", "王芳"):
        Owner.create(name=name)
    Region.create(name="上海")
    Region.create(name="北京")
    editor = window.new_deal()
    assert editor is not None
    owners = [editor.owner.itemText(i) for i in range(1, editor.owner.count())]
    chinese = [n for n in owners if not n.isascii()]
    assert chinese == ["陈晨", "王芳", "周杰"]  # chen, wang, zhou
    assert owners.index("陈晨") < owners.index("王芳") < owners.index("周杰")
    region = window.board_page.filters.options("region")
    assert [n for _i, n in region][:2] == ["北京", "上海"]  # Chinese names first
