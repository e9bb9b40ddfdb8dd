"""``funnel-desktop health``: the pipeline's health findings (病症诊断) as sentences in the
chosen language (:class:`texts.health.FindingWriter`, as in the app and the report) or JSON."""

from __future__ import annotations

import argparse
import json
from datetime import date
from typing import Any

from ..core.dates import parse_date
from ..core.errors import ValidationError
from ..core.health import MONEY_PARAMS, RATE_PARAMS, HealthThresholds
from ..core.money import to_major
from ..core.periods import health_period, make_period
from ..core.values import Period
from ..i18n import language
from ..locale_format import Formatter
from ..store.health_inputs import health_check
from ..store.queries import HEALTH_SETTING, get_setting, load_funnel
from ..texts.health import FindingWriter
from .common import (
    add_db,
    add_json,
    add_segment,
    open_db,
    pipeline_of,
    segment_of,
    today_of,
)
from .output import fill, formatter, translate


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("health", help=translate(
        "Cli", "health findings of the pipeline (too few deals, bottlenecks, idle deals, …)"))
    add_db(p)
    add_health_period(p)
    add_segment(p)
    p.add_argument("--target-period", choices=("month", "quarter", "year"), default="quarter",
                   help=translate("Cli", "coverage is judged against the target of this "
                                         "period around today (default: the current quarter)"))
    p.add_argument("--set", dest="overrides", action="append", default=[], metavar="NAME=VALUE",
                   help=translate("Cli", "override a threshold for this run, e.g. "
                                         "min_open_deals=20 (repeatable)"))
    add_json(p)
    p.set_defaults(run=run)


def add_health_period(p: argparse.ArgumentParser) -> None:
    """``--from`` / ``--to`` / ``--today``: the health rules judge conversion and activity
    over the last 90 days by default (:func:`core.periods.health_period`), as the app's
    Health panel and the weekly report do."""
    p.add_argument("--from", dest="start", help=translate(
        "Cli", "judge conversion and activity from this day, YYYY-MM-DD (default: the 90 "
        "days up to --to)"))
    p.add_argument("--to", dest="end", help=translate(
        "Cli", "judge conversion and activity up to this day, YYYY-MM-DD (default: today)"))
    p.add_argument("--today", help=translate("Cli", "treat this date as today (YYYY-MM-DD)"))


def health_window(args: argparse.Namespace, today: date) -> Period:
    """The period of ``--from`` / ``--to``; the last 90 days up to ``--to`` (or today) by
    default."""
    end = parse_date(args.end, field="to") or today
    start = args.start if args.start is not None else health_period(end).start
    return make_period(start, end, today=today)


def thresholds_of(args: argparse.Namespace) -> HealthThresholds:
    """The stored thresholds with this run's ``--set`` overrides."""
    stored = get_setting(HEALTH_SETTING, {}) or {}
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
    """The findings with the facts needed to render them (used by ``run`` and by tests):
    :func:`store.health_inputs.health_check` of the pipeline now, judged on ``--today`` —
    the findings the Health panel and the weekly report show at the same moment."""
    open_db(args)
    today = today_of(args)
    period = health_window(args, today)
    pipeline = pipeline_of(args)
    segment = segment_of(args)
    thresholds = thresholds_of(args)
    data = load_funnel(pipeline.id, segment)
    check = health_check(pipeline.id, segment, data, today, period=period,
                         thresholds=thresholds, target_kind=args.target_period)
    return {"pipeline": pipeline.name, "period": period, "today": today,
            "stages": {s.id: s.name for s in data.stages}, "target": check.target,
            "target_period": check.target_period, "won_so_far": check.won_so_far,
            "thresholds": thresholds, "findings": check.findings}


def as_json(d: dict[str, Any]) -> dict[str, Any]:
    """JSON-ready findings: money params in major units, each with its English sentence
    (the app's :class:`FindingWriter` under English translators, whatever ``--lang`` is)."""
    with language("en"):
        english = FindingWriter(formatter("en"), d["stages"])
        texts = [english.sentence(f.kind, f.params) for f in d["findings"]]

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
                      "deal_ids": list(f.deal_ids), "text": text}
                     for f, text in zip(d["findings"], texts, strict=True)],
    }


def run(args: argparse.Namespace) -> int:
    d = collect(args)
    if args.json:
        print(json.dumps(as_json(d), ensure_ascii=False, indent=2))
        return 0
    print(render_text(d, formatter(args.ui_lang)))
    return 0


def render_text(d: dict[str, Any], fmt: Formatter) -> str:
    """The findings as sentences in the language of the installed translators."""
    lines = [fill(translate("CliHealth", "%1  as of %4; conversion and activity over %2 – "
                                         "%3"), d["pipeline"],
                  d["period"].start.isoformat(), d["period"].end.isoformat(),
                  d["today"].isoformat())]
    if not d["findings"]:
        lines.append(translate("CliHealth", "No health findings: nothing to worry about."))
        return "\n".join(lines)
    severity = {"high": translate("CliHealth", "high"),
                "medium": translate("CliHealth", "medium"),
                "low": translate("CliHealth", "low")}
    writer = FindingWriter(fmt, d["stages"])
    for f in d["findings"]:
        level, sentence = writer(f)
        lines.append(f"[{severity.get(level, level)}] {sentence}")
        if f.deal_ids:
            ids = ", ".join(f"#{i}" for i in f.deal_ids[:10])
            if len(f.deal_ids) > 10:
                ids = fill(translate("CliHealth", "%1 and %2 more"), ids,
                           fmt.count(len(f.deal_ids) - 10))
            lines.append("        " + fill(translate("CliHealth", "deals: %1"), ids))
    return "\n".join(lines)
