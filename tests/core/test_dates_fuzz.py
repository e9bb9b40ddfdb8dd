"""Fuzz: dates and weeks as text. Whatever the input, the parsers give a day within the
kept range or raise a ValidationError with a message; periods made from them compute."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import example, given
from hypothesis import strategies as st

from funnel_desktop.core.dates import parse_date, parse_week, previous
from funnel_desktop.core.errors import ValidationError
from funnel_desktop.core.limits import MAX_DATE, MIN_DATE
from funnel_desktop.core.periods import make_period
from tests.fuzz import assert_message, fuzz

date_like = st.lists(st.sampled_from(list("0123456789-/.年月日W ")), max_size=14).map("".join)
anything = st.one_of(st.text(max_size=40), date_like, st.dates(), st.datetimes())


@fuzz(600)
@given(anything)
@example("0001-01-01")
@example("9999-12-31")
@example("2026-02-30")
def test_any_text_is_a_kept_day_or_a_message(value):
    try:
        day = parse_date(value)
    except ValidationError as err:
        assert_message(err)
        assert err.code in ("date_invalid", "date_out_of_range")
        return
    assert day is None or MIN_DATE <= day <= MAX_DATE


@fuzz(300)
@given(st.dates(min_value=MIN_DATE, max_value=MAX_DATE))
def test_every_kept_day_round_trips(day):
    assert parse_date(day.isoformat()) == day
    assert parse_date(f"{day.year}年{day.month}月{day.day}日") == day


@fuzz(400)
@given(st.one_of(st.text(max_size=12), st.from_regex(r"\d{4}-?W\d{1,2}", fullmatch=True)))
def test_any_week_text_is_a_week_or_a_message(text):
    try:
        period = parse_week(text)
    except ValidationError as err:
        assert_message(err)
        return
    assert period.end - period.start == timedelta(days=6) and period.start.weekday() == 0
    previous(period)


@fuzz(300)
@given(st.one_of(st.none(), date_like, st.dates()), st.one_of(st.none(), date_like,
                                                             st.dates()),
       st.dates(min_value=MIN_DATE, max_value=MAX_DATE))
def test_any_bounds_make_a_period_or_a_message(start, end, today):
    try:
        period = make_period(start, end, today=today)
    except ValidationError as err:
        assert_message(err)
        return
    assert period.start <= period.end
    previous(period)
    assert isinstance(period.start, date)
