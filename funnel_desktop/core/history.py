"""The pipeline as it stood at a past moment, rebuilt from stage history and the change log."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from datetime import date, datetime
from typing import Any

from .values import DealFacts, FieldChange, FunnelData, StageKind, StageVisit

#: an edited field's stored text (DealChange.old/new) → its value
_CASTS: dict[str, Callable[[str | None], Any]] = {
    "amount": lambda s: int(s) if s not in (None, "") else 0,
    "probability": lambda s: int(s) if s not in (None, "") else None,
    "expected_close": lambda s: date.fromisoformat(s) if s else None,
    "owner": lambda s: int(s) if s not in (None, "") else None,
    "next_step": lambda s: s or "",
    "next_step_due": lambda s: date.fromisoformat(s[:10]) if s else None,
}


def as_of(data: FunnelData, changes: list[FieldChange], moment: datetime) -> FunnelData:
    """``data`` as it was at ``moment`` (naive UTC): later deals dropped, stages and edited
    fields (amount, probability, expected close, owner, next step and its due date) rolled
    back, later visits cut.

    When nothing in ``data`` or ``changes`` happened after ``moment`` (a look at the current
    week, the common case) ``data`` itself is the answer, decided by one scan of the moments.
    Otherwise deals and visits that nothing changes are shared with ``data`` (they are
    immutable), so a look at a recent moment costs little time and memory."""
    if not happened_after(data, changes, moment):
        return data
    return rebuild_as_of(data, changes, moment)


def happened_after(data: FunnelData, changes: list[FieldChange], moment: datetime) -> bool:
    """Whether a deal was created, closed, moved, edited or had an activity after ``moment``
    (or a stay began or ended after it). When not, :func:`rebuild_as_of` gives back ``data``
    itself, as the services keep each deal's stage, entry and close in step with its last
    stay."""
    if any(c.at > moment for c in changes):
        return True
    if any(d.created > moment or (d.closed is not None and d.closed > moment)
           or (d.stage_entered is not None and d.stage_entered > moment)
           or (d.last_activity is not None and d.last_activity > moment) for d in data.deals):
        return True
    return any(v.entered > moment or (v.left is not None and v.left > moment)
               for v in data.visits)


def rebuild_as_of(data: FunnelData, changes: list[FieldChange], moment: datetime) -> FunnelData:
    """:func:`as_of` without the shortcut: every stay and change looked at."""
    closing = {s.id for s in data.stages if s.kind in (StageKind.WON, StageKind.LOST)}
    by_deal: dict[int, list[StageVisit]] = {}
    latest: dict[int, StageVisit] = {}  # max(stays, key=_latest), the first on a tie
    for v in data.visits:
        if v.entered <= moment:
            if v.left is not None and not v.left <= moment:
                v = StageVisit(v.deal_id, v.stage_id, v.entered, None)
            stays = by_deal.get(v.deal_id)
            if stays is None:
                by_deal[v.deal_id] = [v]
                latest[v.deal_id] = v
            else:
                stays.append(v)
                b = latest[v.deal_id]
                if v.entered > b.entered or (v.entered == b.entered and v.left is None
                                             and b.left is not None):
                    latest[v.deal_id] = v
    later = sorted((c for c in changes if c.at > moment and c.field in _CASTS),
                   key=lambda c: c.at, reverse=True)
    first_later: dict[int, dict[str, FieldChange]] = defaultdict(dict)
    for c in later:
        first_later[c.deal_id][c.field] = c  # ends as the earliest change after moment
    deals = []
    for d in data.deals:
        if d.created > moment:
            continue
        current = latest.get(d.id)
        if current is not None:
            stage_id, entered = current.stage_id, current.entered
            closed = entered if stage_id in closing else None
        else:
            stage_id, entered = d.stage_id, None
            closed = d.closed if d.closed is not None and d.closed <= moment else None
        edits = first_later.get(d.id)
        last = d.last_activity
        if last is not None and last > moment:
            last = None
        if (not edits and stage_id == d.stage_id and closed == d.closed
                and entered == d.stage_entered and last == d.last_activity):
            deals.append(d)
            continue
        values: dict[str, Any] = {"amount": d.amount, "probability": d.probability,
                  "expected_close": d.expected_close, "owner": d.owner_id,
                  "next_step": d.next_step, "next_step_due": d.next_step_due}
        if edits:
            for f, c in edits.items():
                values[f] = _CASTS[f](c.old)
        deals.append(DealFacts(d.id, stage_id, values["amount"], d.created,
                               values["probability"], values["expected_close"], closed,
                               values["owner"], d.customer_id, d.title, last, entered,
                               values["next_step"], values["next_step_due"]))
    visits = [v for vs in by_deal.values() for v in vs]
    return FunnelData(data.stages, deals, visits)
