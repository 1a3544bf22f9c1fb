"""The session made automatically on the first start does not linger once the facilitator
opens or makes a session of their own, unless they used it."""

from __future__ import annotations

from pathlib import Path

from canvasapp.ops.first_session import FIRST_SESSION_TITLE
from canvasapp.storage import SessionRepository, open_library


def _titles(library_path: Path) -> list[str]:
    library = open_library(library_path)
    try:
        return [summary.title for summary in SessionRepository(library).list()]
    finally:
        library.close()


def test_an_untouched_first_session_goes_when_another_opens(make_session, make_window, library_path: Path) -> None:  # type: ignore[no-untyped-def]
    window = make_window()
    assert window.document.session.title == FIRST_SESSION_TITLE
    real = make_session("Town hall workshop")
    window.open_document(real.id)
    assert _titles(library_path) == ["Town hall workshop"]


def test_a_used_first_session_stays(make_session, make_window, library_path: Path) -> None:  # type: ignore[no-untyped-def]
    window = make_window()
    window.document.editor.add_note_at(100.0, 400.0)
    window.document.scene.finish_editing()
    real = make_session("Town hall workshop")
    window.open_document(real.id)
    assert sorted(_titles(library_path)) == sorted([FIRST_SESSION_TITLE, "Town hall workshop"])
