"""``funnel-desktop demo``: create a realistic demo business."""

from __future__ import annotations

import argparse

from ..core.errors import ValidationError
from ..services import Services
from ..services.demo import generate
from ..store.models import Deal, Pipeline
from .common import open_db, today_of


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("demo", help="create a demo business (deterministic with --seed)")
    p.add_argument("--db", required=True)
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--lang", choices=("en", "zh"), default="en", help="names in this language")
    p.add_argument("--deals", type=int, default=300)
    p.add_argument("--today", help="the demo's today (YYYY-MM-DD)")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    open_db(args, create=True)
    if Deal.select().exists() or Pipeline.select().exists():
        raise ValidationError("db_not_empty", "db", path=args.db)
    s = generate(Services(user="demo"), deals=args.deals, seed=args.seed, lang=args.lang,
                 today=today_of(args))
    print(f"{args.db}: {s.deals} deals ({s.open} open, {s.won} won, {s.lost} lost), "
          f"{s.customers} customers")
    return 0
