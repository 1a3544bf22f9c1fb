"""What the store last wrote, row by row, so that an edit writes only the columns it changed.

A move of fifty notes becomes one ``UPDATE notes SET x=?, y=? WHERE id=?`` run for fifty rows,
not fifty whole rows; a column nobody changed here is never written, so whatever another
program wrote into it stays.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, Table, and_, bindparam, update

from canvasapp.storage.upsert import UpsertFactory


@dataclass
class RowChanges:
    """One flush's work on one table: new rows, and changed rows with their changed columns."""

    new: list[dict[str, Any]] = field(default_factory=list)
    changed: list[dict[str, Any]] = field(default_factory=list)
    columns: set[str] = field(default_factory=set)


class SavedRows:
    """The last written values of one table's rows, keyed by the table's primary key."""

    def __init__(self, table: Table, key: Sequence[str]) -> None:
        self.table = table
        self.key = tuple(key)
        self._saved: dict[tuple[Any, ...], dict[str, Any]] = {}

    def _key_of(self, row: dict[str, Any]) -> tuple[Any, ...]:
        return tuple(row[name] for name in self.key)

    def remember(self, rows: Iterable[dict[str, Any]]) -> None:
        """These rows are in the database as given (loaded, or just written)."""
        for row in rows:
            self._saved[self._key_of(row)] = row

    def forget(self, keys: Iterable[tuple[Any, ...]]) -> None:
        for key in keys:
            self._saved.pop(key, None)

    def changes(self, rows: Iterable[dict[str, Any]]) -> RowChanges:
        """Compare rows as they are now with what was written; unchanged rows drop out."""
        result = RowChanges()
        for row in rows:
            saved = self._saved.get(self._key_of(row))
            if saved is None:
                result.new.append(row)
                continue
            differing = {name for name, value in row.items() if saved.get(name) != value}
            if differing:
                result.changed.append(row)
                result.columns |= differing
        return result

    def write(self, connection: Connection, changes: RowChanges, upsert: UpsertFactory) -> None:
        """New rows in one statement, changed rows in another (their changed columns only).

        Inside the caller's transaction; :meth:`remember` the rows once it has committed.
        """
        table = self.table
        if changes.new:
            statement = upsert(table)
            everything = {name: statement.excluded[name] for name in changes.new[0] if name not in self.key}
            connection.execute(statement.on_conflict_do_update(index_elements=list(self.key), set_=everything), changes.new)
        if changes.changed:
            # Each row binds the union of the columns changed in this flush; for a row where one
            # of them did not change, that column is written with the value it already has.
            columns = sorted(changes.columns - set(self.key))
            statement_update = (
                update(table)
                .where(and_(*(table.c[name] == bindparam(f"key_{name}") for name in self.key)))
                .values({name: bindparam(f"new_{name}") for name in columns})
            )
            connection.execute(
                statement_update,
                [
                    {**{f"key_{name}": row[name] for name in self.key}, **{f"new_{name}": row[name] for name in columns}}
                    for row in changes.changed
                ],
            )
