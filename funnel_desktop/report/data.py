"""Everything the weekly report shows, gathered as plain values (no text, no Qt)."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from peewee import fn

from ..core.batches import chunks
from ..core.conversion import Conversion, stage_conversion, visited_stages
from ..core.dates import add_months, month_key, period_of
from ..core.health import Finding, diagnose, is_thin, open_deals
from ..core.history import as_of
from ..core.metrics import compute, effective_probability, open_totals
from ..core.simulation import forecast_band
from ..core.values import DealFacts, FunnelData, Period, Segment, StageKind, within
from ..core.weekly import (
    KeyFigures,
    key_figures,
    previous_week,
    week_changes,
    week_end_moment,
)
from ..store.analytics_queries import activity_counts, decision_maker_customers
from ..store.models import Customer, Deal, Owner, Reason, WeeklyNote
from ..store.queries import (
    get_setting,
    health_thresholds,
    load_changes,
    load_funnel,
    segment_where,
    stages_of,
    target_for,
)
from .scope import ReportScope

BAND_RUNS = 2000
CONVERSION_WEEKS = 13  # the conversion table looks at deals created in the last quarter
HEALTH_DAYS = 90  # the health findings judge conversion and activity over this many days
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
    printed: datetime
    this: KeyFigures
    last: KeyFigures
    funnel: list[FunnelRow]
    overall_conversion: float | None
    conversion_period: Period
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
    notes: str = ""
    stage_names: dict[int, str] = field(default_factory=dict)
    deal_count: int = 0

    @property
    def empty(self) -> bool:
        return self.deal_count == 0


def conversion_period(week: Period) -> Period:
    """The cohort of the funnel's conversion column: deals created in the last 13 weeks."""
    return Period(week.end - timedelta(weeks=CONVERSION_WEEKS) + timedelta(days=1), week.end)


def health_period(week: Period) -> Period:
    """The period the health findings judge conversion and activity over."""
    return Period(week.end - timedelta(days=HEALTH_DAYS - 1), week.end)


def window_start(week: Period) -> datetime:
    """The earliest moment any number of the week's report looks at: last week's start (its
    key figures), the conversion and health cohorts' starts, the month's and quarter's
    starts (target progress). Everything else is about moments inside the window: the
    pipeline at this and last week's end, the forecast and its band (deals open then)."""
    first = min(previous_week(week).start, conversion_period(week).start,
                health_period(week).start, period_of("quarter", week.end).start,
                period_of("month", week.end).start)
    return datetime(first.year, first.month, first.day)


