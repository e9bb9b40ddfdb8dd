"""Plain domain values the numbers are computed from (no Qt, no database)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta
from enum import StrEnum


class StageKind(StrEnum):
    """What a stage means: still open, or closed as won or lost."""

    OPEN = "open"
    WON = "won"
    LOST = "lost"


@dataclass(frozen=True, slots=True)
class StageInfo:
    """One stage of a pipeline, in order."""

    id: int
    name: str
    kind: StageKind
    position: int
    probability: int
    idle_days: int | None = None
    ideal_conversion: int | None = None
    colour: str = ""


@dataclass(frozen=True, slots=True)
class DealFacts:
    """What the numbers need of one deal. Money in minor units, times in UTC."""

    id: int
    stage_id: int
    amount: int
    created: datetime
    probability: int | None = None  # the deal's own override
    expected_close: date | None = None
    closed: datetime | None = None
    owner_id: int | None = None
    customer_id: int | None = None
    title: str = ""
    last_activity: datetime | None = None
    stage_entered: datetime | None = None
    next_step: str = ""
    next_step_due: date | None = None


@dataclass(frozen=True, slots=True)
class StageVisit:
    """One stay of a deal in a stage; ``left`` is None while it is still there."""

    deal_id: int
    stage_id: int
    entered: datetime
    left: datetime | None = None


@dataclass(frozen=True, slots=True)
class FieldChange:
    """One edit of a deal field (amount, probability, expected_close, owner, next_step)."""

    deal_id: int
    field: str
    old: str | None
    new: str | None
    at: datetime


@dataclass(frozen=True, slots=True)
class Period:
    """A closed date range [start, end], both inclusive."""

    start: date
    end: date

    def contains(self, moment: date | datetime | None) -> bool:
        if moment is None:
            return False
        day = moment.date() if isinstance(moment, datetime) else moment
        return self.start <= day <= self.end

    def moment_bounds(self) -> tuple[datetime, datetime | None]:
        """[start, stop) as naive datetimes: :meth:`contains` of a datetime ``m`` is
        ``start <= m < stop`` (``stop`` None: no upper bound, the period ends on date.max)."""
        start = datetime(self.start.year, self.start.month, self.start.day)
        if self.end == date.max:
            return start, None
        after = self.end + timedelta(days=1)
        return start, datetime(after.year, after.month, after.day)


def within(period: Period) -> Callable[[date | datetime | None], bool]:
    """``period.contains`` by the datetime bounds of :meth:`Period.moment_bounds`: the same
    answer, 5× faster over many deals."""
    start, stop = period.moment_bounds()
    if stop is None:  # no next day to stop before
        return period.contains

    def inside(moment: date | datetime | None) -> bool:
        if moment.__class__ is datetime:
            return start <= moment < stop
        return period.contains(moment)

    return inside


@dataclass(slots=True)
class FunnelData:
    """Everything one pipeline's numbers are computed from, for one segment."""

    stages: list[StageInfo]
    deals: list[DealFacts]
    visits: Sequence[StageVisit] = field(default_factory=list)  # a list or a VisitTable

    def stage(self, stage_id: int) -> StageInfo:
        for s in self.stages:
            if s.id == stage_id:
                return s
        raise KeyError(stage_id)


@dataclass(frozen=True, slots=True)
class Segment:
    """A cut of the deals: every field narrows (empty = no restriction)."""

    owner_ids: tuple[int, ...] = ()
    team_ids: tuple[int, ...] = ()
    region_ids: tuple[int, ...] = ()
    source_ids: tuple[int, ...] = ()
    project_type: str = ""  # big / small
    customer_type: str = ""  # new / returning
    customer_classes: tuple[str, ...] = ()  # A B C D (manual class or derived, see store)
    priorities: tuple[str, ...] = ()  # high medium low
    text: str = ""
    close_from: date | None = None  # expected close period
    close_to: date | None = None
    class_day: date | None = None  # the day customer classes are derived on (None: today)

    def is_empty(self) -> bool:
        return replace(self, class_day=None) == Segment()
