"""The library database (SQLAlchemy 2, Alembic). Rows never leave this package."""

from canvasapp.storage.errors import LibraryError
from canvasapp.storage.library import Library, default_library_path, open_library
from canvasapp.storage.lock import SessionGuard, SessionLock, session_lock
from canvasapp.storage.session_service import SessionInUseError, SessionService
from canvasapp.storage.sessions import SessionRepository, SessionSummary
from canvasapp.storage.store import SessionStore

__all__ = [
    "Library",
    "LibraryError",
    "SessionGuard",
    "SessionInUseError",
    "SessionLock",
    "SessionRepository",
    "SessionService",
    "SessionStore",
    "SessionSummary",
    "default_library_path",
    "open_library",
    "session_lock",
]
