"""Pipeline editing (rename, reorder, add, remove with deals) and kept lists; every pipeline
edit undoes to the exact prior database and redoes exactly, and a failure mid-write changes
nothing."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Any

import pytest

from funnel_desktop.core.errors import StoreError, ValidationError
from funnel_desktop.services import Outcome, Services
from funnel_desktop.services.pipelines import (
    ListItem,
    StageSpec,
    delete_pipeline,
    save_list,
    save_pipeline,
)
from funnel_desktop.store.models import Deal, Pipeline, Reason, Source, Stage, StageHistory


def specs(pid: int) -> list[StageSpec]:
    return [StageSpec(s.name, s.kind, s.probability, s.idle_days, s.colour, [],
                      s.ideal_conversion, s.id)
            for s in Stage.select().where(Stage.pipeline == pid).order_by(Stage.position)]


@pytest.fixture
def pipeline(services) -> int:
    services.seed_lists("en")
    return services.create_pipeline("b2b6", "en").value


def test_rename_reorder_and_add(services, pipeline):
    st = specs(pipeline)
    st[0], st[1] = st[1], st[0]
    st.insert(2, StageSpec("Pilot", "open", 50, 10, "#ff0000", ["Pilot agreed?"], 60))
    save_pipeline(services, pipeline, "Projects", st)
    rows = list(Stage.select().where(Stage.pipeline == pipeline).order_by(Stage.position))
    assert Pipeline.get_by_id(pipeline).name == "Projects"
    assert [r.name for r in rows][:3] == ["Product introduction", "Nurture & identify", "Pilot"]
    assert [r.position for r in rows] == list(range(len(rows)))
    pilot = rows[2]
    assert (pilot.probability, pilot.idle_days, pilot.ideal_conversion) == (50, 10, 60)
    assert pilot.questions == '["Pilot agreed?"]'


def test_probabilities_are_validated(services, pipeline):
    st = specs(pipeline)
    st[0].probability = 101
    with pytest.raises(ValidationError) as err:
        save_pipeline(services, pipeline, "B2B", st)
    assert err.value.code == "probability_invalid"
    st[0].probability = -1
    with pytest.raises(ValidationError):
        save_pipeline(services, pipeline, "B2B", st)
    assert Stage.get_by_id(st[0].id).probability == 10  # nothing changed


def test_removing_a_stage_with_deals_asks_where_they_go(services, clock, pipeline):
    st = specs(pipeline)
    first, second = st[0].id, st[1].id
    deal = services.create_deal(pipeline, first, {"title": "A", "amount": 100}).value
    without_first = [s for s in st if s.id != first]
    with pytest.raises(ValidationError) as err:
        save_pipeline(services, pipeline, "B2B", without_first)
    assert err.value.code == "stage_has_deals"
    assert Stage.get_or_none(Stage.id == first) is not None
    clock.now = datetime(2026, 11, 5, 9)
    save_pipeline(services, pipeline, "B2B", without_first, moves={first: second})
    assert Stage.get_or_none(Stage.id == first) is None
    assert Deal.get_by_id(deal).stage_id == second
    visits = list(StageHistory.select().where(StageHistory.deal == deal)
                  .order_by(StageHistory.id))
    # the past visit is merged into the target stage, the move is a new entry
    assert [(v.stage_id, v.left_at) for v in visits] == [
        (second, datetime(2026, 11, 5, 9)), (second, None)]


def test_a_pipeline_needs_won_and_lost(services, pipeline):
    st = [s for s in specs(pipeline) if s.kind != "won"]
    with pytest.raises(ValidationError) as err:
        save_pipeline(services, pipeline, "B2B", st)
    assert err.value.code == "stages_shape"


def test_new_pipeline_and_delete(services, pipeline):
    pid = save_pipeline(services, None, "Phone sales", [
        StageSpec("Call", "open", 20), StageSpec("Won", "won"), StageSpec("Lost", "lost")]).value
    assert [s.probability for s in Stage.select().where(Stage.pipeline == pid)
            .order_by(Stage.position)] == [20, 100, 0]
    with pytest.raises(ValidationError):
        save_pipeline(services, None, "Phone sales", specs(pid))  # duplicate name
    delete_pipeline(services, pid)
    assert Pipeline.get_or_none(Pipeline.id == pid) is None
    with pytest.raises(ValidationError) as err:
        delete_pipeline(services, pipeline)
    assert err.value.code == "pipeline_last"


def test_kept_lists(services, pipeline):
    items = [ListItem(s.name, s.id) for s in Source.select().order_by(Source.id)]
    items[0].name = "Web site"
    items.append(ListItem("Partner"))
    save_list(services, "source", items[1:] + items[:1])
    names = {s.name for s in Source.select()}
    assert "Web site" in names and "Partner" in names
    stage = Stage.select().where((Stage.pipeline == pipeline) & (Stage.kind == "open")).first()
    src = Source.get(Source.name == "Partner")
    services.create_deal(pipeline, stage.id, {"title": "x", "source": src.id})
    keep = [ListItem(s.name, s.id) for s in Source.select() if s.id != src.id]
    with pytest.raises(ValidationError) as err:
        save_list(services, "source", keep)
    assert err.value.code == "list_in_use"
    reasons = [ListItem(r.label, r.id, r.kind, r.category) for r in Reason.select()]
    reasons.append(ListItem("Fast delivery", None, "won", "Service"))
    save_list(services, "reason", reasons)
    assert Reason.get(Reason.label == "Fast delivery").kind == "won"


# -- undo and redo of pipeline edits (SQLite, and PostgreSQL when configured) -----------------
Edit = Callable[[Services, Any], Outcome]  # (services, the world fixture)


def stored_specs(pid: int) -> list[StageSpec]:
    """The stages as the editor would hand them back unchanged (questions included)."""
    return [StageSpec(s.name, s.kind, s.probability, s.idle_days, s.colour,
                      json.loads(s.questions), s.ideal_conversion, s.id)
            for s in Stage.select().where(Stage.pipeline == pid).order_by(Stage.position)]


def rename(s: Services, w: Any) -> Outcome:
    return save_pipeline(s, w.pipeline, "Projects", stored_specs(w.pipeline))


def reorder(s: Services, w: Any) -> Outcome:
    st = stored_specs(w.pipeline)
    st[0], st[1], st[3] = st[3], st[0], st[1]
    return save_pipeline(s, w.pipeline, "Weekly-review six stages", st)


def add_stage(s: Services, w: Any) -> Outcome:
    st = stored_specs(w.pipeline)
    st.insert(2, StageSpec("Site visit", "open", 30, 7, "#16a34a", ["Who came?"], 55))
    return save_pipeline(s, w.pipeline, "Weekly-review six stages", st)


def remove_unvisited_stage(s: Services, w: Any) -> Outcome:
    st = [x for x in stored_specs(w.pipeline) if x.id != w.stages[3]]
    return save_pipeline(s, w.pipeline, "Weekly-review six stages", st)


def remove_visited_empty_stage(s: Services, w: Any) -> Outcome:
    # no deal is in "Need confirmed" now, but the lost deal's history went through it
    st = [x for x in stored_specs(w.pipeline) if x.id != w.stages[2]]
    return save_pipeline(s, w.pipeline, "Weekly-review six stages", st)


def remove_stage_with_deals(s: Services, w: Any) -> Outcome:
    # "Prospect" holds Servers; ERP came from it: both histories are merged into the target
    st = [x for x in stored_specs(w.pipeline) if x.id != w.stages[0]]
    st.insert(1, StageSpec("Demo", "open", 30))
    return save_pipeline(s, w.pipeline, "Weekly-review six stages", st,
                         moves={w.stages[0]: w.stages[3]})


def change_numbers(s: Services, w: Any) -> Outcome:
    st = stored_specs(w.pipeline)
    st[0].probability, st[1].probability, st[4].idle_days = 15, 35, None
    st[2].colour, st[3].ideal_conversion, st[3].questions = "#ff0000", 40, ["Budget?", "Who?"]
    return save_pipeline(s, w.pipeline, "Weekly-review six stages", st)


def create_from_template(s: Services, w: Any) -> Outcome:
    return s.create_pipeline("consult7", "en")


def create_blank(s: Services, w: Any) -> Outcome:
    return save_pipeline(s, None, "Phone sales", [
        StageSpec("Call", "open", 20), StageSpec("Won", "won"), StageSpec("Lost", "lost")])


def delete_empty_pipeline(s: Services, w: Any) -> Outcome:
    return delete_pipeline(s, Pipeline.get(Pipeline.name == "Customer ladder").id)


EDITS = [rename, reorder, add_stage, remove_unvisited_stage, remove_visited_empty_stage,
         remove_stage_with_deals, change_numbers, create_from_template, create_blank,
         delete_empty_pipeline]


@pytest.mark.parametrize("edit", EDITS, ids=[e.__name__ for e in EDITS])
def test_undo_restores_exactly_and_redo_redoes_exactly(edit: Edit, svc: Services, world: Any,
                                                       clock, dump, events) -> None:
    svc.create_pipeline("ladder", "en")  # a second pipeline, left alone (or deleted)
    clock.now += timedelta(hours=3)
    before = dump()
    events.clear()
    out = edit(svc, world)
    after = dump()
    assert after != before
    assert events == [out.changes] and "pipelines" in out.changes.kinds
    assert out.inverse is not None

    clock.now += timedelta(hours=1)
    undone = svc.undo(out.inverse)
    assert dump() == before
    assert events[1:] == [undone.changes]
    assert {"pipelines", "deals"} <= undone.changes.kinds  # the board rebuilds its columns

    clock.now += timedelta(hours=1)
    redone = svc.undo(undone.inverse)
    assert dump() == after
    assert "pipelines" in redone.changes.kinds
    svc.undo(redone.inverse)
    assert dump() == before
    assert len(events) == 4


def test_removing_a_stage_with_deals_and_its_undo_by_hand(svc: Services, world: Any,
                                                          clock) -> None:
    """The worked example: Servers sits in Prospect, ERP went Prospect → First contact."""
    prospect, first, proposal = world.stages[0], world.stages[1], world.stages[3]
    entered = Deal.get_by_id(world.servers).stage_entered_at
    clock.now = datetime(2026, 11, 20, 9)
    out = remove_stage_with_deals(svc, world)
    assert Deal.get_by_id(world.servers).stage_id == proposal
    assert [h.stage_id for h in StageHistory.select().where(
        StageHistory.deal == world.erp).order_by(StageHistory.id)] == [proposal, first]
    assert out.changes.deal_ids == {world.erp, world.servers}
    svc.undo(out.inverse)
    servers = Deal.get_by_id(world.servers)
    assert (servers.stage_id, servers.stage_entered_at) == (prospect, entered)
    assert [(h.stage_id, h.left_at) for h in StageHistory.select().where(
        StageHistory.deal == world.servers)] == [(prospect, None)]
    assert [h.stage_id for h in StageHistory.select().where(
        StageHistory.deal == world.erp).order_by(StageHistory.id)] == [prospect, first]
    assert [s.name for s in Stage.select().where(Stage.pipeline == world.pipeline)
            .order_by(Stage.position)][:3] == ["Prospect", "First contact", "Need confirmed"]
    assert not Stage.select().where(Stage.name == "Demo").exists()


def test_an_undo_chain_of_pipeline_and_deal_actions(svc: Services, world: Any, clock,
                                                    dump) -> None:
    """Deal moves before and after a stage is removed undo last-first to the start."""
    start = dump()
    stack = [svc.move_deals([world.erp], world.stages[0]).inverse]
    clock.now += timedelta(minutes=5)
    stack.append(remove_stage_with_deals(svc, world).inverse)
    clock.now += timedelta(minutes=5)
    demo = Stage.get((Stage.pipeline == world.pipeline) & (Stage.name == "Demo")).id
    stack.append(svc.move_deals([world.erp, world.servers], demo).inverse)
    clock.now += timedelta(minutes=5)
    stack.append(rename(svc, world).inverse)
    while stack:
        inverse = stack.pop()
        assert inverse is not None
        svc.undo(inverse)
    assert dump() == start


# (how to break it, the call): each failure comes after earlier writes of the same call
def fail_removing_with_deals(s: Services, w: Any, fail_on) -> Callable[[], Outcome]:
    fail_on("stage_history", "INSERT")  # stages updated, old stays closed already
    return lambda: remove_stage_with_deals(s, w)


def fail_adding(s: Services, w: Any, fail_on) -> Callable[[], Outcome]:
    fail_on("stage", "INSERT")  # the pipeline is renamed, the stages renumbered already
    st = stored_specs(w.pipeline)
    st.insert(1, StageSpec("Site visit", "open", 30))
    return lambda: save_pipeline(s, w.pipeline, "Renamed", st)


def fail_merging(s: Services, w: Any, fail_on) -> Callable[[], Outcome]:
    fail_on("stage", "DELETE")  # the lost deal's history is merged already
    return lambda: remove_visited_empty_stage(s, w)


def fail_undoing_a_removal(s: Services, w: Any, fail_on) -> Callable[[], Outcome]:
    inverse = remove_stage_with_deals(s, w).inverse
    assert inverse is not None
    # undo takes back only what the removal changed: the stage is back already when the
    # merged and closed stays are rewritten
    fail_on("stage_history", "UPDATE")
    return lambda: s.undo(inverse)


def fail_undoing_an_addition(s: Services, w: Any, fail_on) -> Callable[[], Outcome]:
    inverse = add_stage(s, w).inverse
    assert inverse is not None
    fail_on("stage", "DELETE")  # the other stages are restored already
    return lambda: s.undo(inverse)


def fail_deleting(s: Services, w: Any, fail_on) -> Callable[[], Outcome]:
    pid = s.create_pipeline("ladder", "en").value
    fail_on("stage", "DELETE")  # the cascade from the pipeline to its stages fails
    return lambda: delete_pipeline(s, pid)


FAILURES = [fail_removing_with_deals, fail_adding, fail_merging, fail_undoing_a_removal,
            fail_undoing_an_addition, fail_deleting]


@pytest.mark.parametrize("case", FAILURES, ids=[c.__name__ for c in FAILURES])
def test_a_failure_mid_write_changes_nothing(case, svc: Services, world: Any, clock,
                                             dump, events, fail_on) -> None:
    call = case(svc, world, fail_on)
    clock.now += timedelta(hours=1)
    before = dump()
    events.clear()
    with pytest.raises(StoreError) as err:
        call()
    assert err.value.code == "db_error" and "injected failure" in err.value.english()
    assert dump() == before
    assert events == []
