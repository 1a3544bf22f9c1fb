"""``canvasapp rename`` and ``canvasapp delete`` obey the session lock held by another real
process (exit 2, one line, library unchanged), and ``sessions`` never prints control
characters from user data."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from canvasapp.storage import SessionRepository, open_library
from tests.storage.library_files import build_library, raw, sha256
from tests.storage.test_session_service import Editor

from .test_cli import assert_user_error, run


@pytest.fixture
def data_home(tmp_path: Path) -> Path:
    home = tmp_path / "data-home"
    home.mkdir()
    return home


def titles(library_path: Path) -> dict[str, str]:
    library = open_library(library_path)
    try:
        return {summary.id: summary.title for summary in SessionRepository(library).list()}
    finally:
        library.close()


def test_rename_and_delete_while_open_elsewhere_are_refused(tmp_path: Path, data_home: Path) -> None:
    library_path = tmp_path / "library.sqlite"
    first, second = build_library(library_path, sessions=2, notes=3)
    editor = Editor(library_path, first.id)
    try:
        assert editor.state == "ready"
        before = sha256(library_path)
        renamed = run("rename", "--library", str(library_path), "--session", first.id[:10], "--title", "X", data_home=data_home)
        assert_user_error(renamed, "open in a window", "close it there first")
        deleted = run("delete", "--library", str(library_path), "--session", first.id, "--yes", data_home=data_home)
        assert_user_error(deleted, "open in a window", "cannot be deleted")
        assert sha256(library_path) == before
        assert editor.ask("note still saving") == "saved"

        # Another session is free meanwhile.
        done = run("rename", "--library", str(library_path), "--session", second.id, "--title", "  Neu  ", data_home=data_home)
        assert done.returncode == 0, done.stderr
        assert "to 'Neu'" in done.stdout
    finally:
        editor.kill()  # SIGKILL: the lock goes with the process
    deleted = run("delete", "--library", str(library_path), "--session", first.id, "--yes", data_home=data_home)
    assert deleted.returncode == 0, deleted.stderr
    assert "Deleted" in deleted.stdout and "4 notes" in deleted.stdout
    assert titles(library_path) == {second.id: "Neu"}


def test_delete_without_yes_and_without_a_terminal_deletes_nothing(tmp_path: Path, data_home: Path) -> None:
    library_path = tmp_path / "library.sqlite"
    (session,) = build_library(library_path, sessions=1, notes=2)
    before = sha256(library_path)
    result = run("delete", "--library", str(library_path), "--session", session.id, data_home=data_home)
    assert_user_error(result, "Nothing deleted", "--yes")
    assert sha256(library_path) == before


def test_rename_of_an_unknown_session_or_to_nothing_is_one_line(tmp_path: Path, data_home: Path) -> None:
    library_path = tmp_path / "library.sqlite"
    (session,) = build_library(library_path, sessions=1, notes=2)
    before = sha256(library_path)
    assert_user_error(
        run("rename", "--library", str(library_path), "--session", "ffff", "--title", "X", data_home=data_home),
        "There is no session",
    )
    assert_user_error(
        run("rename", "--library", str(library_path), "--session", session.id, "--title", " ", data_home=data_home),
        "needs a title",
    )
    assert sha256(library_path) == before


def test_sessions_escapes_control_characters_from_titles(tmp_path: Path, data_home: Path) -> None:
    library_path = tmp_path / "library.sqlite"
    (session,) = build_library(library_path, sessions=1, notes=1)
    hostile = "Evil\x1b]0;pwned\x07\x1b[2J\u202eboard\x9b31m\nnext line"
    with raw(library_path) as connection:  # as an archive from a stranger could have brought it
        connection.execute("UPDATE sessions SET title = ? WHERE id = ?", (hostile, session.id))
        connection.commit()
    listed = run("sessions", "--library", str(library_path), data_home=data_home)
    assert listed.returncode == 0, listed.stderr
    assert not any((ord(c) < 32 and c != "\n") or 0x7F <= ord(c) < 0xA0 or c == "\u202e" for c in listed.stdout)
    assert len(listed.stdout.splitlines()) == 1
    assert "Evil\\x1b]0;pwned\\x07" in listed.stdout
    as_json = run("sessions", "--json", "--library", str(library_path), data_home=data_home)
    assert not any((ord(c) < 32 and c != "\n") or 0x7F <= ord(c) < 0xA0 or c == "\u202e" for c in as_json.stdout)
    assert json.loads(as_json.stdout)[0]["title"] == hostile
