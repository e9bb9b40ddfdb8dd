"""Reverse planning (目标倒推): DOMAIN.md's 500,000 example and its edges, by hand."""

from __future__ import annotations

from fractions import Fraction

import pytest

from funnel_desktop.core.errors import ValidationError
from funnel_desktop.core.planning import DEFAULT_BANDS, reverse_plan, wins_needed

YUAN = 100  # minor units per yuan
TARGET = 500_000 * YUAN
# The seed's size mix: 28 deals under 10k, 7 of 10–30k, 2 of 30–50k, 1 over 50k.
HISTORY = ([8_000 * YUAN] * 28 + [20_000 * YUAN] * 7 + [40_000 * YUAN] * 2
           + [56_000 * YUAN])
STAGES = [11, 12, 13]  # three open stages, in order; the last one converts to won


def test_the_history_adds_up():
    # 28 × 8,000 + 7 × 20,000 + 2 × 40,000 + 56,000 = 224,000 + 140,000 + 80,000 + 56,000
    assert sum(HISTORY) == 500_000 * YUAN
    assert len(HISTORY) == 38


def test_with_size_bands_500k_needs_28_7_2_1_wins():
    wins, bands = wins_needed(TARGET, HISTORY, DEFAULT_BANDS)
    assert [(b.lower, b.upper) for b in bands] == [
        (0, 10_000 * YUAN), (10_000 * YUAN, 30_000 * YUAN), (30_000 * YUAN, 50_000 * YUAN),
        (50_000 * YUAN, None)]
    assert [b.won_count for b in bands] == [28, 7, 2, 1]
    assert [b.won_value for b in bands] == [224_000 * YUAN, 140_000 * YUAN, 80_000 * YUAN,
                                            56_000 * YUAN]
    assert [b.needed for b in bands] == [28, 7, 2, 1]
    assert wins == 38


def test_bands_for_a_bigger_target_scale_each_band_up_rounding_up():
    # 750,000: each band needs 1.5 × its count, rounded up: 42, 10.5→11, 3, 1.5→2
    wins, bands = wins_needed(750_000 * YUAN, HISTORY, DEFAULT_BANDS)
    assert [b.needed for b in bands] == [42, 11, 3, 2]
    assert wins == 58


def test_up_the_funnel_51_102_408():
    plan = reverse_plan(TARGET, HISTORY, STAGES, [0.25, 0.50, 0.75],
                        {11: 100, 12: 120, 13: 10}, DEFAULT_BANDS)
    assert plan.wins_needed == 38
    # last stage: ceil(38 ÷ 0.75) = ceil(50.67) = 51; then 51 ÷ 0.5 = 102; 102 ÷ 0.25 = 408
    assert [(s.stage_id, s.needed) for s in plan.stages] == [(11, 408), (12, 102), (13, 51)]
    assert [s.open_now for s in plan.stages] == [100, 120, 10]
    assert [s.shortfall for s in plan.stages] == [308, 0, 41]
    assert [s.conversion for s in plan.stages] == [0.25, 0.5, 0.75]
    assert plan.complete and plan.blocked_at is None


def test_exact_fractions_do_not_round_up_by_a_floats_last_bit():
    # 3 ÷ (3/10) is exactly 10; a float 0.3 must not make it 11
    plan = reverse_plan(300, [100], [1], [0.3], {})
    assert plan.wins_needed == 3
    assert plan.stages[0].needed == 10
    plan = reverse_plan(300, [100], [1], [Fraction(3, 10)], {})
    assert plan.stages[0].needed == 10


def test_plain_average_mode():
    # won 10,000 and 30,000: average 20,000; 50,000 ÷ 20,000 = 2.5 → 3 wins
    plan = reverse_plan(50_000 * YUAN, [10_000 * YUAN, 30_000 * YUAN], [1, 2],
                        [Fraction(1, 2), Fraction(1, 3)], {})
    assert plan.average_size == 20_000 * YUAN
    assert plan.wins_needed == 3
    assert plan.bands == []
    # 3 ÷ 1/3 = 9 in the last stage, 9 ÷ 1/2 = 18 in the first
    assert [s.needed for s in plan.stages] == [18, 9]
    # the seed history without bands: 500,000 ÷ (500,000 / 38) = 38 as well
    assert reverse_plan(TARGET, HISTORY, STAGES, [0.25, 0.5, 0.75], {}).wins_needed == 38


def test_a_zero_conversion_stops_the_plan():
    plan = reverse_plan(TARGET, HISTORY, STAGES, [0.25, 0, 0.75], {}, DEFAULT_BANDS)
    assert not plan.complete
    assert plan.blocked_at == 12
    assert [(s.stage_id, s.needed) for s in plan.stages] == [(13, 51)]
    none_plan = reverse_plan(TARGET, HISTORY, STAGES, [0.25, 0.5, None], {})
    assert not none_plan.complete and none_plan.blocked_at == 13 and none_plan.stages == []


def test_no_history_raises():
    with pytest.raises(ValidationError) as e:
        reverse_plan(TARGET, [], STAGES, [0.25, 0.5, 0.75], {})
    assert e.value.code == "no_history"
    with pytest.raises(ValidationError) as e:
        wins_needed(TARGET, [], DEFAULT_BANDS)
    assert e.value.code == "no_history"


def test_a_target_must_be_positive():
    with pytest.raises(ValidationError) as e:
        wins_needed(0, HISTORY, None)
    assert e.value.code == "target_invalid"


def test_one_conversion_per_stage():
    with pytest.raises(ValueError):
        reverse_plan(TARGET, HISTORY, STAGES, [0.5], {})
