"""Error messages by code and the number/date formats of both languages."""

from __future__ import annotations

import string
from datetime import date
from typing import Any

import pytest

from funnel_desktop.core.errors import MESSAGES, FunnelError, StoreError, ValidationError
from funnel_desktop.ui.common.fmt import Formatter, avatar_colour, initials
from funnel_desktop.ui.common.messages import _templates, error_text


def params_of(template: str) -> dict[str, str]:
    """A value for every placeholder of a template (``kind`` is won/lost)."""
    names = {n for _t, n, _f, _c in string.Formatter().parse(template) if n}
    return {n: ("won" if n == "kind" else f"<{n}>") for n in names}


def test_every_error_code_has_a_translatable_message(qapp: Any) -> None:
    assert set(_templates()) == set(MESSAGES)


@pytest.mark.parametrize("code", sorted(MESSAGES))
def test_english_text_matches_the_core_template(qapp: Any, code: str) -> None:
    err = FunnelError(code, **params_of(MESSAGES[code]))
    assert error_text(err) == err.english()
    assert "{" not in error_text(err)


def test_parameters_are_filled_literally(qapp: Any) -> None:
    err = ValidationError("amount_invalid", "amount", value="{value} 5")
    assert error_text(err) == "“{value} 5” is not an amount. Write it like 12,500.00."
    assert error_text(StoreError("db_locked", path="C:/x.sqlite")) == (
        "The database C:/x.sqlite is in use by another program. Close it there, or wait "
        "and try again.")
    assert error_text(FunnelError("no_such_code")) == "no_such_code"


@pytest.mark.parametrize(("minor", "en", "zh"), [
    (0, "¥0", "¥0"),
    (1_250_000, "¥12,500", "¥1.25万"),
    (999_900, "¥9,999", "¥9,999"),
    (1_000_000, "¥10,000", "¥1万"),
    (12_500_000, "¥125,000", "¥12.5万"),
    (123_456_789, "¥1,234,568", "¥123.46万"),
    (10_000_000_000, "¥100,000,000", "¥1亿"),
    (-5_000_000, "-¥50,000", "-¥5万"),
])
def test_money(qapp: Any, minor: int, en: str, zh: str) -> None:
    assert Formatter("en").money(minor) == en
    assert Formatter("zh").money(minor) == zh


def test_money_variants(qapp: Any) -> None:
    zh = Formatter("zh")
    assert zh.money(12_500_000, short=False) == "¥125,000"
    assert zh.money(12_500_000, symbol=False) == "12.5万"
    en = Formatter("en", currency="$")
    assert en.money(1_234_500) == "$12,345"
    assert en.amount_input(1_250_050) == "12,500.50"
    assert en.amount_input(1_250_000) == "12,500"
    assert en.amount_input(None) == ""
    assert en.count(1234567) == "1,234,567"
    assert en.percent(0.4712) == "47%" and en.percent(None) == "—"


def test_dates(qapp: Any) -> None:
    today = date(2026, 11, 24)
    en, zh = Formatter("en"), Formatter("zh")
    assert en.day_short(date(2026, 12, 3), today) == "Dec 3"
    assert en.day_short(date(2027, 1, 8), today) == "Jan 8, 2027"
    assert zh.day_short(date(2026, 12, 3), today) == "12月3日"
    assert zh.day_short(date(2027, 1, 8), today) == "2027年1月8日"
    assert en.day_short(None) == "—" and en.day(date(2026, 1, 2)) == "2026-01-02"


def test_initials_and_avatar_colours() -> None:
    assert initials("Alice Chen") == "AC"
    assert initials("Mr. Hall") == "MH"
    assert initials("madonna") == "MA"
    assert initials("张伟") == "伟"
    assert initials("王小明") == "明"
    assert initials("  ") == "?"
    assert avatar_colour("Alice Chen") == avatar_colour("Alice Chen")
