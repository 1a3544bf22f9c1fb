"""The board's layout promises, checked on a session: every test that changes the layout (a
gesture, an import, an export's picture) asks this one checker (the same words as
canvasapp.ops.lane_layout's promises)."""

from __future__ import annotations

from collections.abc import Iterator, Mapping

from canvasapp.model import Session
from canvasapp.model.cluster import majority_lane
from canvasapp.ops.badge_strip import strip_of
from canvasapp.ops.cluster_summary import TITLE_HEIGHT, card_of
from canvasapp.ops.lane_layout import board_frame, lane_of, overlaps
from canvasapp.ops.layout import LANE_HEADER_HEIGHT, Rect, lane_at, lane_rects


def _overlapping(first: Mapping[str, Rect], second: Mapping[str, Rect]) -> Iterator[tuple[str, str]]:
    """Each pair (one of ``first``, one of ``second``) whose rectangles overlap, found by a sweep
    from left to right, so that big imported boards are checked in a moment. A key in both
    mappings is never paired with itself."""
    ordered = sorted([(rect.x, 0, key, rect) for key, rect in first.items()]
                     + [(rect.x, 1, key, rect) for key, rect in second.items()])
    open_rects: list[tuple[int, str, Rect]] = []
    for _x, side, key, rect in ordered:
        open_rects = [entry for entry in open_rects if entry[2].right > rect.x]
        for other_side, other_key, other in open_rects:
            if other_side != side and other_key != key and overlaps(rect, other):
                yield (other_key, key) if other_side == 0 else (key, other_key)
        open_rects.append((side, key, rect))


def _pairs_within(rects: Mapping[str, Rect]) -> Iterator[tuple[str, str]]:
    """Each unordered pair of ``rects`` that overlaps, smaller key first."""
    for first, second in _overlapping(rects, rects):
        if first < second:
            yield first, second


def broken_promises(session: Session, *, every_note_in_a_lane: bool = False) -> list[str]:
    """What is wrong with the board's layout, one sentence each; empty when all is well.

    A note dragged beside every lane is in none, which the board allows; what an import places
    must land in a lane (``every_note_in_a_lane``)."""
    problems: list[str] = []
    notes = {note.id: Rect(note.x, note.y, note.width, note.height) for note in session.notes}
    lanes = lane_rects(session.lanes, session.notes)
    known_lanes = {lane.id for lane in session.lanes}
    for note in session.notes if every_note_in_a_lane else ():
        if note.lane_id not in known_lanes:
            problems.append(f"note {note.id} is in no lane")
    for first, second in _pairs_within(notes):
        problems.append(f"notes {first} and {second} overlap")
    frames = {c.id: board_frame([notes[n] for n in c.note_ids]) for c in session.clusters}
    blocks: list[tuple[str, Rect]] = [(f"frame {key}", frame) for key, frame in frames.items()]
    members = {c.id: set(c.note_ids) for c in session.clusters}
    for cluster_id, note_id in _overlapping(frames, notes):
        if note_id not in members[cluster_id]:
            problems.append(f"the frame of {cluster_id} covers note {note_id}")
    for first, second in _pairs_within(frames):
        problems.append(f"the frames of {first} and {second} overlap")
    titles = {key: Rect(frame.x, frame.y, frame.width, TITLE_HEIGHT) for key, frame in frames.items()}
    strips = {note_id: strip_of(rect) for note_id, rect in notes.items()}
    for note_id, other in _overlapping(strips, notes):
        problems.append(f"the badge strip of note {note_id} covers note {other}")
    for note_id, cluster_id in _overlapping(strips, titles):
        problems.append(f"the badge strip of note {note_id} covers the title of {cluster_id}")
    cards = {c.id: card_of([notes[n] for n in c.note_ids]) for c in session.clusters if c.collapsed}
    for cluster_id, note_id in _overlapping(cards, notes):
        if note_id not in members[cluster_id]:
            problems.append(f"the folded card of {cluster_id} covers note {note_id}")
    for cluster_id, other in _overlapping(cards, frames):
        problems.append(f"the folded card of {cluster_id} covers the frame of {other}")
    lane_of_note = {note.id: note.lane_id for note in session.notes}
    for cluster in session.clusters:
        if cluster.lane_id != majority_lane(lane_of_note.get(n) for n in cluster.note_ids):
            problems.append(f"cluster {cluster.id} is not in the lane most of its notes are in")
    clustered = {n for c in session.clusters for n in c.note_ids}
    blocks += [(f"note {note_id}", rect) for note_id, rect in notes.items() if note_id not in clustered]
    for name, rect in blocks:
        lane_id = lane_of(session.lanes, rect)
        if lane_id is None:
            continue
        lane = lanes[lane_id]
        if rect.x < lane.x or rect.right > lane.right:
            problems.append(f"{name} sticks out of lane {lane_id}")
        if rect.y < lane.y + LANE_HEADER_HEIGHT:
            problems.append(f"{name} covers the header of lane {lane_id}")
        if rect.bottom > lane.bottom:
            problems.append(f"{name} is below the end of lane {lane_id}")
    for note in session.notes:
        if note.lane_id != lane_at(session.lanes, note.x + note.width / 2):
            problems.append(f"note {note.id} belongs to {note.lane_id} but lies elsewhere")
    return problems
