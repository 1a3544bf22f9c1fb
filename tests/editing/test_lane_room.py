"""A narrowed lane widens when a cluster needs it: a wide note grouped in from another lane, or
a member grown wider, would otherwise hang its frame into the next lane; the widening is part
of the same undo step."""

from __future__ import annotations

from canvasapp.model import Lane, Note, Session
from tests.board_invariants import broken_promises
from tests.editing.test_tidy_board_properties import Editors


def narrow_board() -> tuple[Session, Editors]:
    lanes = [Lane(id="A", title="A", order=0, width=500.0), Lane(id="B", title="B", order=1, width=280.0),
             Lane(id="C", title="C", order=2, width=500.0)]
    session = Session.create("Board", lanes)
    session.add_notes([
        Note(id="wide", lane_id="A", x=40.0, y=300.0, width=280.0),
        Note(id="b1", lane_id="B", x=564.0, y=300.0),
        Note(id="b2", lane_id="B", x=564.0, y=520.0),
        Note(id="c1", lane_id="C", x=868.0, y=300.0),
    ])
    return session, Editors(session)


def test_a_wide_note_grouped_into_a_narrow_lane_widens_it_in_the_same_undo_step() -> None:
    session, editors = narrow_board()
    assert broken_promises(session) == []
    editors.clusters.group(["b1", "b2", "wide"])
    assert broken_promises(session) == []
    lane_b = session.lane("B")
    assert lane_b is not None and lane_b.width > 280.0
    assert session.note("c1").lane_id == "C"
    editors.history.undo()
    assert session.clusters == [] and session.lane("B").width == 280.0  # type: ignore[union-attr]
    assert (session.note("c1").x, session.note("wide").x) == (868.0, 40.0)
    editors.history.redo()
    assert broken_promises(session) == []


def test_a_member_grown_wider_than_its_narrow_lane_widens_it() -> None:
    session, editors = narrow_board()
    editors.clusters.group(["b1", "b2"])
    assert broken_promises(session) == []
    editors.board.resize_notes({"b1": (280.0, 140.0)})
    assert broken_promises(session) == []
    editors.history.undo()
    assert session.lane("B").width == 280.0  # type: ignore[union-attr]
    assert broken_promises(session) == []



def empty_narrow_lane() -> tuple[Session, Editors]:
    """Lane B narrowed to 260 points while empty (a lane is never made narrower than its notes)."""
    lanes = [Lane(id="A", title="A", order=0, width=500.0), Lane(id="B", title="B", order=1, width=500.0),
             Lane(id="C", title="C", order=2, width=500.0)]
    session = Session.create("Board", lanes)
    session.add_notes([Note(id="wide", lane_id="A", x=40.0, y=300.0, width=280.0), Note(id="c1", lane_id="C", x=1100.0, y=300.0)])
    editors = Editors(session)
    editors.board.resize_lane("B", 260.0)
    assert session.lane("B").width == 260.0 and session.note("c1").x == 860.0  # type: ignore[union-attr]
    return session, editors


def test_a_wide_note_dropped_into_a_narrower_lane_widens_it_in_the_same_undo_step() -> None:
    """A 280-point note dragged into a 260-point lane (found by the tidy-board property test:
    the note hung over the lane's edge)."""
    session, editors = empty_narrow_lane()
    editors.board.move_notes({"wide": (560.0, 800.0)})
    assert broken_promises(session) == []
    lane_b = session.lane("B")
    assert session.note("wide").lane_id == "B" and lane_b is not None and lane_b.width > 260.0
    assert session.note("c1").lane_id == "C"  # the lane to the right moved along with its note
    editors.history.undo()
    assert session.lane("B").width == 260.0 and session.note("wide").lane_id == "A"  # type: ignore[union-attr]
    assert session.note("c1").x == 860.0 and broken_promises(session) == []



def test_a_wide_clusters_note_dropped_into_a_narrower_lane_widens_it_for_the_frame() -> None:
    session, editors = empty_narrow_lane()
    editors.clusters.group(["wide"])
    editors.board.move_notes({"wide": (560.0, 800.0)})
    assert broken_promises(session) == []
    assert session.lane("B").width > 260.0  # type: ignore[union-attr]
