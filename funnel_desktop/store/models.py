"""Peewee models of the current schema. Money is integer minor units; times are naive UTC."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from peewee import (
    AutoField,
    BigIntegerField,
    BooleanField,
    CharField,
    DatabaseProxy,
    DateField,
    DateTimeField,
    ForeignKeyField,
    IntegerField,
    Model,
    TextField,
)

from ..core.dates import utcnow as utcnow  # re-exported: how times are stored

if TYPE_CHECKING:
    from typing import Self

    from .query_types import RowSelect

database = DatabaseProxy()


class BaseModel(Model):
    """The models' base. peewee adds a model's ``id`` key and, beside each foreign key
    ``x``, the column ``x_id`` at run time; the annotations here and on the models declare
    them for the type checker (they assign nothing: peewee does not read annotations). On a
    class they are the columns to query by, on a row their values."""

    #: the key of every table but the change feed (whose key is ``seq``)
    id: AutoField[int]

    if TYPE_CHECKING:
        @classmethod
        def select(cls, *fields: Any) -> RowSelect[Self]: ...

    class Meta:
        database = database
        legacy_table_names = False


class Versioned(BaseModel):
    """A row that carries a version: 1 when created, +1 on every write (schema 4). Undo uses
    it to tell a row nobody touched since an action from one somebody changed."""

    version = IntegerField(default=1)


class Setting(Versioned):
    """Key/value settings of the business (JSON text values)."""

    key = CharField(unique=True)
    value = TextField()


class Team(Versioned):
    name = CharField(unique=True)


class Region(Versioned):
    name = CharField(unique=True)


class Owner(Versioned):
    """A salesperson (负责人)."""

    name = CharField(unique=True)
    team = ForeignKeyField(Team, null=True, backref="owners", on_delete="SET NULL")
    team_id: ForeignKeyField[int | None]
    region = ForeignKeyField(Region, null=True, backref="owners", on_delete="SET NULL")
    region_id: ForeignKeyField[int | None]
    active = BooleanField(default=True)
    login = CharField(null=True, unique=True)  # the server login of this person (schema 5)


class Source(Versioned):
    """A lead source / channel (渠道)."""

    name = CharField(unique=True)


class Pipeline(Versioned):
    name = CharField(unique=True)
    position = IntegerField(default=0)
    template = CharField(default="")


class Stage(Versioned):
    pipeline = ForeignKeyField(Pipeline, backref="stages", on_delete="CASCADE")
    pipeline_id: ForeignKeyField[int]
    name = CharField()
    kind = CharField(default="open")  # open / won / lost
    position = IntegerField()
    probability = IntegerField(default=0)
    idle_days = IntegerField(null=True)
    colour = CharField(default="")
    questions = TextField(default="[]")  # JSON list of advancement questions
    ideal_conversion = IntegerField(null=True)  # target conversion to the next stage, %


class Reason(Versioned):
    """A kept won or lost reason, grouped by category."""

    kind = CharField()  # won / lost
    category = CharField(default="")
    label = CharField()
    position = IntegerField(default=0)
    active = BooleanField(default=True)

    class Meta:
        indexes = ((("kind", "label"), True),)


class Customer(Versioned):
    name = CharField()
    contact_person = CharField(default="")
    phone = CharField(default="")
    email = CharField(default="")
    im = CharField(default="")  # WeChat / other messenger
    address = CharField(default="")
    industry = CharField(default="")
    region = ForeignKeyField(Region, null=True, on_delete="SET NULL")
    region_id: ForeignKeyField[int | None]
    scale = CharField(default="")
    source = ForeignKeyField(Source, null=True, on_delete="SET NULL")
    source_id: ForeignKeyField[int | None]
    needs = TextField(default="")
    pain_points = TextField(default="")
    intent = CharField(default="")  # high / medium / low / ""
    budget = BigIntegerField(null=True)
    credit_notes = TextField(default="")
    man_money = BooleanField(null=True)
    man_authority = BooleanField(null=True)
    man_need = BooleanField(null=True)
    class_manual = CharField(default="")  # "", A, B, C, D
    priority = CharField(default="medium")  # high / medium / low
    assessment = TextField(default="{}")  # JSON {criterion: "+" | "-"}
    notes = TextField(default="")
    external_id = CharField(null=True, index=True)
    created_at = DateTimeField(default=utcnow)
    updated_at = DateTimeField(default=utcnow)


class Contact(Versioned):
    """A person on the customer's decision chain (决策链)."""

    customer = ForeignKeyField(Customer, backref="contacts", on_delete="CASCADE")
    customer_id: ForeignKeyField[int]
    name = CharField()
    title = CharField(default="")
    phone = CharField(default="")
    email = CharField(default="")
    role = CharField(default="")  # decision_maker / technical / buyer / user / coach
    attitude = CharField(default="neutral")  # supporter / neutral / opponent
    notes = TextField(default="")


