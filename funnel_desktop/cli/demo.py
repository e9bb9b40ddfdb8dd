"""``funnel-desktop demo``: create a realistic demo business."""

from __future__ import annotations

import argparse

from ..core.errors import ValidationError
from ..locale_format import Formatter
from ..services import Services
from ..services.demo import generate
from ..store.models import Deal, Pipeline
from .common import add_db, open_db, today_of
from .output import fill, translate


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("demo", help=translate(
        "Cli", "create a demo business (deterministic with --seed)"))
    add_db(p)
    p.add_argument("--seed", type=int, default=1,
                   help=translate("Cli", "random seed: the same seed makes the same business"))
    p.add_argument("--lang", choices=("en", "zh"), default=None,
                   help=translate("Cli", "names in this language (default: the language of "
                                         "the command line)"))
    p.add_argument("--deals", type=int, default=300,
                   help=translate("Cli", "how many deals (default: 300)"))
    p.add_argument("--today", help=translate("Cli", "the demo's today (YYYY-MM-DD)"))
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    open_db(args, create=True)
    if Deal.select().exists() or Pipeline.select().exists():
        raise ValidationError("db_not_empty", "db", path=args.db)
    s = generate(Services(user="demo"), deals=args.deals, seed=args.seed,
                 lang=args.lang or args.ui_lang,
                 today=today_of(args))
    fmt = Formatter(args.ui_lang)
    print(fill(translate("CliDemo", "%1: %2 deals (%3 open, %4 won, %5 lost), %6 customers"),
               args.db, fmt.count(s.deals), fmt.count(s.open), fmt.count(s.won),
               fmt.count(s.lost), fmt.count(s.customers)))
    return 0
