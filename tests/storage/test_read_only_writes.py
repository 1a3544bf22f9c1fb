"""A write to a library opened for reading only is refused in plain words, not the driver's."""

from __future__ import annotations

from pathlib import Path

import pytest

from canvasapp.formats.template_io import session_from_template
from canvasapp.formats.template_library import find_template
from canvasapp.storage import LibraryError, SessionRepository, open_library
from tests.storage.library_files import build_library, sha256


def test_adding_a_session_to_a_read_only_library_says_so_plainly(tmp_path: Path) -> None:
    path = tmp_path / "library.sqlite"
    build_library(path, sessions=1, notes=2)
    before = sha256(path)
    library = open_library(path, read_only=True)
    try:
        with pytest.raises(LibraryError) as refused:
            SessionRepository(library).add(session_from_template(find_template(None), "Imported"))
    finally:
        library.close()
    assert str(refused.value) == (
        "Could not save the session 'Imported': the library cannot be written where it is "
        "(a read-only file, folder or disk)."
    )
    assert sha256(path) == before
