"""The fast read paths give exactly what peewee's models give: funnel data, snapshot rows,
and the customer-class answer, which is kept only until the data changes."""

from __future__ import annotations

from datetime import date, timedelta

from funnel_desktop.core.values import DealFacts, FieldChange, Segment, StageVisit
from funnel_desktop.services import Services
from funnel_desktop.store import queries as Q
from funnel_desktop.store.models import Activity, Customer, Deal, DealChange, StageHistory


def test_load_funnel_reads_what_the_models_read(demo):
    for seg in (None, Segment(owner_ids=(1, 2)), Segment(text="ERP")):
        where = Deal.pipeline == 1
        if seg is not None:
            where &= Q.segment_where(seg)
        deals = [DealFacts(*r) for r in Deal.select(*Q._DEAL_FACTS).where(where).tuples()]
        visits = [StageVisit(*r) for r in (
            StageHistory.select(StageHistory.deal, StageHistory.stage, StageHistory.entered_at,
                                StageHistory.left_at)
            .join(Deal).where(where).order_by(StageHistory.entered_at, StageHistory.id)
            .tuples())]
        data = Q.load_funnel(1, seg)
        assert data.deals == deals and data.visits == visits and deals
    changes = [FieldChange(*r) for r in (
        DealChange.select(DealChange.deal, DealChange.field, DealChange.old, DealChange.new,
                          DealChange.at).join(Deal).where(Deal.pipeline == 1).tuples())]
    assert Q.load_changes(1) == changes and changes


def test_model_rows_are_the_models_dicts(demo):
    for model in (Deal, Customer, StageHistory, Activity):
        query = model.select().where(model.id <= 40).order_by(model.id)
        assert Q.model_rows(model, query) == list(query.dicts())
    for ids in ([7], [3, 7, 9]):
        assert Q.rows_with(StageHistory, StageHistory.deal, ids, ordered=True) == list(
            StageHistory.select().where(StageHistory.deal.in_(ids)).order_by(StageHistory.id)
            .dicts())
        assert Q.rows_with(Deal, Deal.id, ids) == list(Deal.select().where(Deal.id.in_(ids))
                                                       .dicts())
    Customer.update(man_money=True).where(Customer.id == 1).execute()
    row = Q.model_rows(Customer, Customer.select().where(Customer.id == 1))[0]
    assert row["man_money"] is True and isinstance(row["created_at"], type(
        Customer.get_by_id(1).created_at))


def test_the_class_answer_follows_the_data(services: Services):
    services.seed_lists("en")
    pid = services.create_pipeline("b2b6", "en").value
    stage = Q.stages_of(pid)[0].id
    cid = services.save_customer(None, {"name": "Acme"}, []).value
    soon = date.today() + timedelta(days=10)
    deal = services.create_deal(pid, stage, {"title": "Small", "amount": 100_00,
                                             "customer": cid, "expected_close": soon}).value
    assert Q.customers_of_class(["B"]) == [cid] and Q.customers_of_class(["A"]) == []
    assert Q.customers_of_class(["B"]) == [cid]  # asked again: the same answer
    services.update_deal(deal, {"amount": 200_000_00})  # now big and soon: class A
    assert Q.customers_of_class(["A"]) == [cid] and Q.customers_of_class(["B"]) == []
