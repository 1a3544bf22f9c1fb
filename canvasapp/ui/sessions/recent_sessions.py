"""The sessions opened last, per library, most recent first (File → Recent Sessions, and the
session the app starts on). A view setting rather than part of the library: kept in the app's
settings, so it survives a restart and never changes a session's "last changed" date."""

from __future__ import annotations

import json
from collections.abc import Sequence

from PySide6.QtCore import QSettings

from canvasapp.storage import SessionRepository, SessionSummary

RECENT_KEY = "sessions/recent"
#: How many sessions the menu offers.
MOST_RECENT = 8
#: How many libraries keep a list (the least recently used one goes first).
LIBRARIES_KEPT = 16


def with_opened(ids: Sequence[str], opened: str, most: int = MOST_RECENT) -> list[str]:
    """The list after ``opened`` was opened: first, once, and no longer than ``most``."""
    return [opened, *(session_id for session_id in ids if session_id != opened)][:most]


def _read_all() -> dict[str, list[str]]:
    """Library location → session ids. A value edited by hand into something else reads as empty."""
    try:
        value = json.loads(str(QSettings().value(RECENT_KEY, "{}")))
    except ValueError:
        return {}
    if not isinstance(value, dict):
        return {}
    return {
        str(library): [session_id for session_id in ids if isinstance(session_id, str)][:MOST_RECENT]
        for library, ids in value.items()
        if isinstance(ids, list)
    }


def _write_all(lists: dict[str, list[str]]) -> None:
    kept = dict(list(lists.items())[-LIBRARIES_KEPT:])
    QSettings().setValue(RECENT_KEY, json.dumps(kept))


def recent_ids(library_location: str) -> list[str]:
    """What was opened in this library, most recent first (including sessions deleted since)."""
    return _read_all().get(library_location, [])


def remember_opened(library_location: str, session_id: str) -> None:
    lists = _read_all()
    ids = with_opened(lists.pop(library_location, []), session_id)
    lists[library_location] = ids  # the library used last goes to the end: kept longest
    _write_all(lists)


def clear_recent(library_location: str) -> None:
    lists = _read_all()
    if lists.pop(library_location, None) is not None:
        _write_all(lists)


def recent_sessions(repository: SessionRepository) -> list[SessionSummary]:
    """The recent sessions that are still in the library, most recent first; sessions deleted
    meanwhile (here or by another window or the command line) are dropped from the list."""
    location = repository.library.shown_location
    ids = recent_ids(location)
    if not ids:
        return []
    existing = {summary.id: summary for summary in repository.list()}
    kept = [existing[session_id] for session_id in ids if session_id in existing]
    if len(kept) != len(ids):
        lists = _read_all()
        lists[location] = [summary.id for summary in kept]
        _write_all(lists)
    return kept


def last_open_session(repository: SessionRepository) -> str | None:
    """The session open when the app last closed in this library, if it is still there (else
    the one before it, and so on)."""
    ids = recent_ids(repository.library.shown_location)
    existing = repository.existing(ids)
    return next((session_id for session_id in ids if session_id in existing), None)
