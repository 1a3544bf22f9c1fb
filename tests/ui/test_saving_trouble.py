"""The disk fills up while the facilitator works, on a real small file system: one warning for
the whole episode, a status that stays and counts what waits, everything written once there is
space again, and a question (not a silent loss) when the window is closed meanwhile."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from canvasapp.ui.window.main_window import MainWindow
from tests.storage.library_files import build_library
from tests.storage.small_disk import fill, free, small_disk
from tests.ui.conftest import double_click
from tests.ui.dialogs import when_dialog_opens
from tests.ui.editing_helpers import rows

RETRY_WAIT_MS = 20_000  # several retry periods: the machine is shared and slow at times


@contextmanager
def window_on_a_small_disk(
    tmp_path: Path, make_window: Callable[..., MainWindow]
) -> Iterator[tuple[MainWindow, Path, Path]]:
    with small_disk(tmp_path / "disk", 1024) as disk:
        path = disk / "library.sqlite"
        (made,) = build_library(path, sessions=1, notes=3)
        window = make_window(made.id, library=path)
        try:
            yield window, path, disk
        finally:
            window.close()
            window.library.close()


def add_note(qtbot: QtBot, window: MainWindow, number: int, text: str) -> None:
    """Double-click an empty spot of the board and type, as a facilitator adds a note."""
    double_click(qtbot, window, 150 + 230 * (number % 6), 1500 + 190 * (number // 6))
    qtbot.keyClicks(window.view.viewport(), text)
    qtbot.keyClick(window.view.viewport(), Qt.Key.Key_Escape)


def edit_until_the_disk_is_full(qtbot: QtBot, window: MainWindow, first: int = 0) -> int:
    """Add notes until saving fails; returns how many notes were added."""
    store = window.document.store
    assert store is not None
    for number in range(first, first + 60):
        add_note(qtbot, window, number, f"note {number} " + "x" * 200)
        if store.failing:
            return number + 1 - first
    raise AssertionError("the disk never filled up")


def saved_texts(path: Path, session_id: str) -> set[str]:
    return {str(text) for (text,) in rows(path, "SELECT text FROM notes WHERE session_id = ?", session_id)}


def warnings(window: MainWindow) -> list[QWidget]:
    return [box for box in window.findChildren(QMessageBox, "save_failed_warning") if box.isVisible()]


def test_a_full_disk_is_one_warning_a_status_that_stays_and_nothing_lost(
    qtbot: QtBot, tmp_path: Path, make_window: Callable[..., MainWindow]
) -> None:
    with window_on_a_small_disk(tmp_path, make_window) as (window, path, disk):
        session = window.document.session
        status = window.save_status
        filler = fill(disk)
        added = edit_until_the_disk_is_full(qtbot, window)
        for number in range(added, added + 6):
            add_note(qtbot, window, number, f"while full {number}")
        qtbot.waitUntil(lambda: len(warnings(window)) == 1)

        # Many failed edits, one dialog; the status bar counts what waits.
        assert len(window.findChildren(QMessageBox, "save_failed_warning")) == 1
        assert "full" in warnings(window)[0].text()
        assert status.label.isVisible() and status.waiting >= 12
        assert status.label.text().startswith(f"Not saved: {status.waiting} edits waiting")
        assert "while full" not in " ".join(saved_texts(path, session.id))

        free(filler)
        qtbot.waitUntil(lambda: not status.label.isVisible(), timeout=RETRY_WAIT_MS)

        assert window.statusBar().currentMessage().startswith("All saved")
        assert warnings(window) == []  # what it warned of is over
        assert saved_texts(path, session.id) == {note.text for note in session.notes}
        assert len([text for text in saved_texts(path, session.id) if text.startswith("while full")]) == 6

        # The next time the disk fills up is a new episode, with its own one warning.
        filler = fill(disk)
        edit_until_the_disk_is_full(qtbot, window, first=added + 6)
        qtbot.waitUntil(lambda: len(warnings(window)) == 1)
        assert status.label.isVisible()
        free(filler)
        qtbot.waitUntil(lambda: not status.label.isVisible(), timeout=RETRY_WAIT_MS)
        assert saved_texts(path, session.id) == {note.text for note in session.notes}


def test_closing_while_edits_wait_asks_and_saving_again_keeps_them(
    qtbot: QtBot, tmp_path: Path, make_window: Callable[..., MainWindow]
) -> None:
    with window_on_a_small_disk(tmp_path, make_window) as (window, path, disk):
        session_id = window.document.session.id
        filler = fill(disk)
        edit_until_the_disk_is_full(qtbot, window)
        add_note(qtbot, window, 59, "said last, before closing")

        # First the facilitator stays ...
        when_dialog_opens(lambda box: box.findChild(QPushButton, "stay_button").click())
        assert not window.close()
        assert window.isVisible() and window.document is not None

        # ... then frees some space from the question itself and saves again: the window
        # closes with everything written.
        def free_and_save_again(box: QWidget) -> None:
            free(filler)
            box.findChild(QPushButton, "save_again_button").click()

        when_dialog_opens(free_and_save_again)
        assert window.close()
        assert window.document is None
        assert "said last, before closing" in saved_texts(path, session_id)


def test_closing_and_choosing_to_lose_the_edits_closes(
    qtbot: QtBot, tmp_path: Path, make_window: Callable[..., MainWindow]
) -> None:
    with window_on_a_small_disk(tmp_path, make_window) as (window, path, disk):
        session_id = window.document.session.id
        filler = fill(disk)
        edit_until_the_disk_is_full(qtbot, window)
        asked: list[str] = []

        def lose(box: QWidget) -> None:
            button = box.findChild(QPushButton, "lose_edits_button")
            asked.append(button.text())
            button.click()

        when_dialog_opens(lose)
        assert window.close()
        free(filler)
        assert asked and asked[0].startswith("Close and Lose")
        assert window.document is None
        # The library is as it was before the failing edits: whole, and still opens.
        assert rows(path, "PRAGMA integrity_check") == [("ok",)]
        assert saved_texts(path, session_id)
