"""The library database (SQLAlchemy 2, Alembic). Rows never leave this package."""

from canvasapp.storage.errors import LibraryError
from canvasapp.storage.library import Library, default_library_path, open_library
from canvasapp.storage.lock import SessionLock
from canvasapp.storage.sessions import SessionRepository, SessionSummary
from canvasapp.storage.store import SessionStore

__all__ = [
    "Library",
    "LibraryError",
    "SessionLock",
    "SessionRepository",
    "SessionStore",
    "SessionSummary",
    "default_library_path",
    "open_library",
]
