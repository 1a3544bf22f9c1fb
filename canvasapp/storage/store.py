"""The store: follows one session's events and commits each edit before control goes back.

It writes only what changed: rows an edit touched, and of those only the columns whose values
differ from what it wrote before (:mod:`canvasapp.storage.saved_rows`). The session's title is
written only when it was changed here, so a title written elsewhere is never put back.
"""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy.exc import SQLAlchemyError

from canvasapp.model import Event, Lane, Note, Session
from canvasapp.ops.collections_paused import collections_paused
from canvasapp.storage.changes import REVISION_BUMP, list_revised, session_revised, stamp_revision
from canvasapp.storage.cluster_rows import ClusterChanges
from canvasapp.storage.errors import driver_message
from canvasapp.storage.facilitation_rows import FacilitationChanges
from canvasapp.storage.library import Library
from canvasapp.storage.mapping import lane_row, lane_sql, note_row, note_sql
from canvasapp.storage.orm import SessionRow, table_of
from canvasapp.storage.saved_rows import DriverSql, SavedRows
from canvasapp.storage.upsert import UpsertFactory
from canvasapp.storage.vote_rows import VotingChanges

_sessions = table_of(SessionRow)


def upsert_for(dialect_name: str) -> UpsertFactory:
    """The dialect's upsert, its module imported only for a library of that kind: importing
    SQLAlchemy's PostgreSQL dialect (with its asyncpg driver's module) cost every start on a
    SQLite library 35 ms."""
    if dialect_name == "postgresql":
        from sqlalchemy.dialects import postgresql

        return postgresql.insert
    from sqlalchemy.dialects import sqlite

    return sqlite.insert


