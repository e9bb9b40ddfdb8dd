"""The models declare for the type checker exactly what peewee adds at run time."""

from __future__ import annotations

import peewee

from funnel_desktop.store.models import SCHEMA_MODELS, BaseModel, ChangeFeed


def _declared(model: type[peewee.Model]) -> dict[str, str]:
    """Annotation texts of ``model`` and its bases (the module uses postponed annotations)."""
    out: dict[str, str] = {}
    for cls in reversed(model.__mro__):
        out.update(getattr(cls, "__annotations__", {}))
    return out


def test_every_foreign_key_declares_its_id_column_with_its_nullability():
    checked = 0
    for model in SCHEMA_MODELS:
        declared = _declared(model)
        for field in model._meta.fields.values():
            if isinstance(field, peewee.ForeignKeyField):
                name = field.name + "_id"
                wanted = "ForeignKeyField[int | None]" if field.null else "ForeignKeyField[int]"
                assert declared.get(name) == wanted, (model.__name__, name, declared.get(name))
                assert getattr(model, name) is field  # what the class gives: the column
                checked += 1
        # and nothing declared that peewee does not make
        for name, text in declared.items():
            if name.endswith("_id") and text.startswith("ForeignKeyField"):
                assert isinstance(model._meta.fields.get(name[:-3]), peewee.ForeignKeyField)
    assert checked >= 20


def test_the_declared_id_is_the_key_peewee_adds():
    assert _declared(BaseModel)["id"] == "AutoField[int]"
    for model in SCHEMA_MODELS:
        if model is ChangeFeed:  # its key is seq
            assert model._meta.primary_key.name == "seq" and "id" not in model._meta.fields
            continue
        assert isinstance(model._meta.primary_key, peewee.AutoField)
        assert model._meta.primary_key.name == "id"
    assert "select" not in BaseModel.__dict__  # declared for the checker only: peewee's own
