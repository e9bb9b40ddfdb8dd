"""Reading files for import within bounds: mixed encodings are named by row, a pathological
file ends with a message (not a hang or gigabytes of memory), and rows are streamed."""

from __future__ import annotations

import csv
import time
import zipfile
from datetime import date, datetime
from pathlib import Path

import pytest

from funnel_desktop.core.errors import ValidationError
from funnel_desktop.store.importing import read_table
from funnel_desktop.store.importing import reading as reading_mod
from funnel_desktop.store.importing.reading import HEAD_ROWS, Rows


def _refused(path: Path, **kw) -> ValidationError:
    with pytest.raises(ValidationError) as info:
        table = read_table(path, **kw)
        list(table.rows)  # the bounds past the first rows are met while iterating
    assert "{" not in info.value.english()
    return info.value


# -- encodings --------------------------------------------------------------------------------
def test_a_file_mixing_utf8_and_gbk_is_refused_with_the_rows_of_each(tmp_path: Path):
    path = tmp_path / "mixed.csv"
    lines = ["客户名称,金额\n".encode("gbk"), "深圳客户,100\n".encode(),
             "北京客户,200\n".encode("gbk"), "上海客户,300\n".encode("gbk"),
             "广州客户,400\n".encode()]
    path.write_bytes(b"".join(lines))
    err = _refused(path)
    assert err.code == "import_mixed_encoding"
    assert (err.params["utf8_rows"], err.params["other_rows"]) == ("2, 5", "1, 3, 4")
    assert "rows 2, 5 are in UTF-8 and rows 1, 3, 4 in GB18030" in err.english()


def test_mixed_rows_are_counted_as_the_spreadsheet_counts_them(tmp_path: Path):
    """A quoted cell with line breaks makes one row of several lines."""
    path = tmp_path / "multi.csv"
    path.write_bytes(b"name,note\n" + '甲,"第一行\n第二行\n第三行"\n'.encode("gbk")
                     + "乙,说明\n".encode())
    err = _refused(path)
    assert (err.params["other_rows"], err.params["utf8_rows"]) == ("2", "3")


def test_a_gbk_file_whose_first_chinese_looks_like_utf8_is_read_as_gbk(tmp_path: Path):
    # 一 and 专业 are GBK bytes that also decode as (Cyrillic and Arabic) UTF-8
    path = tmp_path / "g.csv"
    path.write_bytes("名称,数量\n一,专业\n".encode("gbk")[0:0] + b"name,kind\n"
                     + "一,专业\n".encode("gbk") + "深圳客户,赢单\n".encode("gbk"))
    t = read_table(path)
    assert t.encoding == "gb18030"
    assert list(t.rows) == [("一", "专业"), ("深圳客户", "赢单")]


def test_a_line_in_no_encoding_names_its_row(tmp_path: Path):
    path = tmp_path / "bad.csv"
    path.write_bytes(b"a,b\n1,2\n3,\xff\xfe\xfa\n")
    err = _refused(path)
    assert err.code == "import_encoding_row" and err.params["row"] == 3
    err = _refused(path, encoding="utf-8")
    assert (err.code, err.params["row"], err.params["encoding"]) == (
        "import_encoding_row", 3, "utf-8")


def test_utf16_with_a_bom_and_explicit_encodings(tmp_path: Path):
    path = tmp_path / "u16.csv"
    path.write_bytes("客户\t金额\n华信\t5\n".encode("utf-16"))
    t = read_table(path)
    assert (t.encoding, t.delimiter, list(t.rows)) == ("utf-16", "\t", [("华信", "5")])
    latin = tmp_path / "l.csv"
    latin.write_bytes("name,city\nMüller,Köln\n".encode("latin-1"))
    assert list(read_table(latin, encoding="latin-1").rows) == [("Müller", "Köln")]


@pytest.mark.parametrize(("option", "value"), [("delimiter", ";;"), ("delimiter", "\n"),
                                               ("delimiter", '"'), ("encoding", "klingon"),
                                               ("encoding", "")])
