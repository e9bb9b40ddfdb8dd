"""The Analytics page's numbers: every chart's data is the core function's on the demo
business, periods and plans are worked by hand, and the rules shown are the core's rules."""

from __future__ import annotations

import importlib
from dataclasses import replace
from datetime import date
from fractions import Fraction

import pytest
from ui_support import TODAY

from funnel_desktop.cli import build_parser
from funnel_desktop.cli.plan import build as cli_plan
from funnel_desktop.core.analytics import (
    Inputs,
    PlanInputs,
    make_plan,
    period_for,
    plan_inputs,
    previous_for,
    subset,
    trend_period,
)
from funnel_desktop.core.errors import ValidationError
from funnel_desktop.core.forecast_chart import forecast_chart
from funnel_desktop.core.funnel_chart import funnel_chart
from funnel_desktop.core.health import diagnose
from funnel_desktop.core.metrics import compute, forecast_by_month
from funnel_desktop.core.periods import health_period
from funnel_desktop.core.planning import DEFAULT_BANDS
from funnel_desktop.core.reasons_summary import reasons_summary
from funnel_desktop.core.segments_compare import compare_segments
from funnel_desktop.core.simulation import forecast_band
from funnel_desktop.core.size_bands import size_band_distribution
from funnel_desktop.core.snapshot import FunnelSnapshot
from funnel_desktop.core.trends import cycle_trend, win_rate_trend
from funnel_desktop.core.values import Period, Segment
from funnel_desktop.store import analytics_queries as aq
from funnel_desktop.store.analytics_data import compute_all
from funnel_desktop.store.db import OpenedDatabase
from funnel_desktop.store.queries import first_pipeline, load_funnel
from funnel_desktop.ui.analytics import rules


def inputs(code: str = "quarter", segment: Segment | None = None) -> Inputs:
    p = period_for(code, TODAY)
    return Inputs(first_pipeline().id, segment or Segment(), p, previous_for(code, p), TODAY)


def test_periods_by_hand() -> None:
    today = date(2026, 11, 24)
    assert period_for("month", today) == Period(date(2026, 11, 1), date(2026, 11, 30))
    assert period_for("quarter", today) == Period(date(2026, 10, 1), date(2026, 12, 31))
    assert period_for("year", today) == Period(date(2026, 1, 1), date(2026, 12, 31))
    # the last 12 months up to today (core.periods), as planning and the command line read them
    assert period_for("last12", today) == Period(date(2025, 11, 25), date(2026, 11, 24))
    custom = Period(date(2026, 3, 5), date(2026, 3, 14))
    assert period_for("custom", today, custom) == custom
    # the calendar period before, not "the same number of days"
    assert previous_for("month", period_for("month", today)) == Period(date(2026, 10, 1),
                                                                       date(2026, 10, 31))
    assert previous_for("quarter", period_for("quarter", today)) == Period(
        date(2026, 7, 1), date(2026, 9, 30))
    assert previous_for("last12", period_for("last12", today)) == Period(
        date(2024, 11, 25), date(2025, 11, 24))
    assert previous_for("custom", custom) == Period(date(2026, 2, 23), date(2026, 3, 4))
    # trends show at least 12 months ending with the period
    assert trend_period(period_for("quarter", today)) == Period(date(2026, 1, 1),
                                                                date(2026, 12, 31))
    assert trend_period(Period(date(2024, 1, 1), date(2026, 12, 31))).start == date(2024, 1, 1)


def test_every_chart_is_the_core_function_on_the_demo(demo: OpenedDatabase) -> None:
    i = inputs()
    r = compute_all(i)
    data = load_funnel(i.pipeline_id)
    period = i.period
    assert r.funnel == funnel_chart(data, period, previous_period=i.previous)
    m = compute(data, period, TODAY)
    assert r.metrics.won_amount == m.won_amount and r.metrics.conversion == m.conversion
    band = forecast_band(data, TODAY, runs=2000, seed=0)
    assert r.band == band
    assert r.forecast == forecast_chart(forecast_by_month(data, period, TODAY), period, TODAY,
                                        targets=r.month_targets, band=band)
    assert r.forecast.target_total is not None  # the demo sets monthly targets
    assert r.snapshot == aq.load_snapshot(i.pipeline_id)
    months = trend_period(period)
    assert r.win_rates == win_rate_trend(data, months)
    assert r.cycles == cycle_trend(data, months)
    assert r.cycle.velocity.per_day == m.velocity
    assert r.reasons == reasons_summary(aq.reason_rows(i.pipeline_id, period))
    assert r.bands == size_band_distribution(data, period, DEFAULT_BANDS)
    assert r.owners.total.won_amount == m.won_amount
    assert sum(row.open_count for row in r.owners.rows) == m.open_count
    assert sum(row.won_count for row in r.teams.rows) == m.won_count
    new = aq.segment_deal_ids(i.pipeline_id, Segment(customer_type="new"))
    returning = aq.segment_deal_ids(i.pipeline_id, Segment(customer_type="returning"))
    expected = compare_segments(subset(data, new), subset(data, returning), period, TODAY)
    assert r.comparisons["customer_type"].numbers == expected.numbers
    q = period_for("quarter", TODAY)
    quarter_target = next(p.target for p in r.progress if p.kind == "quarter")
    # the health rules judge conversion and activity over the last 90 days, whatever the
    # page's period (as the weekly report and the health command do)
    hp = health_period(TODAY)
    assert r.health_period == hp
    assert r.findings == diagnose(
        data, compute(data, hp, TODAY), TODAY,
        activity_counts=aq.activity_counts(i.pipeline_id, hp),
        decision_customers=aq.decision_maker_customers(), target=quarter_target,
        won_so_far=FunnelSnapshot.from_data(data).closed_in(Period(q.start, TODAY))[1])
    assert r.findings, "the demo business has something to worry about"


