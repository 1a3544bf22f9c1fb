"""Making room near what moved (through the session's index) answers exactly what packing every
block of the lanes answers, on any tidy board, for drags, new notes and clusters; and the
index the board is read from always equals the session, whatever sequence of edits came before."""

from __future__ import annotations

from dataclasses import replace

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from canvasapp.model import Cluster, Lane, Note, NotePlacement, Session
from canvasapp.ops import lane_layout
from canvasapp.ops.board_index import BoardIndex, index_of
from canvasapp.ops.lane_layout import Board
from canvasapp.ops.layout import Rect, lane_at
from tests.board_invariants import broken_promises


def tidy_board(draw: st.DrawFn) -> Session:
    widths = draw(st.lists(st.sampled_from([500.0, 760.0, 1000.0]), min_size=1, max_size=3))
    lanes = [Lane(id=f"L{i}", title=f"Lane {i}", order=i, width=w) for i, w in enumerate(widths)]
    session = Session.create("Board", lanes)
    notes = []
    for i in range(draw(st.integers(0, 40))):
        x = draw(st.floats(0, sum(widths) - 200, allow_nan=False))
        y = draw(st.floats(0, 2000, allow_nan=False))
        w = draw(st.sampled_from([200.0, 160.0, 280.0]))
        h = draw(st.sampled_from([140.0, 100.0, 200.0]))
        notes.append(Note(id=f"n{i}", lane_id=lane_at(lanes, x + w / 2), x=x, y=y, width=w, height=h))
    if notes:
        session.add_notes(notes)
        ids = [note.id for note in notes]
        for number in range(draw(st.integers(0, 3))):
            members = draw(st.lists(st.sampled_from(ids), min_size=1, max_size=5, unique=True))
            free = [n for n in members if session.cluster_of(n) is None]
            if free:
                session.add_cluster(Cluster(id=f"c{number}", title=f"Theme {number}", lane_id=None, note_ids=free))
        # Made tidy the slow, proven way: every block of every lane packed.
        plain = replace(Board.of(session), source=None)
        moves = lane_layout.changed(plain, lane_layout.make_room(plain, ()))
        session.move_notes({n: NotePlacement(x, y, lane_at(lanes, x + 100)) for n, (x, y) in moves.items()})
    return session


def without_index(board: Board) -> Board:
    return replace(board, source=None)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_a_drag_makes_the_same_room_near_and_everywhere(data: st.DataObject) -> None:
    session = tidy_board(data.draw)
    if not len(session):
        return
    assert broken_promises(session) == []
    ids = sorted(note.id for note in session.notes)
    chosen = data.draw(st.lists(st.sampled_from(ids), min_size=1, max_size=6, unique=True))
    dx, dy = data.draw(st.floats(-400, 400)), data.draw(st.floats(-400, 400))
    placed = {n: (session.note(n).x + dx, session.note(n).y + dy) for n in chosen}
    board = Board.of(session)
    assert board.source is not None
    assert lane_layout.settle(board, placed) == lane_layout.settle(without_index(board), placed)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_new_notes_make_the_same_room_near_and_everywhere(data: st.DataObject) -> None:
    session = tidy_board(data.draw)
    width = sum(lane.width + 24 for lane in session.lanes)
    extra = [
        Note(id=f"new{i}", lane_id=None, x=data.draw(st.floats(0, width - 200)), y=data.draw(st.floats(0, 2000)))
        for i in range(data.draw(st.integers(1, 6)))
    ]
    board = Board.of(session, extra=extra)
    new = {note.id for note in extra}
    assert lane_layout.place_new(board, new) == lane_layout.place_new(without_index(board), new)


edits = st.lists(
    st.tuples(st.sampled_from(["add", "remove", "move", "resize", "undo_remove"]), st.integers(0, 50),
              st.floats(-500, 3000), st.floats(-500, 3000)),
    max_size=40,
)


@settings(max_examples=100, deadline=None)
@given(steps=edits)
def test_the_index_always_equals_the_session(steps: list[tuple[str, int, float, float]]) -> None:
    session = Session.create("Indexed", [Lane(id="L", title="Lane", order=0, width=800.0)])
    index = index_of(session)
    removed: list[Note] = []
    for number, (kind, pick, x, y) in enumerate(steps):
        notes = session.notes
        note = notes[pick % len(notes)] if notes else None
        if kind == "add" or note is None:
            session.add_notes([Note(id=f"a{number}", lane_id="L", x=x, y=y)])
        elif kind == "remove":
            removed += session.remove_notes([note.id])
        elif kind == "move":
            session.move_notes({note.id: NotePlacement(x, y, "L")})
        elif kind == "resize":
            session.resize_notes({note.id: (100.0 + pick, 80.0 + pick)})
        elif removed:
            session.add_notes([removed.pop()])
        assert index.rects == {n.id: Rect(n.x, n.y, n.width, n.height) for n in session.notes}
        assert list(index.rects) == [n.id for n in session.notes]
        assert sorted(index.sequence, key=index.sequence.__getitem__) == [n.id for n in session.notes]
        for n in session.notes:  # every note is found where it is
            assert n.id in index.near(Rect(n.x + 1, n.y + 1, 1, 1))
    assert index_of(session) is index


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_dragging_almost_everything_makes_the_same_room_near_and_everywhere(data: st.DataObject) -> None:
    """Select All and drag (or all but a few): most notes move by one offset, some are pushed
    back into their lane, the few left behind and the clusters are in the way."""
    session = tidy_board(data.draw)
    ids = sorted(note.id for note in session.notes)
    if len(ids) < 20:
        return
    left = data.draw(st.lists(st.sampled_from(ids), max_size=4, unique=True))
    dx, dy = data.draw(st.sampled_from([0.1, 24.0, 40.0, -37.3, 300.0])), data.draw(st.sampled_from([0.2, 40.0, -60.7, 500.0]))
    placed = {n: (session.note(n).x + dx, session.note(n).y + dy) for n in ids if n not in left}
    board = Board.of(session)
    assert lane_layout.settle(board, placed) == lane_layout.settle(without_index(board), placed)


@settings(max_examples=100, deadline=None)
@given(data=st.data())
def test_an_index_warmed_up_a_few_notes_at_a_time_answers_as_one_built_at_once(data: st.DataObject) -> None:
    """A big board's index is put together over idle turns; a move (of a few notes or of most)
    between two turns, or a gesture asking before the end, still finds every note."""
    session = Session.create("Warm", [Lane(id="L", title="Lane", order=0, width=900.0)])
    count = data.draw(st.integers(1, 60))
    session.add_notes([
        Note(id=f"n{i}", lane_id="L", x=data.draw(st.floats(0, 3000)), y=data.draw(st.floats(0, 3000)))
        for i in range(count)
    ])
    index = index_of(session)
    step = data.draw(st.integers(1, 10))
    while index.warm_up(step):
        moved = data.draw(st.lists(st.sampled_from([n.id for n in session.notes]), max_size=count, unique=True))
        session.move_notes({n: NotePlacement(session.note(n).x + 450, session.note(n).y + 370, "L") for n in moved})
        if data.draw(st.booleans()):
            break  # a gesture asks before the warming ends
    for note in session.notes:  # every note is found where it is
        assert note.id in index.near(Rect(note.x + 1, note.y + 1, 1, 1))
    fresh = BoardIndex(session.notes)
    for cell_area in (Rect(x, y, 500, 500) for x in range(-500, 4000, 700) for y in range(-500, 4000, 700)):
        assert index.near(cell_area) == fresh.near(cell_area)
