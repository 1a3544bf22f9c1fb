"""Renaming and deleting sessions: the one way to do either, for the app and the command line.

A session open for editing somewhere (another window, another instance of the app) belongs to
that writer: deleting it there would take its saved notes away under it, and renaming it would
be reverted or fought over. So both take the session's lock for as long as they write, and are
refused, with a sentence saying why, when someone else holds it. The open session is renamed by
its own window (an undoable edit its store saves), never through here.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from sqlalchemy import delete, select, update
from sqlalchemy.exc import SQLAlchemyError

from canvasapp.model import utc_now
from canvasapp.storage.changes import list_revised, revision_bump
from canvasapp.storage.errors import LibraryError, driver_message
from canvasapp.storage.library import Library
from canvasapp.storage.lock import SessionGuard, session_lock
from canvasapp.storage.orm import SessionRow, table_of

_sessions = table_of(SessionRow)

#: The longest title kept; a longer one is cut (a title is one line in lists and the PDF).
MAX_TITLE = 500


class SessionInUseError(LibraryError):
    """The session is open for editing elsewhere; ``str()`` says so and what to do."""


class SessionService:
    """Rename and delete sessions of one library, never one that is open for editing.

    ``lock_for`` makes the lock of a session (the library's own kind by default); tests and a
    future back end may give another.
    """

    def __init__(
        self, library: Library, lock_for: Callable[[Library, str], SessionGuard] = session_lock
    ) -> None:
        self.library = library
        self._engine = library.engine
        self._lock_for = lock_for

    def is_open_elsewhere(self, session_id: str) -> bool:
        """Whether a window (of this or another instance) has the session open for editing."""
        # Asked without taking the lock: a read-only window asks every second.
        return self._lock_for(self.library, session_id).held()

    def rename(self, session_id: str, title: str) -> str:
        """Give a session that is not open anywhere a new title; returns the title as stored."""
        cleaned = clean_title(title)
        with self._held(session_id, "renamed") as title_now:
            if cleaned == title_now:
                return cleaned
            self._write(
                update(_sessions).where(_sessions.c.id == session_id).values(
                    title=cleaned, updated=utc_now(), **revision_bump()
                ),
                f"rename the session {title_now!r}",
            )
        return cleaned

    def delete(self, session_id: str) -> str:
        """Delete a session that is not open anywhere, with everything in it (the rows cascade);
        returns the title it had."""
        with self._held(session_id, "deleted") as title_now:
            self._write(delete(_sessions).where(_sessions.c.id == session_id), f"delete the session {title_now!r}")
        return title_now

    @contextmanager
    def _held(self, session_id: str, doing: str) -> Iterator[str]:
        """The session's lock for the length of a write, and its title as it is now."""
        lock = self._lock_for(self.library, session_id)
        if not lock.acquire():
            title = self.title_of(session_id)
            holder = lock.held_by()
            if holder is None:
                raise SessionInUseError(
                    f"The session {title!r} is open in a window (of this or another Workshop Canvas), "
                    f"so it cannot be {doing} now; close it there first."
                )
            raise SessionInUseError(
                f"The session {title!r} is open in a window of {holder}, so it cannot be {doing} now; "
                "close it there first."
            )
        try:
            yield self.title_of(session_id)
        finally:
            lock.release()

    def title_of(self, session_id: str) -> str:
        """The session's title as stored now."""
        try:
            with self._engine.connect() as connection:
                title = connection.execute(select(_sessions.c.title).where(_sessions.c.id == session_id)).scalar()
        except SQLAlchemyError as error:
            raise LibraryError(f"Could not read the library {self.library.location}: {driver_message(error)}.") from None
        if title is None:
            raise LibraryError(f"There is no session {session_id!r} in the library {self.library.location}.")
        return str(title)

    def _write(self, statement: object, doing: str) -> None:
        try:
            with self._engine.begin() as connection:
                connection.execute(statement)  # type: ignore[call-overload]
                # Open session lists hear of it from the same transaction.
                list_revised(connection)
        except SQLAlchemyError as error:
            raise LibraryError(f"Could not {doing}: {driver_message(error)}.") from None


def clean_title(title: str) -> str:
    """A session title as kept: one line, no surrounding space, not empty."""
    visible = "".join(" " if unicodedata.category(character) == "Cc" else character for character in title)
    cleaned = " ".join(visible.split())[:MAX_TITLE]
    if not cleaned:
        raise LibraryError("A session needs a title.")
    return cleaned
