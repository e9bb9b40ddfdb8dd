"""``funnel-desktop check``: integrity check and schema version."""

from __future__ import annotations

import argparse
import json

from ..core.errors import printable
from ..locale_format import Formatter
from ..store.db import integrity_report, open_database
from . import EXIT_DATABASE
from .common import add_db, add_json
from .output import fill, translate


def table_names() -> dict[str, str]:
    """The tables a check counts, by name, in the language of the installed translators."""
    return {"pipeline": translate("CliCheck", "pipelines"),
            "stage": translate("CliCheck", "stages"),
            "customer": translate("CliCheck", "customers"),
            "contact": translate("CliCheck", "contacts"),
            "deal": translate("CliCheck", "deals"),
            "stage_history": translate("CliCheck", "stage changes"),
            "activity": translate("CliCheck", "activities")}


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("check", help=translate(
        "Cli", "check a database's integrity and schema version"))
    add_db(p)
    add_json(p)
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    opened = open_database(args.db, create=False, migrate=False, readonly=True)
    report = integrity_report(opened)
    if args.json:
        print(json.dumps(report, ensure_ascii=False, indent=2))
    else:
        print(render_text(report, Formatter(args.ui_lang)))
    return 0 if report["ok"] else EXIT_DATABASE


def render_text(report: dict, fmt: Formatter) -> str:
    """The report as lines in the language of the installed translators (SQLite's own
    integrity messages stay as SQLite writes them)."""
    names = table_names()
    known = {"ok": translate("CliCheck", "ok"),
             "server database: checked by the server": translate(
                 "CliCheck", "server database: checked by the server")}
    lines = [
        fill(translate("CliCheck", "%1: schema %2 (this version: %3)"),
             printable(report["location"]),
             str(report["schema_version"]), str(report["schema_known"])),
        fill(translate("CliCheck", "integrity: %1"),
             "; ".join(known.get(x, printable(x)) for x in report["integrity"])),
        fill(translate("CliCheck", "foreign-key problems: %1"),
             fmt.count(report.get("foreign_key_problems", 0))),
        translate("CliCheck", ", ").join(
            fill(translate("CliCheck", "%1: %2"), names.get(k, k), fmt.count(v))
            for k, v in report["counts"].items()),
        translate("CliCheck", "OK") if report["ok"] else translate("CliCheck", "PROBLEMS FOUND"),
    ]
    return "\n".join(lines)
