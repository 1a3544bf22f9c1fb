"""Where lanes sit on the board and which lane a point belongs to."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from itertools import repeat
from operator import add, attrgetter, truediv

from canvasapp.model import Lane, Note, NotePlacement, Session
from canvasapp.model.entities import NOTE_HEIGHT

LANE_GAP = 24.0
LANE_HEADER_HEIGHT = 150.0
MIN_LANE_HEIGHT = 1200.0
NOTE_GAP = 24.0
#: A picture of the board shows the lanes only as tall as their notes, with room for one row.
PICTURE_LANE_HEIGHT = LANE_HEADER_HEIGHT + NOTE_HEIGHT + 2 * NOTE_GAP
_WIDTH = attrgetter("width")


@dataclass(frozen=True, slots=True)
class Rect:
    x: float
    y: float
    width: float
    height: float

    @property
    def right(self) -> float:
        return self.x + self.width

    @property
    def bottom(self) -> float:
        return self.y + self.height

    def contains_x(self, x: float) -> bool:
        return self.x <= x < self.right


def lane_rects(
    lanes: list[Lane], notes: list[Note] | None = None, min_height: float = MIN_LANE_HEIGHT
) -> dict[str, Rect]:
    """Lanes side by side in their order, tall enough to hold every note (and ``min_height``:
    room to write on the canvas, just the notes in a picture of the board)."""
    bottom = min_height
    for note in notes or ():
        bottom = max(bottom, note.y + note.height + NOTE_GAP * 4)
    rects: dict[str, Rect] = {}
    x = 0.0
    for lane in sorted(lanes, key=lambda lane: lane.order):
        rects[lane.id] = Rect(x, 0.0, lane.width, bottom)
        x += lane.width + LANE_GAP
    return rects


class LaneSpans:
    """Which lane is under a horizontal position, found by bisection over the lanes' left edges.

    Built once for many look-ups (moving 10,000 notes asks 10,000 times), so the lanes' layout
    is computed once rather than per note.
    """

    def __init__(self, lanes: list[Lane]) -> None:
        rects = sorted(lane_rects(lanes).items(), key=lambda item: item[1].x)
        self._lefts = [rect.x for _lane_id, rect in rects]
        self._rights = [rect.right for _lane_id, rect in rects]
        self._ids = [lane_id for lane_id, _rect in rects]

    def lane_at(self, x: float) -> str | None:
        return self.lanes_at([x])[0]

    def lanes_at(self, xs: Sequence[float]) -> list[str | None]:
        """:meth:`lane_at` of each position, the bisections looped in C (``map``)."""
        rights, ids = self._rights, self._ids
        # ``after``: how many lanes start at or left of x; the lane before that holds x if x is
        # left of its right edge.
        return [
            ids[after - 1] if after and x < rights[after - 1] else None
            for after, x in zip(map(bisect_right, repeat(self._lefts), xs), xs, strict=True)
        ]


def lane_at(lanes: list[Lane], x: float) -> str | None:
    """The lane under a horizontal position (a note's centre); ``None`` outside every lane."""
    return LaneSpans(lanes).lane_at(x)


def placements_at(session: Session, positions: Mapping[str, tuple[float, float]]) -> dict[str, NotePlacement]:
    """Notes at new top-left positions, each in the lane under its centre (``None``: none).
    Column by column in C loops (``map``, ``zip``): a drop of every note asks for 10,000."""
    if not positions:
        return {}
    note_ids = list(positions)
    xs, ys = zip(*positions.values(), strict=True)
    half_widths = map(truediv, map(_WIDTH, session.notes_of(note_ids)), repeat(2))
    lanes = LaneSpans(session.lanes).lanes_at(list(map(add, xs, half_widths)))
    return dict(zip(note_ids, map(NotePlacement, xs, ys, lanes), strict=True))


def inside_lane(lanes: list[Lane], x: float, left: float, top: float, width: float) -> tuple[float, float]:
    """A top-left corner for something ``width`` wide made at ``x``, moved in from the lane's
    edges (rather than hanging over into the next lane) and below the lane's header."""
    lane_id = lane_at(lanes, x)
    lane = lane_rects(lanes).get(lane_id) if lane_id is not None else None
    if lane is None:
        return left, top
    return (
        min(max(left, lane.x + NOTE_GAP), lane.right - width - NOTE_GAP),
        max(top, LANE_HEADER_HEIGHT + NOTE_GAP),
    )
