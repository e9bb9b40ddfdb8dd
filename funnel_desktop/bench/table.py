"""The benchmark's results as a plain-text table, and the targets checked."""

from __future__ import annotations

from typing import Any

from . import TARGETS
from .timing import is_spread

#: (label, path into one size's results, target key or "", lower is better)
ROWS: tuple[tuple[str, tuple[str, ...], str, bool], ...] = (
    ("dataset build (s)", ("dataset", "build_s"), "", True),
    ("cold start app (s)", ("cold_start", "app"), "", True),
    ("cold start bare window (s)", ("cold_start", "bare"), "", True),
    ("cold start ratio (of the medians)", ("cold_start", "ratio"), "cold_start_ratio", True),
    ("  ratio of each launch pair", ("cold_start", "pair_ratio"), "", True),
    ("board load (s)", ("board", "load_s"), "", True),
    ("RSS after board load (MB)", ("board", "rss_board_mb"), "", True),
    ("RSS after the board's drops (MB)", ("board", "drops_before_analytics", "peak_rss_mb"),
     "", True),
    ("Analytics full refresh, first (s)", ("board", "analytics_s"), "", True),
    *((f"  Analytics refresh: {code} (s)", ("board", "periods", code, "refresh_s"), "", True)
      for code in ("month", "quarter", "year", "last12")),
    ("  Analytics refresh, slowest period (s)", ("board", "analytics_max_s"),
     "analytics_max_s", True),
    *((f"  peak RSS while refreshing: {code} (MB)",
       ("board", "periods", code, "peak_rss_mb"), "", True)
      for code in ("month", "quarter", "year", "last12")),
    ("  peak RSS, worst period (MB)", ("board", "analytics_peak_rss_mb"),
     "analytics_peak_rss_mb", True),
    ("peak RSS, board + Analytics + drops (MB)", ("board", "peak_rss_mb"), "peak_rss_mb",
     True),
    ("drop median (ms)", ("board", "drops", "total_ms", "median"), "", True),
    ("drop p95 (ms)", ("board", "drops", "total_ms", "p95"), "drop_p95_ms", True),
    ("  commit p95 (ms)", ("board", "drops", "commit_ms", "p95"), "", True),
    ("  refresh p95 (ms)", ("board", "drops", "refresh_ms", "p95"), "", True),
    ("    of it Analytics p95 (ms)", ("board", "drops", "analytics_ms", "p95"), "", True),
    ("  undo, events, paint p95 (ms)", ("board", "drops", "paint_ms", "p95"), "", True),
    ("  raw move (driver alone) p95 (ms)", ("board", "raw_move_ms", "p95"), "", True),
    ("  drop p95 ÷ raw move p95", ("board", "drop_ratio"), "", True),
    ("drop, Analytics not opened, p95 (ms)",
     ("board", "drops_before_analytics", "total_ms", "p95"), "drop_cold_p95_ms", True),
    ("  of it the month-target tile p95 (ms)",
     ("board", "drops_before_analytics", "analytics_ms", "p95"), "", True),
    ("metrics: load+compute (s)", ("metrics", "orm_s"), "", True),
    ("  load the deals (s)", ("metrics", "load_funnel_s"), "", True),
    ("  compute (s)", ("metrics", "compute_s"), "", True),
    ("metrics: raw SQL (s)", ("metrics", "raw_sql_s"), "", True),
    ("metrics ratio (each run)", ("metrics", "ratio"), "metrics_ratio", True),
    ("  ratio of the medians", ("metrics", "ratio_of_medians"), "", True),
    ("weekly report gather (s)", ("report", "gather_s"), "", True),
    ("weekly report PDF (s)", ("report", "pdf_s"), "", True),
    ("weekly report total (s)", ("report", "total_s"), "report_s", True),
    ("  the first in the process (s)", ("report", "first_s"), "", True),
    ("import (rows/s)", ("import", "rows_per_s"), "import_rows_per_s", False),
    ("  raw executemany of its rows (rows/s)", ("import", "raw_rows_per_s"), "", False),
    ("  import ÷ raw executemany", ("import", "ratio"), "", False),
    ("import undo (s)", ("import", "undo_s"), "import_undo_s", True),
    ("  raw DELETE of its rows (s)", ("import", "raw_delete_s"), "", True),
    ("  undo ÷ raw DELETE", ("import", "undo_ratio"), "", True),
    ("window stall during the import (ms)", ("stall", "import", "longest_ms"), "stall_ms",
     True),
    ("window stall during its undo (ms)", ("stall", "undo", "longest_ms"), "stall_undo_ms",
     True),
)


