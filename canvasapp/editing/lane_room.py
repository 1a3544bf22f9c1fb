"""A lane widens when a cluster's frame, or a loose note, in it would stick out of its right edge.

The layout parts blocks inside a lane and folds a wide cluster into a grid, but a frame is
never narrower than its widest note plus the padding: a cluster gathered from notes of other
lanes, or a member grown wider, can need more than a narrowed lane has. Then the lane grows
(the lanes to its right move along) in the same undo step, so no frame hangs into the next lane.
A note dragged into a lane narrower than itself is the same case without a frame.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from canvasapp.commands.lanes import ResizeLane
from canvasapp.model import Cluster, Session
from canvasapp.model.entities import MAX_LANE_WIDTH
from canvasapp.ops.lane_layout import board_frame, lane_of
from canvasapp.ops.layout import NOTE_GAP, Rect, lane_rects


def lanes_widened(session: Session, clusters: Iterable[Cluster], notes: Mapping[str, Rect]) -> list[ResizeLane]:
    """The lane resizes that give every frame of ``clusters`` room, and every loose note of
    ``notes``, given the notes' rectangles as they will be (``notes``; a cluster's member missing
    there is taken as it is now)."""
    lanes = lane_rects(session.lanes)
    needed: dict[str, float] = {}

    def give_room(block: Rect) -> None:
        lane_id = lane_of(session.lanes, block)
        if lane_id is None:
            return
        lane = lanes[lane_id]
        if block.right > lane.right and block.x >= lane.x:
            needed[lane_id] = max(needed.get(lane_id, 0.0), block.right + NOTE_GAP - lane.x)

    for cluster in clusters:
        members = [notes[n] if n in notes else _rect_now(session, n) for n in cluster.note_ids if session.has_note(n)]
        if members:
            give_room(board_frame(members))
    # Only a note wider than the narrowest lane's room can stick out.
    narrowest = narrowest_room(session)
    for note_id, rect in notes.items():
        if rect.width > narrowest and session.cluster_of(note_id) is None:
            give_room(rect)
    return [
        ResizeLane.to(session, lane_id, min(MAX_LANE_WIDTH, width))
        for lane_id, width in needed.items()
        if min(MAX_LANE_WIDTH, width) > lanes[lane_id].width
    ]


def narrowest_room(session: Session) -> float:
    """The room for a note in the narrowest lane: a loose note no wider can stick out of none,
    so a move of a whole board need not name its notes to :func:`lanes_widened`."""
    return min((lane.width for lane in session.lanes), default=0.0) - 2 * NOTE_GAP


def _rect_now(session: Session, note_id: str) -> Rect:
    note = session.note(note_id)
    return Rect(note.x, note.y, note.width, note.height)
