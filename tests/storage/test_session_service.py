"""Renaming and deleting sessions through the one service, with a second real process holding
the session open: refused with a sentence, the library byte for byte unchanged; allowed again
once the other process is gone, even when it was killed."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from canvasapp.model import Session
from canvasapp.storage import (
    LibraryError,
    SessionInUseError,
    SessionLock,
    SessionRepository,
    SessionService,
    open_library,
    session_lock,
)

from .library_files import build_library, cli_env, fingerprint, raw_sql

CHILD = Path(__file__).with_name("editor_child.py")


class Editor:
    """A second app instance editing one session (tests/storage/editor_child.py)."""

    def __init__(self, library_url: str | Path, session_id: str) -> None:
        self.process = subprocess.Popen(
            [sys.executable, str(CHILD), str(library_url), session_id],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, env=cli_env(),
        )
        self.state = self._answer()

    def ask(self, line: str) -> str:
        assert self.process.stdin is not None
        self.process.stdin.write(line + "\n")
        self.process.stdin.flush()
        return self._answer()

    def _answer(self) -> str:
        assert self.process.stdout is not None
        return self.process.stdout.readline().strip()

    def quit(self) -> None:
        if self.process.poll() is None:
            assert self.process.stdin is not None
            self.process.stdin.write("quit\n")
            self.process.stdin.flush()
        self._finish()

    def kill(self) -> None:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGKILL)
        self._finish()

    def _finish(self) -> None:
        self.process.wait(timeout=30)
        for pipe in (self.process.stdin, self.process.stdout):
            if pipe is not None:
                pipe.close()


@pytest.fixture
def sessions(library_url: str) -> list[Session]:
    return build_library(library_url, sessions=2, notes=5)


@pytest.fixture
def editor(library_url: str, sessions: list[Session]) -> Iterator[Editor]:
    child = Editor(library_url, sessions[0].id)
    assert child.state == "ready"
    yield child
    child.kill()


def test_delete_of_a_session_open_in_another_process_is_refused(
    library_url: str, sessions: list[Session], editor: Editor
) -> None:
    before = fingerprint(library_url)
    library = open_library(library_url)
    try:
        with pytest.raises(SessionInUseError, match=r"is open in a window.*close it there first"):
            SessionService(library).delete(sessions[0].id)
        with pytest.raises(SessionInUseError, match="cannot be renamed"):
            SessionService(library).rename(sessions[0].id, "Taken over")
        assert SessionService(library).is_open_elsewhere(sessions[0].id)
        assert not SessionService(library).is_open_elsewhere(sessions[1].id)
    finally:
        library.close()
    assert fingerprint(library_url) == before
    # The other instance goes on saving: its session and notes are still there.
    assert editor.ask("note after the refusal") == "saved"
    assert editor.ask("count") == "6"


def test_the_old_repository_calls_obey_the_lock_too(
    library_url: str, sessions: list[Session], editor: Editor
) -> None:
    library = open_library(library_url)
    try:
        with pytest.raises(LibraryError, match="open in a window"):
            SessionRepository(library).delete(sessions[0].id)
        with pytest.raises(LibraryError, match="open in a window"):
            SessionRepository(library).rename(sessions[0].id, "Other")
    finally:
        library.close()


def test_a_killed_holder_frees_the_session(library_url: str, sessions: list[Session], editor: Editor) -> None:
    editor.kill()
    library = open_library(library_url)
    try:
        service = SessionService(library)
        assert service.rename(sessions[0].id, "  Renamed \x1b after the crash ") == "Renamed after the crash"
        assert service.delete(sessions[0].id) == "Renamed after the crash"
        assert [summary.id for summary in SessionRepository(library).list()] == [sessions[1].id]
    finally:
        library.close()


def test_a_title_written_elsewhere_is_not_reverted_by_the_next_edit(library_url: str, sessions: list[Session]) -> None:
    """An editor's saves write only what it changed: a title written by someone else (an older
    version, a tool) while it edits stays."""
    child = Editor(library_url, sessions[0].id)
    try:
        with raw_sql(library_url) as connection:
            connection.execute("UPDATE sessions SET title = 'Renamed elsewhere' WHERE id = ?", (sessions[0].id,))
            connection.commit()
        assert child.ask("note one") == "saved"
        assert child.ask("note two") == "saved"
    finally:
        child.quit()
    with raw_sql(library_url) as connection:
        title, notes = connection.execute(
            "SELECT title, (SELECT count(*) FROM notes WHERE session_id = sessions.id) FROM sessions WHERE id = ?",
            (sessions[0].id,),
        ).fetchone()
    assert (title, notes) == ("Renamed elsewhere", 7)


def test_a_second_lock_in_the_same_process_is_refused_until_released(library_url: str, sessions: list[Session]) -> None:
    library = open_library(library_url)
    try:
        first, second = session_lock(library, sessions[0].id), session_lock(library, sessions[0].id)
        other = session_lock(library, sessions[1].id)
        assert first.acquire()
        assert first.acquire()  # taking it again while held is a yes
        assert not second.acquire()
        assert other.acquire()
        first.release()
        first.release()  # harmless when not held
        assert second.acquire()
        second.release()
        other.release()
    finally:
        library.close()


def test_the_lock_file_is_private(library_path: Path) -> None:
    lock = SessionLock(library_path, "abc")
    assert lock.acquire()
    lock.release()
    assert oct(os.stat(library_path.with_name(f".{library_path.name}.abc.lock")).st_mode & 0o777) == "0o600"


def test_a_library_without_a_file_or_server_lock_has_a_lock_that_always_succeeds(library_path: Path) -> None:
    sessions = build_library(library_path, sessions=1, notes=1)
    library = open_library(library_path)
    library.path = None  # as an SQLite database given by URL has no file of ours
    try:
        assert session_lock(library, sessions[0].id).acquire()
    finally:
        library.close()


def test_rename_refuses_an_empty_title_and_a_missing_session(library_url: str, sessions: list[Session]) -> None:
    before = fingerprint(library_url)
    library = open_library(library_url)
    try:
        with pytest.raises(LibraryError, match="needs a title"):
            SessionService(library).rename(sessions[0].id, " \t\x07 ")
        with pytest.raises(LibraryError, match="There is no session"):
            SessionService(library).delete("nope")
    finally:
        library.close()
    assert fingerprint(library_url) == before
