"""``funnel-desktop plan``: reverse planning from a revenue target."""

from __future__ import annotations

import argparse
import json
from fractions import Fraction

from ..core.dates import make_period
from ..core.errors import ValidationError
from ..core.metrics import compute
from ..core.money import format_plain, parse_amount
from ..core.planning import DEFAULT_BANDS, reverse_plan
from ..core.serialize import plan_dict
from ..store.queries import get_setting, load_funnel
from .common import add_db, add_period, add_segment, open_db, pipeline_of, segment_of, today_of


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("plan", help="deals needed at every stage to reach a target")
    add_db(p)
    add_period(p)
    add_segment(p)
    p.add_argument("--target", required=True, help="revenue target, e.g. 500000 or 50万")
    p.add_argument("--bands", action="store_true",
                   help="sum the wins needed over deal-size bands by their historical mix")
    p.add_argument("--ideal", action="store_true",
                   help="use the stages' ideal conversions instead of the historical ones")
    p.add_argument("--json", action="store_true")
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
        convs = [Fraction(ideal[sid], 100) if ideal.get(sid) else None for sid in open_ids]
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
    print(f"Target {format_plain(d['target'] * 100)} · average won deal "
          f"{format_plain(d['average_deal'] * 100)} "
          f"(history {d['history']['from']} – {d['history']['to']})")
    print(f"Wins needed: {d['wins_needed']}")
    for b in d["bands"]:
        upper = format_plain(b["upper"] * 100) if b["upper"] is not None else "∞"
        print(f"  {format_plain(b['lower'] * 100)} – {upper}: {b['needed']} "
              f"(history: {b['won_count']} won)")
    print(f"\n{'Stage':<24}{'Conv.':>8}{'Needed':>9}{'Open':>8}{'Short':>8}")
    for s in d["stages"]:
        conv = f"{s['conversion'] * 100:.0f}%" if s["conversion"] is not None else "—"
        print(f"{s['stage']:<24}{conv:>8}{s['needed']:>9}{s['open_now']:>8}{s['shortfall']:>8}")
    if not d["complete"]:
        print(f"\nNo deal has passed “{d['blocked_at']}” yet: the plan stops there.")
    return 0
