"""Where lanes sit on the board and which lane a point belongs to."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from canvasapp.model import Lane, Note, NotePlacement, Session
from canvasapp.model.entities import NOTE_HEIGHT

LANE_GAP = 24.0
LANE_HEADER_HEIGHT = 150.0
MIN_LANE_HEIGHT = 1200.0
NOTE_GAP = 24.0
#: A picture of the board shows the lanes only as tall as their notes, with room for one row.
PICTURE_LANE_HEIGHT = LANE_HEADER_HEIGHT + NOTE_HEIGHT + 2 * NOTE_GAP


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


def lane_at(lanes: list[Lane], x: float) -> str | None:
    """The lane under a horizontal position (a note's centre); ``None`` outside every lane."""
    for lane_id, rect in lane_rects(lanes).items():
        if rect.contains_x(x):
            return lane_id
    return None


def placements_at(session: Session, positions: Mapping[str, tuple[float, float]]) -> dict[str, NotePlacement]:
    """Notes at new top-left positions, each in the lane under its centre (``None``: none)."""
    lanes = session.lanes
    placements = {}
    for note_id, (x, y) in positions.items():
        note = session.note(note_id)
        placements[note_id] = NotePlacement(x, y, lane_at(lanes, x + note.width / 2))
    return placements


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
