"""The owner / team comparison table: per salesperson (or team) the open pipeline, the
period's wins and losses, win rate, average deal and sales cycle."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field

from .metrics import effective_probability
from .stats import mean, median, ratio, weighted_minor
from .values import DealFacts, FunnelData, Period, StageKind

RULE = ("Open: deals open now. Won, lost, win rate (won ÷ (won + lost) by count), average deal "
        "and sales cycle (days from creation to won): deals closed in the period.")


@dataclass(frozen=True, slots=True)
class PeopleLine:
    """One row; ``key`` is the owner id (or team id), None for deals without one."""

    key: int | None
    open_count: int
    open_amount: int
    weighted: int
    won_count: int
    won_amount: int
    lost_count: int
    lost_amount: int
    win_rate: float | None
    win_rate_value: float | None
    average_deal: float | None
    cycle_mean: float | None
    cycle_median: float | None


@dataclass(slots=True)
class _Acc:
    open_count: int = 0
    open_amount: int = 0
    wp: int = 0
    won_count: int = 0
    won_amount: int = 0
    lost_count: int = 0
    lost_amount: int = 0
    cycles: list[int] = field(default_factory=list)

    def line(self, key: int | None) -> PeopleLine:
        return PeopleLine(
            key, self.open_count, self.open_amount, weighted_minor(self.wp), self.won_count,
            self.won_amount, self.lost_count, self.lost_amount,
            ratio(self.won_count, self.won_count + self.lost_count),
            ratio(self.won_amount, self.won_amount + self.lost_amount),
            self.won_amount / self.won_count if self.won_count else None,
            mean(self.cycles), median(self.cycles))


@dataclass(frozen=True, slots=True)
class PeopleTable:
    """Rows in the order asked for (then any other key, then None); ``total`` over all."""

    rows: list[PeopleLine]
    total: PeopleLine


def _table(data: FunnelData, period: Period, key_of: Callable[[DealFacts], int | None],
           keys: Iterable[int]) -> PeopleTable:
    by_id = {s.id: s for s in data.stages}
    acc: dict[int | None, _Acc] = {k: _Acc() for k in keys}
    total = _Acc()
    for d in data.deals:
        s = by_id.get(d.stage_id)
        if s is None:
            continue
        if s.kind != StageKind.OPEN and not period.contains(d.closed):
            continue
        a = acc.setdefault(key_of(d), _Acc())
        for x in (a, total):
            if s.kind == StageKind.OPEN:
                x.open_count += 1
                x.open_amount += d.amount
                x.wp += d.amount * effective_probability(d, s)
            elif s.kind == StageKind.WON:
                x.won_count += 1
                x.won_amount += d.amount
                assert d.closed is not None  # a deal closed outside the period was skipped
                x.cycles.append((d.closed.date() - d.created.date()).days)
            else:
                x.lost_count += 1
                x.lost_amount += d.amount
    named = [k for k in acc if k is not None]
    rows = [acc[k].line(k) for k in named] + ([acc[None].line(None)] if None in acc else [])
    return PeopleTable(rows, total.line(None))


def owner_table(data: FunnelData, period: Period, owner_ids: Iterable[int] = ()) -> PeopleTable:
    """One row per owner in ``owner_ids`` (even without deals), then per other owner with
    deals, then deals without an owner."""
    return _table(data, period, lambda d: d.owner_id, owner_ids)


def team_table(data: FunnelData, period: Period, team_of: Mapping[int, int | None],
               team_ids: Iterable[int] = ()) -> PeopleTable:
    """The same per team: ``team_of`` maps owner id → team id (deals of owners without a team
    or without an owner go to the None row)."""
    return _table(data, period,
                  lambda d: team_of.get(d.owner_id) if d.owner_id is not None else None,
                  team_ids)
