"""The store's fast ways of making rows and parameters, each beside the plain way it replaces:
parameters bound column by column equal each value bind-processed one by one; changed
columns found column-wise equal a row-by-row comparison; a whole column of times made in C
equals SQLAlchemy's own processing, text for SQLite and datetimes for PostgreSQL; and a new
session written by the store's statements (the one insert path) reads back as memory on both
kinds of library, whatever its notes, times, actions and clusters."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone
from itertools import compress
from operator import ne
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy.dialects import sqlite
from sqlalchemy.dialects.postgresql import psycopg

from canvasapp.formats.template_io import session_from_template
from canvasapp.formats.template_library import find_template
from canvasapp.model import Cluster, Note, Session, new_id
from canvasapp.model.follow_up import FollowUp
from canvasapp.storage import Library, SessionRepository
from canvasapp.storage.mapping import NOTE_ROW_COLUMNS, lane_sql, note_row, note_sql
from canvasapp.storage.orm import NoteRow
from canvasapp.storage.saved_rows import SavedRows, bound, processed
from canvasapp.storage.utc_times import UtcTimes

from .library_files import raw_sql

DIALECTS = [sqlite.dialect(), psycopg.dialect()]
zones = st.builds(lambda minutes: timezone(timedelta(minutes=minutes)), st.integers(-14 * 60 + 1, 14 * 60 - 1))
aware_times = st.datetimes(
    min_value=datetime(1000, 1, 2), max_value=datetime(9998, 12, 30), timezones=zones
)
times_or_none = st.one_of(st.none(), aware_times)


def sqlalchemy_processing(dialect: Any, column: str) -> Any:
    """The column's bind processing exactly as SQLAlchemy does it (no fast way)."""
    column_type = NoteRow.__table__.c[column].type
    return column_type.dialect_impl(dialect).bind_processor(dialect)


@pytest.mark.parametrize("dialect", DIALECTS, ids=lambda d: d.name)
@settings(max_examples=60, deadline=None)
@given(values=st.lists(times_or_none, max_size=40), repeated=st.integers(0, 5))
def test_a_column_of_times_is_what_sqlalchemy_makes_of_each(dialect: Any, values: list[Any], repeated: int) -> None:
    fast = note_sql(dialect).processor_of("created")
    assert isinstance(fast, UtcTimes), "the fast way was refused for a dialect it should serve"
    reference = sqlalchemy_processing(dialect, "created")
    column = values + values[:1] * repeated  # repeated values: the processing of a move
    made = processed(fast, column)
    expected = [reference(value) for value in column]
    assert list(made) == expected
    assert [type(value) for value in made] == [type(value) for value in expected]


row_values = st.tuples(
    st.text(max_size=8), st.one_of(st.none(), st.text(max_size=5)), st.floats(allow_nan=False, allow_infinity=False),
    st.integers(-5, 5), times_or_none, st.one_of(st.none(), st.dates()),
)


@pytest.mark.parametrize("dialect", DIALECTS, ids=lambda d: d.name)
@settings(max_examples=60, deadline=None)
@given(rows=st.lists(row_values, max_size=30), picked=st.lists(st.integers(0, 5), max_size=6, unique=True),
       key=st.lists(st.integers(0, 5), max_size=2, unique=True), tail=st.lists(st.integers(), max_size=2))
def test_parameters_bound_column_by_column_equal_each_value_processed_alone(
    dialect: Any, rows: list[tuple[Any, ...]], picked: list[int], key: list[int], tail: list[int]
) -> None:
    columns = ["text", "lane_id", "x", "revision", "updated", "action_due"]
    sql = note_sql(dialect)
    processors = [sql.processor_of(name) for name in columns]
    references = [sqlalchemy_processing(dialect, name) for name in columns]

    def one(row: tuple[Any, ...], position: int) -> Any:
        reference = references[position]
        return row[position] if reference is None else reference(row[position])

    expected = [
        (*(one(row, p) for p in picked), *tail, *(one(row, p) for p in key)) for row in rows
    ]
    assert bound(rows, picked, processors, tuple(tail), key) == expected


lane_rows = st.lists(
    st.tuples(st.just("s"), st.integers(0, 30).map(str), st.sampled_from(["A", "B"]), st.sampled_from(["", "why?"]),
              st.sampled_from(["#FFF", "#000"]), st.integers(0, 2), st.sampled_from([300.0, 420.5])),
    max_size=40,
)


