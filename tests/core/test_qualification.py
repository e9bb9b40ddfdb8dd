"""MAN recommendation and A/B/C/D classification (DOMAIN.md "Customers")."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from funnel_desktop.core.classify import ClassThresholds, abcd, customer_class, man_action

TODAY = date(2026, 11, 24)
T = ClassThresholds(big_amount=10_000_000, soon_days=90)  # 100,000 yuan, 90 days


@pytest.mark.parametrize(("money", "authority", "need", "action"), [
    (True, True, True, "pursue"),            # M+A+N ideal, pursue
    (True, True, False, "create_need"),      # M+A+n approach, create the need
    (True, False, True, "find_authority"),   # M+a+N approach, find who decides
    (False, True, True, "check_credit"),     # m+A+N approach, check credit or financing
    (False, False, True, "nurture"),         # m+a+N nurture long-term
    (False, True, False, "nurture"),         # m+A+n
    (True, False, False, "nurture"),         # M+a+n
    (False, False, False, "stop"),           # m+a+n not a customer, stop
])
def test_man_recommendation(money: bool, authority: bool, need: bool, action: str):
    assert man_action(money, authority, need) == action


@pytest.mark.parametrize("answers", [(None, True, True), (True, None, True),
                                     (True, True, None), (None, None, None)])
def test_man_with_an_unknown_answer_is_incomplete(answers):
    assert man_action(*answers) == "incomplete"


@pytest.mark.parametrize(("size", "days", "cls"), [
    (10_000_000, 90, "A"),    # big (at the threshold) and soon (at the limit)
    (50_000_000, 10, "A"),
    (9_999_999, 30, "B"),     # small and soon
    (10_000_000, 91, "C"),    # big but far
    (20_000_000, None, "C"),  # big, no date: not soon
    (100_000, 200, "D"),      # small and far
    (100_000, None, "D"),
])
def test_abcd_quadrants(size: int, days: int | None, cls: str):
    close = TODAY + timedelta(days=days) if days is not None else None
    assert abcd(size, close, TODAY, T) == cls


def test_a_customers_class_sums_its_open_deals_and_takes_the_nearest_date():
    soon, far = TODAY + timedelta(days=30), TODAY + timedelta(days=300)
    # 6,000,000 + 6,000,000 = 12,000,000 ≥ big; nearest close in 30 days → A
    assert customer_class([(6_000_000, far), (6_000_000, soon)], TODAY, T) == "A"
    assert customer_class([(6_000_000, far)], TODAY, T) == "D"
    assert customer_class([(6_000_000, None), (6_000_000, far)], TODAY, T) == "C"
    assert customer_class([], TODAY, T) == ""


def test_a_manual_class_overrides():
    soon = TODAY + timedelta(days=5)
    assert customer_class([(50_000_000, soon)], TODAY, T, manual="D") == "D"
    assert customer_class([], TODAY, T, manual="B") == "B"
