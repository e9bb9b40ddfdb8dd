"""Won and lost reasons summary: counts and value per reason and per category."""

from __future__ import annotations

from funnel_desktop.core.reasons_summary import (
    CategoryLine,
    ReasonLine,
    ReasonRow,
    reasons_summary,
)


def test_reasons_and_categories_with_shares():
    rows = [
        ReasonRow("lost", 1, "Price too high", "Price", 3, 300_000),
        ReasonRow("lost", 2, "Lost to a competitor", "Competition", 1, 500_000),
        ReasonRow("lost", 3, "Discount refused", "Price", 1, 200_000),
        ReasonRow("lost", None, "", "", 1, 0),
        ReasonRow("won", 9, "Product fit", "Product", 2, 400_000),
    ]
    s = reasons_summary(rows)
    lost = s["lost"]
    assert (lost.kind, lost.count, lost.amount) == ("lost", 6, 1_000_000)
    assert lost.reasons == [
        ReasonLine(1, "Price too high", "Price", 3, 300_000, 0.5, 0.3),
        ReasonLine(2, "Lost to a competitor", "Competition", 1, 500_000, 1 / 6, 0.5),
        ReasonLine(3, "Discount refused", "Price", 1, 200_000, 1 / 6, 0.2),
        ReasonLine(None, "", "", 1, 0, 1 / 6, 0.0),
    ]
    assert lost.categories == [
        CategoryLine("Price", 4, 500_000, 4 / 6, 0.5),
        CategoryLine("Competition", 1, 500_000, 1 / 6, 0.5),
        CategoryLine("", 1, 0, 1 / 6, 0.0),
    ]
    won = s["won"]
    assert won.reasons == [ReasonLine(9, "Product fit", "Product", 2, 400_000, 1.0, 1.0)]
    assert won.categories == [CategoryLine("Product", 2, 400_000, 1.0, 1.0)]


def test_rows_of_one_reason_are_merged():
    rows = [ReasonRow("won", 4, "Fast service", "Service", 1, 10),
            ReasonRow("won", 4, "Fast service", "Service", 2, 20)]
    assert reasons_summary(rows)["won"].reasons == [
        ReasonLine(4, "Fast service", "Service", 3, 30, 1.0, 1.0)]


def test_nothing_closed_and_all_lost():
    empty = reasons_summary([])
    for kind in ("won", "lost"):
        assert (empty[kind].count, empty[kind].amount, empty[kind].reasons,
                empty[kind].categories) == (0, 0, [], [])
    all_lost = reasons_summary([ReasonRow("lost", 1, "No budget", "Budget", 2, 0)])
    assert all_lost["won"].count == 0
    # no value lost (amounts zero): the share of value is undefined
    assert all_lost["lost"].reasons[0].share_amount is None
    assert all_lost["lost"].reasons[0].share_count == 1.0
