"""Numbers, money, rates and dates for people, in their language (QLocale; 万 in Chinese)."""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import QLocale

#: the type, in the methods below Formatter.date (whose name hides it there)
_Date = date

CURRENCY_SYMBOLS = {"CNY": "¥", "USD": "$", "EUR": "€", "GBP": "£", "HKD": "HK$", "JPY": "¥",
                    "TWD": "NT$", "SGD": "S$"}
DASH = "—"


class Formatter:
    """Formats for one language: ``Formatter("zh")`` writes ¥12.5万, ``Formatter("en")``
    writes ¥125,000. Money arrives in minor units. ``currency`` is a symbol (``¥``) or an ISO
    code (``CNY``); ``wan`` shows large Chinese amounts in 万 and 亿."""

    def __init__(self, lang: str = "en", currency: str = "¥", wan: bool = True) -> None:
        self.zh = lang.startswith("zh")
        self.locale = QLocale(QLocale.Language.Chinese, QLocale.Country.China) if self.zh \
            else QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)
        self.locale.setNumberOptions(QLocale.NumberOption.DefaultNumberOptions)
        self.currency = CURRENCY_SYMBOLS.get(currency, currency)
        self.wan = wan and self.zh

    # -- numbers ----------------------------------------------------------------------------
    def count(self, n: int) -> str:
        """``12345`` → ``12,345``."""
        return self.locale.toString(int(n))

    def number(self, value: float | int | None, decimals: int = 0) -> str:
        if value is None:
            return DASH
        if decimals == 0:
            return self.locale.toString(round(value))
        return self.locale.toString(float(value), "f", decimals)

    def percent(self, rate: float | None, decimals: int = 0) -> str:
        """A rate in [0, 1] as ``42%`` (``—`` when unknown)."""
        if rate is None:
            return DASH
        return self.locale.toString(rate * 100, "f", decimals) + "%"

    def days(self, value: float | None) -> str:
        if value is None:
            return DASH
        return self.locale.toString(float(value), "f", 1)

    # -- money ------------------------------------------------------------------------------
    def major(self, minor: float | int | None, *, short: bool = True) -> str:
        """An amount without the currency sign: ``125,000`` or, in Chinese, ``12.5万``."""
        if minor is None:
            return DASH
        value = abs(minor / 100)
        sign = "-" if minor < 0 else ""
        if self.wan and short and round(value) >= 10_000:
            scaled, unit = ((value / 100_000_000, "亿") if value >= 100_000_000
                            else (value / 10_000, "万"))
            return sign + self._trim(scaled, 2) + unit
        return sign + self.locale.toString(round(value))

    def money(self, minor: float | int | None, *, short: bool = True, symbol: bool = True
              ) -> str:
        """Minor units as whole major units with the sign: ``¥12,500``; in Chinese, from
        10,000 on, ``¥12.5万`` (and ``¥1.2亿``) when ``short``."""
        if minor is None:
            return DASH
        text = self.major(abs(minor), short=short)
        return ("-" if minor < 0 else "") + (self.currency if symbol else "") + text

    def signed_money(self, minor: float | int) -> str:
        """A change: ``+¥5,000`` / ``-¥1.2万`` / ``±0``."""
        if not minor:
            return "±0"
        return ("+" if minor > 0 else "-") + self.money(abs(minor))

    def signed(self, value: int) -> str:
        """A change of a count: ``+12`` / ``-2,823`` / ``±0`` (grouped like :meth:`count`)."""
        if not value:
            return "±0"
        return ("+" if value > 0 else "-") + self.count(abs(value))

    def amount_input(self, minor: int | None) -> str:
        """Minor units as text for an input field (``12,500`` or ``12,500.50``; both parse
        back)."""
        if minor is None:
            return ""
        whole, cents = divmod(int(minor), 100)
        text = f"{whole:,}"
        return f"{text}.{cents:02d}" if cents else text

    # -- dates ------------------------------------------------------------------------------
    def date(self, value: date | datetime | None) -> str:
        """A long date: ``Nov 24, 2026`` / ``2026年11月24日``."""
        if value is None:
            return DASH
        if isinstance(value, datetime):
            value = value.date()
        if self.zh:
            return f"{value.year}年{value.month}月{value.day}日"
        return value.strftime("%b %d, %Y").replace(" 0", " ")

    def day_short(self, d: _Date | None, today: _Date | None = None) -> str:
        """``Dec 3`` / ``12月3日`` this year, with the year otherwise; ``—`` for none."""
        if d is None:
            return DASH
        this_year = (today or date.today()).year == d.year
        if self.zh:
            return f"{d.month}月{d.day}日" if this_year else f"{d.year}年{d.month}月{d.day}日"
        text = d.strftime("%b %d").replace(" 0", " ")
        return text if this_year else f"{text}, {d.year}"

    def day(self, d: _Date | None) -> str:
        """ISO date ``2026-11-24`` (unambiguous in both languages); ``—`` for none."""
        return d.isoformat() if d is not None else DASH

    def month(self, key: str) -> str:
        """``2026-11`` → ``2026年11月`` / ``Nov 2026``."""
        year, month = int(key[:4]), int(key[5:7])
        if self.zh:
            return f"{year}年{month}月"
        return date(year, month, 1).strftime("%b %Y")

    def _trim(self, value: float, decimals: int) -> str:
        text = self.locale.toString(float(value), "f", decimals)
        point = self.locale.decimalPoint()
        if point in text:
            text = text.rstrip("0").rstrip(point)
        return text


def money_settings() -> tuple[str, bool]:
    """(currency sign, 万 wanted) from the open database's settings: ``currency`` as an ISO
    code, an older ``currency_symbol`` still understood; ``use_wan``."""
    from .store.queries import get_setting

    code = get_setting("currency", None)
    sign = (CURRENCY_SYMBOLS.get(str(code), str(code)) if code
            else str(get_setting("currency_symbol", "¥") or "¥"))
    return sign, bool(get_setting("use_wan", True))


def database_formatter(lang: str) -> Formatter:
    """The formats for ``lang`` with the open database's currency and 万 settings."""
    return Formatter(lang, *money_settings())
