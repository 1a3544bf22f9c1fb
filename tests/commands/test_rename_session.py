"""Renaming the open session is an undoable edit, saved by the session's store."""

from __future__ import annotations

from typing import Any

from canvasapp.commands.session_title import RenameSession
from canvasapp.storage import Library, SessionRepository, SessionStore


def test_rename_apply_revert_and_saved(library: Library, make_session: Any) -> None:
    session = make_session("Before")
    store = SessionStore(library, session)
    try:
        command = RenameSession.to(session, "  After \n the break ")
        assert command.changes_anything and command.text == "Rename Session"
        command.apply(session)
        assert SessionRepository(library).load(session.id).title == "After the break"
        command.revert(session)
        assert SessionRepository(library).load(session.id).title == "Before"
    finally:
        store.close()
    assert not RenameSession.to(session, " Before ").changes_anything
    assert not RenameSession.to(session, "   ").changes_anything
