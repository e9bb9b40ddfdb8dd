"""Health findings (病症诊断): every rule of DOMAIN.md "Pipeline health", numbers by hand."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime

import pytest

from funnel_desktop.core.errors import ValidationError
from funnel_desktop.core.health import (
    KINDS,
    Finding,
    HealthThresholds,
    busy_but_thin,
    close_date_passed,
    diagnose,
    idle_days_of,
    idle_deals,
    low_coverage,
    lumpy_months,
    next_steps,
    no_decision_maker,
    only_big,
    too_few_open,
)
from funnel_desktop.core.metrics import compute
from funnel_desktop.core.values import DealFacts, FunnelData, Period, StageInfo, StageKind

# B2B six stages: 1..4 open (10/35/65/75 %, idle 30/21/21/14 days), 5 won, 6 lost
STAGES = [
    StageInfo(1, "Nurture", StageKind.OPEN, 0, 10, 30),
    StageInfo(2, "Introduction", StageKind.OPEN, 1, 35, 21),
    StageInfo(3, "Solution", StageKind.OPEN, 2, 65, 21),
    StageInfo(4, "Quote", StageKind.OPEN, 3, 75, 14),
    StageInfo(5, "Won", StageKind.WON, 4, 100),
    StageInfo(6, "Lost", StageKind.LOST, 5, 0),
]
BY_ID = {s.id: s for s in STAGES}
TODAY = date(2026, 11, 24)
PERIOD = Period(date(2026, 1, 1), date(2026, 12, 31))
T = HealthThresholds()


def deal(i: int, stage: int = 1, amount: int = 100_000, **kw) -> DealFacts:
    """A deal created 2026-11-01 that entered its stage then and has a next step."""
    base = dict(created=datetime(2026, 11, 1, 9), stage_entered=datetime(2026, 11, 20, 9),
                next_step="Call", next_step_due=date(2026, 11, 30))
    base.update(kw)
    if stage == 5 and "closed" not in base:
        base["closed"] = datetime(2026, 11, 10, 9)
    return DealFacts(i, stage, amount, **base)


def only(found: list[Finding], kind: str) -> Finding:
    hits = [f for f in found if f.kind == kind]
    assert len(hits) == 1, found
    return hits[0]


# -- too few open deals, coverage --------------------------------------------------------------
def test_too_few_open_deals_with_the_weighted_value():
    deals = [deal(1, 1, 100_000), deal(2, 2, 200_000), deal(3, 4, 300_000)]
    (f,) = too_few_open(deals, BY_ID, T)
    # weighted: (100,000 × 10 + 200,000 × 35 + 300,000 × 75) ÷ 100 = 305,000
    assert f == Finding("too_few_open", "high", {"open": 3, "minimum": 15,
                                                 "open_amount": 600_000, "weighted": 305_000},
                        (1, 2, 3))
    assert too_few_open([deal(i) for i in range(15)], BY_ID, T) == []
    assert too_few_open(deals, BY_ID, replace(T, min_open_deals=3)) == []


def test_low_coverage_against_what_is_missing_to_the_target():
    deals = [deal(1, amount=600_000)]
    (f,) = low_coverage(deals, target=1_000_000, won=400_000, t=T)
    assert f.params == {"coverage": 1.0, "minimum": 3.0, "open_amount": 600_000,
                        "target": 1_000_000, "won": 400_000, "missing": 600_000}
    assert f.deal_ids == ()
    three_times = [deal(1, amount=1_800_000)]
    assert low_coverage(three_times, 1_000_000, 400_000, T) == []  # exactly 3× is enough
    assert low_coverage(deals, 1_000_000, 1_000_000, T) == []  # target met
    assert low_coverage(deals, None, 0, T) == []


# -- lumpy months ----------------------------------------------------------------------------
def test_lumpy_month_followed_by_empty_months():
    deals = [
        deal(1, 3, 1_000_000, probability=50, expected_close=date(2026, 12, 10)),  # 500,000
        deal(2, 1, 100_000, expected_close=date(2026, 11, 30)),  # 10,000
        deal(3, 1, 100_000, expected_close=date(2027, 1, 5)),  # 10,000: under 5 % of 520,000
        deal(4, 4, 9_000_000, expected_close=date(2026, 11, 1)),  # overdue: left out
    ]
    (f,) = lumpy_months(deals, BY_ID, TODAY, T)
    assert f.kind == "lumpy_months" and f.severity == "medium"
    assert f.params == {"month": "2026-12", "share": 500_000 / 520_000, "weighted": 500_000,
                        "total": 520_000, "empty_months": ["2027-01", "2027-02"]}
    assert f.deal_ids == (1,)


def test_not_lumpy_when_a_following_month_has_value():
    deals = [
        deal(1, 3, 1_000_000, probability=50, expected_close=date(2026, 12, 10)),  # 500,000
        deal(2, 2, 1_000_000, expected_close=date(2027, 2, 1)),  # 350,000: 40 % of 870,000
        deal(3, 1, 200_000, expected_close=date(2026, 11, 25)),  # 20,000
    ]
    assert lumpy_months(deals, BY_ID, TODAY, T) == []
    # half or less in the peak month is not "most"
    even = [deal(1, 1, 100_000, expected_close=date(2026, 12, 1)),
            deal(2, 1, 100_000, expected_close=date(2026, 11, 30))]
    assert lumpy_months(even, BY_ID, TODAY, T) == []
    assert lumpy_months([], BY_ID, TODAY, T) == []


# -- busy but thin ---------------------------------------------------------------------------
def test_busy_but_thin():
    deals = [deal(i, 1) for i in range(1, 9)] + [deal(9, 2), deal(10, 3)]
    counts = {i: 4 for i in range(1, 11)}
    (f,) = busy_but_thin(deals, STAGES, counts, T)
    assert f.params == {"activities": 40, "open": 10, "beyond_first": 2, "share": 0.2,
                        "first_stage_id": 1}
    assert f.deal_ids == tuple(range(1, 9))
    counts[1] = 0
    counts[2] = 3  # 35 activities: still busy
    assert busy_but_thin(deals, STAGES, counts, T)
    assert busy_but_thin(deals, STAGES, {i: 2 for i in range(1, 11)}, T) == []  # 20: not busy
    thicker = deals[:7] + [deal(8, 4), deal(9, 2), deal(10, 3)]  # 3 of 10 past stage one
    assert busy_but_thin(thicker, STAGES, {i: 4 for i in range(1, 11)}, T) == []


# -- only big deals --------------------------------------------------------------------------
def test_only_big_deals_open():
    deals = [deal(1, amount=3_000_000), deal(2, amount=6_000_000)]  # 30k and 60k
    (f,) = only_big(deals, (0, 1_000_000, 3_000_000, 5_000_000), T)
    assert f.params == {"below": 3_000_000, "open": 2, "smallest": 3_000_000}
    assert f.severity == "low" and f.deal_ids == (1, 2)
    assert only_big(deals + [deal(3, amount=2_999_999)], (0, 1_000_000, 3_000_000), T) == []
    assert only_big([], (0, 1_000_000, 3_000_000), T) == []
    one_band = replace(T, small_bands=1)  # small = under 10k
    assert only_big([deal(1, amount=2_000_000)], (0, 1_000_000, 3_000_000), one_band)


# -- bottleneck ------------------------------------------------------------------------------
def funnel_40_32_8_6_4(stages: list[StageInfo] = STAGES) -> FunnelData:
    """Reached 40 → 32 → 8 → 6 → won 4: rates 80 %, 25 %, 75 %, 66.7 %."""
    deals, i = [], 0
    for stage, n in ((1, 8), (2, 24), (3, 2), (4, 2), (5, 4)):
        for _ in range(n):
            i += 1
            deals.append(deal(i, stage, created=datetime(2026, 3, 1, 9)))
    return FunnelData(stages, deals)


def test_bottleneck_far_below_the_other_stages():
    data = funnel_40_32_8_6_4()
    m = compute(data, PERIOD, TODAY)
    assert [s.rate for s in m.conversion.steps] == [0.8, 0.25, 0.75, 4 / 6]
    t = replace(T, bottleneck_min_reached=5)
    found = [f for f in diagnose(data, m, TODAY, thresholds=t) if f.kind == "bottleneck"]
    # step 2: 25 % against the median 75 % of 80 / 75 / 66.7 — below half of it
    assert found == [Finding("bottleneck", "high", {
        "stage_id": 2, "to_stage_id": 3, "rate": 0.25, "others": 0.75, "ideal": None,
        "reached": 32, "below_others": True, "below_ideal": False},
        tuple(range(9, 33)))]
    # the default needs 10 deals reached: stages 3 and 4 are not judged, stage 2 still is
    found = [f for f in diagnose(data, m, TODAY) if f.kind == "bottleneck"]
    assert [(f.params["stage_id"], f.params["others"]) for f in found] == [(2, 0.8)]


def test_bottleneck_below_the_ideal():
    stages = [replace(s, ideal_conversion=90) if s.id == 3 else s for s in STAGES]
    data = funnel_40_32_8_6_4(stages)
    m = compute(data, PERIOD, TODAY)
    t = replace(T, bottleneck_min_reached=5)
    found = {f.params["stage_id"]: f.params for f in diagnose(data, m, TODAY, thresholds=t)
             if f.kind == "bottleneck"}
    assert set(found) == {2, 3}
    # 75 % < 90 % − 10 points; 75 % is not below half of the others' median 66.7 %
    assert found[3]["below_ideal"] and not found[3]["below_others"]
    assert found[3]["ideal"] == 90 and found[3]["rate"] == 0.75
    wider = replace(t, bottleneck_ideal_gap=15)  # 75 % is not below 90 − 15 = 75 %
    assert [f.params["stage_id"] for f in diagnose(data, m, TODAY, thresholds=wider)
            if f.kind == "bottleneck"] == [2]


# -- idle deals ------------------------------------------------------------------------------
def test_idle_days_count_from_the_latest_stage_change_or_activity():
    d = deal(1, 4, stage_entered=datetime(2026, 11, 1, 9), last_activity=datetime(2026, 11, 9))
    assert idle_days_of(d, TODAY) == 15
    assert idle_days_of(replace(d, stage_entered=None, last_activity=None), TODAY) == 23


def test_idle_deals_per_stage_with_its_limit():
    deals = [
        deal(1, 4, 50_000, stage_entered=datetime(2026, 11, 1, 9),
             last_activity=datetime(2026, 11, 9, 15)),  # 15 days > 14
        deal(2, 4, 70_000, stage_entered=datetime(2026, 11, 10, 9)),  # 14 days: not yet
        deal(3, 4, 20_000, stage_entered=datetime(2026, 10, 1, 9)),  # 54 days
        deal(4, 1, 10_000, stage_entered=datetime(2026, 10, 24, 9)),  # 31 days > 30
    ]
    found = idle_deals(deals, STAGES, TODAY, T)
    assert [(f.params, f.deal_ids) for f in found] == [
        ({"stage_id": 1, "idle_days": 30, "count": 1, "amount": 10_000, "max_days": 31}, (4,)),
        ({"stage_id": 4, "idle_days": 14, "count": 2, "amount": 70_000, "max_days": 54},
         (1, 3)),
    ]


def test_stages_without_idle_limit_use_the_default_or_none():
    stages = [replace(s, idle_days=None) for s in STAGES]
    old = [deal(1, 2, stage_entered=datetime(2026, 10, 20, 9))]  # 35 days
    assert idle_deals(old, stages, TODAY, T)[0].params["idle_days"] == 30
    assert idle_deals(old, stages, TODAY, replace(T, default_idle_days=None)) == []


# -- next step and close date ----------------------------------------------------------------
def test_no_next_step_and_overdue_next_step():
    deals = [
        deal(1, amount=10_000, next_step="", next_step_due=None),
        deal(2, amount=20_000, next_step="Send quote", next_step_due=date(2026, 11, 20)),
        deal(3, amount=40_000, next_step="", next_step_due=date(2026, 11, 14)),
        deal(4, amount=80_000, next_step="Visit", next_step_due=None),
        deal(5, amount=90_000, next_step="Visit", next_step_due=TODAY),
    ]
    none, late = next_steps(deals, TODAY)
    assert (none.kind, none.params, none.deal_ids) == (
        "no_next_step", {"count": 1, "amount": 10_000}, (1,))
    assert (late.kind, late.params, late.deal_ids) == (
        "overdue_next_step", {"count": 2, "amount": 60_000, "max_days": 10}, (2, 3))


def test_expected_close_date_passed():
    deals = [deal(1, 2, 100_000, expected_close=date(2026, 11, 23)),
             deal(2, 4, 200_000, expected_close=date(2026, 9, 30)),
             deal(3, 4, 300_000, expected_close=TODAY),
             deal(4, 4, 300_000)]
    (f,) = close_date_passed(deals, BY_ID, TODAY)
    # weighted (100,000 × 35 + 200,000 × 75) ÷ 100 = 185,000; Sept 30 is 55 days back
    assert f.params == {"count": 2, "amount": 300_000, "weighted": 185_000, "max_days": 55}
    assert f.deal_ids == (1, 2) and f.severity == "high"


def test_no_decision_maker_past_the_early_stages():
    deals = [deal(1, 3, 10_000, customer_id=7), deal(2, 4, 20_000, customer_id=8),
             deal(3, 3, 40_000), deal(4, 2, 80_000, customer_id=8)]
    (f,) = no_decision_maker(deals, STAGES, {7}, T)
    assert f.params == {"count": 2, "amount": 60_000, "from_stage_id": 3}
    assert f.deal_ids == (2, 3)
    assert no_decision_maker(deals, STAGES, {7}, replace(T, early_stages=3)) == [
        Finding("no_decision_maker", "medium", {"count": 1, "amount": 20_000,
                                                "from_stage_id": 4}, (2,))]
    assert no_decision_maker(deals, STAGES, {7, 8}, replace(T, early_stages=3)) == []
    assert no_decision_maker(deals, STAGES, set(), replace(T, early_stages=4)) == []


# -- all together ----------------------------------------------------------------------------
def test_diagnose_orders_by_severity_and_skips_rules_without_input():
    deals = [deal(1, 3, 10_000, next_step="", next_step_due=None,
                  expected_close=date(2026, 11, 1)),
             deal(2, 5, 50_000)]
    data = FunnelData(STAGES, deals)
    m = compute(data, PERIOD, TODAY)
    found = diagnose(data, m, TODAY)
    kinds = [f.kind for f in found]
    assert kinds == ["too_few_open", "close_date_passed", "no_next_step"]
    assert "no_decision_maker" not in kinds and "busy_but_thin" not in kinds
    with_inputs = diagnose(data, m, TODAY, decision_customers=set(), activity_counts={1: 50})
    assert [f.kind for f in with_inputs] == ["too_few_open", "close_date_passed",
                                             "no_decision_maker", "no_next_step"]
    severities = [f.severity for f in with_inputs]
    assert severities == sorted(severities, key=["high", "medium", "low"].index)
    # coverage: the target 100,000 minus the 50,000 won leaves 50,000; 10,000 open is 0.2×
    cov = only(diagnose(data, m, TODAY, target=100_000), "low_coverage")
    assert cov.params["coverage"] == pytest.approx(0.2)
    assert only(diagnose(data, m, TODAY, target=100_000, won_so_far=0),
                "low_coverage").params["missing"] == 100_000


def test_empty_pipeline_has_too_few_deals_only():
    data = FunnelData(STAGES, [])
    m = compute(data, PERIOD, TODAY)
    found = diagnose(data, m, TODAY, activity_counts={}, decision_customers=set(), target=1)
    assert [(f.kind, f.params["open"], f.deal_ids) for f in found if f.kind != "low_coverage"
            ] == [("too_few_open", 0, ())]
    assert only(found, "low_coverage").params["coverage"] == 0.0


def test_every_kind_has_a_known_severity():
    assert {sev for sev, _ in KINDS.values()} <= {"high", "medium", "low"}


# -- thresholds as settings ------------------------------------------------------------------
def test_thresholds_round_trip_and_validation():
    t = HealthThresholds(min_open_deals=20, lumpy_share=0.6, default_idle_days=None)
    assert HealthThresholds.from_dict(t.to_dict()) == t
    assert HealthThresholds.from_dict(None) == HealthThresholds()
    assert HealthThresholds.from_dict({"min_open_deals": "25"}).min_open_deals == 25
    assert HealthThresholds.from_dict({"lumpy_share": "0.7"}).lumpy_share == 0.7
    assert HealthThresholds.from_dict({"early_stages": 3.0}).early_stages == 3
    with pytest.raises(ValidationError) as e:
        HealthThresholds.from_dict({"min_open": 3})
    assert e.value.code == "threshold_unknown" and "min_open" in e.value.english()
    for bad in ("many", -1, True, 2.5, "inf", None, [3]):
        with pytest.raises(ValidationError) as e:
            HealthThresholds.from_dict({"min_open_deals": bad})
        assert e.value.code == "threshold_invalid"
