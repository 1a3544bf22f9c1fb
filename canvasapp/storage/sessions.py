"""The library's sessions: list, create, load, rename, delete."""

from __future__ import annotations

from collections.abc import Container, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, Row, func, insert, select
from sqlalchemy.exc import SQLAlchemyError

from canvasapp.model import Session
from canvasapp.ops.catch_up import SavedState
from canvasapp.storage.changes import list_revised
from canvasapp.storage.cluster_rows import insert_clusters, load_clusters
from canvasapp.storage.errors import LibraryError, driver_message, write_failure
from canvasapp.storage.facilitation_rows import details_from_row, insert_phases, load_phases
from canvasapp.storage.library import Library
from canvasapp.storage.mapping import (
    NOTE_COLUMNS,
    lane_from_row,
    lane_row,
    lane_sql,
    note_row,
    note_sql,
    notes_from_rows,
    session_values,
)
from canvasapp.storage.orm import LaneRow, NoteRow, SessionRow, table_of
from canvasapp.storage.saved_rows import insert_rows
from canvasapp.storage.session_service import SessionService
from canvasapp.storage.vote_rows import insert_voting, load_voting

_sessions = table_of(SessionRow)
_lanes = table_of(LaneRow)
_notes = table_of(NoteRow)


@dataclass(frozen=True, slots=True)
class SessionSummary:
    """One line of the library's session list."""

    id: str
    title: str
    template_id: str | None
    created: datetime
    updated: datetime
    notes: int


