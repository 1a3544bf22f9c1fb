"""Notes grow to show their text (within limits). The room a grown note needs is made by the
layout, like a resize's: ``tests/editing/test_tidy_board_properties.py`` grows notes among
its random gestures and checks the board after each."""

from __future__ import annotations

from canvasapp.ops.note_growth import MAX_GROWN_HEIGHT, grown_height


def lines_of_30(text: str, width: float) -> float:
    """Fake measure: 10 px per character, 30 px a line."""
    per_line = max(1, int(width // 10))
    return 30.0 * max(1, -(-len(text) // per_line))


def test_grows_never_shrinks_and_stops_at_the_limit() -> None:
    assert grown_height("short", 200, 140, lines_of_30) == 140
    assert grown_height("x" * 90, 200, 140, lines_of_30) == 30 * 5 + 20
    assert grown_height("x" * 10_000, 200, 140, lines_of_30) == MAX_GROWN_HEIGHT
    assert grown_height("short", 200, 600, lines_of_30) == 600, "a size the facilitator chose stays"
