"""A session shown read-only catches up with the stored one: exactly, and only where it differs."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from canvasapp.formats.template_io import session_from_template
from canvasapp.formats.template_library import find_template
from canvasapp.model import Cluster, Lane, Note, NotePlacement, Participant, Session, new_id
from canvasapp.ops.catch_up import SavedState, catch_up


def board(seed: Session | None = None) -> Session:
    """A session with six notes, or a deep copy of ``seed`` (what loading it again gives)."""
    if seed is not None:
        copy = Session(
            seed.id, seed.title, lanes=[lane.copy() for lane in seed.lanes], notes=[note.copy() for note in seed.notes],
            clusters=[cluster.copy() for cluster in seed.clusters], details=seed.details,
            phases=[phase.copy() for phase in seed.agenda.phases], current_phase_id=seed.agenda.current_phase_id,
        )
        return copy
    session = session_from_template(find_template(None), "Shown")
    lane = session.lanes[0].id
    session.add_notes(Note(id=f"n{i}", lane_id=lane, text=f"note {i}", x=30.0 + 240 * i, y=200.0) for i in range(6))
    return session


def picture(session: Session) -> object:
    return (
        session.title,
        [(lane.id, lane.title, lane.prompt, lane.colour, lane.order, lane.width) for lane in session.lanes],
        sorted((n.id, n.lane_id, n.text, n.x, n.y, n.width, n.height, n.colour, n.action) for n in session.notes),
        session.clusters,
        session.details,
    )


EDITS = st.lists(
    st.sampled_from(["add", "move", "delete", "text", "resize", "colour", "cluster", "lane", "lane_order", "title"]),
    max_size=8,
)


def edit(session: Session, kind: str, step: int) -> None:
    notes = session.notes
    lane = session.lanes[0].id
    if kind == "add" or not notes:
        session.add_notes([Note(id=new_id(), lane_id=lane, text=f"new {step}", x=40.0, y=600.0 + step)])
    elif kind == "move":
        session.move_notes({notes[0].id: NotePlacement(notes[0].x + 17, notes[0].y + 3, session.lanes[-1].id)})
    elif kind == "delete":
        session.remove_notes([notes[-1].id])
    elif kind == "text":
        session.set_note_text(notes[0].id, f"changed {step}")
    elif kind == "resize":
        session.resize_notes({notes[0].id: (notes[0].width + 10, notes[0].height)})
    elif kind == "colour":
        session.set_note_colours({notes[0].id: "#AABBCC"})
    elif kind == "cluster" and len(notes) >= 2 and session.cluster_of(notes[0].id) is None and session.cluster_of(notes[1].id) is None:
        session.add_cluster(Cluster(new_id(), f"theme {step}", lane, [notes[0].id, notes[1].id]))
    elif kind == "lane":
        session.add_lane(Lane(new_id(), f"lane {step}", colour="#C0FFEE"), 0)
    elif kind == "lane_order":
        session.move_lane(session.lanes[0].id, len(session.lanes) - 1)
    elif kind == "title":
        session.set_title(f"Title {step}")


@settings(max_examples=60, deadline=None)
@given(EDITS)
def test_the_shown_session_becomes_the_stored_one(kinds: list[str]) -> None:
    stored = board()
    shown = board(stored)
    for step, kind in enumerate(kinds):
        edit(stored, kind, step)
    assert catch_up(shown, SavedState.of(stored))
    assert picture(shown) == picture(stored)


def test_only_what_differs_is_touched() -> None:
    stored = board()
    shown = board(stored)
    stored.move_notes({"n1": NotePlacement(500.0, 700.0, stored.lanes[1].id)})
    stored.remove_notes(["n2"])
    heard: list[tuple[str, list[str]]] = []
    shown.notes_moved.connect(lambda notes: heard.append(("moved", [n.id for n in notes])))
    shown.notes_removed.connect(lambda notes: heard.append(("removed", [n.id for n in notes])))
    shown.notes_added.connect(lambda notes: heard.append(("added", [n.id for n in notes])))
    shown.note_text_changed.connect(lambda note: heard.append(("text", [note.id])))
    finished: list[None] = []
    shown.edit_finished.connect(lambda: finished.append(None))
    assert catch_up(shown, SavedState.of(stored))
    assert sorted(heard) == [("moved", ["n1"]), ("removed", ["n2"])]
    assert len(finished) == 1  # one edit: observers redraw once


def test_nothing_differs_nothing_is_heard() -> None:
    stored = board()
    shown = board(stored)
    heard: list[object] = []
    for event in (shown.notes_moved, shown.notes_added, shown.notes_removed, shown.lanes_changed):
        event.connect(heard.append)
    assert catch_up(shown, SavedState.of(stored))
    assert heard == []


def test_votes_that_differ_ask_for_a_reopening_and_leave_the_shown_session_alone() -> None:
    stored = board()
    shown = board(stored)
    stored.voting.set_roster([Participant("ana", "Ana", "#D7263D")])
    stored.move_notes({"n1": NotePlacement(500.0, 700.0, stored.lanes[0].id)})
    before = picture(shown)
    assert not catch_up(shown, SavedState.of(stored))
    assert picture(shown) == before


def test_only_the_notes_written_since_are_given_and_the_rest_stay() -> None:
    stored = board()
    shown = board(stored)
    stored.set_note_text("n3", "changed by the writer")
    stored.remove_notes(["n5"])
    saved = SavedState.of(stored)
    partial = SavedState(**{**saved.__dict__, "written_notes": [stored.note("n3")]})
    assert catch_up(shown, partial)
    assert picture(shown) == picture(stored)
