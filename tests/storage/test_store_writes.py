"""The store writes only what an edit changed: the rows it touched, their changed columns, the
title only when it was changed here, in one statement per table."""

from __future__ import annotations

import re
import time
from collections.abc import Iterator
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import event

from canvasapp.model import Note, NotePlacement, Session, new_id
from canvasapp.storage import Library, SessionRepository, SessionStore

from .library_files import raw_sql, sample_notes

#: Each test runs on an SQLite file and on a PostgreSQL database (the ``library`` fixture follows).
pytestmark = pytest.mark.usefixtures("library_url")


@pytest.fixture
def live(library: Library, make_session: Any) -> Iterator[tuple[Session, SessionStore, list[str]]]:
    session = make_session("Writes")
    session.add_notes(sample_notes(6, [lane.id for lane in session.lanes]))
    SessionRepository(library).delete(session.id)
    SessionRepository(library).add(session)
    statements: list[str] = []

    def record(_conn: Any, _cursor: Any, statement: str, *_rest: Any) -> None:
        if not statement.startswith(("BEGIN", "COMMIT", "PRAGMA")):
            statements.append(" ".join(statement.split()))

    event.listen(library.engine, "before_cursor_execute", record)
    store = SessionStore(library, session)
    yield session, store, statements
    store.close()
    event.remove(library.engine, "before_cursor_execute", record)


def set_columns(statement: str) -> list[str]:
    match = re.search(r"SET (.*) WHERE", statement)
    assert match, statement
    return sorted(part.split("=")[0].strip() for part in match.group(1).split(","))


def test_a_move_of_many_notes_is_one_update_of_x_and_y(live: tuple[Session, SessionStore, list[str]]) -> None:
    session, _store, statements = live
    moved = session.notes[:4]
    session.move_notes({note.id: NotePlacement(note.x + 10, note.y, note.lane_id) for note in moved})
    notes = [statement for statement in statements if "notes" in statement]
    assert len(notes) == 1 and notes[0].startswith("UPDATE notes")
    # With the edit's revision: a read-only window reads just these notes back.
    assert set_columns(notes[0]) == ["revision", "updated", "x"]
    sessions = [statement for statement in statements if statement.startswith("UPDATE sessions")]
    # The revision tells windows showing the session read-only that there is an edit to catch up on.
    assert len(sessions) == 1 and set_columns(sessions[0]) == ["revision", "updated"]


def test_a_text_edit_writes_the_text_and_the_time_only(live: tuple[Session, SessionStore, list[str]]) -> None:
    session, _store, statements = live
    session.set_note_text(session.notes[0].id, "changed")
    notes = [statement for statement in statements if "notes" in statement]
    assert [set_columns(statement) for statement in notes] == [["revision", "text", "updated"]]


def test_the_title_is_written_only_when_it_changed_here(
    live: tuple[Session, SessionStore, list[str]], library_url: str
) -> None:
    session, _store, statements = live
    session.set_title("New title")
    assert [set_columns(s) for s in statements if s.startswith("UPDATE sessions")] == [["revision", "title", "updated"]]
    with raw_sql(library_url) as connection:
        connection.execute("UPDATE sessions SET title = 'From elsewhere' WHERE id = ?", (session.id,))
        connection.commit()
    session.set_note_text(session.notes[0].id, "another edit")
    with raw_sql(library_url) as connection:
        assert connection.execute("SELECT title FROM sessions WHERE id = ?", (session.id,)).fetchone()[0] == "From elsewhere"


def test_new_and_removed_notes_and_undo_of_a_removal(
    live: tuple[Session, SessionStore, list[str]], library: Library
) -> None:
    session, _store, statements = live
    note = Note(id=new_id(), lane_id=session.lanes[0].id, text="fresh", x=1, y=2)
    session.add_notes([note])
    assert next(s for s in statements if "notes" in s).startswith("INSERT INTO notes")
    kept = session.note(note.id).copy()
    session.remove_notes([note.id])
    session.add_notes([kept])  # as undo puts it back
    session.set_note_text(kept.id, "back and edited")
    loaded = SessionRepository(library).load(session.id)
    assert loaded.note(kept.id).text == "back and edited"


def test_one_edit_saves_in_about_a_millisecond(library: Library, make_session: Any) -> None:
    """Reported, not asserted (no timed assertions): the median of 200 one-note edits."""
    session = make_session("Speed")
    session.add_notes(sample_notes(2000, [lane.id for lane in session.lanes]))
    SessionRepository(library).delete(session.id)
    SessionRepository(library).add(session)
    store = SessionStore(library, session)
    note_id = session.notes[0].id
    times = []
    for number in range(200):
        started = time.perf_counter()
        session.set_note_text(note_id, f"edit {number}")
        times.append(time.perf_counter() - started)
    store.close()
    times.sort()
    print(f"one edit, median {times[100] * 1000:.2f} ms")
    assert not store.pending


def stored_text(library: Library, text: str) -> str:
    """Text as the library keeps it: PostgreSQL cannot store NUL, so it is left out there."""
    return text.replace("\x00", "") if library.engine.dialect.name == "postgresql" else text


moves = st.lists(
    st.tuples(st.sampled_from(["move", "text", "colour", "remove", "add", "title"]), st.integers(0, 5), st.text(max_size=5)),
    max_size=12,
)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(edits=moves)
def test_whatever_the_edits_the_file_equals_memory(library: Library, make_session: Any, edits: list[Any]) -> None:
    session = make_session("Invariant")
    store = SessionStore(library, session)
    try:
        for kind, index, text in edits:
            notes = session.notes
            note = notes[index % len(notes)] if notes else None
            if kind == "add" or note is None:
                session.add_notes([Note(id=new_id(), lane_id=session.lanes[0].id, text=text, x=index, y=index)])
            elif kind == "move":
                session.move_notes({note.id: NotePlacement(note.x + index, note.y - 1, session.lanes[index % 2].id)})
            elif kind == "text":
                session.set_note_text(note.id, text)
            elif kind == "colour":
                session.set_note_colours({note.id: None if index % 2 else "#ABCDEF"})
            elif kind == "remove":
                session.remove_notes([note.id])
            elif text.strip():
                session.set_title(text)
        loaded = SessionRepository(library).load(session.id)
        assert {n.id: (n.lane_id, n.text, n.x, n.y, n.colour, n.updated) for n in loaded.notes} == {
            n.id: (n.lane_id, stored_text(library, n.text), n.x, n.y, n.colour, n.updated) for n in session.notes
        }
        assert loaded.title == stored_text(library, session.title)
    finally:
        store.close()
