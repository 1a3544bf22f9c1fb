"""Accepting suggestions by meaning: one undo step, notes stay in their lanes and apart."""

from __future__ import annotations

from canvasapp.editing.clusters import ClusterEditing
from canvasapp.editing.edits import Edits, ListHistory
from canvasapp.model import Cluster, Lane, Note, Session
from canvasapp.ops.layout import lane_rects
from canvasapp.ops.sentence_model import ModelLoader
from canvasapp.ops.session_suggestions import suggest_for_session
from tests.ops.test_session_suggestions import ThemeModel


def board() -> Session:
    lanes = [Lane("drivers", "Drivers", order=0), Lane("blockers", "Blockers", order=1)]
    session = Session.create("Board", lanes)
    rects = lane_rects(lanes)
    texts = {
        "drivers": ["time to learn", "time with friends", "fun together", "fun at night", "alone here"],
        "blockers": ["money is short", "money for travel", "time is short", "time zones", "kept"],
    }
    notes = []
    for lane_id, lane_texts in texts.items():
        for row, text in enumerate(lane_texts):
            notes.append(Note(f"{lane_id}-{row}", lane_id, text, x=rects[lane_id].x + 20, y=80 + row * 130))
    session.add_notes(notes)
    session.add_cluster(Cluster("kept", "Kept by hand", "blockers", ["blockers-4"]))
    return session


def state(session: Session) -> object:
    return (
        sorted((n.id, n.lane_id, n.x, n.y) for n in session.notes),
        [(c.id, c.title, c.lane_id, list(c.note_ids)) for c in session.clusters],
    )


def test_accepting_every_suggestion_is_one_undo_step_that_keeps_lanes_and_spacing() -> None:
    session = board()
    loader = ModelLoader(factory=ThemeModel)
    suggestions = suggest_for_session(session, loader=loader, wait=True)
    assert suggestions.method == "meaning" and len(suggestions.groups) == 4
    history = ListHistory(session)
    editing = ClusterEditing(Edits(session, history))
    before = state(session)

    made = editing.accept([(group.title, list(group.note_ids)) for group in suggestions.groups])

    assert len(made) == 4 and history.can_undo()
    assert session.cluster("kept").note_ids == ["blockers-4"]  # a cluster made by hand is untouched
    rects = lane_rects(session.lanes)
    for cluster_id in made:
        cluster = session.cluster(cluster_id)
        for note_id in cluster.note_ids:
            note = session.note(note_id)
            assert note.lane_id == cluster.lane_id
            lane = rects[note.lane_id or ""]
            assert lane.x <= note.x and note.x + note.width <= lane.x + lane.width
    placed = [session.note(note_id) for cluster_id in made for note_id in session.cluster(cluster_id).note_ids]
    for index, first in enumerate(placed):
        for second in placed[index + 1 :]:
            apart = (
                first.x + first.width <= second.x or second.x + second.width <= first.x
                or first.y + first.height <= second.y or second.y + second.height <= first.y
            )
            assert apart, (first.id, second.id)

    history.undo()
    assert state(session) == before
    history.redo()
    assert {frozenset(session.cluster(c).note_ids) for c in made} == {
        frozenset(group.note_ids) for group in suggestions.groups
    }
