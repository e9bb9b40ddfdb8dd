"""Owner and team comparison table, by hand."""

from __future__ import annotations

from datetime import date, datetime

from funnel_desktop.core.owner_table import PeopleLine, owner_table, team_table
from funnel_desktop.core.values import DealFacts, FunnelData, Period, StageInfo, StageKind

STAGES = [
    StageInfo(1, "Nurture", StageKind.OPEN, 0, 10),
    StageInfo(2, "Quote", StageKind.OPEN, 1, 75),
    StageInfo(3, "Won", StageKind.WON, 2, 100),
    StageInfo(4, "Lost", StageKind.LOST, 3, 0),
]
PERIOD = Period(date(2026, 7, 1), date(2026, 9, 30))


def data() -> FunnelData:
    c = datetime(2026, 7, 1, 9)
    deals = [
        DealFacts(1, 1, 100_000, c, owner_id=1),  # open 10 %
        DealFacts(2, 2, 200_000, c, owner_id=1, probability=50),  # open 50 %
        DealFacts(3, 3, 300_000, c, owner_id=1, closed=datetime(2026, 7, 31)),  # won, 30 d
        DealFacts(4, 4, 400_000, c, owner_id=1, closed=datetime(2026, 8, 1)),  # lost
        DealFacts(5, 3, 100_000, c, owner_id=2, closed=datetime(2026, 7, 11)),  # won, 10 d
        DealFacts(6, 3, 500_000, c, owner_id=2, closed=datetime(2026, 8, 20)),  # won, 50 d
        DealFacts(7, 3, 999_999, c, owner_id=2, closed=datetime(2026, 10, 1)),  # after
        DealFacts(8, 2, 40_000, c),  # open 75 %, no owner
    ]
    return FunnelData(STAGES, deals)


def test_owner_table_hand_computed():
    table = owner_table(data(), PERIOD, owner_ids=[2, 1, 3])
    # owner 1 weighted: (100,000 × 10 + 200,000 × 50) ÷ 100 = 110,000
    assert table.rows == [
        PeopleLine(2, 0, 0, 0, 2, 600_000, 0, 0, 1.0, 1.0, 300_000.0, 30.0, 30.0),
        PeopleLine(1, 2, 300_000, 110_000, 1, 300_000, 1, 400_000, 0.5, 300_000 / 700_000,
                   300_000.0, 30.0, 30.0),
        PeopleLine(3, 0, 0, 0, 0, 0, 0, 0, None, None, None, None, None),
        PeopleLine(None, 1, 40_000, 30_000, 0, 0, 0, 0, None, None, None, None, None),
    ]
    assert table.total == PeopleLine(None, 3, 340_000, 140_000, 3, 900_000, 1, 400_000, 0.75,
                                     900_000 / 1_300_000, 300_000.0, 30.0, 30.0)


def test_team_table_groups_owners():
    table = team_table(data(), PERIOD, team_of={1: 10, 2: 10})
    (team, nobody) = table.rows
    assert (team.key, team.open_count, team.won_count, team.lost_count, team.win_rate) == (
        10, 2, 3, 1, 0.75)
    assert (nobody.key, nobody.open_count) == (None, 1)
    assert team_table(data(), PERIOD, {1: 10}).rows[1].key is None  # owner 2 without a team


def test_empty_data_and_period_without_closes():
    empty = owner_table(FunnelData(STAGES, []), PERIOD)
    assert empty.rows == [] and empty.total.win_rate is None
    quiet = owner_table(data(), Period(date(2026, 1, 1), date(2026, 1, 31)))
    assert [(r.key, r.open_count, r.won_count, r.cycle_mean) for r in quiet.rows] == [
        (1, 2, 0, None), (None, 1, 0, None)]
