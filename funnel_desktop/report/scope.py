"""Who a report is about: the whole business, one team or one owner."""

from __future__ import annotations

from dataclasses import dataclass

from ..core.errors import ValidationError
from ..core.values import Segment
from ..store.models import Owner, Team


@dataclass(frozen=True, slots=True)
class ReportScope:
    kind: str = "all"  # all / team / owner
    id: int | None = None
    name: str = ""

    @property
    def key(self) -> str:
        """The key weekly notes are saved under: ``all``, ``team:3``, ``owner:7``."""
        return "all" if self.kind == "all" else f"{self.kind}:{self.id}"

    def segment(self) -> Segment:
        if self.kind == "team" and self.id is not None:
            return Segment(team_ids=(self.id,))
        if self.kind == "owner" and self.id is not None:
            return Segment(owner_ids=(self.id,))
        return Segment()


def resolve_scope(team: str | None = None, owner: str | None = None) -> ReportScope:
    """A scope from a team or owner name (or id); the whole business when neither."""
    if team:
        row = Team.get_or_none(Team.name == team) or (
            Team.get_or_none(Team.id == int(team)) if team.isdigit() else None)
        if row is None:
            raise ValidationError("team_unknown", "team", value=team)
        return ReportScope("team", row.id, row.name)
    if owner:
        person = Owner.get_or_none(Owner.name == owner) or (
            Owner.get_or_none(Owner.id == int(owner)) if owner.isdigit() else None)
        if person is None:
            raise ValidationError("owner_unknown", "owner", value=owner)
        return ReportScope("owner", person.id, person.name)
    return ReportScope()
