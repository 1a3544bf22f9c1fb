"""A snapshot is the whole session as it was: the live one and it never change each other."""

from __future__ import annotations

from canvasapp.formats.archive import dump_archive
from canvasapp.formats.template_io import session_from_template
from canvasapp.formats.template_library import find_template
from canvasapp.model import Cluster, Note, NotePlacement, new_id


def test_a_snapshot_holds_everything_and_later_edits_stay_out() -> None:
    session = session_from_template(find_template(None), "Spring")
    notes = [Note(new_id(), "drivers", f"Note {i}", x=30.0 * i, y=200.0) for i in range(4)]
    session.add_notes(notes)
    session.add_cluster(Cluster(new_id(), "Belonging", "drivers", [notes[0].id, notes[1].id]))
    before = dump_archive(session)

    snapshot = session.snapshot()
    assert dump_archive(snapshot) == before
    assert snapshot.id == session.id and len(snapshot) == 4

    session.set_note_text(notes[0].id, "Changed")
    session.move_notes({notes[1].id: NotePlacement(999.0, 999.0, "blockers")})
    session.add_notes([Note(new_id(), "drivers", "Late")])
    assert dump_archive(snapshot) == before

    snapshot.set_note_text(notes[2].id, "Changed in the copy")
    assert session.note(notes[2].id).text == "Note 2"
