"""Reading files for import: encodings, delimiters, XLSX, limits; parsing dates and amounts;
the mapping and its presets."""

from __future__ import annotations

import json
import zipfile
from datetime import date, datetime
from pathlib import Path

import pytest

from funnel_desktop.core.errors import ValidationError
from funnel_desktop.core.values import StageInfo, StageKind
from funnel_desktop.store.importing import (
    Lookup,
    Mapping,
    detect_encoding,
    guess_columns,
    guess_stage_map,
    load_preset,
    parse_moment,
    parse_money,
    parse_table,
    read_table,
    sniff_delimiter,
    stage_ref,
)
from funnel_desktop.store.importing import reading as reading_mod
from funnel_desktop.store.importing.parsing import clean_text, parse_probability

TEXT = "客户,金额,阶段\n华信科技,\"1,234.56\",赢单\n东方贸易,￥12.5万,初步接触\n"


def _stages() -> list[StageInfo]:
    return [StageInfo(1, "Prospect", StageKind.OPEN, 0, 10),
            StageInfo(2, "Engaged", StageKind.OPEN, 1, 40),
            StageInfo(3, "Closed", StageKind.WON, 2, 100),
            StageInfo(4, "Lost", StageKind.LOST, 3, 0)]


@pytest.mark.parametrize(("encoding", "detected"), [("utf-8", "utf-8"),
                                                     ("utf-8-sig", "utf-8-sig"),
                                                     ("gbk", "gb18030"),
                                                     ("gb18030", "gb18030")])
def test_chinese_csv_in_every_common_encoding(tmp_path: Path, encoding: str, detected: str):
    path = tmp_path / "c.csv"
    path.write_bytes(TEXT.encode(encoding))
    t = read_table(path)
    assert (t.encoding, t.delimiter) == (detected, ",")
    assert t.headers == ["客户", "金额", "阶段"]  # no BOM left in the first header
    assert t.rows == [("华信科技", "1,234.56", "赢单"), ("东方贸易", "￥12.5万", "初步接触")]


def test_detect_encoding_and_a_wrong_choice_is_a_clear_error(tmp_path: Path):
    assert detect_encoding("名".encode("gbk")) == "gb18030"
    assert detect_encoding(b"\xef\xbb\xbfa,b") == "utf-8-sig"
    assert detect_encoding("a,b".encode("utf-16")) == "utf-16"
    path = tmp_path / "g.csv"
    path.write_bytes(TEXT.encode("gbk"))
    with pytest.raises(ValidationError) as info:
        read_table(path, encoding="utf-8")
    assert info.value.code == "import_encoding_row"
    assert (info.value.params["encoding"], info.value.params["row"]) == ("utf-8", 1)


def test_semicolon_file_with_decimal_commas(tmp_path: Path):
    # csv.Sniffer alone prefers "," here: every row has exactly one comma
    text = "id;deal;amount;created\nA1;Server;1.234,56;05.01.2026\nA2;Cloud;99,5;06.01.2026\n"
    assert sniff_delimiter(text) == ";"
    path = tmp_path / "s.csv"
    path.write_text(text, encoding="utf-8")
    t = read_table(path)
    assert t.delimiter == ";" and t.headers == ["id", "deal", "amount", "created"]
    assert [parse_money(r[2], "1.234,56") for r in t.rows] == [123456, 9950]
    assert [parse_moment(r[3], "DD.MM.YYYY") for r in t.rows] == [
        datetime(2026, 1, 5, 12), datetime(2026, 1, 6, 12)]


@pytest.mark.parametrize(("text", "delimiter"), [("a\tb\tc\n1\t2\t3\n", "\t"),
                                                 ("a|b\n1|2\n", "|"),
                                                 ('a,b\n"x, y",2\n', ",")])
def test_other_delimiters(text: str, delimiter: str):
    assert sniff_delimiter(text) == delimiter


def test_xlsx_keeps_types_and_reads_the_chosen_sheet(tmp_path: Path):
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.title = "Deals"
    ws.append(["Title", "Amount", "Created", "Probability"])
    ws.append(["Server", 1234.5, datetime(2026, 1, 5, 9, 30), 0.25])
    ws.append(["=1+1 text", 10, date(2026, 1, 6), 40])
    ws["A3"].data_type = "s"
    ws.append([None, None, None, None])
    other = wb.create_sheet("Other")
    other.append(["x"])
    other.append([1])
    path = tmp_path / "w.xlsx"
    wb.save(path)
    t = read_table(path)
    assert (t.sheet, t.sheets) == ("Deals", ["Deals", "Other"])
    assert t.headers == ["Title", "Amount", "Created", "Probability"]
    assert t.rows[0] == ("Server", 1234.5, datetime(2026, 1, 5, 9, 30), 0.25)
    assert t.rows[1][0] == "=1+1 text" and len(t.rows) == 2  # trailing blank row dropped
    assert parse_money(t.rows[0][1]) == 123450
    assert parse_moment(t.rows[0][2]) == datetime(2026, 1, 5, 9, 30)
    assert parse_moment(t.rows[1][2]) == datetime(2026, 1, 6, 12)
    assert parse_probability(t.rows[0][3]) == 25 and parse_probability(t.rows[1][3]) == 40
    assert read_table(path, sheet="Other").rows == [(1,)]
    with pytest.raises(ValidationError) as info:
        read_table(path, sheet="Nope")
    assert info.value.code == "import_sheet_unknown"


