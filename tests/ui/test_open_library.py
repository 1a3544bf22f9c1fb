"""File → Open Library… and Recent Libraries, driven as a person would: another library in the
same window, a bad choice refused in one sentence, and no password ever kept."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QComboBox, QDialog, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from canvasapp.formats.template_io import session_from_template
from canvasapp.formats.template_library import find_template
from canvasapp.storage import SessionLock, SessionRepository, open_library
from canvasapp.ui.sessions.recent_libraries import recent_libraries
from canvasapp.ui.window.main_window import MainWindow
from tests.postgres_server import PASSWORD, PostgresServer
from tests.ui.dialogs import when_dialog_opens


def library_with_session(location: str, title: str) -> str:
    library = open_library(location)
    try:
        session = session_from_template(find_template(None), title)
        SessionRepository(library).add(session)
        return session.id
    finally:
        library.close()


def choose_in_dialog(text: str) -> Callable[[QWidget], None]:
    def act(dialog: QWidget) -> None:
        assert dialog.objectName() == "open_library_dialog"
        combo = dialog.findChild(QComboBox, "library_location")
        assert combo is not None
        combo.setCurrentText(text)
        assert isinstance(dialog, QDialog)
        dialog.accept()

    return act


def answer_warning(said: list[str]) -> Callable[[QWidget], None]:
    def act(dialog: QWidget) -> None:
        assert isinstance(dialog, QMessageBox)
        said.append(dialog.text())
        dialog.accept()

    return act


def test_open_library_and_back_through_the_recent_list(
    qtbot: QtBot, make_window, library_path: Path, tmp_path: Path  # type: ignore[no-untyped-def]
) -> None:
    window: MainWindow = make_window()
    assert window.document is not None
    first_session = window.document.session.id
    team_folder = tmp_path / "team folder"
    team_folder.mkdir()
    team_session = library_with_session(str(team_folder / "library.sqlite"), "Team kickoff")

    when_dialog_opens(choose_in_dialog(str(team_folder)))
    window.actions_by_id["file.open_library"].trigger()

    assert window.library.location == str((team_folder / "library.sqlite").resolve())
    assert window.document is not None and window.document.session.id == team_session
    assert not window.document.read_only
    assert "Team kickoff" in window.windowTitle() and "team folder" in window.windowTitle()
    # The session of the library left behind was closed cleanly: its lock is free.
    lock = SessionLock(library_path, first_session)
    assert lock.acquire()
    lock.release()
    assert recent_libraries() == [str((team_folder / "library.sqlite").resolve()), str(library_path)]

    window.actions_by_id["file.recent_library_2"].trigger()
    assert window.library.location == str(library_path)
    assert window.document is not None and window.document.session.id == first_session
    assert recent_libraries()[0] == str(library_path)


def test_a_file_that_is_not_a_library_is_one_sentence_and_the_library_stays(
    qtbot: QtBot, make_window, library_path: Path, tmp_path: Path  # type: ignore[no-untyped-def]
) -> None:
    window: MainWindow = make_window()
    assert window.document is not None
    shown_before = window.document.session.id
    letter = tmp_path / "letter.txt"
    letter.write_text("Dear team, ...")
    said: list[str] = []

    def choose_then_answer(dialog: QWidget) -> None:
        choose_in_dialog(str(letter))(dialog)
        when_dialog_opens(answer_warning(said))

    when_dialog_opens(choose_then_answer)
    window.actions_by_id["file.open_library"].trigger()

    assert len(said) == 1 and "not a Workshop Canvas library" in said[0] and "Traceback" not in said[0]
    assert letter.read_text() == "Dear team, ..."
    assert window.library.location == str(library_path)
    assert window.document is not None and window.document.session.id == shown_before
    assert not window.document.read_only
    assert str(letter) not in recent_libraries()


@pytest.mark.postgresql
def test_a_typed_password_works_now_and_is_never_kept(
    qtbot: QtBot, make_window, postgres_server: PostgresServer, temporary_settings: Path  # type: ignore[no-untyped-def]
) -> None:
    window: MainWindow = make_window()
    database = postgres_server.new_database("typed").split("/", 3)[3].split("?", 1)[0]
    typed = postgres_server.tcp_url(database)
    assert PASSWORD in typed

    when_dialog_opens(choose_in_dialog(typed))
    window.actions_by_id["file.open_library"].trigger()

    assert window.library.engine.dialect.name == "postgresql"
    assert window.document is not None
    assert PASSWORD not in window.windowTitle() and "127.0.0.1" in window.windowTitle()
    assert all(PASSWORD not in entry for entry in recent_libraries())
    QSettings().sync()
    kept = "".join(path.read_text(errors="replace") for path in temporary_settings.rglob("*") if path.is_file())
    assert "127.0.0.1" in kept and PASSWORD not in kept
    menu_texts = [action.text() for action in window.findChildren(type(window.actions_by_id["file.quit"]))]
    assert all(PASSWORD not in text for text in menu_texts)

    # Chosen again from the list, without a password file the server refuses: one sentence,
    # and the library open now stays open.
    said: list[str] = []
    when_dialog_opens(answer_warning(said))
    window.actions_by_id["file.recent_library_1"].trigger()
    assert len(said) == 1 and PASSWORD not in said[0]
    assert window.library.engine.dialect.name == "postgresql"
    assert window.document is not None
