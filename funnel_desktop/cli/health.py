"""``funnel-desktop health``: the pipeline's health findings (病症诊断) as sentences or JSON."""

from __future__ import annotations

import argparse
import json
from typing import Any

from ..core.dates import make_period, period_of
from ..core.errors import ValidationError
from ..core.forecast_chart import monthly_targets, period_months
from ..core.health import (
    MONEY_PARAMS,
    RATE_PARAMS,
    Finding,
    HealthThresholds,
    diagnose,
)
from ..core.metrics import compute
from ..core.money import format_plain, to_major
from ..core.snapshot import FunnelSnapshot
from ..core.values import Period
from ..store.analytics_queries import (
    activity_counts,
    decision_maker_customers,
    target_rows,
    target_scope,
)
from ..store.queries import get_setting, load_funnel
from .common import add_db, add_period, add_segment, open_db, pipeline_of, segment_of, today_of

#: The setting that holds the thresholds (a JSON object of HealthThresholds fields).
SETTING = "health_thresholds"


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("health", help="health findings of the pipeline (too few deals, "
                                      "bottlenecks, idle deals, …)")
    add_db(p)
    add_period(p)
    add_segment(p)
    p.add_argument("--target-period", choices=("month", "quarter", "year"), default="quarter",
                   help="coverage is judged against the target of this period around today "
                        "(default: the current quarter)")
    p.add_argument("--set", dest="overrides", action="append", default=[], metavar="NAME=VALUE",
                   help="override a threshold for this run, e.g. min_open_deals=20 "
                        "(repeatable)")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(run=run)


def thresholds_of(args: argparse.Namespace) -> HealthThresholds:
    """The stored thresholds with this run's ``--set`` overrides."""
    stored = get_setting(SETTING, {}) or {}
    if not isinstance(stored, dict):
        stored = {}
    values = dict(stored)
    for item in args.overrides:
        name, sep, value = item.partition("=")
        if not sep:
            raise ValidationError("threshold_invalid", "set", name=item, value="")
        values[name.strip()] = None if value.strip().lower() in ("none", "") else value
    return HealthThresholds.from_dict(values)


def collect(args: argparse.Namespace) -> dict[str, Any]:
    """The findings with the facts needed to render them (used by ``run`` and by tests)."""
    open_db(args)
    today = today_of(args)
    period = make_period(args.start, args.end, today=today)
    pipeline = pipeline_of(args)
    segment = segment_of(args)
    thresholds = thresholds_of(args)
    data = load_funnel(pipeline.id, segment)
    metrics = compute(data, period, today)
    target_period = period_of(args.target_period, today)
    scope, team_id, owner_id = target_scope(segment)
    months = monthly_targets(target_rows(target_period.start, target_period.end, scope=scope,
                                         team_id=team_id, owner_id=owner_id),
                             period_months(target_period))
    target = sum(months.values()) if months else None
    won_so_far = FunnelSnapshot.from_data(data).closed_in(
        Period(target_period.start, today))[1]
    findings = diagnose(data, metrics, today,
                        activity_counts=activity_counts(pipeline.id, period, segment),
                        decision_customers=decision_maker_customers(), target=target,
                        won_so_far=won_so_far, thresholds=thresholds)
    return {"pipeline": pipeline.name, "period": period, "today": today,
            "stages": {s.id: s.name for s in data.stages}, "target": target,
            "target_period": target_period, "won_so_far": won_so_far,
            "thresholds": thresholds, "findings": findings}


def _money(minor: float | None) -> str:
    return "—" if minor is None else format_plain(minor)


def _pct(rate: float | None) -> str:
    return "—" if rate is None else f"{rate * 100:.0f} %"


def _deals(n: int) -> str:
    return f"{n} deal" if n == 1 else f"{n} deals"


def _have(n: int) -> str:
    return "has" if n == 1 else "have"


def _days(n: int) -> str:
    return f"{n} day" if n == 1 else f"{n} days"


