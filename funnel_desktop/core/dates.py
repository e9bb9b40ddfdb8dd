"""Parsing dates and naming periods (ISO weeks, months, quarters, years)."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, timedelta

from .errors import ValidationError
from .limits import MAX_DATE, MIN_DATE
from .values import Period

_DATE_FORMATS = ("%Y-%m-%d", "%Y/%m/%d", "%Y.%m.%d", "%Y年%m月%d日")


def parse_date(value: str | date | datetime | None, *, field: str = "date",
               formats: tuple[str, ...] = _DATE_FORMATS) -> date | None:
    """Parse ``2026-11-24`` (and ``2026/11/24``, ``2026年11月24日``); empty → None.

    Raises :class:`ValidationError`: ``date_invalid`` for text that is not a date,
    ``date_out_of_range`` for a day outside ``MIN_DATE`` … ``MAX_DATE``."""
    if value is None:
        return None
    if isinstance(value, datetime):
        return check_day(value.date(), field)
    if isinstance(value, date):
        return check_day(value, field)
    text = str(value).strip()
    if not text:
        return None
    if len(text) <= 40:  # longer text is no date in any format (and strptime is not cheap)
        for fmt in formats:
            try:
                return check_day(datetime.strptime(text, fmt).date(), field)
            except ValueError:
                continue
    raise ValidationError("date_invalid", field, value=text)


def check_day(day: date, field: str = "date") -> date:
    """``day`` itself when it lies within ``MIN_DATE`` … ``MAX_DATE``."""
    if not MIN_DATE <= day <= MAX_DATE:
        raise ValidationError("date_out_of_range", field, value=day.isoformat(),
                              first=MIN_DATE.isoformat(), last=MAX_DATE.isoformat())
    return day


def parse_week(text: str) -> Period:
    """``2026-W47`` → Monday..Sunday of that ISO week."""
    m = re.fullmatch(r"(\d{4})-?W(\d{1,2})", text.strip(), re.IGNORECASE)
    if not m:
        raise ValidationError("week_invalid", "week", value=text)
    try:
        start = date.fromisocalendar(int(m.group(1)), int(m.group(2)), 1)
    except ValueError:
        raise ValidationError("week_invalid", "week", value=text) from None
    check_day(start, "week")
    return Period(start, start + timedelta(days=6))


def iso_week(day: date) -> str:
    y, w, _ = day.isocalendar()
    return f"{y}-W{w:02d}"


def month_start(day: date) -> date:
    return day.replace(day=1)


def add_months(day: date, n: int) -> date:
    """The first of the month ``n`` months after ``day``'s month."""
    m = day.year * 12 + day.month - 1 + n
    return date(m // 12, m % 12 + 1, 1)


def month_end(day: date) -> date:
    return add_months(day, 1) - timedelta(days=1)


def month_key(day: date) -> str:
    return f"{day.year:04d}-{day.month:02d}"


def period_of(kind: str, day: date) -> Period:
    """The week / month / quarter / year containing ``day``."""
    if kind == "week":
        start = day - timedelta(days=day.weekday())
        return Period(start, start + timedelta(days=6))
    if kind == "month":
        return Period(month_start(day), month_end(day))
    if kind == "quarter":
        first = date(day.year, 3 * ((day.month - 1) // 3) + 1, 1)
        return Period(first, add_months(first, 3) - timedelta(days=1))
    if kind == "year":
        return Period(date(day.year, 1, 1), date(day.year, 12, 31))
    raise ValueError(kind)


def previous(period: Period) -> Period:
    """The period of the same length just before this one."""
    length = (period.end - period.start).days + 1
    return Period(period.start - timedelta(days=length), period.start - timedelta(days=1))


def as_utc_end(day: date) -> datetime:
    """The last second of ``day`` (for 'as of' comparisons on naive UTC times)."""
    return datetime(day.year, day.month, day.day, 23, 59, 59)


def utcnow() -> datetime:
    """The current UTC time without tzinfo, to the second (how times are stored)."""
    return datetime.now(UTC).replace(tzinfo=None, microsecond=0)
