"""The agenda, the time each phase ran, the details and the notes' actions are saved by the
store with each edit and come back on load; undoing an edit saves the undone state."""

from __future__ import annotations

from datetime import date

import pytest

from canvasapp.commands.agenda import AddPhase, MovePhase, RemovePhase
from canvasapp.commands.follow_up import SetNoteActions
from canvasapp.model import FollowUp, Phase, SessionDetails
from canvasapp.storage import Library, SessionRepository, SessionStore

#: Each test runs on an SQLite file and on a PostgreSQL database (the ``library`` fixture follows).
pytestmark = pytest.mark.usefixtures("library_url")


def test_agenda_details_and_actions_round_trip(library: Library, make_session) -> None:  # type: ignore[no-untyped-def]
    session = make_session(notes=[("activities", "Monthly meetup"), ("activities", "Champions")])
    repository = SessionRepository(library)
    # A new session's agenda (copied from its template) is written with it.
    assert [p.id for p in repository.load(session.id).agenda.phases] == [p.id for p in session.agenda.phases]

    store = SessionStore(library, session)
    first = session.agenda.phases[0].id
    session.agenda.set_current(first)
    session.agenda.record_time(first, 301.5)
    add = AddPhase(Phase("break", "Coffee break", 10, "ritual", "Outside", ("drivers",)), 1)
    add.apply(session)
    MovePhase.by(session, "break", 2).apply(session)
    remove = RemovePhase.of(session, session.agenda.phases[-1].id)
    remove.apply(session)
    session.set_details(SessionDetails(date(2025, 5, 3), "Town hall", "Kim", 14, "Grow the chapter"))
    note = session.notes[0]
    SetNoteActions.to(session, {note.id: FollowUp("Ana", date(2025, 6, 1))}).apply(session)
    assert not store.pending

    loaded = repository.load(session.id)
    assert [(p.id, p.title, p.minutes, p.kind, p.instructions, p.lane_ids, p.used_seconds)
            for p in loaded.agenda.phases] == [
        (p.id, p.title, p.minutes, p.kind, p.instructions, p.lane_ids, p.used_seconds) for p in session.agenda.phases]
    assert loaded.agenda.current_phase_id == first
    assert loaded.agenda.phase(first).used_seconds == 301.5
    assert loaded.details == session.details
    assert loaded.note(note.id).action == FollowUp("Ana", date(2025, 6, 1), "open")
    assert loaded.note(session.notes[1].id).action is None

    # Undo is saved like the edit itself.
    remove.revert(session)
    add.revert(session)
    assert [p.id for p in repository.load(session.id).agenda.phases] == [p.id for p in session.agenda.phases]
    assert "break" not in [p.id for p in repository.load(session.id).agenda.phases]
    store.close()
