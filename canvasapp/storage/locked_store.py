"""A window's store, which writes only while the window holds the session's lock.

The lock is taken when the session opens, but on PostgreSQL it lives on a connection the server
can end under a running app (a restart, ``pg_terminate_backend``, a network cut); another window
may then take the session. So before each save the lock is checked (one round trip on its own
connection) and taken again when it is free, provided nobody saved the session in between (its
revision is the one this store last wrote). When someone else took it, this store never writes
again: its edits stay in memory, ``taken_over`` tells the window, which turns read-only.
"""

from __future__ import annotations

from sqlalchemy.exc import SQLAlchemyError

from canvasapp.model import Event, Session
from canvasapp.storage.advisory_lock import Kept
from canvasapp.storage.changes import read_revisions
from canvasapp.storage.library import Library
from canvasapp.storage.lock import SessionGuard
from canvasapp.storage.store import SessionStore

#: Why a window stopped saving, with its last edits unsaved (read on the read-only strip).
TAKEN_OVER = (
    "This window lost its connection to the library's server and another window opened the session "
    "for editing meanwhile, so your latest edits here are not saved and this window is read-only."
)
#: The same, when everything done here had been saved.
TAKEN_OVER_SAVED = (
    "This window lost its connection to the library's server and another window opened the session "
    "for editing meanwhile, so this window is read-only (everything you did here was saved)."
)
#: While the server cannot be asked whether this window still holds the session.
UNREACHABLE = "Your changes could not be saved: the connection to the library's server was lost."


class LockedStore(SessionStore):
    """A :class:`SessionStore` that checks its session lock before each save.

    ``revision``: the session's revision as loaded; each save adds one, so a different one found
    after the lock was taken back means another window saved the session meanwhile.
    """

    def __init__(self, library: Library, session: Session, lock: SessionGuard, revision: int) -> None:
        self._lock = lock
        self._revision = revision
        #: The lock was taken again: nothing is written until the revision says nobody else saved.
        self._unverified = False
        #: Whether another window took the session: nothing is written from then on.
        self.lost = False
        self.taken_over: Event[[]] = Event()
        super().__init__(library, session)
        self.saved.connect(self._one_more_revision)

    def close(self) -> None:
        self.saved.disconnect(self._one_more_revision)
        super().close()

    def flush(self) -> None:
        if self.lost:
            return
        kept = self._may_write()
        if kept == "held":
            super().flush()
        elif kept == "unknown":
            # Tried again like any failed save, and written once the lock is ours again.
            self._failed(UNREACHABLE)
        else:
            self._lose()

    def check_lock(self) -> None:
        """Between edits (the window asks now and then): take a lost lock back before anyone
        else can, or learn that someone did. A server out of reach is left to the next save."""
        if not self.lost and self._may_write() == "taken":
            self._lose()

    def _may_write(self) -> Kept:
        kept = self._lock.keep()
        if kept == "retaken":
            self._unverified, kept = True, "held"
        if kept != "held" or not self._unverified:
            return kept
        try:
            with self._engine.connect() as connection:
                revision, _listed = read_revisions(connection, self.session.id)
        except SQLAlchemyError:
            return "unknown"
        self._unverified = False
        if revision == self._revision:
            return "held"
        # Another window saved the session while this one had no lock: what it saved stays.
        self._lock.release()
        return "taken"

    def _one_more_revision(self) -> None:
        self._revision += 1

    @property
    def lost_because(self) -> str:
        """Why this store stopped saving, in one sentence (once ``lost``)."""
        return TAKEN_OVER if self.pending else TAKEN_OVER_SAVED

    def _lose(self) -> None:
        self.lost = True
        if self.pending:
            # It stays pending, and failing: closing the window asks before losing it.
            self.failure = TAKEN_OVER
        self.taken_over.emit()
