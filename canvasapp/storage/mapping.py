"""Model objects to rows and back: the only place that knows both shapes."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import fields
from datetime import UTC, datetime
from functools import lru_cache
from typing import Any

from sqlalchemy import Row, String, type_coerce
from sqlalchemy.engine import Dialect

from canvasapp.model import Lane, Note, Session
from canvasapp.storage.facilitation_rows import action_from_columns, session_facilitation_values
from canvasapp.storage.orm import LaneRow, NoteRow, table_of
from canvasapp.storage.saved_rows import DriverSql


def session_values(session: Session) -> dict[str, Any]:
    return {
        "id": session.id,
        "title": session.title,
        "template_id": session.template_id,
        "created": session.created,
        "updated": session.updated,
        **session_facilitation_values(session),
    }


#: The columns of a lane's row in the order :func:`lane_row` gives them (the store's saved rows).
LANE_ROW_COLUMNS = ("session_id", "id", "title", "prompt", "colour", "position", "width")


def lane_row(session_id: str, lane: Lane) -> tuple[Any, ...]:
    return (session_id, lane.id, lane.title, lane.prompt, lane.colour, lane.order, lane.width)


@lru_cache(maxsize=4)  # a library or two open at a time
def lane_sql(dialect: Dialect) -> DriverSql:
    """The statements for lane rows (:func:`lane_row`), made once per dialect."""
    return DriverSql(table_of(LaneRow), LANE_ROW_COLUMNS, dialect)


#: The columns of a note's row in the order :func:`note_row` gives them. A tuple rather than a
#: dictionary: the store compares and writes thousands of them per edit of the whole board.
NOTE_ROW_COLUMNS = (
    "id", "session_id", "lane_id", "text", "x", "y", "width", "height", "colour", "created", "updated",
    "action_owner", "action_due", "action_status",
)
_PLAIN = (None, None, None)


def note_row(session_id: str, note: Note) -> tuple[Any, ...]:
    action = note.action
    return (
        note.id, session_id, note.lane_id, note.text, note.x, note.y, note.width, note.height, note.colour,
        note.created, note.updated,
        *(_PLAIN if action is None else (action.owner, action.due, action.status)),
    )


@lru_cache(maxsize=4)  # a library or two open at a time
def note_sql(dialect: Dialect) -> DriverSql:
    """The statements for note rows (:func:`note_row`), made once per dialect: the store's
    edits and a whole new session write notes through the same ones."""
    return DriverSql(table_of(NoteRow), NOTE_ROW_COLUMNS, dialect)


def lane_from_row(row: Row[Any]) -> Lane:
    return Lane(
        id=row.id,
        title=row.title,
        prompt=row.prompt,
        colour=row.colour,
        order=row.position,
        width=row.width,
    )


def notes_from_rows(rows: Iterable[Sequence[Any]]) -> list[Note]:
    """Notes from rows of :data:`NOTE_COLUMNS`, unpacked by position and passed to ``Note`` by
    position (its fields come in the order of :data:`NOTE_FIELDS`, checked below): attribute
    access on a ``Row``, or a dictionary per note, costs more than building the note, and a
    session opens with 10,000 of them.

    The two times come as stored (see :data:`NOTE_COLUMNS`) and each distinct one is made
    into a datetime once: notes added together share their times, and reading every time
    through its column type was a third of loading a board."""
    times: dict[object, datetime] = {}

    def time_of(stored: object) -> datetime:
        found = times.get(stored)
        if found is None:
            found = times[stored] = _utc(stored)
        return found

    notes: list[Note] = []
    append = notes.append
    for note_id, lane_id, text, x, y, width, height, colour, created, updated, owner, due, status in rows:
        note = Note(note_id, lane_id, text, x, y, width, height, colour,
                    times.get(created) or time_of(created), times.get(updated) or time_of(updated))
        if status is not None:
            note.action = action_from_columns(owner, due, status)
        append(note)
    return notes


def _utc(stored: object) -> datetime:
    """A stored time as the model keeps it (aware UTC), as ``UtcDateTime`` reads it: SQLite
    gives the text SQLAlchemy wrote (naive UTC, ``2026-05-01 09:30:00.000000``), PostgreSQL
    a naive datetime."""
    value = stored if isinstance(stored, datetime) else datetime.fromisoformat(str(stored))
    return value.replace(tzinfo=UTC)


#: The note fields kept in the notes table (a model field kept elsewhere is not listed).
NOTE_FIELDS = ("id", "lane_id", "text", "x", "y", "width", "height", "colour", "created", "updated")
#: The columns :func:`notes_from_rows` reads, in the order of :data:`NOTE_FIELDS`.
#: ``created`` and ``updated`` are read as stored, without their column type (see
#: :func:`notes_from_rows`).
NOTE_COLUMNS = tuple(
    type_coerce(NoteRow.__table__.c[name], String).label(name) if name in ("created", "updated") else NoteRow.__table__.c[name]
    for name in NOTE_FIELDS
) + tuple(
    # After the fields: the note's follow-up action (schema 3), made into a FollowUp.
    NoteRow.__table__.c[name] for name in ("action_owner", "action_due", "action_status")
)
if tuple(field.name for field in fields(Note))[: len(NOTE_FIELDS)] != NOTE_FIELDS:
    raise TypeError("Note's fields no longer begin with NOTE_FIELDS: notes_from_rows passes them by position")
