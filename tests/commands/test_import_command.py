"""An import into the open session is one undo step: lanes, notes and clusters go and come back
together, and the layout holds at every step."""

from __future__ import annotations

from canvasapp.commands.imports import import_command
from canvasapp.formats.import_any import import_any
from canvasapp.model import Lane, Note, Session, new_id
from tests.board_invariants import broken_promises
from tests.formats.board_files import founding_board


def _state(session: Session) -> tuple[list[str], list[tuple[str, float, float]], list[str]]:
    return (
        [lane.title for lane in session.lanes],
        sorted((note.text, note.x, note.y) for note in session.notes),
        [cluster.title for cluster in session.clusters],
    )


def test_import_apply_revert_apply() -> None:
    session = Session(new_id(), "Open", lanes=[Lane("b", "Blockers", order=0), Lane("r", "Rituals", order=1)],
                      notes=[Note(new_id(), "b", "Already here", x=24, y=174)])
    before = _state(session)
    additions = import_any(founding_board(), "founding.excalidraw").additions(session)
    command = import_command(session, additions.lanes, additions.notes, additions.clusters)
    assert command.text == "Import 14 Notes"
    events: list[str] = []
    session.edit_finished.connect(lambda: events.append("saved"))

    command.apply(session)
    after = _state(session)
    assert after[0] == ["Blockers", "Rituals", "Drivers", "Activities"]
    assert len(session) == 15 and after[2] == ["Group 1"]
    assert broken_promises(session, every_note_in_a_lane=True) == []
    assert events == ["saved"]  # one edit: the store writes it in one transaction

    command.revert(session)
    assert _state(session) == before
    command.apply(session)
    assert _state(session) == after
    assert broken_promises(session, every_note_in_a_lane=True) == []