class Deal(Versioned):
    title = CharField()
    customer = ForeignKeyField(Customer, null=True, backref="deals", on_delete="SET NULL")
    customer_id: ForeignKeyField[int | None]
    pipeline = ForeignKeyField(Pipeline, backref="deals", on_delete="CASCADE")
    pipeline_id: ForeignKeyField[int]
    stage = ForeignKeyField(Stage, backref="deals")
    stage_id: ForeignKeyField[int]
    amount = BigIntegerField(default=0)
    probability = IntegerField(null=True)  # override of the stage's probability
    expected_close = DateField(null=True)
    owner = ForeignKeyField(Owner, null=True, backref="deals", on_delete="SET NULL")
    owner_id: ForeignKeyField[int | None]
    source = ForeignKeyField(Source, null=True, on_delete="SET NULL")
    source_id: ForeignKeyField[int | None]
    project_type = CharField(default="")  # big / small / ""
    next_step = CharField(default="")
    next_step_due = DateField(null=True)
    created_at = DateTimeField(default=utcnow)
    updated_at = DateTimeField(default=utcnow)
    stage_entered_at = DateTimeField(default=utcnow)
    last_activity_at = DateTimeField(null=True)
    closed_at = DateTimeField(null=True)
    close_reason = ForeignKeyField(Reason, null=True, on_delete="SET NULL")
    close_reason_id: ForeignKeyField[int | None]
    close_note = TextField(default="")
    checklist = TextField(default="{}")  # JSON {question: true} for advancement questions
    external_id = CharField(null=True, index=True)

    class Meta:
        indexes = (
            (("pipeline", "stage", "amount", "probability"), False),
            (("owner",), False),
            (("expected_close",), False),
            (("closed_at",), False),
            (("created_at",), False),
            (("customer", "stage", "amount", "expected_close"), False),  # schema 3
            (("pipeline", "closed_at", "stage", "amount"), False),  # schema 3
        )


class StageHistory(Versioned):
    """Every entry into and exit from a stage."""

    deal = ForeignKeyField(Deal, backref="history", on_delete="CASCADE")
    deal_id: ForeignKeyField[int]
    stage = ForeignKeyField(Stage, on_delete="CASCADE")
    stage_id: ForeignKeyField[int]
    entered_at = DateTimeField()
    left_at = DateTimeField(null=True)
    by = CharField(default="")


class DealChange(BaseModel):
    """Each edit of amount, probability, expected close, owner, next step: old → new."""

    deal = ForeignKeyField(Deal, backref="changes", on_delete="CASCADE")
    deal_id: ForeignKeyField[int]
    field = CharField()
    old = TextField(null=True)
    new = TextField(null=True)
    at = DateTimeField(default=utcnow)
    by = CharField(default="")


class Activity(Versioned):
    """A follow-up (跟进): call, visit, email, meeting, note or task."""

    deal = ForeignKeyField(Deal, null=True, backref="activities", on_delete="CASCADE")
    deal_id: ForeignKeyField[int | None]
    customer = ForeignKeyField(Customer, null=True, backref="activities", on_delete="CASCADE")
    customer_id: ForeignKeyField[int | None]
    owner = ForeignKeyField(Owner, null=True, on_delete="SET NULL")
    owner_id: ForeignKeyField[int | None]
    kind = CharField(default="note")
    subject = CharField(default="")
    notes = TextField(default="")
    due_at = DateTimeField(null=True)
    done_at = DateTimeField(null=True)
    created_at = DateTimeField(default=utcnow)
    by = CharField(default="")  # who logged it (schema 5; on a team server, its login)


class Target(Versioned):
    """A revenue goal for the business, a team or an owner over a period."""

    scope = CharField(default="business")  # business / team / owner
    team = ForeignKeyField(Team, null=True, on_delete="CASCADE")
    team_id: ForeignKeyField[int | None]
    owner = ForeignKeyField(Owner, null=True, on_delete="CASCADE")
    owner_id: ForeignKeyField[int | None]
    period_start = DateField()
    period_end = DateField()
    amount = BigIntegerField()


class WeeklyNote(Versioned):
    """The owner's own 'problems and actions' for one week and scope (schema 2)."""

    week = CharField()  # ISO week, e.g. 2026-W47
    scope = CharField(default="all")  # all / team:<id> / owner:<id>
    text = TextField(default="")
    updated_at = DateTimeField(default=utcnow)

    class Meta:
        indexes = ((("week", "scope"), True),)


class ChangeFeed(BaseModel):
    """One committed action (schema 4): what other windows, the command line's ``watch`` and
    a team's clients read to see each other's changes. ``seq`` grows in commit order."""

    seq = AutoField()
    at = DateTimeField(default=utcnow)
    by = CharField(default="")
    client = CharField(default="")  # the writing process's random token (its own changes)
    action = CharField(default="")  # the action's label, e.g. "move deals"
    kinds = CharField(default="")  # comma-separated change kinds
    deal_ids = TextField(default="")  # comma-separated ids, or "*" when too many to list
    customer_ids = TextField(default="")
    moves = TextField(default="")  # "deal:from:to" items, comma-separated

    class Meta:
        table_name = "change_feed"


#: The kept lists whose rows a unique name tells apart.
NamedModel = type[Owner] | type[Team] | type[Region] | type[Source]

#: The business's data (what a dump compares); the change feed is bookkeeping beside it.
ALL_MODELS: list[type[BaseModel]] = [
    Setting, Team, Region, Owner, Source, Pipeline, Stage, Reason, Customer, Contact, Deal,
    StageHistory, DealChange, Activity, Target, WeeklyNote,
]

#: Every table of the schema.
SCHEMA_MODELS: list[type[BaseModel]] = [*ALL_MODELS, ChangeFeed]
