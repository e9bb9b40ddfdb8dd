"""One definition of each named period (core.periods), worked out by hand."""

from __future__ import annotations

from datetime import date

import pytest

from funnel_desktop.core.periods import (
    health_period,
    last_months,
    make_period,
    months_before,
    named_period,
    previous_period,
)
from funnel_desktop.core.values import Period

WED = date(2026, 12, 2)  # Wednesday 2 December 2026


def test_the_last_12_months_on_2_december_include_december_2025():
    p = named_period("last12", WED)
    assert p == Period(date(2025, 12, 3), date(2026, 12, 2))
    assert p.contains(date(2025, 12, 15)) and p.contains(date(2025, 12, 31))
    assert not p.contains(date(2025, 12, 2))  # a year ago to the day is the 13th month
    assert (p.end - p.start).days + 1 == 365
    # the 12 months before it follow on without a gap
    assert previous_period("last12", p) == Period(date(2024, 12, 3), date(2025, 12, 2))
    # the command line's default period is the same
    assert make_period(None, None, today=WED) == p
    assert make_period(None, "2026-06-30", today=WED) == Period(date(2025, 7, 1),
                                                                 date(2026, 6, 30))


def test_months_back_from_a_long_month_end_on_the_shorter_months_last_day():
    assert months_before(date(2026, 3, 31), 1) == date(2026, 2, 28)
    assert months_before(date(2028, 3, 31), 1) == date(2028, 2, 29)
    assert months_before(date(2026, 1, 15), 1) == date(2025, 12, 15)
    assert last_months(date(2026, 3, 31), 1) == Period(date(2026, 3, 1), date(2026, 3, 31))
    assert last_months(date(2028, 2, 29), 12) == Period(date(2027, 3, 1), date(2028, 2, 29))
    assert last_months(WED, 6) == Period(date(2026, 6, 3), WED)
    assert last_months(WED, 24) == Period(date(2024, 12, 3), WED)


def test_calendar_periods_and_the_ones_before_them():
    assert named_period("month", WED) == Period(date(2026, 12, 1), date(2026, 12, 31))
    assert named_period("quarter", WED) == Period(date(2026, 10, 1), date(2026, 12, 31))
    assert named_period("year", WED) == Period(date(2026, 1, 1), date(2026, 12, 31))
    assert previous_period("month", named_period("month", WED)) == Period(
        date(2026, 11, 1), date(2026, 11, 30))
    assert previous_period("quarter", named_period("quarter", WED)) == Period(
        date(2026, 7, 1), date(2026, 9, 30))
    custom = Period(date(2026, 3, 5), date(2026, 3, 14))
    assert named_period("custom", WED, custom) == custom
    assert previous_period("custom", custom) == Period(date(2026, 2, 23), date(2026, 3, 4))
    with pytest.raises(ValueError):
        named_period("custom", WED)
    with pytest.raises(ValueError):
        named_period("fortnight", WED)


def test_the_health_period_is_the_last_90_days_up_to_the_day():
    assert health_period(WED) == Period(date(2026, 9, 4), WED)
    assert (WED - health_period(WED).start).days + 1 == 90
