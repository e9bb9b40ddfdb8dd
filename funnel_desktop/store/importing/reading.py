"""Reading a CSV or XLSX file into a plain table: encoding and delimiter detection, limits."""

from __future__ import annotations

import codecs
import contextlib
import csv
import io
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ...core.errors import ValidationError

#: Files (or, for XLSX, their unpacked content) larger than this are refused.
MAX_BYTES = 200 * 1024 * 1024
#: Encodings offered to people; "auto" tries UTF-8 (with or without BOM), then GB18030.
ENCODINGS = ("auto", "utf-8", "utf-8-sig", "gb18030", "gbk", "big5", "utf-16", "latin-1")
#: Delimiters offered to people; "auto" sniffs.
DELIMITERS = ("auto", ",", ";", "\t", "|")
_CANDIDATES = ",;\t|"
_SAMPLE = 64 * 1024


@dataclass(slots=True)
class Table:
    """The rows of one file (or sheet): unique header names and data rows.

    CSV cells are strings; XLSX cells keep their types (str, int, float, datetime, None).
    ``rows[i]`` is spreadsheet row ``i + 2`` (the header is row 1).
    """

    headers: list[str]
    rows: list[list[Any]]
    path: Path | None = None
    encoding: str = ""
    delimiter: str = ""
    sheet: str = ""
    sheets: list[str] = field(default_factory=list)

    def column(self, header: str) -> int:
        return self.headers.index(header)

    def values(self, header: str) -> list[Any]:
        i = self.headers.index(header)
        return [r[i] if i < len(r) else None for r in self.rows]

    def distinct(self, header: str) -> list[str]:
        """The distinct non-empty values of a column as text, in order of first appearance."""
        seen: dict[str, None] = {}
        for v in self.values(header):
            text = cell_text(v)
            if text:
                seen.setdefault(text, None)
        return list(seen)

    def file_row(self, index: int) -> int:
        """The spreadsheet row number of ``rows[index]``."""
        return index + 2


