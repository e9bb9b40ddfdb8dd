"""``funnel-desktop export``: deals, customers, contacts or activities as CSV or XLSX."""

from __future__ import annotations

import argparse

from ..core.errors import ValidationError
from ..store.db import open_database
from ..store.exporting import FORMATS, WHAT, export
from ..store.queries import find_pipeline


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("export", help="export deals, customers, contacts or activities")
    p.add_argument("--db", required=True, help="database file or URL")
    p.add_argument("--what", choices=WHAT, default="deals")
    p.add_argument("--format", choices=FORMATS, default="csv")
    p.add_argument("--bom", action="store_true",
                   help="start the CSV with a byte-order mark (for Excel)")
    p.add_argument("--pipeline", help="deals of this pipeline only (name or id)")
    p.add_argument("--out", required=True, help="the file to write")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    open_database(args.db, create=False, readonly=True)
    pipeline_id = None
    if args.pipeline is not None:
        p = find_pipeline(args.pipeline)
        if p is None:
            raise ValidationError("pipeline_unknown", "pipeline", value=args.pipeline)
        pipeline_id = p.id
    n = export(args.what, args.format, args.out, bom=args.bom, pipeline_id=pipeline_id)
    print(f"{args.out}: {n} {args.what}")
    return 0
