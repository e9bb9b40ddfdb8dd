"""The kept lists as the screens read them: in the screens' order, plain values."""

from __future__ import annotations

from funnel_desktop.store import kept_lists
from funnel_desktop.store.db import OpenedDatabase
from funnel_desktop.store.models import Owner, Reason, Region, Source, Team


def test_names_by_name(demo_any: OpenedDatabase):
    for kind, model in (("owner", Owner), ("team", Team), ("region", Region),
                        ("source", Source)):
        rows = kept_lists.names(kind)
        assert rows == [(r.id, r.name) for r in model.select().order_by(model.name)]
        assert rows and all(type(i) is int and type(n) is str for i, n in rows)


def test_reasons_in_kept_order_and_the_offered_ones_by_category(demo_any: OpenedDatabase):
    lost = kept_lists.reasons("lost")
    assert [r.id for r in lost] == [r.id for r in Reason.select().where(Reason.kind == "lost")
                                    .order_by(Reason.position, Reason.id)]
    retired = lost[0]
    Reason.update(active=False).where(Reason.id == retired.id).execute()
    assert next(r for r in kept_lists.reasons("lost") if r.id == retired.id).active is False
    offered = kept_lists.active_reasons("lost")
    assert retired.id not in {r.id for r in offered}
    assert [r.id for r in offered] == [r.id for r in Reason.select().where(
        (Reason.kind == "lost") & (Reason.id != retired.id))
        .order_by(Reason.category, Reason.position, Reason.label)]
    assert all(r.kind == "lost" and r.active for r in offered)
    assert kept_lists.reason_categories() == {
        c for (c,) in Reason.select(Reason.category).tuples() if c}


def test_owners_with_team_and_region(demo_any: OpenedDatabase):
    rows = kept_lists.owners()
    assert [(o.id, o.name, o.team_id, o.region_id, o.active) for o in rows] == [
        (o.id, o.name, o.team_id, o.region_id, o.active)
        for o in Owner.select().order_by(Owner.name)]


def test_find_a_team_or_owner_by_name_then_id(demo_any: OpenedDatabase):
    team = Team.select().order_by(Team.id).first()
    assert kept_lists.find("team", team.name) == (team.id, team.name)
    assert kept_lists.find("team", str(team.id)) == (team.id, team.name)
    named_like_an_id = Owner.create(name=str(team.id))
    assert kept_lists.find("owner", str(team.id)) == (named_like_an_id.id, str(team.id))
    assert kept_lists.find("owner", "nobody here") is None
    assert kept_lists.find("team", "999999") is None
