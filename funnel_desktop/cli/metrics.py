"""``funnel-desktop metrics``: every number of the funnel for a period and segment."""

from __future__ import annotations

import argparse
import json

from ..core.dates import as_utc_end, make_period, parse_date
from ..core.history import as_of as rebuild_as_of
from ..core.metrics import Metrics, compute, coverage
from ..core.money import format_plain, to_major
from ..core.planning import round_rate
from ..core.serialize import metrics_dict
from ..store.queries import load_changes, load_funnel, target_for
from .common import add_db, add_period, add_segment, open_db, pipeline_of, segment_of, today_of


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("metrics", help="print every funnel number for a period and segment")
    add_db(p)
    add_period(p)
    add_segment(p)
    p.add_argument("--as-of", help="the pipeline as it stood at the end of this date")
    p.add_argument("--strict", action="store_true",
                   help="stage conversion counts only stages actually visited")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(run=run)


def collect(args: argparse.Namespace) -> dict:
    """The metrics as a dict (used by ``run`` and by tests)."""
    open_db(args)
    today = today_of(args)
    as_of = parse_date(args.as_of, field="as-of")
    period = make_period(args.start, args.end or as_of, today=as_of or today)
    pipeline = pipeline_of(args)
    data = load_funnel(pipeline.id, segment_of(args))
    look_at = as_of or today
    if as_of is not None:
        data = rebuild_as_of(data, load_changes(pipeline.id), as_utc_end(as_of))
    m = compute(data, period, look_at, strict=args.strict)
    out = {"pipeline": pipeline.name}
    out.update(metrics_dict(m, data.stages))
    seg = segment_of(args)
    owner = seg.owner_ids[0] if len(seg.owner_ids) == 1 else None
    team = seg.team_ids[0] if len(seg.team_ids) == 1 and owner is None else None
    target = target_for(period.start, period.end, team, owner)
    out["coverage"] = coverage_dict(m, target)
    return out


def coverage_dict(m: Metrics, target: int | None) -> dict:
    """Pipeline coverage against the target set inside the period (None without one)."""
    if not target:
        return {"target": None, "won": to_major(m.won_amount), "missing": None,
                "coverage": None, "weighted_coverage": None}
    cover, weighted, missing = coverage(m.open_amount, m.weighted_total, target, m.won_amount)
    return {"target": to_major(target), "won": to_major(m.won_amount),
            "missing": to_major(missing), "coverage": round_rate(cover),
            "weighted_coverage": round_rate(weighted)}


def run(args: argparse.Namespace) -> int:
    d = collect(args)
    if args.json:
        print(json.dumps(d, ensure_ascii=False, indent=2))
        return 0
    print(render_text(d))
    return 0


def _pct(v: float | None) -> str:
    return "—" if v is None else f"{v * 100:.1f} %"


def _num(v: float | None) -> str:
    return "—" if v is None else format_plain(v * 100)


def render_text(d: dict) -> str:
    """A plain table of the numbers for a terminal."""
    lines = [f"{d['pipeline']}  {d['period']['from']} – {d['period']['to']}  "
             f"(as of {d['as_of']})", ""]
    lines.append(f"{'Stage':<24}{'Prob':>6}{'Deals':>8}{'Amount':>16}{'Weighted':>16}")
    for s in d["stages"]:
        lines.append(f"{s['name']:<24}{s['probability']:>5}%{s['count']:>8}"
                     f"{_num(s['amount']):>16}{_num(s['weighted']):>16}")
    o = d["open"]
    lines.append(f"{'Open pipeline':<30}{o['count']:>8}{_num(o['amount']):>16}"
                 f"{_num(o['weighted']):>16}")
    lines.append("")
    w = d["win_rate"]
    lines.append(f"Win rate: {_pct(w['by_count'])} by count ({w['won']} won, {w['lost']} lost), "
                 f"{_pct(w['by_value'])} by value")
    lt = d["lead_to_win"]
    lines.append(f"Lead-to-win: {_pct(lt['rate'])} ({lt['won']} of {lt['cohort']} created)")
    lines.append(f"Average deal: {_num(d['deal_size']['mean'])} "
                 f"(median {_num(d['deal_size']['median'])})")
    c = d["cycle_days"]
    lines.append(f"Sales cycle: {c['mean'] if c['mean'] is not None else '—'} days "
                 f"(median {c['median'] if c['median'] is not None else '—'})")
    lines.append(f"Velocity: {_num(d['velocity_per_day'])} per day")
    cov = d.get("coverage") or {}
    if cov.get("target"):
        lines.append(f"Coverage: {cov['coverage']}× of the {_num(cov['missing'])} still missing "
                     f"to the target {_num(cov['target'])} "
                     f"(weighted {cov['weighted_coverage']}×)")
    lines.append("")
    lines.append(f"Stage conversion ({d['conversion']['mode']}):")
    for s in d["conversion"]["steps"]:
        lines.append(f"  {s['from']} → {s['to']}: {_pct(s['rate'])} "
                     f"({s['reached_to']}/{s['reached_from']})")
    lines.append(f"  overall: {_pct(d['conversion']['overall'])}")
    lines.append("")
    lines.append("Time in stage (days, mean / median):")
    for t in d["time_in_stage"]:
        lines.append(f"  {t['stage']:<22}{t['mean_days'] if t['mean_days'] is not None else '—':>8}"
                     f" / {t['median_days'] if t['median_days'] is not None else '—'}")
    lines.append("")
    lines.append("Forecast by month (weighted open · won):")
    f = d["forecast"]
    od = f["overdue"]
    lines.append(f"  overdue   {_num(od['weighted']):>14}  ({od['count']} deals)")
    for m in f["months"]:
        lines.append(f"  {m['month']}   {_num(m['weighted']):>14}  {_num(m['won_amount']):>14}")
    if f["undated"]["count"]:
        lines.append(f"  no date   {_num(f['undated']['weighted']):>14}  "
                     f"({f['undated']['count']} deals)")
    return "\n".join(lines)
