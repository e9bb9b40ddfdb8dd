"""Fuzz: amounts as people (and files) write them. Whatever the input, parse_amount gives
minor units within the bound or raises a ValidationError with a message."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import example, given
from hypothesis import strategies as st

from funnel_desktop.core.errors import ValidationError
from funnel_desktop.core.limits import MAX_AMOUNT
from funnel_desktop.core.money import format_plain, parse_amount
from funnel_desktop.locale_format import Formatter
from tests.fuzz import assert_message, fuzz

AMOUNT_CHARS = st.sampled_from(list("0123456789.,'()- ¥$€£元万亿") + ["RMB", "USD", "CNY"])
amount_like = st.lists(AMOUNT_CHARS, max_size=30).map("".join)
anything = st.one_of(st.text(max_size=60), amount_like, st.integers(),
                     st.floats(allow_nan=True, allow_infinity=True),
                     st.decimals(allow_nan=True, allow_infinity=True), st.booleans())


@fuzz(600)
@given(anything, st.sampled_from([None, True, False]), st.booleans())
@example("99999999999999999999", None, False)
@example("99999999999999999999万", None, False)
@example("1e30", None, False)
@example(1e30, None, False)
@example("9" * 10_000, None, False)
def test_any_input_is_an_amount_in_bounds_or_a_message(value, decimal_comma, negative):
    try:
        minor = parse_amount(value, decimal_comma=decimal_comma, allow_negative=negative)
    except ValidationError as err:
        assert_message(err)
        assert err.code in ("amount_invalid", "amount_negative", "amount_too_large")
        return
    assert isinstance(minor, int)
    assert (-MAX_AMOUNT if negative else 0) <= minor <= MAX_AMOUNT


@fuzz(400)
@given(st.integers(min_value=0, max_value=MAX_AMOUNT))
def test_what_the_form_writes_parses_back(minor):
    assert parse_amount(Formatter("en").amount_input(minor)) == minor
    assert parse_amount(format_plain(minor, decimals=2)) == minor


@fuzz(300)
@given(st.integers(min_value=0, max_value=10**7 - 1), st.integers(min_value=0, max_value=9999))
def test_wan_is_ten_thousand(whole, part):
    text = f"{whole}.{part:04d}万"
    expected = int((Decimal(whole) + Decimal(part) / 10000) * 10000 * 100)
    assert parse_amount(text) == expected
