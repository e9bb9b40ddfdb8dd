"""Schema 4: several writers. Every edited table gets a row version (1 when created, +1 on
each write), a change feed records each committed action (PostgreSQL announces it with
NOTIFY), and SQLite never hands out an id twice (AUTOINCREMENT), so an id that undo removed
can never come back as somebody else's row.

SQLite rebuilds each table for AUTOINCREMENT (the documented 12-step procedure), which needs
foreign keys off outside a transaction: this migration runs its own transaction."""
import re

from peewee import *

atomic = False

VERSIONED = ('setting', 'team', 'region', 'owner', 'source', 'pipeline', 'stage', 'reason',
             'customer', 'contact', 'deal', 'stage_history', 'activity', 'target',
             'weekly_note')
#: Every table with an id that rows elsewhere (or an undo step) may name.
TABLES = VERSIONED + ('deal_change',)

PG_NOTIFY = """
CREATE OR REPLACE FUNCTION funnel_feed_notify() RETURNS trigger AS $$
BEGIN
    PERFORM pg_notify('funnel_changes', NEW.seq::text);
    RETURN NEW;
END $$ LANGUAGE plpgsql;
"""


def _feed(db):
    class ChangeFeed(Model):
        seq = AutoField() if not isinstance(db, PostgresqlDatabase) else BigAutoField()
        at = DateTimeField()
        by = CharField(default='')
        client = CharField(default='')
        action = CharField(default='')
        kinds = CharField(default='')
        deal_ids = TextField(default='')
        customer_ids = TextField(default='')
        moves = TextField(default='')

        class Meta:
            database = db
            table_name = 'change_feed'
    return ChangeFeed


def _columns(db, table):
    return {c.name for c in db.get_columns(table)}


def up(migrator, db):
    if isinstance(db, SqliteDatabase):
        _up_sqlite(db)
        return
    with db.atomic():
        for table in VERSIONED:
            if 'version' not in _columns(db, table):
                db.execute_sql(f'ALTER TABLE "{table}" ADD COLUMN "version" INTEGER NOT NULL '
                               'DEFAULT 1')
        if not db.table_exists('change_feed'):
            db.create_tables([_feed(db)])
        db.execute_sql(PG_NOTIFY)
        db.execute_sql('DROP TRIGGER IF EXISTS change_feed_notify ON change_feed')
        db.execute_sql('CREATE TRIGGER change_feed_notify AFTER INSERT ON change_feed '
                       'FOR EACH ROW EXECUTE FUNCTION funnel_feed_notify()')


_ID = re.compile(r'"id" INTEGER NOT NULL PRIMARY KEY(?! AUTOINCREMENT)')


def _up_sqlite(db):
    db.execute_sql('PRAGMA foreign_keys = OFF')
    try:
        with db.atomic():
            for table in VERSIONED:
                if 'version' not in _columns(db, table):
                    db.execute_sql(f'ALTER TABLE "{table}" ADD COLUMN "version" INTEGER NOT '
                                   'NULL DEFAULT 1')
            for table in TABLES:
                _autoincrement(db, table)
            if not db.table_exists('change_feed'):
                db.execute_sql('CREATE TABLE "change_feed" ("seq" INTEGER NOT NULL PRIMARY KEY '
                               'AUTOINCREMENT, "at" DATETIME NOT NULL, "by" VARCHAR(255) NOT '
                               'NULL, "client" VARCHAR(255) NOT NULL, "action" VARCHAR(255) NOT '
                               'NULL, "kinds" VARCHAR(255) NOT NULL, "deal_ids" TEXT NOT NULL, '
                               '"customer_ids" TEXT NOT NULL, "moves" TEXT NOT NULL)')
            problems = db.execute_sql('PRAGMA foreign_key_check').fetchall()
            if problems:
                raise IntegrityError(f'foreign keys broken by the rebuild: {problems[:3]}')
    finally:
        db.execute_sql('PRAGMA foreign_keys = ON')


def _autoincrement(db, table):
    """Rebuild ``table`` with ``AUTOINCREMENT`` on its id (rows, indexes and the next id
    kept)."""
    (sql,) = db.execute_sql("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?",
                            (table,)).fetchone()
    if not _ID.search(sql):
        return  # rebuilt already
    indexes = [s for (s,) in db.execute_sql(
        "SELECT sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND sql IS NOT "
        "NULL", (table,)).fetchall()]
    new = f'{table}__new'
    create = _ID.sub('"id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT', sql, count=1)
    create = create.replace(f'CREATE TABLE "{table}"', f'CREATE TABLE "{new}"', 1)
    db.execute_sql(create)
    columns = ', '.join(f'"{c.name}"' for c in db.get_columns(table))
    db.execute_sql(f'INSERT INTO "{new}" ({columns}) SELECT {columns} FROM "{table}"')
    db.execute_sql(f'DROP TABLE "{table}"')
    db.execute_sql(f'ALTER TABLE "{new}" RENAME TO "{table}"')
    for index in indexes:
        db.execute_sql(index)


def down(migrator, db):
    raise NotImplementedError('schema 4 cannot be taken back')
