"""How names look on screen (avatars); numbers, money and dates come from
:class:`funnel_desktop.locale_format.Formatter` (QLocale; 万 and 亿 in Chinese)."""

from __future__ import annotations

from ...locale_format import CURRENCY_SYMBOLS, Formatter, money_settings

__all__ = ["Formatter", "apply_money_settings", "avatar_colour", "currency_symbol", "initials"]

#: Friendly, distinguishable colours for owner avatars (picked by a stable hash of the name).
AVATAR_COLOURS = ("#2563eb", "#0891b2", "#7c3aed", "#db2777", "#ea580c", "#059669", "#4f46e5",
                  "#0d9488", "#9333ea", "#c2410c")


def currency_symbol(code: str) -> str:
    """The sign shown before amounts for an ISO currency code (``CNY`` → ``¥``)."""
    return CURRENCY_SYMBOLS.get(code, code or "¥")


def apply_money_settings(fmt: Formatter) -> None:
    """Set the currency sign and the 万 choice of ``fmt`` from the open database's settings
    (``currency`` as an ISO code; an older ``currency_symbol`` is still understood)."""
    fmt.currency, wan = money_settings()
    fmt.wan = wan and fmt.zh


def initials(name: str) -> str:
    """``Alice Chen`` → ``AC``; Chinese names → the last character (``王小明`` → ``明``), the way
    small avatars show them."""
    name = name.strip()
    if not name:
        return "?"
    if any("\u3400" <= ch <= "\u9fff" for ch in name):
        return name[-1]
    parts = [p for p in name.replace(".", " ").split() if p]
    if len(parts) >= 2:
        return (parts[0][0] + parts[-1][0]).upper()
    return parts[0][:2].upper()


def avatar_colour(name: str) -> str:
    """A stable colour for a person's name."""
    h = 0
    for ch in name:
        h = (h * 31 + ord(ch)) & 0xFFFFFFFF
    return AVATAR_COLOURS[h % len(AVATAR_COLOURS)]
