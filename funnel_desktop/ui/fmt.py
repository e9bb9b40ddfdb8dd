"""How names look on screen (avatars); numbers, money and dates come from
:class:`funnel_desktop.locale_format.Formatter` (QLocale; 万 and 亿 in Chinese)."""

from __future__ import annotations

from ..locale_format import Formatter

__all__ = ["Formatter", "avatar_colour", "initials"]

#: Friendly, distinguishable colours for owner avatars (picked by a stable hash of the name).
AVATAR_COLOURS = ("#2563eb", "#0891b2", "#7c3aed", "#db2777", "#ea580c", "#059669", "#4f46e5",
                  "#0d9488", "#9333ea", "#c2410c")


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
