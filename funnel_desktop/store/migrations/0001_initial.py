"""Schema 1: pipelines, stages, customers, deals, history, activities, targets.

A frozen copy of the models as they were; Python-side defaults live in the app models."""
from peewee import *


def up(migrator, db):
    class Region(Model):
        name = CharField(unique=True)
        class Meta:
            database = db
            table_name = 'region'
    db.create_tables([Region])

    class Source(Model):
        name = CharField(unique=True)
        class Meta:
            database = db
            table_name = 'source'
    db.create_tables([Source])

    class Customer(Model):
        name = CharField()
        contact_person = CharField(default='')
        phone = CharField(default='')
        email = CharField(default='')
        im = CharField(default='')
        address = CharField(default='')
        industry = CharField(default='')
        region = ForeignKeyField(Region, null=True, on_delete='SET NULL')
        scale = CharField(default='')
        source = ForeignKeyField(Source, null=True, on_delete='SET NULL')
        needs = TextField(default='')
        pain_points = TextField(default='')
        intent = CharField(default='')
        budget = BigIntegerField(null=True)
        credit_notes = TextField(default='')
        man_money = BooleanField(null=True)
        man_authority = BooleanField(null=True)
        man_need = BooleanField(null=True)
        class_manual = CharField(default='')
        priority = CharField(default='medium')
        assessment = TextField(default='{}')
        notes = TextField(default='')
        external_id = CharField(index=True, null=True)
        created_at = DateTimeField()
        updated_at = DateTimeField()
        class Meta:
            database = db
            table_name = 'customer'
    db.create_tables([Customer])

    class Pipeline(Model):
        name = CharField(unique=True)
        position = IntegerField(default=0)
        template = CharField(default='')
        class Meta:
            database = db
            table_name = 'pipeline'
    db.create_tables([Pipeline])

    class Stage(Model):
        pipeline = ForeignKeyField(Pipeline, on_delete='CASCADE')
        name = CharField()
        kind = CharField(default='open')
        position = IntegerField()
        probability = IntegerField(default=0)
        idle_days = IntegerField(null=True)
        colour = CharField(default='')
        questions = TextField(default='[]')
        ideal_conversion = IntegerField(null=True)
        class Meta:
            database = db
            table_name = 'stage'
    db.create_tables([Stage])

    class Team(Model):
        name = CharField(unique=True)
        class Meta:
            database = db
            table_name = 'team'
    db.create_tables([Team])

    class Owner(Model):
        name = CharField(unique=True)
        team = ForeignKeyField(Team, null=True, on_delete='SET NULL')
        region = ForeignKeyField(Region, null=True, on_delete='SET NULL')
        active = BooleanField(default=True)
        class Meta:
            database = db
            table_name = 'owner'
    db.create_tables([Owner])

    class Reason(Model):
        kind = CharField()
        category = CharField(default='')
        label = CharField()
        position = IntegerField(default=0)
        active = BooleanField(default=True)
        class Meta:
            database = db
            table_name = 'reason'
            indexes = ((('kind', 'label'), True),)
    db.create_tables([Reason])

    class Deal(Model):
        title = CharField()
        customer = ForeignKeyField(Customer, null=True, on_delete='SET NULL')
        pipeline = ForeignKeyField(Pipeline, on_delete='CASCADE')
        stage = ForeignKeyField(Stage)
        amount = BigIntegerField(default=0)
        probability = IntegerField(null=True)
        expected_close = DateField(null=True)
        owner = ForeignKeyField(Owner, null=True, on_delete='SET NULL')
        source = ForeignKeyField(Source, null=True, on_delete='SET NULL')
        project_type = CharField(default='')
        next_step = CharField(default='')
        next_step_due = DateField(null=True)
        created_at = DateTimeField()
        updated_at = DateTimeField()
        stage_entered_at = DateTimeField()
        last_activity_at = DateTimeField(null=True)
        closed_at = DateTimeField(null=True)
        close_reason = ForeignKeyField(Reason, null=True, on_delete='SET NULL')
        close_note = TextField(default='')
        checklist = TextField(default='{}')
        external_id = CharField(index=True, null=True)
        class Meta:
            database = db
            table_name = 'deal'
            indexes = ((('pipeline', 'stage', 'amount', 'probability'), False), (('owner',), False), (('expected_close',), False), (('closed_at',), False), (('created_at',), False))
    db.create_tables([Deal])

    class Activity(Model):
        deal = ForeignKeyField(Deal, null=True, on_delete='CASCADE')
        customer = ForeignKeyField(Customer, null=True, on_delete='CASCADE')
        owner = ForeignKeyField(Owner, null=True, on_delete='SET NULL')
        kind = CharField(default='note')
        subject = CharField(default='')
        notes = TextField(default='')
        due_at = DateTimeField(null=True)
        done_at = DateTimeField(null=True)
        created_at = DateTimeField()
        class Meta:
            database = db
            table_name = 'activity'
    db.create_tables([Activity])

    class Contact(Model):
        customer = ForeignKeyField(Customer, on_delete='CASCADE')
        name = CharField()
        title = CharField(default='')
        phone = CharField(default='')
        email = CharField(default='')
        role = CharField(default='')
        attitude = CharField(default='neutral')
        notes = TextField(default='')
        class Meta:
            database = db
            table_name = 'contact'
    db.create_tables([Contact])

    class DealChange(Model):
        deal = ForeignKeyField(Deal, on_delete='CASCADE')
        field = CharField()
        old = TextField(null=True)
        new = TextField(null=True)
        at = DateTimeField()
        by = CharField(default='')
        class Meta:
            database = db
            table_name = 'deal_change'
    db.create_tables([DealChange])

    class Setting(Model):
        key = CharField(unique=True)
        value = TextField()
        class Meta:
            database = db
            table_name = 'setting'
    db.create_tables([Setting])

    class StageHistory(Model):
        deal = ForeignKeyField(Deal, on_delete='CASCADE')
        stage = ForeignKeyField(Stage, on_delete='CASCADE')
        entered_at = DateTimeField()
        left_at = DateTimeField(null=True)
        by = CharField(default='')
        class Meta:
            database = db
            table_name = 'stage_history'
    db.create_tables([StageHistory])

    class Target(Model):
        scope = CharField(default='business')
        team = ForeignKeyField(Team, null=True, on_delete='CASCADE')
        owner = ForeignKeyField(Owner, null=True, on_delete='CASCADE')
        period_start = DateField()
        period_end = DateField()
        amount = BigIntegerField()
        class Meta:
            database = db
            table_name = 'target'
    db.create_tables([Target])


def down(migrator, db):
    migrator.migrate(migrator.drop_table('target'))
    migrator.migrate(migrator.drop_table('stage_history'))
    migrator.migrate(migrator.drop_table('setting'))
    migrator.migrate(migrator.drop_table('deal_change'))
    migrator.migrate(migrator.drop_table('contact'))
    migrator.migrate(migrator.drop_table('activity'))
    migrator.migrate(migrator.drop_table('deal'))
    migrator.migrate(migrator.drop_table('reason'))
    migrator.migrate(migrator.drop_table('owner'))
    migrator.migrate(migrator.drop_table('team'))
    migrator.migrate(migrator.drop_table('stage'))
    migrator.migrate(migrator.drop_table('pipeline'))
    migrator.migrate(migrator.drop_table('customer'))
    migrator.migrate(migrator.drop_table('source'))
    migrator.migrate(migrator.drop_table('region'))
