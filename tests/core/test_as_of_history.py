"""``history.as_of``: the pipeline as it stood at a past moment, rebuilt by hand."""

from __future__ import annotations

from datetime import date, datetime

from funnel_desktop.core.history import as_of
from funnel_desktop.core.metrics import open_totals
from funnel_desktop.core.values import (
    DealFacts,
    FieldChange,
    FunnelData,
    StageInfo,
    StageKind,
    StageVisit,
)

STAGES = [
    StageInfo(1, "Prospect", StageKind.OPEN, 0, 10),
    StageInfo(2, "First contact", StageKind.OPEN, 1, 20),
    StageInfo(3, "Won", StageKind.WON, 2, 100),
    StageInfo(4, "Lost", StageKind.LOST, 3, 0),
]


def at(m: int, d: int, h: int = 10) -> datetime:
    return datetime(2026, m, d, h, 0)


def business() -> tuple[FunnelData, list[FieldChange]]:
    deals = [
        # 1: created Jan 1 in stage 1, stage 2 on Feb 1, won Mar 1; amount 1,000 → 1,500
        #    (Feb 15) → 2,000 (Mar 10)
        DealFacts(1, 3, 200_000, at(1, 1), closed=at(3, 1), stage_entered=at(3, 1),
                  expected_close=date(2026, 3, 1)),
        # 2: created Feb 10 in stage 1; own probability set to 60 on Feb 20; expected close
        #    slipped from Mar 31 to Apr 30 on Mar 5
        DealFacts(2, 1, 100_000, at(2, 10), probability=60, expected_close=date(2026, 4, 30),
                  stage_entered=at(2, 10), last_activity=at(3, 20)),
        # 3: created Apr 1
        DealFacts(3, 2, 500_000, at(4, 1), stage_entered=at(4, 1)),
    ]
    visits = [
        StageVisit(1, 1, at(1, 1), at(2, 1)), StageVisit(1, 2, at(2, 1), at(3, 1)),
        StageVisit(1, 3, at(3, 1), None),
        StageVisit(2, 1, at(2, 10), None),
        StageVisit(3, 2, at(4, 1), None),
    ]
    changes = [
        FieldChange(1, "amount", "100000", "150000", at(2, 15)),
        FieldChange(1, "amount", "150000", "200000", at(3, 10)),
        FieldChange(2, "probability", None, "60", at(2, 20)),
        FieldChange(2, "expected_close", "2026-03-31", "2026-04-30", at(3, 5)),
        FieldChange(2, "next_step", "", "Call", at(3, 6)),  # not a rebuilt field
    ]
    return FunnelData(STAGES, deals, visits), changes


def test_mid_january_only_deal_1_in_stage_1_at_its_first_amount():
    data, changes = business()
    past = as_of(data, changes, at(1, 15))
    assert [d.id for d in past.deals] == [1]
    d = past.deals[0]
    assert (d.stage_id, d.amount, d.closed, d.stage_entered) == (1, 100_000, None, at(1, 1))
    assert [(v.stage_id, v.left) for v in past.visits] == [(1, None)]


def test_late_february_stage_2_and_the_first_raise():
    data, changes = business()
    past = as_of(data, changes, at(2, 25))
    by_id = {d.id: d for d in past.deals}
    assert sorted(by_id) == [1, 2]
    assert (by_id[1].stage_id, by_id[1].amount, by_id[1].closed) == (2, 150_000, None)
    assert by_id[2].probability == 60  # set on Feb 20, before the moment
    assert by_id[2].expected_close == date(2026, 3, 31)  # slipped only on Mar 5
    assert by_id[2].last_activity is None  # the activity came later
    # deal 1 left stage 1 on Feb 1 (before the moment) and is still in stage 2
    assert sorted((v.deal_id, v.stage_id, v.left) for v in past.visits) == [
        (1, 1, at(2, 1)), (1, 2, None), (2, 1, None)]
    # the pipeline then: 1,500 at 20 % + 1,000 at the override 60 % = 300 + 600
    _, count, amount, weighted = open_totals(past)
    assert (count, amount, weighted) == (2, 250_000, 90_000)


def test_before_the_override_the_stage_probability_applies():
    data, changes = business()
    past = as_of(data, changes, at(2, 18))
    assert {d.id: d.probability for d in past.deals} == {1: None, 2: None}


def test_early_march_deal_1_is_won_at_the_amount_it_had():
    data, changes = business()
    past = as_of(data, changes, at(3, 5, 0))
    d1 = next(d for d in past.deals if d.id == 1)
    assert (d1.stage_id, d1.closed, d1.amount) == (3, at(3, 1), 150_000)


def test_after_every_change_it_is_the_data_itself():
    data, changes = business()
    past = as_of(data, changes, at(5, 1))
    assert past.deals == data.deals
    assert sorted(past.visits, key=lambda v: (v.deal_id, v.entered)) == data.visits


def test_moves_within_the_same_second_end_in_the_stay_still_open():
    """Stored times are whole seconds: a move and a close in the same second give two stays
    entered at the same moment; the deal is in the one that was not left."""
    t = at(3, 1)
    deals = [DealFacts(1, 3, 100_000, at(1, 1), closed=t)]
    visits = [StageVisit(1, 1, at(1, 1), t), StageVisit(1, 2, t, t), StageVisit(1, 3, t, None)]
    for order in (visits, visits[::-1]):
        past = as_of(FunnelData(STAGES, deals, list(order)), [], at(3, 2))
        assert (past.deals[0].stage_id, past.deals[0].closed) == (3, t)


def test_the_next_step_and_its_due_date_are_rolled_back():
    """A past week's overdue next steps are judged on the next step the deal had then."""
    deal = DealFacts(5, 1, 10_000, at(1, 5), next_step="Send the quote",
                     next_step_due=date(2026, 3, 20), stage_entered=at(1, 5))
    changes = [FieldChange(5, "next_step", "", "Call back", at(2, 1)),
               FieldChange(5, "next_step_due", None, "2026-02-10", at(2, 1)),
               FieldChange(5, "next_step", "Call back", "Send the quote", at(3, 1)),
               FieldChange(5, "next_step_due", "2026-02-10", "2026-03-20", at(3, 1))]
    data = FunnelData(STAGES, [deal], [StageVisit(5, 1, at(1, 5))])
    jan, feb = (as_of(data, changes, at(m, 15)).deals[0] for m in (1, 2))
    assert (jan.next_step, jan.next_step_due) == ("", None)
    assert (feb.next_step, feb.next_step_due) == ("Call back", date(2026, 2, 10))
    assert as_of(data, changes, at(3, 15)).deals[0] is deal
