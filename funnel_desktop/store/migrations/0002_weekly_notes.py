"""Schema 2: the owner's weekly notes ('problems and actions') per week and scope."""
from peewee import *


def up(migrator, db):
    class WeeklyNote(Model):
        week = CharField()
        scope = CharField(default='all')
        text = TextField(default='')
        updated_at = DateTimeField()
        class Meta:
            database = db
            table_name = 'weekly_note'
            indexes = ((('week', 'scope'), True),)
    db.create_tables([WeeklyNote])


def down(migrator, db):
    migrator.migrate(migrator.drop_table('weekly_note'))
