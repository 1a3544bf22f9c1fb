"""File → Recent Sessions, and the session the app starts on: the last one it had open.

Each "restart" closes the window (as Quit does) and builds a new one on the same library and the
same settings, as the next start of the app would.
"""

from __future__ import annotations

import json
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st
from PySide6.QtCore import QPoint, QSettings
from PySide6.QtWidgets import QMenu, QPushButton, QWidget

from canvasapp.model import Session
from canvasapp.storage import SessionRepository, open_library
from canvasapp.ui.sessions.recent_sessions import (
    LIBRARIES_KEPT,
    MOST_RECENT,
    RECENT_KEY,
    recent_ids,
    remember_opened,
    with_opened,
)
from canvasapp.ui.window.action_table import menu
from canvasapp.ui.window.main_window import MainWindow

from .conftest import trigger
from .dialogs import when_dialog_opens


def recent_menu(window: MainWindow) -> QMenu:
    """The submenu, opened the way a person opens it (File, then Recent Sessions)."""
    file_menu = menu(window, "&File")
    file_menu.popup(window.mapToGlobal(QPoint(0, 0)))
    submenu = window.controllers.recent.menu
    assert submenu is not None
    submenu.popup(window.mapToGlobal(QPoint(200, 0)))
    submenu.hide()
    file_menu.hide()
    return submenu


def entries(window: MainWindow) -> list[tuple[str, bool]]:
    """The sessions the menu offers: (text without accelerators, enabled)."""
    return [
        (action.text().replace("&&", "\0").replace("&", "").replace("\0", "&"), action.isEnabled())
        for action in recent_menu(window).actions()
        if action.objectName().startswith("file.recent.")
    ]


def open_through_dialog(window: MainWindow, session: Session) -> None:
    """File → Open Session…, pick it, Open."""

    def choose(dialog: QWidget) -> None:
        dialog.select_session(session.id)  # type: ignore[attr-defined]
        dialog.findChild(QPushButton, "open_button").click()

    when_dialog_opens(choose)
    trigger(window, "file.open_session")
    assert window.document.session.id == session.id


def restart(window: MainWindow, make_window) -> MainWindow:  # type: ignore[no-untyped-def]
    trigger(window, "file.quit")
    return make_window()


def delete_elsewhere(library_path: Path, session: Session) -> None:
    """Another process (the command line, another window) deletes it."""
    other = open_library(library_path)
    try:
        SessionRepository(other).delete(session.id)
    finally:
        other.close()


def test_the_last_eight_most_recent_first_survive_a_restart(make_session, make_window) -> None:  # type: ignore[no-untyped-def]
    sessions = [make_session(f"Workshop {number}") for number in range(1, 11)]
    window = make_window(sessions[0].id)
    for session in sessions[1:]:
        open_through_dialog(window, session)

    expected = [(f"{n} Workshop {11 - n}" + (" (open)" if n == 1 else ""), n != 1) for n in range(1, MOST_RECENT + 1)]
    assert entries(window) == expected

    window = restart(window, make_window)
    assert window.document.session.id == sessions[-1].id
    assert entries(window) == expected


def test_the_app_starts_on_the_session_it_had_open_not_the_last_changed(make_session, make_window) -> None:  # type: ignore[no-untyped-def]
    looked_at, worked_on = make_session("Looked at"), make_session("Worked on")
    window = make_window(worked_on.id)
    window.document.editor.add_note_at(100.0, 400.0)  # the most recently changed session
    window.document.scene.finish_editing()
    open_through_dialog(window, looked_at)

    window = restart(window, make_window)

    assert window.document.session.title == "Looked at"


def test_an_entry_opens_its_session(make_session, make_window) -> None:  # type: ignore[no-untyped-def]
    first, second = make_session("First"), make_session("Second")
    window = make_window(first.id)
    open_through_dialog(window, second)

    entry = next(action for action in recent_menu(window).actions() if action.objectName() == "file.recent.2")
    entry.trigger()

    assert window.document.session.id == first.id
    assert [text for text, _enabled in entries(window)] == ["1 First (open)", "2 Second"]


def test_a_session_deleted_meanwhile_is_dropped_without_a_word(make_session, make_window, library_path: Path) -> None:  # type: ignore[no-untyped-def]
    first, gone, last = make_session("First"), make_session("Gone"), make_session("Last")
    window = make_window(first.id)
    open_through_dialog(window, gone)
    open_through_dialog(window, last)

    delete_elsewhere(library_path, gone)

    assert [text for text, _enabled in entries(window)] == ["1 Last (open)", "2 First"]
    assert list(json.loads(QSettings().value(RECENT_KEY)).values()) == [[last.id, first.id]]
    assert window.statusBar().currentMessage() == ""


