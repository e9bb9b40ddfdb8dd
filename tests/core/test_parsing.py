"""Amounts and dates the way people write them (money.parse_amount, dates.parse_*)."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from funnel_desktop.core.dates import parse_date, parse_week, period_of
from funnel_desktop.core.errors import ValidationError
from funnel_desktop.core.money import format_plain, parse_amount
from funnel_desktop.core.periods import make_period
from funnel_desktop.core.values import Period


@pytest.mark.parametrize(("text", "minor"), [
    ("12,500.50", 1_250_050),
    ("1.234,56", 123_456),      # decimal comma, detected
    ("¥3,000", 300_000),
    ("￥3,000元", 300_000),
    ("$ 1,234", 123_400),       # a comma before three digits groups thousands
    ("12,5", 1_250),            # a comma before one digit is a decimal comma
    ("12.5万", 12_500_000),     # 125,000 yuan
    ("RMB 3,000", 300_000),
    ("3000 CNY", 300_000),
    ("US$12", 1_200),
    ("1亿", 10_000_000_000),
    ("0", 0),
    (" 42 ", 4_200),
    ("0.005", 1),               # rounded half up to the fen
    (12500, 1_250_000),         # numbers are major units too
    (12.5, 1_250),
])
def test_parse_amount(text, minor: int):
    assert parse_amount(text) == minor


@pytest.mark.parametrize(("text", "code"), [
    ("-5", "amount_negative"),
    ("-1,000.00", "amount_negative"),
    ("(300)", "amount_negative"),
    (-3, "amount_negative"),
    ("abc", "amount_invalid"),
    ("", "amount_invalid"),
    ("12..5", "amount_invalid"),
    ("1d2", "amount_invalid"),     # letters are not dropped one by one
    ("12mb", "amount_invalid"),
    ("5-", "amount_invalid"),      # a sign only in front
    ("(5", "amount_invalid"),
    ("--5", "amount_invalid"),
    ("1,2,3.4.5", "amount_invalid"),
    (float("nan"), "amount_invalid"),
    (True, "amount_invalid"),
])
def test_parse_amount_rejects(text, code: str):
    with pytest.raises(ValidationError) as e:
        parse_amount(text)
    assert e.value.code == code
    assert e.value.field == "amount"
    assert str(text).strip() in e.value.english() or code == "amount_invalid"


def test_negative_allowed_when_asked():
    assert parse_amount("-5", allow_negative=True) == -500


def test_format_plain():
    assert format_plain(123_456_789) == "1,234,568"
    assert format_plain(123_456_789, decimals=2) == "1,234,567.89"


@pytest.mark.parametrize("text", ["2026-11-24", "2026/11/24", "2026.11.24", "2026年11月24日",
                                  " 2026-11-24 "])
def test_parse_date_good(text: str):
    assert parse_date(text) == date(2026, 11, 24)


def test_parse_date_passes_dates_and_empty():
    assert parse_date(date(2026, 1, 2)) == date(2026, 1, 2)
    assert parse_date(datetime(2026, 1, 2, 23, 59)) == date(2026, 1, 2)
    assert parse_date("") is None and parse_date(None) is None


@pytest.mark.parametrize("text", ["2026-13-01", "2026-02-30", "24.11.2026", "tomorrow",
                                  "2026-11"])
def test_parse_date_bad(text: str):
    with pytest.raises(ValidationError) as e:
        parse_date(text, field="expected_close")
    assert (e.value.code, e.value.field) == ("date_invalid", "expected_close")
    assert text in e.value.english()


def test_parse_week():
    # ISO week 1 of 2026 starts Mon 2025-12-29 (Jan 1 is a Thursday); +46 weeks = Nov 16
    assert parse_week("2026-W47") == Period(date(2026, 11, 16), date(2026, 11, 22))
    assert parse_week("2026w1") == Period(date(2025, 12, 29), date(2026, 1, 4))
    # 2026 has 53 ISO weeks (it starts on a Thursday); 2025 has 52
    assert parse_week("2026-W53").start == date(2026, 12, 28)
    for bad in ("2025-W53", "2026-W00", "W47", "2026-47", ""):
        with pytest.raises(ValidationError) as e:
            parse_week(bad)
        assert e.value.code == "week_invalid"


def test_periods():
    assert period_of("week", date(2026, 11, 24)) == Period(date(2026, 11, 23),
                                                           date(2026, 11, 29))
    assert period_of("quarter", date(2026, 11, 24)) == Period(date(2026, 10, 1),
                                                              date(2026, 12, 31))
    assert period_of("month", date(2026, 2, 10)) == Period(date(2026, 2, 1), date(2026, 2, 28))
    # default: the 12 months up to today (core.periods.last_months)
    assert make_period(None, None, today=date(2026, 11, 24)) == Period(date(2025, 11, 25),
                                                                      date(2026, 11, 24))
    with pytest.raises(ValidationError) as e:
        make_period("2026-05-01", "2026-04-01", today=date(2026, 11, 24))
    assert e.value.code == "period_invalid"
    with pytest.raises(ValidationError) as e:
        make_period("2026-04-31", None, today=date(2026, 11, 24))
    assert (e.value.code, e.value.field) == ("date_invalid", "from")
