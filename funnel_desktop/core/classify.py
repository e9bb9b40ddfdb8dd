"""Customer qualification: MAN recommendation and A/B/C/D classification."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

#: MAN answers (Money, Authority, Need) → recommended action code.
MAN_ACTIONS: dict[tuple[bool, bool, bool], str] = {
    (True, True, True): "pursue",          # M+A+N ideal, pursue
    (True, True, False): "create_need",    # M+A+n approach, create the need
    (True, False, True): "find_authority",  # M+a+N approach, find who decides
    (False, True, True): "check_credit",   # m+A+N approach, check credit or financing
    (False, False, True): "nurture",       # m+a+N nurture long-term
    (False, True, False): "nurture",       # m+A+n
    (True, False, False): "nurture",       # M+a+n
    (False, False, False): "stop",         # m+a+n not a customer, stop
}


def man_action(money: bool | None, authority: bool | None, need: bool | None) -> str:
    """The recommended action for MAN answers; ``incomplete`` while any is unknown."""
    if money is None or authority is None or need is None:
        return "incomplete"
    return MAN_ACTIONS[(bool(money), bool(authority), bool(need))]


@dataclass(frozen=True, slots=True)
class ClassThresholds:
    """A deal is big at or above ``big_amount`` (minor units), soon within ``soon_days``."""

    big_amount: int = 10_000_000
    soon_days: int = 90


def abcd(size: int, close: date | None, today: date, t: ClassThresholds) -> str:
    """A big and soon · B small and soon · C big but far · D small and far (or no date)."""
    big = size >= t.big_amount
    soon = close is not None and (close - today).days <= t.soon_days
    if soon:
        return "A" if big else "B"
    return "C" if big else "D"


def customer_class(open_deals: list[tuple[int, date | None]], today: date,
                   t: ClassThresholds, manual: str = "") -> str:
    """A customer's class from its open deals (size = their sum, time = the nearest expected
    close); a manual class overrides; "" when there is nothing open and no manual class."""
    if manual:
        return manual
    if not open_deals:
        return ""
    size = sum(a for a, _ in open_deals)
    dates = [d for _, d in open_deals if d is not None]
    return abcd(size, min(dates) if dates else None, today, t)
