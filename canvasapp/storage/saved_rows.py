"""What the store last wrote, row by row, so that an edit writes only the columns it changed.

A row is a tuple of a table's columns in a fixed order (:mod:`canvasapp.storage.mapping` makes
them). A move of fifty notes becomes one ``UPDATE notes SET x=?, y=?, ... WHERE id=?`` run for
fifty rows, not fifty whole rows; rows that changed different columns are written by one
statement per set of columns, so a column a row did not change here is never written, and
whatever another program wrote into it stays.

The statements are plain SQL for the driver (``exec_driver_sql``), made once per table and set
of columns and run with ``executemany`` over tuples: at ten thousand rows, building SQLAlchemy
parameter dictionaries and compiling per flush cost ten times the database's own work. Values
still go through each column type's own bind processing for the dialect (dates and times
stored exactly as SQLAlchemy stores them), so rows written here read back like any other.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from itertools import chain, compress, repeat
from operator import itemgetter, ne
from types import FunctionType
from typing import Any

from sqlalchemy import Connection, Table
from sqlalchemy.engine import Dialect

from canvasapp.storage.orm import UtcDateTime
from canvasapp.storage.utc_times import utc_times

Row = tuple[Any, ...]
Processor = Callable[[Any], Any]


@dataclass
class RowChanges:
    """One flush's work on one table: new rows, and changed rows by the columns they changed."""

    new: list[Row] = field(default_factory=list)
    #: Changed rows (whole, as they are now), grouped by the positions of the columns that differ.
    changed: dict[tuple[int, ...], list[Row]] = field(default_factory=dict)
    #: Columns written with one value into every row this flush writes (the edit's revision).
    stamp: dict[str, Any] = field(default_factory=dict)

    def __bool__(self) -> bool:
        return bool(self.new or self.changed)

    def written(self) -> list[Row]:
        """Every row this flush writes, as it will be in the database."""
        return list(chain(self.new, *self.changed.values()))


class DriverSql:
    """Plain statements for one table in the driver's own dialect, with its bind processing."""

    def __init__(self, table: Table, columns: Sequence[str], dialect: Dialect) -> None:
        self.table = table
        self.columns = tuple(columns)
        self.dialect = dialect
        quote = dialect.identifier_preparer.quote
        self._names = {name: quote(name) for name in {*columns, *(column.name for column in table.c)}}
        self._table_name = dialect.identifier_preparer.format_table(table)
        self._marker = "?" if dialect.paramstyle == "qmark" else "%s"
        self._processors: dict[str, Processor | None] = {}
        self.processors: tuple[Processor | None, ...] = tuple(self.processor_of(name) for name in self.columns)
        self._cache: dict[tuple[Any, ...], str] = {}

    def processor_of(self, name: str) -> Processor | None:
        """The column's bind processing for this dialect (``None`` when values go as they are),
        found once per column: every save asks for the stamped ones."""
        if name not in self._processors:
            column_type = self.table.c[name].type
            processor = column_type.dialect_impl(self.dialect).bind_processor(self.dialect)
            if isinstance(column_type, UtcDateTime):
                processor = utc_times(processor) or processor
            self._processors[name] = processor
        return self._processors[name]

    def name(self, column: str) -> str:
        return self._names.get(column) or self.dialect.identifier_preparer.quote(column)

    def insert(self, key: Sequence[str], stamp: Sequence[str], *, upsert: bool) -> str:
        """``INSERT`` of every column (and the stamped ones); with ``upsert``, a row already
        there (a note put back by an undo the library still holds) is overwritten instead."""
        cache_key = ("insert", tuple(key), tuple(stamp), upsert)
        if cache_key not in self._cache:
            names = [*self.columns, *stamp]
            sql = (
                f"INSERT INTO {self._table_name} ({', '.join(self.name(n) for n in names)}) "
                f"VALUES ({', '.join(self._marker for _ in names)})"
            )
            if upsert:
                updated = [n for n in names if n not in key]
                sql += (
                    f" ON CONFLICT ({', '.join(self.name(n) for n in key)}) DO UPDATE SET "
                    + ", ".join(f"{self.name(n)} = excluded.{self.name(n)}" for n in updated)
                )
            self._cache[cache_key] = sql
        return self._cache[cache_key]

    def update(self, columns: Sequence[str], key: Sequence[str], *, returning: str | None = None) -> str:
        """``UPDATE ... SET`` these columns ``WHERE`` the key columns equal the last parameters.
        A column given as ``"name = expression"`` is written as it is (no parameter)."""
        cache_key = ("update", tuple(columns), tuple(key), returning)
        if cache_key not in self._cache:
            assignments = [
                column if "=" in column else f"{self.name(column)} = {self._marker}" for column in columns
            ]
            sql = (
                f"UPDATE {self._table_name} SET {', '.join(assignments)} WHERE "
                + " AND ".join(f"{self.name(n)} = {self._marker}" for n in key)
            )
            if returning is not None:
                sql += f" RETURNING {self.name(returning)}"
            self._cache[cache_key] = sql
        return self._cache[cache_key]

    def delete(self, key: Sequence[str]) -> str:
        """``DELETE`` of the row whose key columns equal the parameters (run once per row)."""
        cache_key = ("delete", tuple(key))
        if cache_key not in self._cache:
            self._cache[cache_key] = f"DELETE FROM {self._table_name} WHERE " + " AND ".join(
                f"{self.name(n)} = {self._marker}" for n in key
            )
        return self._cache[cache_key]


