"""The weekly notes the report dialog shows."""

from __future__ import annotations

from funnel_desktop.services import Services
from funnel_desktop.store.db import OpenedDatabase
from funnel_desktop.store.weekly_notes import note_text


def test_a_note_per_week_and_scope(any_db: OpenedDatabase):
    assert note_text("2026-W47", "all") == ""
    Services(user="t").save_weekly_note("2026-W47", "team:3", "Call the 3 stalled leads")
    assert note_text("2026-W47", "team:3") == "Call the 3 stalled leads"
    assert note_text("2026-W47", "all") == note_text("2026-W48", "team:3") == ""