@dataclass(slots=True)
class _Entry:
    """A deal of a list before it is chosen to be shown: the deal as it stood at the week's
    end and what the list says about it."""

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
           printed: datetime | None = None, band: bool = True, full: bool = False
           ) -> WeeklyReportData:
    """Collect the report for ``week`` (the pipeline as it stood at the week's end).

    Only the deals touched since :func:`window_start` are read (the others were closed
    before it and never changed since, so no number of the report can see them); ``full``
    reads every deal — the same report, slower (the check that the window loses nothing)."""
    stages = stages_of(pipeline_id)
    segment = scope.segment()
    since = None if full else window_start(week)
    data = load_funnel(pipeline_id, segment, since=since)
    changes = load_changes(pipeline_id, since=since)
    end = week_end_moment(week)
    then = as_of(data, changes, end)
    deal_count = len(then.deals) if full else _deals_created_by(pipeline_id, segment, end)

    this = key_figures(data, changes, week, then=then)
    last = key_figures(data, changes, previous_week(week))

    totals, _, _, _ = open_totals(then)
    conv_period = conversion_period(week)
    conv = cohort_conversion(then, conv_period)
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

    wc = week_changes(then, changes, week)
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

    # forecast: the week's month and the next two, weighted open value by expected close
    kind = {s.id: s for s in stages}
    first = add_months(week.end, 0)
    months = [month_key(add_months(first, i)) for i in range(3)]
    acc = {m: [0, 0] for m in months}
    overdue = [0, 0]
    for d in then.deals:
        s = kind.get(d.stage_id)
        if s is None or s.kind != StageKind.OPEN or d.expected_close is None:
            continue
        wp = d.amount * effective_probability(d, s)
        if d.expected_close < week.end:
            overdue[0] += wp
            overdue[1] += d.amount
        elif month_key(d.expected_close) in acc:
            acc[month_key(d.expected_close)][0] += wp
            acc[month_key(d.expected_close)][1] += d.amount
    bands = _bands(then, week, months) if band else {}
    forecast = [MonthLine(m, (acc[m][0] + 50) // 100, acc[m][1], *bands.get(m, (None,) * 3))
                for m in months]

    targets = []
    team_id = scope.id if scope.kind == "team" else None
    owner_id = scope.id if scope.kind == "owner" else None
    open_amount = sum(t.amount for t in totals)
    weighted = sum(t.weighted for t in totals)
    won_deals = [d for d in then.deals if kind[d.stage_id].kind == StageKind.WON]
    for label, kind_name in (("month", "month"), ("quarter", "quarter")):
        p = period_of(kind_name, week.end)
        inside = within(p)
        won_amount = sum(d.amount for d in won_deals if inside(d.closed) and d.closed <= end)
        targets.append(TargetLine(label, p, target_for(p.start, p.end, team_id, owner_id),
                                  won_amount, open_amount, weighted))

    findings = _findings(pipeline_id, scope, then, week, targets) if deal_count else []
    note = WeeklyNote.get_or_none((WeeklyNote.week == week_label)
                                  & (WeeklyNote.scope == scope.key))
    return WeeklyReportData(
        business=str(get_setting("business_name", "") or ""), scope=scope,
        pipeline=_pipeline_name(pipeline_id), week=week, week_label=week_label,
        printed=printed or datetime.now(), this=this, last=last, funnel=funnel,
        overall_conversion=conv.overall, conversion_period=conv_period,
        won=deal_list("won"), lost=deal_list("lost"), new=deal_list("new"),
        forward=deal_list("forward"), back=deal_list("back"), slipped=deal_list("slipped"),
        won_reasons=reason_lines(won, reasons), lost_reasons=reason_lines(lost, reasons),
        overdue=MonthLine("overdue", (overdue[0] + 50) // 100, overdue[1]),
        forecast=forecast, targets=targets, findings=findings,
        notes=note.text if note else "", stage_names={st.id: st.name for st in stages},
        deal_count=deal_count)


def cohort_conversion(data: FunnelData, period: Period) -> Conversion:
    """Stage conversion of the deals created in ``period``, as ``metrics.compute`` counts
    it."""
    inside = within(period)
    cohort = [d for d in data.deals if inside(d.created)]
    return stage_conversion(data.stages, cohort,
                            visited_stages(data.visits, {d.id for d in cohort}))


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


def _deals_created_by(pipeline_id: int, segment: Segment, moment: datetime) -> int:
    """How many of the pipeline's deals in the segment had been created by ``moment`` (the
    report is empty without any; an SQL count, as the window leaves old deals unread)."""
    where = (Deal.pipeline == pipeline_id) & (Deal.created_at <= moment)
    extra = segment_where(segment)
    if extra is not None:
        where &= extra
    return Deal.select(fn.COUNT(Deal.id)).where(where).scalar() or 0


def _pipeline_name(pipeline_id: int) -> str:
    from ..store.models import Pipeline

    p = Pipeline.get_or_none(Pipeline.id == pipeline_id)
    return p.name if p else ""


def _bands(data: FunnelData, week: Period, months: list[str]
           ) -> dict[str, tuple[int, int, int]]:
    """P10 / P50 / P90 of revenue per month from simulating the open deals that are not
    overdue (overdue deals are shown apart, as in the table)."""
    current = [d for d in data.deals
               if d.expected_close is None or d.expected_close >= week.end]
    band = forecast_band(FunnelData(data.stages, current, []), week.end, runs=BAND_RUNS,
                         seed=0, horizon_months=len(months))
    out = {}
    for m in months:
        b = band.bucket(m)
        if b is not None:
            out[m] = (b.p10, b.p50, b.p90)
    return out


def _findings(pipeline_id: int, scope: ReportScope, then: FunnelData, week: Period,
              targets: list[TargetLine]) -> list[Finding]:
    """Health findings for the pipeline as it stood at the week's end.

    Of the period's metrics ``diagnose`` reads only the conversion of the deals created in
    the period (the quarter's won amount is given as "won so far"), so only that is computed
    (as :func:`core.metrics.compute` does), not the time in stage of every stay. The
    activities are counted only when the "busy but thin" rule can fire at all."""
    period = health_period(week)
    metrics = dataclasses.replace(compute(FunnelData(then.stages, []), period, week.end),
                                  conversion=cohort_conversion(then, period))
    quarter = next((t for t in targets if t.label == "quarter"), None)
    thresholds, bad = health_thresholds()
    if bad is not None:
        raise bad
    counts = (activity_counts(pipeline_id, period, scope.segment())
              if is_thin(open_deals(then), then.stages, thresholds) else {})
    return diagnose(then, metrics, week.end, activity_counts=counts,
                    decision_customers=decision_maker_customers(),
                    target=quarter.target if quarter else None,
                    won_so_far=quarter.won if quarter else None, thresholds=thresholds)

