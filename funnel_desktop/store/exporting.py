"""Exporting deals, customers, contacts and activities as CSV (UTF-8, optional BOM for Excel)
or XLSX, with every text cell guarded against formula injection.

Money is written in major units (12,500.00 → ``12500.00``), dates as ISO ``YYYY-MM-DD`` and
times as ``YYYY-MM-DD HH:MM:SS`` in UTC, as stored. The headers are the import's own field
names, so an exported file imports again with the guessed mapping.
"""

from __future__ import annotations

import contextlib
import csv
import errno
import os
from collections.abc import Iterator
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

from ..core.errors import StoreError, ValidationError
from .models import (
    Activity,
    Contact,
    Customer,
    Deal,
    Owner,
    Pipeline,
    Reason,
    Region,
    Source,
    Stage,
    Team,
)

WHAT = ("deals", "customers", "contacts", "activities")
FORMATS = ("csv", "xlsx")
#: A cell starting with one of these could run as a formula in a spreadsheet.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")

HEADERS: dict[str, tuple[str, ...]] = {
    "deals": ("id", "external_id", "title", "customer", "pipeline", "stage", "stage_kind",
              "amount", "probability", "expected_close", "owner", "owner_team",
              "owner_region", "source", "project_type", "next_step", "next_step_due",
              "created_at", "stage_entered_at", "closed_at", "close_reason", "close_note"),
    "customers": ("id", "external_id", "name", "contact_person", "phone", "email", "im",
                  "address", "industry", "region", "scale", "source", "priority", "intent",
                  "budget", "class_manual", "man_money", "man_authority", "man_need", "needs",
                  "pain_points", "credit_notes", "notes", "created_at"),
    "contacts": ("id", "customer_id", "customer", "name", "title", "phone", "email", "role",
                 "attitude", "notes"),
    "activities": ("id", "kind", "subject", "notes", "deal_id", "deal", "customer", "owner",
                   "due_at", "done_at", "created_at"),
}


def neutralise(text: str) -> str:
    """Prefix an apostrophe to text a spreadsheet would run as a formula (= + - @ tab CR)."""
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def _money(minor: int | None) -> Decimal | None:
    return None if minor is None else Decimal(minor) / 100


def _names(model: Any) -> dict[int | None, str]:
    """id → name, to look up by a foreign key that may be empty."""
    return dict(model.select(model.id, model.name).tuples())


def rows_of(what: str, pipeline_id: int | None = None) -> Iterator[tuple[Any, ...]]:
    """The rows of one export (typed values: str, int, Decimal, date, datetime, bool, None),
    in the order of ``HEADERS[what]``. Reads in a few queries, whatever the size."""
    if what == "deals":
        yield from _deals(pipeline_id)
    elif what == "customers":
        regions, sources = _names(Region), _names(Source)
        for c in Customer.select().order_by(Customer.id).dicts():
            yield (c["id"], c["external_id"], c["name"], c["contact_person"], c["phone"],
                   c["email"], c["im"], c["address"], c["industry"], regions.get(c["region"]),
                   c["scale"], sources.get(c["source"]), c["priority"], c["intent"],
                   _money(c["budget"]), c["class_manual"], c["man_money"], c["man_authority"],
                   c["man_need"], c["needs"], c["pain_points"], c["credit_notes"], c["notes"],
                   c["created_at"])
    elif what == "contacts":
        customers: dict[int, str] = dict(Customer.select(Customer.id, Customer.name).tuples())
        for c in Contact.select().order_by(Contact.id).dicts():
            yield (c["id"], c["customer"], customers.get(c["customer"]), c["name"], c["title"],
                   c["phone"], c["email"], c["role"], c["attitude"], c["notes"])
    elif what == "activities":
        customers = dict(Customer.select(Customer.id, Customer.name).tuples())
        deals: dict[int, str] = dict(Deal.select(Deal.id, Deal.title).tuples())
        owners = _names(Owner)
        for a in Activity.select().order_by(Activity.id).dicts():
            yield (a["id"], a["kind"], a["subject"], a["notes"], a["deal"], deals.get(a["deal"]),
                   customers.get(a["customer"]), owners.get(a["owner"]), a["due_at"],
                   a["done_at"], a["created_at"])
    else:
        raise ValidationError("export_what_unknown", "what", value=what)


def _deals(pipeline_id: int | None) -> Iterator[tuple[Any, ...]]:
    customers: dict[int, str] = dict(Customer.select(Customer.id, Customer.name).tuples())
    pipelines = _names(Pipeline)
    stages = {s.id: (s.name, s.kind) for s in Stage.select(Stage.id, Stage.name, Stage.kind)}
    owners = {o.id: (o.name, o.team_id, o.region_id) for o in Owner.select()}
    teams, regions, sources = _names(Team), _names(Region), _names(Source)
    reasons: dict[int, str] = dict(Reason.select(Reason.id, Reason.label).tuples())
    q = Deal.select().order_by(Deal.id)
    if pipeline_id is not None:
        q = q.where(Deal.pipeline == pipeline_id)
    for d in q.dicts():
        stage_name, kind = stages.get(d["stage"], ("", ""))
        owner, team, region = owners.get(d["owner"], (None, None, None))
        yield (d["id"], d["external_id"], d["title"], customers.get(d["customer"]),
               pipelines.get(d["pipeline"]), stage_name, kind, _money(d["amount"]),
               d["probability"], d["expected_close"], owner, teams.get(team),
               regions.get(region), sources.get(d["source"]), d["project_type"],
               d["next_step"], d["next_step_due"], d["created_at"], d["stage_entered_at"],
               d["closed_at"], reasons.get(d["close_reason"]), d["close_note"])


