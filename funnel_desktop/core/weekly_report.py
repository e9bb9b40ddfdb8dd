"""Everything the weekly report shows, as plain values (no text, no Qt), and the rules that
choose what it lists. The report's data is gathered from the database by
``store.weekly_report.gather``."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Protocol

from .dates import period_of
from .health import Finding
from .periods import health_period
from .simulation import forecast_band
from .targets import TargetProgress
from .values import DealFacts, FunnelData, Period, Segment
from .weekly import AsOf, KeyFigures, previous_week

BAND_RUNS = 2000
LIST_TOP = 15  # each list of the week shows its biggest deals; one row counts the rest


class Scope(Protocol):
    """Who a report is about (``report.scope.ReportScope``): the whole business, one team
    or one owner."""

    @property
    def kind(self) -> str: ...

    @property
    def id(self) -> int | None: ...

    @property
    def name(self) -> str: ...

    @property
    def key(self) -> str: ...

    def segment(self) -> Segment: ...


@dataclass(frozen=True, slots=True)
class FunnelRow:
    stage_id: int
    name: str
    probability: int
    count: int
    amount: int
    weighted: int
    reached: int
    conversion: float | None  # to the next stage (the last: to won)


@dataclass(frozen=True, slots=True)
class DealLine:
    """One deal in a list of the report."""

    deal_id: int
    title: str
    customer: str
    owner: str
    amount: int
    stage: str = ""
    detail: str = ""  # reason label, or the stage it came from
    category: str = ""
    note: str = ""
    forward: bool = True


@dataclass(frozen=True, slots=True)
class DealList:
    """One list of the week: its biggest deals (by value, then oldest deal first) and the
    count and sum of all of them (the rest print as one "and N more" row)."""

    lines: list[DealLine]
    count: int
    amount: int

    @property
    def more(self) -> int:
        """Deals of the list that are not shown."""
        return self.count - len(self.lines)

    @property
    def more_amount(self) -> int:
        """The value of the deals that are not shown."""
        return self.amount - sum(d.amount for d in self.lines)


@dataclass(frozen=True, slots=True)
class ReasonLine:
    """Deals won (or lost) in the week with one kept reason; label "" = no reason kept."""

    label: str
    category: str
    count: int
    amount: int


@dataclass(frozen=True, slots=True)
class MonthLine:
    month: str  # YYYY-MM
    weighted: int
    open_amount: int
    p10: int | None = None
    p50: int | None = None
    p90: int | None = None


@dataclass(slots=True)
class WeeklyReportData:
    business: str
    scope: Scope
    pipeline: str
    week: Period
    week_label: str
    printed: datetime  # local time
    as_of: AsOf  # the moment the pipeline is looked at (now while the week runs)
    this: KeyFigures
    last: KeyFigures
    funnel: list[FunnelRow]
    overall_conversion: float | None  # the cohort's lead-to-win: reached(won) ÷ reached(first)
    cohort_won: int  # of the cohort: won (reached the won stage)
    cohort_size: int  # of the cohort: reached the first stage
    conversion_period: Period  # the cohort: deals created in it (also the health period)
    won: DealList
    lost: DealList
    new: DealList
    forward: DealList  # stage moves forward
    back: DealList  # stage moves back
    slipped: DealList
    won_reasons: list[ReasonLine]
    lost_reasons: list[ReasonLine]
    overdue: MonthLine
    forecast: list[MonthLine]
    targets: list[TargetProgress]  # this month's and quarter's, as the Analytics page's
    findings: list[Finding] = field(default_factory=list)
    health_target: int | None = None  # the quarter's, as the coverage finding judges it
    notes: str = ""
    stage_names: dict[int, str] = field(default_factory=dict)
    deal_count: int = 0

    @property
    def empty(self) -> bool:
        return self.deal_count == 0


def window_start(week: Period, day: date | None = None) -> datetime:
    """The earliest moment any number of the week's report looks at, the pipeline being
    looked at on ``day`` (default: the week's end): last week's start (its key figures), the
    health period's start (the funnel's conversion cohort and the health findings), the
    month's and quarter's starts (target progress). Everything else is about moments inside
    the window: the pipeline then and at last week's end, the forecast and its band (deals
    open then)."""
    day = day or week.end
    first = min(previous_week(week).start, health_period(day).start,
                period_of("quarter", day).start, period_of("month", day).start)
    return datetime(first.year, first.month, first.day)


@dataclass(slots=True)
class ListEntry:
    """A deal of a list before it is chosen to be shown: the deal as it stood when the week
    is looked at and what the list says about it."""

    deal: DealFacts
    stage: str = ""
    detail: str = ""
    forward: bool = True
    reason_id: int | None = None


def top_entries(entries: list[ListEntry], n: int = LIST_TOP) -> list[ListEntry]:
    """The ``n`` biggest by value; on a tie the oldest deal (smallest id) first, then the
    list's own order (a deal moved twice keeps its moves in order)."""
    return sorted(entries, key=lambda e: (-e.deal.amount, e.deal.id))[:n]


def list_entries(ids: Iterable[int], index: dict[int, DealFacts], stage: dict[int, str]
                 ) -> list[ListEntry]:
    return [ListEntry(d, stage.get(d.stage_id, "")) for i in ids
            if (d := index.get(i)) is not None]


def reason_lines(entries: list[ListEntry], reasons: Mapping[int, tuple[str, str]]
                 ) -> list[ReasonLine]:
    """The week's won (or lost) deals by kept reason (``reasons``: id → (label, category)),
    the biggest value first (then the most deals, then by label); deals without a reason in
    one line labelled ""."""
    acc: dict[int | None, list[int]] = {}
    for e in entries:
        rid = e.reason_id if e.reason_id in reasons else None
        a = acc.setdefault(rid, [0, 0])
        a[0] += 1
        a[1] += e.deal.amount
    out = [ReasonLine(reasons[rid][0] if rid is not None else "",
                      reasons[rid][1] if rid is not None else "", n, amount)
           for rid, (n, amount) in acc.items()]
    return sorted(out, key=lambda r: (-r.amount, -r.count, r.label == "", r.label))


def forecast_bands(data: FunnelData, day: date, months: list[str]
           ) -> dict[str, tuple[int, int, int]]:
    """P10 / P50 / P90 of revenue per month from simulating the open deals that are not
    overdue on ``day`` (overdue deals are shown apart, as in the table)."""
    current = [d for d in data.deals if d.expected_close is None or d.expected_close >= day]
    band = forecast_band(FunnelData(data.stages, current, []), day, runs=BAND_RUNS,
                         seed=0, horizon_months=len(months))
    out = {}
    for m in months:
        b = band.bucket(m)
        if b is not None:
            out[m] = (b.p10, b.p50, b.p90)
    return out


