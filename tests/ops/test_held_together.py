"""Notes dragged together stop at a lane's edge together: the selection keeps its shape instead
of its edge notes being pushed one by one onto their neighbours and down through the rows. On
boards drawn on paper, and on random tidy boards with random drags: when held, every note moved
by one offset and every block lies inside a lane; either way the board keeps its promises."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from canvasapp.model import Lane, NotePlacement
from canvasapp.ops import lane_layout
from canvasapp.ops.lane_layout import Board
from canvasapp.ops.layout import LANE_GAP, LANE_HEADER_HEIGHT, NOTE_GAP, Rect, lane_at, lane_rects
from tests.board_invariants import broken_promises
from tests.ops.test_room_near import tidy_board

LANES = (Lane(id="one", title="One", order=0, width=760.0), Lane(id="two", title="Two", order=1, width=760.0))
TOP = LANE_HEADER_HEIGHT + NOTE_GAP
TWO = 760.0 + LANE_GAP  # lane two's left edge


def board(notes: dict[str, tuple[float, float]], clusters: dict[str, tuple[str, ...]] | None = None) -> Board:
    return Board(LANES, {n: Rect(x, y, 200.0, 140.0) for n, (x, y) in notes.items()}, clusters or {})


def moved_by(start: Board, dx: float, dy: float, ids: list[str] | None = None) -> dict[str, tuple[float, float]]:
    return {n: (start.notes[n].x + dx, start.notes[n].y + dy) for n in ids or start.notes}


GRID = {f"{row}{column}": (NOTE_GAP + column * 224.0, TOP + row * 200.0) for row in range(3) for column in range(3)}


def test_a_grid_dragged_up_and_left_past_the_edges_stops_at_them_as_one() -> None:
    start = board({n: (x + 60.0, y + 100.0) for n, (x, y) in GRID.items()})
    held = lane_layout.held_together(start, moved_by(start, -90.0, -130.0))
    # The top-left note stops at the lane's corner; the rest keep their places around it.
    assert held == GRID
    assert lane_layout.settle(start, dict(held)) == held, "nothing else moves: the grid kept apart"


def test_a_grid_dragged_up_past_the_header_keeps_its_sideways_move() -> None:
    start = board({n: (x + 100.0, y + 50.0) for n, (x, y) in GRID.items()})
    held = lane_layout.held_together(start, moved_by(start, -60.0, -120.0))
    assert held == {n: (x + 40.0, y) for n, (x, y) in GRID.items()}


def test_everything_dragged_sideways_across_full_lanes_stays_in_its_columns() -> None:
    # Both lanes full to their edges: no sideways shortening holds every note in a lane.
    columns = [NOTE_GAP, 760.0 - NOTE_GAP - 200.0, TWO + NOTE_GAP, TWO + 760.0 - NOTE_GAP - 200.0]
    start = board({f"n{i}": (x, TOP + 300.0) for i, x in enumerate(columns)})
    held = lane_layout.held_together(start, moved_by(start, 300.0, 80.0))
    assert held == {n: (rect.x, rect.y + 80.0) for n, rect in start.notes.items()}


def test_notes_dropped_across_the_next_lanes_edge_go_on_into_it_together() -> None:
    # Held back just enough for "r1" to stay in lane one, "r2" would straddle lane two's edge;
    # moved on a little, both lie in lane two, as the facilitator was taking them there.
    start = board({"r1": (300.0, TOP + 400.0), "r2": (540.0, TOP + 400.0)})
    held = lane_layout.held_together(start, moved_by(start, 300.0, 0.0))
    assert held == {"r1": (TWO + NOTE_GAP, TOP + 400.0), "r2": (TWO + NOTE_GAP + 240.0, TOP + 400.0)}


def test_a_selection_that_no_partial_hold_keeps_in_its_lanes_stays_in_its_columns() -> None:
    # Held back just enough for p to clear lane one's left edge, q (dropped inside lane one)
    # would straddle its right edge: neither moves sideways.
    start = board({"p": (200.0, TOP + 300.0), "q": (TWO + NOTE_GAP, TOP + 300.0)})
    held = lane_layout.held_together(start, moved_by(start, -300.0, 40.0))
    assert held == {"p": (200.0, TOP + 340.0), "q": (TWO + NOTE_GAP, TOP + 340.0)}


def test_notes_dragged_into_the_next_lane_over_its_far_edge_stop_inside_it_together() -> None:
    start = board({"a": (100.0, TOP + 300.0), "b": (330.0, TOP + 300.0), "c": (100.0, TOP + 600.0)})
    held = lane_layout.held_together(start, moved_by(start, 1200.0, 0.0, ["a", "b"]))
    right = TWO + 760.0 - NOTE_GAP - 200.0
    assert held == {"a": (right - 230.0, TOP + 300.0), "b": (right, TOP + 300.0)}
    lanes = lane_rects(list(LANES))
    assert all(lane_layout.lane_of(LANES, Rect(x, y, 200.0, 140.0)) == "two" for x, y in held.values())
    assert lanes["two"].x <= min(x for x, _y in held.values())


def test_a_note_beside_the_board_dragged_with_others_may_stay_beside_it() -> None:
    start = board({"beside": (-600.0, TOP + 100.0), "a": (NOTE_GAP, TOP + 100.0), "b": (248.0, TOP + 100.0)})
    held = lane_layout.held_together(start, moved_by(start, -50.0, 0.0))
    assert held == {"beside": (-600.0, TOP + 100.0), "a": (NOTE_GAP, TOP + 100.0), "b": (248.0, TOP + 100.0)}


def test_a_hold_never_turns_into_a_move_the_other_way() -> None:
    # Inside their lane at its very edge (x 4, y 160): pushed left and up past it, they stay.
    start = board({"a": (4.0, 160.0), "b": (228.0, 160.0)})
    assert lane_layout.held_together(start, moved_by(start, -10.0, -30.0)) == {"a": (4.0, 160.0), "b": (228.0, 160.0)}


def test_held_all_the_way_back_the_notes_are_exactly_where_they_were() -> None:
    # A drag at 60% zoom moves by fractions that do not add back to zero exactly.
    start = board({"a": (NOTE_GAP, TOP), "b": (248.0, TOP)})
    placed = {n: (rect.x - 61.666666666666664, rect.y - 88.33333333333333) for n, rect in start.notes.items()}
    assert lane_layout.held_together(start, placed) == {"a": (NOTE_GAP, TOP), "b": (248.0, TOP)}


def test_a_selection_dropped_wholly_beside_the_board_stays_there() -> None:
    start = board({"a": (TWO + 300.0, TOP + 100.0), "b": (TWO + 524.0, TOP + 100.0)})
    placed = moved_by(start, 1500.0, 0.0)
    assert lane_layout.held_together(start, placed) is placed


def test_notes_moved_by_different_offsets_half_a_cluster_or_nothing_to_hold_are_left_as_placed() -> None:
    start = board(GRID, {"k": ("00", "11")})
    different = {"01": (-50.0, TOP), "02": (-60.0, TOP)}
    half = {"00": (-80.0, TOP), "01": (-80.0 + 224.0, TOP)}
    free = moved_by(start, 0.0, 500.0)
    single = {"22": (-300.0, 0.0)}
    for placed in (different, half, free, single):
        assert lane_layout.held_together(start, placed) is placed


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_a_held_drag_moves_every_note_by_one_offset_into_a_lane_and_keeps_the_promises(data: st.DataObject) -> None:
    session = tidy_board(data.draw)
    ids = sorted(note.id for note in session.notes)
    if len(ids) < 2:
        return
    chosen = data.draw(st.one_of(st.just(ids), st.lists(st.sampled_from(ids), min_size=2, unique=True)))
    dx, dy = data.draw(st.floats(-1500, 1500)), data.draw(st.floats(-1500, 1500))
    board_before = Board.of(session)
    placed = {n: (session.note(n).x + dx, session.note(n).y + dy) for n in chosen}
    held = lane_layout.held_together(board_before, placed)
    if held is not placed:
        offsets = {(round(x - session.note(n).x, 6), round(y - session.note(n).y, 6)) for n, (x, y) in held.items()}
        assert len(offsets) == 1, "held as one: every note moved by the same offset"
        assert held.keys() == placed.keys()
    positions = {**dict(held), **lane_layout.settle(board_before, dict(held))}
    lanes = session.lanes
    session.move_notes({n: NotePlacement(x, y, lane_at(lanes, x + session.note(n).width / 2)) for n, (x, y) in positions.items()})
    assert broken_promises(session) == []


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_everything_held_together_settles_as_the_full_packing_does(data: st.DataObject) -> None:
    # A drag of every note of a board without clusters, held together, skips making room
    # (nothing stays for it to land on): the same corners as packing every lane would give.
    session = tidy_board(data.draw)
    for cluster in list(session.clusters):
        session.remove_cluster(cluster.id)
    board_before = Board.of(session)
    ids = sorted(board_before.notes)
    # Mostly everything (the case the shortcut is for), sometimes all but a few.
    left = set(data.draw(st.one_of(st.just([]), st.lists(st.sampled_from(ids), max_size=3, unique=True)))) if ids else set()
    chosen = [n for n in ids if n not in left]
    dx, dy = data.draw(st.floats(-1500, 1500)), data.draw(st.floats(-1500, 1500))
    held = dict(lane_layout.held_together(board_before, moved_by(board_before, dx, dy, chosen or None)))
    settled = lane_layout.settle(board_before, held)
    took_shortcut = lane_layout._moved_as_one(board_before, held)
    if took_shortcut:
        assert settled == held
    packed = lane_layout._packed_around(board_before, held)
    assert {**held, **settled} == {**held, **packed}