def test_bad_choices_are_named(tmp_path: Path, option: str, value: str):
    path = tmp_path / "a.csv"
    path.write_text("a,b\n1,2\n", encoding="utf-8")
    err = _refused(path, **{option: value})
    code = "delimiter_invalid" if option == "delimiter" else "choice_invalid"
    assert (err.code, err.field) == (code, option)


# -- bounds -----------------------------------------------------------------------------------
def test_a_cell_beyond_excels_limit_names_its_row_and_csv_is_left_as_it_was(tmp_path: Path):
    before = csv.field_size_limit()
    path = tmp_path / "long.csv"
    path.write_text("a,b\n1,2\n3," + "x" * 40_000 + "\n", encoding="utf-8")
    err = _refused(path)
    assert (err.code, err.params["row"]) == ("import_cell_too_long_row", 3)
    assert "32,767" in err.english()
    assert csv.field_size_limit() == before


def test_too_many_rows_columns_or_cells(tmp_path: Path, monkeypatch):
    monkeypatch.setattr(reading_mod, "MAX_IMPORT_ROWS", 50)
    rows = tmp_path / "rows.csv"
    rows.write_text("a\n" + "x\n" * 51, encoding="utf-8")
    assert _refused(rows).code == "import_too_many_rows"
    fits = tmp_path / "fits.csv"
    fits.write_text("a\n" + "x\n" * 50 + "\n" * 20, encoding="utf-8")  # blank rows at the end
    assert len(read_table(fits).rows) == 50
    monkeypatch.setattr(reading_mod, "MAX_IMPORT_COLUMNS", 5)
    wide = tmp_path / "wide.csv"
    wide.write_text("a,b\n" + ",".join("x" * 7) + "\n", encoding="utf-8")
    assert _refused(wide).code == "import_too_many_columns"
    wide.write_text("a,b\n1,2" + "," * 10 + "\n", encoding="utf-8")  # empty cells past it
    assert list(read_table(wide).rows) == [("1", "2")]
    monkeypatch.setattr(reading_mod, "MAX_IMPORT_CELLS", 30)
    cells = tmp_path / "cells.csv"
    cells.write_text("a,b,c,d\n" + "1,2,3,4\n" * 10, encoding="utf-8")
    assert _refused(cells).code == "import_too_many_cells"


def test_a_file_beyond_the_byte_bound_is_refused_before_reading(tmp_path: Path, monkeypatch):
    monkeypatch.setattr(reading_mod, "MAX_BYTES", 1000)
    path = tmp_path / "big.csv"
    path.write_text("a\n" + "x" * 2000 + "\n", encoding="utf-8")
    err = _refused(path)
    assert err.code == "import_too_big"


# -- streaming --------------------------------------------------------------------------------
def test_rows_past_the_head_are_read_again_from_the_file(tmp_path: Path):
    path = tmp_path / "many.csv"
    n = HEAD_ROWS + 500
    path.write_text("id,name\n" + "".join(f"{i},N{i}\n" for i in range(n)), encoding="utf-8")
    t = read_table(path)
    assert isinstance(t.rows, Rows) and not t.rows.complete
    assert len(t.rows.head) == HEAD_ROWS and t.rows[:20] == t.rows.head[:20]
    first, second = list(t.rows), list(t.rows)
    assert first == second and len(first) == n == len(t.rows)
    assert first[-1] == (str(n - 1), f"N{n - 1}") and t.rows[n - 1] == first[-1]
    assert t.distinct("name", limit=3) == ["N0", "N1", "N2"]


def test_a_short_file_is_held_whole(tmp_path: Path):
    path = tmp_path / "few.csv"
    path.write_text("a,b\n1,2\n,\n\n", encoding="utf-8")
    t = read_table(path)
    assert t.rows.complete and list(t.rows) == [("1", "2")]
    path.unlink()  # never read again
    assert list(t.rows) == [("1", "2")]


