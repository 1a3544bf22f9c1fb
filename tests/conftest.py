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


@pytest.fixture
def library_path(tmp_path: Path) -> Path:
    return tmp_path / "library.sqlite"


@pytest.fixture
def library(library_path: Path) -> Iterator[Library]:
    opened = open_library(library_path)
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
