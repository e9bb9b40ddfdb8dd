"""The customer form's reads: plain values equal to what the models hold (demo data)."""

from __future__ import annotations

import dataclasses

import peewee

from funnel_desktop.store.customer_form import (
    customer_contacts,
    customer_exists,
    customer_record,
    customer_version,
)
from funnel_desktop.store.db import OpenedDatabase
from funnel_desktop.store.models import Contact, Customer


def test_customer_record_is_the_stored_customer(demo_any: OpenedDatabase):
    c = Customer.select().where(Customer.region.is_null(False)).order_by(Customer.id).first()
    record = customer_record(c.id)
    assert dataclasses.is_dataclass(record)
    for f in dataclasses.fields(record):
        value = getattr(record, f.name)
        assert not isinstance(value, peewee.Model | peewee.Node)
        assert value == getattr(c, f.name), f.name
    assert record.region_id is not None
    assert customer_version(c.id) == c.version
    assert customer_exists(c.id) and not customer_exists(10**9)
    assert customer_record(10**9) is None


def test_contacts_as_stored_in_the_order_they_were_added(demo_any: OpenedDatabase):
    cid = Contact.select(Contact.customer).scalar()
    rows = customer_contacts(cid)
    assert len(rows) >= 1 and all(isinstance(r, dict) for r in rows)
    assert rows == list(Contact.select().where(Contact.customer == cid).order_by(Contact.id)
                        .dicts())
    assert {"id", "name", "role", "attitude", "customer"} <= set(rows[0])
    assert customer_contacts(10**9) == []
