"""The Analytics page loads only what its period needs (deals touched since, visits in
columns, closed deals lean) and streams the rest: every number is the one computed from
every deal and every visit as plain objects."""

from __future__ import annotations

import dataclasses
from datetime import date, datetime

import pytest
from ui_support import TODAY

from funnel_desktop.core.analytics import (
    COMPARISONS,
    HISTORY_MONTHS,
    Inputs,
    history_period,
    period_for,
    plan_inputs,
    previous_for,
    subset,
    trend_period,
)
from funnel_desktop.core.conversion import merged_conversion, stage_conversion
from funnel_desktop.core.funnel_chart import funnel_chart
from funnel_desktop.core.health import diagnose
from funnel_desktop.core.metrics import compute
from funnel_desktop.core.owner_table import owner_table
from funnel_desktop.core.periods import health_period
from funnel_desktop.core.segments_compare import compare_segments
from funnel_desktop.core.simulation import forecast_band
from funnel_desktop.core.size_bands import size_band_distribution
from funnel_desktop.core.snapshot import FunnelSnapshot
from funnel_desktop.core.trends import cycle_trend, win_rate_trend
from funnel_desktop.core.values import Period, Segment, StageKind
from funnel_desktop.core.visit_table import VisitTable
from funnel_desktop.store import analytics_queries as aq
from funnel_desktop.store.analytics_data import compute_all
from funnel_desktop.store.db import OpenedDatabase
from funnel_desktop.store.queries import first_pipeline, load_funnel


def _metrics_equal(a, b) -> None:
    for f in dataclasses.fields(a):
        va, vb = getattr(a, f.name), getattr(b, f.name)
        if f.name == "won_amounts":  # the same amounts; the order of loading may differ
            va, vb = sorted(va), sorted(vb)
        assert va == vb, f.name


def _plans_equal(a, b) -> None:
    assert sorted(a.won_amounts) == sorted(b.won_amounts)
    assert (a.stage_ids, a.conversions, a.open_now) == (b.stage_ids, b.conversions, b.open_now)


@pytest.mark.parametrize("code", ["quarter", "month", "year", "last12", "custom"])
@pytest.mark.parametrize("segment", [Segment(), Segment(project_type="big")])
def test_every_number_is_the_one_from_every_deal(demo_any: OpenedDatabase, code: str,
                                                 segment: Segment) -> None:
    check_every_number(code, segment)


@pytest.mark.parametrize("code", ["month", "year", "last12"])
@pytest.mark.parametrize("segment", [Segment(), Segment(customer_type="returning")])
def test_old_deals_reopened_or_edited_lately_count_as_in_the_full_computation(
        demo_old_touched: dict[str, int], code: str, segment: Segment) -> None:
    check_every_number(code, segment)
    r = compute_all(Inputs(first_pipeline().id, Segment(), period_for(code, TODAY, None),
                           previous_for(code, period_for(code, TODAY, None)), TODAY))
    assert demo_old_touched["reopened"] in {d.id for d in r.data.deals}


