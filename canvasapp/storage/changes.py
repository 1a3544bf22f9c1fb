"""What others change in a library: the edits of a session shown read-only, and the session list.

Every write that another window should see moves a counter in the writer's own transaction: a
session's ``revision`` (one more with every saved edit, :class:`~canvasapp.storage.store.SessionStore`)
and the library's ``list_revision`` (a session added, renamed or deleted). A :class:`ChangeFeed`
tells a window which of them moved since it last asked. Two kinds, one interface:

- an SQLite file is polled: ``PRAGMA data_version`` changes only when another connection
  committed, so an idle library costs one pragma per poll and reads no table; when it moved, two
  one-row reads say exactly what changed;
- PostgreSQL pushes: the writer's transaction also sends ``pg_notify`` (delivered at commit, never
  for a rolled-back edit), and the feed's own connection listens; its socket becomes readable
  when a notification arrives, so a window needs no timer at all.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field
from typing import Any, Protocol

from sqlalchemy import Connection, Engine, func, select, update

from canvasapp.storage.library import Library
from canvasapp.storage.orm import LibraryStateRow, SessionRow, table_of
from canvasapp.storage.saved_rows import RowChanges

_sessions = table_of(SessionRow)
_state = table_of(LibraryStateRow)

#: The PostgreSQL channel every library's writers notify and its feeds listen on.
CHANNEL = "canvasapp_changes"
_LIST_PAYLOAD = "list"
_SESSION_PREFIX = "session "


@dataclass(frozen=True)
class Changes:
    """What moved since a feed was last asked."""

    session: bool = False
    """The watched session was edited (or deleted)."""
    session_list: bool = False
    """A session was added, renamed or deleted."""

    def __bool__(self) -> bool:
        return self.session or self.session_list


NOTHING = Changes()


class ChangeFeed(Protocol):
    """Tells a window what others changed; ask it when :meth:`socket` is readable, or poll."""

    def watch(self, session_id: str | None, revision: int) -> None:
        """Follow this session from ``revision`` on (``None``: no session, the list only)."""

    def socket(self) -> int | None:
        """A descriptor that becomes readable when there is news; ``None`` means poll."""

    def changes(self) -> Changes:
        """What changed since the last call (cheap when nothing did)."""

    def close(self) -> None: ...


# --- the writers' side: called inside their transactions -----------------------------------


def session_revised(connection: Connection, session_id: str) -> None:
    """Tell followers that a session changed, inside the transaction that changed it; the
    caller's own UPDATE of the session row adds one to ``revision`` (no second statement)."""
    if connection.dialect.name == "postgresql":
        connection.execute(select(func.pg_notify(CHANNEL, _SESSION_PREFIX + session_id)))


def revision_bump() -> dict[str, Any]:
    """The values for a writer's UPDATE of the session row (through SQLAlchemy): one more revision."""
    return {"revision": _sessions.c.revision + 1}


#: :func:`revision_bump` in a statement written for the driver.
REVISION_BUMP = "revision = revision + 1"


def stamp_revision(notes: RowChanges, revision: int) -> None:
    """Mark the note rows an edit writes with its revision (the notes a follower reads)."""
    if notes:
        notes.stamp["revision"] = revision


def list_revised(connection: Connection) -> None:
    """A session was added, renamed or deleted: one more ``list_revision``, in this transaction."""
    connection.execute(update(_state).where(_state.c.id == 1).values(list_revision=_state.c.list_revision + 1))
    if connection.dialect.name == "postgresql":
        connection.execute(select(func.pg_notify(CHANNEL, _LIST_PAYLOAD)))


def read_revisions(connection: Connection, session_id: str | None) -> tuple[int | None, int]:
    """The session's revision (``None`` once it is deleted) and the library's list revision."""
    listed = connection.execute(select(_state.c.list_revision).where(_state.c.id == 1)).scalar() or 0
    if session_id is None:
        return None, int(listed)
    revision = connection.execute(select(_sessions.c.revision).where(_sessions.c.id == session_id)).scalar()
    return (None if revision is None else int(revision)), int(listed)


# --- the followers' side ----------------------------------------------------------------------


