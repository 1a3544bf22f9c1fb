"""Notes follow their lane when lanes are reordered, resized, added or removed."""

from __future__ import annotations

from canvasapp.model import Lane, Note, NotePlacement
from canvasapp.ops.layout import lane_rects


def follow_lanes(old_lanes: list[Lane], new_lanes: list[Lane], notes: list[Note]) -> dict[str, NotePlacement]:
    """Where each note of a lane goes when its lane moves from its old place to its new one.

    A note keeps its offset from its lane's left edge and is pulled back inside when the lane
    got narrower, so it still belongs to its lane (a note belongs to the lane under its centre).
    Only notes that move are returned; notes outside every lane stay where they are.
    """
    before = lane_rects(old_lanes)
    after = lane_rects(new_lanes)
    moves: dict[str, NotePlacement] = {}
    for note in notes:
        if note.lane_id is None or note.lane_id not in before or note.lane_id not in after:
            continue
        old, new = before[note.lane_id], after[note.lane_id]
        x = note.x + (new.x - old.x)
        # Keep the whole note inside when it fits, else at least its left part.
        x = max(new.x, min(x, new.right - note.width))
        if x != note.x:
            moves[note.id] = NotePlacement(x, note.y, note.lane_id)
    return moves
