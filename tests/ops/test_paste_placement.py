"""Pasted notes (``lane_layout.place_new``: each moved down its lane until it covers nothing, the
notes there staying) keep every promise of the board, on random boards with random pastes, a
cluster sometimes in the way; and a paste onto a full column goes below it."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from canvasapp.model import Cluster, Lane, Note, NotePlacement, Session
from canvasapp.ops import lane_layout
from canvasapp.ops.lane_layout import Board
from canvasapp.ops.layout import lane_at
from tests.board_invariants import broken_promises

LANES = [Lane(id="one", title="One", order=0, width=760.0), Lane(id="two", title="Two", order=1, width=520.0)]
WIDTHS = (200.0, 120.0, 260.0)
HEIGHTS = (150.0, 90.0, 240.0)


def _note(draw: st.DrawFn, note_id: str, span: float) -> Note:
    x = draw(st.floats(-80, 1400, allow_nan=False))
    y = draw(st.floats(-80, span, allow_nan=False))
    width, height = draw(st.sampled_from(WIDTHS)), draw(st.sampled_from(HEIGHTS))
    return Note(id=note_id, lane_id=lane_at(LANES, x + width / 2), x=x, y=y, width=width, height=height)


@st.composite
def boards(draw: st.DrawFn) -> tuple[Session, list[Note]]:
    """A tidy session (random notes, room made) and some new notes anywhere on it."""
    session = Session.create("Random", [lane.copy() for lane in LANES])
    count = draw(st.integers(4, 60))
    session.add_notes([_note(draw, f"n{index}", 3000) for index in range(count)])
    if draw(st.booleans()):  # a cluster in the way too
        members = [f"n{index}" for index in range(draw(st.integers(1, 3)))]
        session.add_cluster(Cluster(id="c", title="Theme", lane_id=session.note(members[0]).lane_id, note_ids=members))
    _apply(session, lane_layout.make_room(Board.of(session), ()))
    assert broken_promises(session) == []
    pasted = [_note(draw, f"p{index}", 3000) for index in range(draw(st.integers(1, max(1, count // 4))))]
    return session, pasted


def _apply(session: Session, positions: dict[str, tuple[float, float]]) -> None:
    session.move_notes({
        note_id: NotePlacement(x, y, lane_at(session.lanes, x + session.note(note_id).width / 2))
        for note_id, (x, y) in positions.items() if session.has_note(note_id)
    })


@settings(max_examples=200, deadline=None)
@given(case=boards())
def test_pasted_notes_keep_every_promise(
    case: tuple[Session, list[Note]],
) -> None:
    session, pasted = case
    new = {note.id for note in pasted}
    placed_at = lane_layout.place_new(Board.of(session, extra=pasted), new)
    session.add_notes(lane_layout.copies_at(session.lanes, pasted, placed_at))
    assert broken_promises(session) == []


def test_a_paste_onto_a_full_column_goes_below_it() -> None:
    session = Session.create("Column", [lane.copy() for lane in LANES])
    column = [Note(id=f"n{row}", lane_id="one", x=24.0, y=200.0 + row * 200.0) for row in range(30)]
    session.add_notes(column)
    pasted = [Note(id="p", lane_id="one", x=24.0, y=210.0)]
    placed_at = lane_layout.place_new(Board.of(session, extra=pasted), {"p"})
    assert placed_at["p"][1] > column[-1].y