def bound(
    rows: Sequence[Row], positions: Sequence[int], processors: Sequence[Processor | None],
    tail: Row = (), after: Sequence[int] = (),
) -> list[Row]:
    """The parameters for ``executemany``: the values at ``positions`` of each row, then ``tail``,
    then the values at ``after`` (a key), each bind-processed. Column by column, in C loops
    (``zip``, ``map``): no Python call per row, and a Python processor is called once per
    distinct value (a move stamps one time on every note)."""
    if not rows:
        return []
    picked = [*positions, *after]
    if not picked:
        return [tuple(tail) for _ in rows]
    columns: list[Sequence[Any]]
    if len(picked) == 1:
        only = picked[0]
        columns = [[row[only] for row in rows]]
    else:
        columns = list(zip(*map(itemgetter(*picked), rows), strict=True))
    for index, position in enumerate(picked):
        processor = processors[position]
        if processor is not None:
            columns[index] = processed(processor, columns[index])
    constants = [repeat(value, len(rows)) for value in tail]
    return list(zip(*columns[: len(positions)], *constants, *columns[len(positions):], strict=True))


def processed(processor: Processor, values: Sequence[Any]) -> Sequence[Any]:
    """``processor`` applied to every value: a compiled one (a float conversion) is mapped over
    them in C; a Python one once only when every value is the same (the one time a move stamps
    on every note), else over the whole column if it can (times,
    :mod:`canvasapp.storage.utc_times`), else once per distinct value (dates), whose answers are
    then looked up in C. Values equal in Python are processed alike (``1`` and ``1.0`` in a float
    column, the only such case here)."""
    many = getattr(processor, "many", None)
    if many is None and not isinstance(processor, FunctionType):
        return list(map(processor, values))
    try:
        distinct = set(values)
    except TypeError:  # unhashable values: processed one by one
        return list(map(processor, values))
    if len(distinct) == 1:
        (only,) = distinct
        return [processor(only)] * len(values)
    if many is not None:
        return many(values)  # type: ignore[no-any-return]
    answers = {value: processor(value) for value in distinct}
    return list(map(answers.__getitem__, values))