# -- XLSX -------------------------------------------------------------------------------------
def _workbook(path: Path, sheet_xml: str, strings: list[str] | None = None,
              styles: str | None = None, shared_raw: str | None = None) -> Path:
    """A minimal XLSX written by hand (for shapes openpyxl would not write)."""
    main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("_rels/.rels", '<Relationships xmlns="http://schemas.openxmlformats.org/'
                   'package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.'
                   'openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
                   'Target="xl/workbook.xml"/></Relationships>')
        z.writestr("xl/workbook.xml", f'<workbook xmlns="{main}" xmlns:r="{rel}"><sheets>'
                   '<sheet name="Data" sheetId="1" r:id="rId1"/></sheets></workbook>')
        z.writestr("xl/_rels/workbook.xml.rels", '<Relationships xmlns="http://schemas.'
                   'openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" '
                   'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
                   'worksheet" Target="worksheets/sheet1.xml"/></Relationships>')
        z.writestr("xl/worksheets/sheet1.xml",
                   f'<worksheet xmlns="{main}"><sheetData>{sheet_xml}</sheetData></worksheet>')
        if strings is not None or shared_raw is not None:
            body = shared_raw if shared_raw is not None else "".join(
                f"<si><t>{s}</t></si>" for s in strings or [])
            z.writestr("xl/sharedStrings.xml", f'<sst xmlns="{main}">{body}</sst>')
        if styles is not None:
            z.writestr("xl/styles.xml", f'<styleSheet xmlns="{main}">{styles}</styleSheet>')
    return path


def test_one_enormous_cell_is_refused_at_once_in_little_memory(tmp_path: Path):
    """The crafted workbook of the issue: a few KB that unpack to one enormous cell (here
    20 million characters, within the byte bound). It kept the importer busy for more than
    ten minutes."""
    import tracemalloc

    path = tmp_path / "bomb.xlsx"
    main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        _workbook(tmp_path / "skeleton.xlsx", "")
        with zipfile.ZipFile(tmp_path / "skeleton.xlsx") as s:
            for name in s.namelist():
                if name != "xl/worksheets/sheet1.xml":
                    z.writestr(name, s.read(name))
        with z.open("xl/worksheets/sheet1.xml", "w") as fh:
            fh.write(f'<worksheet xmlns="{main}"><sheetData><row r="1"><c r="A1" '
                     't="inlineStr"><is><t>'.encode())
            block = b"A" * 1_000_000
            for _ in range(20):
                fh.write(block)
            fh.write(b"</t></is></c></row></sheetData></worksheet>")
    assert path.stat().st_size < 200_000
    tracemalloc.start()
    t0 = time.perf_counter()
    err = _refused(path)
    seconds = time.perf_counter() - t0
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert (err.code, err.params["row"], err.params["column"]) == ("import_cell_too_long", 1, 1)
    assert seconds < 5 and peak < 20_000_000


def test_a_shared_string_beyond_the_limit_is_kept_as_its_length(tmp_path: Path):
    path = _workbook(tmp_path / "s.xlsx", '<row r="1"><c r="A1" t="s"><v>0</v></c></row>'
                     '<row r="2"><c r="B2" t="s"><v>1</v></c></row>',
                     strings=["Title", "y" * 40_000])
    err = _refused(path)
    assert (err.code, err.params["row"], err.params["column"]) == ("import_cell_too_long", 2, 2)


@pytest.mark.parametrize("ref", ["XFD1", "A1048576", "XFD1048576"])
def test_a_cell_far_away_ends_with_a_message(tmp_path: Path, ref: str):
    path = _workbook(tmp_path / "far.xlsx", '<row r="1"><c r="A1" t="inlineStr"><is><t>a</t>'
                     f'</is></c></row><row r="{ref[3:] if ref.startswith("XFD") else ref[1:]}">'
                     f'<c r="{ref}"><v>1</v></c></row>')
    t0 = time.perf_counter()
    err = _refused(path)
    assert err.code in ("import_too_many_columns", "import_too_many_rows")
    assert time.perf_counter() - t0 < 5