def cell_text(value: Any) -> str:
    """A cell as trimmed text (None → "")."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def file_kind(path: Path) -> str:
    """``csv`` or ``xlsx`` by extension (``.txt`` / ``.tsv`` read as CSV)."""
    suffix = path.suffix.lower()
    if suffix in (".csv", ".txt", ".tsv"):
        return "csv"
    if suffix in (".xlsx", ".xlsm"):
        return "xlsx"
    raise ValidationError("import_file_type", "file", path=str(path))


def read_table(path: str | Path, *, encoding: str = "auto", delimiter: str = "auto",
               sheet: str | None = None) -> Table:
    """Read a CSV or XLSX file; raises :class:`ValidationError` for what cannot be read."""
    path = Path(path)
    if not path.is_file():
        raise ValidationError("import_file_missing", "file", path=str(path))
    if file_kind(path) == "xlsx":
        return read_xlsx(path, sheet=sheet)
    return read_csv(path, encoding=encoding, delimiter=delimiter)


# -- CSV --------------------------------------------------------------------------------------
def detect_encoding(data: bytes) -> str:
    """``utf-8-sig`` (BOM), ``utf-16`` (BOM), ``utf-8`` or ``gb18030`` (what Chinese Excel
    saves, a superset of GBK); raises ``UnicodeDecodeError`` when none fits."""
    if data.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    try:
        data.decode("utf-8")
        return "utf-8"
    except UnicodeDecodeError:
        data.decode("gb18030")
        return "gb18030"


def decode(data: bytes, encoding: str, path: Path) -> tuple[str, str]:
    """The text of ``data`` and the encoding used (``auto`` detects)."""
    try:
        if encoding == "auto":
            encoding = detect_encoding(data)
        return data.decode(encoding), encoding
    except (UnicodeDecodeError, LookupError):
        shown = "UTF-8 or GB18030" if encoding == "auto" else encoding
        raise ValidationError("import_encoding", "encoding", path=str(path),
                              encoding=shown) from None


def _consistency(sample: str, delimiter: str) -> tuple[float, int]:
    """(share of sample rows as wide as the header, header width) for a delimiter."""
    lines = sample.splitlines()
    if len(lines) > 1:
        lines = lines[:-1] if not sample.endswith(("\n", "\r")) else lines
    try:
        rows = [r for r in csv.reader(io.StringIO("\n".join(lines[:200])), delimiter=delimiter)
                if r]
    except csv.Error:
        return 0.0, 0
    if not rows:
        return 0.0, 0
    width = len(rows[0])
    if width < 2:
        return 0.0, width
    same = sum(1 for r in rows if len(r) == width)
    return same / len(rows), width


def sniff_delimiter(text: str) -> str:
    """The delimiter of CSV text: csv.Sniffer's guess among , ; tab |, checked against the
    header (Sniffer prefers "," even where every row is "1.234,56;..."): the candidate whose
    rows are consistently as wide as the header, and widest, wins."""
    sample = text[:_SAMPLE]
    guess = None
    with contextlib.suppress(csv.Error):
        guess = csv.Sniffer().sniff(sample, delimiters=_CANDIDATES).delimiter
    scores = {d: _consistency(sample, d) for d in _CANDIDATES}
    best = max(_CANDIDATES, key=lambda d: (scores[d], d == guess))
    if guess is not None and scores[guess] >= scores[best]:
        return guess
    return best if scores[best][1] >= 2 else (guess or ",")


def read_csv(path: str | Path, *, encoding: str = "auto", delimiter: str = "auto") -> Table:
    """Read a delimited text file (encoding and delimiter detected unless given)."""
    path = Path(path)
    size = path.stat().st_size
    if size > MAX_BYTES:
        raise ValidationError("import_too_big", "file", path=str(path),
                              size=size // (1024 * 1024), limit=MAX_BYTES // (1024 * 1024))
    text, used = decode(path.read_bytes(), encoding, path)
    if text.startswith("\ufeff"):
        text = text[1:]
    if delimiter == "auto":
        delimiter = sniff_delimiter(text)
    try:
        records = [r for r in csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)]
    except csv.Error as exc:
        raise ValidationError("import_unreadable", "file", path=str(path),
                              detail=str(exc)) from None
    table = _table(records, path)
    table.encoding, table.delimiter = used, delimiter
    return table


# -- XLSX -------------------------------------------------------------------------------------
def unpacked_size(path: Path) -> int:
    """The total uncompressed size of a zip-based workbook (checked before loading it)."""
    try:
        with zipfile.ZipFile(path) as z:
            return sum(i.file_size for i in z.infolist())
    except (zipfile.BadZipFile, OSError) as exc:
        raise ValidationError("import_unreadable", "file", path=str(path),
                              detail=str(exc)) from None


def read_xlsx(path: str | Path, *, sheet: str | None = None) -> Table:
    """Read one sheet (the first unless named) of an XLSX workbook, read-only. The unpacked
    size is checked first (a zip bomb is refused); openpyxl parses through defusedxml."""
    from openpyxl import load_workbook

    path = Path(path)
    size = unpacked_size(path)
    if size > MAX_BYTES:
        raise ValidationError("import_too_big", "file", path=str(path),
                              size=size // (1024 * 1024), limit=MAX_BYTES // (1024 * 1024))
    try:
        wb = load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds for broken files
        raise ValidationError("import_unreadable", "file", path=str(path),
                              detail=str(exc) or type(exc).__name__) from None
    try:
        names = list(wb.sheetnames)
        if sheet is None:
            sheet = names[0]
        if sheet not in names:
            raise ValidationError("import_sheet_unknown", "sheet", value=sheet)
        records = [list(r) for r in wb[sheet].iter_rows(values_only=True)]
    finally:
        wb.close()
    table = _table(records, path)
    table.sheet, table.sheets = sheet, names
    return table


# -- both -------------------------------------------------------------------------------------
def _is_blank(record: list[Any]) -> bool:
    return all(cell_text(v) == "" for v in record)


def unique_headers(raw: list[Any]) -> list[str]:
    """Header names made unique and non-empty ("Column 3", "Name (2)")."""
    out: list[str] = []
    seen: set[str] = set()
    for i, h in enumerate(raw):
        name = cell_text(h) or f"Column {i + 1}"
        base, n = name, 2
        while name in seen:
            name, n = f"{base} ({n})", n + 1
        seen.add(name)
        out.append(name)
    return out


def _table(records: list[list[Any]], path: Path) -> Table:
    while records and _is_blank(records[-1]):
        records.pop()
    if not records or _is_blank(records[0]):
        raise ValidationError("import_empty", "file", path=str(path))
    header = list(records[0])
    while header and cell_text(header[-1]) == "":
        header.pop()
    headers = unique_headers(header)
    width = len(headers)
    rows = []
    for r in records[1:]:
        r = list(r)
        if len(r) < width:
            r.extend([None] * (width - len(r)))
        rows.append(r[:width] if len(r) > width and _is_blank(r[width:]) else r)
    return Table(headers, rows, path)
