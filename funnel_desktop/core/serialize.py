"""Numbers as plain JSON-ready dicts (money in major units, rates rounded to 4 places)."""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from .metrics import RULES, Metrics
from .money import to_major
from .planning import Plan, round_rate
from .values import StageInfo


def _money(v: float | None) -> float | None:
    return None if v is None else round(to_major(v), 2)


def _days(v: float | None) -> float | None:
    return None if v is None else round(v, 2)


def metrics_dict(m: Metrics, stages: list[StageInfo]) -> dict[str, Any]:
    """Every number of a :class:`Metrics` with its rule, for ``metrics --json``."""
    name = {s.id: s.name for s in stages}
    prob = {s.id: s.probability for s in stages}
    f = m.forecast
    return {
        "period": {"from": m.period.start.isoformat(), "to": m.period.end.isoformat()},
        "as_of": m.as_of.isoformat(),
        "stages": [{"id": t.stage_id, "name": name[t.stage_id], "probability": prob[t.stage_id],
                    "count": t.count, "amount": _money(t.amount),
                    "weighted": _money(t.weighted)} for t in m.stages],
        "open": {"count": m.open_count, "amount": _money(m.open_amount),
                 "weighted": _money(m.weighted_total)},
        "forecast": {
            "months": [{"month": x.month, "open_count": x.open_count,
                        "open_amount": _money(x.open_amount), "weighted": _money(x.weighted),
                        "won_count": x.won_count, "won_amount": _money(x.won_amount)}
                       for x in f.months],
            "overdue": {"count": f.overdue_count, "amount": _money(f.overdue_amount),
                        "weighted": _money(f.overdue_weighted)},
            "undated": {"count": f.undated_count, "amount": _money(f.undated_amount),
                        "weighted": _money(f.undated_weighted)},
        },
        "win_rate": {"won": m.won_count, "lost": m.lost_count,
                     "won_amount": _money(m.won_amount), "lost_amount": _money(m.lost_amount),
                     "by_count": round_rate(m.win_rate_count),
                     "by_value": round_rate(m.win_rate_value)},
        "lead_to_win": {"cohort": m.cohort_count, "won": m.cohort_won,
                        "rate": round_rate(m.lead_to_win)},
        "conversion": {
            "mode": "strict" if m.conversion.strict else "reached",
            "reached": [{"stage": name[sid], "id": sid, "reached": m.conversion.reached[sid]}
                        for sid in m.conversion.chain],
            "steps": [{"from": name[s.from_stage], "to": name[s.to_stage],
                       "reached_from": s.reached_from, "reached_to": s.reached_to,
                       "rate": round_rate(s.rate)} for s in m.conversion.steps],
            "overall": round_rate(m.conversion.overall),
        },
        "deal_size": {"mean": _money(m.average_deal), "median": _money(m.median_deal)},
        "cycle_days": {"mean": _days(m.cycle_mean), "median": _days(m.cycle_median)},
        "time_in_stage": [{"stage": name[t.stage_id], "id": t.stage_id, "deals": t.deals,
                           "mean_days": _days(t.mean_days), "median_days": _days(t.median_days)}
                          for t in m.time_in_stage],
        "velocity_per_day": _money(m.velocity),
        "rules": dict(RULES),
    }


def plan_dict(plan: Plan, stages: list[StageInfo]) -> dict[str, Any]:
    """A reverse plan for ``plan --json``."""
    name = {s.id: s.name for s in stages}
    return {
        "target": _money(plan.target),
        "average_deal": _money(plan.average_size),
        "wins_needed": plan.wins_needed,
        "bands": [{**asdict(b), "lower": _money(b.lower), "upper": _money(b.upper),
                   "won_value": _money(b.won_value)} for b in plan.bands],
        "stages": [{"stage": name[s.stage_id], "id": s.stage_id, "needed": s.needed,
                    "open_now": s.open_now, "shortfall": s.shortfall,
                    "conversion": round_rate(s.conversion)} for s in plan.stages],
        "complete": plan.complete,
        "blocked_at": name.get(plan.blocked_at) if plan.blocked_at else None,
        "rule": "wins = target ÷ average deal size (with bands: Σ ceil(target × wins in band "
                "÷ won value)); needed(k) = ceil(needed(k+1) ÷ conversion(k → k+1)).",
    }
