"""The full metrics recompute (``load_funnel`` + ``metrics.compute``) beside the same numbers
from raw SQL aggregate queries alone, in the same run, on the same connection."""

from __future__ import annotations

import math
from datetime import date, datetime, timedelta
from typing import Any

from .datasets import Dataset
from .timing import clock, combine, load_average

REPEATS = 3


def bench_period(today: date) -> Any:  # -> core.values.Period
    """The period the benchmark computes: the last twelve months up to today."""
    from ..core.values import Period

    return Period(today - timedelta(days=364), today)


def orm_metrics(pipeline_id: int, period: Any, as_of: date) -> tuple[Any, float, float]:
    """(Metrics, load seconds, compute seconds) the way the app computes them (the
    ``metrics`` command: every deal in columns, ``core.column_metrics.compute``)."""
    from ..core.column_metrics import compute
    from ..store.deal_columns import load_columns

    t0 = clock()
    data = load_columns(pipeline_id, open_deals=False)
    t1 = clock()
    m = compute(data, period, as_of)
    return m, t1 - t0, clock() - t1


# -- the same numbers in SQL -------------------------------------------------------------------
_OPEN = """
SELECT d.stage_id, COUNT(*), SUM(d.amount), SUM(d.amount * COALESCE(d.probability, s.probability))
FROM deal d JOIN stage s ON s.id = d.stage_id
WHERE d.pipeline_id = :pid AND s.kind = 'open' GROUP BY d.stage_id"""
_FORECAST = """
SELECT CASE WHEN d.expected_close IS NULL THEN 'undated'
            WHEN d.expected_close < :as_of THEN 'overdue'
            ELSE substr(d.expected_close, 1, 7) END AS k,
       COUNT(*), SUM(d.amount), SUM(d.amount * COALESCE(d.probability, s.probability))
FROM deal d JOIN stage s ON s.id = d.stage_id
WHERE d.pipeline_id = :pid AND s.kind = 'open' GROUP BY k"""
_WON_BY_MONTH = """
SELECT substr(d.closed_at, 1, 7), COUNT(*), SUM(d.amount)
FROM deal d JOIN stage s ON s.id = d.stage_id
WHERE d.pipeline_id = :pid AND s.kind = 'won' AND d.closed_at >= :start AND d.closed_at < :stop
GROUP BY 1"""
_CLOSED = """
SELECT s.kind, COUNT(*), SUM(d.amount),
       AVG(julianday(date(d.closed_at)) - julianday(date(d.created_at)))
FROM deal d JOIN stage s ON s.id = d.stage_id
WHERE d.pipeline_id = :pid AND s.kind IN ('won', 'lost')
  AND d.closed_at >= :start AND d.closed_at < :stop GROUP BY s.kind"""
_WON_MEDIANS = """
WITH won AS (
  SELECT d.amount AS a, julianday(date(d.closed_at)) - julianday(date(d.created_at)) AS c
  FROM deal d JOIN stage s ON s.id = d.stage_id
  WHERE d.pipeline_id = :pid AND s.kind = 'won' AND d.closed_at >= :start
    AND d.closed_at < :stop),
ra AS (SELECT a, ROW_NUMBER() OVER (ORDER BY a) AS r, COUNT(*) OVER () AS n FROM won),
rc AS (SELECT c, ROW_NUMBER() OVER (ORDER BY c) AS r, COUNT(*) OVER () AS n FROM won)
SELECT (SELECT AVG(a) FROM ra WHERE r IN ((n + 1) / 2, (n + 2) / 2)),
       (SELECT AVG(c) FROM rc WHERE r IN ((n + 1) / 2, (n + 2) / 2))"""
