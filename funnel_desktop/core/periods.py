"""One definition of each named period, for Analytics, the weekly report and the command line.

- *This month / quarter / year*: the calendar month, quarter or year containing today.
- *The last N months*: from the day after the same date N months back up to today (on
  2 Dec 2026 the last 12 months are 3 Dec 2025 – 2 Dec 2026); the period before it is the N
  months just before. Reverse planning learns from such a period, and it is the command
  line's default period.
- *Health*: the health rules judge conversion (the cohort created in the period) and activity
  over the last :data:`HEALTH_DAYS` days up to the day the pipeline is looked at.
"""

from __future__ import annotations

import calendar
from datetime import date, timedelta

from .dates import parse_date, period_of
from .errors import ValidationError
from .values import Period

#: Named periods: code → months back for the rolling ones.
LAST_MONTHS = {"last6": 6, "last12": 12, "last24": 24}
#: The health rules judge conversion and activity over this many days up to the as-of day.
HEALTH_DAYS = 90


def months_before(day: date, n: int) -> date:
    """The same date ``n`` months earlier (the month's last day when it is shorter)."""
    m = day.year * 12 + day.month - 1 - n
    year, month = divmod(m, 12)
    month += 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def last_months(today: date, n: int) -> Period:
    """The last ``n`` months up to and including ``today``."""
    return Period(months_before(today, n) + timedelta(days=1), today)


def make_period(start: str | date | None, end: str | date | None, *,
                today: date) -> Period:
    """A period from optional bounds: defaults are the last 12 months up to today (or up to
    ``end``), as :func:`last_months` defines them."""
    s = parse_date(start, field="from") if start is not None else None
    e = parse_date(end, field="to") if end is not None else None
    e = e or today
    s = s or last_months(e, 12).start
    if s > e:
        raise ValidationError("period_invalid", "from", start=s.isoformat(), end=e.isoformat())
    return Period(s, e)


def calendar_period(kind: str, day: date) -> Period:
    """The calendar week (Monday first), month, quarter or year containing ``day``."""
    return period_of(kind, day)


def named_period(code: str, today: date, custom: Period | None = None) -> Period:
    """The period a name stands for: ``month`` / ``quarter`` / ``year`` (calendar),
    ``last6`` / ``last12`` / ``last24`` (rolling, up to today), ``custom`` (its dates)."""
    if code in ("month", "quarter", "year"):
        return calendar_period(code, today)
    if code in LAST_MONTHS:
        return last_months(today, LAST_MONTHS[code])
    if code == "custom":
        if custom is None:
            raise ValueError("a custom period needs its dates")
        return custom
    raise ValueError(code)


def previous_period(code: str, period: Period) -> Period:
    """The period compared with: the calendar month / quarter / year before, the N months
    before the last N months, or (custom) the same number of days just before."""
    if code in ("month", "quarter", "year"):
        return calendar_period(code, period.start - timedelta(days=1))
    if code in LAST_MONTHS:
        return last_months(period.start - timedelta(days=1), LAST_MONTHS[code])
    length = (period.end - period.start).days + 1
    return Period(period.start - timedelta(days=length), period.start - timedelta(days=1))


def health_period(day: date) -> Period:
    """The days the health rules judge conversion and activity over: the last
    :data:`HEALTH_DAYS` days up to and including ``day``."""
    return Period(day - timedelta(days=HEALTH_DAYS - 1), day)