def _get(d: Any, path: tuple[str, ...]) -> Any:
    for key in path:
        if not isinstance(d, dict) or key not in d:
            return None
        d = d[key]
    return d


def _num(v: Any) -> str:
    if isinstance(v, float):
        return f"{v:,.0f}" if abs(v) >= 1000 else f"{v:.3g}" if abs(v) < 10 else f"{v:.1f}"
    if isinstance(v, int) and not isinstance(v, bool):
        return f"{v:,}"
    return str(v)


def _fmt(v: Any) -> str:
    if v is None:
        return "—"
    if is_spread(v):
        if v["n"] == 0 or v["median"] is None:
            return "—"
        if v["n"] == 1:
            return _num(v["median"])
        return f"{_num(v['min'])} / {_num(v['median'])} / {_num(v['max'])}"
    return _num(v)


def value_of(v: Any) -> Any:
    """The figure a target is judged on: a spread's median, else the value itself."""
    return v["median"] if is_spread(v) else v


def check_targets(results: dict[str, Any]) -> dict[str, Any]:
    """Each target against the size it is set for (100,000 deals, else the largest run)."""
    sizes = sorted(int(s) for s in results if s.isdigit())
    out: dict[str, Any] = {}
    for kind, goal in TEAM_TARGETS.items():
        team = _get(results, ("team", kind))
        if team is not None:
            p95 = _get(team, ("propagation_ms", "p95"))
            out[f"propagation_{kind}"] = {
                "label": f"{kind}: propagation p95 (ms)", "at": "team", "target": goal,
                "value": p95, "met": None if p95 is None else p95 <= goal}
            out[f"lost_{kind}"] = {"label": f"{kind}: lost updates", "at": "team",
                                   "target": 0, "value": team["lost_updates"],
                                   "met": team["lost_updates"] == 0}
    if not sizes:
        return out
    at = 100_000 if 100_000 in sizes else sizes[-1]
    for label, path, key, lower in ROWS:
        if not key:
            continue
        value = value_of(_get(results[str(at)], path))
        goal = TARGETS[key]
        met = None if value is None else (value <= goal if lower else value >= goal)
        out[key] = {"label": label.strip(), "at": at, "target": goal, "value": value,
                    "met": met}
    return out


def render(results: dict[str, Any], targets: dict[str, Any]) -> str:
    """The table: one column per size, then the target and whether it is met."""
    sizes = sorted((s for s in results if s.isdigit()), key=int)
    lines = render_team(results["team"]) if "team" in results else []
    if not sizes:
        return "\n".join(lines)
    head = (["measure (min / median / max of the runs)"] + [f"{int(s):,} deals" for s in sizes]
            + ["target", "met"])
    rows = [head]
    by_key = {k: v for k, v in targets.items()}
    for label, path, key, lower in ROWS:
        t = by_key.get(key) if key else None
        goal = "" if t is None else ("≤ " if lower else "≥ ") + _fmt(t["target"])
        met = "" if t is None or t["met"] is None else ("yes" if t["met"] else "NO")
        rows.append([label] + [_fmt(_get(results[s], path)) for s in sizes] + [goal, met])
    widths = [max(len(r[i]) for r in rows) for i in range(len(head))]
    if lines:
        lines.append("")
    for n, r in enumerate(rows):
        cells = [r[0].ljust(widths[0])] + [c.rjust(w) for c, w in zip(r[1:], widths[1:],
                                                                          strict=True)]
        lines.append("  ".join(cells))
        if n == 0:
            lines.append("  ".join("-" * w for w in widths))
    return "\n".join(lines)


#: Propagation p95 targets of the several-clients run, ms.
TEAM_TARGETS = {"postgresql": 500.0, "sqlite": 1000.0}


def render_team(team: dict[str, Any]) -> list[str]:
    """The several-clients figures, one line per database kind."""
    lines = ["several clients on one database (commits/s · commit median/p95 ms · "
             "propagation median/p95/max ms · conflicts · lost updates)"]
    for kind, t in team.items():
        c, p = t["commit_ms"], t["propagation_ms"]
        goal = TEAM_TARGETS.get(kind)
        met = "" if goal is None or p["p95"] is None else (
            f" (target ≤ {goal:.0f} ms: {'yes' if p['p95'] <= goal else 'NO'})")
        lines.append(f"  {kind}: {t['clients']} clients × {t['seconds']:g} s: "
                     f"{t['commits_per_s']} commits/s · {c['median']}/{c['p95']} · "
                     f"{p['median']}/{p['p95']}/{p['max']}{met} · {t['conflicts']} · "
                     f"{t['lost_updates']} · board agrees: {t['board_agrees']}")
    return lines
