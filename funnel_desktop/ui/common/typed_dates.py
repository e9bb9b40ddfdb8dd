"""A date as people type it: ISO (2026-11-24, 2026/11/24, 2026年11月24日, 20261124) or the
locale's own short form (11/24/2026 in the US, 24/11/2026 in Britain, 2026/11/24 in China),
and how the date understood is written back (the locale's long form, with the weekday)."""

from __future__ import annotations

import re
from datetime import date
from typing import cast

from PySide6.QtCore import QDate, QLocale

from ...core.dates import check_day, parse_date
from ...core.errors import ValidationError

_DIGITS = re.compile(r"\d{8}")
_YY = re.compile(r"(?<!y)yy(?!y)")


def locale_formats(locale: QLocale) -> list[str]:
    """The Qt formats the locale writes short dates in, with a four-digit year (and the
    two-digit one as written)."""
    short = locale.dateFormat(QLocale.FormatType.ShortFormat)
    out = []
    for fmt in (_YY.sub("yyyy", short), short):
        for variant in (fmt, fmt.replace("dd", "d").replace("MM", "M")):
            if variant not in out:
                out.append(variant)
    return out


def parse_typed_date(text: str, locale: QLocale | None = None, *,
                     field: str = "date") -> date | None:
    """The date ``text`` means (None when empty): the ISO forms first, then the locale's.

    Raises :class:`ValidationError` ``date_invalid`` for text that is no date in any of them
    (and ``date_out_of_range`` for a day outside the dates kept)."""
    text = text.strip()
    if not text:
        return None
    try:
        return parse_date(text, field=field)
    except ValidationError as err:
        if err.code != "date_invalid":
            raise
    if _DIGITS.fullmatch(text):
        try:
            return check_day(date(int(text[:4]), int(text[4:6]), int(text[6:])), field)
        except ValueError:
            pass
    locale = locale or QLocale()
    for fmt in locale_formats(locale):
        qd = locale.toDate(text, fmt)
        if not qd.isValid():
            qd = QDate.fromString(text, fmt)
        if qd.isValid():
            day = cast(date, qd.toPython())
            if "yyyy" not in fmt and day.year < 2000:
                day = day.replace(year=day.year + 100)  # 26 is 2026, not 1926
            return check_day(day, field)
    raise ValidationError("date_invalid", field, value=text)


def example(locale: QLocale | None = None, day: date = date(2026, 11, 24)) -> str:
    """``2026-11-24 or 11/24/2026``: the forms a date field reads, by example."""
    locale = locale or QLocale()
    qd = QDate(day.year, day.month, day.day)
    own = locale.toString(qd, locale_formats(locale)[0])
    iso = day.isoformat()
    return iso if own in ("", iso) else f"{iso}  ·  {own}"


def spoken(day: date, locale: QLocale | None = None) -> str:
    """The date in the locale's long form with its weekday (``Tuesday, November 24, 2026``,
    ``2026年11月24日星期二``)."""
    locale = locale or QLocale()
    return locale.toString(QDate(day.year, day.month, day.day), QLocale.FormatType.LongFormat)
