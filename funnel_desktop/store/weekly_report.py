"""Gathering the weekly report from the database (:func:`gather`): the deals touched since the
report's earliest period, as they stood when the week is looked at, into the plain values of
``core.weekly_report``."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from datetime import date, datetime, timedelta

from peewee import fn

from ..core.batches import chunks
from ..core.conversion import (
    Conversion,
    conversion_of_reached,
    funnel_chain,
    merged_conversion,
    stage_conversion,
    visited_stages,
)
from ..core.dates import add_months, month_key, period_of
from ..core.history import as_of
from ..core.metrics import forecast_by_month, open_totals
from ..core.periods import health_period
from ..core.targets import calendar_progress
from ..core.values import DealFacts, FunnelData, Period, Segment, StageInfo, StageKind, within
from ..core.weekly import key_figures, previous_week, week_as_of, week_changes
from ..core.weekly_report import (
    DealLine,
    DealList,
    FunnelRow,
    ListEntry,
    MonthLine,
    Scope,
    WeeklyReportData,
    forecast_bands,
    list_entries,
    reason_lines,
    top_entries,
    window_start,
)
from .analytics_queries import target_rows, target_scope
from .health_inputs import cohort_conversion, health_check, won_between
from .models import (
    Activity,
    Customer,
    Deal,
    Owner,
    Reason,
    Stage,
    StageHistory,
    WeeklyNote,
    utcnow,
)
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


def gather(pipeline_id: int, week: Period, scope: Scope, *, week_label: str,
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
    before it and never changed since, so no number of the report can see them); while the
    week runs, only those touched since last week began, and the two numbers that reach
    further back — the health cohort's conversion and what was won toward the month's and
    quarter's targets — add the older deals from aggregate reads. ``full`` reads every deal
    — the same report, slower (the check that the windows lose nothing)."""
    look = week_as_of(week, now or utcnow(), today or date.today())
    stages = stages_of(pipeline_id)
    segment = scope.segment()
    since = None if full else window_start(week, look.day)
    older: datetime | None = None  # the loaded deals start here; before it, aggregates
    if since is not None and look.running:
        recent = _start_of(previous_week(week).start)
        if recent > since:
            since = older = recent
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
    quarter = period_of("quarter", look.day)
    health = health_check(
        pipeline_id, segment, then, look.day, thresholds=thresholds,
        conversion=None if older is None else _cohort_conversion(
            pipeline_id, segment, then, health_period(look.day), older),
        won_so_far=None if older is None else _won_between(
            pipeline_id, segment, then, Period(quarter.start, look.day), older))
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
            _won_between(pipeline_id, segment, then, Period(p.start, look.day), older),
            open_amount=open_amount,
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


def _start_of(day: date) -> datetime:
    return datetime(day.year, day.month, day.day)


def _cohort_conversion(pipeline_id: int, segment: Segment | None, data: FunnelData,
                       period: Period, since: datetime) -> Conversion:
    """``health_inputs.cohort_conversion`` of every deal created in ``period`` when ``data``
    holds only the deals touched since ``since``: the loaded ones created from ``since`` on,
    the older part of the cohort counted from the database (:func:`_older_reached`), the
    reached counts added up."""
    start = _start_of(period.start)
    if start >= since:
        return cohort_conversion(data, period)
    inside = within(period)
    cohort = [d for d in data.deals if inside(d.created) and d.created >= since]
    loaded = stage_conversion(data.stages, cohort,
                              visited_stages(data.visits, {d.id for d in cohort}))
    stop = since if period.end >= since.date() else _start_of(period.end + timedelta(days=1))
    chain = [s.id for s in funnel_chain(data.stages)]
    older = conversion_of_reached(
        chain, _older_reached(pipeline_id, segment, data.stages, start, stop),
        any(s.kind == StageKind.WON for s in data.stages), False)
    return merged_conversion(data.stages, [loaded, older])


def _older_reached(pipeline_id: int, segment: Segment | None, stages: list[StageInfo],
                   start: datetime, stop: datetime) -> list[int]:
    """Reached counts along the funnel chain (the *reached* rule of
    ``core.conversion.stage_conversion``) of the deals created in [start, stop): each deal's
    furthest open stage — the furthest its stays visited, or the one it is in — or the won
    stage, read as one number per deal."""
    chain = funnel_chain(stages)
    at = {s.position: i for i, s in enumerate(chain) if s.kind == StageKind.OPEN}
    kind = {s.id: s.kind for s in stages}
    own = {s.id: s.position for s in stages if s.kind == StageKind.OPEN}
    h, st = StageHistory.alias(), Stage.alias()
    far = (h.select(fn.MAX(st.position)).join(st, on=(h.stage == st.id))
           .where((h.deal == Deal.id) & (st.kind == "open") & (st.pipeline == pipeline_id)))
    where = (Deal.pipeline == pipeline_id) & (Deal.created_at >= start) & (Deal.created_at < stop)
    extra = segment_where(segment) if segment else None
    if extra is not None:
        where &= extra
    top_n = [0] * len(chain)
    for stage_id, furthest in Deal._meta.database.execute(
            Deal.select(Deal.stage, far.alias("far")).where(where)):
        if kind.get(stage_id) == StageKind.WON:
            top_n[-1] += 1
            continue
        positions = [p for p in (furthest, own.get(stage_id)) if p is not None and p in at]
        if positions:
            top_n[at[max(positions)]] += 1
    reached, n = [0] * len(chain), 0
    for i in range(len(chain) - 1, -1, -1):
        n += top_n[i]
        reached[i] = n
    return reached


def _won_between(pipeline_id: int, segment: Segment | None, data: FunnelData,
                 period: Period, since: datetime | None) -> int:
    """``health_inputs.won_between`` of every deal when ``data`` holds only the deals
    touched since ``since`` (None: every deal that matters): the loaded wins from ``since``
    on, the older ones summed by the database."""
    start = _start_of(period.start)
    if since is None or start >= since:
        return won_between(data, period)
    won = {s.id for s in data.stages if s.kind == StageKind.WON}
    inside = within(period)
    recent = sum(d.amount for d in data.deals if d.stage_id in won and d.closed is not None
                 and d.closed >= since and inside(d.closed))
    if not won:
        return recent
    stop = min(since, _start_of(period.end + timedelta(days=1)))
    where = ((Deal.pipeline == pipeline_id) & Deal.stage.in_(sorted(won))
             & (Deal.closed_at >= start) & (Deal.closed_at < stop))
    extra = segment_where(segment) if segment else None
    if extra is not None:
        where &= extra
    return recent + int(Deal.select(fn.SUM(Deal.amount)).where(where).scalar() or 0)


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