_COHORT = """
SELECT COUNT(*), COALESCE(SUM(s.kind = 'won'), 0)
FROM deal d JOIN stage s ON s.id = d.stage_id
WHERE d.pipeline_id = :pid AND d.created_at >= :start AND d.created_at < :stop"""
_REACHED = """
SELECT CASE WHEN c.kind = 'won' THEN 1000000
            ELSE MAX(COALESCE(c.far, -1), CASE WHEN c.kind = 'open' THEN c.position
                                               ELSE -1 END) END AS top, COUNT(*)
FROM (SELECT s.kind, s.position,
             (SELECT MAX(st.position) FROM stage_history h JOIN stage st ON st.id = h.stage_id
              WHERE h.deal_id = d.id AND st.kind = 'open' AND st.pipeline_id = :pid) AS far
      FROM deal d JOIN stage s ON s.id = d.stage_id
      WHERE d.pipeline_id = :pid AND d.created_at >= :start AND d.created_at < :stop) AS c
GROUP BY top"""
_TIME_IN_STAGE = """
WITH per AS (
  SELECT h.stage_id, h.deal_id,
         SUM(MAX(0.0, julianday(COALESCE(h.left_at, :moment)) - julianday(h.entered_at))) AS days,
         MAX(h.entered_at >= :start AND h.entered_at < :stop) AS inside
  FROM stage_history h JOIN deal d ON d.id = h.deal_id
  WHERE d.pipeline_id = :pid GROUP BY h.stage_id, h.deal_id),
ranked AS (
  SELECT stage_id, days, ROW_NUMBER() OVER (PARTITION BY stage_id ORDER BY days) AS r,
         COUNT(*) OVER (PARTITION BY stage_id) AS n, AVG(days) OVER (PARTITION BY stage_id) AS m
  FROM per WHERE inside)
SELECT stage_id, n, m, AVG(days) FROM ranked WHERE r IN ((n + 1) / 2, (n + 2) / 2)
GROUP BY stage_id"""


def _minor(x: int) -> int:
    return (x + 50) // 100


def raw_sql_metrics(pipeline_id: int, period: Any, as_of: date) -> dict[str, Any]:
    """Every number of ``metrics.compute`` that SQL can aggregate, straight from the driver."""
    from ..store.models import database

    conn = database.connection()
    stop = period.end + timedelta(days=1)
    p = {"pid": pipeline_id, "start": period.start.isoformat(), "stop": stop.isoformat(),
         "as_of": as_of.isoformat(), "moment": f"{as_of.isoformat()} 23:59:59"}
    stages = conn.execute("SELECT id, kind, position FROM stage WHERE pipeline_id = ? "
                          "ORDER BY position", (pipeline_id,)).fetchall()
    per_stage = {sid: (n, a, _minor(w)) for sid, n, a, w in conn.execute(_OPEN, p)}
    months: dict[str, list[int]] = {}
    buckets = {}
    for k, n, a, w in conn.execute(_FORECAST, p):
        if k in ("overdue", "undated"):
            buckets[k] = (n, a, _minor(w))
        else:
            months[k] = [n, a, _minor(w), 0, 0]
    for k, n, a in conn.execute(_WON_BY_MONTH, p):
        months.setdefault(k, [0, 0, 0, 0, 0])[3:] = [n, a]
    closed = {k: (n, a, c) for k, n, a, c in conn.execute(_CLOSED, p)}
    median_deal, median_cycle = conn.execute(_WON_MEDIANS, p).fetchone()
    cohort, cohort_won = conn.execute(_COHORT, p).fetchone()
    chain = [pos for _sid, kind, pos in stages if kind == "open"]
    won_stage = next((pos for _sid, kind, pos in stages if kind == "won"), None)
    top_n = [0] * (len(chain) + (won_stage is not None))
    for top, n in conn.execute(_REACHED, p):
        if top == 1000000:
            top_n[-1] += n
        elif top in chain:
            top_n[chain.index(top)] += n
    reached, acc = [0] * len(top_n), 0
    for i in range(len(top_n) - 1, -1, -1):
        acc += top_n[i]
        reached[i] = acc
    tis = {sid: (n, m, med) for sid, n, m, med in conn.execute(_TIME_IN_STAGE, p)}
    won, lost = closed.get("won", (0, 0, None)), closed.get("lost", (0, 0, None))
    open_count = sum(v[0] for v in per_stage.values())
    win_rate = won[0] / (won[0] + lost[0]) if won[0] + lost[0] else None
    average = won[1] / won[0] if won[0] else None
    velocity = (open_count * win_rate * average / won[2]
                if win_rate is not None and average is not None and won[2] else None)
    return {
        "stages": [(sid, *per_stage.get(sid, (0, 0, 0))) for sid, kind, _pos in stages
                   if kind == "open"],
        "open": (open_count, sum(v[1] for v in per_stage.values()),
                 sum(v[2] for v in per_stage.values())),
        "months": sorted((k, *v) for k, v in months.items()),
        "overdue": buckets.get("overdue", (0, 0, 0)), "undated": buckets.get("undated",
                                                                           (0, 0, 0)),
        "won": won[:2], "lost": lost[:2], "cohort": (cohort, cohort_won), "reached": reached,
        "average_deal": average, "median_deal": median_deal, "cycle_mean": won[2],
        "cycle_median": median_cycle, "velocity": velocity,
        "time_in_stage": {sid: tis.get(sid, (0, None, None)) for sid, kind, _p in stages
                          if kind == "open"},
    }


