"""Pipeline editing (rename, reorder, add, remove with deals) and kept lists."""

from __future__ import annotations

from datetime import datetime

import pytest

from funnel_desktop.core.errors import ValidationError
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
