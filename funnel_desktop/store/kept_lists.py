"""The kept lists as the screens show them: owners, teams, regions and sources to pick from,
won and lost reasons, and the rows of the lists editor. Plain values, by name unless said."""

from __future__ import annotations

from dataclasses import dataclass

from .models import NamedModel, Owner, Reason, Region, Source, Team

#: The lists of named things, by the key the screens use.
_NAMED: dict[str, NamedModel] = {
    "owner": Owner, "team": Team, "region": Region, "source": Source}


@dataclass(frozen=True, slots=True)
class ReasonItem:
    """A kept won or lost reason."""

    id: int
    kind: str
    category: str
    label: str
    active: bool


@dataclass(frozen=True, slots=True)
class OwnerItem:
    """A salesperson with their team and region (ids)."""

    id: int
    name: str
    team_id: int | None
    region_id: int | None
    active: bool


def names(kind: str) -> list[tuple[int, str]]:
    """(id, name) of every ``owner``, ``team``, ``region`` or ``source``, by name."""
    model = _NAMED[kind]
    return list(model.select(model.id, model.name).order_by(model.name).tuples())


def find(kind: str, name_or_id: str) -> tuple[int, str] | None:
    """(id, name) of the ``team`` or ``owner`` with this name, else with this id (digits)."""
    model = _NAMED[kind]
    row = model.get_or_none(model.name == name_or_id) or (
        model.get_or_none(model.id == int(name_or_id)) if name_or_id.isdigit() else None)
    return (row.id, row.name) if row is not None else None


def reasons(kind: str) -> list[ReasonItem]:
    """Every ``won`` or ``lost`` reason, in the kept order."""
    return [ReasonItem(r.id, r.kind, r.category, r.label, r.active)
            for r in Reason.select().where(Reason.kind == kind)
            .order_by(Reason.position, Reason.id)]


def active_reasons(kind: str) -> list[ReasonItem]:
    """The ``won`` or ``lost`` reasons still offered, by category, then in the kept order."""
    offered = (Reason.kind == kind) & (Reason.active == True)  # noqa: E712
    return [ReasonItem(r.id, r.kind, r.category, r.label, r.active)
            for r in Reason.select().where(offered)
            .order_by(Reason.category, Reason.position, Reason.label)]


def reason_categories() -> set[str]:
    """The categories reasons are kept under (none empty)."""
    return {c for (c,) in Reason.select(Reason.category).distinct().tuples() if c}


def owners() -> list[OwnerItem]:
    """Every salesperson, by name."""
    return [OwnerItem(o.id, o.name, o.team_id, o.region_id, o.active)
            for o in Owner.select().order_by(Owner.name)]
