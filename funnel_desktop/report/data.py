"""Everything the weekly report shows, gathered as plain values (no text, no Qt)."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime

from peewee import fn

from ..core.batches import chunks
from ..core.dates import add_months, month_key, period_of
from ..core.health import Finding
from ..core.history import as_of
from ..core.metrics import forecast_by_month, open_totals
from ..core.periods import health_period
from ..core.simulation import forecast_band
from ..core.values import DealFacts, FunnelData, Period, Segment, StageKind
from ..core.weekly import (
    AsOf,
    KeyFigures,
    key_figures,
    previous_week,
    week_as_of,
    week_changes,
)
from ..store.analytics_queries import target_scope
from ..store.health_inputs import health_check, period_target, won_between
from ..store.models import Activity, Customer, Deal, Owner, Reason, WeeklyNote, utcnow
from ..store.queries import (
    field_reader,
    get_setting,
    health_thresholds,
    load_changes,
    load_funnel,
    segment_where,
    stages_of,
)
from .scope import ReportScope

BAND_RUNS = 2000
LIST_TOP = 15  # each list of the week shows its biggest deals; one row counts the rest


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


@dataclass(frozen=True, slots=True)
class TargetLine:
    label: str  # "month" / "quarter"
    period: Period
    target: int | None
    won: int
    open_amount: int
    weighted: int

    @property
    def progress(self) -> float | None:
        return self.won / self.target if self.target else None

    @property
    def coverage(self) -> float | None:
        missing = (self.target or 0) - self.won
        return self.open_amount / missing if self.target and missing > 0 else None


@dataclass(slots=True)
class WeeklyReportData:
    business: str
    scope: ReportScope
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
    targets: list[TargetLine]
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
class _Entry:
    """A deal of a list before it is chosen to be shown: the deal as it stood when the week
    is looked at and what the list says about it."""

    deal: DealFacts
    stage: str = ""
    detail: str = ""
    forward: bool = True
    reason_id: int | None = None


def top_entries(entries: list[_Entry], n: int = LIST_TOP) -> list[_Entry]:
    """The ``n`` biggest by value; on a tie the oldest deal (smallest id) first, then the
    list's own order (a deal moved twice keeps its moves in order)."""
    return sorted(entries, key=lambda e: (-e.deal.amount, e.deal.id))[:n]


def _entries(ids: Iterable[int], index: dict[int, DealFacts], stage: dict[int, str]
             ) -> list[_Entry]:
    return [_Entry(d, stage.get(d.stage_id, "")) for i in ids
            if (d := index.get(i)) is not None]


