"""The board's layout invariants, as one check tests can run on any session:

no two notes overlap; every note lies inside its lane, below the lane's header; every cluster's
frame lies inside its lane, below the header, covers no note but its own, and no other frame.
"""

from __future__ import annotations

from canvasapp.model import Session
from canvasapp.ops.cluster_summary import frame_of
from canvasapp.ops.layout import LANE_HEADER_HEIGHT, Rect, lane_rects


def _overlap(a: Rect, b: Rect) -> bool:
    return a.x < b.right and b.x < a.right and a.y < b.bottom and b.y < a.bottom


def _inside(inner: Rect, outer: Rect) -> bool:
    return outer.x <= inner.x and inner.right <= outer.right and outer.y <= inner.y and inner.bottom <= outer.bottom


def layout_problems(session: Session) -> list[str]:
    """Every broken invariant, in words (empty when the board is tidy)."""
    problems: list[str] = []
    notes = session.notes
    lanes = lane_rects(session.lanes, notes)
    boxes = {note.id: Rect(note.x, note.y, note.width, note.height) for note in notes}
    for note in notes:
        lane = lanes.get(note.lane_id or "")
        if lane is None:
            problems.append(f"note {note.text!r} is in no lane")
        elif not _inside(boxes[note.id], lane) or note.y < LANE_HEADER_HEIGHT:
            problems.append(f"note {note.text!r} is not inside its lane below the header")
    ordered = sorted(notes, key=lambda note: note.x)
    for index, note in enumerate(ordered):
        for other in ordered[index + 1:]:
            if other.x >= note.x + note.width:
                break
            if _overlap(boxes[note.id], boxes[other.id]):
                problems.append(f"notes {note.text!r} and {other.text!r} overlap")
    frames = []
    for cluster in session.clusters:
        members = [note_id for note_id in cluster.note_ids if note_id in boxes]
        frame = frame_of(boxes[note_id] for note_id in members)
        frames.append((cluster.title, frame))
        lane = lanes.get(cluster.lane_id or "")
        if lane is None or not _inside(frame, lane) or frame.y < LANE_HEADER_HEIGHT:
            problems.append(f"cluster {cluster.title!r} is not inside its lane below the header")
        for note in notes:
            if note.id not in members and _overlap(frame, boxes[note.id]):
                problems.append(f"cluster {cluster.title!r} covers note {note.text!r}")
    for index, (title, frame) in enumerate(frames):
        for other_title, other in frames[index + 1:]:
            if _overlap(frame, other):
                problems.append(f"clusters {title!r} and {other_title!r} overlap")
    return problems
