"""The week's changes and week-on-week key figures, on a hand-built history."""

from __future__ import annotations

from datetime import date, datetime

from funnel_desktop.core.values import (
    DealFacts,
    FieldChange,
    FunnelData,
    Period,
    StageInfo,
    StageKind,
    StageVisit,
    within,
)
from funnel_desktop.core.weekly import (
    key_figures,
    previous_week,
    week_as_of,
    week_changes,
    week_containing,
)

STAGES = [StageInfo(1, "A", StageKind.OPEN, 0, 10), StageInfo(2, "B", StageKind.OPEN, 1, 50),
          StageInfo(3, "Won", StageKind.WON, 2, 100), StageInfo(4, "Lost", StageKind.LOST, 3, 0)]
WEEK = Period(date(2026, 11, 16), date(2026, 11, 22))  # 2026-W47


def t(day: int, hour: int = 10) -> datetime:
    return datetime(2026, 11, day, hour)


def build() -> tuple[FunnelData, list[FieldChange]]:
    deals = [
        # 1: created the week before, moved A→B in the week, then won in the week
        DealFacts(1, 3, 100_000, t(10), closed=t(20)),
        # 2: created in the week, still in A
        DealFacts(2, 1, 50_000, t(17)),
        # 3: created before, moved back B→A in the week
        DealFacts(3, 1, 70_000, t(3)),
        # 4: lost in the week from A
        DealFacts(4, 4, 20_000, t(2), closed=t(18)),
        # 5: won last week
        DealFacts(5, 3, 30_000, t(1), closed=t(12)),
    ]
    visits = [
        StageVisit(1, 1, t(10), t(16)), StageVisit(1, 2, t(16), t(20)), StageVisit(1, 3, t(20)),
        StageVisit(2, 1, t(17)),
        StageVisit(3, 2, t(3), t(19)), StageVisit(3, 1, t(19)),
        StageVisit(4, 1, t(2), t(18)), StageVisit(4, 4, t(18)),
        StageVisit(5, 1, t(1), t(12)), StageVisit(5, 3, t(12)),
    ]
    changes = [
        FieldChange(2, "expected_close", "2026-12-01", "2027-01-15", t(18)),  # slipped
        FieldChange(3, "expected_close", "2026-12-20", "2026-12-10", t(18)),  # pulled in
        FieldChange(3, "amount", "90000", "70000", t(19)),  # cut
        FieldChange(1, "amount", "80000", "100000", t(11)),  # raised, the week before
    ]
    return FunnelData(STAGES, deals, visits), changes


def test_week_changes_sorts_every_kind_of_change():
    data, changes = build()
    w = week_changes(data, changes, WEEK)
    assert w.added == [2]
    assert [(m.deal_id, m.from_stage, m.to_stage) for m in w.forward] == [(1, 1, 2)]
    assert [(m.deal_id, m.from_stage, m.to_stage) for m in w.back] == [(3, 2, 1)]
    assert w.won == [1]
    assert w.lost == [4]
    assert [c.deal_id for c in w.slipped] == [2]
    assert [c.deal_id for c in w.cut] == [3]
    assert w.raised == []  # deal 1's raise was the week before


def test_key_figures_compare_this_week_with_last():
    data, changes = build()
    this = key_figures(data, changes, WEEK)
    # open at the end of W47: deal 2 (A, 50,000 at 10 %) and deal 3 (A, 70,000 at 10 %)
    assert (this.open_count, this.open_amount, this.weighted) == (2, 120_000, 12_000)
    assert (this.new_count, this.new_amount) == (1, 50_000)
    assert (this.won_count, this.won_amount, this.lost_count, this.lost_amount) == (
        1, 100_000, 1, 20_000)
    assert this.win_rate == 0.5
    last = key_figures(data, changes, previous_week(WEEK))
    # at the end of W46: deal 1 in A at 80,000 (its raise came on the 11th: 100,000),
    # deal 3 in B at 90,000 (cut later), deal 4 in A 20,000; deal 5 won on the 12th
    assert last.open_count == 3
    assert last.open_amount == 100_000 + 90_000 + 20_000
    assert last.weighted == 10_000 + 45_000 + 2_000
    assert (last.won_count, last.won_amount) == (1, 30_000)
    assert last.new_count == 1  # deal 1, created on the 10th


def test_week_containing_honours_the_week_start():
    assert week_containing(date(2026, 11, 24)) == Period(date(2026, 11, 23), date(2026, 11, 29))
    sunday_start = week_containing(date(2026, 11, 24), week_start=6)
    assert sunday_start == Period(date(2026, 11, 22), date(2026, 11, 28))


def test_within_answers_as_the_period_does():
    """The fast test of "in the period" equals ``Period.contains`` at the edges, for days,
    for nothing, and for a period without an end."""
    moments = [None, date(2026, 11, 15), date(2026, 11, 16), date(2026, 11, 22),
               date(2026, 11, 23), datetime(2026, 11, 15, 23, 59, 59, 999999),
               datetime(2026, 11, 16), datetime(2026, 11, 22, 23, 59, 59, 999999),
               datetime(2026, 11, 23), datetime(9999, 12, 31, 12)]
    for period in (WEEK, Period(date(2026, 11, 16), date.max)):
        inside = within(period)
        assert [inside(m) for m in moments] == [period.contains(m) for m in moments]
    assert [within(WEEK)(m) for m in moments[1:5]] == [False, True, True, False]


def test_a_deal_whose_only_stay_is_won_is_in_the_list_and_the_figure():
    """Imported already closed: one Won stay and one Lost stay, no stay before them. The
    lists and the key figures are the same deals; a deal won and reopened inside the week is
    in neither."""
    deals = [DealFacts(7, 3, 40_000, t(2), closed=t(18)),
             DealFacts(8, 4, 5_000, t(2), closed=t(19)),
             DealFacts(9, 1, 60_000, t(2))]  # won on the 17th, reopened on the 20th
    visits = [StageVisit(7, 3, t(18)), StageVisit(8, 4, t(19)),
              StageVisit(9, 1, t(2), t(17)), StageVisit(9, 3, t(17), t(20)),
              StageVisit(9, 1, t(20))]
    data = FunnelData(STAGES, deals, visits)
    w = week_changes(data, [], WEEK)
    assert (w.won, w.lost) == ([7], [8])
    assert w.forward == w.back == []  # closing and reopening are not stage moves
    k = key_figures(data, [], WEEK, then=data, changed=w)
    assert (k.won_count, k.won_amount, k.lost_count, k.lost_amount) == (1, 40_000, 1, 5_000)
    assert key_figures(data, [], WEEK, then=data) == k  # the same lists without ``changed``


def test_a_running_week_is_looked_at_now_and_a_past_one_at_its_end():
    wed = datetime(2026, 12, 2, 10, 42)
    week = Period(date(2026, 11, 30), date(2026, 12, 6))
    look = week_as_of(week, wed, date(2026, 12, 2))
    assert (look.moment, look.day, look.running) == (wed, date(2026, 12, 2), True)
    past = week_as_of(previous_week(week), wed, date(2026, 12, 2))
    assert (past.moment, past.day, past.running) == (
        datetime(2026, 11, 29, 23, 59, 59), date(2026, 11, 29), False)
    # a week not begun yet is looked at now too
    assert week_as_of(Period(date(2026, 12, 7), date(2026, 12, 13)), wed,
                      date(2026, 12, 2)).running
