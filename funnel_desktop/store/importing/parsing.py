"""Parsing imported cells: dates in a chosen format, amounts (1,234.56 · 1.234,56 · ¥ · 万)."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, datetime, time
from decimal import Decimal
from typing import Any

from ...core.dates import check_day, parse_date
from ...core.errors import ValidationError
from ...core.limits import MAX_AMOUNT
from ...core.money import parse_amount, too_large

#: Date formats a mapping can name; "auto" accepts the ISO-like ones below.
DATE_FORMATS: dict[str, tuple[str, ...]] = {
    "auto": ("%Y-%m-%d", "%Y/%m/%d", "%Y.%m.%d", "%Y年%m月%d日"),
    "YYYY-MM-DD": ("%Y-%m-%d",),
    "DD/MM/YYYY": ("%d/%m/%Y",),
    "MM/DD/YYYY": ("%m/%d/%Y",),
    "DD.MM.YYYY": ("%d.%m.%Y",),
    "YYYY/MM/DD": ("%Y/%m/%d",),
    "YYYY年MM月DD日": ("%Y年%m月%d日",),
}
_TIMES = (" %H:%M:%S", " %H:%M", "T%H:%M:%S", "T%H:%M")
#: Amount formats: which mark is the decimal separator ("auto" guesses per cell).
AMOUNT_FORMATS: dict[str, bool | None] = {"auto": None, "1,234.56": False, "1.234,56": True}
#: Date-only values become this UTC time of day, which is the same calendar day in every
#: time zone from UTC−11 to UTC+11 (so the day shown never shifts).
DATE_ONLY_TIME = time(12, 0)
_PLAIN = re.compile(r"(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d{1,2}))?")
_NEUTRALISED = ("'=", "'+", "'-", "'@", "'\t", "'\r")


def clean_text(value: Any) -> str:
    """A cell as text: trimmed, None → "", and an export's formula guard (a leading
    apostrophe before = + - @ tab or CR) taken off again."""
    if type(value) is str:
        return (value[1:] if value.startswith(_NEUTRALISED) else value).strip()
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime):
        return value.isoformat(sep=" ")
    if isinstance(value, date):
        return value.isoformat()
    text = str(value)
    if text.startswith(_NEUTRALISED):
        text = text[1:]
    return text.strip()


def memoised(parse: Callable[[Any], Any]) -> Callable[[Any], Any]:
    """``parse`` remembering its result (or its ValidationError) per distinct text: dates
    and amounts repeat a lot in real files."""
    cache: dict[str, Any] = {}

    def run(value: Any) -> Any:
        if type(value) is not str:
            return parse(value)
        try:
            result = cache[value]
        except KeyError:
            try:
                result = parse(value)
            except ValidationError as exc:
                result = exc
            cache[value] = result
        if isinstance(result, ValidationError):
            raise result
        return result

    return run


def parse_moment(value: Any, fmt: str = "auto", *, field: str = "date") -> datetime | None:
    """A date or date-and-time cell as a naive UTC datetime; empty → None. A date without a
    time (also a spreadsheet date cell at 00:00) becomes 12:00.

    Raises :class:`ValidationError` (``date_invalid``) for text that fits no format."""
    if value is None:
        return None
    if isinstance(value, datetime):
        check_day(value.date(), field)
        if value.time() == time(0, 0):  # a spreadsheet date cell: a day, not midnight
            return datetime.combine(value.date(), DATE_ONLY_TIME)
        return value.replace(tzinfo=None, microsecond=0)
    if isinstance(value, date):
        return datetime.combine(check_day(value, field), DATE_ONLY_TIME)
    text = clean_text(value)
    if not text:
        return None
    formats = DATE_FORMATS.get(fmt, DATE_FORMATS["auto"])
    try:
        day = parse_date(text, field=field, formats=formats)
    except ValidationError:
        if len(text) <= 40:
            for f in formats:
                for t in _TIMES:
                    try:
                        moment = datetime.strptime(text, f + t)
                    except ValueError:
                        continue
                    check_day(moment.date(), field)
                    return moment
        raise
    return datetime.combine(day, DATE_ONLY_TIME) if day else None


def parse_money(value: Any, fmt: str = "auto", *, scale: int = 1,
                field: str = "amount") -> int | None:
    """An amount cell in minor units (``scale`` 10000: the column is in 万); empty → None.
    At most ``MAX_AMOUNT`` after scaling (``amount_too_large``), as the services allow."""
    if value is None or isinstance(value, bool):
        if isinstance(value, bool):
            raise ValidationError("amount_invalid", field, value=str(value))
        return None
    if isinstance(value, int | float | Decimal):
        minor = parse_amount(value, field=field)
        text = str(value)
    else:
        text = clean_text(value)
        if not text:
            return None
        plain = _PLAIN.fullmatch(text) if fmt != "1.234,56" and len(text) <= 16 else None
        if plain is not None:  # 1234 · 1,234 · 1,234.5 · 1234.56: no Decimal needed
            whole, cents = plain.group(1).replace(",", ""), (plain.group(2) or "").ljust(2, "0")
            minor = int(whole) * 100 + int(cents)
            if scale == 1 and minor <= MAX_AMOUNT:
                return minor
        else:
            minor = parse_amount(text, decimal_comma=AMOUNT_FORMATS.get(fmt), field=field)
    if minor * scale > MAX_AMOUNT:
        raise too_large(text + ("万" if scale == 10000 else ""), field)
    return minor * scale


def parse_probability(value: Any, *, field: str = "probability") -> int | None:
    """0–100 (a trailing % allowed; 0.25 from a percent-formatted XLSX cell → 25)."""
    if value is None:
        return None
    if isinstance(value, float) and 0 < value < 1:
        value = round(value * 100, 6)
    text = clean_text(value).rstrip("%").strip()
    if not text:
        return None
    try:
        number = Decimal(text)
    except ArithmeticError:
        raise ValidationError("probability_invalid", field, value=str(value)) from None
    if number != number.to_integral_value() or not 0 <= number <= 100:
        raise ValidationError("probability_invalid", field, value=str(value))
    return int(number)
