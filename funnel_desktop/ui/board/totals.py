"""Per-stage totals and the strip's numbers for one pipeline and segment.

A full recompute is a few SQL aggregates; a stage move updates the totals in O(moved deals)
(and :meth:`FunnelTotals.check` recomputes to confirm the two agree).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from ...core.dates import month_end, month_start
from ...core.values import Segment, StageInfo, StageKind
from ...services.events import Changes
from ...store import screen_queries as sq
from ...store.queries import stage_aggregates, stages_of

#: The strip's win rate looks back this many days.
WIN_RATE_DAYS = 90


@dataclass
class FunnelTotals:
    """Counts and sums per stage (weighted in minor·percent), this month's forecast and the
    deals closed in the last 90 days, for ``pipeline_id`` cut to ``segment``."""

    pipeline_id: int | None = None
    segment: Segment = field(default_factory=Segment)
    stages: list[StageInfo] = field(default_factory=list)
    by_stage: dict[int, list[int]] = field(default_factory=dict)  # id → [count, Σa, Σa·p]
    forecast_x100: int = 0
    won_recent: int = 0
    lost_recent: int = 0
    month: tuple[date, date] | None = None
    since: datetime | None = None
    #: the moved deals of the last :meth:`apply` that are in the pipeline and segment
    last_in_segment: set[int] = field(default_factory=set)

    # -- reading ----------------------------------------------------------------------------
    def stage(self, stage_id: int) -> tuple[int, int, int]:
        """(count, Σ amount, weighted value) of a stage, money in minor units."""
        c, a, w = self.by_stage.get(stage_id, (0, 0, 0))
        return c, a, round(w / 100)

    def open_stage_ids(self) -> list[int]:
        return [s.id for s in self.stages if s.kind == StageKind.OPEN]

    @property
    def open_count(self) -> int:
        return sum(self.by_stage.get(i, (0, 0, 0))[0] for i in self.open_stage_ids())

    @property
    def open_amount(self) -> int:
        return sum(self.by_stage.get(i, (0, 0, 0))[1] for i in self.open_stage_ids())

    @property
    def weighted(self) -> int:
        return round(sum(self.by_stage.get(i, (0, 0, 0))[2] for i in self.open_stage_ids())
                     / 100)

    @property
    def month_forecast(self) -> int:
        return round(self.forecast_x100 / 100)

    @property
    def win_rate(self) -> float | None:
        closed = self.won_recent + self.lost_recent
        return self.won_recent / closed if closed else None

    def as_tuple(self) -> tuple:
        """Everything shown, for comparing the incremental path with a recompute."""
        return (self.open_count, self.open_amount, self.weighted, self.month_forecast,
                self.won_recent, self.lost_recent,
                tuple(sorted((k, tuple(v)) for k, v in self.by_stage.items() if v[0])))

    # -- computing --------------------------------------------------------------------------
    def recompute(self, pipeline_id: int | None, segment: Segment, today: date,
                  now: datetime) -> None:
        """Everything from the database (a handful of GROUP BY queries)."""
        self.pipeline_id, self.segment = pipeline_id, segment
        self.month = (month_start(today), month_end(today))
        self.since = now - timedelta(days=WIN_RATE_DAYS)
        if pipeline_id is None:
            self.stages, self.by_stage = [], {}
            self.forecast_x100 = self.won_recent = self.lost_recent = 0
            return
        self.stages = stages_of(pipeline_id)
        seg = None if segment.is_empty() else segment
        self.by_stage = {sid: list(v) for sid, v in stage_aggregates(pipeline_id, seg).items()}
        self.forecast_x100 = sq.forecast_between(pipeline_id, seg, *self.month)
        closed = sq.closed_since(pipeline_id, seg, self.since)
        self.won_recent, self.lost_recent = closed["won"][0], closed["lost"][0]

    def apply(self, changes: Changes) -> bool:
        """Update from a move event in O(moved deals); False when only a recompute can tell
        (not a pure move, a reopen, or a class filter that a close can change)."""
        if (self.pipeline_id is None or not changes.moves or self.segment.customer_classes
                or changes.touches("customers", "pipelines", "all")):
            return False
        kind = {s.id: s.kind for s in self.stages}
        prob = {s.id: s.probability for s in self.stages}
        if any(kind.get(old) not in (StageKind.OPEN, None) for _, old, _new in changes.moves):
            return False
        seg = None if self.segment.is_empty() else self.segment
        facts = sq.moved_facts([m[0] for m in changes.moves], self.pipeline_id, seg)
        self.last_in_segment = set(facts)
        month = self.month
        for deal_id, old, new in changes.moves:
            if deal_id not in facts or old not in kind or new not in kind:
                continue
            amount, own, close, closed_at = facts[deal_id]
            p_old = own if own is not None else prob[old]
            p_new = own if own is not None else prob[new]
            for sid, sign, p in ((old, -1, p_old), (new, 1, p_new)):
                row = self.by_stage.setdefault(sid, [0, 0, 0])
                row[0] += sign
                row[1] += sign * amount
                row[2] += sign * amount * p
            if month and close is not None and month[0] <= close <= month[1]:
                self.forecast_x100 -= amount * p_old
                if kind[new] == StageKind.OPEN:
                    self.forecast_x100 += amount * p_new
            if kind[new] != StageKind.OPEN and closed_at is not None and self.since \
                    and closed_at >= self.since:
                if kind[new] == StageKind.WON:
                    self.won_recent += 1
                else:
                    self.lost_recent += 1
        return True

    def check(self, today: date, now: datetime) -> bool:
        """Whether a full recompute gives the same numbers as the ones held."""
        fresh = FunnelTotals()
        fresh.recompute(self.pipeline_id, self.segment, today, now)
        return fresh.as_tuple() == self.as_tuple()
