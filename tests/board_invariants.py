"""The board's layout promises, checked on a session: every test that changes the layout asks
this one checker (the same words as canvasapp.ops.lane_layout's promises)."""

from __future__ import annotations

from canvasapp.model import Session
from canvasapp.ops.badge_strip import strip_of
from canvasapp.ops.cluster_summary import TITLE_HEIGHT, card_of
from canvasapp.ops.lane_layout import board_frame, lane_of, overlaps
from canvasapp.ops.layout import LANE_HEADER_HEIGHT, Rect, lane_at, lane_rects


def broken_promises(session: Session) -> list[str]:
    """What is wrong with the board's layout, one sentence each; empty when all is well."""
    problems: list[str] = []
    notes = {note.id: Rect(note.x, note.y, note.width, note.height) for note in session.notes}
    lanes = lane_rects(session.lanes, session.notes)
    ids = sorted(notes)
    for index, first in enumerate(ids):
        for second in ids[index + 1:]:
            if overlaps(notes[first], notes[second]):
                problems.append(f"notes {first} and {second} overlap")
    frames = {c.id: board_frame([notes[n] for n in c.note_ids]) for c in session.clusters}
    blocks: list[tuple[str, Rect]] = [(f"frame {key}", frame) for key, frame in frames.items()]
    for cluster in session.clusters:
        frame = frames[cluster.id]
        for note_id, rect in notes.items():
            if note_id not in cluster.note_ids and overlaps(frame, rect):
                problems.append(f"the frame of {cluster.id} covers note {note_id}")
        for other, other_frame in frames.items():
            if other > cluster.id and overlaps(frame, other_frame):
                problems.append(f"the frames of {cluster.id} and {other} overlap")
    titles = {c.id: Rect(frames[c.id].x, frames[c.id].y, frames[c.id].width, TITLE_HEIGHT) for c in session.clusters}
    for note_id, rect in notes.items():
        strip = strip_of(rect)
        for other, other_rect in notes.items():
            if other != note_id and overlaps(strip, other_rect):
                problems.append(f"the badge strip of note {note_id} covers note {other}")
        for cluster_id, title in titles.items():
            if overlaps(strip, title):
                problems.append(f"the badge strip of note {note_id} covers the title of {cluster_id}")
    for cluster in session.clusters:
        if cluster.collapsed:
            card = card_of([notes[n] for n in cluster.note_ids])
            for note_id, rect in notes.items():
                if note_id not in cluster.note_ids and overlaps(card, rect):
                    problems.append(f"the folded card of {cluster.id} covers note {note_id}")
            for other, other_frame in frames.items():
                if other != cluster.id and overlaps(card, other_frame):
                    problems.append(f"the folded card of {cluster.id} covers the frame of {other}")
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
