"""Pipelines and stages as the screens list them: plain values in the screens' order."""

from __future__ import annotations

import dataclasses

import pytest

from funnel_desktop.services import Services
from funnel_desktop.store import pipeline_rows as pr
from funnel_desktop.store.db import OpenedDatabase
from funnel_desktop.store.models import Deal, Pipeline, Stage


def test_pipelines_in_their_order_with_deal_counts(demo_any: OpenedDatabase):
    second = Services(user="t").create_pipeline("b2b6", "en").value
    Pipeline.update(position=-1).where(Pipeline.id == second).execute()
    choices = pr.pipeline_choices()
    assert choices[0][0] == second and len(choices) == 2
    assert choices == [(p.id, p.name) for p in Pipeline.select().order_by(Pipeline.position,
                                                                           Pipeline.id)]
    assert pr.pipeline_names() == {n for _i, n in choices}
    counts = pr.deal_counts()
    assert second not in counts and sum(counts.values()) == Deal.select().count() == 300
    row = pr.pipeline_row(second)
    stored = Pipeline.get_by_id(second)
    assert (row.id, row.name, row.template, row.version) == (
        stored.id, stored.name, stored.template, stored.version)
    assert pr.template_pipeline("b2b6") in {p for p, _n in choices}
    assert pr.template_pipeline("no such template") is None
    with pytest.raises(Pipeline.DoesNotExist):
        pr.pipeline_row(10**9)


def test_find_pipeline_id_by_id_name_or_the_first(demo_any: OpenedDatabase):
    p = Pipeline.select().first()
    assert pr.find_pipeline_id(None) == pr.find_pipeline_id(p.name) == p.id
    assert pr.find_pipeline_id(str(p.id)) == pr.find_pipeline_id(p.id) == p.id
    assert pr.find_pipeline_id("nothing like it") is None


def test_stage_details_counts_and_kinds(demo_any: OpenedDatabase):
    pid = Pipeline.select().first().id
    details = pr.stage_details(pid)
    stored = list(Stage.select().where(Stage.pipeline == pid).order_by(Stage.position))
    assert [dataclasses.astuple(d) for d in details] == [
        (s.id, s.name, s.kind, s.position, s.probability, s.idle_days, s.ideal_conversion,
         s.colour, s.questions) for s in stored]
    counts = pr.stage_deal_counts(pid)
    assert sum(counts.values()) == 300
    assert counts == {s.id: n for s in stored
                      if (n := Deal.select().where(Deal.stage == s.id).count())}
    assert pr.stage_kinds() == {s.id: s.kind for s in Stage.select()}


def test_a_new_database_is_blank_until_a_pipeline_or_deal_exists(any_db: OpenedDatabase):
    assert pr.is_blank()
    Services(user="t").create_pipeline("b2b6", "en")
    assert not pr.is_blank()
