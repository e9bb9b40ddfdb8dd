"""Export: CSV (UTF-8, optional BOM) and XLSX, formula neutralisation, and the round trip
export → import into an empty database giving the same numbers."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from openpyxl import load_workbook

from funnel_desktop.core.errors import ValidationError
from funnel_desktop.services import Services
from funnel_desktop.services.importing import import_table
from funnel_desktop.store.db import open_database
from funnel_desktop.store.exporting import HEADERS, export, neutralise
from funnel_desktop.store.importing import Mapping, guess_columns, guess_stage_map, read_table
from funnel_desktop.store.models import Customer, Deal, Pipeline, database
from funnel_desktop.store.queries import stage_aggregates, stages_of

NASTY = ["=HYPERLINK(\"http://x\")", "+1", "-2+3", "@SUM(A1)", "\tTab", "\rCR", "plain",
         "a=b"]


@pytest.mark.parametrize("text", NASTY)
def test_neutralise(text: str):
    out = neutralise(text)
    if text[0] in "=+-@\t\r":
        assert out == "'" + text
    else:
        assert out == text


def _nasty_customers(services: Services) -> None:
    # straight into the table: the forms trim leading tabs, an old import may not have
    for name in NASTY:
        Customer.create(name=name, notes="=cmd|' /C calc'!A0")


def test_csv_neutralises_text_and_writes_a_bom_on_request(services, tmp_path: Path):
    _nasty_customers(services)
    plain, bom = tmp_path / "c.csv", tmp_path / "c-bom.csv"
    assert export("customers", "csv", plain) == len(NASTY)
    export("customers", "csv", bom, bom=True)
    assert not plain.read_bytes().startswith(b"\xef\xbb\xbf")
    assert bom.read_bytes().startswith(b"\xef\xbb\xbf")
    with open(plain, newline="", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    assert [r["name"] for r in rows] == [neutralise(n) for n in NASTY]
    assert {r["notes"] for r in rows} == {"'=cmd|' /C calc'!A0"}
    assert list(rows[0]) == list(HEADERS["customers"])
    assert (plain.stat().st_mode & 0o777) == 0o600


def test_xlsx_text_cells_are_text_never_formulas(services, tmp_path: Path):
    _nasty_customers(services)
    path = tmp_path / "c.xlsx"
    assert export("customers", "xlsx", path) == len(NASTY)
    ws = load_workbook(path)["Customers"]
    header = [c.value for c in ws[1]]
    name_col = header.index("name")
    cells = [row[name_col] for row in ws.iter_rows(min_row=2)]
    # (XML reads a carriage return back as a line feed)
    assert [c.value for c in cells] == [neutralise(n).replace("\r", "\n") for n in NASTY]
    assert {c.data_type for c in cells} == {"s"}
    created = ws.cell(row=2, column=header.index("created_at") + 1)
    assert created.is_date


def test_unknown_export_and_unwritable_target(db, tmp_path: Path):
    with pytest.raises(ValidationError):
        export("invoices", "csv", tmp_path / "x.csv")
    blocked = tmp_path / "dir"
    blocked.mkdir()
    from funnel_desktop.core.errors import StoreError

    with pytest.raises(StoreError) as info:
        export("deals", "csv", blocked / "missing" / "sub" / ("x" * 300 + ".csv"))
    assert info.value.code == "file_write"


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_round_trip_gives_the_same_numbers(demo, tmp_path: Path, fmt: str):
    pid = Pipeline.select().first().id
    before = {s.name: stage_aggregates(pid).get(s.id) for s in stages_of(pid)}
    n_customers = Customer.select().where(Customer.id.in_(
        Deal.select(Deal.customer))).count()
    out = tmp_path / f"deals.{fmt}"
    assert export("deals", fmt, out, bom=True) == 300
    for what in ("customers", "contacts", "activities"):
        assert export(what, fmt, tmp_path / f"{what}.{fmt}") > 0
    database.obj.close()

    open_database(tmp_path / "empty.sqlite")
    services = Services(user="t")
    services.seed_lists("en")
    new_pid = services.create_pipeline("b2b6", "en").value
    table = read_table(out)
    mapping = Mapping(columns=guess_columns(table.headers),
                      stage_map=guess_stage_map(table.distinct("stage"), stages_of(new_pid)))
    report = import_table(services, table, mapping, new_pid).value
    assert report.created["deals"] == 300 and not report.problems
    after = {s.name: stage_aggregates(new_pid).get(s.id) for s in stages_of(new_pid)}
    assert after == before
    assert Customer.select().count() == n_customers
    database.obj.close()