@settings(max_examples=100, deadline=None)
@given(before=lane_rows, after=lane_rows)
def test_changed_columns_found_column_wise_equal_a_row_by_row_comparison(
    before: list[tuple[Any, ...]], after: list[tuple[Any, ...]]
) -> None:
    saved = SavedRows(lane_sql(sqlite.dialect()), ["session_id", "id"])
    saved.remember(before)
    now = list({row[:2]: row for row in after}.values())  # one row per key, as the store has
    changes = saved.changes(now)

    remembered = {row[:2]: row for row in before}
    new = [row for row in now if row[:2] not in remembered]
    changed: dict[tuple[int, ...], list[tuple[Any, ...]]] = {}
    for row in now:
        old = remembered.get(row[:2])
        if old is not None and old != row:
            changed.setdefault(tuple(compress(range(len(row)), map(ne, row, old))), []).append(row)
    assert changes.new == new
    assert changes.changed == changed


# --- a whole new session through the store's statements, on both kinds of library --------------

#: Texts without NUL, which PostgreSQL cannot store (it is dropped there: ``storage/postgres_text.py``).
texts = st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), max_size=40)
notes = st.lists(
    st.tuples(
        texts, st.floats(-5000, 5000, allow_nan=False), st.floats(-5000, 5000, allow_nan=False),
        st.sampled_from([None, "#FFB3C7", "#A0E7E5"]), aware_times, aware_times,
        st.one_of(st.none(), st.tuples(texts, st.one_of(st.none(), st.dates()), st.sampled_from(["open", "done"]))),
        st.booleans(),
    ),
    max_size=25,
)


def state(session: Session) -> tuple[Any, ...]:
    return (
        session.title,
        [(lane.id, lane.title, lane.width) for lane in session.lanes],
        sorted((n.id, n.lane_id, n.text, n.x, n.y, n.width, n.height, n.colour, n.created, n.updated,
                None if n.action is None else (n.action.owner, n.action.due, n.action.status)) for n in session.notes),
        [(c.id, c.title, c.lane_id, tuple(c.note_ids), c.collapsed) for c in session.clusters],
    )


@pytest.mark.usefixtures("library_url")
@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(made=notes, clusters=st.integers(0, 3))
def test_a_new_session_written_by_the_store_statements_reads_back_as_memory(
    library: Library, made: list[tuple[Any, ...]], clusters: int
) -> None:
    session = session_from_template(find_template(None), "Imported")
    lanes = [lane.id for lane in session.lanes]
    session.add_notes([
        Note(id=new_id(), lane_id=None if outside else lanes[index % len(lanes)], text=text, x=x, y=y, colour=colour,
             created=created, updated=updated,
             action=None if action is None else FollowUp(owner=action[0], due=action[1], status=action[2]))
        for index, (text, x, y, colour, created, updated, action, outside) in enumerate(made)
    ])
    ids = [note.id for note in session.notes]
    for number in range(min(clusters, len(ids))):
        members = ids[number::max(clusters, 1)]
        if members:
            session.add_cluster(Cluster(id=new_id(), title=f"Theme {number}", lane_id=lanes[0], note_ids=members))
    SessionRepository(library).add(session)
    loaded = SessionRepository(library).load(session.id)
    # Times are kept to the microsecond in UTC, whatever zone they were made in.
    for note in session.notes:
        note.created, note.updated = note.created.astimezone(UTC), note.updated.astimezone(UTC)
    assert state(loaded) == state(session)


def test_the_times_of_a_new_session_are_stored_as_sqlalchemy_stores_them(library: Library, library_path: Any) -> None:
    """The same note written by the store's statements and by SQLAlchemy's own insert: the
    stored texts of its times are the same (other programs read them)."""
    from sqlalchemy import insert

    from canvasapp.storage.mapping import NOTE_ROW_COLUMNS as COLUMNS

    session = session_from_template(find_template(None), "Times")
    when = datetime(2026, 3, 4, 5, 6, 7, 89, tzinfo=timezone(timedelta(hours=2)))
    session.add_notes([Note(id="fast", lane_id=session.lanes[0].id, text="t", created=when, updated=when,
                            action=FollowUp(owner="o", due=date(2026, 1, 2)))])
    SessionRepository(library).add(session)
    with library.engine.begin() as connection:
        row = dict(zip(COLUMNS, note_row(session.id, session.notes[0]), strict=True))
        connection.execute(insert(NoteRow.__table__), [{**row, "id": "plain"}])
    with raw_sql(library_path) as connection:
        stored = {
            note_id: (created, updated, due)
            for note_id, created, updated, due in connection.execute("SELECT id, created, updated, action_due FROM notes")
        }
    assert stored["fast"] == stored["plain"] == ("2026-03-04 03:06:07.000089",) * 2 + ("2026-01-02",)
    assert NOTE_ROW_COLUMNS == COLUMNS
