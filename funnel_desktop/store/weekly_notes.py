"""The owner's weekly notes ("problems and actions") as the report dialog reads them."""

from __future__ import annotations

from .models import WeeklyNote


def note_text(week: str, scope: str) -> str:
    """The note kept for an ISO week (``2026-W47``) and scope key (``all``, ``team:3``);
    empty when there is none."""
    note = WeeklyNote.get_or_none((WeeklyNote.week == week) & (WeeklyNote.scope == scope))
    return note.text if note else ""
