"""How tall a note grows to show its text: the board keeps one text size, so a note with more
words grows instead of setting them smaller.

The rule is here, free of Qt, so every editor that changes text or lays notes out (editing a
note, importing, tidying) sizes notes the same way. The caller measures text (the drawing side
knows the font): ``text_height(text, width)`` is the height ``text`` needs when wrapped to
``width`` at the board's text size.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from canvasapp.model.entities import MAX_NOTE_SIDE, NOTE_HEIGHT, Note

#: Space between a note's edge and its text (the board draws the same).
TEXT_PADDING = 10.0
#: A note grows to at most this height for its text; beyond it the text ends in "…" (the full
#: text stays in the tooltip and the exports) rather than a note taking over its lane.
MAX_GROWN_HEIGHT = 3 * NOTE_HEIGHT

TextHeight = Callable[[str, float], float]


def grown_height(text: str, width: float, height: float, text_height: TextHeight) -> float:
    """The height a ``width`` × ``height`` note needs for ``text``: never smaller than it is
    (a size the facilitator chose stays), at most :data:`MAX_GROWN_HEIGHT` (or its own height
    if it is already taller)."""
    needed = text_height(text, max(1.0, width - 2 * TEXT_PADDING)) + 2 * TEXT_PADDING
    limit = min(MAX_NOTE_SIDE, max(height, MAX_GROWN_HEIGHT))
    return float(min(max(height, needed), limit))


def room_below(notes: Sequence[Note], note_id: str, new_height: float) -> dict[str, tuple[float, float]]:
    """New positions for the notes a note growing to ``new_height`` would otherwise cover:
    every note of its lane below it and overlapping it sideways moves down by the growth (so
    a column keeps its spacing), and so on down the column. Notes it would not touch stay."""
    by_id = {note.id: note for note in notes}
    grown = by_id[note_id]
    growth = new_height - grown.height
    if growth <= 0:
        return {}
    old_bottom = grown.y + grown.height
    column = sorted(
        (note for note in notes
         if note.id != note_id and note.lane_id == grown.lane_id and note.y >= old_bottom - 0.5
         and note.x < grown.x + grown.width and grown.x < note.x + note.width),
        key=lambda note: note.y,
    )
    if not column or column[0].y >= grown.y + new_height:
        return {}
    return {note.id: (note.x, note.y + growth) for note in column}
