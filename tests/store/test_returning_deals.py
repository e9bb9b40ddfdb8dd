"""New / returning as a cut of deals: a deal is a returning customer's when its customer had
won a deal before this one was created."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from funnel_desktop.core.values import Segment
from funnel_desktop.store.models import Deal, Reason, Stage
from funnel_desktop.store.queries import load_funnel


def test_returning_is_decided_at_each_deals_creation(services: Any) -> None:
    services.seed_lists("en")
    pid = services.create_pipeline("b2b6", "en").value
    first = Stage.select().where(Stage.pipeline == pid).order_by(Stage.position).first()
    acme = services.save_customer(None, {"name": "Acme"}).value
    other = services.save_customer(None, {"name": "Other"}).value

    def deal(title: str, customer: int | None, created: datetime) -> int:
        did = services.create_deal(pid, first.id, {"title": title, "customer": customer}).value
        Deal.update(created_at=created).where(Deal.id == did).execute()
        return did

    before = deal("Before the win", acme, datetime(2026, 1, 1))
    winner = deal("The win", acme, datetime(2026, 1, 5))
    reason = Reason.get((Reason.kind == "won") & (Reason.label == "Product fit")).id
    services.close_deals([winner], True, reason, "")
    Deal.update(closed_at=datetime(2026, 1, 10)).where(Deal.id == winner).execute()
    after = deal("After the win", acme, datetime(2026, 2, 1))
    lone = deal("No customer", None, datetime(2026, 2, 1))
    stranger = deal("Never won", other, datetime(2026, 2, 1))

    def ids(kind: str) -> set[int]:
        return {d.id for d in load_funnel(pid, Segment(customer_type=kind)).deals}

    assert ids("returning") == {after}
    # the win itself was a new customer's deal, as was the deal opened before it
    assert ids("new") == {before, winner, lone, stranger}


def test_first_wins_read_from_the_columns_are_the_databases(demo: Any, services: Any
                                                            ) -> None:
    """A pipeline's own first wins read from its columns (the other pipelines' from the
    database) mark the same deals as the query over every pipeline."""
    import numpy as np

    from funnel_desktop.core.deal_columns import WON
    from funnel_desktop.store.deal_columns import load_columns, returning
    from funnel_desktop.store.models import Customer, Pipeline

    # a second pipeline whose early wins make some of the first one's deals returning
    pid = services.create_pipeline("b2b6", "en").value
    first = Stage.select().where(Stage.pipeline == pid).order_by(Stage.position).first()
    reason = Reason.get((Reason.kind == "won") & (Reason.label == "Product fit")).id
    for k, customer in enumerate(Customer.select().order_by(Customer.id).limit(30)):
        did = services.create_deal(pid, first.id, {"title": f"Early {k}",
                                                   "customer": customer.id}).value
        services.close_deals([did], True, reason, "")
        Deal.update(created_at=datetime(2020, 1, 1), closed_at=datetime(2020, 1, 2 + k % 20)
                    ).where(Deal.id == did).execute()
    pipelines = [p.id for p in Pipeline.select()]
    assert len(pipelines) > 1
    for pid in pipelines:
        data = load_columns(pid)
        both = returning(data.columns), returning(data.columns,
                                                  (pid, data.codes().kind == WON))
        assert np.array_equal(*both)
        back = {d.id for d in load_funnel(pid, Segment(customer_type="returning")).deals}
        assert set(data.columns.id[both[1]].tolist()) == back
