"""Fuzz: what a form (or a script) may hand the services. Any value for any field is stored
within its bound or refused with a ValidationError with a message; a refusal changes
nothing."""

from __future__ import annotations

import os
from datetime import date, datetime
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from funnel_desktop.core.errors import FunnelError, ValidationError
from funnel_desktop.core.limits import MAX_AMOUNT, MAX_DATE, MAX_NAME_CHARS, MIN_DATE
from funnel_desktop.services import Services
from funnel_desktop.services import validate as v
from funnel_desktop.store.db import open_database
from funnel_desktop.store.models import Customer, Deal, Stage, Target, database
from tests.fuzz import assert_message, fuzz

value = st.one_of(
    st.none(), st.booleans(), st.integers(), st.integers(min_value=-(2**70), max_value=2**70),
    st.floats(), st.decimals(), st.text(max_size=40),
    st.text(st.characters(), max_size=300),
    st.text(st.characters(min_codepoint=0xD7F0, max_codepoint=0xE010), max_size=3),
    st.sampled_from([
        "99999999999999999999", "99999999999999999999万", "1e30", "12.5万", "-0", "", " ",
        "0001-01-01", "2999-12-31", "3000-01-01", "\x00", "\ud800", "名" * 300, "50%",
        "[1, 2]", '{"a": 1}', "{bad json"]),
    st.dates(), st.datetimes(), st.lists(st.integers(), max_size=3),
    st.dictionaries(st.text(max_size=3), st.integers(), max_size=3))


@fuzz(400)
@given(value, st.sampled_from(["amount", "optional_amount", "probability", "day", "text",
                               "notes", "count", "json", "tri", "choice"]))
def test_each_check_keeps_its_bound_or_says_why(x, check):
    try:
        if check == "amount":
            out = v.amount(x)
            assert 0 <= out <= MAX_AMOUNT
        elif check == "optional_amount":
            out = v.optional_amount(x, "budget")
            assert out is None or 0 <= out <= MAX_AMOUNT
        elif check == "probability":
            out = v.probability(x)
            assert out is None or 0 <= out <= 100
        elif check == "day":
            out = v.day(x, "due")
            assert out is None or MIN_DATE <= out <= MAX_DATE
        elif check in ("text", "notes"):
            out = v.text(x, "title" if check == "text" else "notes")
            assert "\x00" not in out and len(out) <= (255 if check == "text" else 32_767)
        elif check == "count":
            out = v.count(x, "deals", minimum=1, maximum=200_000)
            assert 1 <= out <= 200_000
        elif check == "json":
            v.json_text(x, "{}")
        elif check == "tri":
            assert v.tri(x) in (None, True, False)
        else:
            assert v.choice(x, "priority") in ("high", "medium", "low")
    except ValidationError as err:
        assert_message(err)


@pytest.fixture(scope="module", params=["sqlite"] + (
    ["postgres"] if os.environ.get("FUNNEL_TEST_DB_URL") else []))
def business(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory):
    if request.param == "postgres":
        from tests.conftest import _pg_reset

        _pg_reset(os.environ["FUNNEL_TEST_DB_URL"])
        opened = open_database(os.environ["FUNNEL_TEST_DB_URL"])
    else:
        path: Path = tmp_path_factory.mktemp("fuzzdb") / "f.sqlite"
        opened = open_database(path)
    s = Services(user="fuzz", clock=lambda: datetime(2026, 11, 24, 12))
    pid = s.create_pipeline("b2b6", "en").value
    stage = Stage.select().where((Stage.pipeline == pid) & (Stage.kind == "open")).first().id
    deal = s.create_deal(pid, stage, {"title": "Start"}).value
    cid = s.save_customer(None, {"name": "Acme"}).value
    yield s, pid, stage, deal, cid
    opened.db.close()


DEAL_KEYS = ("title", "amount", "probability", "expected_close", "next_step",
             "next_step_due", "close_note", "project_type", "external_id", "checklist")
CUSTOMER_KEYS = ("name", "phone", "email", "address", "budget", "needs", "notes", "priority",
                 "intent", "man_money", "assessment", "class_manual")


def _bounded_deal(deal_id: int) -> None:
    d = Deal.get_by_id(deal_id)
    assert 0 <= d.amount <= MAX_AMOUNT and len(d.title) <= MAX_NAME_CHARS
    assert d.probability is None or 0 <= d.probability <= 100
    for day in (d.expected_close, d.next_step_due):
        assert day is None or MIN_DATE <= (day if isinstance(day, date) else
                                           date.fromisoformat(str(day))) <= MAX_DATE


@fuzz(150)
@given(st.dictionaries(st.sampled_from(DEAL_KEYS), value, min_size=1, max_size=4),
       st.booleans())
def test_any_deal_fields_are_kept_in_bounds_or_refused(business, fields, create):
    s, pid, stage, deal, _cid = business
    before = list(Deal.select().order_by(Deal.id).tuples())
    try:
        if create:
            out = s.create_deal(pid, stage, {"title": "Fuzz", **fields}).value
        else:
            out = s.update_deal(deal, fields).value
    except ValidationError as err:
        assert_message(err)
        assert list(Deal.select().order_by(Deal.id).tuples()) == before
        return
    _bounded_deal(out)


@fuzz(100)
@given(st.dictionaries(st.sampled_from(CUSTOMER_KEYS), value, min_size=1, max_size=4),
       st.lists(st.dictionaries(st.sampled_from(["name", "title", "role", "attitude"]),
                                value, max_size=3), max_size=2))
def test_any_customer_fields_are_kept_in_bounds_or_refused(business, fields, contacts):
    s, _pid, _stage, _deal, cid = business
    before = list(Customer.select().order_by(Customer.id).tuples())
    try:
        s.save_customer(cid, fields, contacts or None)
    except FunnelError as err:  # a contact's title, phone… are not checked by the service
        assert_message(err)  # yet: the database's refusal (db_error) comes back instead
        assert list(Customer.select().order_by(Customer.id).tuples()) == before
        return
    c = Customer.get_by_id(cid)
    assert c.budget is None or 0 <= c.budget <= MAX_AMOUNT
    assert len(c.name) <= MAX_NAME_CHARS


@fuzz(100)
@given(value, value, value)
def test_any_target_is_kept_in_bounds_or_refused(business, start, end, amount):
    s = business[0]
    try:
        s.set_target("business", start, end, amount)
    except ValidationError as err:
        assert_message(err)
        return
    assert all(0 < t.amount <= MAX_AMOUNT for t in Target.select())
    database.obj.execute_sql("SELECT SUM(amount) FROM target").fetchone()
