"""Stage conversion over stage history (DOMAIN.md "Stage conversion"), counted by hand."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from funnel_desktop.core.conversion import funnel_chain, stage_conversion
from funnel_desktop.core.templates import template
from funnel_desktop.core.values import DealFacts, StageInfo, StageKind, StageVisit

T0 = datetime(2026, 1, 5, 9, 0)


def weekly6() -> list[StageInfo]:
    """The weekly-review template as plain stages: ids 1..5 open, 6 won, 7 lost."""
    return [StageInfo(i + 1, s.en, StageKind(s.kind), i, s.probability)
            for i, s in enumerate(template("weekly6").stages)]


STAGES = weekly6()
OPEN = [1, 2, 3, 4, 5]
WON, LOST = 6, 7


def path(deal_id: int, stage_ids: list[int]) -> tuple[DealFacts, list[StageVisit]]:
    """A deal that visited ``stage_ids`` in order, a day each; it sits in the last one."""
    visits = []
    for i, sid in enumerate(stage_ids):
        left = T0 + timedelta(days=i + 1) if i + 1 < len(stage_ids) else None
        visits.append(StageVisit(deal_id, sid, T0 + timedelta(days=i), left))
    last = stage_ids[-1]
    closed = visits[-1].entered if last in (WON, LOST) else None
    return DealFacts(deal_id, last, 100_000, T0, closed=closed), visits


def build(paths: list[list[int]]) -> tuple[list[DealFacts], list[StageVisit]]:
    deals, visits = [], []
    for i, p in enumerate(paths, start=1):
        d, v = path(i, p)
        deals.append(d)
        visits.extend(v)
    return deals, visits


def test_the_template_has_five_open_stages_then_won_and_lost():
    assert [s.kind for s in STAGES] == ["open"] * 5 + ["won", "lost"]
    assert [s.id for s in funnel_chain(STAGES)] == [1, 2, 3, 4, 5, WON]


def test_weekly_review_example_100_80_40_20_10_5():
    # 5 won; of the others, the furthest open stage: 5 stop at stage 5, 10 at 4, 20 at 3,
    # 40 at 2, 20 at 1. Half of those that stopped are lost, half still open.
    stops = [(6, 5), (5, 5), (4, 10), (3, 20), (2, 40), (1, 20)]
    paths: list[list[int]] = []
    for furthest, n in stops:
        for k in range(n):
            if furthest == 6:
                paths.append([*OPEN, WON])
            else:
                p = OPEN[:furthest]
                paths.append([*p, LOST] if k % 2 == 0 else p)
    assert len(paths) == 100
    deals, visits = build(paths)
    c = stage_conversion(STAGES, deals, visits)
    assert c.chain == [1, 2, 3, 4, 5, WON]
    assert c.reached == {1: 100, 2: 80, 3: 40, 4: 20, 5: 10, WON: 5}
    assert [s.rate for s in c.steps] == [0.8, 0.5, 0.5, 0.5, 0.5]
    assert [(s.reached_from, s.reached_to) for s in c.steps] == [
        (100, 80), (80, 40), (40, 20), (20, 10), (10, 5)]
    assert c.overall == 0.05
    # nobody skipped a stage, so strict mode counts the same
    strict = stage_conversion(STAGES, deals, visits, strict=True)
    assert strict.reached == c.reached
    assert strict.strict and not c.strict


def test_a_skipped_stage_counts_as_passed_through_but_not_in_strict_mode():
    deals, visits = build([[1, 3]])  # jumped from stage 1 to stage 3
    reached = stage_conversion(STAGES, deals, visits)
    assert reached.reached == {1: 1, 2: 1, 3: 1, 4: 0, 5: 0, WON: 0}
    strict = stage_conversion(STAGES, deals, visits, strict=True)
    assert strict.reached == {1: 1, 2: 0, 3: 1, 4: 0, 5: 0, WON: 0}
    assert strict.steps[0].rate == 0.0  # 1 → 2: nobody visited 2
    assert strict.steps[1].rate is None  # 2 → 3: nothing reached 2, no rate


def test_a_won_deal_that_skipped_stages_reached_all_of_them():
    deals, visits = build([[1, 2, WON]])
    assert stage_conversion(STAGES, deals, visits).reached == {
        1: 1, 2: 1, 3: 1, 4: 1, 5: 1, WON: 1}
    assert stage_conversion(STAGES, deals, visits, strict=True).reached == {
        1: 1, 2: 1, 3: 0, 4: 0, 5: 0, WON: 1}


def test_moving_back_keeps_what_was_reached():
    deals, visits = build([[1, 2, 3, 4, 2]])  # now back in stage 2
    assert deals[0].stage_id == 2
    c = stage_conversion(STAGES, deals, visits)
    assert c.reached == {1: 1, 2: 1, 3: 1, 4: 1, 5: 0, WON: 0}
    assert stage_conversion(STAGES, deals, visits, strict=True).reached == c.reached


def test_a_lost_deal_reached_its_furthest_open_stage():
    deals, visits = build([[1, 2, 3, 2, LOST]])  # went to 3, back to 2, then lost
    c = stage_conversion(STAGES, deals, visits)
    assert c.reached == {1: 1, 2: 1, 3: 1, 4: 0, 5: 0, WON: 0}
    assert c.overall == 0.0


def test_a_deal_without_history_counts_its_current_stage():
    deals = [DealFacts(1, 3, 100, T0)]
    assert stage_conversion(STAGES, deals, []).reached == {1: 1, 2: 1, 3: 1, 4: 0, 5: 0,
                                                            WON: 0}


def test_no_deals_gives_no_rates():
    c = stage_conversion(STAGES, [], [])
    assert all(s.rate is None for s in c.steps)
    assert c.overall is None


@pytest.mark.parametrize("strict", [False, True])
def test_mixed_funnel_by_hand(strict: bool):
    # deal 1: 1→2→3→won; deal 2: 1→3 (skip 2)→lost; deal 3: 2 only (created there);
    # deal 4: 1→2→1 (moved back), open.
    deals, visits = build([[1, 2, 3, WON], [1, 3, LOST], [2], [1, 2, 1]])
    c = stage_conversion(STAGES, deals, visits, strict=strict)
    if strict:
        # visited: 1 by deals 1,2,4; 2 by 1,3,4; 3 by 1,2; won by 1
        assert c.reached == {1: 3, 2: 3, 3: 2, 4: 0, 5: 0, WON: 1}
    else:
        # reached: deal 1 all; deal 2 up to 3; deal 3 up to 2; deal 4 up to 2
        assert c.reached == {1: 4, 2: 4, 3: 2, 4: 1, 5: 1, WON: 1}
        assert [s.rate for s in c.steps] == [1.0, 0.5, 0.5, 1.0, 1.0]
        assert c.overall == 0.25
