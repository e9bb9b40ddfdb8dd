"""The week's changes (DOMAIN.md "History") and the key figures compared week on week."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from itertools import pairwise

from .history import as_of
from .metrics import open_totals
from .stats import ratio
from .values import (
    DealFacts,
    FieldChange,
    FunnelData,
    Period,
    StageKind,
    StageVisit,
    within,
)


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


def added_won_lost(data: FunnelData, week: Period) -> tuple[list[int], list[int], list[int]]:
    """The ids of the deals of ``data`` created in ``week``, and of those in a won / lost
    stage whose close is in it (sorted): the lists and the key figures of the week."""
    kind = {s.id: s.kind for s in data.stages}
    start, stop = week.moment_bounds()
    stop = stop or datetime.max
    added, won, lost = [], [], []
    for d in data.deals:
        if start <= d.created < stop:
            added.append(d.id)
        closed = d.closed
        if closed is not None and start <= closed < stop:
            k = kind.get(d.stage_id)
            if k == StageKind.WON:
                won.append(d.id)
            elif k == StageKind.LOST:
                lost.append(d.id)
    return sorted(added), sorted(won), sorted(lost)


def week_changes(data: FunnelData, changes: list[FieldChange], week: Period) -> WeekChanges:
    """Deals added, moved forward or back, won, lost, slipped, amounts raised or cut in
    ``week`` (from stage history and the change log), for ``data`` as the week is looked at
    (``as_of`` its end, or now while it runs).

    Added, won and lost follow the key figures' rule (:func:`added_won_lost`), so that every
    list and its key figure are one set of deals: added = created in the week; won / lost =
    in a won / lost stage and closed in the week (a deal imported already closed, whose only
    stay is Won, is won in the week of its close; a deal won and reopened in the week is
    not). Moves are consecutive stays between open stages that began in the week."""
    pos = {s.id: s.position for s in data.stages}
    kind = {s.id: s.kind for s in data.stages}
    inside = within(week)
    out = WeekChanges()
    out.added, out.won, out.lost = added_won_lost(data, week)
    start, stop = week.moment_bounds()
    stop = stop or datetime.max
    # only deals with a stay that began inside the week can have a move in it
    moved = {v.deal_id for v in data.visits if start <= v.entered < stop}
    by_deal: dict[int, list[StageVisit]] = defaultdict(list)
    for v in data.visits:
        if v.deal_id in moved:
            by_deal[v.deal_id].append(v)
    for deal_id, visits in by_deal.items():
        visits.sort(key=lambda v: v.entered)
        for prev, cur in pairwise(visits):
            if not inside(cur.entered):
                continue
            if kind.get(prev.stage_id) == StageKind.OPEN \
                    and kind.get(cur.stage_id) == StageKind.OPEN:
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


@dataclass(frozen=True, slots=True)
class AsOf:
    """When a report looks at the pipeline: ``moment`` (naive UTC, like the stored times) is
    the pipeline as it stood, ``day`` the calendar day overdue, idle, close dates and "this
    month" are judged on; ``running``: the week had not ended, so it is reported as of now."""

    moment: datetime
    day: date
    running: bool


def week_as_of(week: Period, now: datetime, today: date) -> AsOf:
    """A week that is still running (or not begun) is looked at as of ``now`` and
    ``today``; a past week as of its end (its Sunday's last second)."""
    end = week_end_moment(week)
    if today <= week.end and now < end:
        return AsOf(now, today, True)
    return AsOf(end, week.end, False)


def amounts(ids: list[int], index: dict[int, DealFacts]) -> tuple[int, int]:
    """(count, Σ amount) of the deals ``ids`` of a list, looked up in ``index``."""
    return len(ids), sum(index[i].amount for i in ids)


def key_figures(data: FunnelData, changes: list[FieldChange], week: Period,
                then: FunnelData | None = None, changed: WeekChanges | None = None
                ) -> KeyFigures:
    """Open pipeline as it stood at the end of ``week`` (or at the moment ``then`` was
    rebuilt for), and the week's new, won and lost — counted from the lists of
    :func:`week_changes`, so that a list and its figure are the same deals.
    ``then``: ``as_of(data, changes, week_end_moment(week))`` when the caller has it;
    ``changed``: ``week_changes(then, changes, week)`` likewise."""
    if then is None:
        then = as_of(data, changes, week_end_moment(week))
    added, won, lost = ((changed.added, changed.won, changed.lost) if changed is not None
                        else added_won_lost(then, week))
    _, open_count, open_amount, weighted = open_totals(then)
    index = {d.id: d for d in then.deals}
    return KeyFigures(open_count, open_amount, weighted, *amounts(added, index),
                      *amounts(won, index), *amounts(lost, index))


def previous_week(week: Period) -> Period:
    return Period(week.start - timedelta(days=7), week.end - timedelta(days=7))


def week_containing(day: date, week_start: int = 0) -> Period:
    """The week (7 days) containing ``day``; ``week_start`` 0 = Monday … 6 = Sunday."""
    offset = (day.weekday() - week_start) % 7
    start = day - timedelta(days=offset)
    return Period(start, start + timedelta(days=6))