def disagreements(m: Any, raw: dict[str, Any]) -> list[str]:
    """Where the SQL numbers differ from ``metrics.compute`` (should be none)."""
    def close(a: float | None, b: float | None) -> bool:
        if a is None or b is None:
            return a is None and b is None
        return math.isclose(a, b, rel_tol=1e-6, abs_tol=1e-4)

    f = m.forecast
    checks = {
        "stages": [(s.stage_id, s.count, s.amount, s.weighted) for s in m.stages]
        == raw["stages"],
        "open": (m.open_count, m.open_amount, m.weighted_total) == raw["open"],
        "months": [(x.month, x.open_count, x.open_amount, x.weighted, x.won_count,
                    x.won_amount) for x in f.months] == raw["months"],
        "overdue": (f.overdue_count, f.overdue_amount, f.overdue_weighted) == raw["overdue"],
        "undated": (f.undated_count, f.undated_amount, f.undated_weighted) == raw["undated"],
        "won_lost": ((m.won_count, m.won_amount), (m.lost_count, m.lost_amount))
        == (raw["won"], raw["lost"]),
        "cohort": (m.cohort_count, m.cohort_won) == raw["cohort"],
        "reached": [m.conversion.reached[i] for i in m.conversion.chain] == raw["reached"],
        "deal_size": close(m.average_deal, raw["average_deal"])
        and close(m.median_deal, raw["median_deal"]),
        "cycle": close(m.cycle_mean, raw["cycle_mean"])
        and close(m.cycle_median, raw["cycle_median"]),
        "velocity": close(m.velocity, raw["velocity"]),
        "time_in_stage": all(
            t.deals == raw["time_in_stage"][t.stage_id][0]
            and close(t.mean_days, raw["time_in_stage"][t.stage_id][1])
            and close(t.median_days, raw["time_in_stage"][t.stage_id][2])
            for t in m.time_in_stage),
    }
    return [k for k, ok in checks.items() if not ok]


def measure_metrics(ds: Dataset, repeats: int = REPEATS) -> dict[str, Any]:
    """Each path ``repeats`` times, interleaved, after one warm-up of the app's path, on the
    cached database (read only): min / median / max of each, and the ratio app ÷ raw SQL of
    each run and of the medians."""
    from ..store.db import open_database

    opened = open_database(ds.path, readonly=True)
    try:
        period = bench_period(ds.today)
        runs: list[dict[str, float]] = []
        wrong: list[str] = []
        orm_metrics(ds.pipeline_id, period, ds.today)  # warm-up, not counted
        for _ in range(max(1, repeats)):
            t0 = clock()
            m, load_s, compute_s = orm_metrics(ds.pipeline_id, period, ds.today)
            orm_s = clock() - t0
            t0 = clock()
            raw = raw_sql_metrics(ds.pipeline_id, period, ds.today)
            raw_s = clock() - t0
            wrong = wrong or disagreements(m, raw)
            del m, raw
            runs.append({"orm_s": orm_s, "load_funnel_s": load_s, "compute_s": compute_s,
                         "raw_sql_s": raw_s, "ratio": orm_s / raw_s if raw_s else math.nan})
    finally:
        opened.db.close()
    out = combine(runs)
    orm_med, raw_med = out["orm_s"]["median"], out["raw_sql_s"]["median"]
    return {"period": [period.start.isoformat(), period.end.isoformat()], **out,
            "ratio_of_medians": round(orm_med / raw_med, 3) if raw_med else None,
            "agree": not wrong, "disagree": wrong, "load_average": load_average()}


__all__ = ["bench_period", "datetime", "disagreements", "measure_metrics", "orm_metrics",
           "raw_sql_metrics"]
