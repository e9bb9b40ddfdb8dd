"""Deal-size band distribution (bands of core.planning.DEFAULT_BANDS)."""

from __future__ import annotations

from datetime import date, datetime

from funnel_desktop.core.size_bands import BandLine, size_band_distribution
from funnel_desktop.core.values import DealFacts, FunnelData, Period, StageInfo, StageKind

STAGES = [
    StageInfo(1, "Nurture", StageKind.OPEN, 0, 10),
    StageInfo(2, "Quote", StageKind.OPEN, 1, 75),
    StageInfo(3, "Won", StageKind.WON, 2, 100),
    StageInfo(4, "Lost", StageKind.LOST, 3, 0),
]
PERIOD = Period(date(2026, 1, 1), date(2026, 12, 31))
C = datetime(2026, 1, 5)


def test_bands_hand_computed():
    deals = [
        DealFacts(1, 1, 500_000, C),  # 5k open at 10 %
        DealFacts(2, 2, 999_999, C),  # just under 10k, open at 75 %
        DealFacts(3, 3, 1_000_000, C, closed=datetime(2026, 3, 1)),  # 10k won
        DealFacts(4, 4, 2_000_000, C, closed=datetime(2026, 3, 1)),  # 20k lost
        DealFacts(5, 4, 2_500_000, C, closed=datetime(2025, 3, 1)),  # lost before the period
        DealFacts(6, 2, 9_000_000, C, probability=20),  # 90k open at 20 %
        DealFacts(7, 3, 3_000_000, C, closed=datetime(2026, 6, 1)),  # 30k won
    ]
    lines = size_band_distribution(FunnelData(STAGES, deals), PERIOD)
    # weighted band 1: (500,000 × 10 + 999,999 × 75) ÷ 100 = 799,999.25 → 799,999
    assert lines == [
        BandLine(0, 1_000_000, 2, 1_499_999, 799_999, 0, 0, 0, 0, None),
        BandLine(1_000_000, 3_000_000, 0, 0, 0, 1, 1_000_000, 1, 2_000_000, 0.5),
        BandLine(3_000_000, 5_000_000, 0, 0, 0, 1, 3_000_000, 0, 0, 1.0),
        BandLine(5_000_000, None, 1, 9_000_000, 1_800_000, 0, 0, 0, 0, None),
    ]


def test_empty_data_all_lost_and_own_bounds():
    assert size_band_distribution(FunnelData(STAGES, []), PERIOD, (0, 100)) == [
        BandLine(0, 100, 0, 0, 0, 0, 0, 0, 0, None),
        BandLine(100, None, 0, 0, 0, 0, 0, 0, 0, None)]
    lost = FunnelData(STAGES, [DealFacts(1, 4, 50, C, closed=datetime(2026, 2, 1)),
                               DealFacts(2, 4, 500, C, closed=datetime(2026, 2, 1))])
    assert [(x.lost_count, x.win_rate) for x in size_band_distribution(lost, PERIOD, (0, 100))
            ] == [(1, 0.0), (1, 0.0)]
