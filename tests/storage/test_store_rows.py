"""The store's rows, written as tuples by statements for the driver: whatever the edits (moves
of many notes that change different columns in one edit, new notes, removals and their
undo, resizes, actions, clusters and their members), the library read back equals memory;
a column another program wrote is kept when this one writes others of the same row."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from canvasapp.model import Cluster, Note, NotePlacement, Session, new_id
from canvasapp.model.follow_up import FollowUp
from canvasapp.storage import Library, SessionRepository, SessionStore

from .library_files import raw_sql

pytestmark = pytest.mark.usefixtures("library_url")


def state(session: Session) -> tuple[Any, ...]:
    notes = {
        n.id: (n.lane_id, n.text, n.x, n.y, n.width, n.height, n.colour, n.created, n.updated,
               None if n.action is None else (n.action.owner, n.action.due, n.action.status))
        for n in session.notes
    }
    clusters = [(c.id, c.title, c.lane_id, tuple(c.note_ids), c.collapsed) for c in session.clusters]
    return notes, clusters


edits = st.lists(
    st.tuples(
        st.sampled_from(["move_many", "mixed", "add_many", "remove", "undo_remove", "resize", "action", "cluster", "uncluster"]),
        st.integers(0, 50), st.floats(-1000, 5000, allow_nan=False, allow_infinity=False),
    ),
    max_size=15,
)


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(steps=edits)
def test_whatever_the_edits_the_library_reads_back_as_memory(
    library: Library, make_session: Any, steps: list[tuple[str, int, float]]
) -> None:
    session = make_session("Rows")
    lanes = [lane.id for lane in session.lanes]
    store = SessionStore(library, session)
    removed: list[Note] = []
    try:
        for number, (kind, pick, value) in enumerate(steps):
            notes = session.notes
            if kind == "add_many" or not notes:
                session.add_notes([
                    Note(id=new_id(), lane_id=lanes[i % len(lanes)], text=f"n{number}.{i}", x=value + i, y=i * 10.5)
                    for i in range(1 + pick % 7)
                ])
            elif kind == "move_many":
                session.move_notes({n.id: NotePlacement(n.x + value, n.y, n.lane_id) for n in notes[: 1 + pick % 9]})
            elif kind == "mixed":
                # One edit in which rows change different columns: one statement per set of them.
                with session.edit():
                    chosen = notes[: 1 + pick % 6]
                    session.move_notes({n.id: NotePlacement(n.x, n.y + value, n.lane_id) for n in chosen[::2]})
                    session.move_notes({n.id: NotePlacement(n.x + 1, n.y, lanes[pick % len(lanes)]) for n in chosen[1::2]})
                    session.set_note_text(chosen[0].id, f"mixed {number}")
            elif kind == "remove":
                removed += session.remove_notes([n.id for n in notes[pick % len(notes):][:3]])
            elif kind == "undo_remove" and removed:
                session.add_notes([removed.pop()])
            elif kind == "resize":
                session.resize_notes({notes[pick % len(notes)].id: (100.0 + pick, 80.0 + pick)})
            elif kind == "action":
                action = None if pick % 3 == 0 else FollowUp(owner=f"o{pick}", due=date(2026, 1, 1 + pick % 28), status="open")
                session.set_note_actions({notes[pick % len(notes)].id: action})
            elif kind == "cluster":
                free = [n.id for n in notes if session.cluster_of(n.id) is None][: 1 + pick % 4]
                if free:
                    session.add_cluster(Cluster(id=new_id(), title=f"T{number}", lane_id=lanes[0], note_ids=free))
            elif kind == "uncluster" and session.clusters:
                session.remove_cluster(session.clusters[pick % len(session.clusters)].id)
            assert not store.pending
        loaded = SessionRepository(library).load(session.id)
        assert state(loaded) == state(session)
    finally:
        store.close()


def test_a_column_written_elsewhere_stays_when_this_app_moves_the_note(
    library: Library, make_session: Any, library_url: str
) -> None:
    session = make_session("Elsewhere")
    note = Note(id=new_id(), lane_id=session.lanes[0].id, text="mine", x=10, y=20)
    store = SessionStore(library, session)
    try:
        session.add_notes([note, Note(id=new_id(), lane_id=session.lanes[0].id, text="other", x=300, y=20)])
        with raw_sql(library_url) as connection:
            connection.execute("UPDATE notes SET text = 'theirs' WHERE id = ?", (note.id,))
            connection.commit()
        # Two rows, different columns changed in one edit: neither gets the other's column.
        with session.edit():
            session.move_notes({note.id: NotePlacement(50, 20, note.lane_id)})
            other = session.notes[1]
            session.set_note_text(other.id, "edited here")
        with raw_sql(library_url) as connection:
            rows = dict(connection.execute("SELECT id, text FROM notes WHERE session_id = ?", (session.id,)).fetchall())
            x = connection.execute("SELECT x FROM notes WHERE id = ?", (note.id,)).fetchone()[0]
        assert rows[note.id] == "theirs" and rows[other.id] == "edited here" and x == 50
    finally:
        store.close()
