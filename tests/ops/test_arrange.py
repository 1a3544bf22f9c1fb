"""Arranging is plain geometry: checked here without a window."""

from __future__ import annotations

from canvasapp.model import Lane, Note
from canvasapp.ops.arrange import (
    Box,
    align_left,
    align_top,
    distribute_horizontally,
    distribute_vertically,
    in_reading_order,
    offset_grid,
    reading_order,
    snap_positions,
)
from canvasapp.ops.layout import NOTE_GAP, Rect


def test_reading_order_is_rows_then_columns_with_a_tolerance() -> None:
    items = [Box("c", 10, 400), Box("b", 300, 212), Box("a", 20, 200), Box("d", 250, 420)]
    assert [box.id for box in in_reading_order(items)] == ["a", "b", "c", "d"]


def test_reading_order_goes_lane_by_lane_then_loose_notes() -> None:
    lanes = [Lane(id="two", title="Two", order=1), Lane(id="one", title="One", order=0)]
    notes = [
        Note(id="loose", lane_id=None, x=-500, y=0),
        Note(id="two-a", lane_id="two", x=800, y=200),
        Note(id="one-b", lane_id="one", x=300, y=200),
        Note(id="one-a", lane_id="one", x=20, y=210),
        Note(id="one-c", lane_id="one", x=20, y=500),
    ]
    assert reading_order(notes, lanes) == ["one-a", "one-b", "one-c", "two-a", "loose"]


def test_align_and_distribute() -> None:
    items = [Box("a", 100, 50), Box("b", 40, 300), Box("c", 700, 10, width=100)]
    assert align_left(items) == {"a": (40, 50), "b": (40, 300), "c": (40, 10)}
    assert align_top(items) == {"a": (100, 10), "b": (40, 10), "c": (700, 10)}
    spread = distribute_horizontally(items)
    # From 40 to 800: widths 200 + 200 + 100 leave 260 for two gaps.
    assert spread == {"b": (40, 300), "a": (370, 50), "c": (700, 10)}
    tall = [Box("a", 0, 0, height=100), Box("b", 0, 50, height=100), Box("c", 0, 1000, height=100)]
    assert distribute_vertically(tall)["b"] == (0, 500)
    assert distribute_horizontally(items[:2]) == {"b": (40, 300), "a": (100, 50)}


def test_snap_and_offset_grid() -> None:
    assert snap_positions({"a": (29.0, 11.0)}) == {"a": (20.0, 20.0)}
    lane = Rect(0, 0, 760, 1200)
    cells = offset_grid(5, 700, 400, lane)
    # Centred at the cursor would overflow the lane's right edge: pulled inside, one column.
    assert all(x + 200 <= lane.right - NOTE_GAP + 0.01 for x, _ in cells)
    wide = offset_grid(5, 200, 400, Rect(0, 0, 3000, 1200))
    assert wide[0] == (100, 330) and len({y for _, y in wide}) == 2
    assert offset_grid(3, 100, 100, None)[1] == (224, 30)
