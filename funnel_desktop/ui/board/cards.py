"""What a card warns about (no Qt): idle past the stage's limit, next step, close date."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from ...store.screen_queries import CardFacts


@dataclass(frozen=True, slots=True)
class CardFlags:
    """The warnings of one open deal."""

    idle: int  # whole days since the last stage change or activity
    rotting: bool  # idle longer than the stage allows (or the default limit)
    next_step_missing: bool
    next_step_overdue: bool
    close_passed: bool

    @property
    def severe(self) -> bool:
        """Red: the deal is rotting or its expected close date has passed."""
        return self.rotting or self.close_passed

    @property
    def warning(self) -> bool:
        """Amber: the next step is missing or overdue."""
        return self.next_step_missing or self.next_step_overdue


def card_flags(card: CardFacts, today: date) -> CardFlags:
    """Flags of a card; closed deals carry none."""
    if card.closed_at is not None:
        return CardFlags(0, False, False, False, False)
    moments = [m for m in (card.stage_entered_at, card.last_activity_at) if m is not None]
    # calendar days, as the health findings count them (core.health.idle_days_of)
    idle = max(0, (today - max(moments).date()).days) if moments else 0
    rotting = card.idle_days is not None and idle > card.idle_days
    missing = not card.next_step.strip()
    overdue = not missing and card.next_step_due is not None and card.next_step_due < today
    passed = card.expected_close is not None and card.expected_close < today
    return CardFlags(idle, rotting, missing, overdue, passed)
