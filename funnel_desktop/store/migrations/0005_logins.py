"""Schema 5: team mode. A salesperson may be a database login (``owner.login``, the
PostgreSQL role they connect as), and a follow-up records who logged it (``activity.by``;
stage history, the change log and the change feed had it already)."""
from peewee import *


def _columns(db, table):
    return {c.name for c in db.get_columns(table)}


def up(migrator, db):
    ops = []
    if 'login' not in _columns(db, 'owner'):
        ops.append(migrator.add_column('owner', 'login', CharField(null=True)))
    if 'by' not in _columns(db, 'activity'):
        ops.append(migrator.add_column('activity', 'by', CharField(default='')))
    if ops:
        migrator.migrate(*ops)
    if 'owner_login' not in {i.name for i in db.get_indexes('owner')}:
        db.execute_sql('CREATE UNIQUE INDEX owner_login ON owner (login)')


def down(migrator, db):
    raise NotImplementedError('schema 5 cannot be taken back')
