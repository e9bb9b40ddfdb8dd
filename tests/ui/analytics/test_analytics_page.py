"""The Analytics page in the main window: what it shows is the core's numbers, a card dropped
on the board updates the funnel's "now" columns and the forecast in the same event (and they
equal a full recompute), filters and the period cut it, it computes only when shown, and an
empty database shows empty charts."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from PySide6.QtWidgets import QApplication
from ui_support import TODAY, send_drop, wait_idle

from funnel_desktop.core.analytics import Inputs
from funnel_desktop.core.values import Period, Segment
from funnel_desktop.store.analytics_data import compute_all
from funnel_desktop.store.models import Deal, Reason
from funnel_desktop.ui.analytics.page import AnalyticsPage
from funnel_desktop.ui.main_window import MainWindow


def page_of(w: MainWindow) -> AnalyticsPage:
    return w.analytics()


def shown(w: MainWindow) -> AnalyticsPage:
    """The Analytics page shown and computed."""
    w.show_page("analytics")
    QApplication.processEvents()
    page = page_of(w)
    assert wait_idle(page)
    assert page.result is not None and page.full_refreshes >= 1
    return page


def fresh(page: AnalyticsPage):
    """A full recompute for what the page shows (without touching the page)."""
    return compute_all(page.result.inputs)


def now_columns(chart) -> list[tuple[int, int, int, int]]:
    return [(r.stage_id, r.now_count, r.now_amount, r.now_weighted) for r in chart.stages]


def test_page_is_in_the_window_and_computes_only_when_shown(window: MainWindow) -> None:
    page = page_of(window)
    assert "analytics" in window.pages and window.view_buttons["analytics"].text() == \
        "Analytics"
    assert [a.text() for a in window.analytics_menu.actions()][:1] == ["&Targets…"]
    assert page.full_refreshes == 0 and page.result is None  # hidden: nothing computed
    page = shown(window)
    assert page.full_refreshes == 1
    r = page.result
    # what is drawn is the result's data
    assert page.funnel.chart == r.funnel
    assert page.funnel.plotted()["reached"] == [float(s.reached) for s in r.funnel.stages]
    assert page.forecast.plotted()["won"] == [m.won_amount / 100 for m in r.forecast.months]
    assert page.forecast.plotted()["weighted"] == [m.weighted / 100 for m in r.forecast.months]
    assert page.forecast.plotted()["overdue"] == [r.forecast.overdue_weighted / 100]
    assert page.win_rate.rows == r.win_rates
    assert page.reasons.summaries == r.reasons
    assert page.sizes.lines == r.bands
    assert page.people.model.total[1] == r.owners.total
    assert page.health.findings == r.findings
    n, _amount, weighted = r.snapshot.open_totals()
    fmt = window.ctx.fmt
    assert page.tile_open.value.text() == fmt.count(n)
    assert page.tile_weighted.value.text() == fmt.money(weighted)
    # by value, the bars are the amounts
    page.funnel.measure.setCurrentIndex(page.funnel.measure.findData("value"))
    assert page.funnel.plotted()["reached"] == [s.reached_amount / 100
                                                for s in r.funnel.stages]
    assert page.funnel.plotted()["now"] == [s.now_amount / 100 for s in r.funnel.stages]
    # the board's strip and the page agree on the open pipeline
    assert window.board_page.strip.pipeline.value.text() == page.tile_pipeline.value.text()


def test_dropping_a_card_updates_funnel_and_forecast_in_the_same_event(
        window: MainWindow) -> None:
    page = shown(window)
    window.show_page("board")
    QApplication.processEvents()
    before_funnel = page.funnel.chart
    before_forecast = page.forecast.chart
    refreshes = page.full_refreshes
    board = window.board_page.board
    src, dst = board.columns[0], board.columns[2]
    deal_id = next(i for i in src.model.ids if Deal.get_by_id(i).probability is None
                   and Deal.get_by_id(i).expected_close is not None
                   and Deal.get_by_id(i).expected_close >= TODAY)
    deal = Deal.get_by_id(deal_id)

    assert send_drop(dst.view.viewport(), [deal_id])

    # in the same event: no recompute (the page is hidden), one O(1) update of its snapshot;
    # what is drawn from it waits for the page to be shown
    assert page.full_refreshes == refreshes
    assert page.live_updates == 1
    full = fresh(page)
    assert page.result.snapshot == full.snapshot
    drawn_before = page.funnel.plotted()["now"]
    assert drawn_before == [float(r.now_count) for r in before_funnel.stages]
    assert page.forecast.plotted()["weighted"] == [m.weighted / 100
                                                   for m in before_forecast.months]
    # shown again, it draws the new data at once (before its full recompute)
    window.show_page("analytics")
    assert page.full_refreshes == refreshes
    after = {r.stage_id: r for r in page.funnel.chart.stages}
    old = {r.stage_id: r for r in before_funnel.stages}
    assert after[src.stage.id].now_count == old[src.stage.id].now_count - 1
    assert after[dst.stage.id].now_count == old[dst.stage.id].now_count + 1
    assert after[dst.stage.id].now_amount == old[dst.stage.id].now_amount + deal.amount
    # the reached bars are the period's history and stay until the next full recompute
    assert [r.reached for r in page.funnel.chart.stages] == \
        [r.reached for r in before_funnel.stages]
    # the forecast: the deal's month gains amount × (65 % − 10 %)
    key = deal.expected_close.strftime("%Y-%m")
    month_before = next(m for m in before_forecast.months if m.month == key)
    month_after = next(m for m in page.forecast.chart.months if m.month == key)
    assert month_after.weighted - month_before.weighted in (
        (deal.amount * 55) // 100, (deal.amount * 55 + 99) // 100)
    # and it equals a full recompute
    assert now_columns(page.funnel.chart) == now_columns(full.funnel)
    assert without_band(page.forecast.chart) == without_band(full.forecast)
    assert page.result.progress == full.progress
    assert page.funnel.plotted()["now"] == [float(r.now_count)
                                            for r in page.funnel.chart.stages] != drawn_before
    assert page.forecast.plotted()["weighted"] == [m.weighted / 100
                                                   for m in page.forecast.chart.months]
    fmt = window.ctx.fmt
    assert page.tile_weighted.value.text() == fmt.money(full.snapshot.open_totals()[2])
    # and the rest is computed anew, once
    QApplication.processEvents()
    assert wait_idle(page)
    assert page.full_refreshes == refreshes + 1
    assert page.funnel.chart == page.result.funnel == compute_all(page.result.inputs).funnel


def without_band(chart: Any) -> Any:
    """The forecast without its simulated band (the live path keeps the last full
    recompute's band until the next one)."""
    return replace(chart, months=[replace(m, band=None) for m in chart.months],
                   band_total=None)


def test_closing_on_won_updates_the_won_column_and_the_month(window: MainWindow,
                                                              answers: Any, qtbot: Any) -> None:
    page = shown(window)
    window.show_page("board")
    QApplication.processEvents()
    board = window.board_page.board
    deal_id = board.columns[3].model.ids[0]
    amount = Deal.get_by_id(deal_id).amount
    won_before = page.forecast.chart.won_total
    reason = Reason.select().where(Reason.kind == "won").first()
    answers.reason = (reason.id, "")

    assert send_drop(board.won_target, [deal_id])
    qtbot.waitUntil(lambda: Deal.get_by_id(deal_id).closed_at is not None, timeout=3000)

    assert page.live_updates == 1
    window.show_page("analytics")  # a hidden page's charts are made when it is shown
    assert page.forecast.chart.won_total == won_before + amount
    full = fresh(page)
    assert without_band(page.forecast.chart) == without_band(full.forecast)
    assert now_columns(page.funnel.chart) == now_columns(full.funnel)
    won_tile = window.ctx.fmt.money(full.snapshot.closed_in(page.result.inputs.period)[1])
    assert page.tile_won.value.text() == won_tile
    # the month's target tile on the board's strip follows without a query
    assert (window.target_tile.target, window.target_tile.won) == (full.progress[0].target,
                                                             full.progress[0].won)


def test_other_changes_recompute_when_visible(window: MainWindow, ui_services: Any,
                                              qtbot: Any) -> None:
    page = shown(window)
    refreshes = page.full_refreshes
    deal_id = page.result.data.deals[0].id
    ui_services.update_deal(deal_id, {"amount": "123456"})
    assert page.full_refreshes == refreshes  # debounced, not in the event
    qtbot.waitUntil(lambda: page.full_refreshes == refreshes + 1, timeout=5000)
    assert any(d.id == deal_id and d.amount == 12_345_600 for d in page.result.data.deals)


def test_filters_are_shared_with_the_board(window: MainWindow, qtbot: Any) -> None:
    from funnel_desktop.store.models import Owner

    page = shown(window)
    owner = Owner.select().order_by(Owner.name).first()
    window.board_page.filters.set_value("owner", owner.id, owner.name)
    assert page.segment == Segment(owner_ids=(owner.id,))
    assert page.filters.value("owner") == owner.id and "owner" in page.filters.chips
    qtbot.waitUntil(lambda: page.result.inputs.segment == page.segment, timeout=5000)
    assert all(d.owner_id == owner.id for d in page.result.data.deals)
    assert page.result.target_scope == ("owner", None, owner.id)
    page.filters.clear("owner")
    assert window.board_page.board.segment == Segment()
    assert window.board_page.filters.value("owner") is None
    page.filters.search.setText("Acme")
    page.filters._emit()  # what the search box's pause does
    assert window.board_page.filters.search.text() == "Acme"
    assert window.board_page.board.segment.text == "Acme"


def test_period_chooser_recomputes_for_the_period(window: MainWindow, qtbot: Any) -> None:
    page = shown(window)
    page.period.set_code("month")
    qtbot.waitUntil(lambda: page.result.inputs.period.start.day == 1
                    and page.result.inputs.period.end.month == 11
                    and page.result.inputs.period.start.month == 11, timeout=5000)
    assert page.period.label.text() == "Nov 1 – Nov 30, 2026"
    assert window.settings.value(page.period_key()) == "month"  # remembered
    custom = Period(TODAY.replace(day=1, month=3), TODAY.replace(day=31, month=3))
    page.period.set_code("custom", custom)
    qtbot.waitUntil(lambda: page.result.inputs.period == custom, timeout=5000)
    assert page.funnel.chart.period == custom


def test_choosing_custom_in_the_combo_asks_for_dates(window: MainWindow, monkeypatch: Any,
                                                     qtbot: Any) -> None:
    from funnel_desktop.ui.analytics import periods

    page = shown(window)
    asked = []

    def answer(parent: Any, start: Any, end: Any) -> Any:
        asked.append((start, end))
        return None  # cancelled: the period stays

    monkeypatch.setattr(periods, "ask_period", answer)
    before = page.period.code()
    page.period._chosen(page.period.combo.findData("custom"))
    assert asked and page.period.code() == before


def test_the_worker_thread_computes_the_same(window: MainWindow, qtbot: Any) -> None:
    page = shown(window)
    expected = page.result
    page.last_seconds = 10.0  # as if the database were big
    page._dirty = True
    page.request_refresh()
    assert page._job is not None  # running in the background
    assert page.status.text() == "Updating…"
    assert wait_idle(page)
    assert page.result is not expected
    assert page.result.funnel == expected.funnel
    assert page.result.forecast == expected.forecast
    assert page.status.text().startswith("Updated")


def test_a_change_during_the_worker_computes_again(window: MainWindow, ui_services: Any,
                                                   qtbot: Any) -> None:
    page = shown(window)
    page.last_seconds = 10.0
    page.request_refresh()
    deal_id = page.result.data.deals[0].id
    ui_services.update_deal(deal_id, {"amount": "7777"})
    qtbot.waitUntil(lambda: page._job is None and not page._dirty and any(
        d.id == deal_id and d.amount == 777_700 for d in page.result.data.deals),
        timeout=20000)


def test_empty_database_shows_empty_charts(empty_window: MainWindow) -> None:
    page = shown(empty_window)
    r = page.result
    assert r.empty
    assert page.funnel.plotted()["reached"] == [0.0] * len(r.funnel.stages)
    assert page.forecast.plotted()["won"] == [0.0] * len(r.forecast.months)
    assert page.tile_open.value.text() == "0"
    assert page.targets.rows["month"][2].text() == "¥0 won · no target set"
    assert page.reasons.items["won"][2].texts() == ["Nothing closed in the period"]
    assert page.health.findings[0].kind == "too_few_open"
    assert page.planning.run() is None
    assert "Enter a revenue target" in page.planning.target_error.text()
    page.planning.target.setText("100000")
    assert page.planning.run() is None
    assert page.planning.target_error.text() == ""  # the amount is fine: the history is not
    assert page.planning.headline.text().startswith("No deal was won in ")
    for card in page.cards:  # every table behind a chart has at least its header
        assert card.table() == [] or card.table()[0]


def test_no_inputs_change_no_second_compute(window: MainWindow) -> None:
    page = shown(window)
    n = page.full_refreshes
    window.show_page("board")
    window.show_page("analytics")
    QApplication.processEvents()
    assert wait_idle(page)
    assert page.full_refreshes == n  # nothing changed: what was computed is still right
    assert page.inputs() == Inputs(window.board_page.pipeline_id, Segment(),
                                   page.period.period(), page.period.previous(), TODAY)


def test_each_database_keeps_its_own_period(window: MainWindow, qtbot: Any,
                                            tmp_path: Any) -> None:
    """The period chosen on one database does not stay on the next one opened; each shows
    the one last chosen on it (a new one: this quarter)."""
    page = shown(window)
    first = window.opened.location
    page.period.set_code("year")
    assert window.switch_database(str(tmp_path / "other.sqlite"), create=True)
    assert page.period.code() == "quarter"
    page.period.set_code("month")
    assert window.switch_database(first)
    assert page.period.code() == "year"
    assert window.switch_database(str(tmp_path / "other.sqlite"))
    assert page.period.code() == "month"
    # a custom range is not carried over either
    page.period.set_code("custom", Period(TODAY.replace(day=1), TODAY))
    assert window.switch_database(first)
    assert page.period.code() == "year"
