"""Persistence: peewee models, opening and migrating databases, queries (no Qt)."""
