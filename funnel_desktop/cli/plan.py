"""``funnel-desktop plan``: reverse planning from a revenue target."""

from __future__ import annotations

import argparse
import json
from fractions import Fraction

from ..core.errors import ValidationError
from ..core.metrics import compute
from ..core.money import parse_amount, to_minor
from ..core.periods import make_period
from ..core.planning import DEFAULT_BANDS, reverse_plan
from ..core.serialize import plan_dict
from ..locale_format import Formatter
from ..store.queries import get_setting, load_funnel
from .common import (
    add_db,
    add_json,
    add_period,
    add_segment,
    open_db,
    pipeline_of,
    segment_of,
    today_of,
)
from .output import fill, formatter, table, translate


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("plan", help=translate(
        "Cli", "deals needed at every stage to reach a target"))
    add_db(p)
    add_period(p)
    add_segment(p)
    p.add_argument("--target", required=True,
                   help=translate("Cli", "revenue target, e.g. 500000 or 50万"))
    p.add_argument("--bands", action="store_true", help=translate(
        "Cli", "sum the wins needed over deal-size bands by their historical mix"))
    p.add_argument("--ideal", action="store_true", help=translate(
        "Cli", "use the stages' ideal conversions instead of the historical ones"))
    add_json(p)
    p.set_defaults(run=run)


def build(args: argparse.Namespace) -> dict:
    open_db(args)
    target = parse_amount(args.target, field="target")
    if target <= 0:
        raise ValidationError("target_invalid", "target", value=args.target)
    period = make_period(args.start, args.end, today=today_of(args))
    pipeline = pipeline_of(args)
    data = load_funnel(pipeline.id, segment_of(args))
    m = compute(data, period, today_of(args))
    open_ids = [sid for sid in m.conversion.chain[:-1]]
    if args.ideal:
        ideal = {s.id: s.ideal_conversion for s in data.stages}
        convs = [Fraction(c, 100) if (c := ideal.get(sid)) else None for sid in open_ids]
    else:
        steps = {s.from_stage: s for s in m.conversion.steps}
        convs = [Fraction(steps[sid].reached_to, steps[sid].reached_from)
                 if steps[sid].reached_from and steps[sid].reached_to else None
                 for sid in open_ids]
    bounds = tuple(get_setting("size_bands", DEFAULT_BANDS)) if args.bands else None
    open_now = {t.stage_id: t.count for t in m.stages}
    plan = reverse_plan(target, m.won_amounts, open_ids, convs, open_now, bounds)
    out = {"pipeline": pipeline.name, "history": {"from": period.start.isoformat(),
                                                  "to": period.end.isoformat()},
           "conversions": "ideal" if args.ideal else "historical"}
    out.update(plan_dict(plan, data.stages))
    return out


def run(args: argparse.Namespace) -> int:
    d = build(args)
    if args.json:
        print(json.dumps(d, ensure_ascii=False, indent=2))
        return 0
    print(render_text(d, formatter(args.ui_lang)))
    return 0


def render_text(d: dict, fmt: Formatter) -> str:
    """The plan as lines in the language of the installed translators."""
    def money(major: float) -> str:
        return fmt.money(to_minor(major))

    lines = [fill(translate("CliPlan", "Target %1 · average won deal %2 (history %3 – %4)"),
                  money(d["target"]), money(d["average_deal"]), d["history"]["from"],
                  d["history"]["to"]),
             fill(translate("CliPlan", "Wins needed: %1"), fmt.count(d["wins_needed"]))]
    for b in d["bands"]:
        upper = money(b["upper"]) if b["upper"] is not None else "∞"
        lines.append("  " + fill(translate("CliPlan", "%1 – %2: %3 (history: %4 won)"),
                                 money(b["lower"]), upper, fmt.count(b["needed"]),
                                 fmt.count(b["won_count"])))
    lines.append("")
    heads = [translate("CliPlan", "Stage"), translate("CliPlan", "Conv."),
             translate("CliPlan", "Needed"), translate("CliPlan", "Open"),
             translate("CliPlan", "Short")]
    rows = [[s["stage"], fmt.percent(s["conversion"]), fmt.count(s["needed"]),
             fmt.count(s["open_now"]), fmt.count(s["shortfall"])] for s in d["stages"]]
    lines += table(heads, rows, first=24, other=8)
    if not d["complete"]:
        lines += ["", fill(translate("CliPlan", "No deal has passed “%1” yet: the plan stops "
                                                "there."), d["blocked_at"])]
    return "\n".join(lines)