@dataclass
class _Seen:
    """The revisions a feed has reported up to."""

    session_id: str | None = None
    revision: int | None = None
    list_revision: int = 0
    pending: Changes = field(default_factory=Changes)

    def compare(self, revision: int | None, list_revision: int) -> Changes:
        changes = Changes(
            session=self.session_id is not None and revision != self.revision,
            session_list=list_revision != self.list_revision,
        )
        self.revision, self.list_revision = revision, list_revision
        return changes


class PolledChanges:
    """An SQLite library's feed: a private read connection, asked on a timer."""

    def __init__(self, library: Library) -> None:
        self._engine = library.engine
        self._seen = _Seen()
        # A connection of its own, outside any transaction between polls: its data_version then
        # moves exactly when another connection (this process's store included) commits.
        self._raw: sqlite3.Connection | None = None
        if library.path is not None:
            self._raw = sqlite3.connect(
                f"{library.path.resolve().as_uri()}?mode=ro", uri=True, isolation_level=None, check_same_thread=False
            )
        self._data_version: int | None = None
        self._seen.revision, self._seen.list_revision = self._read()

    def watch(self, session_id: str | None, revision: int) -> None:
        self._seen.session_id = session_id
        self._seen.revision = revision if session_id is not None else None
        # Whatever was committed between the caller's load and now is reported on the next poll.
        self._data_version = None

    def socket(self) -> int | None:
        return None

    def changes(self) -> Changes:
        if self._raw is not None:
            version = int(self._raw.execute("PRAGMA data_version").fetchone()[0])
            if version == self._data_version:
                return NOTHING
            self._data_version = version
        return self._seen.compare(*self._read())

    def _read(self) -> tuple[int | None, int]:
        if self._raw is None:
            return _read_through(self._engine, self._seen.session_id)
        listed = self._raw.execute("SELECT list_revision FROM library_state WHERE id = 1").fetchone()
        list_revision = int(listed[0]) if listed else 0
        if self._seen.session_id is None:
            return None, list_revision
        row = self._raw.execute("SELECT revision FROM sessions WHERE id = ?", (self._seen.session_id,)).fetchone()
        return (None if row is None else int(row[0])), list_revision

    def close(self) -> None:
        if self._raw is not None:
            self._raw.close()
            self._raw = None


class NotifiedChanges:
    """A PostgreSQL library's feed: a connection of its own that listens on :data:`CHANNEL`."""

    def __init__(self, library: Library) -> None:
        # A pooled connection taken out of the pool for good: same URL, same driver (psycopg 3),
        # in autocommit so LISTEN takes effect at once and no transaction stays open.
        raw = library.engine.raw_connection()
        raw.rollback()
        connection = raw.driver_connection
        assert connection is not None  # a live pooled connection has its driver's
        raw.detach()
        self._connection: Any = connection
        self._connection.autocommit = True
        self._connection.execute(f"LISTEN {CHANNEL}")
        self._engine = library.engine
        self._seen = _Seen()
        self._seen.revision, self._seen.list_revision = _read_through(self._engine, None)

    def watch(self, session_id: str | None, revision: int) -> None:
        self._seen.session_id = session_id
        # Listening began before this: an edit saved since the caller's load is in the queue,
        # or already counted in the revision read now.
        now, _listed = _read_through(self._engine, session_id)
        self._seen.revision = now if session_id is not None else None
        self._seen.pending = Changes(session=session_id is not None and now != revision)

    def socket(self) -> int | None:
        return int(self._connection.fileno())

    def changes(self) -> Changes:
        session, session_list = self._seen.pending.session, self._seen.pending.session_list
        self._seen.pending = NOTHING
        watched = None if self._seen.session_id is None else _SESSION_PREFIX + self._seen.session_id
        for notice in self._connection.notifies(timeout=0):
            if notice.payload == _LIST_PAYLOAD:
                session_list = True
            elif notice.payload == watched:
                session = True
        return Changes(session=session, session_list=session_list)

    def close(self) -> None:
        self._connection.close()  # harmless when closed already


def _read_through(engine: Engine, session_id: str | None) -> tuple[int | None, int]:
    with engine.connect() as connection:
        found = read_revisions(connection, session_id)
        connection.rollback()
    return found


def change_feed(library: Library) -> ChangeFeed:
    """The feed that fits the library: notified on PostgreSQL, polled otherwise."""
    if library.engine.dialect.name == "postgresql":
        return NotifiedChanges(library)
    return PolledChanges(library)
