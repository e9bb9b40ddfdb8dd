"""``funnel-desktop demo``: create a realistic demo business."""

from __future__ import annotations

import argparse

from ..core.errors import ValidationError, printable
from ..core.limits import MAX_DEMO_DEALS, MAX_SEED
from ..locale_format import Formatter
from ..services import Services
from ..services.demo import generate
from ..store.models import Deal, Pipeline
from .common import (
    add_currency,
    add_db,
    check_count,
    check_currency,
    today_of,
    writing_db,
)
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
    add_currency(p)
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    deals = check_count(args.deals, "--deals", 1, MAX_DEMO_DEALS)
    seed = check_count(args.seed, "--seed", 0, MAX_SEED)
    today = today_of(args)
    lang = args.lang or args.ui_lang
    with writing_db(args):
        if Deal.select().exists() or Pipeline.select().exists():
            raise ValidationError("db_not_empty", "db", path=args.db)
        currency = check_currency(args.currency) if args.currency else "CNY"
        services = Services(user="demo")
        s = generate(services, deals=deals, seed=seed, lang=lang, today=today)
        services.set_setting("currency", currency)  # the demo's amounts are yuan by default
    fmt = Formatter(args.ui_lang)
    print(fill(translate("CliDemo", "%1: %2 deals (%3 open, %4 won, %5 lost), %6 customers"),
               printable(args.db), fmt.count(s.deals), fmt.count(s.open), fmt.count(s.won),
               fmt.count(s.lost), fmt.count(s.customers)))
    return 0