def test_xlsx_too_big_when_unpacked_is_refused_before_loading(tmp_path: Path, monkeypatch):
    path = tmp_path / "bomb.xlsx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("xl/worksheets/sheet1.xml", "<a>" + " " * 3_000_000 + "</a>")
    assert path.stat().st_size < 100_000
    monkeypatch.setattr(reading_mod, "MAX_BYTES", 2 * 1024 * 1024)
    with pytest.raises(ValidationError) as info:
        read_table(path)
    assert info.value.code == "import_too_big" and info.value.params["limit"] == 2


def test_unreadable_missing_and_empty_files(tmp_path: Path):
    bad = tmp_path / "bad.xlsx"
    bad.write_bytes(b"not a zip")
    codes = []
    for path in (bad, tmp_path / "none.csv", tmp_path / "x.pdf"):
        if path.suffix == ".pdf":
            path.write_bytes(b"%PDF")
        with pytest.raises(ValidationError) as info:
            read_table(path)
        codes.append(info.value.code)
    empty = tmp_path / "e.csv"
    empty.write_text("\n\n", encoding="utf-8")
    with pytest.raises(ValidationError) as info:
        read_table(empty)
    assert codes + [info.value.code] == ["import_unreadable", "import_file_missing",
                                         "import_file_type", "import_empty"]


def test_headers_are_made_unique_and_short_rows_padded(tmp_path: Path):
    path = tmp_path / "h.csv"
    path.write_text("Name,Name,,Amount\nA,B\n", encoding="utf-8")
    t = read_table(path)
    assert t.headers == ["Name", "Name (2)", "Column 3", "Amount"]
    assert t.rows == [("A", "B", None, None)]


@pytest.mark.parametrize(("text", "fmt", "minor"), [
    ("1,234.56", "auto", 123456), ("1.234,56", "auto", 123456), ("1.234,56", "1.234,56", 123456),
    ("¥12,500", "auto", 1250000), ("12.5万", "auto", 12500000), ("1.234", "1.234,56", 123400),
    ("$ 99", "1,234.56", 9900), ("", "auto", None), (" 7 ", "auto", 700)])
def test_amount_formats(text: str, fmt: str, minor: int | None):
    assert parse_money(text, fmt) == minor


def test_amounts_written_in_wan_and_bad_amounts():
    assert parse_money("3.5", scale=10000) == 3500000
    for bad, code in (("abc", "amount_invalid"), ("-1", "amount_negative"),
                      (True, "amount_invalid")):
        with pytest.raises(ValidationError) as info:
            parse_money(bad)
        assert info.value.code == code


@pytest.mark.parametrize(("text", "fmt", "expected"), [
    ("2026-11-24", "auto", datetime(2026, 11, 24, 12)),
    ("2026/11/24", "auto", datetime(2026, 11, 24, 12)),
    ("2026年11月24日", "auto", datetime(2026, 11, 24, 12)),
    ("2026-11-24 08:30:00", "auto", datetime(2026, 11, 24, 8, 30)),
    ("24/11/2026", "DD/MM/YYYY", datetime(2026, 11, 24, 12)),
    ("11/24/2026", "MM/DD/YYYY", datetime(2026, 11, 24, 12)),
    ("", "auto", None)])
def test_date_formats(text: str, fmt: str, expected: datetime | None):
    assert parse_moment(text, fmt) == expected


def test_ambiguous_dates_need_their_format():
    with pytest.raises(ValidationError) as info:
        parse_moment("24/11/2026")
    assert info.value.code == "date_invalid"


def test_formula_guard_is_taken_off_on_import():
    assert clean_text("'=SUM(A1)") == "=SUM(A1)"
    assert clean_text("'-5 ") == "-5"
    assert clean_text("'quoted") == "'quoted"
    assert clean_text(3.0) == "3"


def test_guess_columns_in_english_and_chinese():
    assert guess_columns(["opportunity_id", "sales_agent", "product", "account", "deal_stage",
                          "engage_date", "close_date", "close_value"]) == {
        "opportunity_id": "deal.external_id", "sales_agent": "owner.name",
        "product": "deal.product", "account": "customer.name", "deal_stage": "deal.stage",
        "engage_date": "deal.created", "close_date": "deal.closed",
        "close_value": "deal.amount"}
    assert guess_columns(["商机名称", "客户名称", "金额", "销售阶段", "负责人", "预计成交日期",
                          "备注"]) == {
        "商机名称": "deal.title", "客户名称": "customer.name", "金额": "deal.amount",
        "销售阶段": "deal.stage", "负责人": "owner.name", "预计成交日期": "deal.expected_close",
        "备注": "deal.close_note"}
    # a bare id is the other system's id only when there is no external id column
    assert guess_columns(["ID", "Title"]) == {"ID": "deal.external_id", "Title": "deal.title"}
    assert guess_columns(["id", "external_id"]) == {"external_id": "deal.external_id"}


