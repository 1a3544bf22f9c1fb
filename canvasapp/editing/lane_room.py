"""A lane widens when a cluster's frame in it would stick out of its right edge.

The layout parts blocks inside a lane and folds a wide cluster into a grid, but a frame is
never narrower than its widest note plus the padding: a cluster gathered from notes of other
lanes, or a member grown wider, can need more than a narrowed lane has. Then the lane grows
(the lanes to its right move along) in the same undo step, so no frame hangs into the next lane.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from canvasapp.commands.lanes import ResizeLane
from canvasapp.model import Cluster, Session
from canvasapp.model.entities import MAX_LANE_WIDTH
from canvasapp.ops.lane_layout import board_frame, lane_of
from canvasapp.ops.layout import NOTE_GAP, Rect, lane_rects


def lanes_widened(session: Session, clusters: Iterable[Cluster], notes: Mapping[str, Rect]) -> list[ResizeLane]:
    """The lane resizes that give every frame of ``clusters`` room, given the notes' rectangles
    as they will be (``notes``; a note missing there is taken as it is now)."""
    lanes = lane_rects(session.lanes)
    needed: dict[str, float] = {}
    for cluster in clusters:
        members = [notes[n] if n in notes else _rect_now(session, n) for n in cluster.note_ids if session.has_note(n)]
        if not members:
            continue
        frame = board_frame(members)
        lane_id = lane_of(session.lanes, frame)
        if lane_id is None:
            continue
        lane = lanes[lane_id]
        if frame.right > lane.right and frame.x >= lane.x:
            needed[lane_id] = max(needed.get(lane_id, 0.0), frame.right + NOTE_GAP - lane.x)
    return [
        ResizeLane.to(session, lane_id, min(MAX_LANE_WIDTH, width))
        for lane_id, width in needed.items()
        if min(MAX_LANE_WIDTH, width) > lanes[lane_id].width
    ]


def _rect_now(session: Session, note_id: str) -> Rect:
    note = session.note(note_id)
    return Rect(note.x, note.y, note.width, note.height)
