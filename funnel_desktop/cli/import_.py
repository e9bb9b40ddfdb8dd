"""``funnel-desktop import``: import a CSV or XLSX file with a mapping preset (or a dry run)."""

from __future__ import annotations

import argparse
import json
import os
import time
from contextlib import ExitStack
from pathlib import Path
from tempfile import TemporaryDirectory

from ..core.errors import FunnelError, ValidationError, printable
from ..core.templates import TEMPLATES
from ..locale_format import Formatter
from ..services import Services
from ..services.importing import ImportRefused, import_table
from ..store.db import OpenedDatabase, is_url
from ..store.db_errors import translated_errors
from ..store.importing import (
    ImportReport,
    Mapping,
    Table,
    guess_columns,
    guess_mapping,
    load_preset,
    read_table,
)
from ..store.importing.presets import BUILTIN
from ..store.models import Deal, Pipeline, database
from ..store.queries import find_pipeline, get_setting, stages_of
from . import EXIT_INPUT, error_message, say
from .common import (
    add_currency,
    check_currency,
    currency_of_new_database,
    open_db,
    writing_db,
)
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
    p.add_argument("--mapping", help=fill(translate(
        "Cli", "a mapping preset (JSON, saved by the import wizard or --save-mapping; the "
        "README describes it) or a built-in one: %1 (default: guessed from the file's "
        "headers and values, and printed)"), ", ".join(sorted(BUILTIN))))
    p.add_argument("--save-mapping", metavar="FILE", help=translate(
        "Cli", "write the mapping used (guessed or loaded) as a preset to edit"))
    p.add_argument("--db", required=True,
                   help=translate("Cli", "database file or URL (created if missing)"))
    p.add_argument("--dry-run", action="store_true",
                   help=translate("Cli", "check every row, write nothing"))
    p.add_argument("--pipeline", help=translate(
        "Cli", "pipeline name or id (default: the first; an empty database gets one from "
        "--template)"))
    p.add_argument("--template", default="b2b6", help=fill(translate(
        "Cli", "stage template for a new database: %1"), ", ".join(t.code for t in TEMPLATES)))
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
    add_currency(p)
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
    translators (counted texts in their singular or plural)."""
    c, u, n = report.created, report.updated, fmt.count
    rows, problems = report.rows, report.problem_rows
    head = (translate("CliImport", "Would import %Ln row(s): deals %1 created, %2 updated, %3 "
                                   "unchanged; customers %4 created, %5 updated; contacts %6, "
                                   "owners %7, teams %8, regions %9, sources %10 created; %11 "
                                   "skipped.", None, rows)
            if report.dry_run else
            translate("CliImport", "Imported %Ln row(s): deals %1 created, %2 updated, %3 "
                                   "unchanged; customers %4 created, %5 updated; contacts %6, "
                                   "owners %7, teams %8, regions %9, sources %10 created; %11 "
                                   "skipped.", None, rows))
    text = fill(head, n(c.get("deals", 0)), n(u.get("deals", 0)),
                n(report.unchanged), n(c.get("customers", 0)), n(u.get("customers", 0)),
                n(c.get("contacts", 0)), n(c.get("owners", 0)), n(c.get("teams", 0)),
                n(c.get("regions", 0)), n(c.get("sources", 0)), n(report.skipped_rows))
    if report.problems:
        text += " " + (translate("CliImport", "%Ln row(s) have problems and are skipped.",
                                 None, problems)
                       if report.skip_invalid else
                       translate("CliImport", "%Ln row(s) have problems; nothing is "
                                              "imported until they are fixed or skipped.",
                                 None, problems))
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
    """A problem or note of the report in ``lang`` (the app's error texts; in English, the
    core's sentence unless it counts something)."""
    if lang == "en" and "count" not in params:
        return FunnelError(code, **params).english()
    from ..ui.common.messages import error_text

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
            where = (fill(translate("CliImport", "row %1, column “%2”"), str(p.row),
                          printable(p.column))
                     if p.column else fill(translate("CliImport", "row %1"), str(p.row)))
            print("  " + fill(line, where, message(p.code, p.params, lang)))
        if len(items) > SHOWN:
            print("  " + fill(translate("CliImport", "… and %1 more"),
                              fmt.count(len(items) - SHOWN)))
    rate = report.rows / seconds if seconds > 0 else 0
    print(fill(translate("CliImport", "%1 rows in %2 s (%3 rows/s)"), fmt.count(report.rows),
               fmt.number(seconds, 2), fmt.count(round(rate))))


def run(args: argparse.Namespace) -> int:
    if args.template not in {t.code for t in TEMPLATES}:
        raise ValidationError("choice_invalid", "template", value=args.template,
                              choices=", ".join(t.code for t in TEMPLATES))
    if args.currency:
        check_currency(args.currency)
    mapping = load_preset(args.mapping) if args.mapping else None
    if mapping is not None and args.skip_invalid:
        mapping.skip_invalid_rows = True
    delimiter = "\t" if args.delimiter == "tab" else args.delimiter
    start = time.perf_counter()
    table = read_table(args.file, encoding=args.encoding, delimiter=delimiter, sheet=args.sheet)
    if mapping is not None:
        mapping.validate(table.headers)
    try:
        with ExitStack() as stack:  # a refused import leaves no new file (writing_db)
            opened = _dry_run_db(args, stack) if args.dry_run else None
            if opened is None:
                opened = stack.enter_context(writing_db(args))
            try:
                # and no new pipeline in an existing file; its commit's failure (a full disk)
                # said as the database's, not as an internal error
                with translated_errors(str(getattr(args, "target_db", args.db))), \
                        database.atomic():
                    report = _run(args, opened, mapping, table)
                    if args.dry_run:
                        raise _DryRun(report)
            except _DryRun as dry:
                report = dry.report
    except ImportRefused as refused:
        refused.report.dry_run = True
        _show(args, refused.report, start)
        say(error_message(refused, args.ui_lang))
        return EXIT_INPUT
    _show(args, report, start)
    note = getattr(args, "currency_note", None)
    if note and not args.dry_run:
        if args.json:
            say(note)
        else:
            print(note)
    return EXIT_INPUT if args.dry_run and report.blocked else 0


def _dry_run_db(args: argparse.Namespace, stack: ExitStack) -> OpenedDatabase | None:
    """The database a dry run checks against, opened read-only (it writes nothing, and a
    read-only file works); None when that is a new one (made in a temporary folder)."""
    if is_url(args.db) or (Path(args.db).is_file() and Path(args.db).stat().st_size):
        opened = open_db(args)
        stack.callback(opened.db.close)
        if args.pipeline is not None or Pipeline.select().exists():
            return opened
    folder = Path(stack.enter_context(TemporaryDirectory()))
    args.target_db, args.db = args.db, str(folder / "dry-run.sqlite")
    return None


class _DryRun(Exception):
    """Ends the dry run's transaction (rolled back: even a new pipeline is not kept)."""

    def __init__(self, report: ImportReport) -> None:
        self.report = report


def _run(args: argparse.Namespace, opened: OpenedDatabase, mapping: Mapping | None,
         table: Table) -> ImportReport:
    services = Services()
    lang = args.lang or args.ui_lang
    new = args.pipeline is None and not Pipeline.select().exists()
    if new:
        services.seed_lists(lang)
        services.create_pipeline(args.template, lang)
    pipeline = find_pipeline(args.pipeline)
    if pipeline is None:
        raise ValidationError("pipeline_unknown", "pipeline", value=args.pipeline or "")
    if mapping is None:
        mapping = _guess(table, pipeline.id)
        if args.skip_invalid:
            mapping.skip_invalid_rows = True
        if not args.json:
            _print_guess(mapping, table)
    mapping.validate(table.headers)
    if args.save_mapping:
        _save(mapping, Path(args.save_mapping))
    _currency(args, opened, mapping, new, lang, services)
    return import_table(services, table, mapping, pipeline.id, dry_run=args.dry_run).value


def _guess(table: Table, pipeline_id: int) -> Mapping:
    """The mapping guessed from the file, as the import wizard guesses it."""
    stages = stages_of(pipeline_id)
    columns = guess_columns(table.headers)
    stage_col = next((h for h, f in columns.items() if f == "deal.stage"), None)
    values = table.distinct(stage_col, limit=200) if stage_col else []
    mapping = guess_mapping(table.headers, values, stages)
    mapping.name = "guessed"
    if not mapping.columns:
        raise ValidationError("import_nothing_guessed", "mapping",
                              headers=", ".join(table.headers[:20]))
    return mapping


def _print_guess(mapping: Mapping, table: Table) -> None:
    from ..ui.transfer.import_wizard import field_labels

    labels = field_labels()
    print(translate("CliImport", "guessed mapping (give --save-mapping FILE to keep it and "
                                 "edit it):"))
    for header in table.headers:
        f = mapping.columns.get(header)
        where = (fill(translate("CliImport", "%1 → %2 (%3)"), printable(header), f, labels[f])
                 if f else fill(translate("CliImport", "%1 → not imported"),
                                printable(header)))
        print("  " + where)
    if mapping.amount_scale != 1:
        print("  " + translate("CliImport", "amounts are in 万 (ten thousands)"))
    for value, stage in mapping.stage_map.items():
        print("  " + fill(translate("CliImport", "stage “%1” → %2"), printable(value),
                          printable(stage)))


def _save(mapping: Mapping, path: Path) -> None:
    if path.exists() and not path.is_file():  # a folder, a device, a pipe: never replaced
        raise ValidationError("file_write", "save_mapping", path=str(path),
                              detail="it is not a regular file")
    tmp = path.with_name(path.name + ".part")
    try:
        mapping.save(tmp)
        os.replace(tmp, path)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise ValidationError("file_write", "save_mapping", path=str(path),
                              detail=exc.strerror or str(exc)) from None
    print(fill(translate("CliImport", "mapping saved to %1"), printable(path)))


def _currency(args: argparse.Namespace, opened: OpenedDatabase, mapping: Mapping, new: bool,
              lang: str, services: Services) -> None:
    """A new database keeps the file's currency (``--currency``, the preset's, or asked);
    an existing one must already keep it."""
    wanted = args.currency or mapping.currency
    kept = get_setting("currency", None)
    if new and kept is None:
        if args.dry_run and not wanted:
            return  # asked when the file is imported
        services.set_setting("currency", currency_of_new_database(
            args, lang, opened, suggested=mapping.currency or None))
        return
    if not wanted:
        return
    kept = kept or _legacy_currency()
    if kept != wanted:
        if not Deal.select().exists():  # nothing is in the other currency yet
            if not opened.readonly:
                services.set_setting("currency", wanted)
            return
        raise ValidationError("currency_mismatch", "currency", kept=kept, wanted=wanted,
                              path=printable(getattr(args, "target_db", args.db)))


def _legacy_currency() -> str:
    """The ISO code of an older database's currency sign (¥ unless it said otherwise)."""
    from ..locale_format import CURRENCY_SYMBOLS

    sign = str(get_setting("currency_symbol", "¥") or "¥")
    return next((c for c, s in CURRENCY_SYMBOLS.items() if s == sign), "CNY")


def _show(args: argparse.Namespace, report: ImportReport, start: float) -> None:
    if args.json:
        print(json.dumps(report_dict(report), ensure_ascii=False, indent=2))
    else:
        _print(report, time.perf_counter() - start, args.ui_lang)
