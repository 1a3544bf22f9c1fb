"""A block falling down the board past what it covers lands where stepping one push at a time
lands it, however the rectangles it meets are stacked (columns taller than one look ahead,
touching edges, blocks of every size); and a drop of (nearly) everything on a board with deep
columns makes the same room near what moved as packing every block of the lanes does."""

from __future__ import annotations

from dataclasses import replace

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from canvasapp.model import Lane, Note, NotePlacement, Session
from canvasapp.model.entities import NOTE_HEIGHT, NOTE_WIDTH
from canvasapp.ops import lane_layout
from canvasapp.ops.lane_layout import ROW_GAP, Board, _fall, overlaps
from canvasapp.ops.layout import LANE_GAP, LANE_HEADER_HEIGHT, NOTE_GAP, Rect, lane_at
from tests.board_invariants import broken_promises

sizes = st.sampled_from([(200.0, 140.0), (160.0, 100.0), (280.0, 200.0), (200.0, 1400.0)])


@st.composite
def boards(draw: st.DrawFn) -> tuple[Rect, list[Rect], float]:
    """Rectangles in a few columns, rows a gap apart or on top of one another, and a block above them."""
    placed = []
    for column in range(draw(st.integers(1, 3))):
        x = draw(st.sampled_from([0.0, 100.0, 224.0, 230.5])) + column * 150.0
        y = draw(st.floats(0, 300, allow_nan=False))
        for _row in range(draw(st.integers(0, 40))):
            width, height = draw(sizes)
            placed.append(Rect(x, y, width, height))
            y += height + draw(st.sampled_from([24.0, 34.0, 0.0, -20.0, 500.0, 1e-7]))
    width, height = draw(sizes)
    block = Rect(draw(st.floats(-150, 600, allow_nan=False)), draw(st.floats(-100, 800, allow_nan=False)), width, height)
    return block, placed, draw(st.sampled_from([24.0, 34.0]))


def step_by_step(area: Rect, placed: list[Rect], gap: float) -> Rect:
    """The general path: ask again at every push."""
    while hits := [other for other in placed if overlaps(area, other)]:
        area = Rect(area.x, max(hit.y + hit.height for hit in hits) + gap, area.width, area.height)
    return area


@settings(max_examples=300, deadline=None)
@given(boards())
def test_a_fall_lands_where_pushing_step_by_step_lands(board: tuple[Rect, list[Rect], float]) -> None:
    block, placed, gap = board
    asked: list[Rect] = []

    def earlier(area: Rect) -> list[Rect]:
        asked.append(area)
        return [other for other in placed if overlaps(area, other)]

    landed = _fall(block, earlier, gap)
    assert landed == step_by_step(block, placed, gap)
    assert not any(overlaps(landed, other) for other in placed)
    # Looked ahead a stretch at a time, never more often than once per push.
    pushes = 0
    area = block
    while hits := [other for other in placed if overlaps(area, other)]:
        area = Rect(area.x, max(hit.y + hit.height for hit in hits) + gap, area.width, area.height)
        pushes += 1
    assert len(asked) <= pushes + 1


@st.composite
def grid_boards(draw: st.DrawFn) -> Session:
    """A tidy board as a big workshop leaves it: each lane a grid of notes, columns many rows
    deep (deeper than one look ahead), as the benchmark's board is."""
    columns = draw(st.integers(2, 4))
    lane_width = NOTE_GAP + columns * (NOTE_WIDTH + NOTE_GAP)
    lanes = [Lane(id=f"L{i}", title=f"Lane {i}", order=i, width=lane_width) for i in range(draw(st.integers(1, 3)))]
    session = Session.create("Board", lanes)
    notes = []
    for number, lane in enumerate(lanes):
        left = number * (lane_width + LANE_GAP)
        for index in range(draw(st.integers(0, columns * 30))):
            column, row = index % columns, index // columns
            x = left + NOTE_GAP + column * (NOTE_WIDTH + NOTE_GAP)
            notes.append(Note(id=f"n{number}-{index}", lane_id=lane.id, x=x,
                              y=LANE_HEADER_HEIGHT + NOTE_GAP + row * (NOTE_HEIGHT + ROW_GAP)))
    session.add_notes(notes)
    return session


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(grid_boards(), st.floats(-900, 900), st.floats(-600, 900), st.booleans())
def test_dropping_everything_on_a_deep_board_makes_the_same_room_near_and_everywhere(
    session: Session, dx: float, dy: float, all_of_them: bool
) -> None:
    """Notes pushed off a lane's edge fall down whole columns of notes moved with them: the
    near path (stretches ahead) ends every note where packing every block of the lane does."""
    notes = session.notes if all_of_them else session.notes[: len(session) * 9 // 10]
    placed = {note.id: (note.x + dx, note.y + dy) for note in notes}
    board = Board.of(session)
    assert board.source is not None
    near = lane_layout.settle(board, placed)
    assert near == lane_layout.settle(replace(board, source=None), placed)
    session.move_notes({n: NotePlacement(x, y, lane_at(session.lanes, x + NOTE_WIDTH / 2)) for n, (x, y) in near.items()})
    assert broken_promises(session) == []