class SessionStore:
    """Writes what changed in a session, one transaction per edit (``Session.edit_finished``).

    Changes collect while an edit runs; when it finishes they are written and committed at
    once. If the write fails (a full disk), nothing is lost from memory: the changes stay
    pending and the next edit, or :meth:`retry`, tries them again. A run of failures is one
    episode: ``save_failed`` tells of its start once (``failing`` stays true and ``failure``
    keeps the sentence for a status line), ``save_recovered`` of its end, when everything
    pending has been written.
    """

    def __init__(self, library: Library, session: Session) -> None:
        self._engine = library.engine
        self._upsert = upsert_for(library.engine.dialect.name)
        self.session = session
        self._dirty: dict[str, Note] = {}
        self._removed: set[str] = set()
        self._session_dirty = False
        self._dirty_lanes: dict[str, Lane] = {}
        self._removed_lanes: set[str] = set()
        self._clusters = ClusterChanges(session, library.engine.dialect)
        self._facilitation = FacilitationChanges(session, self._upsert)
        self._voting = VotingChanges(session, self._upsert)
        dialect = library.engine.dialect
        self._saved_notes = SavedRows(note_sql(dialect), ["id"])
        self._saved_notes.remember(note_row(session.id, note) for note in session.notes)
        self._saved_lanes = SavedRows(lane_sql(dialect), ["session_id", "id"])
        self._saved_lanes.remember(lane_row(session.id, lane) for lane in session.lanes)
        self._session_sql = DriverSql(_sessions, ["id", "title", "updated"], dialect)
        self._updated = self._session_sql.processors[2]
        self._saved_title = session.title
        #: Why saving fails, while it does (``None`` when the last write went through).
        self.failure: str | None = None
        self.saved: Event[[]] = Event()
        self.save_failed: Event[[str]] = Event()
        self.save_recovered: Event[[]] = Event()
        for event, observer in self._observers():
            event.connect(observer)

    def _observers(self) -> list[tuple[Event[...], Callable[..., object]]]:
        session = self.session
        return [
            (session.notes_added, self._mark_notes),
            (session.notes_moved, self._mark_notes),
            (session.notes_resized, self._mark_notes),
            (session.note_colours_changed, self._mark_notes),
            (session.note_text_changed, self._mark_note),
            (session.notes_removed, self._mark_removed),
            (session.lane_added, self._mark_lane),
            (session.lanes_changed, self._mark_lanes),
            (session.lane_removed, self._mark_lane_removed),
            (session.title_changed, self._mark_session),
            *self._clusters.observers(),
            (session.note_actions_changed, self._mark_notes),
            *self._facilitation.observers(),
            *self._voting.observers(),
            (session.edit_finished, self.flush),
        ]

    def close(self) -> None:
        """Stop following the session (the window closed)."""
        for event, observer in self._observers():
            event.disconnect(observer)

    @property
    def failing(self) -> bool:
        """Whether the last write failed (changes are pending until a write goes through)."""
        return self.failure is not None

    def retry(self) -> bool:
        """Write what is pending now (a timer calls this while ``failing``); ``True`` once
        nothing is pending any more."""
        if self.pending or self.failing:
            self.flush()
        return not self.failing

    @property
    def pending(self) -> bool:
        return bool(
            self._dirty or self._removed or self._session_dirty or self._dirty_lanes or self._removed_lanes
            or self._clusters.pending or self._facilitation.pending or self._voting.pending
        )

    def _mark_notes(self, notes: list[Note]) -> None:
        for note in notes:
            self._removed.discard(note.id)
            self._dirty[note.id] = note

    def _mark_note(self, note: Note) -> None:
        self._mark_notes([note])

    def _mark_removed(self, notes: list[Note]) -> None:
        for note in notes:
            self._dirty.pop(note.id, None)
            self._removed.add(note.id)

    def _mark_lane(self, lane: Lane) -> None:
        self._mark_lanes([lane])

    def _mark_lanes(self, lanes: list[Lane]) -> None:
        for lane in lanes:
            self._removed_lanes.discard(lane.id)
            self._dirty_lanes[lane.id] = lane

    def _mark_lane_removed(self, lane: Lane) -> None:
        self._dirty_lanes.pop(lane.id, None)
        self._removed_lanes.add(lane.id)

    def _mark_session(self, _title: str) -> None:
        self._session_dirty = True

    def flush(self) -> None:
        """Write and commit everything pending in one transaction."""
        with collections_paused():  # rows and parameters are new tuples, none of them garbage
            self._flush()

    def _flush(self) -> None:
        session = self.session
        session_id = session.id
        notes = self._saved_notes.changes([note_row(session_id, note) for note in self._dirty.values()])
        lanes = self._saved_lanes.changes([lane_row(session_id, lane) for lane in self._dirty_lanes.values()])
        retitled = session.title != self._saved_title
        updated = session.updated if self._updated is None else self._updated(session.updated)
        assignments, values = ["updated", REVISION_BUMP], [updated]
        if retitled:
            assignments.append("title")
            values.append(session.title)
        try:
            with self._engine.begin() as connection:
                # First the session's row, one more revision; the notes written by this edit
                # carry that revision, so a read-only window reads only them.
                revision = connection.exec_driver_sql(
                    self._session_sql.update(assignments, ["id"], returning="revision"), (*values, session_id)
                ).scalar_one()
                stamp_revision(notes, revision)
                if self._removed:
                    connection.exec_driver_sql(
                        self._saved_notes.sql.delete(["id"]), [(note_id,) for note_id in self._removed]
                    )
                if self._removed_lanes:
                    connection.exec_driver_sql(
                        self._saved_lanes.sql.delete(["session_id", "id"]),
                        [(session_id, lane_id) for lane_id in self._removed_lanes],
                    )
                self._saved_lanes.write(connection, lanes)
                self._saved_notes.write(connection, notes)
                self._clusters.write(connection)  # after the notes: memberships refer to them
                self._facilitation.write(connection)
                self._voting.write(connection)
                session_revised(connection, session_id)
                if retitled:
                    list_revised(connection)
        except SQLAlchemyError as error:
            self._failed(f"Your changes could not be saved: {driver_message(error)}.")
            return
        self._saved_notes.forget(self._removed)
        self._saved_notes.remember(notes.written())
        self._saved_lanes.forget((session_id, lane_id) for lane_id in self._removed_lanes)
        self._saved_lanes.remember(lanes.written())
        self._saved_title = session.title
        self._dirty.clear()
        self._removed.clear()
        self._dirty_lanes.clear()
        self._removed_lanes.clear()
        self._clusters.clear()
        self._facilitation.clear()
        self._voting.clear()
        self._session_dirty = False
        recovered = self.failing
        self.failure = None
        self.saved.emit()
        if recovered:
            self.save_recovered.emit()

    def _failed(self, message: str) -> None:
        starting = not self.failing
        self.failure = message
        if starting:
            self.save_failed.emit(message)
