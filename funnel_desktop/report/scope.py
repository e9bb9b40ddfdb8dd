"""Who a report is about: the whole business, one team or one owner."""

from __future__ import annotations

from ..core.errors import ValidationError
from ..core.weekly_report import ReportScope
from ..store.models import Owner, Team

__all__ = ["ReportScope", "resolve_scope"]


def resolve_scope(team: str | None = None, owner: str | None = None) -> ReportScope:
    """A scope from a team or owner name (or id); the whole business when neither."""
    if team:
        row = Team.get_or_none(Team.name == team) or (
            Team.get_or_none(Team.id == int(team)) if team.isdigit() else None)
        if row is None:
            raise ValidationError("team_unknown", "team", value=team)
        return ReportScope("team", row.id, row.name)
    if owner:
        row = Owner.get_or_none(Owner.name == owner) or (
            Owner.get_or_none(Owner.id == int(owner)) if owner.isdigit() else None)
        if row is None:
            raise ValidationError("owner_unknown", "owner", value=owner)
        return ReportScope("owner", row.id, row.name)
    return ReportScope()
