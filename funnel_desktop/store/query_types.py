"""What the type checker knows of a model's ``select()`` (nothing here runs).

peewee's stubs type ``.tuples()`` and ``.dicts()`` as the query itself, so iterating one
would seem to yield model rows. :class:`RowSelect` is peewee's ``ModelSelect`` whose
``.tuples()`` and ``.dicts()`` say what they yield; :class:`store.models.BaseModel` declares
``select()`` to return it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Iterator
    from typing import Any, Literal

    from peewee import Model, ModelSelect
    from typing_extensions import TypeVar

    _M = TypeVar("_M", bound=Model, default=Model)

    class RowSelect(ModelSelect[_M]):
        """A select of a model's rows; ``tuples()`` and ``dicts()`` keep every other method."""

        def tuples(self, as_tuple: bool = True) -> TupleSelect[_M]: ...
        def dicts(self, as_dict: bool = True) -> DictSelect[_M]: ...
        # only the one-row form (n=1, a row or None) is used
        def first(  # type: ignore[override]
            self, database: Any = None, n: Literal[1] = 1) -> _M | None: ...

    class TupleSelect(RowSelect[_M]):
        """The same select, each row a tuple of the selected columns."""

        # peewee's stubs give a select's rows as models: these queries yield tuples
        def __iter__(self) -> Iterator[tuple[Any, ...]]: ...  # type: ignore[override]
        def get(self, database: Any = None) -> tuple[Any, ...]: ...  # type: ignore[override]
        def first(  # type: ignore[override]
            self, database: Any = None, n: Literal[1] = 1) -> tuple[Any, ...] | None: ...

    class DictSelect(RowSelect[_M]):
        """The same select, each row a dict keyed by column name."""

        def __iter__(self) -> Iterator[dict[str, Any]]: ...  # type: ignore[override]
        def get(self, database: Any = None) -> dict[str, Any]: ...  # type: ignore[override]
        def first(  # type: ignore[override]
            self, database: Any = None, n: Literal[1] = 1) -> dict[str, Any] | None: ...
