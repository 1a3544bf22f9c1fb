"""Shared fixtures: Qt offscreen, and a fresh temporary library for every test."""

from __future__ import annotations

import os

# Before any QApplication exists: without a display Qt would try xcb and abort. The offscreen
# screen is a 1920×1080 one, like the laptops and projectors the app runs on (Qt's own default
# is 800×800); the window takes most of it, as on such a screen.
if os.environ.get("QT_QPA_PLATFORM", "offscreen") == "offscreen":
    _screens = os.path.join(__import__("tempfile").mkdtemp(prefix="canvasapp-test-screen-"), "screens.json")
    with open(_screens, "w", encoding="utf-8") as _file:
        _file.write('{"screens": [{"name": "screen-1", "x": 0, "y": 0, "width": 1920, "height": 1080, '
                    '"logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}]}')
    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={_screens}"
# A library chosen in the developer's environment is never the tests' library.
os.environ.pop("CANVASAPP_LIBRARY", None)
# Reports of damaged libraries (written to the user's log folder) go to a folder of the run.
os.environ["XDG_STATE_HOME"] = __import__("tempfile").mkdtemp(prefix="canvasapp-test-state-")
# The app's settings (QSettings: recent sessions, the window's place) of every test and of every
# app a test starts go to a folder of the run, never the user's ~/.config. UI tests also get a
# folder of their own each (tests/ui/conftest.py).
os.environ["XDG_CONFIG_HOME"] = __import__("tempfile").mkdtemp(prefix="canvasapp-test-config-")

from collections.abc import Iterator
from pathlib import Path

import pytest

from canvasapp.formats.template_io import session_from_template
from canvasapp.formats.template_library import find_template
from canvasapp.model import Note, Session, new_id
from canvasapp.storage import Library, SessionRepository, open_library
from tests.postgres_server import PostgresServer, find_bin_dir, running_server


@pytest.fixture
def library_path(tmp_path: Path) -> Path:
    return tmp_path / "library.sqlite"


@pytest.fixture
def library(request: pytest.FixtureRequest, library_path: Path) -> Iterator[Library]:
    """A fresh library: an SQLite file, or both kinds in turn for a test that asks for
    ``library_url`` too (so ``make_session`` and every fixture on ``library`` follow it)."""
    location = request.getfixturevalue("library_url") if "library_url" in request.fixturenames else library_path
    opened = open_library(location)
    yield opened
    opened.close()


@pytest.fixture
def make_session(library: Library):  # type: ignore[no-untyped-def]
    """A saved session from the default template, with ``notes`` given as (lane, text) pairs."""

    def make(title: str = "Community gathering", notes: list[tuple[str, str]] = ()) -> Session:  # type: ignore[assignment]
        session = session_from_template(find_template(None), title)
        session.add_notes(
            Note(id=new_id(), lane_id=lane, text=text, x=30.0 + 240 * (i % 3), y=200.0 + 170 * (i // 3))
            for i, (lane, text) in enumerate(notes)
        ) if notes else None
        SessionRepository(library).add(session)
        return session

    return make


# --- a real PostgreSQL server, for the tests that run on both kinds of library ---------------


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[PostgresServer]:
    """One throwaway PostgreSQL server for the whole run (see tests/postgres_server.py).

    Without one the PostgreSQL tests are skipped, except on CI (``CI=true``), where
    ``scripts/setup.sh --test`` installs it and a skip would hide that they never ran."""
    missing = None
    if find_bin_dir() is None:
        missing = "no PostgreSQL server (initdb, pg_ctl) on this machine; scripts/setup.sh --test installs it"
    else:
        try:
            import psycopg  # noqa: F401
        except ImportError:
            missing = "psycopg is not installed; pip install -e '.[postgres]' (scripts/setup.sh --test does)"
    if missing is not None:
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(f"CI must run the PostgreSQL tests: {missing}")
        pytest.skip(missing)
    with running_server() as server:
        yield server


@pytest.fixture
def postgres_url(postgres_server: PostgresServer) -> Iterator[str]:
    """A new empty database on the test server (a library is made in it when opened); dropped
    afterwards, with whatever is still connected to it."""
    url = postgres_server.new_database()
    yield url
    postgres_server.drop_database(url)


@pytest.fixture(
    params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgresql)],
)
def library_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """Where a fresh, empty library goes, once per kind: an SQLite file's path, then a
    ``postgresql://`` URL to a new database of the test server."""
    if request.param == "sqlite":
        return str(tmp_path / "library.sqlite")
    return str(request.getfixturevalue("postgres_url"))


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    """What the app does when it quits: copied notes go back on the clipboard as plain text, so
    Qt's exit does not delete a Python-made object after Python is gone (a crash at exit)."""
    import sys

    if "PySide6.QtGui" in sys.modules:
        from canvasapp.ui.board.clipboard_handover import hand_over_clipboard

        hand_over_clipboard()
