"""The lane layout on small boards one can draw on paper: free placement stays free, a drop on
something makes room below, blocks keep whole, sort orders blocks and their notes, an import
lands below what is there; and on random boards, making room always keeps the promises."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from canvasapp.model import Lane, Note, NotePlacement, Session
from canvasapp.ops import lane_layout
from canvasapp.ops.badge_strip import BADGE_STRIP
from canvasapp.ops.cluster_summary import frame_of
from canvasapp.ops.lane_layout import Board, overlaps
from canvasapp.ops.layout import LANE_HEADER_HEIGHT, NOTE_GAP, Rect, lane_at
from tests.board_invariants import broken_promises

LANES = [Lane(id="one", title="One", order=0, width=760.0), Lane(id="two", title="Two", order=1, width=760.0)]


def board(notes: dict[str, tuple[float, float]], clusters: dict[str, tuple[str, ...]] | None = None) -> Board:
    rects = {note_id: Rect(x, y, 200.0, 140.0) for note_id, (x, y) in notes.items()}
    return Board(tuple(LANES), rects, clusters or {})


def test_a_note_dragged_to_an_empty_spot_stays_exactly_there() -> None:
    start = board({"a": (24, 200), "b": (248, 200)})
    assert lane_layout.settle(start, {"a": (300, 700)}) == {"a": (300, 700)}


def test_a_note_dropped_on_another_stays_and_the_other_moves_down() -> None:
    start = board({"a": (24, 200), "b": (248, 200)})
    moved = lane_layout.settle(start, {"a": (260, 220)})
    assert moved["a"] == (260, 220)
    assert moved["b"] == (248, 220 + 140 + BADGE_STRIP + NOTE_GAP)


def test_a_note_dropped_just_under_another_lands_below_its_badge_strip() -> None:
    start = board({"a": (24, 200), "b": (248, 200)})
    # Dropped 20 points under a: on a's badge strip, not on a's words.
    moved = lane_layout.settle(start, {"b": (30, 360)})
    assert moved == {"b": (30, 200 + 140 + BADGE_STRIP + NOTE_GAP)}  # a stays put


def test_a_note_dropped_over_a_header_or_across_a_lane_edge_is_moved_in() -> None:
    start = board({"a": (24, 200)})
    x, y = lane_layout.settle(start, {"a": (650, 20)})["a"]
    assert y >= LANE_HEADER_HEIGHT and x + 200 <= 760


def test_a_frame_that_would_cover_a_note_pushes_it_down_whole_blocks_move_together() -> None:
    # b sits just under a; grouping a with c (far away) grows a frame around a's place.
    start = board({"a": (40, 300), "b": (40, 470), "c": (40, 900), "d": (264, 470)}, {"k": ("a", "c")})
    moved = lane_layout.gather(start, [(("a", "c"), (40, 300))])
    after = start.moved(moved)
    frame = frame_of([after.notes["a"], after.notes["c"]])
    for other in ("b", "d"):
        assert not overlaps(frame, after.notes[other])
    # b and d were side by side and stay side by side (each moved down, as little as it can).
    assert after.notes["b"].y == after.notes["d"].y


def test_sort_by_dots_orders_clusters_by_total_and_their_notes_by_their_own() -> None:
    start = board(
        {"a": (40, 300), "b": (264, 300), "c": (40, 700), "d": (264, 700), "e": (488, 1100)},
        {"small": ("a", "b"), "big": ("c", "d")},
    )
    dots = {"a": 1, "b": 2, "c": 5, "d": 9, "e": 3}
    after = start.moved({**{n: (r.x, r.y) for n, r in start.notes.items()}, **lane_layout.sort_by_dots(start, None, dots)})
    big = frame_of([after.notes["c"], after.notes["d"]])
    small = frame_of([after.notes["a"], after.notes["b"]])
    assert big.y < small.y  # 14 dots before 3 (the loose note with 3 ties the small cluster: reading order)
    assert after.notes["d"].x < after.notes["c"].x  # 9 before 5 inside the cluster
    assert after.notes["b"].x < after.notes["a"].x
    # Room for the badges: the strip under each note is clear of the notes below it.
    for upper in after.notes.values():
        for lower in after.notes.values():
            if lower.y > upper.y and lower.x < upper.right and upper.x < lower.right:
                assert lower.y - upper.bottom >= BADGE_STRIP


def test_an_import_lands_below_what_the_lanes_hold_keeping_its_own_layout() -> None:
    start = board({"old": (24, 600), "new1": (24, 174), "new2": (248, 174), "other": (808, 174)})
    moved = lane_layout.below_the_rest(start, {"new1", "new2", "other"})
    assert moved["new1"][1] == moved["new2"][1] == 600 + 140 + BADGE_STRIP + NOTE_GAP
    assert "other" not in moved  # its lane had nothing: it stays where the file put it


@st.composite
def sessions(draw: st.DrawFn) -> Session:
    session = Session.create("Random", [lane.copy() for lane in LANES])
    count = draw(st.integers(1, 30))
    notes = []
    for index in range(count):
        x = draw(st.floats(-50, 1500, allow_nan=False))
        y = draw(st.floats(-50, 1500, allow_nan=False))
        notes.append(Note(id=f"n{index}", lane_id=lane_at(LANES, x + 100), x=x, y=y))
    session.add_notes(notes)
    return session


@settings(max_examples=150, deadline=None)
@given(session=sessions())
def test_making_room_on_any_board_keeps_every_promise(session: Session) -> None:
    positions = lane_layout.make_room(Board.of(session), ())
    session.move_notes({
        note_id: NotePlacement(x, y, lane_at(session.lanes, x + 100)) for note_id, (x, y) in positions.items()
    })
    assert broken_promises(session) == []
