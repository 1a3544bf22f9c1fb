"""Renaming the open session is an edit like any other (undo, redo, saved); File > Open Session
does not rename or delete a session another process is editing, and says why in one sentence."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QInputDialog, QMessageBox, QWidget

from canvasapp.model import Session
from canvasapp.ui.sessions.session_dialog import OPEN_ELSEWHERE, OpenSessionDialog
from canvasapp.ui.window.main_window import MainWindow
from tests.storage.library_files import cli_env
from tests.ui.conftest import trigger
from tests.ui.editing_helpers import rows

EDITOR_CHILD = Path(__file__).resolve().parents[1] / "storage" / "editor_child.py"


def when_opens(kind: type[QWidget], act: Callable[[QWidget], None], attempts: int = 500) -> None:
    """Call ``act`` on the next modal dialog of ``kind`` as soon as it shows."""

    def poll(remaining: int) -> None:
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, kind) and dialog.isVisible():
            act(dialog)
        elif remaining > 0:
            QTimer.singleShot(10, lambda: poll(remaining - 1))

    QTimer.singleShot(0, lambda: poll(attempts))


def saved_title(library_path: Path, session_id: str) -> str:
    return str(rows(library_path, "SELECT title FROM sessions WHERE id = ?", session_id)[0][0])


@pytest.fixture
def other_process(library_path: Path) -> Iterator[Callable[[str], subprocess.Popen[str]]]:
    """A second instance that opens a session for editing and keeps it until the test ends."""
    children: list[subprocess.Popen[str]] = []

    def start(session_id: str) -> subprocess.Popen[str]:
        child = subprocess.Popen(
            [sys.executable, str(EDITOR_CHILD), str(library_path), session_id],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, env=cli_env(),
        )
        children.append(child)
        assert child.stdout is not None and child.stdout.readline().strip() == "ready"
        return child

    yield start
    for child in children:
        child.communicate("quit\n", timeout=30)  # and closes its pipes


def in_open_session_dialog(window: MainWindow, act: Callable[[OpenSessionDialog], None]) -> None:
    def run(dialog: QWidget) -> None:
        assert isinstance(dialog, OpenSessionDialog)
        try:
            act(dialog)
        finally:
            dialog.reject()

    when_opens(OpenSessionDialog, run)
    trigger(window, "file.open_session")


def test_renaming_the_open_session_is_undone_redone_and_saved(
    make_session: Callable[..., Session], make_window: Callable[..., MainWindow], library_path: Path
) -> None:
    session = make_session("Spring retro")
    window = make_window(session.id)

    def rename(dialog: OpenSessionDialog) -> None:
        dialog.select_session(session.id)
        assert dialog.rename_button.isEnabled()
        when_opens(QInputDialog, lambda box: (box.setTextValue("  Spring   retro,\x1bUtrecht "), box.accept()))
        dialog.rename_button.click()
        assert dialog.table.item(0, 0).text().startswith("Spring retro, Utrecht")

    in_open_session_dialog(window, rename)
    assert window.document.session.title == "Spring retro, Utrecht"
    assert saved_title(library_path, session.id) == "Spring retro, Utrecht"
    assert window.windowTitle().startswith("Spring retro, Utrecht")
    assert window.actions_by_id["edit.undo"].text() == "&Undo Rename Session"

    trigger(window, "edit.undo")
    assert window.document.session.title == "Spring retro"
    assert saved_title(library_path, session.id) == "Spring retro"
    assert window.windowTitle().startswith("Spring retro —")

    trigger(window, "edit.redo")
    trigger(window, "edit.undo")
    trigger(window, "edit.redo")
    assert saved_title(library_path, session.id) == "Spring retro, Utrecht"

    window.close()
    window.library.close()
    again = make_window(session.id)
    assert again.document.session.title == "Spring retro, Utrecht"


def test_a_session_open_in_another_process_cannot_be_renamed_or_deleted_here(
    make_session: Callable[..., Session], make_window: Callable[..., MainWindow],
    other_process: Callable[[str], subprocess.Popen[str]], library_path: Path,
) -> None:
    mine = make_session("Mine")
    theirs = make_session("Theirs", notes=[("drivers", "Being heard")])
    free = make_session("Nobody's")
    other_process(theirs.id)
    window = make_window(mine.id)
    seen: dict[str, tuple[bool, bool, str]] = {}

    def look(dialog: OpenSessionDialog) -> None:
        for session in (mine, theirs, free):
            dialog.select_session(session.id)
            seen[session.title] = (
                dialog.rename_button.isEnabled(), dialog.delete_button.isEnabled(), dialog.delete_button.toolTip()
            )
            assert dialog.why_label.isVisibleTo(dialog) == (session is theirs)

    in_open_session_dialog(window, look)
    assert seen["Theirs"] == (False, False, OPEN_ELSEWHERE)
    assert seen["Mine"][:2] == (True, True) and seen["Nobody's"] == (True, True, "")
    assert saved_title(library_path, theirs.id) == "Theirs"
    assert rows(library_path, "SELECT count(*) FROM notes WHERE session_id = ?", theirs.id) == [(1,)]


def test_a_session_opened_elsewhere_while_the_dialog_is_up_is_refused_in_one_sentence(
    make_session: Callable[..., Session], make_window: Callable[..., MainWindow],
    other_process: Callable[[str], subprocess.Popen[str]], library_path: Path,
) -> None:
    mine = make_session("Mine")
    racing = make_session("Opened meanwhile", notes=[("drivers", "Room to experiment")])
    window = make_window(mine.id)
    said: list[str] = []

    def delete_after_it_was_opened(dialog: OpenSessionDialog) -> None:
        dialog.select_session(racing.id)
        assert dialog.delete_button.isEnabled()
        other_process(racing.id)  # another instance opens it between the look and the click

        def answer_yes(box: QWidget) -> None:
            assert isinstance(box, QMessageBox)
            when_opens(QMessageBox, lambda refusal: (said.append(refusal.text()), refusal.accept()))
            box.button(QMessageBox.StandardButton.Yes).click()

        when_opens(QMessageBox, answer_yes)
        dialog.delete_button.click()
        # The list now says why the buttons are off.
        assert not dialog.delete_button.isEnabled()

    in_open_session_dialog(window, delete_after_it_was_opened)
    assert len(said) == 1 and "\n" not in said[0]
    assert "'Opened meanwhile' is open in a window" in said[0] and said[0].endswith("close it there first.")
    assert rows(library_path, "SELECT count(*) FROM notes WHERE session_id = ?", racing.id) == [(1,)]
