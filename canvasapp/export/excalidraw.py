"""A session as an Excalidraw drawing (``.excalidraw``), for a colleague on excalidraw.com.

Written to Excalidraw's published scene format (``type`` ``"excalidraw"``, ``version`` 2): each
lane is a frame named by its title; each note a rectangle in its colour with its text bound to
it (``boundElements`` on the rectangle, ``containerId`` on the text, right after it); each
cluster a group (``groupIds``) with its title as a text element of the group; the dots of the
last closed vote round a small label on each voted note or cluster. ``customData.canvasapp``
keeps what Excalidraw has no field for (a lane's colour and prompt, which texts are titles and
labels), so importing the file back gives the same lanes, notes and clusters.

Standard library only; the same session always gives the same bytes.
"""

from __future__ import annotations

import json
import zlib
from datetime import datetime
from typing import Any, Final

from canvasapp import APP_NAME
from canvasapp.model import Note, Session
from canvasapp.model.voting import CLUSTERS
from canvasapp.ops.cluster_summary import FRAME_PADDING, TITLE_HEIGHT, frame_of
from canvasapp.ops.layout import NOTE_GAP, Rect, lane_rects

SOURCE: Final = "https://canvasapp.invalid"
FONT_SIZE: Final = 20.0
TITLE_FONT_SIZE: Final = 24.0
LINE_HEIGHT: Final = 1.25
#: Excalifont, Excalidraw's default hand-drawn face (``FONT_FAMILY.Excalifont``).
FONT_FAMILY: Final = 5
#: Space Excalidraw keeps between a container's edge and its bound text.
TEXT_PADDING: Final = 5.0
INK: Final = "#1e1e1e"
_BASE62: Final = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"


def session_excalidraw(session: Session) -> bytes:
    """The drawing as UTF-8 JSON bytes."""
    elements = _Elements()
    notes = session.notes
    rects = lane_rects(session.lanes, notes)
    cluster_of = {note_id: cluster for cluster in session.clusters for note_id in cluster.note_ids}
    group_of = {cluster.id: f"group-{cluster.id}" for cluster in session.clusters}
    dots, cluster_dots = _last_dots(session)
    by_lane: dict[str | None, list[Note]] = {}
    for note in sorted(notes, key=lambda note: (note.y, note.x, note.id)):
        by_lane.setdefault(note.lane_id, []).append(note)

    for lane in session.lanes:
        frame_id = f"lane-{lane.id}"
        for note in by_lane.get(lane.id, []):
            cluster = cluster_of.get(note.id)
            groups = [group_of[cluster.id]] if cluster else []
            _note(elements, note, session.note_colour(note), frame_id, groups, dots.get(note.id, 0))
        for cluster in session.clusters:
            members = [session.note(note_id) for note_id in cluster.note_ids if session.has_note(note_id)]
            members = [note for note in members if note.lane_id == lane.id]
            if members:
                _cluster_title(elements, cluster.id, cluster.title, cluster.colour, members, frame_id,
                               group_of[cluster.id], cluster_dots.get(cluster.id, 0))
        rect = rects[lane.id]
        elements.add(
            frame_id, "frame", Rect(rect.x, rect.y, rect.width, rect.height), name=lane.title,
            strokeColor="#bbb", backgroundColor="transparent", roughness=0, roundness=None,
            customData={"canvasapp": {"colour": lane.colour, "prompt": lane.prompt}},
        )
    for note in by_lane.get(None, []):  # notes outside every lane, if any
        cluster = cluster_of.get(note.id)
        _note(elements, note, session.note_colour(note), None, [group_of[cluster.id]] if cluster else [],
              dots.get(note.id, 0))

    scene = {
        "type": "excalidraw",
        "version": 2,
        "source": SOURCE,
        "elements": elements.items,
        "appState": {"gridSize": 20, "viewBackgroundColor": "#ffffff"},
        "files": {},
    }
    return json.dumps(scene, ensure_ascii=False, indent=2).encode("utf-8") + b"\n"


def _last_dots(session: Session) -> tuple[dict[str, int], dict[str, int]]:
    """Dots per note and per cluster in the last closed round (what the room decided)."""
    last = session.voting.last_closed_round
    if last is None:
        return {}, {}
    totals = session.voting.totals(last.id)
    return ({}, totals) if last.target == CLUSTERS else (totals, {})


def _note(elements: _Elements, note: Note, colour: str, frame_id: str | None, groups: list[str], dots: int) -> None:
    box = Rect(note.x, note.y, note.width, note.height)
    shape_id, text_id = f"note-{note.id}", f"text-{note.id}"
    updated = _millis(note.updated)
    elements.add(
        shape_id, "rectangle", box, frameId=frame_id, groupIds=groups, backgroundColor=colour.lower(),
        boundElements=[{"type": "text", "id": text_id}], updated=updated,
    )
    size, lines = _fit(note.text, note.width - 2 * TEXT_PADDING, note.height - 2 * TEXT_PADDING)
    height = len(lines) * size * LINE_HEIGHT
    text_box = Rect(note.x + TEXT_PADDING, note.y + (note.height - height) / 2, note.width - 2 * TEXT_PADDING, height)
    elements.add(
        text_id, "text", text_box, frameId=frame_id, groupIds=groups, updated=updated,
        **_text_fields("\n".join(lines), note.text, size, container=shape_id, align="center", valign="middle"),
    )
    if dots:
        label = Rect(note.x + note.width - 70, note.y + note.height - 26, 64, 20)
        elements.add(
            f"dots-{note.id}", "text", label, frameId=frame_id, groupIds=groups, updated=updated,
            customData={"canvasapp": {"role": "dots", "dots": dots}},
            **_text_fields(_dots_text(dots), _dots_text(dots), 16.0, container=None, align="right", valign="top"),
        )


