"""One writer per session: a second window or app instance opens it read-only.

Every back end gives the same small interface, :class:`SessionGuard`; :func:`session_lock`
picks the one for a library. For an SQLite file it is an operating-system lock on a small
file beside the library (``filelock``: ``flock`` on Linux and macOS, ``LockFileEx`` on
Windows). The system drops it when the process dies, even by SIGKILL, so a crash never leaves
a stale lock behind. On PostgreSQL it is an advisory lock, which dies with its connection
(:mod:`canvasapp.storage.advisory_lock`).
"""

from __future__ import annotations

from pathlib import Path
from typing import Protocol

from filelock import FileLock, Timeout
from sqlalchemy import Engine

from canvasapp.storage.advisory_lock import AdvisorySessionLock, Kept

#: Lock files hold nothing secret, but nobody else needs to open them either.
LOCK_FILE_MODE = 0o600


class SessionGuard(Protocol):
    """What a window and the session service need from a session lock."""

    def acquire(self) -> bool:
        """Take the lock without waiting; ``False`` if another window or process holds it."""

    def release(self) -> None:
        """Let go (harmless when not held)."""

    def keep(self) -> Kept:
        """Before a save: whether this holder still has the lock (``held``), lost it and took it
        again (``retaken``: someone may have held it in between), someone else has it now
        (``taken``), or that cannot be told now (``unknown``)."""

    def held(self) -> bool:
        """Whether anyone (this holder too) has the lock now, without taking it; ``True`` when
        that cannot be told."""

    def held_by(self) -> str | None:
        """Who holds the session (``anna on laptop-3``) when the lock can tell, else ``None``."""


class SessionLock:
    """The lock of one session of an SQLite library file (``None``: an in-memory library)."""

    def __init__(self, library_path: Path | None, session_id: str) -> None:
        self._lock = (
            None
            if library_path is None
            else FileLock(lock_path(library_path, f"{session_id}.lock"), timeout=0, mode=LOCK_FILE_MODE)
        )

    def acquire(self) -> bool:
        if self._lock is None:
            return True
        if self._lock.is_locked:
            return True
        try:
            self._lock.acquire()
        except Timeout:
            return False
        except OSError:
            # No lock file can be made or opened (a folder that refuses it, another user's
            # file): whether someone holds the session cannot be known, so it is not ours.
            return False
        return True

    def release(self) -> None:
        # The file stays: unlinking it could let two processes lock two different files.
        if self._lock is not None and self._lock.is_locked:
            self._lock.release(force=True)

    def keep(self) -> Kept:
        # The system keeps a file lock for as long as the process lives.
        return "held" if self.acquire() else "taken"

    def held(self) -> bool:
        if self._lock is None:
            return False
        if self._lock.is_locked:
            return True
        if not self.acquire():
            return True
        self.release()
        return False

    def held_by(self) -> str | None:
        # The holder is on this machine (the file lives beside the library): "another window".
        return None


class _NoLock:
    """For back ends without a lock of their own yet: every window may write."""

    def acquire(self) -> bool:
        return True

    def release(self) -> None:
        return None

    def keep(self) -> Kept:
        return "held"

    def held(self) -> bool:
        return False

    def held_by(self) -> str | None:
        return None


class _LibraryPlace(Protocol):
    """What choosing a lock needs to know of a library (``Library`` has it)."""

    @property
    def path(self) -> Path | None: ...

    @property
    def engine(self) -> Engine: ...


def session_lock(library: _LibraryPlace, session_id: str) -> SessionGuard:
    """The lock that keeps a session to one writer, for whatever kind of library this is."""
    if library.path is not None:
        return SessionLock(library.path, session_id)
    if library.engine.dialect.name == "postgresql":
        return AdvisorySessionLock(library.engine, session_id)
    return _NoLock()


def lock_path(library_path: Path, suffix: str) -> Path:
    """A hidden side file of the library (``.library.sqlite.SUFFIX``)."""
    return library_path.with_name(f".{library_path.name}.{suffix}")
