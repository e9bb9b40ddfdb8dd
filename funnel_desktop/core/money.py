"""Money as integer minor units (分 / cents): parsing user text and plain formatting."""

from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from .errors import ValidationError
from .limits import MAX_AMOUNT, MINOR

__all__ = ["MAX_AMOUNT", "MINOR", "check_amount", "format_plain", "parse_amount", "to_major",
           "to_minor", "too_large"]
#: Digits before the point beyond which no text can be an amount in bounds (a quick refusal
#: of a million nines before any arithmetic).
_MAX_DIGITS = len(str(MAX_AMOUNT // MINOR)) + 4
_CURRENCY = re.compile(r"RMB|CNY|USD|US\$|[¥￥$€£元\s]", re.IGNORECASE)  # whole codes only


def parse_amount(text: str | int | float | Decimal, *, decimal_comma: bool | None = None,
                 field: str = "amount", allow_negative: bool = False) -> int:
    """Parse an amount the way people write it and return minor units.

    Accepts ``12500``, ``12,500.50``, ``1.234,56`` (``decimal_comma=True`` or detected),
    currency signs (¥ $ € £ 元), and the Chinese ten-thousand unit 万 (``12.5万``).
    Raises :class:`ValidationError` for text that is not an amount, is negative or is beyond
    :data:`~funnel_desktop.core.limits.MAX_AMOUNT` (``amount_too_large``).
    """
    if isinstance(text, bool):
        raise ValidationError("amount_invalid", field, value=str(text))
    if isinstance(text, int) and abs(text) > _MAX_WHOLE:  # also beyond int → str's limit
        raise too_large(_shown_int(text), field)
    if isinstance(text, int | float | Decimal):
        try:
            value = Decimal(str(text)) if not isinstance(text, Decimal) else text
        except InvalidOperation:
            raise ValidationError("amount_invalid", field, value=str(text)) from None
    else:
        raw = str(text).strip()
        s = _CURRENCY.sub("", raw)
        factor = Decimal(1)
        if s.endswith("万"):
            factor, s = Decimal(10000), s[:-1]
        elif s.endswith("亿"):
            factor, s = Decimal(100_000_000), s[:-1]
        negative = False
        if s.startswith("-"):
            negative, s = True, s[1:]
        elif s.startswith("(") and s.endswith(")"):  # accountants' (300) for −300
            negative, s = True, s[1:-1]
        if decimal_comma is None:
            # "1.234,56" or "12,5": a comma after the last dot, not followed by 3 digits.
            last_comma, last_dot = s.rfind(","), s.rfind(".")
            decimal_comma = last_comma > last_dot and len(s) - last_comma - 1 != 3
        if decimal_comma:
            s = s.replace(".", "").replace("'", "").replace(",", ".")
        else:
            s = s.replace(",", "").replace("'", "")
        if not re.fullmatch(r"\d+(\.\d+)?|\.\d+", s):
            raise ValidationError("amount_invalid", field, value=raw)
        if len(s.partition(".")[0].lstrip("0")) > _MAX_DIGITS:
            raise too_large(raw, field)
        try:
            value = Decimal(s) * factor
        except InvalidOperation:
            raise ValidationError("amount_invalid", field, value=raw) from None
        if negative:
            value = -value
    if not value.is_finite():
        raise ValidationError("amount_invalid", field, value=str(text))
    if value < 0 and not allow_negative:
        raise ValidationError("amount_negative", field, value=str(text))
    if abs(value) > _MAX_MAJOR:
        raise too_large(str(text), field)
    return int((value * MINOR).quantize(Decimal(1), rounding=ROUND_HALF_UP))


_MAX_MAJOR = Decimal(MAX_AMOUNT) / MINOR
_MAX_WHOLE = MAX_AMOUNT // MINOR


def _shown_int(n: int) -> str:
    """A whole number for a message, even one too long to print in full."""
    if n.bit_length() < 3000:
        return str(n)
    return f"{'-' if n < 0 else ''}≈10^{int(n.bit_length() * 0.30103)}"


def too_large(value: str, field: str = "amount") -> ValidationError:
    """The error for an amount beyond :data:`MAX_AMOUNT` (its message names the limit)."""
    return ValidationError("amount_too_large", field, value=value,
                           limit=format_plain(MAX_AMOUNT))


def check_amount(minor: int, field: str = "amount", *, allow_negative: bool = False) -> int:
    """``minor`` itself when it is an amount in bounds (whole minor units, not negative unless
    allowed, at most :data:`MAX_AMOUNT`); raises :class:`ValidationError` otherwise."""
    if minor < 0 and not allow_negative:
        raise ValidationError("amount_negative", field, value=format_plain(minor, decimals=2))
    if abs(minor) > MAX_AMOUNT:
        raise too_large(format_plain(minor, decimals=2), field)
    return minor


def to_major(minor: int | float) -> float:
    """Minor units to major units (for charts and JSON)."""
    return minor / MINOR


def to_minor(major: float | None) -> int | None:
    """Major units (as the JSON output writes them) back to whole minor units; None stays
    None."""
    return None if major is None else round(major * MINOR)


def format_plain(minor: int | float, *, decimals: int = 0) -> str:
    """``1234567`` minor units → ``12,346`` (no locale; the UI uses QLocale). Exact for
    whole minor units of any size."""
    if isinstance(minor, int):
        value = Decimal(minor) / MINOR
        return f"{value:,.{decimals}f}"
    major = minor / MINOR
    return f"{major:,.{decimals}f}"
