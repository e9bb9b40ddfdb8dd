"""Pipelines and their stages as the screens list them (switchers, the pipeline editor, the
deal editor's stages): plain values, in the order the screens show them."""

from __future__ import annotations

from dataclasses import dataclass

from peewee import fn

from .models import Deal, Pipeline, Stage
from .queries import find_pipeline


@dataclass(frozen=True, slots=True)
class PipelineRow:
    """A pipeline as its editor starts from it."""

    id: int
    name: str
    template: str
    version: int


@dataclass(frozen=True, slots=True)
class StageDetail:
    """Every stored field of a stage (``questions``: the JSON text as stored)."""

    id: int
    name: str
    kind: str
    position: int
    probability: int
    idle_days: int | None
    ideal_conversion: int | None
    colour: str
    questions: str


def pipeline_choices() -> list[tuple[int, str]]:
    """(id, name) of every pipeline, in their order."""
    return list(Pipeline.select(Pipeline.id, Pipeline.name)
                .order_by(Pipeline.position, Pipeline.id).tuples())


def pipeline_names() -> set[str]:
    return {n for (n,) in Pipeline.select(Pipeline.name).tuples()}


def pipeline_row(pipeline_id: int) -> PipelineRow:
    """One pipeline; raises the model's ``DoesNotExist`` when there is none."""
    p = Pipeline.get_by_id(pipeline_id)
    return PipelineRow(p.id, p.name, p.template, p.version)


def find_pipeline_id(name_or_id: str | int | None) -> int | None:
    """The id of a pipeline named by id or name (the first one when None), else None."""
    p = find_pipeline(name_or_id)
    return p.id if p is not None else None


def template_pipeline(template: str) -> int | None:
    """The id of a pipeline made from this template (the first found), else None."""
    p = Pipeline.get_or_none(Pipeline.template == template)
    return p.id if p is not None else None


def deal_counts() -> dict[int, int]:
    """pipeline id → its number of deals (pipelines without deals are missing)."""
    return {pid: int(n) for pid, n in Deal.select(Deal.pipeline, fn.COUNT(Deal.id))
            .group_by(Deal.pipeline).tuples()}


def stage_details(pipeline_id: int) -> list[StageDetail]:
    """The pipeline's stages in order."""
    return [StageDetail(s.id, s.name, s.kind, s.position, s.probability, s.idle_days,
                        s.ideal_conversion, s.colour, s.questions)
            for s in Stage.select().where(Stage.pipeline == pipeline_id)
            .order_by(Stage.position)]


def stage_deal_counts(pipeline_id: int) -> dict[int, int]:
    """stage id → its number of deals in the pipeline (stages without deals are missing)."""
    return {sid: int(n) for sid, n in Deal.select(Deal.stage, fn.COUNT(Deal.id)).where(
        Deal.pipeline == pipeline_id).group_by(Deal.stage).tuples()}


def stage_kinds() -> dict[int, str]:
    """stage id → kind (open / won / lost) of every stage of every pipeline."""
    return dict(Stage.select(Stage.id, Stage.kind).tuples())


def is_blank() -> bool:
    """No pipeline and no deal yet: a brand-new database."""
    return not (Pipeline.select().exists() or Deal.select().exists())
