"""``funnel-desktop import``: import a CSV or XLSX file with a mapping preset (or a dry run)."""

from __future__ import annotations

import argparse
import json
import sys
import time
from contextlib import ExitStack
from pathlib import Path
from tempfile import TemporaryDirectory

from ..core.errors import FunnelError, ValidationError
from ..locale_format import Formatter
from ..services import Services
from ..services.importing import ImportRefused, import_table
from ..store.db import is_url
from ..store.importing import ImportReport, Mapping, Table, load_preset, read_table
from ..store.importing.presets import BUILTIN
from ..store.models import Pipeline
from ..store.queries import find_pipeline
from . import EXIT_INPUT, error_message
from .common import open_db
from .output import fill, translate

#: Problems printed before "… and N more".
SHOWN = 50


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("import", help=translate(
                           "Cli", "import deals, customers and contacts from CSV or XLSX"),
                       description=translate(
                           "Cli", "Import a CSV or XLSX file. With --dry-run nothing is "
                           "written; every problem is listed by row and column. A real import "
                           "is one transaction: all rows or none."))
    p.add_argument("file", help=translate("Cli", "the CSV or XLSX file"))
    p.add_argument("--mapping", required=True, help=fill(translate(
        "Cli", "a mapping preset (JSON, saved by the import wizard) or a built-in one: %1"),
        ", ".join(sorted(BUILTIN))))
    p.add_argument("--db", required=True,
                   help=translate("Cli", "database file or URL (created if missing)"))
    p.add_argument("--dry-run", action="store_true",
                   help=translate("Cli", "check every row, write nothing"))
    p.add_argument("--pipeline", help=translate(
        "Cli", "pipeline name or id (default: the first; an empty database gets one from "
        "--template)"))
    p.add_argument("--template", default="b2b6",
                   help=translate("Cli", "stage template for a new database"))
    p.add_argument("--lang", choices=("en", "zh"), default=None, help=translate(
        "Cli", "language of the stage names and kept lists of a new database (default: the "
        "language of the command line)"))
    p.add_argument("--encoding", default="auto",
                   help=translate("Cli", "CSV encoding (default: detect)"))
    p.add_argument("--delimiter", default="auto",
                   help=translate("Cli", "CSV delimiter (default: detect; 'tab' for tabs)"))
    p.add_argument("--sheet", help=translate("Cli", "XLSX sheet (default: the first)"))
    p.add_argument("--skip-invalid", action="store_true", help=translate(
        "Cli", "skip rows with problems instead of refusing the whole import"))
    p.add_argument("--json", action="store_true",
                   help=translate("Cli", "print the report as JSON (keys in English, whatever "
                                         "the language)"))
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


def summary(report: ImportReport, fmt: Formatter) -> str:
    """The counts of a report as one paragraph in the language of the installed
    translators (in English, :meth:`ImportReport.summary`'s words)."""
    c, u, n = report.created, report.updated, fmt.count
    head = (translate("CliImport", "Would import %1 row(s): deals %2 created, %3 updated, %4 "
                                   "unchanged; customers %5 created, %6 updated; contacts %7, "
                                   "owners %8, teams %9, regions %10, sources %11 created; %12 "
                                   "row(s) skipped.")
            if report.dry_run else
            translate("CliImport", "Imported %1 row(s): deals %2 created, %3 updated, %4 "
                                   "unchanged; customers %5 created, %6 updated; contacts %7, "
                                   "owners %8, teams %9, regions %10, sources %11 created; %12 "
                                   "row(s) skipped."))
    text = fill(head, n(report.rows), n(c.get("deals", 0)), n(u.get("deals", 0)),
                n(report.unchanged), n(c.get("customers", 0)), n(u.get("customers", 0)),
                n(c.get("contacts", 0)), n(c.get("owners", 0)), n(c.get("teams", 0)),
                n(c.get("regions", 0)), n(c.get("sources", 0)), n(report.skipped_rows))
    if report.problems:
        text += " " + fill(translate("CliImport", "%1 row(s) have problems and are skipped.")
                           if report.skip_invalid else
                           translate("CliImport", "%1 row(s) have problems; nothing is "
                                                  "imported until they are fixed or skipped."),
                           n(report.problem_rows))
    return text


def _rule(text: str) -> str:
    """The date rule named in a note, translated as the import wizard does."""
    return {"the latest date in the file": translate("ImportWizard",
                                                     "the latest date in the file"),
            "the time of the import": translate("ImportWizard", "the time of the import"),
            "the date chosen in the mapping": translate("ImportWizard",
                                                        "the date chosen in the mapping"),
            }.get(text, text)


def message(code: str, params: dict, lang: str) -> str:
    """A problem or note of the report in ``lang`` (the app's error texts)."""
    if lang == "en":
        return FunnelError(code, **params).english()
    from ..ui.messages import error_text

    if "rule" in params:
        params = {**params, "rule": _rule(str(params["rule"]))}
    return error_text(FunnelError(code, **params))


def _print(report: ImportReport, seconds: float, lang: str) -> None:
    fmt = Formatter(lang)
    print(summary(report, fmt))
    for n in report.notes:
        text = message(n.code, {**n.params, "count": n.count}, lang)
        print("  " + fill(translate("CliImport", "note: %1"), text))
    for kind, items in (("problem", report.problems), ("skipped", report.skipped)):
        line = (translate("CliImport", "problem: %1: %2") if kind == "problem" else
                translate("CliImport", "skipped: %1: %2"))
        for p in items[:SHOWN]:
            where = (fill(translate("CliImport", "row %1, column “%2”"), str(p.row), p.column)
                     if p.column else fill(translate("CliImport", "row %1"), str(p.row)))
            print("  " + fill(line, where, message(p.code, p.params, lang)))
        if len(items) > SHOWN:
            print("  " + fill(translate("CliImport", "… and %1 more"),
                              fmt.count(len(items) - SHOWN)))
    rate = report.rows / seconds if seconds > 0 else 0
    print(fill(translate("CliImport", "%1 rows in %2 s (%3 rows/s)"), fmt.count(report.rows),
               fmt.number(seconds, 2), fmt.count(round(rate))))


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
        services.seed_lists(args.lang or args.ui_lang)
        services.create_pipeline(args.template, args.lang or args.ui_lang)
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
            _print(refused.report, time.perf_counter() - start, args.ui_lang)
        print(f"funnel-desktop: {error_message(refused, args.ui_lang)}", file=sys.stderr)
        opened.db.close()
        return EXIT_INPUT
    report = outcome.value
    if args.json:
        print(json.dumps(report_dict(report), ensure_ascii=False, indent=2))
    else:
        _print(report, time.perf_counter() - start, args.ui_lang)
    code = EXIT_INPUT if args.dry_run and report.blocked else 0
    opened.db.close()
    return code
