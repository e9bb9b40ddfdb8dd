"""The services record how their last write ended, so an unexpected error can say honestly
whether the user's last change was saved."""

from __future__ import annotations

import pytest

from funnel_desktop.core.errors import ValidationError
from funnel_desktop.services import Services, journal
from funnel_desktop.services.journal import Fate
from funnel_desktop.store.models import Deal, StageHistory
from funnel_desktop.store.prepared import Prepared


@pytest.fixture(autouse=True)
def _fresh_journal() -> None:
    journal.forget()


def test_nothing_written_yet() -> None:
    assert journal.last() is None
    assert journal.fate(ValueError("x")) is Fate.NOTHING


def test_an_error_after_a_committed_write_finds_it_saved(svc: Services, world) -> None:
    svc.move_deals([world.servers], world.stages[2])
    write = journal.last()
    assert write is not None and write.committed and write.label
    assert journal.fate(ZeroDivisionError("the board's refresh failed")) is Fate.SAVED


def test_an_error_inside_the_write_rolls_it_back_and_says_so(
        svc: Services, world, monkeypatch: pytest.MonkeyPatch) -> None:
    before = Deal.get_by_id(world.servers).stage_id

    def overflow(*args, **kwargs):
        raise OverflowError("Python int too large to convert to SQLite INTEGER")

    monkeypatch.setattr(StageHistory, "insert_many", overflow)
    monkeypatch.setattr(Prepared, "execute", overflow)  # a single move's prepared writes
    with pytest.raises(OverflowError) as caught:
        svc.move_deals([world.servers], world.stages[2])
    assert Deal.get_by_id(world.servers).stage_id == before  # rolled back indeed
    assert journal.rolled_back_by(caught.value)
    assert journal.fate(caught.value) is Fate.NOT_SAVED
    assert not journal.last().committed
    try:  # an error raised while handling it still knows
        raise KeyError("in the handler") from caught.value
    except KeyError as later:
        assert journal.fate(later) is Fate.NOT_SAVED


def test_a_refused_change_is_a_write_not_saved(svc: Services, world) -> None:
    svc.move_deals([world.servers], world.stages[2])
    with pytest.raises(ValidationError):
        svc.update_deal(world.erp, {"title": ""})
    assert journal.fate(RuntimeError("later, elsewhere")) is Fate.NOT_SAVED
    svc.update_deal(world.erp, {"title": "ERP 2"})
    assert journal.fate(RuntimeError("later, elsewhere")) is Fate.SAVED


def test_the_demo_bulk_insert_is_recorded(svc: Services,
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    from funnel_desktop.services import demo

    def full(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(demo, "bulk_insert", full)
    with pytest.raises(OSError) as caught:
        demo.generate(svc, deals=12, seed=3)
    assert journal.rolled_back_by(caught.value) == "demo data"
    assert Deal.select().count() == 0
