"""A cluster belongs to the lane most of its notes are in (the first of the tied lanes, in the
cluster's own note order, on a tie): after grouping notes from several lanes (Ctrl+G), moving
notes or frames, dropping notes in and out, deleting, undoing and redoing, and after the session
is saved and read back. The frame takes that lane's colour, and the PDF summary and the votes
list the theme under it, so the lane must never disagree with where the notes are."""

from __future__ import annotations

import tempfile
from collections import Counter
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from canvasapp.model import Lane, Note, Session
from canvasapp.storage import SessionRepository, SessionStore, open_library
from tests.editing.test_tidy_board_properties import STEPS, Editors, boards, step
from tests.storage.library_files import raw_sql


def lanes_that_disagree(session: Session) -> list[str]:
    """Each cluster whose lane is not the lane most of its notes are in."""
    wrong = []
    for cluster in session.clusters:
        lanes = [session.note(note_id).lane_id for note_id in cluster.note_ids]
        counts = Counter(lanes)
        most = max(counts.values())
        expected = next(lane for lane in lanes if counts[lane] == most)
        if cluster.lane_id != expected:
            wrong.append(f"{cluster.id} is in {cluster.lane_id}, most of its notes in {expected} ({lanes})")
    return wrong


def test_notes_grouped_across_two_lanes_make_a_cluster_of_the_lane_they_end_in() -> None:
    lanes = [Lane(id="A", title="A", order=0, width=260.0), Lane(id="B", title="B", order=1, width=760.0)]
    session = Session.create("Board", lanes)
    session.add_notes([
        Note(id="a1", lane_id="A", x=30.0, y=100.0),
        Note(id="b1", lane_id="B", x=300.0, y=100.0),
        Note(id="b2", lane_id="B", x=520.0, y=100.0),
        Note(id="a2", lane_id="A", x=30.0, y=300.0),
    ])
    editors = Editors(session)
    # Selected in this order, the first two in lane A: the block gathers where A's notes are,
    # and lane A, one note wide, cannot hold a grid of four.
    cluster_id = editors.clusters.group(["a1", "a2", "b1", "b2"])
    assert cluster_id is not None
    assert lanes_that_disagree(session) == []
    editors.history.undo()
    assert session.clusters == []
    editors.history.redo()
    assert lanes_that_disagree(session) == []
    # One note dragged over to the other lane can tip the majority: the cluster follows.
    cluster = session.cluster(cluster_id)
    in_a = [n for n in cluster.note_ids if session.note(n).lane_id == "A"]
    in_b = [n for n in cluster.note_ids if session.note(n).lane_id == "B"]
    movers, goal = (in_a, 600.0) if len(in_a) <= len(in_b) else (in_b, 30.0)
    editors.board.move_notes({n: (goal, 900.0 + 200 * i) for i, n in enumerate(movers)})
    assert lanes_that_disagree(session) == []
    editors.history.undo()
    assert lanes_that_disagree(session) == []


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(session=boards(), data=st.data())
def test_a_cluster_is_always_in_the_lane_most_of_its_notes_are_in(session: Session, data: st.DataObject) -> None:
    with tempfile.TemporaryDirectory() as folder:
        library = open_library(Path(folder) / "library.sqlite")
        try:
            SessionRepository(library).add(session)
            store = SessionStore(library, session)
            editors = Editors(session)
            for _ in range(data.draw(st.integers(1, 12))):
                name = data.draw(STEPS)
                step(data.draw, editors, name)
                assert lanes_that_disagree(session) == [], name
            assert not store.failing
            store.close()
            reloaded = SessionRepository(library).load(session.id)
        finally:
            library.close()
        with raw_sql(Path(folder) / "library.sqlite") as connection:
            saved = dict(connection.execute("SELECT id, lane_id FROM clusters WHERE session_id = ?", (session.id,)))
    # What was saved is what the board shows, not only what a reload would work out again.
    assert saved == {cluster.id: cluster.lane_id for cluster in session.clusters}
    assert lanes_that_disagree(reloaded) == []
    assert {c.id: (c.lane_id, c.note_ids) for c in reloaded.clusters} == {
        c.id: (c.lane_id, c.note_ids) for c in session.clusters
    }
