"""Everything the weekly report shows, gathered as plain values (no text, no Qt)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta

from ..core.conversion import stage_conversion
from ..core.dates import add_months, month_key, period_of
from ..core.health import Finding, HealthThresholds, diagnose
from ..core.history import as_of
from ..core.metrics import compute, effective_probability, open_totals
from ..core.simulation import forecast_band
from ..core.values import DealFacts, FunnelData, Period, StageKind
from ..core.weekly import KeyFigures, key_figures, previous_week, week_changes, week_end_moment
from ..store.analytics_queries import activity_counts, decision_maker_customers
from ..store.models import Customer, Deal, Owner, Reason, WeeklyNote
from ..store.queries import get_setting, load_changes, load_funnel, stages_of, target_for
from .scope import ReportScope

BAND_RUNS = 2000
CONVERSION_WEEKS = 13  # the conversion table looks at deals created in the last quarter


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
    won: list[DealLine]
    lost: list[DealLine]
    new: list[DealLine]
    moves: list[DealLine]
    slipped: list[DealLine]
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


def _lines(ids: list[int], data: FunnelData, names: dict[str, dict[int, str]],
           detail: dict[int, str] | None = None,
           by_id: dict[int, DealFacts] | None = None) -> list[DealLine]:
    if by_id is None:
        by_id = {d.id: d for d in data.deals}
    stage = {s.id: s.name for s in data.stages}
    out = []
    for i in ids:
        d = by_id.get(i)
        if d is None:
            continue
        out.append(DealLine(i, d.title, names["customer"].get(d.customer_id or 0, ""),
                            names["owner"].get(d.owner_id or 0, ""), d.amount,
                            stage.get(d.stage_id, ""), (detail or {}).get(i, "")))
    return out


def gather(pipeline_id: int, week: Period, scope: ReportScope, *, week_label: str,
           printed: datetime | None = None, band: bool = True) -> WeeklyReportData:
    """Collect the report for ``week`` (the pipeline as it stood at the week's end)."""
    stages = stages_of(pipeline_id)
    data = load_funnel(pipeline_id, scope.segment())
    changes = load_changes(pipeline_id)
    end = week_end_moment(week)
    then = as_of(data, changes, end)
    db = Customer._meta.database
    names = {"customer": dict(db.execute(Customer.select(Customer.id, Customer.name))),
             "owner": dict(db.execute(Owner.select(Owner.id, Owner.name)))}

    this = key_figures(data, changes, week, then=then)
    last = key_figures(data, changes, previous_week(week))

    totals, _, _, _ = open_totals(then)
    conv_period = Period(week.end - timedelta(weeks=CONVERSION_WEEKS) + timedelta(days=1),
                         week.end)
    cohort = [d for d in then.deals if conv_period.contains(d.created)]
    ids = {d.id for d in cohort}
    conv = stage_conversion(stages, cohort, [v for v in then.visits if v.deal_id in ids])
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
    won_lines = _closed_lines(wc.won, then, names, index)
    lost_lines = _closed_lines(wc.lost, then, names, index)
    stage_name = {s.id: s.name for s in stages}
    moves = []
    for m_list, forward in ((wc.forward, True), (wc.back, False)):
        for m in m_list:
            for line in _lines([m.deal_id], then, names, by_id=index):
                moves.append(DealLine(line.deal_id, line.title, line.customer, line.owner,
                                      line.amount, stage_name.get(m.to_stage, ""),
                                      stage_name.get(m.from_stage, ""), forward=forward))
    slipped = []
    for c in wc.slipped:
        for line in _lines([c.deal_id], then, names, by_id=index):
            slipped.append(DealLine(line.deal_id, line.title, line.customer, line.owner,
                                    line.amount, line.stage, f"{c.old} → {c.new}"))

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
        won = sum(d.amount for d in won_deals
                  if p.contains(d.closed) and d.closed <= end) if then.deals else 0
        targets.append(TargetLine(label, p, target_for(p.start, p.end, team_id, owner_id), won,
                                  open_amount, weighted))

    findings = _findings(pipeline_id, scope, then, week, targets) if then.deals else []
    note = WeeklyNote.get_or_none((WeeklyNote.week == week_label)
                                  & (WeeklyNote.scope == scope.key))
    return WeeklyReportData(
        business=str(get_setting("business_name", "") or ""), scope=scope,
        pipeline=_pipeline_name(pipeline_id), week=week, week_label=week_label,
        printed=printed or datetime.now(), this=this, last=last, funnel=funnel,
        overall_conversion=conv.overall, conversion_period=conv_period,
        won=won_lines, lost=lost_lines,
        new=_lines(wc.added, then, names, by_id=index), moves=moves, slipped=slipped,
        overdue=MonthLine("overdue", (overdue[0] + 50) // 100, overdue[1]),
        forecast=forecast, targets=targets, findings=findings,
        notes=note.text if note else "", stage_names={st.id: st.name for st in stages},
        deal_count=len(then.deals))


def _closed_lines(ids: list[int], data: FunnelData, names: dict[str, dict[int, str]],
                  index: dict[int, DealFacts] | None = None) -> list[DealLine]:
    """Won or lost deals with their kept reason, its category and the note."""
    rows = {d.id: (d.close_reason_id, d.close_note) for d in Deal.select(
        Deal.id, Deal.close_reason, Deal.close_note).where(Deal.id.in_(ids))} if ids else {}
    reasons = {r.id: r for r in Reason.select()}
    out = []
    for line in _lines(ids, data, names, by_id=index):
        rid, note = rows.get(line.deal_id, (None, ""))
        r = reasons.get(rid)
        out.append(DealLine(line.deal_id, line.title, line.customer, line.owner, line.amount,
                            line.stage, r.label if r else "", r.category if r else "",
                            note or ""))
    return out


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
    """Health findings for the pipeline as it stood at the week's end."""
    period = Period(week.end - timedelta(days=89), week.end)
    metrics = compute(then, period, week.end)
    quarter = next((t for t in targets if t.label == "quarter"), None)
    thresholds = HealthThresholds.from_dict(get_setting("health_thresholds", {}) or {})
    return diagnose(then, metrics, week.end,
                    activity_counts=activity_counts(pipeline_id, period, scope.segment()),
                    decision_customers=decision_maker_customers(),
                    target=quarter.target if quarter else None,
                    won_so_far=quarter.won if quarter else None, thresholds=thresholds)

