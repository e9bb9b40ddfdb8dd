"""CSV and other delimited text files: the encoding (checked over the whole file before any
row is used), the delimiter, and the records as a stream.

In ``auto`` mode a file is UTF-8 (with or without a BOM), UTF-16 (with a BOM) or GB18030 (what
Chinese Excel saves, a superset of GBK). Each line is looked at on its own: a line that is
valid UTF-8 and holds a wide character (every Chinese character is one) is UTF-8; a line
that is not UTF-8 but GB18030 is GBK; a file with both is refused, naming the rows of each
kind, instead of storing one kind as mojibake (深圳客户 → 娣卞湷瀹㈡埛).
"""

from __future__ import annotations

import codecs
import contextlib
import csv
import io
import re
from bisect import bisect_right
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from ...core.errors import ValidationError
from ...core.limits import MAX_CELL_CHARS

#: Encodings offered to people; "auto" tries UTF-8 (with or without BOM), then GB18030.
ENCODINGS = ("auto", "utf-8", "utf-8-sig", "gb18030", "gbk", "big5", "utf-16", "latin-1")
#: Delimiters offered to people; "auto" sniffs.
DELIMITERS = ("auto", ",", ";", "\t", "|")
_CANDIDATES = ",;\t|"
SAMPLE = 64 * 1024
_CHUNK = 1 << 20
#: Row numbers named in a message about a mixed encoding, per kind.
_SHOWN_ROWS = 10
#: Bytes that start a UTF-8 sequence of three or four bytes (characters from U+0800 on).
_WIDE_UTF8 = re.compile(rb"[\xe0-\xf4]")


# -- choices ----------------------------------------------------------------------------------
def check_encoding(encoding: str) -> str:
    """The codec name of ``encoding`` (``auto`` stays); ``choice_invalid`` for a name Python
    does not know."""
    if encoding == "auto":
        return encoding
    try:
        return codecs.lookup(str(encoding)).name
    except (LookupError, ValueError, TypeError):
        raise ValidationError("choice_invalid", "encoding", value=str(encoding),
                              choices=", ".join(ENCODINGS)) from None


def check_delimiter(delimiter: str) -> str:
    """``delimiter`` when it is ``auto`` or one character that can separate cells (not a
    quote, a line break or a space of the cells themselves)."""
    if delimiter == "auto" or ((isinstance(delimiter, str) and len(delimiter) == 1
                               and delimiter not in '"\r\n' and delimiter.isprintable())
                               or delimiter == "\t"):
        return delimiter
    raise ValidationError("delimiter_invalid", "delimiter", value=str(delimiter))


def detect_encoding(data: bytes) -> str:
    """``utf-8-sig`` (BOM), ``utf-16`` (BOM), ``utf-8`` or ``gb18030`` for a piece of text;
    raises ``UnicodeDecodeError`` when none fits."""
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


# -- the delimiter ----------------------------------------------------------------------------
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
    sample = text[:SAMPLE]
    guess = None
    with contextlib.suppress(csv.Error):
        guess = csv.Sniffer().sniff(sample, delimiters=_CANDIDATES).delimiter
    scores = {d: _consistency(sample, d) for d in _CANDIDATES}
    best = max(_CANDIDATES, key=lambda d: (scores[d], d == guess))
    if guess is not None and scores[guess] >= scores[best]:
        return guess
    return best if scores[best][1] >= 2 else (guess or ",")


def sample_text(head: bytes, encoding: str) -> str:
    """The first bytes of a file as text, good enough to sniff the delimiter."""
    try:
        text = head.decode(encoding)
    except UnicodeDecodeError as exc:
        try:
            if exc.start < len(head) - 4:
                return head.decode(encoding, "replace").lstrip("\ufeff")
            text = head[:exc.start].decode(encoding, "replace")  # a character cut short
        except UnicodeError:
            return head.decode("latin-1")
    except UnicodeError:
        return head.decode("latin-1")
    return text.lstrip("\ufeff")


# -- the encoding -----------------------------------------------------------------------------
def _line_aligned(encoding: str) -> bool:
    """True when the line break, the quote and the delimiters are their ASCII bytes in this
    encoding and never part of another character (UTF-8, GBK, GB18030, Big5, Latin-1, …;
    not UTF-16, UTF-32 or EBCDIC)."""
    if encoding.startswith(("utf-16", "utf-32")):
        return False
    if encoding.startswith("utf-8"):
        return True
    probe = '\n,;|\t"a'
    try:
        return probe.encode(encoding) == probe.encode("ascii")
    except (UnicodeError, LookupError):
        return False


