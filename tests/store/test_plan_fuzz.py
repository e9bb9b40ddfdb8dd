"""Fuzz: mapping presets and rows to import. Any JSON as a preset is a mapping or a
ValidationError; any rows under any mapping parse into checked rows and problems with
messages (the dry run), never another exception."""

from __future__ import annotations

import json
from datetime import datetime

from hypothesis import given
from hypothesis import strategies as st

from funnel_desktop.core.errors import ValidationError
from funnel_desktop.core.limits import MAX_AMOUNT, MAX_DATE, MAX_NAME_CHARS, MIN_DATE
from funnel_desktop.core.values import StageInfo, StageKind
from funnel_desktop.store.importing import FIELDS, Mapping, Table, parse_table
from funnel_desktop.store.importing.mapping import STAGE_WORDS
from funnel_desktop.store.importing.plan import Problem
from tests.fuzz import assert_message, fuzz

STAGES = [StageInfo(1, "Prospect", StageKind.OPEN, 0, 10),
          StageInfo(2, "Engaged", StageKind.OPEN, 1, 40),
          StageInfo(3, "Won", StageKind.WON, 2, 100),
          StageInfo(4, "Lost", StageKind.LOST, 3, 0)]
NOW = datetime(2026, 11, 24, 12)

json_value = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=8),
    lambda children: st.lists(children, max_size=3) | st.dictionaries(st.text(max_size=8),
                                                                      children, max_size=3),
    max_leaves=10)
preset_keys = st.sampled_from(["columns", "stage_map", "date_format", "amount_format",
                               "amount_scale", "missing_date", "default_stage", "closed_via",
                               "skip_invalid_rows", "empty_title", "currency", "lookups",
                               "name", "客户名称"])


@fuzz(300)
@given(st.one_of(json_value, st.dictionaries(preset_keys, json_value, max_size=6)))
def test_any_json_is_a_preset_or_a_message(data):
    try:
        mapping = Mapping.from_json(json.dumps(data), "p.json")
        mapping.validate(["a", "b", "c"])
    except ValidationError as err:
        assert_message(err)
        return
    assert isinstance(mapping, Mapping)


HEADERS = ["a", "b", "c", "d", "e"]
cell = st.one_of(
    st.text(max_size=12), st.sampled_from(["", "99999999999999999999", "1e30", "12.5万", "-3",
                                           "0001-01-01", "2026-02-30", "2026-11-24",
                                           "9999-12-31 10:00", "成交", "输单", "Won", "x" * 300,
                                           "50%", "0.25", "big", "小项目"]),
    st.integers(min_value=-(10**22), max_value=10**22), st.floats(), st.booleans(),
    st.datetimes(min_value=datetime(1, 1, 1)), st.none())
mapping_of = st.fixed_dictionaries(
    {"columns": st.dictionaries(st.sampled_from(HEADERS), st.sampled_from(sorted(FIELDS)),
                                min_size=1, max_size=5),
     "stage_map": st.dictionaries(st.text(max_size=5), st.sampled_from(
         ["open:1", "open:2", "won", "lost", "Nowhere", ""]), max_size=3),
     "amount_scale": st.sampled_from([1, 10000]),
     "empty_title": st.sampled_from(["problem", "fill"]),
     "skip_invalid_rows": st.booleans()})


@fuzz(200)
@given(mapping_of, st.lists(st.lists(cell, min_size=0, max_size=6), max_size=10))
def test_any_rows_under_any_mapping_parse_or_give_a_message(spec, rows):
    mapping = Mapping(**spec)
    table = Table(HEADERS, [tuple(r) for r in rows])
    try:
        parsed = parse_table(table, mapping, STAGES, now=NOW)
    except ValidationError as err:  # a mapping that cannot work at all (two columns, …)
        assert_message(err)
        return
    for p in [*parsed.problems, *parsed.skipped]:
        assert isinstance(p, Problem) and 2 <= p.row <= len(rows) + 1
        assert_message(ValidationError(p.code, **p.params))
    for r in parsed.rows:
        d = r.deal
        if d:
            assert 0 <= d["amount"] <= MAX_AMOUNT
            assert d["stage"] in {s.id for s in STAGES}
            assert len(d["title"]) <= MAX_NAME_CHARS
            for moment in (d["created_at"], d["closed_at"]):
                assert moment is None or MIN_DATE <= moment.date() <= MAX_DATE
            assert d["probability"] is None or 0 <= d["probability"] <= 100
        for entity in (r.customer, r.owner, r.contact):
            assert all(len(v) <= 32_767 for v in entity.values())


@fuzz(100)
@given(st.sampled_from(sorted(STAGE_WORDS)))
def test_every_won_or_lost_word_finds_its_stage(word):
    table = Table(["t", "s"], [("Deal", word)])
    parsed = parse_table(table, Mapping(columns={"t": "deal.title", "s": "deal.stage"}),
                         STAGES, now=NOW)
    if STAGE_WORDS[word] in ("won", "lost"):
        assert [r.deal["kind"] for r in parsed.rows] == [STAGE_WORDS[word]]
