"""A customer-class segment is derived on the segment's day (the command line's --today)."""

from __future__ import annotations

from datetime import date
from typing import Any

from funnel_desktop.core.values import Segment
from funnel_desktop.store.models import Stage
from funnel_desktop.store.queries import customers_of_class, load_funnel


def test_classes_are_derived_on_the_segments_day(services: Any) -> None:
    pid = services.create_pipeline("b2b6", "en").value
    first = Stage.select().where(Stage.pipeline == pid).order_by(Stage.position).first()
    cid = services.save_customer(None, {"name": "Acme"}).value
    # big (≥ 100,000.00) and closing on 2026-12-01: A seen from late November (7 days away),
    # C seen from January (334 days away, beyond the 90 "soon" days)
    deal = services.create_deal(pid, first.id, {"title": "Big", "amount": 20_000_000,
                                                  "customer": cid,
                                                  "expected_close": date(2026, 12, 1)}).value
    assert customers_of_class(["A"], date(2026, 11, 24)) == [cid]
    assert customers_of_class(["A"], date(2026, 1, 1)) == []
    assert customers_of_class(["C"], date(2026, 1, 1)) == [cid]
    seg_a_then = Segment(customer_classes=("A",), class_day=date(2026, 1, 1))
    seg_c_then = Segment(customer_classes=("C",), class_day=date(2026, 1, 1))
    assert [d.id for d in load_funnel(pid, seg_a_then).deals] == []
    assert [d.id for d in load_funnel(pid, seg_c_then).deals] == [deal]


def test_a_day_alone_is_no_cut() -> None:
    assert Segment(class_day=date(2026, 1, 1)).is_empty()
    assert not Segment(customer_classes=("A",), class_day=date(2026, 1, 1)).is_empty()
