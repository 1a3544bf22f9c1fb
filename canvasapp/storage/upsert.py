"""The dialect's ``INSERT ... ON CONFLICT DO UPDATE``, as the store and its change sets use it."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any, Protocol

from sqlalchemy import Table
from sqlalchemy.sql.base import ReadOnlyColumnCollection
from sqlalchemy.sql.dml import Insert
from sqlalchemy.sql.elements import KeyedColumnElement


class Upsert(Protocol):
    """What SQLite's and PostgreSQL's ``Insert`` have in common and core ``Insert`` lacks."""

    @property
    def excluded(self) -> ReadOnlyColumnCollection[str, KeyedColumnElement[Any]]: ...

    def on_conflict_do_update(self, *, index_elements: Sequence[str], set_: Mapping[str, Any]) -> Insert: ...


#: Makes an upsert statement for one table: ``sqlite.insert`` or ``postgresql.insert``.
UpsertFactory = Callable[[Table], Upsert]
