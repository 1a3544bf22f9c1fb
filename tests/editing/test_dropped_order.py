"""Notes dropped together onto a note or into a cluster line up in the reading order of where
they were, whatever order the selection gave them in (Qt keeps its selection in no order: the
same drop made a different cluster from one run to the next)."""

from __future__ import annotations

from itertools import permutations

from canvasapp.model import Lane, Note, Session
from tests.board_invariants import broken_promises
from tests.editing.test_tidy_board_properties import Editors

ROWS = [("a", 40.0, 300.0), ("b", 264.0, 300.0), ("c", 40.0, 520.0), ("d", 264.0, 520.0)]


def board() -> tuple[Session, Editors]:
    session = Session.create("Board", [Lane(id="A", title="A", order=0, width=900.0)])
    session.add_notes([Note(id=note_id, lane_id="A", x=x, y=y) for note_id, x, y in ROWS])
    session.add_notes([Note(id="target", lane_id="A", x=500.0, y=300.0)])
    return session, Editors(session)


def test_notes_dropped_on_a_note_line_up_in_reading_order_whatever_the_selection_order() -> None:
    made = set()
    for order in permutations(["d", "a", "c", "b"]):
        session, editors = board()
        target = session.note("target")
        editors.clusters.notes_dropped(dict.fromkeys(order, (target.x + 10, target.y + 10)), "note", "target")
        cluster = session.cluster_of("target")
        assert cluster is not None and broken_promises(session) == []
        made.add((tuple(cluster.note_ids), tuple((n.id, n.x, n.y) for n in session.notes)))
    assert len(made) == 1, "one drop, one board"
    (members, _corners), = made
    assert members == ("target", "a", "b", "c", "d")