def insert_rows(
    connection: Connection, sql: DriverSql, rows: Sequence[Row], key: Sequence[str], *,
    upsert: bool, stamp: Mapping[str, Any] | None = None,
) -> None:
    """Rows (tuples of ``sql``'s columns) inserted by one statement run with ``executemany``:
    the one way rows are added, by the store's edits and by a whole new session alike.
    ``stamp`` gives columns written with one value (already bind-processed) into every row."""
    if not rows:
        return
    stamp = stamp or {}
    connection.exec_driver_sql(
        sql.insert(key, tuple(stamp), upsert=upsert),
        bound(rows, range(len(sql.columns)), sql.processors, tuple(stamp.values())),
    )


class SavedRows:
    """The last written values of one table's rows (tuples in ``columns`` order), by primary key."""

    def __init__(self, sql: DriverSql, key: Sequence[str]) -> None:
        self.table = sql.table
        self.key = tuple(key)
        self.columns = sql.columns
        self.sql = sql
        self._key_positions = tuple(self.columns.index(name) for name in self.key)
        self._key_of: Callable[[Row], Any] = itemgetter(*self._key_positions)
        self._positions = range(len(self.columns))
        self._saved: dict[Any, Row] = {}

    def key_of(self, row: Row) -> Any:
        """A row's key: the value of a one-column key, else the tuple of the key's values."""
        return self._key_of(row)

    def remember(self, rows: Iterable[Row]) -> None:
        """These rows are in the database as given (loaded, or just written)."""
        rows = list(rows)
        self._saved.update(zip(map(self._key_of, rows), rows, strict=True))  # no Python call per row

    def forget(self, keys: Iterable[Any]) -> None:
        for key in keys:
            self._saved.pop(key, None)

    def changes(self, rows: Sequence[Row]) -> RowChanges:
        """Compare rows as they are now with what was written; unchanged rows drop out.

        Column by column in C (``zip``, ``map``): each row's pattern of differing columns is a
        tuple made without a Python call per row, and when every changed row changed the same
        columns (a move of the whole board) no row is looked at in Python at all."""
        result = RowChanges()
        befores = list(map(self._saved.get, map(self._key_of, rows)))
        if None in befores:
            known = [before is not None for before in befores]
            result.new = [row for row, seen in zip(rows, known, strict=True) if not seen]
            rows, befores = list(compress(rows, known)), list(compress(befores, known))
        if not rows:
            return result
        columns_now, columns_before = zip(*rows, strict=True), zip(*befores, strict=True)
        differs = [list(map(ne, now, before)) for now, before in zip(columns_now, columns_before, strict=True)]
        patterns = list(zip(*differs, strict=True))
        unchanged = (False,) * len(differs)
        distinct = set(patterns)
        groups: dict[tuple[bool, ...], list[Row]]
        if len(distinct) == 1:
            groups = {distinct.pop(): list(rows)}
        else:
            groups = {}
            for row, pattern in zip(rows, patterns, strict=True):
                group = groups.get(pattern)
                if group is None:
                    groups[pattern] = [row]
                else:
                    group.append(row)
        groups.pop(unchanged, None)
        positions = self._positions
        result.changed = {tuple(compress(positions, pattern)): group for pattern, group in groups.items()}
        return result

    def write(self, connection: Connection, changes: RowChanges, *, upsert: bool = True) -> None:
        """New rows in one statement, changed rows in one per set of changed columns.

        Inside the caller's transaction; :meth:`remember` the rows once it has committed.
        """
        sql, processors = self.sql, self.sql.processors
        stamp_names = tuple(changes.stamp)
        stamp = self._stamp_values(changes.stamp)
        stamped = dict(zip(stamp_names, stamp, strict=True))
        insert_rows(connection, sql, changes.new, self.key, upsert=upsert, stamp=stamped)
        key_positions = self._key_positions
        for differing, rows in changes.changed.items():
            columns = [self.columns[p] for p in differing]
            statement = sql.update([*columns, *stamp_names], self.key)
            connection.exec_driver_sql(statement, bound(rows, differing, processors, stamp, key_positions))

    def _stamp_values(self, stamp: Mapping[str, Any]) -> Row:
        values = []
        for name, value in stamp.items():
            processor = self.sql.processor_of(name)
            values.append(processor(value) if processor else value)
        return tuple(values)