def _text(value: Any) -> str:
    """A typed value as CSV text (text neutralised, numbers and dates plain)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, Decimal):
        return f"{value:.2f}"
    if isinstance(value, datetime):
        return value.replace(microsecond=0).isoformat(sep=" ")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, int):
        return str(value)
    return neutralise(str(value))


def write_csv(path: str | Path, headers: tuple[str, ...], rows: Iterator[tuple[Any, ...]], *,
              bom: bool = False) -> int:
    """Write UTF-8 CSV (with a BOM for Excel if asked); returns the number of rows."""
    count = 0
    with _replacing(path) as tmp, open(tmp, "w", encoding="utf-8-sig" if bom else "utf-8",
                                       newline="") as fh:
        w = csv.writer(fh)
        w.writerow(headers)
        for row in rows:
            w.writerow([_text(v) for v in row])
            count += 1
    return count


def write_xlsx(path: str | Path, headers: tuple[str, ...], rows: Iterator[tuple[Any, ...]], *,
               sheet: str = "Export") -> int:
    """Write an XLSX workbook (one sheet); text cells are typed as text ('s') and
    neutralised, so nothing a user typed can become a formula. Returns the row count."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell

    wb = Workbook(write_only=True)
    ws = wb.create_sheet(sheet)

    def cell(value: Any) -> Any:
        if isinstance(value, bool):
            value = "yes" if value else "no"
        if isinstance(value, str):
            c = WriteOnlyCell(ws, value=None)
            c.value = neutralise(value)
            c.data_type = "s"
            return c
        c = WriteOnlyCell(ws, value=value)
        if isinstance(value, Decimal):
            c.number_format = "#,##0.00"
        elif isinstance(value, datetime):
            c.number_format = "yyyy-mm-dd hh:mm:ss"
        elif isinstance(value, date):
            c.number_format = "yyyy-mm-dd"
        return c

    ws.append([cell(h) for h in headers])
    count = 0
    for row in rows:
        ws.append([cell(v) for v in row])
        count += 1
    with _replacing(path) as tmp:
        wb.save(tmp)
    return count


class _replacing:
    """Write to ``path.part`` (mode 0600), then move it over ``path``; errors → StoreError."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self.tmp = self.path.with_name(self.path.name + ".part")

    def __enter__(self) -> Path:
        if self.path.is_dir():
            raise _write_error(self.path, IsADirectoryError(21, "it is a folder"))
        if self.path.exists() and not self.path.is_file():  # a device or a pipe: not replaced
            raise _write_error(self.path, OSError(0, "it is not a regular file"))
        self.made: list[Path] = []  # folders made for the file, removed if it fails
        folder = self.path.parent
        while not folder.exists():
            self.made.append(folder)
            folder = folder.parent
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            fd = os.open(self.tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
            os.close(fd)
        except OSError as exc:
            self._undo_folders()
            raise _write_error(self.path, exc) from None
        return self.tmp

    def _undo_folders(self) -> None:
        for folder in self.made:
            with contextlib.suppress(OSError):
                folder.rmdir()

    def __exit__(self, kind: Any, exc: Any, tb: Any) -> None:
        if kind is None:
            try:
                os.replace(self.tmp, self.path)
                return
            except OSError as err:
                self.tmp.unlink(missing_ok=True)
                self._undo_folders()
                raise _write_error(self.path, err) from None
        self.tmp.unlink(missing_ok=True)
        self._undo_folders()
        if isinstance(exc, OSError):
            raise _write_error(self.path, exc) from None


def _write_error(path: Path, exc: OSError) -> StoreError:
    """``disk_full`` for a full disk, else ``file_write`` with the system's reason."""
    if exc.errno == errno.ENOSPC:
        return StoreError("disk_full", path=str(path))
    return StoreError("file_write", path=str(path), detail=exc.strerror or str(exc))


def export(what: str, fmt: str, path: str | Path, *, bom: bool = False,
           pipeline_id: int | None = None) -> int:
    """Export one kind of record to a CSV or XLSX file; returns the number of rows."""
    if what not in WHAT:
        raise ValidationError("export_what_unknown", "what", value=what)
    if fmt not in FORMATS:
        raise ValidationError("choice_invalid", "format", value=fmt, choices="csv, xlsx")
    rows = rows_of(what, pipeline_id)
    if fmt == "csv":
        return write_csv(path, HEADERS[what], rows, bom=bom)
    return write_xlsx(path, HEADERS[what], rows, sheet=what.capitalize())