def test_an_entry_deleted_after_the_menu_opened_says_so_and_goes(make_session, make_window, library_path: Path) -> None:  # type: ignore[no-untyped-def]
    first, gone = make_session("First"), make_session("Gone")
    window = make_window(gone.id)
    open_through_dialog(window, first)
    entry = next(action for action in recent_menu(window).actions() if action.objectName() == "file.recent.2")

    delete_elsewhere(library_path, gone)
    entry.trigger()

    assert window.document.session.id == first.id
    assert window.statusBar().currentMessage() == "That session is no longer in the library."
    assert [text for text, _enabled in entries(window)] == ["1 First (open)"]


def test_when_the_last_open_session_was_deleted_the_app_starts_on_the_one_before(  # type: ignore[no-untyped-def]
    make_session, make_window, library_path: Path
) -> None:
    before, gone = make_session("Before"), make_session("Gone")
    window = make_window(before.id)
    open_through_dialog(window, gone)
    trigger(window, "file.quit")

    delete_elsewhere(library_path, gone)
    window = make_window()

    assert window.document.session.title == "Before"


def test_clear_recent_empties_the_list_for_good(make_session, make_window) -> None:  # type: ignore[no-untyped-def]
    first, second = make_session("First"), make_session("Second")
    window = make_window(first.id)
    open_through_dialog(window, second)

    trigger(window, "file.clear_recent")

    assert entries(window) == [("No Recent Sessions", False)]
    assert not window.actions_by_id["file.clear_recent"].isEnabled()
    window = restart(window, make_window)
    # Only what this start opened: the list was not kept anywhere.
    assert [text for text, _enabled in entries(window)] == [f"1 {window.document.session.title} (open)"]
    assert window.actions_by_id["file.clear_recent"].isEnabled()


def test_each_library_has_its_own_list(make_session, make_window, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    mine = make_session("In my library")
    window = make_window(mine.id)
    trigger(window, "file.quit")

    other = make_window(library=tmp_path / "other.sqlite")

    assert [text for text, _enabled in entries(other)] == [f"1 {other.document.session.title} (open)"]


def test_titles_with_ampersands_read_as_typed(make_session, make_window) -> None:  # type: ignore[no-untyped-def]
    window = make_window(make_session("Q&A & wrap-up").id)
    assert entries(window) == [("1 Q&A & wrap-up (open)", False)]


def test_a_list_edited_by_hand_into_nonsense_is_an_empty_list(make_session, make_window) -> None:  # type: ignore[no-untyped-def]
    session = make_session("Still opens")
    for nonsense in ("{", "[1, 2]", json.dumps({"x": 5}), json.dumps({"y": [1, None, {}]}), "null"):
        QSettings().setValue(RECENT_KEY, nonsense)
        window = make_window()
        assert window.document.session.id == session.id
        assert [text for text, _enabled in entries(window)] == ["1 Still opens (open)"]
        trigger(window, "file.quit")


@given(st.lists(st.sampled_from("abcdefghijkl"), max_size=12, unique=True), st.sampled_from("abcdefghijklm"))
def test_the_opened_session_comes_first_once_and_the_rest_keep_their_order(ids: list[str], opened: str) -> None:
    after = with_opened(ids, opened)
    assert after[0] == opened
    assert len(after) == len(set(after)) <= MOST_RECENT
    rest = [session_id for session_id in ids if session_id != opened]
    assert after[1:] == rest[: MOST_RECENT - 1]


def test_only_the_libraries_used_last_keep_their_lists() -> None:
    def library(number: int) -> str:
        return f"/libraries/{number}.sqlite"

    for number in range(LIBRARIES_KEPT + 4):
        remember_opened(library(number), f"session-{number}")
    assert recent_ids(library(3)) == []  # the least recently used went first
    assert recent_ids(library(4)) == ["session-4"]

    remember_opened(library(4), "again")  # used again: now the newest
    remember_opened(library(99), "new")

    assert len(json.loads(QSettings().value(RECENT_KEY))) == LIBRARIES_KEPT
    assert recent_ids(library(4)) == ["again", "session-4"]
    assert recent_ids(library(5)) == []
