"""The window on a team's PostgreSQL library: edits are saved to the server as they are made; a
session another process has open comes up read-only; once that process is killed, it opens for
editing again."""

from __future__ import annotations

import time

import pytest
from pytestqt.qtbot import QtBot

from tests.storage.library_files import build_library, raw_sql
from tests.storage.test_session_service import Editor
from tests.ui.conftest import double_click

pytestmark = pytest.mark.postgresql


def notes_on_server(url: str, session_id: str) -> list[str]:
    with raw_sql(url) as connection:
        return sorted(row[0] for row in connection.execute("SELECT text FROM notes WHERE session_id = ?", (session_id,)))


def test_a_window_on_a_team_library_follows_the_session_lock(qtbot: QtBot, make_window, postgres_url: str) -> None:  # type: ignore[no-untyped-def]
    (session,) = build_library(postgres_url, sessions=1, notes=2)
    holder = Editor(postgres_url, session.id)
    try:
        assert holder.state == "ready"
        looking = make_window(session.id, library=postgres_url)
        assert looking.document.read_only and "read-only" in looking.windowTitle()
        double_click(qtbot, looking, 300, 500)
        assert len(looking.document.session) == 2
        looking.close()
    finally:
        holder.kill()
    # The server lets go of the killed holder's lock once it sees its connection end.
    deadline = time.monotonic() + 30
    while True:
        window = make_window(session.id, library=postgres_url)
        if not window.document.read_only or time.monotonic() > deadline:
            break
        window.close()
        time.sleep(0.1)
    assert not window.document.read_only
    double_click(qtbot, window, 300, 500)
    assert len(notes_on_server(postgres_url, session.id)) == 3
