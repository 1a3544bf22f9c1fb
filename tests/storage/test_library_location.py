"""Where a library is, as the app shows it and files settings under it, and which sessions of a
list it still holds."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from sqlalchemy import create_engine

from canvasapp.storage import Library, SessionRepository, open_library


def test_a_library_file_is_shown_by_its_full_real_path_from_any_folder(tmp_path: Path,
                                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "work").mkdir()
    monkeypatch.chdir(tmp_path / "work")
    made = open_library("library.sqlite")
    made.close()
    os.symlink(tmp_path / "work" / "library.sqlite", tmp_path / "link.sqlite")
    monkeypatch.chdir(tmp_path)

    by_link = open_library("link.sqlite")
    by_path = open_library(tmp_path / "work" / "library.sqlite")
    try:
        assert by_link.shown_location == by_path.shown_location == str(tmp_path.resolve() / "work" / "library.sqlite")
    finally:
        by_link.close()
        by_path.close()


def test_a_server_library_is_shown_without_its_password() -> None:
    # As opened by a URL (the engine here is any engine: the location is what is shown).
    url = "postgresql+psycopg://facilitator:s3cret@db.example:5432/workshops"
    library = Library(engine=create_engine("sqlite://"), location=url, path=None)
    assert "s3cret" not in library.shown_location
    # Left out rather than starred: the shown form opens the library again, with the password
    # from ~/.pgpass or a service file (a recent-libraries list can keep it).
    assert library.shown_location == "postgresql+psycopg://facilitator@db.example:5432/workshops"


def test_existing_names_the_sessions_still_there(library: Library, make_session) -> None:  # type: ignore[no-untyped-def]
    kept, gone = make_session("Kept"), make_session("Gone")
    repository = SessionRepository(library)
    repository.delete(gone.id)

    assert repository.existing([gone.id, kept.id, "never-was"]) == {kept.id}
    assert repository.existing([]) == set()
