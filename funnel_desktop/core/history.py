"""The pipeline as it stood at a past moment, rebuilt from stage history and the change log."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import replace
from datetime import date, datetime

from .values import FieldChange, FunnelData, StageKind, StageVisit

_CASTS = {
    "amount": lambda s: int(s) if s not in (None, "") else 0,
    "probability": lambda s: int(s) if s not in (None, "") else None,
    "expected_close": lambda s: date.fromisoformat(s) if s else None,
    "owner": lambda s: int(s) if s not in (None, "") else None,
}
_FIELD_ATTR = {"amount": "amount", "probability": "probability",
               "expected_close": "expected_close", "owner": "owner_id"}


def as_of(data: FunnelData, changes: list[FieldChange], moment: datetime) -> FunnelData:
    """``data`` as it was at ``moment`` (naive UTC): later deals dropped, stages and edited
    fields (amount, probability, expected close, owner) rolled back, later visits cut."""
    kind = {s.id: s.kind for s in data.stages}
    by_deal: dict[int, list[StageVisit]] = defaultdict(list)
    for v in data.visits:
        if v.entered <= moment:
            left = v.left if v.left is not None and v.left <= moment else None
            by_deal[v.deal_id].append(StageVisit(v.deal_id, v.stage_id, v.entered, left))
    first_later: dict[tuple[int, str], FieldChange] = {}
    for c in sorted(changes, key=lambda c: c.at, reverse=True):
        if c.at > moment and c.field in _CASTS:
            first_later[(c.deal_id, c.field)] = c  # ends as the earliest change after moment
    deals = []
    for d in data.deals:
        if d.created > moment:
            continue
        stays = by_deal.get(d.id)
        # the latest stay; on a tie (times are whole seconds) the one not left by ``moment``
        current = max(stays, key=lambda v: (v.entered, v.left is None)) if stays else None
        stage_id = current.stage_id if current else d.stage_id
        closed = None
        if current is not None and kind.get(stage_id) in (StageKind.WON, StageKind.LOST):
            closed = current.entered
        elif current is None and d.closed is not None and d.closed <= moment:
            closed = d.closed
        updates: dict[str, object] = {"stage_id": stage_id, "closed": closed,
                                      "stage_entered": current.entered if current else None}
        for f, attr in _FIELD_ATTR.items():
            c = first_later.get((d.id, f))
            if c is not None:
                updates[attr] = _CASTS[f](c.old)
        if d.last_activity is not None and d.last_activity > moment:
            updates["last_activity"] = None
        deals.append(replace(d, **updates))
    visits = [v for vs in by_deal.values() for v in vs]
    return FunnelData(data.stages, deals, visits)