def test_stage_values_by_name_word_or_position():
    stages = _stages()
    assert guess_stage_map(["Prospecting", "Engaging", "Won", "Lost", "closed", "weird"],
                           stages) == {"Prospecting": "Prospect", "Engaging": "Engaged",
                                       "Won": "Closed", "Lost": "Lost", "closed": "Closed"}
    assert stage_ref("open:2", stages).name == "Engaged"
    assert stage_ref("open:9", stages).name == "Engaged"  # past the end: the last open stage
    assert stage_ref("won", stages).id == 3 and stage_ref("nothing", stages) is None


def test_mapping_saves_and_loads_as_a_preset(tmp_path: Path):
    m = Mapping(columns={"a": "deal.title"}, stage_map={"x": "open:1"}, date_format="DD/MM/YYYY",
                amount_format="1.234,56", amount_scale=10000, open_value_from_price=True,
                lookups=[Lookup("p.csv", "product", "deal.product", {"price": "product.price"})])
    path = m.save(tmp_path / "preset.json")
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["format"] == "funnel-desktop-import" and data["version"] == 1
    assert Mapping.load(path) == m
    path.write_text('{"columns": {}, "bogus": 1}', encoding="utf-8")
    with pytest.raises(ValidationError) as info:
        Mapping.load(path)
    assert info.value.code == "import_preset_keys" and "bogus" in info.value.english()
    assert "columns, stage_map" in info.value.english()  # the valid keys are listed
    for key in Mapping.__dataclass_fields__:  # whole: not cut as a long value is
        assert f" {key}," in info.value.english() or f" {key}." in info.value.english(), key
    from funnel_desktop.ui.common.messages import error_text

    assert "skip_invalid_rows" in error_text(info.value)  # the window's words too
    with pytest.raises(ValidationError) as info:
        load_preset(tmp_path / "missing.json")
    assert info.value.code == "import_preset_invalid"
    assert load_preset("maven").columns["opportunity_id"] == "deal.external_id"


@pytest.mark.parametrize(("mapping", "code"), [
    (Mapping(), "import_nothing_mapped"),
    (Mapping(columns={"a": "deal.colour"}), "import_field_unknown"),
    (Mapping(columns={"zzz": "deal.title"}), "import_column_unknown"),
    (Mapping(columns={"a": "deal.title", "b": "deal.title"}), "choice_invalid"),
    (Mapping(columns={"a": "deal.title"}, date_format="someday"), "choice_invalid"),
    (Mapping(columns={"a": "deal.title"}, missing_date="soon"), "choice_invalid")])
def test_mapping_mistakes_are_named(mapping: Mapping, code: str):
    with pytest.raises(ValidationError) as info:
        mapping.validate(["a", "b"])
    assert info.value.code == code


def test_lookups_enrich_rows_and_report_near_matches(tmp_path: Path):
    (tmp_path / "products.csv").write_text("product,price\nGTX Pro,4821\n", encoding="utf-8")
    (tmp_path / "deals.csv").write_text(
        "id,product,stage\n1,GTXPro,Prospect\n2,gtx pro,Closed\n3,Nope,Prospect\n",
        encoding="utf-8")
    m = Mapping(columns={"id": "deal.external_id", "product": "deal.product",
                         "stage": "deal.stage"}, open_value_from_price=True,
                lookups=[Lookup("products.csv", "product", "deal.product",
                                {"price": "product.price"})])
    parsed = parse_table(read_table(tmp_path / "deals.csv"), m, _stages(),
                         now=datetime(2026, 1, 1), base_dir=tmp_path)
    assert not parsed.problems
    assert [(r.deal["title"], r.deal["amount"]) for r in parsed.rows] == [
        ("GTX Pro", 482100), ("GTX Pro", 0), ("Nope", 0)]
    notes = {(n.code, n.params.get("value")): n.count for n in parsed.notes}
    assert notes[("note_lookup_normalised", "GTXPro")] == 1
    assert notes[("note_lookup_normalised", "gtx pro")] == 1
    assert notes[("note_lookup_missing", "Nope")] == 1
    assert notes[("note_valued_from_price", None)] == 1
    m.lookups[0].file = "gone.csv"
    with pytest.raises(ValidationError) as info:
        parse_table(read_table(tmp_path / "deals.csv"), m, _stages(),
                    now=datetime(2026, 1, 1), base_dir=tmp_path)
    assert info.value.code == "import_lookup_missing"
