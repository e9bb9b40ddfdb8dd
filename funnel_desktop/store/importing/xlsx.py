"""Reading one sheet of an XLSX workbook as a stream, within bounds of time and memory.

The workbook's parts are parsed with expat straight from the zip file, never loaded whole:
no document type declarations (so no entity expansion), at most ``MAX_CELL_CHARS`` characters
per cell (text past it is counted, not kept), ``MAX_IMPORT_COLUMNS`` columns and
``MAX_IMPORT_ROWS`` rows with values, and the reading :class:`~.reading.Budget` checked as it
goes. Cells keep their types as openpyxl would give them: text, int, float, bool, datetime
(for a number in a date format, also the East-Asian built-in ones) and error texts (#N/A).
"""

from __future__ import annotations

import contextlib
import posixpath
import re
import time
import zipfile
from collections.abc import Callable, Iterator
from datetime import datetime, timedelta
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any
from xml.parsers import expat

from ...core.errors import ValidationError
from ...core.limits import MAX_CELL_CHARS, MAX_IMPORT_COLUMNS, MAX_IMPORT_ROWS

if TYPE_CHECKING:  # reading imports this module to read a workbook
    from .reading import Budget

_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
#: Built-in number formats that show a date or time (ECMA-376 §18.8.30, with the East-Asian
#: ones Chinese Excel uses, e.g. 31 = yyyy"年"m"月"d"日).
_DATE_IDS = frozenset({*range(14, 23), *range(27, 37), 45, 46, 47, *range(50, 59)})
_WINDOWS_EPOCH = datetime(1899, 12, 30)
_MAC_EPOCH = datetime(1904, 1, 1)
_CELL_REF = re.compile(r"([A-Za-z]{1,3})(\d+)")
_CHECK_EVERY = 4096  # elements between two looks at the clock
#: Distinct cell texts whose typed value is remembered (numbers and dates repeat a lot).
_MEMO = 50_000


class _TooLong:
    """A shared string beyond ``MAX_CELL_CHARS``: kept as its length only, refused when a
    cell uses it."""

    __slots__ = ("count",)

    def __init__(self, count: int) -> None:
        self.count = count


def open_sheet(path: Path, sheet: str | None, budget: Budget, max_bytes: int
               ) -> tuple[list[str], Callable[[Budget], Iterator[list[Any]]]]:
    """The workbook's sheet names, and a fresh reading of the records of ``sheet`` (the first
    unless named) for each call of the second value; a workbook whose content unpacks to
    more than ``max_bytes`` is refused."""
    with _opened(path, max_bytes) as z:
        book = _Book(z, path, budget)
    names = [name for name, _ in book.sheets]
    if not names:
        raise ValidationError("import_empty", "file", path=str(path))
    if sheet is None:
        sheet = names[0]
    if sheet not in names:
        raise ValidationError("import_sheet_unknown", "sheet", value=sheet)
    target = dict(book.sheets)[sheet]

    def source(budget: Budget) -> Iterator[list[Any]]:
        with _opened(path, max_bytes) as z:
            this = _Book(z, path, budget)
            if target is None or target not in z.namelist():
                return
            try:
                yield from _SheetReader(this).records(z, target)
            except _BROKEN as exc:
                raise _unreadable(path, exc) from None

    return names, source


def cell_too_long(path: Path, row: int, column: int, count: int) -> ValidationError:
    """The error for a cell beyond ``MAX_CELL_CHARS`` (Excel's own limit)."""
    return ValidationError("import_cell_too_long", "file", path=str(path), row=row,
                           column=column, count=f"{count:,}", limit=f"{MAX_CELL_CHARS:,}")


_BROKEN = (zipfile.BadZipFile, KeyError, ValueError, EOFError, expat.ExpatError,
           zipfile.LargeZipFile, NotImplementedError, RuntimeError)