def english(f: Finding, stages: dict[int, str]) -> str:
    """A finding as one plain English sentence (the UI has its own ``tr()`` renderer)."""
    p = f.params
    stage = stages.get(p.get("stage_id") or p.get("first_stage_id") or p.get("from_stage_id"),
                       "?")
    if f.kind == "too_few_open":
        return (f"Only {_deals(p['open'])} open in follow-up ({_money(p['open_amount'])}, "
                f"weighted {_money(p['weighted'])}); the rule of thumb is at least "
                f"{p['minimum']}.")
    if f.kind == "low_coverage":
        return (f"The open pipeline ({_money(p['open_amount'])}) covers {p['coverage']:.1f}× "
                f"what is still missing to the target ({_money(p['missing'])} of "
                f"{_money(p['target'])}); below {p['minimum']:.1f}× is a warning.")
    if f.kind == "bottleneck":
        why = []
        if p["below_others"]:
            why.append(f"the other stages convert {_pct(p['others'])} (median)")
        if p["below_ideal"]:
            why.append(f"the ideal is {p['ideal']} %")
        return (f"Bottleneck at “{stage}”: {_pct(p['rate'])} of {_deals(p['reached'])} moved "
                f"on to “{stages.get(p['to_stage_id'], '?')}”, while " + " and ".join(why)
                + ".")
    if f.kind == "close_date_passed":
        return (f"{_deals(p['count'])} still open ({_money(p['amount'])}) passed "
                f"{'its' if p['count'] == 1 else 'their'} expected close date, the oldest "
                f"{_days(p['max_days'])} ago.")
    if f.kind == "overdue_next_step":
        return (f"{_deals(p['count'])} ({_money(p['amount'])}) {_have(p['count'])} an overdue "
                f"next step, the oldest {_days(p['max_days'])} late.")
    if f.kind == "idle_deals":
        return (f"{_deals(p['count'])} ({_money(p['amount'])}) in “{stage}” had no stage change "
                f"or activity for more than {_days(p['idle_days'])} (the longest "
                f"{_days(p['max_days'])}).")
    if f.kind == "no_decision_maker":
        return (f"{_deals(p['count'])} ({_money(p['amount'])}) from “{stage}” on "
                f"{_have(p['count'])} no known decision maker.")
    if f.kind == "lumpy_months":
        return (f"{_pct(p['share'])} of the expected value ({_money(p['weighted'])} of "
                f"{_money(p['total'])}) closes in {p['month']}, and "
                f"{', '.join(p['empty_months'])} are nearly empty.")
    if f.kind == "busy_but_thin":
        return (f"Busy but thin: {p['activities']} activities on {_deals(p['open'])} open, but "
                f"only {p['beyond_first']} ({_pct(p['share'])}) are past “{stage}”.")
    if f.kind == "no_next_step":
        return (f"{_deals(p['count'])} open ({_money(p['amount'])}) {_have(p['count'])} no next "
                f"step.")
    if f.kind == "only_big":
        return (f"Only big deals: none of the {_deals(p['open'])} open is below "
                f"{_money(p['below'])} (the smallest is {_money(p['smallest'])}).")
    return f"{f.kind}: {p}"  # pragma: no cover - every kind is handled above


def as_json(d: dict[str, Any]) -> dict[str, Any]:
    """JSON-ready findings: money params in major units, each with its English sentence."""
    def value(key: str, v: Any) -> Any:
        if key in MONEY_PARAMS and v is not None:
            return round(to_major(v), 2)
        if key in RATE_PARAMS and v is not None:
            return round(v, 4)
        if key == "coverage":
            return round(v, 4)
        return v

    return {
        "pipeline": d["pipeline"],
        "period": {"from": d["period"].start.isoformat(), "to": d["period"].end.isoformat()},
        "today": d["today"].isoformat(),
        "target": {"from": d["target_period"].start.isoformat(),
                   "to": d["target_period"].end.isoformat(),
                   "amount": None if d["target"] is None else round(to_major(d["target"]), 2),
                   "won_so_far": round(to_major(d["won_so_far"]), 2)},
        "thresholds": d["thresholds"].to_dict(),
        "findings": [{"kind": f.kind, "severity": f.severity,
                      "params": {k: value(k, v) for k, v in f.params.items()},
                      "deal_ids": list(f.deal_ids), "text": english(f, d["stages"])}
                     for f in d["findings"]],
    }


def run(args: argparse.Namespace) -> int:
    d = collect(args)
    if args.json:
        print(json.dumps(as_json(d), ensure_ascii=False, indent=2))
        return 0
    print(f"{d['pipeline']}  {d['period'].start} – {d['period'].end}  (today {d['today']})")
    if not d["findings"]:
        print("No health findings: nothing to worry about.")
        return 0
    for f in d["findings"]:
        print(f"[{f.severity}] {english(f, d['stages'])}")
        if f.deal_ids:
            ids = ", ".join(f"#{i}" for i in f.deal_ids[:10])
            more = f" and {len(f.deal_ids) - 10} more" if len(f.deal_ids) > 10 else ""
            print(f"        deals: {ids}{more}")
    return 0