def check_every_number(code: str, segment: Segment) -> None:
    """Every number of :func:`compute_all` for the period ``code`` equals the one computed
    from every deal and visit of the pipeline loaded as plain objects."""
    custom = Period(date(2026, 9, 10), date(2026, 10, 20))
    period = period_for(code, TODAY, custom)
    pid = first_pipeline().id
    inputs = Inputs(pid, segment, period, previous_for(code, period), TODAY)
    r = compute_all(inputs)
    seg = inputs.store_segment
    full = load_funnel(pid, seg)  # every deal, every visit
    m = compute(full, period, TODAY)
    _metrics_equal(r.metrics, m)
    assert r.funnel == funnel_chart(full, period, previous_period=inputs.previous)
    assert r.band == forecast_band(full, TODAY, runs=2000, seed=0)
    assert r.snapshot == FunnelSnapshot.from_data(full)
    months = trend_period(period)
    assert r.win_rates == win_rate_trend(full, months)
    assert r.cycles == cycle_trend(full, months)
    assert r.bands == size_band_distribution(full, period, r.band_bounds)
    people = aq.owners()
    assert r.owners == owner_table(full, period, [o.id for o in people if o.active])
    for key, (fld, a, b) in COMPARISONS.items():
        ids_a = aq.segment_deal_ids(pid, dataclasses.replace(segment, **{fld: a}))
        ids_b = aq.segment_deal_ids(pid, dataclasses.replace(segment, **{fld: b}))
        expected = compare_segments(subset(full, ids_a), subset(full, ids_b), period, TODAY)
        assert r.comparisons[key].numbers == expected.numbers
    q = period_for("quarter", TODAY)
    # the health rules judge the last 90 days whatever the page's period: for a month the
    # loaded deals do not reach so far back, and the older part of the cohort is read
    hp = health_period(TODAY)
    assert r.findings == diagnose(
        full, compute(full, hp, TODAY), TODAY, activity_counts=aq.activity_counts(pid, hp, seg),
        decision_customers=aq.decision_maker_customers(),
        target=next(p.target for p in r.progress if p.kind == "quarter"),
        won_so_far=FunnelSnapshot.from_data(full).closed_in(Period(q.start, TODAY))[1],
        thresholds=r.thresholds, bands=r.band_bounds)
    # the page keeps the open deals; a plan over any history reads the rest
    open_ids = {s.id for s in full.stages if s.kind == StageKind.OPEN}
    assert r.data.deals == [d for d in full.deals if d.stage_id in open_ids]
    _plans_equal(r.plan_inputs[("12", False)],
                 plan_inputs(full, history_period("12", TODAY, period), TODAY))
    for history in HISTORY_MONTHS:
        for ideal in (False, True):
            h = history_period(history, TODAY, period)
            _plans_equal(plan_inputs(r.data, h, TODAY, ideal=ideal),
                         plan_inputs(full, h, TODAY, ideal=ideal))


def test_the_compact_load_holds_the_same_facts(demo: OpenedDatabase) -> None:
    pid = first_pipeline().id
    full = load_funnel(pid)
    lean = load_funnel(pid, compact=True)
    assert isinstance(lean.visits, VisitTable) and lean.visits == full.visits
    closed = {s.id for s in full.stages if s.kind != StageKind.OPEN}
    assert [d.id for d in lean.deals] == [d.id for d in full.deals]
    for a, b in zip(full.deals, lean.deals, strict=True):
        if a.stage_id in closed:  # what the numbers read of a closed deal
            assert (b.id, b.stage_id, b.amount, b.created, b.probability, b.closed,
                    b.owner_id) == (a.id, a.stage_id, a.amount, a.created, a.probability,
                                    a.closed, a.owner_id)
            assert b.title == "" and b.stage_entered is None
        else:
            assert b == a
    since = datetime(2026, 10, 1)
    part = load_funnel(pid, since=since, compact=True)
    ids = {d.id for d in part.deals}
    assert part.visits == [v for v in full.visits if v.deal_id in ids]


def test_equal_times_of_a_deal_are_one_object(demo: OpenedDatabase) -> None:
    data = load_funnel(first_pipeline().id)
    closed = [d for d in data.deals if d.closed is not None and d.stage_entered == d.closed]
    assert closed and all(d.stage_entered is d.closed for d in closed)


def test_conversions_of_parts_add_up(demo: OpenedDatabase) -> None:
    data = load_funnel(first_pipeline().id)
    half = len(data.deals) // 2
    for strict in (False, True):
        whole = stage_conversion(data.stages, data.deals, data.visits, strict=strict)
        parts = [stage_conversion(data.stages, deals, data.visits, strict=strict)
                 for deals in (data.deals[:half], data.deals[half:])]
        assert merged_conversion(data.stages, parts, strict=strict) == whole


def test_the_page_cache_is_given_back(demo: OpenedDatabase) -> None:
    db = demo.db
    before = db.execute_sql("PRAGMA cache_size").fetchone()[0]
    with aq.modest_cache(1000):
        assert db.execute_sql("PRAGMA cache_size").fetchone()[0] == -1000
    assert db.execute_sql("PRAGMA cache_size").fetchone()[0] == before


def test_a_pipeline_without_deals_is_empty(any_db: OpenedDatabase) -> None:
    from funnel_desktop.services import Services

    pid = Services(user="t").create_pipeline("b2b6", "en").value
    period = period_for("year", TODAY, None)
    r = compute_all(Inputs(pid, Segment(), period, previous_for("year", period), TODAY))
    assert r.empty and r.metrics.open_count == 0 and r.metrics.won_count == 0
    assert r.win_rates == win_rate_trend(load_funnel(pid), trend_period(period))
