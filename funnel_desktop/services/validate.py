"""Validation of the values a service is given (raises ValidationError, writes nothing).

The bounds come from ``core.limits``: amounts (``MAX_AMOUNT``), dates (``MIN_DATE`` …
``MAX_DATE``), names (``MAX_NAME_CHARS``, what a ``VARCHAR(255)`` column holds) and long text
(``MAX_TEXT_CHARS``)."""

from __future__ import annotations

import json
import re
from datetime import date
from typing import Any

from ..core.dates import parse_date
from ..core.errors import ValidationError, printable
from ..core.limits import MAX_NAME_CHARS, MAX_PROBABILITY, MAX_TEXT_CHARS
from ..core.money import check_amount, parse_amount

CHOICES: dict[str, tuple[str, ...]] = {
    "project_type": ("", "big", "small"),
    "priority": ("high", "medium", "low"),
    "intent": ("", "high", "medium", "low"),
    "class_manual": ("", "A", "B", "C", "D"),
    "role": ("", "decision_maker", "technical", "buyer", "user", "coach"),
    "attitude": ("supporter", "neutral", "opponent"),
    "kind": ("call", "visit", "email", "meeting", "note", "task"),
}


#: Fields that hold long text (a ``TEXT`` column); every other text field is a name.
LONG_TEXT_FIELDS = frozenset({
    "notes", "needs", "pain_points", "credit_notes", "close_note", "note", "text",
    "questions", "checklist", "assessment", "json", "contact_notes"})
#: Characters no text may hold: NUL (PostgreSQL refuses it) and lone surrogates (not text).
_UNKEEPABLE = re.compile("[\x00\ud800-\udfff]")


def amount(value: Any, field: str = "amount") -> int:
    """Minor units from an int (already minor units) or text (major units, parsed); at most
    ``MAX_AMOUNT``."""
    if isinstance(value, int) and not isinstance(value, bool):
        return check_amount(value, field)
    return parse_amount(value, field=field)


def optional_amount(value: Any, field: str) -> int | None:
    if value is None or value == "":
        return None
    return amount(value, field)


def probability(value: Any) -> int | None:
    """A whole percentage from 0 to ``MAX_PROBABILITY`` (``"40"``, ``"40%"`` and ``40.0``
    too); None for nothing."""
    if value is None or value == "":
        return None
    shown = value if not isinstance(value, int) or abs(value) < 10**40 else "…"
    if isinstance(value, bool):
        p = None
    elif isinstance(value, int):
        p = value
    elif isinstance(value, float):
        p = int(value) if value.is_integer() else None
    else:
        s = str(value).strip().rstrip("%").strip()
        p = int(s) if re.fullmatch(r"[+-]?\d{1,6}", s) else None
    if p is None or not 0 <= p <= MAX_PROBABILITY:
        raise ValidationError("probability_invalid", "probability", value=str(shown)[:40])
    return p


def day(value: Any, field: str) -> date | None:
    return parse_date(value, field=field)


def text(value: Any, field: str, *, required: bool = False, code: str = "name_required",
         limit: int | None = None) -> str:
    """Trimmed text; at most ``limit`` characters (default: ``MAX_TEXT_CHARS`` for the
    fields in :data:`LONG_TEXT_FIELDS`, ``MAX_NAME_CHARS`` for the rest)."""
    s = "" if value is None else str(value).strip()
    if required and not s:
        raise ValidationError(code, field)
    return checked_text(s, field, limit)


def checked_text(s: str, field: str, limit: int | None = None) -> str:
    """``s`` itself when a database column can keep it: not too long for the field, no NUL
    and no lone surrogate."""
    if limit is None:
        limit = MAX_TEXT_CHARS if field in LONG_TEXT_FIELDS else MAX_NAME_CHARS
    if len(s) > limit:
        raise ValidationError("text_too_long", field, count=len(s), limit=limit)
    bad = _UNKEEPABLE.search(s)
    if bad is not None:
        raise ValidationError("text_control", field, char=printable(bad.group()))
    return s


def count(value: Any, field: str, *, minimum: int, maximum: int, name: str | None = None
          ) -> int:
    """A whole number from ``minimum`` to ``maximum`` (text such as "12" accepted);
    ``count_invalid`` otherwise, naming ``name`` (default: the field)."""
    if isinstance(value, bool):
        number = None
    elif isinstance(value, int):
        number = value
    elif isinstance(value, float) and value.is_integer():
        number = int(value)
    else:
        s = str(value).strip()
        number = int(s) if re.fullmatch(r"[+-]?\d{1,30}", s) else None
    if number is None or not minimum <= number <= maximum:
        raise ValidationError("count_invalid", field, name=name or field, value=str(value)[:40],
                              minimum=f"{minimum:,}", maximum=f"{maximum:,}")
    return number


def choice(value: Any, field: str, key: str | None = None) -> str:
    options = CHOICES[key or field]
    s = "" if value is None else str(value)
    if s not in options:
        raise ValidationError("choice_invalid", field, value=s,
                              choices=", ".join(o for o in options if o))
    return s


def tri(value: Any) -> bool | None:
    """A yes / no / unknown answer."""
    if value is None or value == "":
        return None
    if isinstance(value, str):
        return value.strip().lower() in ("1", "y", "yes", "true", "是", "+")
    return bool(value)


def json_text(value: Any, default: str) -> str:
    if value is None:
        return default
    if isinstance(value, str):
        try:
            json.loads(value)
        except (ValueError, RecursionError):
            raise ValidationError("json_invalid", "json", value=value[:40]) from None
        return checked_text(value, "json")
    try:
        out = json.dumps(value, ensure_ascii=False, sort_keys=True)
    except (TypeError, ValueError, RecursionError):
        raise ValidationError("json_invalid", "json", value=str(value)[:40]) from None
    return checked_text(out, "json")
