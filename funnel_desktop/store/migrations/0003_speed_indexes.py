"""Schema 3: two covering indexes SQLite otherwise answers by scanning deals — the per-customer
sums of open deals (the card class, the customer list) and the deals of a pipeline closed since
a day (the strip's win rate and this month's wins, the analytics' closes by day)."""
from peewee import *

INDEXES = (
    ('deal_customer_id_stage_id_amount_expected_close',
     ('customer_id', 'stage_id', 'amount', 'expected_close')),
    ('deal_pipeline_id_closed_at_stage_id_amount',
     ('pipeline_id', 'closed_at', 'stage_id', 'amount')),
)


def up(migrator, db):
    migrator.migrate(*(migrator.add_index('deal', columns, False, name=name)
                       for name, columns in INDEXES))


def down(migrator, db):
    migrator.migrate(*(migrator.drop_index('deal', name) for name, _columns in INDEXES))
