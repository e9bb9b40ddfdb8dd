"""``funnel-desktop export``: deals, customers, contacts or activities as CSV or XLSX."""

from __future__ import annotations

import argparse

from ..core.errors import ValidationError, printable
from ..locale_format import Formatter
from ..store.exporting import FORMATS, WHAT, export
from ..store.queries import find_pipeline
from .common import add_db, open_db
from .output import fill, translate


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("export", help=translate(
        "Cli", "export deals, customers, contacts or activities"))
    add_db(p)
    p.add_argument("--what", choices=WHAT, default="deals",
                   help=translate("Cli", "what to export (default: deals)"))
    p.add_argument("--format", choices=FORMATS, default="csv",
                   help=translate("Cli", "file format (default: csv)"))
    p.add_argument("--bom", action="store_true", help=translate(
        "Cli", "start the CSV with a byte-order mark (for Excel)"))
    p.add_argument("--pipeline", help=translate("Cli", "deals of this pipeline only (name or "
                                                       "id)"))
    p.add_argument("--out", required=True, help=translate("Cli", "the file to write"))
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    open_db(args)
    pipeline_id = None
    if args.pipeline is not None:
        p = find_pipeline(args.pipeline)
        if p is None:
            raise ValidationError("pipeline_unknown", "pipeline", value=args.pipeline)
        pipeline_id = p.id
    n = export(args.what, args.format, args.out, bom=args.bom, pipeline_id=pipeline_id)
    what = {"deals": translate("CliExport", "%1: %2 deals"),
            "customers": translate("CliExport", "%1: %2 customers"),
            "contacts": translate("CliExport", "%1: %2 contacts"),
            "activities": translate("CliExport", "%1: %2 activities")}
    print(fill(what.get(args.what, f"%1: %2 {args.what}"), printable(args.out),
               Formatter(args.ui_lang).count(n)))
    return 0
