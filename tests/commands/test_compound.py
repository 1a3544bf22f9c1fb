from __future__ import annotations

from canvasapp.commands import AddNotes, EditNoteText
from canvasapp.commands.base import Compound
from canvasapp.model import Lane, Note, Session


def test_a_compound_applies_in_order_and_reverts_in_reverse_as_one_edit() -> None:
    session = Session.create("Retro", [Lane("drivers", "Drivers")])
    finished: list[int] = []
    session.edit_finished.connect(lambda: finished.append(len(session)))
    note = Note(id="n1", lane_id="drivers", text="draft")
    command = Compound("Import 1 Note", [AddNotes([note]), EditNoteText("n1", "draft", "final")])

    command.apply(session)
    assert session.note("n1").text == "final"
    assert finished == [1]  # the store writes it in one transaction

    command.revert(session)
    assert not session.has_note("n1")
    assert finished == [1, 0]
    assert command.text == "Import 1 Note"
