"""Reading a CSV or XLSX file as a table whose rows are streamed from the file, within bounds
of time, size, rows, columns and cells (``core.limits``).

:func:`read_table` reads the header and the first rows (and checks a CSV file's encoding
over the whole file); the rest is read again from the file each time ``table.rows`` is
iterated, so a table never holds more than :data:`HEAD_ROWS` rows in memory. A bound passed
anywhere raises :class:`ValidationError` with a message, at reading or while iterating
(the dry run and the import iterate the same way, so they meet the same errors).
"""

from __future__ import annotations

import codecs
import time
from collections.abc import Callable, Generator, Iterator
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path
from typing import Any

from ...core.errors import ValidationError
from ...core.limits import (
    MAX_IMPORT_BYTES,
    MAX_IMPORT_CELLS,
    MAX_IMPORT_COLUMNS,
    MAX_IMPORT_ROWS,
    MAX_READ_SECONDS,
)
from . import delimited
from .delimited import (
    DELIMITERS,
    ENCODINGS,
    check_delimiter,
    check_encoding,
    detect_encoding,
    sniff_delimiter,
)

__all__ = ["DELIMITERS", "ENCODINGS", "HEAD_ROWS", "MAX_BYTES", "Budget", "Rows", "Table",
           "cell_text", "check_delimiter", "check_encoding", "detect_encoding", "file_kind",
           "read_csv", "read_table", "read_xlsx", "sniff_delimiter", "unique_headers"]

#: Files (or, for XLSX, their unpacked content) larger than this are refused.
MAX_BYTES = MAX_IMPORT_BYTES
#: Rows kept in memory from the start of a file (previews, examples; a file this short is
#: held whole and never read again).
HEAD_ROWS = 2000


class Budget:
    """The time one reading of a file may spend parsing it (``MAX_READ_SECONDS``), counted
    only while it parses (not while the rows read are being used): :meth:`spend` adds to it
    and raises ``import_too_slow`` once it is spent, so a file made to be slow ends with a
    message. :meth:`check` looks at the clock since the budget began."""

    def __init__(self, path: Path, seconds: float | None = None) -> None:
        self.path = path
        self.seconds = MAX_READ_SECONDS if seconds is None else seconds
        self.spent = 0.0
        self.started = time.monotonic()

    def spend(self, seconds: float) -> None:
        self.spent += seconds
        if self.spent > self.seconds:
            self._stop()

    def check(self) -> None:
        if time.monotonic() - self.started > self.seconds:
            self._stop()

    def _stop(self) -> None:
        raise ValidationError("import_too_slow", "file", path=str(self.path),
                              seconds=f"{self.seconds:g}")


#: A fresh reading of a file's records (the header first), within a budget.
Source = Callable[[Budget], Iterator[Any]]


class Rows:
    """The data rows of a file: the first :data:`HEAD_ROWS` kept, the rest read from the file
    again on each iteration. Indexing and slicing within the head are free; ``len`` costs a
    reading the first time."""

    def __init__(self, path: Path, source: Source, width: int, head: list[tuple[Any, ...]],
                 complete: bool) -> None:
        self.path = path
        self._source = source
        self._width = width
        self.head = head
        self._count: int | None = len(head) if complete else None

    @property
    def complete(self) -> bool:
        """True when the head is the whole file."""
        return self._count is not None and self._count == len(self.head)

    def __iter__(self) -> Iterator[tuple[Any, ...]]:
        if self.complete:
            yield from self.head
            return
        n = 0
        for row in shaped_rows(self._source, self._width, Budget(self.path)):
            n += 1
            yield row
        self._count = n

    def __len__(self) -> int:
        if self._count is None:
            for _ in self:
                pass
        return self._count or 0

    def __bool__(self) -> bool:
        return bool(self.head)

    def __getitem__(self, index: int | slice) -> Any:
        head = self.head
        if isinstance(index, slice):
            start, stop, step = index.start or 0, index.stop, index.step or 1
            if start >= 0 and step > 0 and (self.complete or (
                    stop is not None and 0 <= stop <= len(head))):
                return head[index]
            return list(self)[index]
        if 0 <= index < len(head):
            return head[index]
        return list(self)[index]

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Rows | list | tuple):
            return list(self) == list(other)
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]