def test_target_progress_is_won_so_far_against_the_target(demo: OpenedDatabase) -> None:
    r = compute_all(inputs())
    month, quarter = r.progress
    assert (month.kind, quarter.kind) == ("month", "quarter")
    data = load_funnel(first_pipeline().id)
    won = FunnelSnapshot.from_data(data).closed_in(Period(date(2026, 11, 1), TODAY))[1]
    assert month.won == won
    rows = aq.target_rows(date(2026, 11, 1), date(2026, 11, 30))
    assert month.target == sum(t.amount for t in rows if t.start == date(2026, 11, 1))
    quarter_months = ("2026-10", "2026-11", "2026-12")
    assert all(k in r.month_targets for k in quarter_months)  # the forecast shows them
    assert quarter.target == sum(r.month_targets[k] for k in quarter_months) > 0
    assert quarter.won == FunnelSnapshot.from_data(data).closed_in(
        Period(date(2026, 10, 1), TODAY))[1]


def test_segment_cuts_every_number(demo: OpenedDatabase) -> None:
    owner = aq.owners()[0].id
    seg = Segment(owner_ids=(owner,))
    r = compute_all(inputs(segment=seg))
    data = load_funnel(first_pipeline().id, seg)
    assert all(d.owner_id == owner for d in r.data.deals)
    assert r.funnel == funnel_chart(data, r.inputs.period, previous_period=r.inputs.previous)
    assert r.target_scope == ("owner", None, owner)
    assert [row.key for row in r.owners.rows if row.open_count or row.won_count] == [owner]


def test_an_empty_database_gives_empty_charts(db: OpenedDatabase) -> None:
    from funnel_desktop.services import Services

    Services().create_pipeline("b2b6", "en")
    r = compute_all(inputs())
    assert r.empty
    assert [s.reached for s in r.funnel.stages] == [0] * 5
    assert r.funnel.overall is None
    assert r.forecast.won_total == 0 and r.forecast.overdue_count == 0
    assert all(m.rate_count is None for m in r.win_rates)
    assert r.owners.total.open_count == 0
    assert [f.kind for f in r.findings] == ["too_few_open"]
    assert r.band is not None and r.band.total.p50 == 0
    assert r.plan_inputs[("12", False)].won_amounts == []


def test_no_pipeline_at_all(db: OpenedDatabase) -> None:
    p = period_for("month", TODAY)
    r = compute_all(Inputs(None, Segment(), p, previous_for("month", p), TODAY))
    assert r.stages == [] and r.funnel.stages == [] and r.band is None


def test_plan_inputs_are_what_the_plan_command_uses(demo: OpenedDatabase) -> None:
    data = load_funnel(first_pipeline().id)
    history = Period(date(2025, 12, 1), TODAY)
    ours = plan_inputs(data, history, TODAY)
    m = compute(data, history, TODAY)
    assert ours.won_amounts == m.won_amounts
    assert ours.open_now == {t.stage_id: t.count for t in m.stages}
    steps = {s.from_stage: s for s in m.conversion.steps}
    assert ours.conversions == [Fraction(steps[i].reached_to, steps[i].reached_from)
                                for i in ours.stage_ids]
    plan = make_plan(ours, 50_000_000, DEFAULT_BANDS)
    args = build_parser().parse_args([
        "plan", "--db", str(demo.location), "--from", history.start.isoformat(), "--to",
        history.end.isoformat(), "--today", TODAY.isoformat(), "--target", "500000",
        "--bands"])
    expected = cli_plan(args)
    assert plan.wins_needed == expected["wins_needed"]
    assert [s.needed for s in plan.stages] == [s["needed"] for s in expected["stages"]]


def test_the_domain_example_38_51_102_408() -> None:
    """A 500,000 target met by 28 deals under 10k, 7 of 10–30k, 2 of 30–50k and 1 over 50k
    needs 38 wins; at 75 % that is 51 deals in the last stage, at 50 % 102, at 25 % 408."""
    won = [800_000] * 28 + [2_000_000] * 7 + [4_000_000] * 2 + [5_600_000]
    assert sum(won) == 50_000_000
    inputs_ = PlanInputs(won, [11, 12, 13], [Fraction(1, 4), Fraction(1, 2), Fraction(3, 4)],
                         {11: 300, 12: 40, 13: 60})
    plan = make_plan(inputs_, 50_000_000, DEFAULT_BANDS)
    assert [b.needed for b in plan.bands] == [28, 7, 2, 1]
    assert plan.wins_needed == 38
    assert [(s.needed, s.open_now, s.shortfall) for s in plan.stages] == [
        (408, 300, 108), (102, 40, 62), (51, 60, 0)]
    with pytest.raises(ValidationError) as bad:
        make_plan(inputs_, 0, DEFAULT_BANDS)
    assert bad.value.code == "target_invalid" and bad.value.field == "target"
    with pytest.raises(ValidationError) as none:
        make_plan(replace(inputs_, won_amounts=[]), 100, None)
    assert none.value.code == "no_history"


def test_rules_shown_are_the_core_rules() -> None:
    shown = rules.rules()  # no translator installed: the English source
    for key, (module, name) in rules.SOURCES.items():
        mod = importlib.import_module(module)
        expected = (mod.RULES[name[6:-1]] if name.startswith("RULES[")
                    else getattr(mod, name))
        assert shown[key] == expected, key
