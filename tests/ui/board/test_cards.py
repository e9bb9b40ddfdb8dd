"""Card warnings: idle past the stage's limit, or the default limit for stages without one."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from funnel_desktop.core.classify import ClassThresholds
from funnel_desktop.store import screen_queries as sq
from funnel_desktop.store.models import Deal, Stage
from funnel_desktop.ui.board.cards import card_flags

TODAY = date(2026, 11, 24)


def _card(idle_days: int | None, entered: datetime, activity: datetime | None = None
          ) -> sq.CardFacts:
    return sq.CardFacts(1, "Deal", 1, 100, 10, None, None, "", "", "call", None, entered,
                        activity, idle_days, None, "", "")


def test_idle_counts_calendar_days_since_the_last_move_or_activity() -> None:
    # entered late on the 3rd (UTC), an activity on the 10th: 14 calendar days by the 24th
    card = _card(10, datetime(2026, 11, 3, 23, 59), datetime(2026, 11, 10, 0, 1))
    flags = card_flags(card, TODAY)
    assert (flags.idle, flags.rotting) == (14, True)
    assert card_flags(_card(14, datetime(2026, 11, 10)), TODAY).rotting is False  # not longer
    assert card_flags(_card(None, datetime(2025, 1, 1)), TODAY).rotting is False  # no limit


def test_card_rows_fall_back_to_the_default_idle_limit(services: Any) -> None:
    pid = services.create_pipeline("b2b6", "en").value
    first, second = list(Stage.select().where(Stage.pipeline == pid).order_by(Stage.position))[:2]
    Stage.update(idle_days=7).where(Stage.id == first.id).execute()
    Stage.update(idle_days=None).where(Stage.id == second.id).execute()
    a = services.create_deal(pid, first.id, {"title": "A"}).value
    b = services.create_deal(pid, second.id, {"title": "B"}).value
    Deal.update(stage_entered_at=datetime(2026, 10, 1)).execute()
    rows = sq.card_rows([a, b], TODAY, ClassThresholds(), 30)
    assert (rows[a].idle_days, rows[b].idle_days) == (7, 30)
    assert card_flags(rows[b], TODAY).rotting  # 54 days > the default 30
    assert sq.card_rows([b], TODAY, ClassThresholds(), None)[b].idle_days is None


def test_default_idle_days_reads_the_health_setting(services: Any) -> None:
    assert sq.default_idle_days() == 30
    services.set_setting("health_thresholds", {"default_idle_days": 12})
    assert sq.default_idle_days() == 12
    services.set_setting("health_thresholds", {"default_idle_days": None})
    assert sq.default_idle_days() is None
    services.set_setting("health_thresholds", {"no_such_key": 1})  # bad: the default
    assert sq.default_idle_days() == 30
