"""A session as a JSON Canvas file (``.canvas``, spec 1.0), for Obsidian and other canvases.

Each lane is a group labelled with its title, in the lane's colour; each cluster a group
inside it, around its notes, labelled with its title; each note a text node in its colour.
Groups come before the nodes they hold (the spec draws nodes in array order, first below).
Positions and sizes are whole pixels, as the spec asks. Standard library only.
"""

from __future__ import annotations

import json
from typing import Any

from canvasapp.model import Session
from canvasapp.ops.cluster_summary import frame_of
from canvasapp.ops.layout import Rect, lane_rects


def session_json_canvas(session: Session) -> bytes:
    """The canvas as UTF-8 JSON bytes; the same session always gives the same bytes."""
    notes = session.notes
    rects = lane_rects(session.lanes, notes)
    nodes: list[dict[str, Any]] = []
    for lane in session.lanes:
        nodes.append(_node(f"lane-{lane.id}", "group", rects[lane.id], label=lane.title, color=lane.colour))
    for cluster in session.clusters:
        members = [session.note(note_id) for note_id in cluster.note_ids if session.has_note(note_id)]
        if not members:
            continue
        frame = frame_of(Rect(note.x, note.y, note.width, note.height) for note in members)
        # A cluster that follows its lane's colour has none of its own (``color`` is optional).
        colour = {"color": cluster.colour} if cluster.colour else {}
        nodes.append(_node(f"cluster-{cluster.id}", "group", frame, label=cluster.title, **colour))
    for note in sorted(notes, key=lambda note: (note.created, note.id)):
        nodes.append(_node(
            f"note-{note.id}", "text", Rect(note.x, note.y, note.width, note.height),
            text=note.text, color=session.note_colour(note),
        ))
    return json.dumps({"nodes": nodes, "edges": []}, ensure_ascii=False, indent="\t").encode("utf-8") + b"\n"


def _node(node_id: str, kind: str, box: Rect, **fields: str) -> dict[str, Any]:
    # Whole pixels that still hold the box: left/top rounded down, right/bottom up.
    left, top = int(box.x // 1), int(box.y // 1)
    right, bottom = -int(-box.right // 1), -int(-box.bottom // 1)
    return {"id": node_id, "type": kind, "x": left, "y": top, "width": right - left, "height": bottom - top, **fields}
