"""Where a note's dots and the reveal's total go: a strip under the note that the layout keeps
free, so a badge never covers words (the note's own, a neighbour's, a cluster's title).

Every placement of :mod:`canvasapp.ops.lane_layout` counts a note's strip as part of what the
note covers; the board draws its dots and totals only inside it (``ui/voting/dot_badges.py``).
No Qt here: the drawing side measures the total's text and asks for the boxes.
"""

from __future__ import annotations

from canvasapp.ops.layout import Rect

#: The strip under every note, as tall as a dot with a little air above and below it.
BADGE_STRIP = 56.0
#: One dot at 100% zoom: about a thumb's width on a touch screen.
DOT = 46.0
DOT_GAP = 6.0
#: The reveal's total: a pill as tall as the strip allows, at the strip's right end.
TOTAL_HEIGHT = 52.0
#: Room either side of the total's number inside its pill.
TOTAL_PADDING = 12.0


def strip_of(note: Rect) -> Rect:
    """The band under ``note`` kept for its badges (as wide as the note)."""
    return Rect(note.x, note.bottom, note.width, BADGE_STRIP)


def with_strip(note: Rect) -> Rect:
    """What a note covers in the layout: itself and its strip."""
    return Rect(note.x, note.y, note.width, note.height + BADGE_STRIP)


def total_box(note: Rect, text_width: float) -> Rect:
    """The reveal's total for a number ``text_width`` wide: at the right end of the strip, never
    wider than the note."""
    width = min(note.width, max(TOTAL_HEIGHT, text_width + 2 * TOTAL_PADDING))
    return Rect(note.right - width, note.bottom + (BADGE_STRIP - TOTAL_HEIGHT) / 2, width, TOTAL_HEIGHT)


def dot_boxes(note: Rect, count: int, total: Rect | None = None) -> list[Rect]:
    """One circle per dot from the strip's left end, as many of ``count`` as fit beside the
    ``total`` (if shown); the caller writes "+n" on the last when some do not fit. None fit
    beside a total on a very narrow note: the total says it all."""
    right = total.x - DOT_GAP if total is not None else note.right
    fit = max(0, int((right - note.x) // (DOT + DOT_GAP)))
    top = note.bottom + (BADGE_STRIP - DOT) / 2
    return [Rect(note.x + DOT_GAP + index * (DOT + DOT_GAP), top, DOT, DOT) for index in range(min(count, fit))]
