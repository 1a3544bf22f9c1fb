"""The store writes lane changes, note sizes and colours with each edit; a reload sees them."""

from __future__ import annotations

import pytest

from canvasapp.commands import AddLane, MoveLane, RemoveLane, ResizeLane, ResizeNotes, SetNoteColour
from canvasapp.model import Lane
from canvasapp.storage import Library, SessionRepository, SessionStore

from .library_files import raw_sql

#: Each test runs on an SQLite file and on a PostgreSQL database (the ``library`` fixture follows).
pytestmark = pytest.mark.usefixtures("library_url")


def lanes_in_file(location: str, session_id: str) -> list[tuple[str, str, str, int, float]]:
    with raw_sql(location) as connection:
        return connection.execute(
            "SELECT id, title, colour, position, width FROM lanes WHERE session_id = ? ORDER BY position",
            (session_id,),
        ).fetchall()


def test_lane_and_note_changes_are_committed_and_reload(library: Library, library_url: str, make_session) -> None:  # type: ignore[no-untyped-def]
    session = make_session(notes=[("drivers", "Heard"), ("blockers", "Time")])
    store = SessionStore(library, session)
    heard = next(note for note in session.notes if note.text == "Heard")

    AddLane(Lane(id="rituals", title="Rituals", colour="#A8E6E0", width=500), 1).apply(session)
    assert [row[0] for row in lanes_in_file(library_url, session.id)] == ["drivers", "rituals", "blockers", "activities"]
    MoveLane.by(session, "drivers", 1).apply(session)
    ResizeLane.to(session, "rituals", 900).apply(session)
    ResizeNotes.to(session, {heard.id: (260.0, 180.0)}).apply(session)
    SetNoteColour.to(session, [heard.id], "#D9C6F5").apply(session)
    assert not store.pending

    rows = lanes_in_file(library_url, session.id)
    assert [row[0] for row in rows] == ["rituals", "drivers", "blockers", "activities"]
    assert rows[0][4] == 900
    reloaded = SessionRepository(library).load(session.id)
    assert [(lane.id, lane.order, lane.width) for lane in reloaded.lanes] == [
        (lane.id, lane.order, lane.width) for lane in session.lanes
    ]
    again = reloaded.note(heard.id)
    assert (again.x, again.width, again.height, again.colour) == (session.note(heard.id).x, 260.0, 180.0, "#D9C6F5")

    remove = RemoveLane.of(session, "rituals")
    remove.apply(session)
    assert "rituals" not in [row[0] for row in lanes_in_file(library_url, session.id)]
    remove.revert(session)
    assert lanes_in_file(library_url, session.id)[0][0] == "rituals"
    store.close()
