"""The deal editor's reads: plain values equal to what the models hold (demo data)."""

from __future__ import annotations

import dataclasses

import peewee

from funnel_desktop.store import deal_form
from funnel_desktop.store.db import OpenedDatabase
from funnel_desktop.store.models import Activity, Customer, Deal, DealChange, StageHistory


def _plain(value: object) -> None:
    assert dataclasses.is_dataclass(value) and not isinstance(value, peewee.Model)
    for f in dataclasses.fields(value):
        assert not isinstance(getattr(value, f.name), peewee.Model | peewee.Node)


def test_deal_record_is_the_stored_deal(demo_any: OpenedDatabase):
    deal = Deal.select().where(Deal.customer.is_null(False)).order_by(Deal.id).first()
    record = deal_form.deal_record(deal.id)
    _plain(record)
    assert record.customer_name == deal.customer.name != ""
    for name in ("id", "pipeline_id", "stage_id", "title", "customer_id", "amount",
                 "probability", "expected_close", "owner_id", "source_id", "project_type",
                 "next_step", "next_step_due", "close_note", "checklist", "version"):
        assert getattr(record, name) == getattr(deal, name), name
    assert deal_form.deal_version(deal.id) == deal.version
    assert deal_form.deal_record(10**9) is None


def test_a_deal_without_customer_shows_no_name(demo_any: OpenedDatabase):
    deal = Deal.select().order_by(Deal.id).first()
    Deal.update(customer=None).where(Deal.id == deal.id).execute()
    record = deal_form.deal_record(deal.id)
    assert record.customer_id is None and record.customer_name == ""


def test_timeline_history_and_changes_in_the_editor_order(demo_any: OpenedDatabase):
    deal_id = (Deal.select(Deal.id).join(StageHistory).group_by(Deal.id)
               .order_by(peewee.fn.COUNT(StageHistory.id).desc(), Deal.id).scalar())
    visits = deal_form.stage_visits(deal_id)
    assert len(visits) >= 2
    assert [(v.stage_id, v.entered_at, v.left_at) for v in visits] == [
        (h.stage_id, h.entered_at, h.left_at) for h in StageHistory.select()
        .where(StageHistory.deal == deal_id).order_by(StageHistory.entered_at, StageHistory.id)]
    for v in visits:
        _plain(v)
    with_activities = Activity.select(Activity.deal).where(Activity.deal.is_null(False)).scalar()
    rows = deal_form.activities(with_activities)
    assert rows and [r.id for r in rows] == [a.id for a in Activity.select().where(
        Activity.deal == with_activities).order_by(Activity.created_at.desc(),
                                                   Activity.id.desc())]
    _plain(rows[0])
    changed = DealChange.select(DealChange.deal).scalar()
    changes = deal_form.field_changes(changed)
    assert changes and [(c.field, c.old, c.new, c.at) for c in changes] == [
        (c.field, c.old, c.new, c.at) for c in DealChange.select().where(
            DealChange.deal == changed).order_by(DealChange.at.desc(), DealChange.id.desc())]


def test_customer_choices_name_the_oldest_customer_of_a_name(demo_any: OpenedDatabase):
    first = Customer.select().order_by(Customer.id).first()
    twin = Customer.create(name=first.name)
    choices = deal_form.customer_choices()
    assert choices[first.name] == first.id != twin.id
    assert len(choices) == Customer.select(Customer.name).distinct().count()
