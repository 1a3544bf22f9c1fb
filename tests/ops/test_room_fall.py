"""A block falling down the board past what it covers lands where stepping one push at a time
lands it, however the rectangles it meets are stacked (columns taller than one look ahead,
touching edges, blocks of every size)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from canvasapp.ops.lane_layout import _fall, overlaps
from canvasapp.ops.layout import Rect

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
