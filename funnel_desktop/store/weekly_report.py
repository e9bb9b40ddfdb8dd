"""Gathering the weekly report from the database (:func:`gather`): the deals touched since the
report's earliest period, as they stood when the week is looked at, into the plain values of
``core.weekly_report``."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from datetime import date, datetime

from peewee import fn

from ..core.batches import chunks
from ..core.dates import add_months, month_key, period_of
from ..core.history import as_of
from ..core.metrics import forecast_by_month, open_totals
from ..core.targets import calendar_progress
from ..core.values import DealFacts, FunnelData, Period, Segment, StageKind
from ..core.weekly import key_figures, previous_week, week_as_of, week_changes
from ..core.weekly_report import (
    DealLine,
    DealList,
    FunnelRow,
    ListEntry,
    MonthLine,
    ReportScope,
    WeeklyReportData,
    forecast_bands,
    list_entries,
    reason_lines,
    top_entries,
    window_start,
)
from .analytics_queries import target_rows, target_scope
from .health_inputs import health_check, won_between
from .models import Activity, Customer, Deal, Owner, Reason, WeeklyNote, utcnow
from .queries import (
    field_reader,
    get_setting,
    health_thresholds,
    in_ids,
    load_changes,
    load_funnel,
    segment_where,
    stages_of,
)


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
    won = list_entries(wc.won, index, stage_name)
    lost = list_entries(wc.lost, index, stage_name)
    closing = _close_reasons([e.deal.id for e in won + lost])
    for e in won + lost:
        e.reason_id = closing.get(e.deal.id, (None, ""))[0]
    moves: dict[bool, list[ListEntry]] = {True: [], False: []}
    for m_list, forward in ((wc.forward, True), (wc.back, False)):
        for m in m_list:
            d = index.get(m.deal_id)
            if d is not None:
                moves[forward].append(ListEntry(d, stage_name.get(m.to_stage, ""),
                                             stage_name.get(m.from_stage, ""), forward))
    slipped = [ListEntry(d, stage_name.get(d.stage_id, ""), f"{c.old} → {c.new}")
               for c in wc.slipped if (d := index.get(c.deal_id)) is not None]
    lists = {"won": won, "lost": lost, "new": list_entries(wc.added, index, stage_name),
             "forward": moves[True], "back": moves[False], "slipped": slipped}
    shown = {key: top_entries(entries) for key, entries in lists.items()}
    reasons = {int(i): (label or "", category or "") for i, label, category in
               Reason.select(Reason.id, Reason.label, Reason.category).tuples()}
    names = _names(e.deal for entries in shown.values() for e in entries)

    def deal_list(key: str) -> DealList:
        lines = []
        for e in shown[key]:
            d = e.deal
            r = reasons.get(e.reason_id) if e.reason_id is not None else None
            lines.append(DealLine(
                d.id, d.title, names["customer"].get(d.customer_id or 0, ""),
                names["owner"].get(d.owner_id or 0, ""), d.amount, e.stage,
                (r[0] if r else "") if key in ("won", "lost") else e.detail,
                r[1] if r else "",
                closing.get(d.id, (None, ""))[1] if key in ("won", "lost") else "",
                e.forward))
        return DealList(lines, len(lists[key]), sum(e.deal.amount for e in lists[key]))

    # forecast: the as-of day's month and the next two, weighted open value by expected
    # close month, overdue apart (metrics.forecast_by_month, as the metrics command shows it)
    months = [month_key(add_months(look.day, i)) for i in range(3)]
    forecast_all = forecast_by_month(then, Period(look.day, look.day), look.day)
    by_month = {m.month: m for m in forecast_all.months}
    bands = forecast_bands(then, look.day, months) if band else {}
    forecast = [MonthLine(m, by_month[m].weighted if m in by_month else 0,
                          by_month[m].open_amount if m in by_month else 0,
                          *bands.get(m, (None,) * 3)) for m in months]

    # targets: as the Analytics page and the coverage finding read them
    targets = []
    kind, team_id, owner_id = target_scope(segment)
    open_amount = sum(t.amount for t in totals)
    weighted = sum(t.weighted for t in totals)
    for label in ("month", "quarter"):  # core.targets: one rule for every surface
        p = period_of(label, look.day)
        targets.append(calendar_progress(
            label, look.day, target_rows(p.start, p.end, scope=kind, team_id=team_id,
                                         owner_id=owner_id),
            won_between(then, Period(p.start, look.day)), open_amount=open_amount,
            weighted=weighted))

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


def _close_reasons(ids: list[int]) -> dict[int, tuple[int | None, str]]:
    """deal id → (kept reason id, close note)."""
    out: dict[int, tuple[int | None, str]] = {}
    for chunk in chunks(sorted(set(ids)), 20_000):  # ids in the text: no bound values
        q = Deal.select(Deal.id, Deal.close_reason, Deal.close_note).where(
            in_ids(Deal.id, chunk))
        for did, rid, note in Deal._meta.database.execute(q):  # the driver's tuples
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
