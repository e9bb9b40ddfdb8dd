"""The board's SQL aggregates agree with the core's one pass over plain rows (demo data)."""

from __future__ import annotations

from datetime import date

import pytest

from funnel_desktop.core.metrics import open_totals
from funnel_desktop.core.stats import weighted_minor
from funnel_desktop.core.values import Segment, StageKind
from funnel_desktop.services import Services
from funnel_desktop.services.demo import generate
from funnel_desktop.store.db import OpenedDatabase
from funnel_desktop.store.models import Deal, Owner, Stage, StageHistory, Team
from funnel_desktop.store.queries import load_funnel, stage_aggregates, stages_of

TODAY = date(2026, 11, 24)


@pytest.fixture
def demo_any(any_db: OpenedDatabase) -> int:
    """The demo business on SQLite (and PostgreSQL when configured); its pipeline id."""
    return generate(Services(user="demo"), deals=300, seed=1, lang="en", today=TODAY).pipeline_id


def test_stage_aggregates_equal_core_open_totals(demo_any: int):
    data = load_funnel(demo_any)
    assert len(data.deals) == 300
    totals, count, amount, weighted = open_totals(data)
    assert weighted == sum(t.weighted for t in totals)
    agg = stage_aggregates(demo_any)
    for t in totals:
        c, a, w = agg.get(t.stage_id, (0, 0, 0))
        assert (c, a, weighted_minor(w)) == (t.count, t.amount, t.weighted)
    assert count == sum(agg[t.stage_id][0] for t in totals if t.stage_id in agg) > 0
    assert amount == sum(agg[t.stage_id][1] for t in totals if t.stage_id in agg)
    # every deal is in exactly one stage: the aggregates cover all 300
    assert sum(c for c, _, _ in agg.values()) == 300


def test_aggregates_agree_by_hand_on_one_stage(demo_any: int):
    stage = Stage.get((Stage.pipeline == demo_any) & (Stage.position == 1))
    rows = list(Deal.select(Deal.amount, Deal.probability).where(Deal.stage == stage.id)
                .tuples())
    expected = (len(rows), sum(a for a, _ in rows),
                sum(a * (p if p is not None else stage.probability) for a, p in rows))
    assert stage_aggregates(demo_any)[stage.id] == expected


def test_segments_cut_both_the_same_way(demo_any: int):
    team = Team.select().order_by(Team.id).first()
    owner = Owner.select().where(Owner.team == team.id).order_by(Owner.id).first()
    for seg in (Segment(team_ids=(team.id,)), Segment(owner_ids=(owner.id,)),
                Segment(project_type="big"), Segment(customer_type="returning")):
        data = load_funnel(demo_any, seg)
        totals, *_ = open_totals(data)
        agg = stage_aggregates(demo_any, seg)
        assert [(t.count, t.amount) for t in totals] == [
            agg.get(t.stage_id, (0, 0, 0))[:2] for t in totals]
        assert 0 < len(data.deals) < 300


def test_load_funnel_brings_stages_in_order_and_every_visit(demo_any: int):
    stages = stages_of(demo_any)
    assert [s.position for s in stages] == sorted(s.position for s in stages)
    assert [s.kind for s in stages] == [StageKind.OPEN] * 4 + [StageKind.WON, StageKind.LOST]
    data = load_funnel(demo_any)
    assert len(data.visits) == StageHistory.select().count()
    # a deal's last visit is the stage it is in, still open
    last = {}
    for v in data.visits:
        last[v.deal_id] = v
    assert all(last[d.id].stage_id == d.stage_id and last[d.id].left is None
               for d in data.deals)
