"""Importing a file into a library that cannot be written where it lies (the window opened it
read-only): a message box with one plain sentence, and the library exactly as it was."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from canvasapp.ui.window.main_window import MainWindow
from tests.read_only_places import made_read_only, shared_library
from tests.ui.dialogs import when_dialog_opens


def test_a_file_dropped_on_a_read_only_library_is_refused_in_one_sentence(
    qtbot: QtBot, make_window, tmp_path: Path  # type: ignore[no-untyped-def]
) -> None:
    shared = shared_library(tmp_path)
    said: list[str] = []

    def read(dialog: QWidget) -> None:
        assert isinstance(dialog, QMessageBox)
        said.append(dialog.text() + dialog.informativeText())
        dialog.accept()

    with made_read_only(shared.library, shared.folder):
        window: MainWindow = make_window(shared.session_id, library=shared.library)
        assert window.library.read_only and window.document is not None and window.document.read_only
        when_dialog_opens(read, attempts=3000)
        window.open_file(shared.notes_csv)  # as a drop on the window does
        qtbot.waitUntil(lambda: bool(said), timeout=30000)
        window.close()
        window.library.close()
    (sentence,) = said
    assert sentence.startswith("Nothing was imported from notes.csv: the library") and "read-only" in sentence
    assert "readonly database" not in sentence and sentence.count(". ") == 0
    assert shared.unchanged()
