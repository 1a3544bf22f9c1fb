"""A window on a team's PostgreSQL library whose lock connection the server ends (a restart,
``pg_terminate_backend``) while the app stays open: it never writes beside a second writer.

It takes its lock back when it is free (at its next save, or sooner while idle); when another
process took the session meanwhile, it stops saving, keeps what was done on its board, turns
read-only saying why, and asks before closing loses the unsaved edits.
"""

from __future__ import annotations

import subprocess
import sys
import time
from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from canvasapp.model import Session
from canvasapp.storage import SessionService
from canvasapp.storage.advisory_lock import AdvisorySessionLock
from canvasapp.ui.window.main_window import MainWindow
from tests.postgres_server import PostgresServer
from tests.storage.library_files import build_library, raw_sql
from tests.ui.conftest import double_click
from tests.ui.dialogs import when_dialog_opens
from tests.ui.test_live_follow import CHILD, WAIT_MS
from tests.ui.test_team_library_window import notes_on_server

pytestmark = pytest.mark.postgresql


class SecondWriter:
    """Another app's process that opens the session for editing (``tests/ui/writer_child.py``)."""

    def __init__(self, url: str, session_id: str) -> None:
        self.process = subprocess.Popen(
            [sys.executable, str(CHILD), url, session_id], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
        )
        assert self.process.stdout is not None and self.process.stdin is not None
        self.state = self.process.stdout.readline().strip()

    def do(self, command: str) -> str:
        assert self.process.stdout is not None and self.process.stdin is not None
        self.process.stdin.write(command + "\n")
        self.process.stdin.flush()
        return self.process.stdout.readline().strip()

    def end(self) -> None:
        if self.process.poll() is None:
            assert self.process.stdin is not None
            self.process.stdin.write("quit\n")
            self.process.stdin.close()
            self.process.wait(timeout=30)
        if self.process.stdout is not None:
            self.process.stdout.close()


@pytest.fixture
def session(postgres_url: str) -> Session:
    (made,) = build_library(postgres_url, sessions=1, notes=2)
    return made


@pytest.fixture
def second_writers() -> Iterator[list[SecondWriter]]:
    started: list[SecondWriter] = []
    yield started
    for writer in started:
        writer.end()


def lock_of(window: MainWindow) -> AdvisorySessionLock:
    assert window.document is not None
    lock = window.document.lock
    assert isinstance(lock, AdvisorySessionLock)
    return lock


def end_lock_connection(server: PostgresServer, window: MainWindow) -> None:
    """As a server restart or a network cut would: the server ends the lock's connection."""
    pid = lock_of(window).connection_pid
    assert pid is not None
    server.execute(f"SELECT pg_terminate_backend({pid})")


def holders(url: str) -> list[int]:
    """The server processes holding an advisory lock in the library's database."""
    with raw_sql(url) as connection:
        return [row[0] for row in connection.execute(
            "SELECT pid FROM pg_locks WHERE locktype = 'advisory' AND granted"
            " AND database = (SELECT oid FROM pg_database WHERE datname = current_database())"
        )]  # fmt: skip


def take_session(url: str, session_id: str, started: list[SecondWriter]) -> SecondWriter:
    """A second process opens the session for editing as soon as the server has let go of the lock
    (it does once it sees the ended connection's process exit)."""
    deadline = time.monotonic() + WAIT_MS / 1000
    while True:
        writer = SecondWriter(url, session_id)
        started.append(writer)
        if writer.state == "ready" or time.monotonic() > deadline:
            assert writer.state == "ready"
            return writer
        writer.end()
        time.sleep(0.1)


def test_a_window_that_lost_its_lock_to_another_writer_stops_saving_and_says_why(
    qtbot: QtBot, make_window, postgres_url: str, postgres_server: PostgresServer,  # type: ignore[no-untyped-def]
    session: Session, second_writers: list[SecondWriter],
) -> None:
    window: MainWindow = make_window(session.id, library=postgres_url)
    assert window.document is not None and not window.document.read_only
    before = notes_on_server(postgres_url, session.id)

    end_lock_connection(postgres_server, window)
    other = take_session(postgres_url, session.id, second_writers)
    assert other.do("add theirs 300 900 written by the second writer").startswith("saved ")

    # The first window, still open, gets a note by a double click as if nothing happened.
    double_click(qtbot, window, 300, 500)
    document = window.document
    assert document is not None
    qtbot.waitUntil(lambda: document.read_only, timeout=WAIT_MS)

    # Only the second writer's edit is in the library; the first window's note is on its board.
    assert notes_on_server(postgres_url, session.id) == sorted([*before, "written by the second writer"])
    assert len(document.session) == len(before) + 1
    banner = window.read_only_banner
    assert banner is not None
    qtbot.waitUntil(banner.isVisible, timeout=WAIT_MS)
    said = banner.label.text()
    assert "another window opened the session" in said and "not saved" in said
    assert "(read-only)" in window.windowTitle()
    assert "kept only in this window" in window.save_status.label.text()

    # Further edits are refused, and the second writer goes on saving.
    double_click(qtbot, window, 600, 500)
    assert len(document.session) == len(before) + 1
    assert other.do("text theirs changed by the second writer").startswith("saved ")
    assert notes_on_server(postgres_url, session.id) == sorted([*before, "changed by the second writer"])

    # Closing asks before the unsaved note is lost; saving again is not offered.
    asked: list[str] = []

    def lose(dialog: QWidget) -> None:
        assert isinstance(dialog, QMessageBox)
        asked.append(dialog.informativeText())
        assert not dialog.findChild(QWidget, "save_again_button").isVisible()
        dialog.findChild(QWidget, "lose_edits_button").click()  # type: ignore[union-attr]

    when_dialog_opens(lose)
    assert window.close()
    assert asked and "another window opened the session" in asked[0]
    assert notes_on_server(postgres_url, session.id) == sorted([*before, "changed by the second writer"])


