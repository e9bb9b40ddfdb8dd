"""Editing pipelines and their stages, and the kept lists (reasons, sources, owners, teams,
regions). Each call is one validated transaction and one change event."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from ..core.errors import ValidationError
from ..core.limits import MAX_IDLE_DAYS
from ..store import feed
from ..store.models import (
    Customer,
    Deal,
    Owner,
    Pipeline,
    Reason,
    Region,
    Source,
    Stage,
    StageHistory,
    Team,
)
from . import validate as v
from .api import EditConflict, Outcome, Services, Step, bump
from .changeset import Row

KINDS = ("open", "won", "lost")


@dataclass(slots=True)
class StageSpec:
    """One stage as the pipeline editor holds it (``id`` None for a new stage)."""

    name: str
    kind: str = "open"
    probability: int = 0
    idle_days: int | None = None
    colour: str = ""
    questions: list[str] = field(default_factory=list)
    ideal_conversion: int | None = None
    id: int | None = None


@dataclass(slots=True)
class ListItem:
    """One row of a kept list (``id`` None for a new one)."""

    name: str
    id: int | None = None
    kind: str = ""  # reasons: won / lost
    category: str = ""  # reasons
    team_id: int | None = None  # owners
    region_id: int | None = None  # owners
    active: bool = True


def _check_stages(stages: Sequence[StageSpec]) -> list[StageSpec]:
    clean = []
    for i, s in enumerate(stages):
        name = v.text(s.name, f"stage_{i}_name", required=True)
        if s.kind not in KINDS:
            raise ValidationError("choice_invalid", f"stage_{i}_kind", value=s.kind,
                                  choices=", ".join(KINDS))
        prob = v.probability(s.probability)
        prob = 100 if s.kind == "won" else 0 if s.kind == "lost" else prob or 0
        # a script or an editor may hand in the text as typed: "" is no value
        raw_ideal: Any = s.ideal_conversion
        raw_idle: Any = s.idle_days
        ideal = v.probability(s.ideal_conversion) if raw_ideal not in (None, "") else None
        idle = None
        if raw_idle not in (None, ""):
            try:
                idle = int(raw_idle)
            except (TypeError, ValueError, OverflowError):
                raise ValidationError("idle_days_invalid", f"stage_{i}_idle",
                                      value=str(s.idle_days)) from None
            if not 0 <= idle <= MAX_IDLE_DAYS:
                raise ValidationError("idle_days_invalid", f"stage_{i}_idle", value=str(idle))
        questions = [q.strip() for q in s.questions if q and q.strip()]
        clean.append(StageSpec(name, s.kind, prob, idle, s.colour or "", questions, ideal, s.id))
    names = [s.name for s in clean]
    dup = next((n for n in names if names.count(n) > 1), None)
    if dup:
        raise ValidationError("stage_duplicate", "stages", value=dup)
    kinds = [s.kind for s in clean]
    if kinds.count("open") < 1 or kinds.count("won") != 1 or kinds.count("lost") != 1:
        raise ValidationError("stages_shape", "stages")
    return clean


def deals_in_or_through(stage_ids: list[int]) -> list[int]:
    """Deals in one of these stages now or with a past stay in one (what removing the stages
    changes), in id order."""
    if not stage_ids:
        return []
    ids = {i for (i,) in Deal.select(Deal.id).where(Deal.stage.in_(stage_ids)).tuples()}
    ids.update(i for (i,) in StageHistory.select(StageHistory.deal).where(
        StageHistory.stage.in_(stage_ids)).distinct().tuples())
    return sorted(ids)


def save_pipeline(services: Services, pipeline_id: int | None, name: str,
                  stages: Sequence[StageSpec], moves: dict[int, int] | None = None,
                  initiator: object | None = None, version: int | None = None) -> Outcome:
    """Create or edit a pipeline: rename, reorder (list order), add, edit and remove stages.

    A removed stage that holds deals needs ``moves[removed_id] = target stage id`` (a stage
    kept in this pipeline, of the same kind); its deals move there with a history entry.
    ``version``: the pipeline's version the editor showed; an edit made since by somebody
    else is an :class:`~.api.EditConflict`.
    """
    services.require_admin()
    pname = v.text(name, "pipeline_name", required=True)
    clean = _check_stages(stages)
    moves = dict(moves or {})

    def work(step: Step) -> int:
        cap = step.capture
        clash = Pipeline.select().where(Pipeline.name == pname)
        if pipeline_id is not None:
            clash = clash.where(Pipeline.id != pipeline_id)
        if clash.exists():
            raise ValidationError("pipeline_duplicate", "pipeline_name", value=pname)
        existing: dict[int, Row] = {}
        if pipeline_id is not None:
            rows = cap.read(Pipeline, Pipeline.id, [pipeline_id], lock=True)
            if not rows:
                raise ValidationError("pipeline_unknown", "pipeline", value=pipeline_id)
            if version is not None and rows[0]["version"] != version:
                later = feed.recent({"pipelines"})
                raise EditConflict(rows[0]["name"], ["stages"], {}, later[-1:])
            existing = {s["id"]: s for s in cap.read(Stage, Stage.pipeline, [pipeline_id])}
        kept = {s.id for s in clean if s.id is not None}
        if kept - set(existing):
            raise ValidationError("stage_unknown", "stages",
                                  value=sorted(kept - set(existing))[0])
        removed = [existing[i] for i in existing if i not in kept]
        holding = {s["id"]: Deal.select().where(Deal.stage == s["id"]).count()
                   for s in removed}
        kind_of = {s.id: s.kind for s in clean if s.id is not None}
        for s in removed:
            if holding[s["id"]]:
                target = moves.get(s["id"])
                if target is None:
                    raise ValidationError("stage_has_deals", "stages", value=s["name"],
                                          count=holding[s["id"]])
                if target not in kept or kind_of.get(target) != s["kind"]:
                    raise ValidationError("stage_move_invalid", "stages", value=s["name"])
        # past visits of a removed stage are kept, merged into its target (or the nearest kept
        # stage of the same kind), so time in stage and conversions keep their history
        merge_into: dict[int, int] = {}
        for s in removed:
            same = [k.id for k in clean if k.id is not None and k.kind == s["kind"]]
            nearest = min(same, key=lambda k: abs(existing[k]["position"] - s["position"]),
                          default=None)
            target = moves.get(s["id"]) or nearest
            if target is not None:
                merge_into[s["id"]] = target
        touched = deals_in_or_through([s["id"] for s in removed])
        cap.read(Deal, Deal.id, touched, lock=True)
        cap.read(StageHistory, StageHistory.deal, touched)
        now = step.now
        if pipeline_id is None:
            pid = int(Pipeline.create(name=pname, position=Pipeline.select().count()).id)
            cap.expect(Pipeline, Pipeline.id, [pid])
            cap.expect(Stage, Stage.pipeline, [pid])
        else:
            pid = pipeline_id
            Pipeline.update(name=pname, **bump(Pipeline)).where(Pipeline.id == pid).execute()
        # move positions out of the way first, so reordering never collides
        Stage.update(position=Stage.position + 10_000, **bump(Stage)).where(
            Stage.pipeline == pid).execute()
        for pos, spec in enumerate(clean):
            values = {"name": spec.name, "kind": spec.kind, "position": pos,
                      "probability": spec.probability, "idle_days": spec.idle_days,
                      "colour": spec.colour, "ideal_conversion": spec.ideal_conversion,
                      "questions": json.dumps(spec.questions, ensure_ascii=False)}
            if spec.id is None:
                Stage.create(pipeline=pid, **values)
            else:
                Stage.update(values).where(Stage.id == spec.id).execute()
        for s in removed:
            sid = s["id"]
            target = moves.get(sid)
            if target is not None and holding[sid]:
                ids = [d.id for d in Deal.select(Deal.id).where(Deal.stage == sid)]
                StageHistory.update(left_at=now, **bump(StageHistory)).where(
                    StageHistory.deal.in_(ids) & StageHistory.left_at.is_null()).execute()
                StageHistory.insert_many([{"deal": i, "stage": target, "entered_at": now,
                                           "by": services.user} for i in ids]).execute()
                Deal.update(stage=target, stage_entered_at=now, updated_at=now,
                            **bump(Deal)).where(Deal.id.in_(ids)).execute()
            if sid in merge_into:
                StageHistory.update(stage=merge_into[sid], **bump(StageHistory)).where(
                    StageHistory.stage == sid).execute()
            Stage.delete().where(Stage.id == sid).execute()
        step.names({"pipelines", "deals"}, touched)
        return pid

    label = "edit pipeline" if pipeline_id is not None else "create pipeline"
    return services.perform(label, work, initiator)


def delete_pipeline(services: Services, pipeline_id: int,
                    initiator: object | None = None) -> Outcome:
    """Delete a pipeline that holds no deals (the last pipeline cannot be deleted)."""
    services.require_admin()

    def work(step: Step) -> int:
        cap = step.capture
        if not cap.read(Pipeline, Pipeline.id, [pipeline_id], lock=True):
            raise ValidationError("pipeline_unknown", "pipeline", value=pipeline_id)
        if Deal.select().where(Deal.pipeline == pipeline_id).exists():
            raise ValidationError("pipeline_has_deals", "pipeline")
        if Pipeline.select().count() <= 1:
            raise ValidationError("pipeline_last", "pipeline")
        stages = [s["id"] for s in cap.read(Stage, Stage.pipeline, [pipeline_id])]
        cap.read(StageHistory, StageHistory.stage, stages)
        Pipeline.delete().where(Pipeline.id == pipeline_id).execute()
        step.names({"pipelines"})
        return pipeline_id

    return services.perform("delete pipeline", work, initiator)


_MODELS: dict[str, Any] = {"source": Source, "team": Team, "region": Region, "owner": Owner,
                           "reason": Reason}


def save_list(services: Services, which: str, items: Sequence[ListItem],
              initiator: object | None = None) -> Outcome:
    """Replace a kept list (``source``, ``team``, ``region``, ``owner``, or ``reason``):
    rename and edit kept rows, add new ones, remove the rest. A removed row still in use is
    refused (reasons and owners can be made inactive instead)."""
    services.require_admin()
    model = _MODELS[which]
    label = "label" if which == "reason" else "name"
    clean = []
    for i, item in enumerate(items):
        name = v.text(item.name, f"{which}_{i}", required=True)
        if which == "reason" and item.kind not in ("won", "lost"):
            raise ValidationError("choice_invalid", f"{which}_{i}", value=item.kind,
                                  choices="won, lost")
        clean.append((item, name))
    keys = [(it.kind, n) if which == "reason" else n for it, n in clean]
    dup = next((k for k in keys if keys.count(k) > 1), None)
    if dup:
        raise ValidationError("list_duplicate", which, value=dup[1] if isinstance(dup, tuple)
                              else dup)
    kept_ids = {it.id for it, _ in clean if it.id is not None}

    def work(step: Step) -> str:
        gone = [r.id for r in model.select(model.id) if r.id not in kept_ids]
        for rid in gone:
            if _in_use(which, rid):
                row = model.get_by_id(rid)
                raise ValidationError("list_in_use", which, value=getattr(row, label))
        if gone:
            model.delete().where(model.id.in_(gone)).execute()
        # free unique names first so swaps and renames never collide
        for it, _ in clean:
            if it.id is not None:
                model.update({label: f"\x00{it.id}"}).where(model.id == it.id).execute()
        for pos, (it, name) in enumerate(clean):
            values: dict[str, Any] = {label: name}
            if which == "reason":
                values.update(kind=it.kind, category=v.text(it.category, "category"),
                              position=pos, active=it.active)
            elif which == "owner":
                values.update(team=it.team_id, region=it.region_id, active=it.active)
            if it.id is None:
                model.create(**values)
            else:
                model.update(values, **bump(model)).where(model.id == it.id).execute()
        step.names({"lists", "deals", "customers"})
        return which

    return services.perform("edit list", work, initiator, undoable=False)


def _in_use(which: str, rid: int) -> bool:
    if which == "source":
        return (Deal.select().where(Deal.source == rid).exists()
                or Customer.select().where(Customer.source == rid).exists())
    if which == "team":
        return Owner.select().where(Owner.team == rid).exists()
    if which == "region":
        return (Owner.select().where(Owner.region == rid).exists()
                or Customer.select().where(Customer.region == rid).exists())
    if which == "owner":
        return Deal.select().where(Deal.owner == rid).exists()
    return Deal.select().where(Deal.close_reason == rid).exists()