def gather(pipeline_id: int, week: Period, scope: ReportScope, *, week_label: str,
           now: datetime | None = None, today: date | None = None,
           printed: datetime | None = None, band: bool = True, full: bool = False
           ) -> WeeklyReportData:
    """Collect the report for ``week``: while the week runs, the pipeline as it stands now
    (the database as it is; ``now``, naive UTC, is when — default the clock) with overdue,
    idle and close dates judged on ``today`` (default the local date), exactly what the
    Health panel and the commands see; a past week as it stood at its end
    (:func:`core.weekly.week_as_of`). ``printed``: the local time the report was printed
    (default the local clock).

    Only the deals touched since :func:`window_start` are read (the others were closed
    before it and never changed since, so no number of the report can see them); ``full``
    reads every deal — the same report, slower (the check that the window loses nothing)."""
    look = week_as_of(week, now or utcnow(), today or date.today())
    stages = stages_of(pipeline_id)
    segment = scope.segment()
    since = None if full else window_start(week, look.day)
    data = load_funnel(pipeline_id, segment, since=since)
    changes = load_changes(pipeline_id, since=since)
    if look.running:  # the pipeline as it stands: what the database holds now
        then = data
    else:
        then = as_of(data, changes, look.moment)
        if then is not data:
            then = _activities_as_of(then, data, look.moment)
    deal_count = (len(then.deals) if full else _deals_created_by(
        pipeline_id, segment, None if look.running else look.moment))

    # one set of deals for each list and its key figure
    wc = week_changes(then, changes, week)
    this = key_figures(data, changes, week, then=then, changed=wc)
    last = key_figures(data, changes, previous_week(week))

    thresholds, bad = health_thresholds()
    if bad is not None:
        raise bad
    # the funnel's conversion column is the cohort the health findings judge
    health = health_check(pipeline_id, segment, then, look.day, thresholds=thresholds)
    conv = health.conversion
    totals, _, _, _ = open_totals(then)
    step = {s.from_stage: s for s in conv.steps}
    by_stage = {t.stage_id: t for t in totals}
    funnel = []
    for s in stages:
        if s.kind != StageKind.OPEN:
            continue
        t = by_stage.get(s.id)
        funnel.append(FunnelRow(s.id, s.name, s.probability, t.count if t else 0,
                                t.amount if t else 0, t.weighted if t else 0,
                                conv.reached.get(s.id, 0),
                                step[s.id].rate if s.id in step else None))

    index = {d.id: d for d in then.deals}
    stage_name = {s.id: s.name for s in stages}
    won = _entries(wc.won, index, stage_name)
    lost = _entries(wc.lost, index, stage_name)
    closing = _close_reasons([e.deal.id for e in won + lost])
    for e in won + lost:
        e.reason_id = closing.get(e.deal.id, (None, ""))[0]
    moves: dict[bool, list[_Entry]] = {True: [], False: []}
    for m_list, forward in ((wc.forward, True), (wc.back, False)):
        for m in m_list:
            d = index.get(m.deal_id)
            if d is not None:
                moves[forward].append(_Entry(d, stage_name.get(m.to_stage, ""),
                                             stage_name.get(m.from_stage, ""), forward))
    slipped = [_Entry(d, stage_name.get(d.stage_id, ""), f"{c.old} → {c.new}")
               for c in wc.slipped if (d := index.get(c.deal_id)) is not None]
    lists = {"won": won, "lost": lost, "new": _entries(wc.added, index, stage_name),
             "forward": moves[True], "back": moves[False], "slipped": slipped}
    shown = {key: top_entries(entries) for key, entries in lists.items()}
    reasons = {r.id: r for r in Reason.select()}
    names = _names(e.deal for entries in shown.values() for e in entries)

    def deal_list(key: str) -> DealList:
        lines = []
        for e in shown[key]:
            d = e.deal
            r = reasons.get(e.reason_id) if e.reason_id is not None else None
            lines.append(DealLine(
                d.id, d.title, names["customer"].get(d.customer_id or 0, ""),
                names["owner"].get(d.owner_id or 0, ""), d.amount, e.stage,
                (r.label if r else "") if key in ("won", "lost") else e.detail,
                r.category if r else "",
                closing.get(d.id, (None, ""))[1] if key in ("won", "lost") else "",
                e.forward))
        return DealList(lines, len(lists[key]), sum(e.deal.amount for e in lists[key]))

    # forecast: the as-of day's month and the next two, weighted open value by expected
    # close month, overdue apart (metrics.forecast_by_month, as the metrics command shows it)
    months = [month_key(add_months(look.day, i)) for i in range(3)]
    forecast_all = forecast_by_month(then, Period(look.day, look.day), look.day)
    by_month = {m.month: m for m in forecast_all.months}
    bands = _bands(then, look.day, months) if band else {}
    forecast = [MonthLine(m, by_month[m].weighted if m in by_month else 0,
                          by_month[m].open_amount if m in by_month else 0,
                          *bands.get(m, (None,) * 3)) for m in months]

    # targets: as the Analytics page and the coverage finding read them
    targets = []
    scope_of_target = target_scope(segment)
    open_amount = sum(t.amount for t in totals)
    weighted = sum(t.weighted for t in totals)
    for label in ("month", "quarter"):
        p = period_of(label, look.day)
        targets.append(TargetLine(label, p, period_target(p, scope_of_target),
                                  won_between(then, Period(p.start, look.day)), open_amount,
                                  weighted))

    note = WeeklyNote.get_or_none((WeeklyNote.week == week_label)
                                  & (WeeklyNote.scope == scope.key))
    return WeeklyReportData(
        business=str(get_setting("business_name", "") or ""), scope=scope,
        pipeline=_pipeline_name(pipeline_id), week=week, week_label=week_label,
        printed=printed or datetime.now(), as_of=look, this=this, last=last, funnel=funnel,
        overall_conversion=conv.overall, cohort_won=conv.reached.get(conv.chain[-1], 0)
        if conv.chain else 0, cohort_size=conv.reached.get(conv.chain[0], 0) if conv.chain
        else 0, conversion_period=health.period,
        won=deal_list("won"), lost=deal_list("lost"), new=deal_list("new"),
        forward=deal_list("forward"), back=deal_list("back"), slipped=deal_list("slipped"),
        won_reasons=reason_lines(won, reasons), lost_reasons=reason_lines(lost, reasons),
        overdue=MonthLine("overdue", forecast_all.overdue_weighted,
                          forecast_all.overdue_amount),
        forecast=forecast, targets=targets,
        findings=health.findings if deal_count else [], health_target=health.target,
        notes=note.text if note else "", stage_names={st.id: st.name for st in stages},
        deal_count=deal_count)


