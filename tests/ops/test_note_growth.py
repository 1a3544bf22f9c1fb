"""Notes grow to show their text (within limits) and push the notes below them down."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from canvasapp.model import Note
from canvasapp.ops.note_growth import MAX_GROWN_HEIGHT, grown_height, room_below


def lines_of_30(text: str, width: float) -> float:
    """Fake measure: 10 px per character, 30 px a line."""
    per_line = max(1, int(width // 10))
    return 30.0 * max(1, -(-len(text) // per_line))


def test_grows_never_shrinks_and_stops_at_the_limit() -> None:
    assert grown_height("short", 200, 140, lines_of_30) == 140
    assert grown_height("x" * 90, 200, 140, lines_of_30) == 30 * 5 + 20
    assert grown_height("x" * 10_000, 200, 140, lines_of_30) == MAX_GROWN_HEIGHT
    assert grown_height("short", 200, 600, lines_of_30) == 600, "a size the facilitator chose stays"


def _overlap(a: Note, b: Note) -> bool:
    return a.x < b.x + b.width and b.x < a.x + a.width and a.y < b.y + b.height and b.y < a.y + a.height


@settings(max_examples=80, deadline=None)
@given(rows=st.integers(1, 6), columns=st.integers(1, 3), pick=st.integers(0, 17), growth=st.floats(1, 400))
def test_growth_covers_nothing_in_a_grid(rows: int, columns: int, pick: int, growth: float) -> None:
    notes = [Note(f"n{r}-{c}", "l", x=20 + c * 224, y=200 + r * 164) for r in range(rows) for c in range(columns)]
    grown = notes[pick % len(notes)]
    moves = room_below(notes, grown.id, grown.height + growth)
    after = [
        Note(note.id, "l", x=moves.get(note.id, (note.x, note.y))[0], y=moves.get(note.id, (note.x, note.y))[1],
             height=grown.height + growth if note.id == grown.id else note.height)
        for note in notes
    ]
    for i, first in enumerate(after):
        for second in after[i + 1:]:
            assert not _overlap(first, second), (first, second)
    assert all(moves_x == note.x for note in notes for moves_x, _y in [moves.get(note.id, (note.x, note.y))])
