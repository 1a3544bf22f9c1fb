"""How tall a note grows to show its text: the board keeps one text size, so a note with more
words grows instead of setting them smaller.

The rule is here, free of Qt, so every editor that changes text or lays notes out (editing a
note, importing, tidying) sizes notes the same way; making room for a grown note is the
layout's job (:func:`canvasapp.ops.lane_layout.settle`, as for a resize). The caller measures text (the drawing side
knows the font): ``text_height(text, width)`` is the height ``text`` needs when wrapped to
``width`` at the board's text size.
"""

from __future__ import annotations

from collections.abc import Callable

from canvasapp.model.entities import MAX_NOTE_SIDE, NOTE_HEIGHT

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
