"""The week's changes (DOMAIN.md "History") and the key figures compared week on week."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from itertools import pairwise

from .history import as_of
from .metrics import open_totals
from .stats import ratio
from .values import FieldChange, FunnelData, Period, StageKind, StageVisit, within


@dataclass(frozen=True, slots=True)
class StageMove:
    deal_id: int
    from_stage: int
    to_stage: int
    at: datetime


@dataclass(frozen=True, slots=True)
class ValueChange:
    deal_id: int
    old: str | None
    new: str | None
    at: datetime


@dataclass(slots=True)
class WeekChanges:
    """What happened to deals inside one week."""

    added: list[int] = field(default_factory=list)
    forward: list[StageMove] = field(default_factory=list)
    back: list[StageMove] = field(default_factory=list)
    won: list[int] = field(default_factory=list)
    lost: list[int] = field(default_factory=list)
    slipped: list[ValueChange] = field(default_factory=list)  # expected close pushed later
    raised: list[ValueChange] = field(default_factory=list)
    cut: list[ValueChange] = field(default_factory=list)


def week_changes(data: FunnelData, changes: list[FieldChange], week: Period) -> WeekChanges:
    """Deals added, moved forward or back, won, lost, slipped, amounts raised or cut in
    ``week`` (from stage history and the change log)."""
    pos = {s.id: s.position for s in data.stages}
    kind = {s.id: s.kind for s in data.stages}
    inside = within(week)
    out = WeekChanges()
    out.added = sorted(d.id for d in data.deals if inside(d.created))
    # only deals with a stay that began inside the week can have a move in it
    moved = {v.deal_id for v in data.visits if inside(v.entered)}
    by_deal: dict[int, list[StageVisit]] = defaultdict(list)
    for v in data.visits:
        if v.deal_id in moved:
            by_deal[v.deal_id].append(v)
    for deal_id, visits in by_deal.items():
        visits.sort(key=lambda v: v.entered)
        for prev, cur in pairwise(visits):
            if not inside(cur.entered):
                continue
            k = kind.get(cur.stage_id)
            if k == StageKind.WON:
                out.won.append(deal_id)
            elif k == StageKind.LOST:
                out.lost.append(deal_id)
            elif kind.get(prev.stage_id) == StageKind.OPEN:
                move = StageMove(deal_id, prev.stage_id, cur.stage_id, cur.entered)
                (out.forward if pos[cur.stage_id] > pos[prev.stage_id] else out.back).append(move)
    for c in changes:
        if not inside(c.at):
            continue
        vc = ValueChange(c.deal_id, c.old, c.new, c.at)
        if c.field == "expected_close" and c.old and c.new and c.new > c.old:
            out.slipped.append(vc)
        elif c.field == "amount" and c.old not in (None, "") and c.new not in (None, ""):
            if int(c.new) > int(c.old):
                out.raised.append(vc)
            elif int(c.new) < int(c.old):
                out.cut.append(vc)
    out.won.sort()
    out.lost.sort()
    return out


@dataclass(frozen=True, slots=True)
class KeyFigures:
    """The pipeline at a week's end and what closed inside the week."""

    open_count: int
    open_amount: int
    weighted: int
    new_count: int
    new_amount: int
    won_count: int
    won_amount: int
    lost_count: int
    lost_amount: int

    @property
    def win_rate(self) -> float | None:
        return ratio(self.won_count, self.won_count + self.lost_count)


def week_end_moment(week: Period) -> datetime:
    return datetime(week.end.year, week.end.month, week.end.day, 23, 59, 59)


def key_figures(data: FunnelData, changes: list[FieldChange], week: Period,
                then: FunnelData | None = None) -> KeyFigures:
    """Open pipeline as it stood at the end of ``week``, and the week's new, won and lost.
    ``then``: ``as_of(data, changes, week_end_moment(week))`` when the caller has it."""
    if then is None:
        then = as_of(data, changes, week_end_moment(week))
    _, open_count, open_amount, weighted = open_totals(then)
    kind = {s.id: s.kind for s in data.stages}
    inside = within(week)
    new = [d for d in then.deals if inside(d.created)]
    closed = [d for d in then.deals if d.closed is not None and inside(d.closed)]
    won = [d for d in closed if kind.get(d.stage_id) == StageKind.WON]
    lost = [d for d in closed if kind.get(d.stage_id) == StageKind.LOST]
    return KeyFigures(open_count, open_amount, weighted, len(new), sum(d.amount for d in new),
                      len(won), sum(d.amount for d in won), len(lost),
                      sum(d.amount for d in lost))


def previous_week(week: Period) -> Period:
    return Period(week.start - timedelta(days=7), week.end - timedelta(days=7))


def week_containing(day: date, week_start: int = 0) -> Period:
    """The week (7 days) containing ``day``; ``week_start`` 0 = Monday … 6 = Sunday."""
    offset = (day.weekday() - week_start) % 7
    start = day - timedelta(days=offset)
    return Period(start, start + timedelta(days=6))
