"""The session's agenda: phases copied from the template, edited, navigated and timed."""

from __future__ import annotations

import pytest

from canvasapp.formats.template_io import session_from_template
from canvasapp.formats.template_library import find_template
from canvasapp.model import AgendaError, FollowUp, Note, Phase, Session, SessionDetails, new_id


def test_a_new_session_keeps_its_templates_phases() -> None:
    template = find_template(None)
    session = session_from_template(template, "Gathering")
    assert [phase.id for phase in session.agenda.phases] == [phase.id for phase in template.phases]
    first = session.agenda.phases[1]
    assert (first.title, first.minutes, first.kind, first.lane_ids) == (
        template.phases[1].title, template.phases[1].minutes, template.phases[1].kind, tuple(template.phases[1].lanes))
    assert session.agenda.current_phase is None


def test_changes_emit_events_in_one_edit_each() -> None:
    session = Session.create("s", [])
    heard: list[str] = []
    session.agenda.phase_added.connect(lambda phase: heard.append(f"added {phase.id}"))
    session.agenda.phases_changed.connect(lambda phases: heard.append(f"changed {[p.id for p in phases]}"))
    session.agenda.current_phase_changed.connect(lambda phase_id: heard.append(f"current {phase_id}"))
    session.edit_finished.connect(lambda: heard.append("saved"))
    session.agenda.add_phase(Phase("a", "A", 5))
    session.agenda.add_phase(Phase("b", "B", 5), 0)
    assert [phase.id for phase in session.agenda.phases] == ["b", "a"]
    session.agenda.set_current("a")
    assert session.agenda.neighbour(-1) == "b" and session.agenda.neighbour(1) is None
    session.agenda.record_time("a", 61.26)
    assert session.agenda.phase("a").used_seconds == 61.3
    assert heard == ["added a", "saved", "added b", "changed ['a']", "saved", "current a", "saved",
                     "changed ['a']", "saved"]


def test_refuses_nonsense() -> None:
    session = Session.create("s", [])
    with pytest.raises(AgendaError):
        session.agenda.add_phase(Phase("a", " ", 5))
    with pytest.raises(AgendaError):
        session.agenda.add_phase(Phase("a", "A", 0))
    with pytest.raises(AgendaError):
        session.agenda.add_phase(Phase("a", "A", 5, kind="party"))
    session.agenda.add_phase(Phase("a", "A", 5))
    with pytest.raises(AgendaError):
        session.agenda.add_phase(Phase("a", "Again", 5))
    with pytest.raises(AgendaError):
        session.agenda.set_current("nope")


def test_removing_the_current_phase_leaves_none_current() -> None:
    session = Session.create("s", [], )
    session.agenda.add_phase(Phase("a", "A", 5))
    session.agenda.set_current("a")
    session.agenda.remove_phase("a")
    assert session.agenda.current_phase_id is None


def test_details_and_note_actions() -> None:
    session = Session.create("s", [])
    note = Note(id=new_id(), lane_id=None, text="Start a newsletter")
    session.add_notes([note])
    heard: list[object] = []
    session.note_actions_changed.connect(lambda notes: heard.append([n.id for n in notes]))
    session.details_changed.connect(heard.append)
    session.set_note_actions({note.id: FollowUp("Ana")})
    assert session.action_notes == [note] and note.action == FollowUp("Ana", None, "open")
    details = SessionDetails(place="Library", participants=12)
    session.set_details(details)
    assert session.details == details
    assert heard == [[note.id], details]
    with pytest.raises(ValueError):
        FollowUp(status="maybe")
    # An action belongs to its note: removing the note takes it, undoing brings both back.
    removed = session.remove_notes([note.id])
    assert session.action_notes == []
    session.add_notes(removed)
    assert session.action_notes[0].action == FollowUp("Ana")
