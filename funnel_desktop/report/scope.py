"""Who a report is about: the whole business, one team or one owner."""

from __future__ import annotations

from dataclasses import dataclass

from ..core.errors import ValidationError
from ..core.values import Segment
from ..store.kept_lists import find


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
        row = find("team", team)
        if row is None:
            raise ValidationError("team_unknown", "team", value=team)
        return ReportScope("team", *row)
    if owner:
        row = find("owner", owner)
        if row is None:
            raise ValidationError("owner_unknown", "owner", value=owner)
        return ReportScope("owner", *row)
    return ReportScope()
