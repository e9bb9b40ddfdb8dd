"""How numbers, money, dates and names look on screen (QLocale; 万 and 亿 in Chinese)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, QLocale

#: Friendly, distinguishable colours for owner avatars (picked by a stable hash of the name).
AVATAR_COLOURS = ("#2563eb", "#0891b2", "#7c3aed", "#db2777", "#ea580c", "#059669", "#4f46e5",
                  "#0d9488", "#9333ea", "#c2410c")


class Formatter:
    """Formats for one UI language: ``en`` (thousands separators) or ``zh`` (万 / 亿)."""

    def __init__(self, lang: str = "en", currency: str = "¥") -> None:
        self.zh = lang.startswith("zh")
        self.currency = currency
        self.locale = (QLocale(QLocale.Language.Chinese, QLocale.Country.China) if self.zh
                       else QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
        self.locale.setNumberOptions(QLocale.NumberOption.DefaultNumberOptions)

    # -- numbers ----------------------------------------------------------------------------
    def count(self, n: int) -> str:
        """``12345`` → ``12,345``."""
        return self.locale.toString(int(n))

    def percent(self, value: float | None, decimals: int = 0) -> str:
        """A rate in [0, 1] as ``42%`` (``—`` when unknown)."""
        if value is None:
            return "—"
        return self.locale.toString(value * 100, "f", decimals) + "%"

    def money(self, minor: int | float, *, short: bool = True, symbol: bool = True) -> str:
        """Minor units as whole major units: ``¥12,500``; in Chinese, from 10,000 on,
        ``¥12.5万`` (and ``¥1.2亿``) when ``short``."""
        major = minor / 100
        sign = "-" if major < 0 else ""
        major = abs(major)
        if self.zh and short and round(major) >= 10_000:
            value, unit = ((major / 100_000_000, "亿") if major >= 100_000_000
                           else (major / 10_000, "万"))
            digits = self.locale.toString(value, "f", 2)
            point = self.locale.decimalPoint()
            if point in digits:
                digits = digits.rstrip("0").rstrip(point)
            text = digits + unit
        else:
            text = self.locale.toString(round(major))
        return sign + (self.currency if symbol else "") + text

    def amount_input(self, minor: int | None) -> str:
        """Minor units as text for an input field (``12,500`` or ``12,500.50``; both parse
        back)."""
        if minor is None:
            return ""
        whole, cents = divmod(int(minor), 100)
        text = f"{whole:,}"
        return f"{text}.{cents:02d}" if cents else text

    # -- dates ------------------------------------------------------------------------------
    def day_short(self, d: date | None, today: date | None = None) -> str:
        """``Dec 3`` / ``12月3日`` this year, with the year otherwise; ``—`` for none."""
        if d is None:
            return "—"
        qd = QDate(d.year, d.month, d.day)
        this_year = (today or date.today()).year == d.year
        if self.zh:
            return qd.toString("M月d日" if this_year else "yyyy年M月d日")
        return self.locale.toString(qd, "MMM d" if this_year else "MMM d, yyyy")

    def day(self, d: date | None) -> str:
        """ISO date ``2026-11-24`` (unambiguous in both languages); ``—`` for none."""
        return d.isoformat() if d is not None else "—"


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
