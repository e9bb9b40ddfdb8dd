"""Numbers, money, rates and dates for people, in their language (QLocale; 万 in Chinese)."""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import QLocale

CURRENCY_SYMBOLS = {"CNY": "¥", "USD": "$", "EUR": "€", "GBP": "£", "HKD": "HK$", "JPY": "¥",
                    "TWD": "NT$", "SGD": "S$"}
DASH = "—"


class Formatter:
    """Formats for one language: ``Formatter("zh")`` writes 12.5万, ``Formatter("en")``
    writes 125,000. Money arrives in minor units."""

    def __init__(self, lang: str = "en", currency: str = "CNY", wan: bool = True) -> None:
        self.zh = lang.startswith("zh")
        self.locale = QLocale(QLocale.Language.Chinese, QLocale.Country.China) if self.zh \
            else QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)
        self.symbol = CURRENCY_SYMBOLS.get(currency, currency + " ")
        self.wan = wan and self.zh

    def number(self, value: float | int | None, decimals: int = 0) -> str:
        if value is None:
            return DASH
        if decimals == 0:
            return self.locale.toString(round(value))
        return self.locale.toString(float(value), "f", decimals)

    def major(self, minor: float | int | None, *, short: bool = True) -> str:
        """An amount without the currency sign: ``125,000`` or, in Chinese, ``12.5万``."""
        if minor is None:
            return DASH
        value = minor / 100
        if self.wan and short and abs(value) >= 10_000:
            if abs(value) >= 100_000_000:
                return self._trim(value / 100_000_000, 2) + "亿"
            return self._trim(value / 10_000, 2 if abs(value) < 1_000_000 else 1) + "万"
        return self.number(value)

    def money(self, minor: float | int | None, *, short: bool = True) -> str:
        """An amount with the currency sign: ``¥125,000`` / ``¥12.5万``."""
        if minor is None:
            return DASH
        sign = "-" if minor < 0 else ""
        return f"{sign}{self.symbol}{self.major(abs(minor), short=short)}"

    def signed_money(self, minor: float | int) -> str:
        """A change: ``+¥5,000`` / ``-¥1.2万`` / ``±0``."""
        if not minor:
            return "±0"
        return ("+" if minor > 0 else "-") + self.money(abs(minor))

    def signed(self, value: int) -> str:
        return "±0" if not value else f"{value:+d}"

    def percent(self, rate: float | None, decimals: int = 1) -> str:
        if rate is None:
            return DASH
        return self.locale.toString(rate * 100, "f", decimals) + "%"

    def days(self, value: float | None) -> str:
        if value is None:
            return DASH
        return self.locale.toString(float(value), "f", 1)

    def date(self, value: date | datetime | None) -> str:
        if value is None:
            return DASH
        if isinstance(value, datetime):
            value = value.date()
        if self.zh:
            return f"{value.year}年{value.month}月{value.day}日"
        return value.strftime("%b %d, %Y").replace(" 0", " ")

    def short_date(self, value: date | datetime | None) -> str:
        if value is None:
            return DASH
        if isinstance(value, datetime):
            value = value.date()
        return f"{value.month}月{value.day}日" if self.zh else value.strftime("%b %d").replace(
            " 0", " ")

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
