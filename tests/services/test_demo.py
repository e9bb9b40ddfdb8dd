"""The demo business looks healthy with a few real problems: most open cards carry no flag,
and each kind of problem the board flags is still there to be found."""

from __future__ import annotations

from collections import Counter

import pytest

from funnel_desktop.services import Services
from funnel_desktop.services.demo import generate
from funnel_desktop.store.db import OpenedDatabase
from funnel_desktop.store.models import Deal, Stage
from funnel_desktop.store.queries import class_thresholds
from funnel_desktop.store.screen_queries import card_rows
from funnel_desktop.ui.board.cards import card_flags
from tests.conftest import TODAY

KINDS = ("rotting", "close_passed", "next_step_missing", "next_step_overdue")


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_demo_is_a_healthy_business_with_a_few_real_problems(db: OpenedDatabase,
                                                                 lang: str) -> None:
    generate(Services(user="demo"), deals=300, seed=1, lang=lang, today=TODAY)
    ids = [i for (i,) in Deal.select(Deal.id).join(Stage, on=(Deal.stage == Stage.id))
           .where(Stage.kind == "open").tuples()]
    assert len(ids) >= 30
    counts: Counter[str] = Counter()
    for facts in card_rows(ids, TODAY, class_thresholds(), 30).values():
        flags = card_flags(facts, TODAY)
        counts["flagged"] += flags.severe or flags.warning
        counts["red"] += flags.severe
        for kind in KINDS:
            counts[kind] += getattr(flags, kind)
    # about one card in five carries a flag (two in three did), so a flag means something
    assert counts["flagged"] <= 0.3 * len(ids), counts
    assert counts["red"] <= 0.2 * len(ids), counts
    for kind in KINDS:  # and every kind of problem is there to be found
        assert counts[kind] >= 1, (kind, counts)
