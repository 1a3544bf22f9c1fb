"""The command line as a user runs it: in this process through the same ``main`` (quicker), and
in a child process where only a process can show it (start-up, the window path, no display).

Exit 0 when done; 2 with one plain line on stderr for a user error, never a traceback.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from datetime import datetime
from pathlib import Path
from unittest import mock

import pytest

from canvasapp import __version__
from canvasapp.storage import SessionRepository, open_library
from tests.cli.in_process import Ran, run_cli

REPOSITORY = Path(__file__).resolve().parents[2]


@pytest.fixture
def data_home(tmp_path: Path) -> Path:
    """A private user data folder, so no test ever touches the real default library."""
    home = tmp_path / "data-home"
    home.mkdir()
    return home


def run(*args: str, data_home: Path, **extra_env: str) -> subprocess.CompletedProcess[str]:
    env = {
        **os.environ,
        "XDG_DATA_HOME": str(data_home),
        "PYTHONPATH": str(REPOSITORY),  # the checkout is not installed
        "QT_QPA_PLATFORM": "offscreen",
        **extra_env,
    }
    return subprocess.run(
        [sys.executable, "-m", "canvasapp", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        cwd=REPOSITORY,
        timeout=60,
        check=False,
    )


def here(*args: str, data_home: Path) -> Ran:
    """The same command in this process (quicker), with the same private user data folder."""
    with mock.patch.dict(os.environ, {"XDG_DATA_HOME": str(data_home)}):
        return run_cli(*args)


def assert_user_error(result: subprocess.CompletedProcess[str] | Ran, *words: str) -> str:
    """Exit 2 and exactly one plain line on stderr; returns that line."""
    assert result.returncode == 2, (result.returncode, result.stdout, result.stderr)
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("canvasapp: ")
    for word in words:
        assert word in lines[0], lines[0]
    return lines[0]


def test_version(data_home: Path) -> None:
    result = run("--version", data_home=data_home)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"canvasapp {__version__}"


def test_new_then_sessions_lists_it_in_text_and_json(data_home: Path, tmp_path: Path) -> None:
    library = tmp_path / "workshops.sqlite"

    created = here("new", "--title", "Herbsttreffen — Встреча 🎉", "--library", str(library), data_home=data_home)

    assert created.returncode == 0, created.stderr
    # One line a script can use: ``id=$(canvasapp new --title T)``; the sentence is on stderr.
    assert re.fullmatch(r"[0-9a-f]{32}\n", created.stdout), created.stdout
    session_id = created.stdout.strip()
    assert "Created 'Herbsttreffen — Встреча 🎉'" in created.stderr

    listed = here("sessions", "--library", str(library), data_home=data_home)
    assert listed.returncode == 0, listed.stderr
    assert session_id[:12] in listed.stdout
    assert "Herbsttreffen — Встреча 🎉" in listed.stdout

    as_json = here("sessions", "--json", "--library", str(library), data_home=data_home)
    assert as_json.returncode == 0, as_json.stderr
    sessions = json.loads(as_json.stdout)
    assert isinstance(sessions, list) and len(sessions) == 1
    entry = sessions[0]
    assert {"id", "title", "created", "updated", "notes"} <= set(entry)
    assert entry["id"] == session_id
    assert entry["title"] == "Herbsttreffen — Встреча 🎉"
    assert datetime.fromisoformat(entry["created"]) <= datetime.fromisoformat(entry["updated"])
    assert datetime.fromisoformat(entry["created"]).utcoffset() is not None

    # The count and the session are what the library itself holds.
    opened = open_library(library)
    try:
        session = SessionRepository(opened).load(session_id)
    finally:
        opened.close()
    assert entry["notes"] == len(session) and isinstance(entry["notes"], int)
    assert session.template_id == "drivers-blockers-activities"
    assert [lane.title for lane in session.lanes] == ["Drivers", "Blockers", "Activities"]
    # Nothing was written to the default library of the (private) user data folder.
    assert not any(data_home.rglob("*.sqlite"))


def test_sessions_of_an_empty_library(data_home: Path, tmp_path: Path) -> None:
    library = tmp_path / "empty.sqlite"
    listed = here("sessions", "--json", "--library", str(library), data_home=data_home)
    assert listed.returncode == 0, listed.stderr
    assert json.loads(listed.stdout) == []


def test_unknown_template_is_one_line_and_creates_nothing(data_home: Path, tmp_path: Path) -> None:
    library = tmp_path / "never.sqlite"

    result = here("new", "--title", "T", "--template", "no-such-template", "--library", str(library), data_home=data_home)

    assert_user_error(result, "no-such-template")
    assert result.stdout == ""
    assert not library.exists()


def test_empty_title_is_one_line(data_home: Path, tmp_path: Path) -> None:
    result = here("new", "--title", "   ", "--library", str(tmp_path / "lib.sqlite"), data_home=data_home)
    assert_user_error(result, "title")


def test_unknown_option_is_one_line_not_a_usage_block(data_home: Path) -> None:
    assert_user_error(here("sessions", "--colour", "red", data_home=data_home), "--colour")


def test_unknown_session_fails_before_any_window(data_home: Path, tmp_path: Path) -> None:
    library = tmp_path / "lib.sqlite"
    opened = open_library(library)
    opened.close()

    # Offscreen Qt could show a window without anyone seeing it: the check must come first,
    # so the process ends at once (a window would run its event loop until the timeout).
    result = run("--session", "nope", "--library", str(library), data_home=data_home)

    line = assert_user_error(result, "no session 'nope'")
    assert str(library) in line
    assert result.stdout == ""


def test_unknown_session_without_any_display(data_home: Path, tmp_path: Path) -> None:
    library = tmp_path / "lib.sqlite"
    open_library(library).close()
    env = {"QT_QPA_PLATFORM": "", "DISPLAY": "", "WAYLAND_DISPLAY": ""}

    result = run("--session", "nope", "--library", str(library), data_home=data_home, **env)

    assert_user_error(result, "no session 'nope'")


def test_a_bad_library_on_the_gui_path_is_one_line(data_home: Path, tmp_path: Path) -> None:
    text = tmp_path / "notes.txt"
    text.write_text("not a library\n")
    before = text.read_bytes()

    result = run("--library", str(text), data_home=data_home)

    assert_user_error(result, "not an SQLite database")
    assert text.read_bytes() == before


def test_library_given_before_the_command_is_the_one_used(tmp_path: Path, data_home: Path) -> None:
    library = tmp_path / "mine.sqlite"
    made = here("--library", str(library), "new", "--title", "Before the command", data_home=data_home)
    assert made.returncode == 0
    assert "Before the command" in here("sessions", "--library", str(library), data_home=data_home).stdout
    assert "Before the command" in here("--library", str(library), "sessions", data_home=data_home).stdout
    # Nothing went to the default library in the user's data folder.
    assert not (data_home / "canvasapp" / "library.sqlite").exists()
