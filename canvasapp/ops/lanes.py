"""Notes follow their lane when lanes are reordered, resized, added or removed."""

from __future__ import annotations

from canvasapp.model import Lane, Note, NotePlacement
from canvasapp.ops.layout import Rect, lane_rects


def follow_lanes(old_lanes: list[Lane], new_lanes: list[Lane], notes: list[Note]) -> dict[str, NotePlacement]:
    """Where each note of a lane goes when its lane moves from its old place to its new one.

    A note keeps its offset from its lane's left edge and is pulled back inside when the lane
    got narrower, so it still belongs to its lane (a note belongs to the lane under its centre).
    A note in no lane right of the board, or between two lanes, moves with the lane to its
    right, or with the board's right edge, so it stays outside every lane. Only notes that move are
    returned.
    """
    before = lane_rects(old_lanes)
    after = lane_rects(new_lanes)
    moves: dict[str, NotePlacement] = {}
    for note in notes:
        if note.lane_id is None or note.lane_id not in before or note.lane_id not in after:
            dx = _beside_shift(before, after, note.x + note.width / 2)
            if dx:
                moves[note.id] = NotePlacement(note.x + dx, note.y, note.lane_id)
            continue
        old, new = before[note.lane_id], after[note.lane_id]
        x = note.x + (new.x - old.x)
        # Keep the whole note inside when it fits, else at least its left part.
        x = max(new.x, min(x, new.right - note.width))
        if x != note.x:
            moves[note.id] = NotePlacement(x, note.y, note.lane_id)
    return moves


def _beside_shift(before: dict[str, Rect], after: dict[str, Rect], centre: float) -> float:
    """How far the board moved at a point outside every lane: as much as the first lane to its
    right that is still there, else as much as the board's right edge; left of the board, not
    at all (the first lane's left edge never moves)."""
    if centre < min((rect.x for rect in before.values()), default=0.0):
        return 0.0
    for lane_id, old in sorted(before.items(), key=lambda item: item[1].x):
        if old.x >= centre and lane_id in after:
            return after[lane_id].x - old.x
    old_right = max((rect.right for rect in before.values()), default=0.0)
    new_right = max((rect.right for rect in after.values()), default=0.0)
    return new_right - old_right if centre >= old_right else 0.0
