"""Model objects to rows and back: the only place that knows both shapes."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Row

from canvasapp.model import Lane, Note, Session
from canvasapp.storage.facilitation_rows import action_from_columns, action_values, session_facilitation_values
from canvasapp.storage.orm import NoteRow


def session_values(session: Session) -> dict[str, Any]:
    return {
        "id": session.id,
        "title": session.title,
        "template_id": session.template_id,
        "created": session.created,
        "updated": session.updated,
        **session_facilitation_values(session),
    }


def lane_values(session_id: str, lane: Lane) -> dict[str, Any]:
    return {
        "session_id": session_id,
        "id": lane.id,
        "title": lane.title,
        "prompt": lane.prompt,
        "colour": lane.colour,
        "position": lane.order,
        "width": lane.width,
    }


def note_values(session_id: str, note: Note) -> dict[str, Any]:
    return {
        "id": note.id,
        "session_id": session_id,
        "lane_id": note.lane_id,
        "text": note.text,
        "x": note.x,
        "y": note.y,
        "width": note.width,
        "height": note.height,
        "colour": note.colour,
        "created": note.created,
        "updated": note.updated,
        **action_values(note.action),
    }


def lane_from_row(row: Row[Any]) -> Lane:
    return Lane(
        id=row.id,
        title=row.title,
        prompt=row.prompt,
        colour=row.colour,
        order=row.position,
        width=row.width,
    )


def note_from_row(row: Row[Any]) -> Note:
    """A note from a row of :data:`NOTE_COLUMNS`, read by position: attribute access on a
    ``Row`` costs more than building the note, and a session opens with 10,000 of them."""
    note = Note(**dict(zip(NOTE_FIELDS, row[:_FIELD_COUNT], strict=True)))
    if row[_STATUS] is not None:
        note.action = action_from_columns(*row[_FIELD_COUNT:])
    return note


#: The note fields kept in the notes table (a model field kept elsewhere is not listed).
NOTE_FIELDS = ("id", "lane_id", "text", "x", "y", "width", "height", "colour", "created", "updated")
#: The columns :func:`note_from_row` reads, in the order of :data:`NOTE_FIELDS`.
NOTE_COLUMNS = tuple(NoteRow.__table__.c[name] for name in NOTE_FIELDS) + tuple(
    # After the fields: the note's follow-up action (schema 3), made into a FollowUp.
    NoteRow.__table__.c[name] for name in ("action_owner", "action_due", "action_status")
)
_FIELD_COUNT = len(NOTE_FIELDS)
_STATUS = _FIELD_COUNT + 2
