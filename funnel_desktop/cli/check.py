"""``funnel-desktop check``: integrity check and schema version."""

from __future__ import annotations

import argparse
import json

from ..store.db import integrity_report, open_database
from . import EXIT_DATABASE


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("check", help="check a database's integrity and schema version")
    p.add_argument("--db", required=True)
    p.add_argument("--json", action="store_true")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    opened = open_database(args.db, create=False, migrate=False)
    report = integrity_report(opened)
    if args.json:
        print(json.dumps(report, ensure_ascii=False, indent=2))
    else:
        print(f"{report['location']}: schema {report['schema_version']} "
              f"(this version: {report['schema_known']})")
        print("integrity: " + "; ".join(report["integrity"]))
        print(f"foreign-key problems: {report.get('foreign_key_problems', 0)}")
        print(", ".join(f"{k}: {v}" for k, v in report["counts"].items()))
        print("OK" if report["ok"] else "PROBLEMS FOUND")
    return 0 if report["ok"] else EXIT_DATABASE
