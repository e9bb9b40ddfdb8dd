"""Fuzz: files to import. A table written as CSV (any delimiter, common encodings) or XLSX
reads back cell for cell; any bytes at all, as a CSV or an XLSX file, read or end with a
ValidationError with a message, never another exception."""

from __future__ import annotations

import csv
import io
import zipfile
from datetime import datetime
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from funnel_desktop.core.errors import ValidationError
from funnel_desktop.store.importing import read_table
from tests.fuzz import assert_message, fuzz

# text a person could type in a cell (no surrogates; CR on its own is not kept by csv)
cell_text = st.text(st.characters(exclude_categories=("Cs",), exclude_characters="\r\x00"),
                    max_size=20)
chinese = st.text(st.sampled_from("客户名称金额阶段深圳北京成交输单一专业，。（）¥万"), max_size=8)


def _roundtrip_table(header_count: int):
    header = st.lists(st.text(st.characters(categories=("L", "N")), min_size=1, max_size=8),
                      min_size=header_count, max_size=header_count, unique=True)
    row = st.lists(st.one_of(cell_text, chinese), min_size=header_count,
                   max_size=header_count)
    return st.tuples(header, st.lists(row, max_size=12))


def _expected(rows: list[list[str]]) -> list[tuple[str, ...]]:
    out = [tuple(r) for r in rows]
    while out and all(v.strip() == "" for v in out[-1]) and not any(out[-1]):
        out.pop()  # blank rows at the end are left out
    return out


@fuzz(120)
@given(st.integers(min_value=1, max_value=5).flatmap(_roundtrip_table),
       st.sampled_from([",", ";", "\t", "|"]),
       st.sampled_from(["utf-8", "utf-8-sig", "gb18030", "utf-16"]), st.booleans())
def test_a_written_table_reads_back_cell_for_cell(tmp_path_factory, table, delimiter,
                                                  encoding, say_encoding):
    header, rows = table
    buf = io.StringIO()
    w = csv.writer(buf, delimiter=delimiter, lineterminator="\r\n")
    w.writerow(header)
    w.writerows(rows)
    path = tmp_path_factory.mktemp("csv") / "t.csv"
    path.write_bytes(buf.getvalue().encode(encoding))
    t = read_table(path, encoding=encoding if say_encoding else "auto", delimiter=delimiter)
    assert t.headers == header
    assert list(t.rows) == _expected(rows)


@fuzz(200)
@given(st.binary(max_size=400), st.sampled_from(["auto", "utf-8", "gb18030", "latin-1",
                                                 "utf-16", "big5"]),
       st.sampled_from(["auto", ",", ";"]))
def test_any_bytes_as_csv_read_or_give_a_message(tmp_path_factory, data, encoding, delimiter):
    path = tmp_path_factory.mktemp("bytes") / "b.csv"
    path.write_bytes(data)
    try:
        t = read_table(path, encoding=encoding, delimiter=delimiter)
        rows = list(t.rows)
    except ValidationError as err:
        assert_message(err)
        return
    assert all(isinstance(r, tuple) for r in rows)


@fuzz(120)
@given(st.lists(st.tuples(st.sampled_from([b"\xe6\xb7\xb1\xe5\x9c\xb3", "深圳".encode("gbk"),
                                           b"abc", b"\xff\xfe", b'"', b"\n", b",", b"\r"]),
                          st.booleans()), max_size=30))
def test_mixtures_of_encodings_are_named_or_read(tmp_path_factory, pieces):
    data = b"a,b\n" + b"".join(p for p, _ in pieces)
    path = tmp_path_factory.mktemp("mix") / "m.csv"
    path.write_bytes(data)
    try:
        t = read_table(path)
        list(t.rows)
    except ValidationError as err:
        assert_message(err)
        assert err.code in ("import_mixed_encoding", "import_encoding_row", "import_unreadable",
                            "import_empty")


xlsx_value = st.one_of(
    st.none(), st.text(st.characters(categories=("L", "N", "P", "Zs")), min_size=1,
                       max_size=15),
    st.integers(min_value=-(10**15), max_value=10**15),
    st.floats(allow_nan=False, allow_infinity=False, width=64).filter(lambda f: abs(f) < 1e15),
    st.booleans(),
    st.datetimes(min_value=datetime(1901, 1, 1), max_value=datetime(2999, 12, 31)).map(
        lambda d: d.replace(microsecond=0)))


@fuzz(60)
@given(st.lists(st.lists(xlsx_value, min_size=1, max_size=5), min_size=1, max_size=8))
def test_xlsx_reads_as_openpyxl_reads_it(tmp_path_factory, rows):
    from openpyxl import Workbook, load_workbook

    wb = Workbook()
    ws = wb.active
    ws.append(["A", "B", "C", "D", "E"])
    for r in rows:
        ws.append(r)
    path = tmp_path_factory.mktemp("xlsx") / "w.xlsx"
    wb.save(path)
    book = load_workbook(path, read_only=True, data_only=True)
    try:
        theirs = [tuple(r) for r in book.active.iter_rows(min_row=2, max_col=5,
                                                          values_only=True)]
    finally:
        book.close()
    while theirs and all(v is None for v in theirs[-1]):
        theirs.pop()
    ours = list(read_table(path).rows)
    assert ours == theirs


_PARTS = ["[Content_Types].xml", "_rels/.rels", "xl/workbook.xml",
          "xl/_rels/workbook.xml.rels", "xl/worksheets/sheet1.xml", "xl/sharedStrings.xml",
          "xl/styles.xml"]
xml_bits = st.lists(st.sampled_from(
    ["<", ">", "</", "/>", "<row", "<c", " r=\"A1\"", " t=\"s\"", "<v>", "</v>", "0", "9" * 9,
     "<si><t>", "</t></si>", "<!DOCTYPE x>", "&amp;", "&#0;", "<sheet name=\"S\" r:id=\"rId1\"/>",
     "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"",
     "<Relationship Id=\"rId1\" Target=\"worksheets/sheet1.xml\" Type=\"x/worksheet\"/>",
     "<sheetData>", "</sheetData>", "<worksheet>", "</worksheet>", "<workbook>", "<sheets>",
     "</sheets>", "</workbook>", "é", "深"]), max_size=40).map("".join)


@fuzz(150)
@given(st.dictionaries(st.sampled_from(_PARTS), st.one_of(xml_bits, st.binary(max_size=60)),
                       max_size=7))
def test_any_workbook_parts_read_or_give_a_message(tmp_path_factory, parts):
    path = tmp_path_factory.mktemp("zip") / "z.xlsx"
    with zipfile.ZipFile(path, "w") as z:
        for name, body in parts.items():
            z.writestr(name, body)
    try:
        t = read_table(path)
        list(t.rows)
    except ValidationError as err:
        assert_message(err)


@fuzz(80)
@given(st.binary(max_size=300))
def test_any_bytes_as_xlsx_give_a_message(tmp_path_factory, data):
    path: Path = tmp_path_factory.mktemp("xb") / "x.xlsx"
    path.write_bytes(data)
    try:
        list(read_table(path).rows)
    except ValidationError as err:
        assert_message(err)
