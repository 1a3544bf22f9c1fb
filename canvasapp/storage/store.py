"""The store: follows one session's events and commits each edit before control goes back."""

from __future__ import annotations

from sqlalchemy import delete, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.exc import SQLAlchemyError

from canvasapp.model import Event, Note, Session
from canvasapp.storage.errors import driver_message
from canvasapp.storage.library import Library
from canvasapp.storage.mapping import note_values
from canvasapp.storage.orm import NoteRow, SessionRow

_sessions = SessionRow.__table__
_notes = NoteRow.__table__
_UPSERT = {"sqlite": sqlite.insert, "postgresql": postgresql.insert}


class SessionStore:
    """Writes what changed in a session, one transaction per edit (``Session.edit_finished``).

    Changes collect while an edit runs; when it finishes they are written and committed at
    once. If the write fails (a full disk), nothing is lost from memory: the changes stay
    pending, ``save_failed`` says why, and the next edit tries them again.
    """

    def __init__(self, library: Library, session: Session) -> None:
        self._engine = library.engine
        self._upsert = _UPSERT[library.engine.dialect.name]
        self.session = session
        self._dirty: dict[str, Note] = {}
        self._removed: set[str] = set()
        self._session_dirty = False
        self.saved: Event[[]] = Event()
        self.save_failed: Event[[str]] = Event()

        session.notes_added.connect(self._mark_notes)
        session.notes_moved.connect(self._mark_notes)
        session.note_text_changed.connect(self._mark_note)
        session.notes_removed.connect(self._mark_removed)
        session.title_changed.connect(self._mark_session)
        session.edit_finished.connect(self.flush)

    def close(self) -> None:
        """Stop following the session (the window closed)."""
        session = self.session
        session.notes_added.disconnect(self._mark_notes)
        session.notes_moved.disconnect(self._mark_notes)
        session.note_text_changed.disconnect(self._mark_note)
        session.notes_removed.disconnect(self._mark_removed)
        session.title_changed.disconnect(self._mark_session)
        session.edit_finished.disconnect(self.flush)

    @property
    def pending(self) -> bool:
        return bool(self._dirty or self._removed or self._session_dirty)

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

    def _mark_session(self, _title: str) -> None:
        self._session_dirty = True

    def flush(self) -> None:
        """Write and commit everything pending in one transaction."""
        session = self.session
        try:
            with self._engine.begin() as connection:
                if self._removed:
                    connection.execute(delete(_notes).where(_notes.c.id.in_(list(self._removed))))
                if self._dirty:
                    rows = [note_values(session.id, note) for note in self._dirty.values()]
                    statement = self._upsert(_notes)
                    changing = {name: statement.excluded[name] for name in rows[0] if name != "id"}
                    connection.execute(statement.on_conflict_do_update(index_elements=["id"], set_=changing), rows)
                connection.execute(
                    update(_sessions)
                    .where(_sessions.c.id == session.id)
                    .values(title=session.title, updated=session.updated)
                )
        except SQLAlchemyError as error:
            self.save_failed.emit(f"Your last change could not be saved: {driver_message(error)}.")
            return
        self._dirty.clear()
        self._removed.clear()
        self._session_dirty = False
        self.saved.emit()
