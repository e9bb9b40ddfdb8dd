"""Validation of the values a service is given (raises ValidationError, writes nothing)."""

from __future__ import annotations

import json
from datetime import date
from typing import Any

from ..core.dates import parse_date
from ..core.errors import ValidationError
from ..core.money import parse_amount

CHOICES: dict[str, tuple[str, ...]] = {
    "project_type": ("", "big", "small"),
    "priority": ("high", "medium", "low"),
    "intent": ("", "high", "medium", "low"),
    "class_manual": ("", "A", "B", "C", "D"),
    "role": ("", "decision_maker", "technical", "buyer", "user", "coach"),
    "attitude": ("supporter", "neutral", "opponent"),
    "kind": ("call", "visit", "email", "meeting", "note", "task"),
}


def amount(value: Any, field: str = "amount") -> int:
    """Minor units from an int (already minor units) or text (major units, parsed)."""
    if isinstance(value, int) and not isinstance(value, bool):
        if value < 0:
            raise ValidationError("amount_negative", field, value=str(value / 100))
        return value
    return parse_amount(value, field=field)


def optional_amount(value: Any, field: str) -> int | None:
    if value is None or value == "":
        return None
    return amount(value, field)


def probability(value: Any) -> int | None:
    if value is None or value == "":
        return None
    try:
        p = int(str(value).strip().rstrip("%"))
    except ValueError:
        raise ValidationError("probability_invalid", "probability", value=str(value)) from None
    if not 0 <= p <= 100 or (isinstance(value, float) and value != p):
        raise ValidationError("probability_invalid", "probability", value=str(value))
    return p


def day(value: Any, field: str) -> date | None:
    return parse_date(value, field=field)


def text(value: Any, field: str, *, required: bool = False, code: str = "name_required") -> str:
    s = "" if value is None else str(value).strip()
    if required and not s:
        raise ValidationError(code, field)
    return s


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
        except ValueError:
            raise ValidationError("json_invalid", "json", value=value[:40]) from None
        return value
    return json.dumps(value, ensure_ascii=False, sort_keys=True)
