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


def test_a_note_copy_carries_every_field_and_is_its_own() -> None:
    """``Note.copy`` names the fields one by one (for speed): a field added later and left out
    of it would be lost by every undo and snapshot."""
    from dataclasses import fields
    from datetime import UTC, date, datetime

    from canvasapp.model.follow_up import FollowUp

    note = Note("n1", "drivers", "Text", 1.0, 2.0, 300.0, 150.0, "#FFAA00", datetime(2026, 1, 2, tzinfo=UTC),
                datetime(2026, 1, 3, tzinfo=UTC), FollowUp("Ana", date(2026, 2, 1)))
    default = Note("n2", None)
    assert all(getattr(note, field.name) != getattr(default, field.name) for field in fields(Note) if field.name != "lane_id")
    copied = note.copy()
    assert copied == note and copied is not note
    assert all(getattr(copied, field.name) == getattr(note, field.name) for field in fields(Note))
    copied.text = "Changed"
    assert note.text == "Text"
