"""Opening the library for a command: what opening did beside it is said on stderr, one line each."""

from __future__ import annotations

import sys

from canvasapp.cli.errors import one_line
from canvasapp.storage import Library, open_library


def open_library_telling(location: str | None) -> Library:
    """:func:`open_library`, printing its notices (a recovered or set-aside log) to stderr."""
    library = open_library(location)
    for notice in library.notices:
        print(f"canvasapp: note: {one_line(notice)}", file=sys.stderr)
    return library
