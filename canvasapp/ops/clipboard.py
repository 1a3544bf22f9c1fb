"""What the clipboard carries for notes: a JSON document of our own and plain text.

The JSON keeps each note's text, size, own colour, lane and offset from the top-left of the
copied group, so a paste rebuilds the group anywhere. Plain text has one line per note so a
chat or a document receives something readable; plain text pasted back makes a note per line.
"""

from __future__ import annotations

import json
import math
from collections.abc import Sequence
from dataclasses import dataclass

from canvasapp.model import Note
from canvasapp.model.entities import MAX_NOTE_SIDE, MIN_NOTE_HEIGHT, MIN_NOTE_WIDTH, NOTE_HEIGHT, NOTE_WIDTH

NOTES_MIME_TYPE = "application/x-canvasapp-notes+json"
FORMAT = "canvasapp-notes"
FORMAT_VERSION = 1
#: A clipboard is someone else's data too: cap what a paste may create.
MAX_NOTES = 5000
MAX_TEXT = 10000
MAX_BYTES = 20_000_000


class ClipboardError(ValueError):
    """The clipboard holds something that is not notes we can paste."""


@dataclass(frozen=True, slots=True)
class ClipNote:
    """One copied note, placed relative to the top-left corner of the copied group."""

    text: str
    dx: float = 0.0
    dy: float = 0.0
    width: float = NOTE_WIDTH
    height: float = NOTE_HEIGHT
    colour: str | None = None
    lane_id: str | None = None


def clip_notes(notes: Sequence[Note]) -> list[ClipNote]:
    left = min((note.x for note in notes), default=0.0)
    top = min((note.y for note in notes), default=0.0)
    return [
        ClipNote(note.text, note.x - left, note.y - top, note.width, note.height, note.colour, note.lane_id)
        for note in notes
    ]


def notes_to_json(notes: Sequence[ClipNote]) -> str:
    return json.dumps(
        {
            "format": FORMAT,
            "format_version": FORMAT_VERSION,
            "notes": [
                {
                    "text": note.text,
                    "dx": note.dx,
                    "dy": note.dy,
                    "width": note.width,
                    "height": note.height,
                    "colour": note.colour,
                    "lane_id": note.lane_id,
                }
                for note in notes
            ],
        },
        ensure_ascii=False,
    )


def notes_to_plain_text(notes: Sequence[ClipNote]) -> str:
    """One line per note (a note's own line breaks become spaces)."""
    return "\n".join(" ".join(note.text.split()) for note in notes)


def notes_from_json(data: str | bytes) -> list[ClipNote]:
    """Parse and check our clipboard document; :class:`ClipboardError` when it is not one."""
    if len(data) > MAX_BYTES:
        raise ClipboardError("The clipboard holds too much to paste at once.")
    try:
        document = json.loads(data)
    except (ValueError, RecursionError) as error:
        raise ClipboardError(f"The clipboard's notes could not be read: {error}") from None
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise ClipboardError("The clipboard does not hold notes.")
    if document.get("format_version") != FORMAT_VERSION:
        raise ClipboardError("The clipboard's notes come from another version of the app.")
    items = document.get("notes")
    if not isinstance(items, list) or len(items) > MAX_NOTES:
        raise ClipboardError("The clipboard's notes could not be read.")
    return [_clip_note(item) for item in items]


def _clip_note(item: object) -> ClipNote:
    if not isinstance(item, dict):
        raise ClipboardError("The clipboard's notes could not be read.")
    text = item.get("text", "")
    colour = item.get("colour")
    lane_id = item.get("lane_id")
    if not isinstance(text, str) or not (colour is None or isinstance(colour, str)) or not (
        lane_id is None or isinstance(lane_id, str)
    ):
        raise ClipboardError("The clipboard's notes could not be read.")
    numbers = [item.get(name, default) for name, default in
               (("dx", 0.0), ("dy", 0.0), ("width", NOTE_WIDTH), ("height", NOTE_HEIGHT))]
    if not all(isinstance(n, int | float) and not isinstance(n, bool) and math.isfinite(n) for n in numbers):
        raise ClipboardError("The clipboard's notes could not be read.")
    dx, dy, width, height = (float(n) for n in numbers)
    width = min(max(width, MIN_NOTE_WIDTH), MAX_NOTE_SIDE)
    height = min(max(height, MIN_NOTE_HEIGHT), MAX_NOTE_SIDE)
    return ClipNote(text[:MAX_TEXT], dx, dy, width, height, colour, lane_id)


def lines_to_notes(text: str) -> list[str]:
    """The note texts of pasted or dropped plain text: one per non-blank line, with the bullets
    of chats and documents stripped."""
    texts = []
    for line in text.splitlines():
        stripped = line.strip().lstrip("-*•·–—").strip()
        if stripped:
            texts.append(stripped[:MAX_TEXT])
        if len(texts) >= MAX_NOTES:
            break
    return texts