def test_a_window_never_writes_over_what_another_saved_while_it_had_no_lock(
    qtbot: QtBot, make_window, postgres_url: str, postgres_server: PostgresServer,  # type: ignore[no-untyped-def]
    session: Session, second_writers: list[SecondWriter],
) -> None:
    window: MainWindow = make_window(session.id, library=postgres_url)
    before = notes_on_server(postgres_url, session.id)
    end_lock_connection(postgres_server, window)
    # The other process takes the session, saves a note and closes it again: the lock is free
    # when the first window next saves, but the session is no longer what that window has.
    other = take_session(postgres_url, session.id, second_writers)
    assert other.do("add theirs 300 900 saved while the first had no lock").startswith("saved ")
    other.end()
    double_click(qtbot, window, 300, 500)
    document = window.document
    assert document is not None
    qtbot.waitUntil(lambda: document.read_only, timeout=WAIT_MS)
    assert notes_on_server(postgres_url, session.id) == sorted([*before, "saved while the first had no lock"])
    # It let go of the lock it took back to look: the session can be opened for editing.
    again = SecondWriter(postgres_url, session.id)
    second_writers.append(again)
    assert again.state == "ready"
    when_dialog_opens(lambda dialog: dialog.findChild(QWidget, "lose_edits_button").click())  # type: ignore[union-attr]
    assert window.close()


def test_a_dropped_lock_is_taken_back_by_the_next_save(
    qtbot: QtBot, make_window, postgres_url: str, postgres_server: PostgresServer,  # type: ignore[no-untyped-def]
    session: Session, second_writers: list[SecondWriter],
) -> None:
    window: MainWindow = make_window(session.id, library=postgres_url)
    before = notes_on_server(postgres_url, session.id)
    end_lock_connection(postgres_server, window)
    # Until the server has let go of the lock, the save waits (it is tried again); then it goes in.
    double_click(qtbot, window, 300, 500)
    qtbot.waitUntil(lambda: len(notes_on_server(postgres_url, session.id)) == len(before) + 1, timeout=WAIT_MS)
    assert window.document is not None and not window.document.read_only
    # The window holds the session again: a second process opens it read-only.
    late = SecondWriter(postgres_url, session.id)
    second_writers.append(late)
    assert late.state == "read-only"


def test_an_idle_window_takes_its_dropped_lock_back_before_anyone_else(
    qtbot: QtBot, make_window, postgres_url: str, postgres_server: PostgresServer,  # type: ignore[no-untyped-def]
    session: Session, second_writers: list[SecondWriter],
) -> None:
    window: MainWindow = make_window(session.id, library=postgres_url)
    old_pid = lock_of(window).connection_pid
    end_lock_connection(postgres_server, window)
    # Nothing is edited: the window's own check takes the lock back on a new connection.
    qtbot.waitUntil(lambda: holders(postgres_url) not in ([], [old_pid]), timeout=WAIT_MS)
    assert holders(postgres_url) == [lock_of(window).connection_pid]
    late = SecondWriter(postgres_url, session.id)
    second_writers.append(late)
    assert late.state == "read-only"
    assert window.document is not None and not window.document.read_only


def sessions_started(url: str) -> int:
    """How many connections the server has accepted to the library's database so far."""
    with raw_sql(url) as connection:
        connection.execute("SELECT pg_stat_clear_snapshot()")
        return int(next(iter(connection.execute(
            "SELECT sessions FROM pg_stat_database WHERE datname = current_database()"
        )))[0])  # fmt: skip


def test_a_read_only_window_asks_about_the_writer_without_new_connections(
    qtbot: QtBot, make_window, postgres_url: str, session: Session,  # type: ignore[no-untyped-def]
    second_writers: list[SecondWriter], monkeypatch: pytest.MonkeyPatch,
) -> None:
    holder = SecondWriter(postgres_url, session.id)
    second_writers.append(holder)
    assert holder.state == "ready"
    asked: list[bool] = []
    is_open_elsewhere = SessionService.is_open_elsewhere

    def counted(service: SessionService, session_id: str) -> bool:
        asked.append(is_open_elsewhere(service, session_id))
        return asked[-1]

    monkeypatch.setattr(SessionService, "is_open_elsewhere", counted)
    window: MainWindow = make_window(session.id, library=postgres_url)
    assert window.document is not None and window.document.read_only
    qtbot.waitUntil(lambda: len(asked) >= 1, timeout=WAIT_MS)
    started = sessions_started(postgres_url)
    qtbot.waitUntil(lambda: len(asked) >= 5, timeout=WAIT_MS)
    # Five more questions, each answered over a connection the window already had (the count
    # includes this test's own connections, one per reading).
    assert asked[-1] is True
    assert sessions_started(postgres_url) - started <= 1
