"""``history.as_of`` gives back the data itself when nothing happened after the moment, and
that shortcut equals the full rebuild."""

from __future__ import annotations

import dataclasses
from datetime import datetime, timedelta

import pytest

from funnel_desktop.core.history import as_of, happened_after, rebuild_as_of
from funnel_desktop.core.values import DealFacts, FieldChange, FunnelData, StageVisit
from funnel_desktop.store.queries import first_pipeline, load_changes, load_funnel
from tests.core.test_as_of_history import STAGES, at, business


def _same(a: FunnelData, b: FunnelData) -> bool:
    """Equal deals in order, equal stays in any order (the rebuild groups them by deal)."""
    key = lambda v: (v.deal_id, v.entered, v.stage_id, v.left or datetime.max)  # noqa: E731
    return a.deals == b.deals and sorted(a.visits, key=key) == sorted(b.visits, key=key)


def test_nothing_after_the_moment_gives_the_data_itself():
    data, changes = business()  # the last thing: an activity on Mar 20, a stay on Apr 1
    assert not happened_after(data, changes, at(4, 1))
    assert as_of(data, changes, at(4, 1)) is data
    assert _same(rebuild_as_of(data, changes, at(4, 1)), data)


@pytest.mark.parametrize("later", [
    "created", "closed", "stage_entered", "last_activity", "entered", "left", "change"])
def test_each_kind_of_later_event_is_seen(later):
    moment = at(6, 1)
    after = moment + timedelta(seconds=1)
    deal = DealFacts(1, 1, 100_000, at(1, 1), stage_entered=at(1, 1))
    visit = StageVisit(1, 1, at(1, 1), None)
    changes: list[FieldChange] = []
    if later in ("created", "closed", "stage_entered", "last_activity"):
        deal = dataclasses.replace(deal, **{later: after})
    elif later == "entered":
        visit = StageVisit(1, 1, after, None)
    elif later == "left":
        visit = StageVisit(1, 1, at(1, 1), after)
    else:
        changes = [FieldChange(1, "amount", "50000", "100000", after)]
    data = FunnelData(STAGES, [deal], [visit])
    assert happened_after(data, changes, moment)
    assert as_of(data, changes, moment) is not data
    # exactly at the moment is not after it
    assert not happened_after(FunnelData(STAGES, [DealFacts(1, 1, 1, moment)], []), [], moment)


def test_the_demo_fast_path_equals_the_rebuild(demo):
    pid = first_pipeline().id
    data, changes = load_funnel(pid), load_changes(pid)
    this_week_end = datetime(2026, 11, 29, 23, 59, 59)  # the demo's today is Nov 24
    assert not happened_after(data, changes, this_week_end)
    fast = as_of(data, changes, this_week_end)
    assert fast is data
    assert _same(fast, rebuild_as_of(data, changes, this_week_end))
    # a past moment goes the long way, to the same answer as before
    past = datetime(2026, 9, 27, 23, 59, 59)
    assert happened_after(data, changes, past)
    assert _same(as_of(data, changes, past), rebuild_as_of(data, changes, past))
    assert len(as_of(data, changes, past).deals) < len(data.deals)
