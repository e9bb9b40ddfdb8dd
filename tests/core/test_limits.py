"""Every number, date and text has one bound (core/limits.py), and a value beyond it gets a
message that names the bound."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

import pytest

from funnel_desktop.core.dates import parse_date, parse_week
from funnel_desktop.core.errors import ValidationError
from funnel_desktop.core.limits import MAX_AMOUNT, MAX_DATE, MIN_DATE
from funnel_desktop.core.money import check_amount, format_plain, parse_amount
from funnel_desktop.core.periods import make_period


@pytest.mark.parametrize("text", ["100,000,000,000", "100000000000.00", "1000亿",
                                  "10000000万", 100_000_000_000, Decimal("1E+11"), 1e11])
def test_the_largest_amount_is_accepted(text):
    assert parse_amount(text) == MAX_AMOUNT


@pytest.mark.parametrize("text", ["100,000,000,000.01", "99999999999999999999",
                                  "99999999999999999999万", "1001亿", 1e30, 10**30,
                                  Decimal("1e999999"), "9" * 100_000, 10**100_000],
                         ids=lambda v: repr(v)[:20] if not isinstance(v, int) else "int")
def test_a_larger_amount_names_the_limit(text):
    with pytest.raises(ValidationError) as e:
        parse_amount(text)
    assert e.value.code == "amount_too_large"
    assert "100,000,000,000" in e.value.english()
    assert len(e.value.english()) < 300


@pytest.mark.parametrize("text", ["1e30", "nan", "inf", "-", "", "1.2.3", "¥"])
def test_not_amounts(text):
    with pytest.raises(ValidationError) as e:
        parse_amount(text)
    assert e.value.code == "amount_invalid"


@pytest.mark.parametrize("value", [float("nan"), float("inf"), float("-inf")])
def test_float_specials_are_no_amounts(value):
    with pytest.raises(ValidationError) as e:
        parse_amount(value)
    assert e.value.code in ("amount_invalid", "amount_too_large")


def test_check_amount_bounds_minor_units():
    assert check_amount(MAX_AMOUNT) == MAX_AMOUNT
    with pytest.raises(ValidationError, match="too large"):
        check_amount(MAX_AMOUNT + 1)
    with pytest.raises(ValidationError, match="negative"):
        check_amount(-1)
    assert check_amount(-MAX_AMOUNT, allow_negative=True) == -MAX_AMOUNT
    assert format_plain(10**40, decimals=2).endswith(",000.00")  # exact, no float


@pytest.mark.parametrize("text", ["0001-01-01", "1899-12-31", "3000-01-01", "9999-12-31"])
def test_dates_outside_the_kept_range(text):
    with pytest.raises(ValidationError) as e:
        parse_date(text, field="as-of")
    assert (e.value.code, e.value.field) == ("date_out_of_range", "as-of")
    assert "1900-01-01" in e.value.english() and "2999-12-31" in e.value.english()


def test_the_first_and_last_day_parse_and_make_periods():
    assert parse_date("1900-01-01") == MIN_DATE and parse_date("2999-12-31") == MAX_DATE
    assert parse_date(datetime(2999, 12, 31, 23, 59)) == MAX_DATE
    with pytest.raises(ValidationError):
        parse_date(date(1, 1, 1))
    p = make_period(None, "1900-01-01", today=date(2026, 11, 24))
    assert p.end == MIN_DATE  # twelve months before it still compute
    assert parse_week("2999-W52").start.year == 2999
    for week in ("0001-W01", "9999-W52"):
        with pytest.raises(ValidationError) as e:
            parse_week(week)
        assert e.value.code == "date_out_of_range"


def test_long_text_is_no_date():
    with pytest.raises(ValidationError) as e:
        parse_date("2026-11-24" * 10_000)
    assert e.value.code == "date_invalid" and len(e.value.english()) < 300