@contextlib.contextmanager
def _opened(path: Path, limit: int) -> Iterator[zipfile.ZipFile]:
    """The workbook as a zip file, its unpacked size checked first (a zip bomb is refused);
    a broken one raises ``import_unreadable``."""
    try:
        z = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, EOFError) as exc:
        raise _unreadable(path, exc) from None
    with z:
        size = sum(i.file_size for i in z.infolist())
        if size > limit:
            raise ValidationError("import_too_big", "file", path=str(path),
                                  size=size // (1024 * 1024), limit=limit // (1024 * 1024))
        try:
            yield z
        except _BROKEN as exc:
            raise _unreadable(path, exc) from None


def _unreadable(path: Path, exc: BaseException) -> ValidationError:
    detail = str(exc) or type(exc).__name__
    return ValidationError("import_unreadable", "file", path=str(path), detail=detail[:200])


def _local(name: str) -> str:
    """An element's name without its namespace (``{ns} c`` → ``c``)."""
    return name.rpartition(" ")[2]


def _refuse_dtd(*_args: Any) -> None:
    raise ValueError("the workbook declares a document type, which is not allowed")


def _parser() -> expat.XMLParserType:
    p = expat.ParserCreate(namespace_separator=" ")
    p.buffer_text = True
    p.buffer_size = 64 * 1024
    p.StartDoctypeDeclHandler = _refuse_dtd
    p.EntityDeclHandler = _refuse_dtd
    p.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
    return p


def _parse(z: zipfile.ZipFile, name: str, parser: expat.XMLParserType) -> None:
    with z.open(name) as fh:
        _feed(fh, parser)


def _feed(fh: IO[bytes], parser: expat.XMLParserType) -> None:
    while True:
        chunk = fh.read(256 * 1024)
        if not chunk:
            break
        parser.Parse(chunk, False)
    parser.Parse(b"", True)


class _Book:
    """The workbook's sheets (name → part), its date styles, shared strings and epoch."""

    def __init__(self, z: zipfile.ZipFile, path: Path, budget: Budget) -> None:
        self.path = path
        self.budget = budget
        names = set(z.namelist())
        main = self._office_document(z, names)
        folder = posixpath.dirname(main)
        rels = self._relations(z, posixpath.join(folder, "_rels",
                                                 posixpath.basename(main) + ".rels"), folder,
                               names)
        self.sheets: list[tuple[str, str | None]] = []
        self.epoch = _WINDOWS_EPOCH
        self._workbook(z, main, rels)
        by_type = {kind: target for _, kind, target in rels.values()}
        strings = by_type.get("sharedStrings") or posixpath.join(folder, "sharedStrings.xml")
        styles = by_type.get("styles") or posixpath.join(folder, "styles.xml")
        self.strings: list[str | _TooLong] = (
            self._shared_strings(z, strings) if strings in names else [])
        self.date_styles: frozenset[int] = (
            self._date_styles(z, styles) if styles in names else frozenset())

    @staticmethod
    def _office_document(z: zipfile.ZipFile, names: set[str]) -> str:
        main = "xl/workbook.xml"
        if "_rels/.rels" in names:
            found: list[str] = []
            p = _parser()

            def start(name: str, attrs: dict[str, str]) -> None:
                if _local(name) == "Relationship" and attrs.get("Type", "").endswith(
                        "/officeDocument"):
                    found.append(attrs.get("Target", "").lstrip("/"))

            p.StartElementHandler = start
            _parse(z, "_rels/.rels", p)
            if found and found[0] in names:
                main = found[0]
        if main not in names:
            raise KeyError("the workbook part is missing")
        return main

    @staticmethod
    def _relations(z: zipfile.ZipFile, name: str, folder: str, names: set[str]
                   ) -> dict[str, tuple[str, str, str]]:
        """rId → (id, type's last word, part name)."""
        out: dict[str, tuple[str, str, str]] = {}
        if name not in names:
            return out
        p = _parser()

        def start(tag: str, attrs: dict[str, str]) -> None:
            if _local(tag) != "Relationship" or attrs.get("TargetMode") == "External":
                return
            target = attrs.get("Target", "")
            part = target.lstrip("/") if target.startswith("/") else posixpath.normpath(
                posixpath.join(folder, target))
            rid = attrs.get("Id", "")
            out[rid] = (rid, attrs.get("Type", "").rpartition("/")[2], part)

        p.StartElementHandler = start
        _parse(z, name, p)
        return out

    def _workbook(self, z: zipfile.ZipFile, main: str,
                  rels: dict[str, tuple[str, str, str]]) -> None:
        p = _parser()

        def start(tag: str, attrs: dict[str, str]) -> None:
            local = _local(tag)
            if local == "sheet":
                rid = attrs.get(f"{_REL} id", "")
                rel = rels.get(rid)
                self.sheets.append((attrs.get("name", f"Sheet{len(self.sheets) + 1}"),
                                    rel[2] if rel and rel[1] == "worksheet" else None))
            elif local == "workbookPr" and attrs.get("date1904") in ("1", "true"):
                self.epoch = _MAC_EPOCH

        p.StartElementHandler = start
        _parse(z, main, p)

    def _shared_strings(self, z: zipfile.ZipFile, name: str) -> list[str | _TooLong]:
        out: list[str | _TooLong] = []
        state = {"depth_t": 0, "phonetic": 0, "elements": 0}
        parts: list[str] = []
        count = [0]
        budget = self.budget

        def start(tag: str, _attrs: dict[str, str]) -> None:
            local = _local(tag)
            state["elements"] += 1
            if not state["elements"] % _CHECK_EVERY:
                budget.check()
            if local == "si":
                parts.clear()
                count[0] = 0
            elif local == "t":
                state["depth_t"] += 1
            elif local == "rPh":
                state["phonetic"] += 1

        def end(tag: str) -> None:
            local = _local(tag)
            if local == "si":
                if count[0] > MAX_CELL_CHARS:
                    out.append(_TooLong(count[0]))
                else:
                    out.append("".join(parts))
            elif local == "t":
                state["depth_t"] -= 1
            elif local == "rPh":
                state["phonetic"] -= 1

        def text(data: str) -> None:
            if state["depth_t"] and not state["phonetic"]:
                count[0] += len(data)
                if count[0] <= MAX_CELL_CHARS:
                    parts.append(data)

        p = _parser()
        p.StartElementHandler, p.EndElementHandler = start, end
        p.CharacterDataHandler = text
        _parse(z, name, p)
        return out

    @staticmethod
    def _date_styles(z: zipfile.ZipFile, name: str) -> frozenset[int]:
        """The indexes of the cell formats (``s`` of a cell) that show a date or time."""
        from openpyxl.styles.numbers import is_date_format

        custom: dict[int, str] = {}
        formats: list[int] = []
        where = {"cellXfs": False}

        def start(tag: str, attrs: dict[str, str]) -> None:
            local = _local(tag)
            if local == "numFmt":
                with contextlib.suppress(ValueError):
                    custom[int(attrs.get("numFmtId", ""))] = attrs.get("formatCode", "")
            elif local == "cellXfs":
                where["cellXfs"] = True
            elif local == "xf" and where["cellXfs"]:
                try:
                    formats.append(int(attrs.get("numFmtId", "0")))
                except ValueError:
                    formats.append(0)

        def end(tag: str) -> None:
            if _local(tag) == "cellXfs":
                where["cellXfs"] = False

        p = _parser()
        p.StartElementHandler, p.EndElementHandler = start, end
        _parse(z, name, p)
        dated = set()
        for i, fmt in enumerate(formats):
            if fmt in custom:
                if is_date_format(custom[fmt]):
                    dated.add(i)
            elif fmt in _DATE_IDS:
                dated.add(i)
        return frozenset(dated)


class _SheetReader:
    """A worksheet's ``<sheetData>`` row by row (each a list as long as its last cell with a
    value; the rows with no value before a row given as empty lists)."""

    def __init__(self, book: _Book) -> None:
        self.book = book
        self.out: list[list[Any]] = []
        self.row: dict[int, Any] = {}
        self.row_number = 0  # of the row being read
        self.rows_given = 0  # rows passed to the collector so far
        self.col = 0
        self.cell_type = "n"
        self.style = -1
        self.in_value = False  # inside <v> or an inline string's <t>
        self.has_value = False  # the cell being read has a <v> or an inline string
        self.phonetic = 0
        self.parts: list[str] = []
        self.count = 0
        self.memo: dict[tuple[str, int], Any] = {}

    def records(self, z: zipfile.ZipFile, name: str) -> Iterator[list[Any]]:
        p = _parser()
        p.StartElementHandler = self.start
        p.EndElementHandler = self.end
        p.CharacterDataHandler = self.text
        out = self.out
        budget = self.book.budget
        clock = time.monotonic
        with z.open(name) as fh:
            while True:
                began = clock()
                chunk = fh.read(256 * 1024)
                if chunk:
                    p.Parse(chunk, False)
                budget.spend(clock() - began)
                if not chunk:
                    break
                if out:
                    yield from out
                    out.clear()
            p.Parse(b"", True)
        if self.row:
            self.flush()
        yield from out

    # -- expat handlers ---------------------------------------------------------------------
    def start(self, tag: str, attrs: dict[str, str]) -> None:
        local = _local(tag)
        if local == "c":
            ref = attrs.get("r")
            m = _CELL_REF.fullmatch(ref) if ref else None
            if m is not None:
                col = 0
                for ch in m.group(1).upper():
                    col = col * 26 + ord(ch) - 64
                self.col = col
            else:
                self.col += 1
            self.cell_type = attrs.get("t", "n")
            try:
                self.style = int(attrs.get("s", "-1"))
            except ValueError:
                self.style = -1
            self.parts.clear()
            self.count = 0
            self.has_value = False
        elif local == "v" or (local == "t" and self.cell_type == "inlineStr"):
            self.in_value = True
            self.has_value = True
        elif local == "rPh":
            self.phonetic += 1
        elif local == "row":
            if self.row:
                self.flush()
            r = attrs.get("r")
            self.row_number = int(r) if r and r.isdigit() else self.row_number + 1
            self.col = 0

    def end(self, tag: str) -> None:
        local = _local(tag)
        if local in ("v", "t"):
            self.in_value = False
        elif local == "rPh":
            self.phonetic -= 1
        elif local == "c" and self.has_value:
            self.cell()

    def text(self, data: str) -> None:
        if self.in_value and not self.phonetic:
            self.count += len(data)
            if self.count > MAX_CELL_CHARS:
                raise cell_too_long(self.book.path, self.row_number, self.col, self.count)
            self.parts.append(data)

    # -- values -----------------------------------------------------------------------------
    def cell(self) -> None:
        text = "".join(self.parts)
        kind = self.cell_type
        if kind == "s":
            try:
                value: Any = self.book.strings[int(text)]
            except (ValueError, IndexError):
                value = None
            if isinstance(value, _TooLong):
                raise cell_too_long(self.book.path, self.row_number, self.col, value.count)
        elif kind in ("inlineStr", "str", "e"):
            value = text
        elif kind == "b":
            value = text.strip() in ("1", "true")
        elif kind == "d":
            value = self._iso(text)
        else:
            value = self._number(text)
        if value is None or value == "":
            return
        if self.col > MAX_IMPORT_COLUMNS:
            raise ValidationError("import_too_many_columns", "file", path=str(self.book.path),
                                  limit=f"{MAX_IMPORT_COLUMNS:,}")
        if self.row_number > MAX_IMPORT_ROWS + 1:
            raise ValidationError("import_too_many_rows", "file", path=str(self.book.path),
                                  limit=f"{MAX_IMPORT_ROWS:,}")
        self.row[self.col] = value

    def _number(self, text: str) -> Any:
        key = (text, self.style)
        found = self.memo.get(key, _MISSING)
        if found is not _MISSING:
            return found
        text = text.strip()
        try:
            number: Any = float(text) if any(c in text for c in ".eE") or len(text) > 18 \
                else int(text)
        except ValueError:
            number = text or None
        if isinstance(number, float) and number != number:  # NaN is no number
            number = text
        if self.style in self.book.date_styles and isinstance(number, int | float):
            number = self._date(number)
        if len(self.memo) < _MEMO:
            self.memo[key] = number
        return number

    def _date(self, serial: float) -> Any:
        """An Excel serial day as a datetime (a time of day below 1; the number itself when
        no date can be that far)."""
        if not -1e7 < serial < 1e7:
            return serial
        day, fraction = divmod(serial, 1)
        moment = timedelta(milliseconds=round(fraction * 86_400_000))
        if 0 <= serial < 1 and moment.days == 0:
            return (datetime.min + moment).time()
        if 0 < serial < 60 and self.book.epoch == _WINDOWS_EPOCH:
            day += 1  # Excel's 1900 leap-year bug
        try:
            return self.book.epoch + timedelta(days=day) + moment
        except OverflowError:
            return serial

    @staticmethod
    def _iso(text: str) -> Any:
        try:
            return datetime.fromisoformat(text.strip().rstrip("Z"))
        except ValueError:
            return text

    def flush(self) -> None:
        """Give the row read, after the empty rows before it."""
        while self.rows_given + 1 < self.row_number:
            self.rows_given += 1
            self.out.append([])
        width = max(self.row)
        record: list[Any] = [None] * width
        for col, value in self.row.items():
            record[col - 1] = value
        self.rows_given += 1
        self.out.append(record)
        self.row = {}


_MISSING = object()
