"""Every health finding kind renders as a sentence with its numbers, in both languages."""

from __future__ import annotations

import re

import pytest

from funnel_desktop.core.health import KINDS, Finding
from funnel_desktop.locale_format import Formatter
from funnel_desktop.texts.health import FindingWriter

PARAMS = {
    "too_few_open": {"open": 9, "minimum": 15, "open_amount": 12_300_000, "weighted": 1},
    "low_coverage": {"coverage": 0.9, "minimum": 3.0, "open_amount": 100_000_00, "target": 1,
                     "won": 0, "missing": 250_000_00},
    "bottleneck": {"stage_id": 1, "to_stage_id": 2, "rate": 0.2, "others": 0.6, "ideal": None,
                   "reached": 10, "below_others": True, "below_ideal": False},
    "close_date_passed": {"count": 7, "amount": 64_800_000, "weighted": 1, "max_days": 49},
    "overdue_next_step": {"count": 8, "amount": 6_900_000, "max_days": 8},
    "idle_deals": {"stage_id": 2, "idle_days": 21, "count": 3, "amount": 5_000_000,
                   "max_days": 53},
    "no_decision_maker": {"count": 8, "amount": 52_100_000, "from_stage_id": 2},
    "lumpy_months": {"month": "2026-12", "share": 0.8, "weighted": 31_000_000, "total": 1,
                     "empty_months": ["2027-01"]},
    "busy_but_thin": {"activities": 120, "open": 30, "beyond_first": 4, "share": 0.13,
                      "first_stage_id": 1},
    "no_next_step": {"count": 14, "amount": 51_700_000},
    "only_big": {"below": 1_000_000, "open": 5, "smallest": 9_000_000},
}


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_every_kind_has_a_sentence_with_its_numbers(qapp, kind):
    writer = FindingWriter(Formatter("en"), {1: "Intro", 2: "Proposal"})
    severity, text = writer(Finding(kind, KINDS[kind][0], PARAMS[kind], (1, 2)))
    assert severity == KINDS[kind][0]
    assert text != kind and len(text) > 30
    assert not re.search(r"%\d", text)  # every placeholder filled


def test_sentences_carry_the_formatted_figures(qapp):
    en = FindingWriter(Formatter("en"), {2: "Proposal"})
    zh = FindingWriter(Formatter("zh"), {2: "方案"})
    f = Finding("idle_deals", "medium", PARAMS["idle_deals"])
    assert "Proposal" in en(f)[1] and "$" not in en(f)[1]
    assert "¥50,000" in en(f)[1] and "53" in en(f)[1]
    assert "¥5万" in zh(f)[1] and "方案" in zh(f)[1]
    bottleneck = en(Finding("bottleneck", "high", PARAMS["bottleneck"]))[1]
    assert "20%" in bottleneck and "60%" in bottleneck
