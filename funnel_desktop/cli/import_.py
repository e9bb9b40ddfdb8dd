"""``funnel-desktop import``: import a CSV or XLSX file with a mapping preset (or a dry run)."""

from __future__ import annotations

import argparse
import json
import sys
import time
from contextlib import ExitStack
from pathlib import Path
from tempfile import TemporaryDirectory

from ..core.errors import ValidationError
from ..services import Services
from ..services.importing import ImportRefused, import_table
from ..store.db import is_url
from ..store.importing import ImportReport, Mapping, Table, load_preset, read_table
from ..store.importing.presets import BUILTIN
from ..store.models import Pipeline
from ..store.queries import find_pipeline
from . import EXIT_INPUT
from .common import open_db

#: Problems printed before "… and N more".
SHOWN = 50


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("import", help="import deals, customers and contacts from CSV or XLSX",
                       description="Import a CSV or XLSX file. With --dry-run nothing is "
                       "written; every problem is listed by row and column. A real import "
                       "is one transaction: all rows or none.")
    p.add_argument("file", help="the CSV or XLSX file")
    p.add_argument("--mapping", required=True,
                   help="a mapping preset (JSON, saved by the import wizard) or a built-in "
                   "one: " + ", ".join(sorted(BUILTIN)))
    p.add_argument("--db", required=True, help="database file or URL (created if missing)")
    p.add_argument("--dry-run", action="store_true", help="check every row, write nothing")
    p.add_argument("--pipeline", help="pipeline name or id (default: the first; an empty "
                   "database gets one from --template)")
    p.add_argument("--template", default="b2b6", help="stage template for a new database")
    p.add_argument("--lang", choices=("en", "zh"), default="en",
                   help="language of the stage names and kept lists of a new database")
    p.add_argument("--encoding", default="auto", help="CSV encoding (default: detect)")
    p.add_argument("--delimiter", default="auto", help="CSV delimiter (default: detect; "
                   "'tab' for tabs)")
    p.add_argument("--sheet", help="XLSX sheet (default: the first)")
    p.add_argument("--skip-invalid", action="store_true",
                   help="skip rows with problems instead of refusing the whole import")
    p.add_argument("--json", action="store_true", help="print the report as JSON")
    p.set_defaults(run=run)


def report_dict(report: ImportReport) -> dict:
    """The report as plain JSON-able values."""
    return {
        "dry_run": report.dry_run, "rows": report.rows, "created": report.created,
        "updated": report.updated, "unchanged": report.unchanged,
        "skipped": [{"row": p.row, "column": p.column, "code": p.code,
                     "reason": p.english()} for p in report.skipped],
        "problems": [{"row": p.row, "column": p.column, "code": p.code,
                      "reason": p.english()} for p in report.problems],
        "notes": [{"code": n.code, "count": n.count, "text": n.english(),
                   "rows": n.rows} for n in report.notes],
    }


def _print(report: ImportReport, seconds: float) -> None:
    print(report.summary())
    for n in report.notes:
        print(f"  note: {n.english()}")
    for title, items in (("problem", report.problems), ("skipped", report.skipped)):
        for p in items[:SHOWN]:
            where = f"row {p.row}" + (f", column “{p.column}”" if p.column else "")
            print(f"  {title}: {where}: {p.english()}")
        if len(items) > SHOWN:
            print(f"  … and {len(items) - SHOWN} more")
    rate = report.rows / seconds if seconds > 0 else 0
    print(f"{report.rows} rows in {seconds:.2f} s ({rate:,.0f} rows/s)")


def run(args: argparse.Namespace) -> int:
    mapping = load_preset(args.mapping)
    if args.skip_invalid:
        mapping.skip_invalid_rows = True
    delimiter = "\t" if args.delimiter == "tab" else args.delimiter
    start = time.perf_counter()
    table = read_table(args.file, encoding=args.encoding, delimiter=delimiter, sheet=args.sheet)
    with ExitStack() as stack:
        if args.dry_run and not is_url(args.db) and not Path(args.db).exists():
            # a dry run writes nothing: check against a new database in a temporary folder
            args.db = str(Path(stack.enter_context(TemporaryDirectory())) / "dry-run.sqlite")
        return _run(args, mapping, table, start)


def _run(args: argparse.Namespace, mapping: Mapping, table: Table, start: float) -> int:
    opened = open_db(args, create=True)
    services = Services()
    if args.pipeline is None and not Pipeline.select().exists():
        services.seed_lists(args.lang)
        services.create_pipeline(args.template, args.lang)
    pipeline = find_pipeline(args.pipeline)
    if pipeline is None:
        raise ValidationError("pipeline_unknown", "pipeline", value=args.pipeline or "")
    try:
        outcome = import_table(services, table, mapping, pipeline.id, dry_run=args.dry_run)
    except ImportRefused as refused:
        refused.report.dry_run = True
        if args.json:
            print(json.dumps(report_dict(refused.report), ensure_ascii=False, indent=2))
        else:
            _print(refused.report, time.perf_counter() - start)
        print(f"funnel-desktop: {refused.english()}", file=sys.stderr)
        opened.db.close()
        return EXIT_INPUT
    report = outcome.value
    if args.json:
        print(json.dumps(report_dict(report), ensure_ascii=False, indent=2))
    else:
        _print(report, time.perf_counter() - start)
    code = EXIT_INPUT if args.dry_run and report.blocked else 0
    opened.db.close()
    return code