class SessionRepository:
    """Whole-session reads and writes on one library."""

    def __init__(self, library: Library) -> None:
        self.library = library
        self._engine = library.engine

    def list(self) -> list[SessionSummary]:
        """Every session, most recently changed first."""
        counts = (
            select(_notes.c.session_id, func.count().label("n"))
            .group_by(_notes.c.session_id)
            .subquery()
        )
        query = (
            select(
                _sessions.c.id,
                _sessions.c.title,
                _sessions.c.template_id,
                _sessions.c.created,
                _sessions.c.updated,
                func.coalesce(counts.c.n, 0),
            )
            .outerjoin(counts, counts.c.session_id == _sessions.c.id)
            .order_by(_sessions.c.updated.desc(), _sessions.c.id)
        )
        with self._reading() as connection:
            rows = connection.execute(query).all()
        return [SessionSummary(*row) for row in rows]

    def most_recent_id(self) -> str | None:
        query = select(_sessions.c.id).order_by(_sessions.c.updated.desc()).limit(1)
        with self._reading() as connection:
            return connection.execute(query).scalar()

    def existing(self, session_ids: Sequence[str]) -> set[str]:
        """Which of these sessions are in the library (one indexed look-up, no counting)."""
        if not session_ids:
            return set()
        query = select(_sessions.c.id).where(_sessions.c.id.in_(list(session_ids)))
        with self._reading() as connection:
            return set(connection.execute(query).scalars())

    def resolve_id(self, id_or_prefix: str) -> str:
        """A full session id from itself or a unique prefix, as ``git`` accepts short hashes."""
        text = id_or_prefix.strip().lower()
        if not text:
            raise LibraryError("No session id was given.")
        escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        query = select(_sessions.c.id).where(_sessions.c.id.like(f"{escaped}%", escape="\\")).limit(2)
        with self._reading() as connection:
            found: Sequence[str] = connection.execute(query).scalars().all()
        if not found:
            raise LibraryError(f"There is no session {id_or_prefix!r} in the library {self.library.location}.")
        if len(found) > 1:
            raise LibraryError(f"{id_or_prefix!r} matches more than one session; give more of its id.")
        return found[0]

    def add(self, session: Session) -> None:
        """Write a new session with its lanes and notes in one transaction."""
        try:
            with self._engine.begin() as connection:
                connection.execute(insert(_sessions), [session_values(session)])
                # The store's own statements: rows as tuples, run with the driver's executemany.
                dialect = connection.dialect
                lanes = [lane_row(session.id, lane) for lane in session.lanes]
                insert_rows(connection, lane_sql(dialect), lanes, ["session_id", "id"], upsert=False)
                notes = [note_row(session.id, note) for note in session.notes]
                insert_rows(connection, note_sql(dialect), notes, ["id"], upsert=False)
                insert_clusters(connection, session)
                insert_phases(connection, session)
                insert_voting(connection, session)
                list_revised(connection)
        except SQLAlchemyError as error:
            raise LibraryError(f"Could not save the session {session.title!r}: {write_failure(error)}.") from None

    def load(self, session_id: str) -> Session:
        return self.load_with_revision(session_id)[0]

    def load_with_revision(self, session_id: str) -> tuple[Session, int]:
        """The session and its revision, read together (one read transaction), so a window
        following others' edits knows exactly which edits it has."""
        with self._reading() as connection:
            row, lanes = self._session_and_lanes(connection, session_id)
            notes = connection.execute(
                select(*NOTE_COLUMNS).where(_notes.c.session_id == session_id).order_by(_notes.c.created, _notes.c.id)
            ).all()
            clusters = load_clusters(connection, session_id)
            phases = load_phases(connection, session_id)
            voting = load_voting(connection, session_id)
        session = Session(
            id=row.id,
            title=row.title,
            template_id=row.template_id,
            created=row.created,
            updated=row.updated,
            lanes=[lane_from_row(lane) for lane in lanes],
            notes=notes_from_rows(notes),
            clusters=clusters,
            phases=phases,
            current_phase_id=row.current_phase_id,
            details=details_from_row(row),
        )
        session.voting.load(*voting)
        return session, row.revision

    def _session_and_lanes(self, connection: Connection, session_id: str) -> tuple[Row[Any], Sequence[Row[Any]]]:
        """The session's own row and its lanes in order; a sentence if there is no such session."""
        row = connection.execute(select(_sessions).where(_sessions.c.id == session_id)).one_or_none()
        if row is None:
            raise LibraryError(f"There is no session {session_id!r} in the library {self.library.location}.")
        lanes = connection.execute(
            select(_lanes).where(_lanes.c.session_id == session_id).order_by(_lanes.c.position)
        ).all()
        return row, lanes

    def saved_since(self, session_id: str, revision: int, shown: Container[str], shown_count: int) -> tuple[SavedState, int]:
        """What a window that has the session at ``revision`` (showing ``shown_count`` notes,
        ``shown`` answering which) needs to catch up, and the revision that brings it to: the
        notes written since (through their revision's index), the session's small parts whole,
        and the ids of every note only when some were deleted (counting tells). One read
        transaction."""
        with self._reading() as connection:
            row, lanes = self._session_and_lanes(connection, session_id)
            written = connection.execute(
                select(*NOTE_COLUMNS).where(_notes.c.session_id == session_id, _notes.c.revision > revision)
            ).all()
            written_notes = notes_from_rows(written)
            count = connection.execute(select(func.count()).where(_notes.c.session_id == session_id)).scalar_one()
            # Every note shown, plus the new ones, minus the count saved: how many were deleted.
            new = sum(1 for note in written_notes if note.id not in shown)
            deleted = shown_count + new - count
            note_ids = (
                frozenset(connection.execute(select(_notes.c.id).where(_notes.c.session_id == session_id)).scalars())
                if deleted > 0 else None
            )
            clusters = load_clusters(connection, session_id)
            phases = load_phases(connection, session_id)
            participants, rounds, votes = load_voting(connection, session_id)
        saved = SavedState(
            title=row.title,
            lanes=[lane_from_row(lane) for lane in lanes],
            written_notes=written_notes,
            note_ids=note_ids,
            clusters=clusters,
            details=details_from_row(row),
            phases=phases,
            current_phase_id=row.current_phase_id,
            participants=participants,
            rounds=rounds,
            votes=votes,
        )
        return saved, row.revision

    def rename(self, session_id: str, title: str) -> None:
        """Rename a session that is not open for editing anywhere (see :class:`SessionService`)."""
        SessionService(self.library).rename(session_id, title)

    def delete(self, session_id: str) -> None:
        """Delete a session that is not open for editing anywhere (see :class:`SessionService`)."""
        SessionService(self.library).delete(session_id)

    @contextmanager
    def _reading(self) -> Iterator[Connection]:
        """A connection for reads; the driver's failures (a full disk, a vanished file) become
        one sentence."""
        try:
            with self._engine.connect() as connection:
                yield connection
        except SQLAlchemyError as error:
            raise LibraryError(f"Could not read the library {self.library.location}: {driver_message(error)}.") from None