def _cluster_title(
    elements: _Elements, cluster_id: str, title: str, colour: str | None, members: list[Note], frame_id: str,
    group: str, dots: int,
) -> None:
    frame = frame_of(Rect(note.x, note.y, note.width, note.height) for note in members)
    words = title + (f"  ({_dots_text(dots)})" if dots else "")
    box = Rect(frame.x + FRAME_PADDING, frame.y + FRAME_PADDING, max(80.0, frame.width - 2 * FRAME_PADDING),
               TITLE_HEIGHT - NOTE_GAP)
    elements.add(
        f"title-{cluster_id}", "text", box, frameId=frame_id, groupIds=[group],
        customData={"canvasapp": {"role": "cluster-title", "title": title, "colour": colour, "dots": dots}},
        **_text_fields(words, words, TITLE_FONT_SIZE, container=None, align="left", valign="top"),
    )


def _dots_text(dots: int) -> str:
    return f"● {dots} dot" if dots == 1 else f"● {dots} dots"


def _text_fields(
    text: str, original: str, size: float, *, container: str | None, align: str, valign: str
) -> dict[str, Any]:
    return {
        "text": text, "originalText": original, "fontSize": size, "fontFamily": FONT_FAMILY,
        "textAlign": align, "verticalAlign": valign, "containerId": container, "autoResize": True,
        "lineHeight": LINE_HEIGHT, "strokeColor": INK, "backgroundColor": "transparent", "roundness": None,
    }


def _fit(text: str, width: float, height: float) -> tuple[float, list[str]]:
    """Wrap ``text`` at the largest of a few sizes whose lines fit the box (Excalidraw wraps
    bound text itself when it is edited; this makes the first view readable)."""
    lines: list[str] = [text]
    for size in (FONT_SIZE, 16.0, 12.0, 10.0):
        lines = _wrap(text, max(1, int(width / (size * 0.6))))
        if len(lines) * size * LINE_HEIGHT <= height:
            return size, lines
    # Too long to show whole: the lines that fit, then "…" (``originalText`` keeps every word).
    fits = max(1, int(height / (10.0 * LINE_HEIGHT)))
    last = lines[fits - 1] if fits <= len(lines) else ""
    return 10.0, [*lines[: fits - 1], last[:-1] + "…"]


def _wrap(text: str, columns: int) -> list[str]:
    lines: list[str] = []
    for paragraph in text.split("\n"):
        line = ""
        for word in paragraph.split(" "):
            while len(word) > columns:
                if line:
                    lines.append(line)
                    line = ""
                lines.append(word[:columns])
                word = word[columns:]
            candidate = f"{line} {word}" if line else word
            if len(candidate) <= columns:
                line = candidate
            else:
                lines.append(line)
                line = word
        lines.append(line)
    return lines


def _millis(moment: datetime) -> int:
    return int(moment.timestamp() * 1000)


def fractional_index(position: int) -> str | None:
    """The ``position``-th key in the fractional-index order Excalidraw keeps elements in
    ("a0", "a1", ..., "az", "b00", ...); ``None`` past what three digits hold (Excalidraw then
    assigns keys itself)."""
    for head, digits in (("a", 1), ("b", 2), ("c", 3)):
        span = len(_BASE62) ** digits
        if position < span:
            key = ""
            for _ in range(digits):
                position, digit = divmod(position, len(_BASE62))
                key = _BASE62[digit] + key
            return head + key
        position -= span
    return None


class _Elements:
    """Elements in drawing order, each with every field of Excalidraw's element schema."""

    def __init__(self) -> None:
        self.items: list[dict[str, Any]] = []

    def add(self, element_id: str, kind: str, box: Rect, **fields: Any) -> None:
        seed = zlib.crc32(element_id.encode("utf-8")) & 0x7FFFFFFF
        element: dict[str, Any] = {
            "id": element_id,
            "type": kind,
            "x": round(box.x, 2),
            "y": round(box.y, 2),
            "width": round(box.width, 2),
            "height": round(box.height, 2),
            "angle": 0,
            "strokeColor": INK,
            "backgroundColor": "transparent",
            "fillStyle": "solid",
            "strokeWidth": 1,
            "strokeStyle": "solid",
            "roughness": 1,
            "opacity": 100,
            "groupIds": [],
            "frameId": None,
            "index": fractional_index(len(self.items)),
            "roundness": {"type": 3},
            "seed": seed,
            "version": 1,
            "versionNonce": zlib.crc32(f"{element_id}/{APP_NAME}".encode()) & 0x7FFFFFFF,
            "isDeleted": False,
            "boundElements": None,
            "updated": 0,
            "link": None,
            "locked": False,
        }
        element.update(fields)
        self.items.append(element)