class _Scan:
    """What a look over every line of a file found (``auto``)."""

    def __init__(self) -> None:
        self.utf8: list[int] = []  # the first lines with wide UTF-8 characters
        self.gb: list[int] = []  # the first lines read as GB18030
        self.utf8_count = self.gb_count = 0
        self.bad_line = 0  # the first line that is neither, or not the chosen encoding


def _lines_of(fh: BinaryIO, budget: object) -> Iterator[tuple[int, bytes]]:
    """(number, bytes) of the lines that are not plain ASCII, read in large chunks (pure
    ASCII stretches are only counted)."""
    line = 0
    carry = b""
    check = getattr(budget, "check", lambda: None)
    while True:
        chunk = fh.read(_CHUNK)
        if not chunk:
            break
        check()
        block = carry + chunk if carry else chunk
        cut = block.rfind(b"\n") + 1
        if not cut:
            carry = block
            continue
        body, carry = block[:cut], block[cut:]
        if body.isascii():
            line += body.count(b"\n")
            continue
        for raw in body.split(b"\n")[:-1]:
            line += 1
            if not raw.isascii():
                yield line, raw
    if carry:
        line += 1
        if not carry.isascii():
            yield line, carry


def file_encoding(path: Path, encoding: str, head: bytes, budget: object) -> tuple[str, _Scan]:
    """The encoding to read the whole file in, and what the look over it found: ``auto``
    becomes ``utf-16`` (BOM), ``gb18030`` (a GBK line, no UTF-8 one), ``utf-8-sig`` (BOM) or
    ``utf-8``; a chosen encoding is checked on every line."""
    scan = _Scan()
    if encoding == "auto" and head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        encoding = "utf-16"
    if encoding != "auto" and not _line_aligned(encoding):
        with open(path, "rb") as fh:
            decoder = codecs.getincrementaldecoder(encoding)()
            lines = 0
            try:
                while chunk := fh.read(_CHUNK):
                    lines += decoder.decode(chunk).count("\n")
                decoder.decode(b"", True)
            except UnicodeError:  # UTF-16 without its BOM raises the parent class
                scan.bad_line = lines + 1
        return encoding, scan
    bom = head.startswith(codecs.BOM_UTF8)
    with open(path, "rb") as fh:
        if bom:
            fh.read(3)
        for number, raw in _lines_of(fh, budget):
            if encoding != "auto":
                try:
                    raw.decode(encoding)
                except UnicodeDecodeError:
                    scan.bad_line = number
                    break
                continue
            try:
                raw.decode("utf-8")
            except UnicodeDecodeError:
                try:
                    raw.decode("gb18030")
                except UnicodeDecodeError:
                    scan.bad_line = number
                    break
                scan.gb_count += 1
                if len(scan.gb) < _SHOWN_ROWS:
                    scan.gb.append(number)
                continue
            if _WIDE_UTF8.search(raw):
                scan.utf8_count += 1
                if len(scan.utf8) < _SHOWN_ROWS:
                    scan.utf8.append(number)
    if encoding == "auto":
        encoding = "gb18030" if scan.gb_count else ("utf-8-sig" if bom else "utf-8")
    return encoding, scan


def check_file_encoding(path: Path, chosen: str, encoding: str, delimiter: str,
                        scan: _Scan) -> None:
    """Raise for what :func:`file_encoding` found: a line that is not text in the encoding
    (``import_encoding_row``), or UTF-8 and GBK rows in one file (``import_mixed_encoding``),
    naming rows as the spreadsheet numbers them. ``chosen`` is what the user asked for."""
    if not scan.bad_line and not (scan.utf8_count and scan.gb_count):
        return
    row_of = _rows_of_lines(path, encoding, delimiter)
    if scan.bad_line:
        shown = "UTF-8 or GB18030" if chosen == "auto" else chosen
        raise ValidationError("import_encoding_row", "encoding", path=str(path),
                              encoding=shown, row=row_of(scan.bad_line))
    raise ValidationError(
        "import_mixed_encoding", "encoding", path=str(path),
        utf8_rows=_rows_text([row_of(n) for n in scan.utf8], scan.utf8_count),
        other_rows=_rows_text([row_of(n) for n in scan.gb], scan.gb_count),
        encoding="GB18030 (GBK)")