def test_a_document_type_declaration_is_refused(tmp_path: Path):
    path = _workbook(tmp_path / "dtd.xlsx", "", shared_raw="")
    data = {}
    with zipfile.ZipFile(path) as z:
        for n in z.namelist():
            data[n] = z.read(n)
    data["xl/sharedStrings.xml"] = (b'<?xml version="1.0"?><!DOCTYPE sst [<!ENTITY a "aaaa">'
                                    b'<!ENTITY b "&a;&a;&a;&a;">]><sst><si><t>&b;</t></si></sst>')
    with zipfile.ZipFile(path, "w") as z:
        for n, b in data.items():
            z.writestr(n, b)
    err = _refused(path)
    assert err.code == "import_unreadable" and "document type" in err.english()


def test_time_spent_parsing_is_bounded(tmp_path: Path, monkeypatch):
    rows = "".join(f'<row r="{i}"><c r="A{i}"><v>{i}</v></c></row>' for i in range(1, 40_000))
    path = _workbook(tmp_path / "slow.xlsx", rows)
    monkeypatch.setattr(reading_mod, "MAX_READ_SECONDS", 0.0)
    err = _refused(path)
    assert err.code == "import_too_slow" and "0 s" in err.english()


def test_types_as_openpyxl_gives_them_and_east_asian_date_formats(tmp_path: Path):
    styles = ('<numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy-mm-dd"/></numFmts>'
              '<cellXfs count="4"><xf numFmtId="0"/><xf numFmtId="164"/><xf numFmtId="31"/>'
              '<xf numFmtId="10"/></cellXfs>')
    sheet = ('<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c>'
             '<c r="C1" t="s"><v>2</v></c><c r="D1" t="s"><v>3</v></c><c r="E1" t="s"><v>4</v>'
             '</c><c r="F1" t="s"><v>5</v></c></row>'
             '<row r="2"><c r="A2" t="inlineStr"><is><r><t>Rich </t></r><r><t>text</t></r>'
             '<rPh><t>ふりがな</t></rPh></is></c><c r="B2" s="1"><v>46000</v></c>'
             '<c r="C2" s="2"><v>46000.5</v></c><c r="D2" s="3"><v>0.25</v></c>'
             '<c r="E2" t="b"><v>1</v></c><c r="F2" t="e"><v>#N/A</v></c></row>'
             '<row r="4"><c r="B4"><f>SUM(1,2)</f><v>3</v></c><c r="C4"><f>NOW()</f></c></row>')
    path = _workbook(tmp_path / "types.xlsx", sheet, strings=list("ABCDEF"), styles=styles)
    t = read_table(path)
    assert t.headers == list("ABCDEF")
    assert list(t.rows) == [
        ("Rich text", datetime(2025, 12, 9), datetime(2025, 12, 9, 12), 0.25, True, "#N/A"),
        (None,) * 6,
        (None, 3, None, None, None, None)]


def test_xlsx_written_by_openpyxl_reads_the_same(tmp_path: Path):
    from openpyxl import Workbook, load_workbook

    wb = Workbook()
    ws = wb.active
    ws.append(["客户", "金额", "日期", "是否", "说明"])
    ws.append(["华信", 12.5, datetime(2026, 1, 5, 9, 30), True, "多行\n文本"])
    ws.append(["东方", 10**15, date(2026, 1, 6), False, None])
    ws.append([None, -3, None, None, "=not a formula"])
    ws["E4"].data_type = "s"
    path = tmp_path / "o.xlsx"
    wb.save(path)
    ours = [tuple(r) for r in read_table(path).rows]
    theirs = [tuple(r) for r in load_workbook(path, read_only=True).active.iter_rows(
        min_row=2, values_only=True)]
    assert ours == theirs
