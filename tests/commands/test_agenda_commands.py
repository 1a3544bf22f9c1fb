"""Agenda, action and details commands: apply, revert, apply again."""

from __future__ import annotations

from datetime import date

from canvasapp.commands.agenda import AddPhase, EditPhase, MovePhase, RemovePhase
from canvasapp.commands.details import EditSessionDetails
from canvasapp.commands.follow_up import SetNoteActions
from canvasapp.model import FollowUp, Note, Phase, Session, SessionDetails, new_id


def _session() -> Session:
    session = Session.create("s", [])
    for index, title in enumerate(("Check-in", "Ideas", "Vote")):
        session.agenda.add_phase(Phase(f"p{index}", title, 10))
    return session


def _ids(session: Session) -> list[str]:
    return [phase.id for phase in session.agenda.phases]


def test_add_remove_move_edit_undo_redo() -> None:
    session = _session()
    add = AddPhase(Phase("new", "Break", 5), 1)
    add.apply(session)
    assert _ids(session) == ["p0", "new", "p1", "p2"]
    add.revert(session)
    assert _ids(session) == ["p0", "p1", "p2"]

    session.agenda.set_current("p1")
    session.agenda.record_time("p1", 120)
    remove = RemovePhase.of(session, "p1")
    remove.apply(session)
    assert _ids(session) == ["p0", "p2"] and session.agenda.current_phase_id is None
    remove.revert(session)
    assert _ids(session) == ["p0", "p1", "p2"]
    assert session.agenda.current_phase_id == "p1" and session.agenda.phase("p1").used_seconds == 120

    move = MovePhase.by(session, "p2", -2)
    move.apply(session)
    assert _ids(session) == ["p2", "p0", "p1"]
    move.revert(session)
    assert _ids(session) == ["p0", "p1", "p2"]

    edit = EditPhase.to(session, "p0", minutes=15, title="Welcome", instructions="Names and one hope")
    assert edit.changes_anything
    edit.apply(session)
    phase = session.agenda.phase("p0")
    assert (phase.title, phase.minutes, phase.instructions) == ("Welcome", 15, "Names and one hope")
    edit.revert(session)
    phase = session.agenda.phase("p0")
    assert (phase.title, phase.minutes, phase.instructions) == ("Check-in", 10, "")
    assert EditPhase.to(session, "p0", minutes=7).text == "Set Phase to 7 min"


def test_actions_and_details() -> None:
    session = Session.create("s", [])
    note = Note(id=new_id(), lane_id=None, text="Newsletter")
    session.add_notes([note])
    make = SetNoteActions.to(session, {note.id: FollowUp()})
    assert make.text == "Make 1 Action"
    make.apply(session)
    edit = SetNoteActions.to(session, {note.id: FollowUp("Ana", date(2025, 6, 1), "done")})
    edit.apply(session)
    assert session.note(note.id).action == FollowUp("Ana", date(2025, 6, 1), "done")
    edit.revert(session)
    assert session.note(note.id).action == FollowUp()
    make.revert(session)
    assert session.note(note.id).action is None

    details = EditSessionDetails.to(session, SessionDetails(place="Hall", purpose="Plan the year"))
    details.apply(session)
    assert session.details.place == "Hall"
    details.revert(session)
    assert session.details == SessionDetails()