def _rows_text(rows: list[int], count: int) -> str:
    """``2, 5, 9 … (1,204 lines)``: the first rows (a row of several lines once)."""
    distinct = list(dict.fromkeys(rows))
    shown = ", ".join(str(r) for r in distinct)
    return shown + (f" … ({count:,} lines)" if count > len(rows) else "")


class RowOfLine:
    """Which spreadsheet row a line of the file belongs to (a quoted cell may hold line
    breaks, so one row can span several lines)."""

    def __init__(self) -> None:
        self.rows: list[int] = []  # rows from which on the last line is ``row + offset``
        self.offsets: list[int] = []

    def note(self, row: int, last_line: int) -> None:
        offset = last_line - row
        if (self.offsets[-1] if self.offsets else 0) != offset:
            self.rows.append(row)
            self.offsets.append(offset)

    def last_line(self, row: int) -> int:
        i = bisect_right(self.rows, row)
        return row + (self.offsets[i - 1] if i else 0)

    def __call__(self, line: int) -> int:
        """The row of ``line``: the first row whose last line is at or after it."""
        lo, hi = 1, max(line, 1)
        while lo < hi:
            mid = (lo + hi) // 2
            if self.last_line(mid) >= line:
                hi = mid
            else:
                lo = mid + 1
        return lo


def _rows_of_lines(path: Path, encoding: str, delimiter: str) -> RowOfLine:
    """Lines → rows for a message (a pass over the file, decoding leniently)."""
    row_of = RowOfLine()
    with open(path, "rb") as fh, cells_bounded(10 * MAX_CELL_CHARS):
        reader = csv.reader(decoded_lines(fh, encoding, errors="replace"), delimiter=delimiter)
        row = 0
        with contextlib.suppress(csv.Error, Undecodable):
            for _ in reader:
                row += 1
                if reader.line_num != row:
                    row_of.note(row, reader.line_num)
    return row_of


# -- the records ------------------------------------------------------------------------------
class Undecodable(Exception):
    """A line of the file is not text in the encoding being read."""


def decoded_lines(fh: BinaryIO, encoding: str, errors: str = "strict") -> Iterator[str]:
    """The lines of ``fh`` as text (a UTF-8 BOM at the start dropped)."""
    if not _line_aligned(encoding):
        text = io.TextIOWrapper(fh, encoding=encoding, errors=errors, newline="")
        try:
            yield from text
        except UnicodeError:
            raise Undecodable from None
        finally:
            with contextlib.suppress(ValueError):  # the file may be closed already
                text.detach()
        return
    decoder = codecs.getdecoder(encoding)
    first = True
    for raw in fh:
        if first:
            first = False
            if encoding.startswith("utf-8") and raw.startswith(codecs.BOM_UTF8):
                raw = raw[3:]
        try:
            yield decoder(raw, errors)[0]
        except UnicodeDecodeError:
            raise Undecodable from None


@contextlib.contextmanager
def cells_bounded(limit: int = MAX_CELL_CHARS) -> Iterator[None]:
    """csv's own field limit set to ``limit`` while a file is read (it raises ``csv.Error``
    for a longer cell, at C speed)."""
    before = csv.field_size_limit(limit)
    try:
        yield
    finally:
        csv.field_size_limit(before)


def records(path: Path, encoding: str, delimiter: str) -> Iterator[list[str]]:
    """The records of the file (the header first), as a stream; a cell longer than
    ``MAX_CELL_CHARS`` raises ``import_cell_too_long_row``."""
    with open(path, "rb") as fh, cells_bounded():
        reader = csv.reader(decoded_lines(fh, encoding), delimiter=delimiter)
        row = 0
        try:
            for record in reader:
                row += 1
                yield record
        except Undecodable:
            raise ValidationError("import_encoding_row", "encoding", path=str(path),
                                  encoding=encoding, row=row + 1) from None
        except csv.Error as exc:
            if "field larger than field limit" in str(exc):
                raise ValidationError("import_cell_too_long_row", "file", path=str(path),
                                      row=row + 1, limit=f"{MAX_CELL_CHARS:,}") from None
            raise ValidationError("import_unreadable", "file", path=str(path),
                                  detail=str(exc)) from None