def reason_lines(entries: list[_Entry], reasons: dict[int, Reason]) -> list[ReasonLine]:
    """The week's won (or lost) deals by kept reason, the biggest value first (then the most
    deals, then by label); deals without a reason in one line labelled ""."""
    acc: dict[int | None, list[int]] = {}
    for e in entries:
        rid = e.reason_id if e.reason_id in reasons else None
        a = acc.setdefault(rid, [0, 0])
        a[0] += 1
        a[1] += e.deal.amount
    out = [ReasonLine(reasons[rid].label if rid is not None else "",
                      reasons[rid].category if rid is not None else "", n, amount)
           for rid, (n, amount) in acc.items()]
    return sorted(out, key=lambda r: (-r.amount, -r.count, r.label == "", r.label))


def _close_reasons(ids: list[int]) -> dict[int, tuple[int | None, str]]:
    """deal id → (kept reason id, close note)."""
    out: dict[int, tuple[int | None, str]] = {}
    for chunk in chunks(sorted(set(ids)), 900):  # SQLite's limit of bound values, with room
        for did, rid, note in Deal.select(Deal.id, Deal.close_reason, Deal.close_note).where(
                Deal.id.in_(chunk)).tuples():
            out[did] = (rid, note or "")
    return out


def _names(deals: Iterable[DealFacts]) -> dict[str, dict[int, str]]:
    """The names of the customers and owners of ``deals``."""
    deals = list(deals)
    customers = sorted({d.customer_id for d in deals if d.customer_id is not None})
    owners = sorted({d.owner_id for d in deals if d.owner_id is not None})
    return {"customer": dict(Customer.select(Customer.id, Customer.name)
                             .where(Customer.id.in_(customers)).tuples()) if customers else {},
            "owner": dict(Owner.select(Owner.id, Owner.name)
                          .where(Owner.id.in_(owners)).tuples()) if owners else {}}


def _deals_created_by(pipeline_id: int, segment: Segment, moment: datetime | None) -> int:
    """How many of the pipeline's deals in the segment had been created by ``moment`` (None:
    all of them; the report is empty without any; an SQL count, as the window leaves old
    deals unread)."""
    where = Deal.pipeline == pipeline_id
    if moment is not None:
        where &= Deal.created_at <= moment
    extra = segment_where(segment)
    if extra is not None:
        where &= extra
    return Deal.select(fn.COUNT(Deal.id)).where(where).scalar() or 0


def _pipeline_name(pipeline_id: int) -> str:
    from ..store.models import Pipeline

    p = Pipeline.get_or_none(Pipeline.id == pipeline_id)
    return p.name if p else ""


def _bands(data: FunnelData, day: date, months: list[str]
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


def _activities_as_of(then: FunnelData, data: FunnelData, moment: datetime) -> FunnelData:
    """``then`` with each deal's last activity as it stood at ``moment``: a deal whose latest
    activity came later gets its latest one up to ``moment`` (read from the activities), so
    that the idle deals of a past week are judged as they were then."""
    later = [d.id for d in data.deals
             if d.last_activity is not None and d.last_activity > moment and d.created <= moment]
    if not later:
        return then
    last: dict[int, datetime] = {}
    read = field_reader(Activity.created_at)
    for chunk in chunks(later, 900):  # SQLite's limit of bound values, with room
        q = (Activity.select(Activity.deal, fn.MAX(Activity.created_at))
             .where(Activity.deal.in_(chunk) & (Activity.created_at <= moment))
             .group_by(Activity.deal).tuples())
        for did, at in q:
            if at is not None:
                last[int(did)] = read(at)
    if not last:
        return then
    deals = [dataclasses.replace(d, last_activity=last[d.id]) if d.id in last else d
             for d in then.deals]
    return FunnelData(then.stages, deals, then.visits)