@dataclass(slots=True)
class Table:
    """The rows of one file (or sheet): unique header names and data rows.

    CSV cells are strings; XLSX cells keep their types (str, int, float, datetime, None).
    ``rows[i]`` is spreadsheet row ``i + 2`` (the header is row 1); each row is a tuple as
    wide as the headers (or wider, when its extra cells hold something). ``rows`` is a
    :class:`Rows` (streamed) for a file, or a plain list.
    """

    headers: list[str]
    rows: Rows | list[tuple[Any, ...]]
    path: Path | None = None
    encoding: str = ""
    delimiter: str = ""
    sheet: str = ""
    sheets: list[str] = field(default_factory=list)

    def column(self, header: str) -> int:
        return self.headers.index(header)

    def values(self, header: str) -> Iterator[Any]:
        i = self.headers.index(header)
        return (r[i] if i < len(r) else None for r in self.rows)

    def distinct(self, header: str, limit: int | None = None) -> list[str]:
        """The distinct non-empty values of a column as text, in order of first appearance
        (at most ``limit`` of them)."""
        seen: dict[str, None] = {}
        for v in self.values(header):
            text = cell_text(v)
            if text:
                seen.setdefault(text, None)
                if limit is not None and len(seen) >= limit:
                    break
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
    """Read a CSV or XLSX file; raises :class:`ValidationError` for what cannot be read (a
    missing, unknown, empty, too big, too slow, badly encoded or damaged file)."""
    path = Path(path)
    if not path.is_file():
        raise ValidationError("import_file_missing", "file", path=str(path))
    kind = file_kind(path)
    try:
        if kind == "xlsx":
            return read_xlsx(path, sheet=sheet)
        return read_csv(path, encoding=encoding, delimiter=delimiter)
    except OSError as exc:
        raise ValidationError("import_unreadable", "file", path=str(path),
                              detail=exc.strerror or str(exc)) from None
    except MemoryError:
        raise ValidationError("import_too_big", "file", path=str(path), size="?",
                              limit=MAX_BYTES // (1024 * 1024)) from None


def read_csv(path: str | Path, *, encoding: str = "auto", delimiter: str = "auto") -> Table:
    """A delimited text file (encoding and delimiter detected unless given): its encoding is
    checked over every line first (:func:`.delimited.file_encoding`)."""
    path = Path(path)
    chosen = check_encoding(encoding)
    delimiter = check_delimiter(delimiter)
    size = path.stat().st_size
    if size > MAX_BYTES:
        raise ValidationError("import_too_big", "file", path=str(path),
                              size=size // (1024 * 1024), limit=MAX_BYTES // (1024 * 1024))
    with open(path, "rb") as fh:
        head = fh.read(delimited.SAMPLE)
    used, scan = delimited.file_encoding(path, chosen, head, Budget(path))
    if delimiter == "auto":
        delimiter = sniff_delimiter(delimited.sample_text(head, used))
    delimited.check_file_encoding(path, chosen, used, delimiter, scan)
    reading = "utf-8-sig" if used == "utf-8" and head.startswith(codecs.BOM_UTF8) else used

    def source(_budget: Budget) -> Iterator[list[str]]:
        return delimited.records(path, reading, delimiter)

    table = table_of(path, source)
    table.encoding, table.delimiter = used, delimiter
    return table


def read_xlsx(path: str | Path, *, sheet: str | None = None) -> Table:
    """One sheet (the first unless named) of an XLSX workbook (see :mod:`.xlsx`)."""
    from . import xlsx  # zip and XML parsing only when a workbook is read

    path = Path(path)
    names, source = xlsx.open_sheet(path, sheet, Budget(path), MAX_BYTES)
    table = table_of(path, source)
    table.sheet, table.sheets = sheet or names[0], names
    return table


# -- rows -------------------------------------------------------------------------------------
def _is_blank(record: tuple[Any, ...] | list[Any]) -> bool:
    return all(cell_text(v) == "" for v in record)


def unique_headers(raw: list[Any] | tuple[Any, ...]) -> list[str]:
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


def _header(path: Path, records: Iterator[Any]) -> list[str]:
    first = next(records, None)
    if first is None or _is_blank(first):
        raise ValidationError("import_empty", "file", path=str(path))
    header = list(first)
    if len(header) > MAX_IMPORT_COLUMNS and not _is_blank(header[MAX_IMPORT_COLUMNS:]):
        raise ValidationError("import_too_many_columns", "file", path=str(path),
                              limit=f"{MAX_IMPORT_COLUMNS:,}")
    while header and cell_text(header[-1]) == "":
        header.pop()
    return unique_headers(header)


def table_of(path: Path, source: Source) -> Table:
    """The table of a file whose records ``source`` reads: its header and first rows now,
    the other rows streamed."""
    records = source(Budget(path))
    try:
        headers = _header(path, records)
    finally:
        close = getattr(records, "close", None)
        if close is not None:
            close()
    rows = shaped_rows(source, len(headers), Budget(path))
    try:
        head = list(islice(rows, HEAD_ROWS + 1))
    finally:
        rows.close()
    complete = len(head) <= HEAD_ROWS
    return Table(headers, Rows(path, source, len(headers), head[:HEAD_ROWS], complete), path)


def shaped_rows(source: Source, width: int, budget: Budget
                ) -> Generator[tuple[Any, ...], None, None]:
    """The data rows of one reading: each a tuple as wide as the header (short rows padded
    with None, empty cells past the header dropped), blank rows at the end left out, and
    every bound checked: rows, columns with values, cells, time."""
    path = budget.path
    records = source(budget)
    pad = (None,) * width
    try:
        yield from _shaped(records, width, pad, path, budget)
    except OSError as exc:  # the file went away or became unreadable between two readings
        raise ValidationError("import_unreadable", "file", path=str(path),
                              detail=exc.strerror or str(exc)) from None
    finally:
        close = getattr(records, "close", None)
        if close is not None:
            close()


def _shaped(records: Iterator[Any], width: int, pad: tuple[None, ...], path: Path,
            budget: Budget) -> Iterator[tuple[Any, ...]]:
    next(records, None)  # the header
    rowno, cells = 1, 0
    blanks: list[Any] = []  # blank rows kept back until a row with values follows them
    for record in records:
        rowno += 1
        n = len(record)
        if not record or (not any(record) and all(v is None or v == "" for v in record)):
            blanks.append(record)
            if rowno > MAX_IMPORT_ROWS + 1001:
                raise ValidationError("import_too_many_rows", "file", path=str(path),
                                      limit=f"{MAX_IMPORT_ROWS:,}")
            continue
        if rowno > MAX_IMPORT_ROWS + 1:
            raise ValidationError("import_too_many_rows", "file", path=str(path),
                                  limit=f"{MAX_IMPORT_ROWS:,}")
        if n > MAX_IMPORT_COLUMNS and not _is_blank(record[MAX_IMPORT_COLUMNS:]):
            raise ValidationError("import_too_many_columns", "file", path=str(path),
                                  limit=f"{MAX_IMPORT_COLUMNS:,}")
        cells += max(n, width) * (len(blanks) + 1)
        if cells > MAX_IMPORT_CELLS:
            raise ValidationError("import_too_many_cells", "file", path=str(path),
                                  limit=f"{MAX_IMPORT_CELLS:,}")
        for blank in blanks:
            yield (*blank[:width], *pad[:width - len(blank)])
        blanks.clear()
        if n == width:
            yield tuple(record)
        elif n < width:
            yield (*record, *pad[:width - n])
        elif _is_blank(record[width:]):
            yield tuple(record[:width])
        else:
            yield tuple(record)
