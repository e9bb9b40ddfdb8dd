"""``funnel-desktop metrics``: every number of the funnel for a period and segment."""

from __future__ import annotations

import argparse
import json
from typing import Any

from ..core import column_metrics
from ..core.dates import as_utc_end, parse_date
from ..core.history import as_of as rebuild_as_of
from ..core.metrics import Metrics, compute, coverage
from ..core.money import to_major, to_minor
from ..core.periods import make_period
from ..core.planning import round_rate
from ..core.serialize import metrics_dict
from ..locale_format import Formatter
from ..store.analytics_queries import target_scope
from ..store.deal_columns import load_columns
from ..store.health_inputs import period_target
from ..store.queries import load_changes, load_funnel
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
from .output import fill, formatter, left, right, table, translate, width


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("metrics", help=translate(
        "Cli", "print every funnel number for a period and segment"))
    add_db(p)
    add_period(p)
    add_segment(p)
    p.add_argument("--as-of", help=translate(
        "Cli", "the pipeline as it stood at the end of this date"))
    p.add_argument("--strict", action="store_true", help=translate(
        "Cli", "stage conversion counts only stages actually visited"))
    add_json(p)
    p.set_defaults(run=run)


def collect(args: argparse.Namespace) -> dict:
    """The metrics as a dict (used by ``run`` and by tests)."""
    open_db(args)
    today = today_of(args)
    as_of = parse_date(args.as_of, field="as-of")
    period = make_period(args.start, args.end or as_of, today=as_of or today)
    pipeline = pipeline_of(args)
    look_at = as_of or today
    if as_of is not None:
        history = rebuild_as_of(load_funnel(pipeline.id, segment_of(args)),
                                load_changes(pipeline.id), as_utc_end(as_of))
        m = compute(history, period, look_at, strict=args.strict)
        stages = history.stages
    else:  # the pipeline as it is: every deal in columns (core.column_metrics)
        columns = load_columns(pipeline.id, segment_of(args), open_deals=False)
        m = column_metrics.compute(columns, period, look_at, strict=args.strict)
        stages = columns.stages
    out: dict[str, Any] = {"pipeline": pipeline.name}
    out.update(metrics_dict(m, stages))
    # the target as the Analytics page and the weekly report read it: the whole months of
    # the period, in the scope the segment reads
    target = period_target(period, target_scope(segment_of(args)))
    out["coverage"] = coverage_dict(m, target)
    return out


def coverage_dict(m: Metrics, target: int | None) -> dict:
    """Pipeline coverage against the period's target (None without one)."""
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
    print(render_text(d, formatter(args.ui_lang)))
    return 0


def render_text(d: dict, fmt: Formatter | None = None) -> str:
    """A plain table of the numbers for a terminal, in the language of the installed
    translators, formatted by ``fmt`` (English formats by default)."""
    fmt = fmt or Formatter("en")
    money = lambda major: fmt.money(to_minor(major))  # noqa: E731
    pct = lambda rate: fmt.percent(rate, 1)  # noqa: E731
    lines = [fill(translate("CliMetrics", "%1  %2 – %3  (as of %4)"), d["pipeline"],
                  d["period"]["from"], d["period"]["to"], d["as_of"]), ""]
    heads = [translate("CliMetrics", "Stage"), translate("CliMetrics", "Prob."),
             translate("CliMetrics", "Deals"), translate("CliMetrics", "Amount"),
             translate("CliMetrics", "Weighted")]
    rows = [[s["name"], fmt.percent(s["probability"] / 100), fmt.count(s["count"]),
             money(s["amount"]), money(s["weighted"])] for s in d["stages"]]
    o = d["open"]
    rows.append([translate("CliMetrics", "Open pipeline"), "", fmt.count(o["count"]),
                 money(o["amount"]), money(o["weighted"])])
    lines += table(heads, rows, first=24)
    lines.append("")
    w = d["win_rate"]
    lines.append(fill(translate("CliMetrics", "Win rate: %1 by count (%2 won, %3 lost), %4 by "
                                              "value"),
                      pct(w["by_count"]), fmt.count(w["won"]), fmt.count(w["lost"]),
                      pct(w["by_value"])))
    lt = d["lead_to_win"]
    lines.append(fill(translate("CliMetrics", "Lead-to-win: %1 (%2 won of %3 created)"),
                      pct(lt["rate"]), fmt.count(lt["won"]), fmt.count(lt["cohort"])))
    lines.append(fill(translate("CliMetrics", "Average deal: %1 (median %2)"),
                      money(d["deal_size"]["mean"]), money(d["deal_size"]["median"])))
    c = d["cycle_days"]
    lines.append(fill(translate("CliMetrics", "Sales cycle: %1 days (median %2)"),
                      fmt.days(c["mean"]), fmt.days(c["median"])))
    lines.append(fill(translate("CliMetrics", "Velocity: %1 per day"),
                      money(d["velocity_per_day"])))
    cov = d.get("coverage") or {}
    if cov.get("target"):
        lines.append(fill(translate(
            "CliMetrics", "Coverage: the open pipeline covers %1× of the %2 still missing to "
            "the target %3 (weighted %4×)"),
            fmt.number(cov["coverage"], 2), money(cov["missing"]), money(cov["target"]),
            fmt.number(cov["weighted_coverage"], 2)))
    lines.append("")
    mode = d["conversion"]["mode"]
    lines.append(translate("CliMetrics", "Stage conversion (deals that reached each stage):")
                 if mode == "reached" else
                 translate("CliMetrics", "Stage conversion (only stages actually visited):"))
    for s in d["conversion"]["steps"]:
        lines.append("  " + fill(translate("CliMetrics", "%1 → %2: %3 (%4/%5)"), s["from"],
                                 s["to"], pct(s["rate"]), fmt.count(s["reached_to"]),
                                 fmt.count(s["reached_from"])))
    lines.append("  " + fill(translate("CliMetrics", "first stage → won: %1 (not the win rate)"),
                             pct(d["conversion"]["overall"])))
    lines.append("")
    lines.append(translate("CliMetrics", "Time in stage (days, mean / median):"))
    names = [t["stage"] for t in d["time_in_stage"]]
    first = max([22] + [width(n) + 2 for n in names])
    for t in d["time_in_stage"]:
        lines.append(f"  {left(t['stage'], first)}{right(fmt.days(t['mean_days']), 8)}"
                     f" / {fmt.days(t['median_days'])}")
    lines.append("")
    lines.append(translate("CliMetrics", "Forecast by month (weighted open · won):"))
    f = d["forecast"]
    od, nd = f["overdue"], f["undated"]
    labels = [translate("CliMetrics", "overdue"), translate("CliMetrics", "no date")]
    labels += [fmt.month(m["month"]) for m in f["months"]]
    first = max(width(x) for x in labels) + 3
    deals = translate("CliMetrics", "(%1 deals)")
    lines.append(f"  {left(labels[0], first)}{right(money(od['weighted']), 14)}  "
                 + fill(deals, fmt.count(od["count"])))
    for m in f["months"]:
        lines.append(f"  {left(fmt.month(m['month']), first)}{right(money(m['weighted']), 14)}"
                     f"  {right(money(m['won_amount']), 14)}")
    if nd["count"]:
        lines.append(f"  {left(labels[1], first)}{right(money(nd['weighted']), 14)}  "
                     + fill(deals, fmt.count(nd["count"])))
    return "\n".join(line.rstrip() for line in lines)

