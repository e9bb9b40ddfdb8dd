"""The import as one transaction: the Maven dataset headless (figures computed here from the
CSV with the csv module), bad rows, re-import, undo and redo."""

from __future__ import annotations

import csv
from collections import Counter
from datetime import date, datetime
from pathlib import Path

import pytest

from funnel_desktop.services import Services
from funnel_desktop.services.importing import ImportRefused, import_table
from funnel_desktop.store.importing import Mapping, maven_crm, read_table
from funnel_desktop.store.models import (
    Customer,
    Deal,
    DealChange,
    Owner,
    Region,
    Source,
    Stage,
    StageHistory,
    Team,
)
from funnel_desktop.store.queries import stage_aggregates, stages_of
from tests.conftest import DATASETS
from tests.services.conftest import dump_tables

MAVEN = DATASETS / "maven-crm"


def _rows(name: str) -> list[dict[str, str]]:
    with open(MAVEN / name, newline="", encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


@pytest.fixture
def pipeline(services: Services) -> int:
    services.seed_lists("en")
    return services.create_pipeline("b2b6", "en").value


def _stage_ids(pid: int) -> dict[str, int]:
    return {s.name: s.id for s in stages_of(pid)}


def _expected_maven(value_open: bool) -> dict:
    """Everything the test checks, from the CSV files alone."""
    rows = _rows("sales_pipeline.csv")
    price = {p["product"].replace(" ", "").lower(): int(p["sales_price"])
             for p in _rows("products.csv")}
    stage_of = {"Prospecting": "Nurture & identify", "Engaging": "Product introduction",
                "Won": "Won", "Lost": "Lost"}
    counts = Counter(stage_of[r["deal_stage"]] for r in rows)
    sums: Counter[str] = Counter()
    for r in rows:
        st = stage_of[r["deal_stage"]]
        if r["close_value"]:
            sums[st] += int(r["close_value"]) * 100
        elif value_open and r["deal_stage"] in ("Prospecting", "Engaging"):
            sums[st] += price[r["product"].replace(" ", "").lower()] * 100
    latest = max(max(r["engage_date"], r["close_date"]) for r in rows)
    return {"rows": rows, "counts": counts, "sums": sums, "latest": latest}


def _maven(services: Services, pid: int, **options) -> object:
    mapping = maven_crm()
    for k, v in options.items():
        setattr(mapping, k, v)
    return import_table(services, read_table(MAVEN / "sales_pipeline.csv"), mapping, pid)


def test_maven_imports_every_opportunity_with_its_figures(services, pipeline):
    exp = _expected_maven(value_open=True)
    out = _maven(services, pipeline)
    report = out.value
    assert report.rows == 8800 and not report.problems and not report.skipped
    assert report.created["deals"] == 8800
    ids = _stage_ids(pipeline)
    agg = stage_aggregates(pipeline)
    for name, count in exp["counts"].items():
        assert agg[ids[name]][0] == count, name
        assert agg[ids[name]][1] == exp["sums"].get(name, 0), name
    assert exp["counts"]["Won"] == 4238 and exp["sums"]["Won"] == 1_000_553_400
    assert agg[ids["Lost"]][1] == 0
    assert ids["Needs & solution"] not in agg and ids["Quote / contract"] not in agg

    # dates: created = engage date, closed = close date (noon UTC), Prospecting → latest date
    by_ext = {d.external_id: d for d in Deal.select()}
    assert len(by_ext) == 8800
    noon = datetime.min.time().replace(hour=12)
    for r in exp["rows"]:
        d = by_ext[r["opportunity_id"]]
        if r["deal_stage"] == "Prospecting":
            assert d.created_at == datetime.combine(date.fromisoformat(exp["latest"]), noon)
            assert d.closed_at is None
        else:
            assert d.created_at.date().isoformat() == r["engage_date"]
        if r["deal_stage"] in ("Won", "Lost"):
            assert d.closed_at.date().isoformat() == r["close_date"]
            assert d.expected_close.isoformat() == r["close_date"]
            assert d.stage_entered_at == d.closed_at
        if r["deal_stage"] == "Engaging":
            assert d.stage_entered_at.date().isoformat() == r["engage_date"]
    assert exp["latest"] == "2017-12-31"

    # won/lost deals passed through the second open stage; open deals have one entry
    won = by_ext["1C1I7A6R"]
    hist = list(StageHistory.select().where(StageHistory.deal == won.id)
                .order_by(StageHistory.id))
    assert [(h.stage_id, h.entered_at.date().isoformat(),
             h.left_at.date().isoformat() if h.left_at else None) for h in hist] == [
        (ids["Product introduction"], "2016-10-20", "2017-03-01"),
        (ids["Won"], "2017-03-01", None)]
    assert StageHistory.select().count() == 8800 + exp["counts"]["Won"] + exp["counts"]["Lost"]

    # quirks: GTXPro is GTX Pro, missing accounts, missing engage dates
    assert by_ext["Z063OYW0"].title == "GTX Pro – Isdom"
    assert by_ext["Z063OYW0"].amount == 451_400
    notes = {n.code: n for n in report.notes}
    gtx = sum(1 for r in exp["rows"] if r["product"] == "GTXPro")
    assert notes["note_lookup_normalised"].count == gtx == 1480
    assert notes["note_lookup_normalised"].params == {"value": "GTXPro", "match": "GTX Pro",
                                                      "file": "products.csv"}
    no_account = sum(1 for r in exp["rows"] if not r["account"])
    assert notes["note_customer_missing"].count == no_account == 1425
    assert Deal.select().where(Deal.customer.is_null()).count() == no_account
    no_engage = sum(1 for r in exp["rows"] if not r["engage_date"])
    assert notes["note_created_fallback"].count == no_engage == 500
    assert notes["note_created_fallback"].params["date"] == "2017-12-31"
    priced = sum(1 for r in exp["rows"] if r["deal_stage"] in ("Prospecting", "Engaging"))
    assert notes["note_valued_from_price"].count == priced

    # accounts, agents with their manager as team and regional office as region
    accounts = {a["account"]: a for a in _rows("accounts.csv")}
    used = {r["account"] for r in exp["rows"] if r["account"]}
    assert Customer.select().count() == len(used) == 85
    acme = Customer.get(Customer.name == "Acme Corporation")
    a = accounts["Acme Corporation"]
    assert (acme.industry, acme.scale, acme.address) == (a["sector"], a["employees"],
                                                          a["office_location"])
    assert acme.industry == "technolgy"  # imported as written
    assert acme.notes == "year_established: 1996\nrevenue: 1100.04"
    teams = {t["sales_agent"]: (t["manager"], t["regional_office"]) for t in _rows(
        "sales_teams.csv")}
    agents = {r["sales_agent"] for r in exp["rows"]}
    got = {o.name: (o.team.name, o.region.name) for o in Owner.select()}
    assert got == {a: teams[a] for a in agents} and len(got) == 30
    assert Team.select().count() == len({teams[a][0] for a in agents}) == 6
    assert Region.select().count() == 3
    assert by_ext["1C1I7A6R"].owner.name == "Moses Frase"


def test_maven_open_deals_stay_unvalued_without_the_option(services, pipeline):
    exp = _expected_maven(value_open=False)
    report = _maven(services, pipeline, open_value_from_price=False).value
    ids = _stage_ids(pipeline)
    agg = stage_aggregates(pipeline)
    assert agg[ids["Nurture & identify"]][:2] == (500, 0)
    assert agg[ids["Product introduction"]][:2] == (1589, 0)
    assert agg[ids["Won"]][1] == exp["sums"]["Won"]
    assert "note_valued_from_price" not in {n.code for n in report.notes}


def test_maven_reimport_updates_nothing_and_creates_nothing(services, pipeline):
    _maven(services, pipeline)
    before = dump_tables()
    again = _maven(services, pipeline).value
    assert again.created == {"deals": 0, "customers": 0, "contacts": 0, "owners": 0,
                             "teams": 0, "regions": 0, "sources": 0}
    assert again.updated == {"deals": 0, "customers": 0} and again.unchanged == 8800
    after = dump_tables()
    assert after == before


def test_maven_import_is_undone_and_redone_exactly(services, pipeline):
    before = dump_tables()
    out = _maven(services, pipeline)
    imported = dump_tables()
    redo = services.undo(out.inverse)
    assert dump_tables() == before
    again = services.undo(redo.inverse)
    assert dump_tables() == imported
    services.undo(again.inverse)
    assert dump_tables() == before


def _write(path: Path, text: str, encoding: str = "utf-8") -> Path:
    path.write_text(text, encoding=encoding, newline="")
    return path


SMALL = Mapping(columns={"id": "deal.external_id", "deal": "deal.title",
                         "customer": "customer.name", "stage": "deal.stage",
                         "amount": "deal.amount", "created": "deal.created",
                         "closed": "deal.closed", "owner": "owner.name",
                         "source": "deal.source"},
                stage_map={"new": "open:1", "talking": "open:2", "won": "won",
                           "lost": "lost"})


def test_reimport_updates_by_external_id_instead_of_duplicating(services, pipeline, tmp_path,
                                                                clock):
    first = _write(tmp_path / "a.csv",
                   "id,deal,customer,stage,amount,created,closed,owner,source\n"
                   "X1,Server,Acme,new,1000,2026-01-05,,Ann,Fair\n"
                   "X2,Support,Acme,talking,2000,2026-01-06,,Ann,Fair\n"
                   "X3,Cloud,Beta,talking,3000,2026-01-07,,Bob,\n")
    out = import_table(services, read_table(first), SMALL, pipeline)
    assert out.value.created["deals"] == 3 and out.value.created["sources"] == 1
    ids = _stage_ids(pipeline)
    x2 = Deal.get(Deal.external_id == "X2")
    clock.now = datetime(2026, 3, 1, 9, 0)
    second = _write(tmp_path / "b.csv",
                    "id,deal,customer,stage,amount,created,closed,owner,source\n"
                    "X1,Server,Acme,new,1000,2026-01-05,,Ann,Fair\n"
                    "X2,Support,Acme,won,2500,2026-01-06,2026-02-20,Bob,Fair\n"
                    "X3,Cloud,Beta,talking,3000,2026-01-07,,Bob,\n"
                    "X4,Laptops,Gamma,new,400,2026-02-01,,Cy,Web\n")
    out2 = import_table(services, read_table(second), SMALL, pipeline)
    r = out2.value
    assert (r.created["deals"], r.updated["deals"], r.unchanged) == (1, 1, 2)
    assert Deal.select().count() == 4
    x2 = Deal.get_by_id(x2.id)
    assert (x2.stage_id, x2.amount, x2.owner.name) == (ids["Won"], 250000, "Bob")
    assert x2.closed_at == datetime(2026, 2, 20, 12, 0)
    hist = [(h.stage_id, h.entered_at, h.left_at) for h in
            StageHistory.select().where(StageHistory.deal == x2.id).order_by(StageHistory.id)]
    assert hist == [(ids["Product introduction"], datetime(2026, 1, 6, 12), datetime(2026, 2, 20,
                                                                                        12)),
                    (ids["Won"], datetime(2026, 2, 20, 12), None)]
    logged = {(c.field, c.old, c.new) for c in DealChange.select().where(DealChange.deal == x2.id)}
    owners = {o.name: o.id for o in Owner.select()}
    assert logged == {("amount", "200000", "250000"),
                      ("owner", str(owners["Ann"]), str(owners["Bob"]))}
    assert Customer.select().count() == 3 and Source.select().where(
        Source.name == "Web").exists()
    # undo of the second import restores the first one's state exactly
    services.undo(out2.inverse)
    assert Deal.select().count() == 3
    x2 = Deal.get_by_id(x2.id)
    assert (x2.stage_id, x2.amount, x2.closed_at) == (ids["Product introduction"], 200000, None)
    assert not Owner.select().where(Owner.name == "Cy").exists()
    assert not Source.select().where(Source.name == "Web").exists()


def test_undo_of_an_import_into_a_business_restores_the_exact_prior_state(demo, tmp_path):
    services = Services(user="tester", clock=lambda: datetime(2026, 11, 24, 10, 0))
    deal = Deal.select().order_by(Deal.id).first()
    customer = Customer.select().order_by(Customer.id).first()
    services.update_deal(deal.id, {"external_id": "EXT-1"})
    before = dump_tables()
    path = _write(tmp_path / "c.csv",
                  "id,deal,customer,stage,amount,created,closed,owner,source\n"
                  f"EXT-1,Renamed,{customer.name},talking,99,2026-11-01,,New Person,Expo\n"
                  "EXT-2,Fresh,Brand New Ltd,new,10,2026-11-02,,Alice Chen,\n")
    out = import_table(services, read_table(path), SMALL, deal.pipeline_id)
    assert out.value.created["deals"] == 1 and out.value.updated["deals"] == 1
    assert Deal.get_by_id(deal.id).title == "Renamed"
    services.undo(out.inverse)
    assert dump_tables() == before


BAD = ("id,deal,customer,stage,amount,created,closed,owner,source\n"
       "B1,Good one,Acme,new,1000,2026-01-05,,Ann,\n"
       "B2,Bad date,Acme,new,1000,05/01/2026x,,Ann,\n"
       "B3,Bad amount,Acme,new,lots,2026-01-05,,Ann,\n"
       "B4,Odd stage,Acme,maybe,1000,2026-01-05,,Ann,\n"
       "B5,Negative,Acme,new,-5,2026-01-05,,Ann,\n"
       "B6,Backwards,Acme,won,5,2026-02-05,2026-01-05,Ann,\n"
       "B1,Repeated,Acme,new,1,2026-01-05,,Ann,\n"
       ",,,,,,,,\n"
       "B8,Also good,Beta,won,700,2026-01-05,2026-01-20,Bob,\n")


def test_bad_rows_are_named_by_the_dry_run_and_the_real_run_changes_nothing(
        services, pipeline, tmp_path):
    table = read_table(_write(tmp_path / "bad.csv", BAD))
    dry = import_table(services, table, SMALL, pipeline, dry_run=True).value
    assert [(p.row, p.column, p.code) for p in dry.problems] == [
        (3, "created", "date_invalid"),
        (4, "amount", "amount_invalid"),
        (5, "stage", "import_stage_unmapped"),
        (6, "amount", "amount_negative"),
        (7, "closed", "import_closed_before_created"),
    ]
    assert dry.problems[0].english() == ("“05/01/2026x” is not a date. Write it as YYYY-MM-DD, "
                                         "e.g. 2026-11-24.")
    assert dry.problems[2].english() == ("Stage “maybe” is not mapped to a stage of this "
                                         "pipeline.")
    assert [(p.row, p.code) for p in dry.skipped] == [(8, "import_duplicate_id"),
                                                      (9, "import_empty_row")]
    assert dry.blocked and dry.created["deals"] == 2
    before = dump_tables()
    with pytest.raises(ImportRefused) as info:
        import_table(services, table, SMALL, pipeline)
    assert info.value.code == "import_has_errors" and info.value.params == {"count": 5}
    assert dump_tables() == before
    SMALL.skip_invalid_rows = True
    try:
        out = import_table(services, table, SMALL, pipeline)
    finally:
        SMALL.skip_invalid_rows = False
    assert out.value.created["deals"] == 2 and out.value.skipped_rows == 7
    assert sorted(d.external_id for d in Deal.select()) == ["B1", "B8"]


def test_a_failed_write_leaves_nothing_behind(services, pipeline, tmp_path, monkeypatch):
    from funnel_desktop.core.errors import StoreError
    from funnel_desktop.services import importing

    table = read_table(_write(tmp_path / "a.csv",
                              "id,deal,customer,stage,amount,created,closed,owner,source\n"
                              "X1,Server,Acme,new,1000,2026-01-05,,Ann,Fair\n"))
    before = dump_tables()

    def broken(*args, **kwargs):
        raise __import__("sqlite3").OperationalError("disk I/O error")

    monkeypatch.setattr(importing, "fix_sequences", broken)
    events = []
    services.bus.subscribe(events.append)
    with pytest.raises(StoreError):
        import_table(services, table, SMALL, pipeline)
    assert dump_tables() == before and events == []


def test_one_change_event_per_import(services, pipeline, tmp_path):
    events = []
    services.bus.subscribe(events.append)
    table = read_table(_write(tmp_path / "a.csv",
                              "id,deal,customer,stage,amount,created,closed,owner,source\n"
                              "X1,Server,Acme,new,1000,2026-01-05,,Ann,Fair\n"
                              "X2,Laptops,Acme,won,500,2026-01-05,2026-01-09,Ann,Fair\n"))
    import_table(services, table, SMALL, pipeline, dry_run=True)
    assert events == []
    out = import_table(services, table, SMALL, pipeline)
    assert len(events) == 1 and events[0] is out.changes
    assert events[0].touches("deals") and events[0].touches("customers")
    assert events[0].deal_ids == {d.id for d in Deal.select()}


def test_customers_only_file_creates_customers_and_contacts(services, pipeline, tmp_path):
    path = _write(tmp_path / "客户.csv",
                  "客户名称,行业,联系人姓名,职位,电话\n"
                  "华信科技有限公司,制造业,赵总,总经理,13800000000\n"
                  "华信科技有限公司,制造业,孙工,工程师,13900000000\n"
                  "东方贸易有限公司,零售,,,\n", encoding="gb18030")
    table = read_table(path)
    assert table.encoding == "gb18030"
    from funnel_desktop.store.importing import guess_columns

    mapping = Mapping(columns=guess_columns(table.headers))
    assert mapping.columns == {"客户名称": "customer.name", "行业": "customer.industry",
                               "联系人姓名": "contact.name", "职位": "contact.title",
                               "电话": "customer.phone"}
    out = import_table(services, table, mapping, pipeline)
    assert out.value.created == {"deals": 0, "customers": 2, "contacts": 2, "owners": 0,
                                 "teams": 0, "regions": 0, "sources": 0}
    hx = Customer.get(Customer.name == "华信科技有限公司")
    assert (hx.industry, hx.phone) == ("制造业", "13800000000")
    assert sorted((c.name, c.title) for c in hx.contacts) == [("孙工", "工程师"),
                                                             ("赵总", "总经理")]
    assert Deal.select().count() == 0 and Stage.select().count() == 6


def _as_of(pipeline: int, moment: datetime) -> dict[str, tuple[int | None, datetime | None]]:
    """Each deal (by external id) as the pipeline stood at ``moment``: stage, close time."""
    from funnel_desktop.core.history import rebuild_as_of
    from funnel_desktop.store.queries import load_changes, load_funnel

    data = rebuild_as_of(load_funnel(pipeline), load_changes(pipeline), moment)
    ext = dict(Deal.select(Deal.id, Deal.external_id).tuples())
    return {ext[d.id]: (d.stage_id, d.closed) for d in data.deals}


def test_a_reimport_records_moves_and_redatings_when_it_learns_them(services, pipeline,
                                                                   tmp_path, clock):
    """Imported on 20 June, re-imported on 2 December: the move the second file shows is
    known from 2 December on (the pipeline of 1 August is as it was), a close keeps the date
    the file gives, and a closed deal re-dated moves its closing stay, with the change in the
    change log."""
    ids = _stage_ids(pipeline)
    new, talking, won = ids["Nurture & identify"], ids["Product introduction"], ids["Won"]
    clock.now = datetime(2026, 6, 20, 9, 0)
    head = "id,deal,customer,stage,amount,created,closed,owner,source\n"
    import_table(services, read_table(_write(tmp_path / "a.csv", head +
        "M1,Boiler,Acme,new,1000,2026-06-20,,Ann,\n"
        "M2,Pumps,Acme,talking,2000,2026-06-01,,Ann,\n"
        "M3,Valves,Beta,won,3000,2026-05-01,2026-07-01,Bob,\n")), SMALL, pipeline)
    first = _as_of(pipeline, datetime(2026, 8, 1))
    moment = datetime(2026, 12, 2, 10, 42)
    clock.now = moment
    out = import_table(services, read_table(_write(tmp_path / "b.csv", head +
        "M1,Boiler,Acme,talking,1000,2026-06-20,,Ann,\n"
        "M2,Pumps,Acme,won,2000,2026-06-01,2026-11-30,Ann,\n"
        "M3,Valves,Beta,won,3000,2026-05-01,2026-07-15,Bob,\n")), SMALL, pipeline)
    assert out.value.updated["deals"] == 3
    # the pipeline of 1 August is what the first import said of the moved deals (the
    # re-dated close, a correction of a date, counts from the date the file now gives)
    august = _as_of(pipeline, datetime(2026, 8, 1))
    assert {k: august[k] for k in ("M1", "M2")} == {k: first[k] for k in ("M1", "M2")}
    assert first["M1"] == (new, None) and first["M2"] == (talking, None)
    # the move is known from the import on; the close keeps its date
    later = _as_of(pipeline, datetime(2026, 12, 3))
    assert later["M1"] == (talking, None)
    assert later["M2"] == (won, datetime(2026, 11, 30, 12))
    m1 = Deal.get(Deal.external_id == "M1")
    assert [(h.stage_id, h.entered_at, h.left_at) for h in StageHistory.select().where(
        StageHistory.deal == m1.id).order_by(StageHistory.id)] == [
        (new, datetime(2026, 6, 20, 12), moment), (talking, moment, None)]
    assert m1.stage_entered_at == moment
    # the re-dated close: its closing stay moved, and the change log says so, at the import
    m3 = Deal.get(Deal.external_id == "M3")
    assert m3.closed_at == datetime(2026, 7, 15, 12)
    stays = [(h.stage_id, h.entered_at, h.left_at) for h in StageHistory.select().where(
        StageHistory.deal == m3.id).order_by(StageHistory.id)]
    assert stays == [(won, datetime(2026, 7, 15, 12), None)]  # imported closed: one stay
    logged = [(c.field, c.old, c.new, c.at) for c in DealChange.select().where(
        DealChange.deal == m3.id)]
    assert logged == [("closed_at", "2026-07-01T12:00:00", "2026-07-15T12:00:00", moment)]
    assert _as_of(pipeline, datetime(2026, 7, 10))["M3"][1] is None  # not yet closed then
    assert _as_of(pipeline, datetime(2026, 7, 20))["M3"] == (won, datetime(2026, 7, 15, 12))
