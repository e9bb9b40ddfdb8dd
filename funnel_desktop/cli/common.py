"""What the sub-commands share: opening the database, segments and periods from arguments."""

from __future__ import annotations

import argparse
from datetime import date

from ..core.dates import parse_date
from ..core.errors import ValidationError
from ..core.values import Segment
from ..store.db import OpenedDatabase, open_database
from ..store.models import Owner, Pipeline, Region, Source, Team
from ..store.queries import find_pipeline
from .output import translate


def add_db(p: argparse.ArgumentParser, required: bool = True) -> None:
    p.add_argument("--db", required=required, help=translate("Cli", "database file or URL"))


def add_json(p: argparse.ArgumentParser) -> None:
    p.add_argument("--json", action="store_true",
                   help=translate("Cli", "print JSON (keys in English, whatever the language)"))


def add_segment(p: argparse.ArgumentParser) -> None:
    g = p.add_argument_group(translate("Cli", "segment"))
    g.add_argument("--pipeline", help=translate("Cli", "pipeline name or id (default: the "
                                                       "first)"))
    g.add_argument("--owner", action="append", default=[],
                   help=translate("Cli", "salesperson (repeatable)"))
    g.add_argument("--team", action="append", default=[],
                   help=translate("Cli", "team (repeatable)"))
    g.add_argument("--region", action="append", default=[],
                   help=translate("Cli", "region (repeatable)"))
    g.add_argument("--source", action="append", default=[],
                   help=translate("Cli", "lead source (repeatable)"))
    g.add_argument("--project-type", choices=("big", "small"), default="",
                   help=translate("Cli", "big or small projects only"))
    g.add_argument("--customer-type", choices=("new", "returning"), default="",
                   help=translate("Cli", "new or returning customers only"))
    g.add_argument("--class", dest="classes", action="append", default=[],
                   choices=("A", "B", "C", "D"),
                   help=translate("Cli", "customer class (repeatable)"))
    g.add_argument("--priority", action="append", default=[],
                   choices=("high", "medium", "low"),
                   help=translate("Cli", "deal priority (repeatable)"))


def add_period(p: argparse.ArgumentParser) -> None:
    p.add_argument("--from", dest="start", help=translate(
        "Cli", "period start, YYYY-MM-DD (default: 12 months before --to)"))
    p.add_argument("--to", dest="end", help=translate(
        "Cli", "period end, YYYY-MM-DD (default: today)"))
    p.add_argument("--today", help=translate("Cli", "treat this date as today (YYYY-MM-DD)"))


def today_of(args: argparse.Namespace) -> date:
    return parse_date(getattr(args, "today", None), field="today") or date.today()


def open_db(args: argparse.Namespace, *, create: bool = False) -> OpenedDatabase:
    return open_database(args.db, create=create)


def _ids(model: type, names: list[str], code: str) -> tuple[int, ...]:
    out = []
    for name in names:
        row = model.get_or_none(model.name == name)
        if row is None and name.isdigit():
            row = model.get_or_none(model.id == int(name))
        if row is None:
            raise ValidationError(code, code.split("_")[0], value=name)
        out.append(row.id)
    return tuple(out)


def segment_of(args: argparse.Namespace) -> Segment:
    return Segment(
        owner_ids=_ids(Owner, args.owner, "owner_unknown"),
        team_ids=_ids(Team, args.team, "team_unknown"),
        region_ids=_ids(Region, args.region, "region_unknown"),
        source_ids=_ids(Source, args.source, "choice_invalid") if args.source else (),
        project_type=args.project_type, customer_type=args.customer_type,
        customer_classes=tuple(args.classes), priorities=tuple(args.priority),
        class_day=today_of(args) if getattr(args, "today", None) else None)


def pipeline_of(args: argparse.Namespace) -> Pipeline:
    p = find_pipeline(args.pipeline)
    if p is None:
        raise ValidationError("pipeline_unknown", "pipeline", value=args.pipeline or "")
    return p
