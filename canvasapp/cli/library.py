"""Opening the library for a command: what opening did beside it is said on stderr, one line each."""

from __future__ import annotations

import sys

from canvasapp.cli.errors import one_line
from canvasapp.model import Session
from canvasapp.storage import Library, SessionRepository, open_library
from canvasapp.storage.errors import ReadOnlyLibraryError


def open_library_telling(location: str | None) -> Library:
    """:func:`open_library`, printing its notices (a recovered or set-aside log) to stderr."""
    library = open_library(location)
    for notice in library.notices:
        print(f"canvasapp: note: {one_line(notice)}", file=sys.stderr)
    return library


def open_library_for_reading(location: str | None) -> Library:
    """For commands that only read: a library that cannot be written where it lies (a
    read-only folder or disk) is read in place, with a note saying so."""
    try:
        return open_library_telling(location)
    except ReadOnlyLibraryError as error:
        library = open_library(location, read_only=True)
        print(f"canvasapp: note: {one_line(str(error).split(';')[0])}; reading it without changing it.", file=sys.stderr)
        return library


def read_session(location: str | None, id_or_prefix: str) -> Session:
    """The session an id (or a unique start of one) names, read and the library closed again."""
    library = open_library_for_reading(location)
    try:
        repository = SessionRepository(library)
        return repository.load(repository.resolve_id(id_or_prefix))
    finally:
        library.close()
