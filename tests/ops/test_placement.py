from __future__ import annotations

from canvasapp.model import Note, new_id
from canvasapp.ops.placement import below_existing


def note(lane: str, y: float) -> Note:
    return Note(id=new_id(), lane_id=lane, x=24.0, y=y)


def test_imported_notes_start_below_the_notes_already_in_their_lane() -> None:
    existing = [note("drivers", 150.0), note("drivers", 600.0)]
    imported = [note("drivers", 150.0), note("drivers", 314.0), note("blockers", 150.0)]
    placed = below_existing(imported, existing)
    assert [n.y for n in placed] == [600.0 + 140.0 + 24.0, 600.0 + 140.0 + 24.0 + 164.0, 150.0]
    assert [n.id for n in placed] == [n.id for n in imported]
    assert imported[0].y == 150.0  # the input is not changed
