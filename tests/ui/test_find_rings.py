"""Find rings every match and the current one differently, and only those: the scene touches
only the notes whose ring changes from one keystroke to the next, so each step a person takes
(narrowing, widening, stepping through, no match, an edit under the open bar, an undo) is
checked against every note, on a board big enough for the whole-board repaint to be used."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from canvasapp.ops.find import fold
from canvasapp.ui.board.scene import REPAINT_WHOLE_FROM
from canvasapp.ui.window.main_window import MainWindow
from tests.ui.conftest import trigger
from tests.ui.editing_helpers import key, saved_session
from tests.ui.test_lanes_find_arrange import open_board

WORDS = ["Café culture", "Cafe evenings", "Canteen queue", "Calm room", "Lack of time", "café ou thé", "Carpool"]
NOTES = [
    (f"n{index:03}", "drivers", f"{WORDS[index % len(WORDS)]} {index}", 40 + 260 * (index % 2), 200 + 190 * (index // 2))
    for index in range(REPAINT_WHOLE_FROM + 40)
]


@pytest.fixture
def window(library, make_window) -> MainWindow:  # type: ignore[no-untyped-def]
    return open_board(make_window, saved_session(library, NOTES).id)


def assert_rings_are_the_find(window: MainWindow) -> None:
    """Every note's ring from what a person would expect: 2 on the match the bar counts as
    current ("k of n": the k-th in reading order), 1 on every other note whose text holds the
    query (accents and case aside), 0 on the rest."""
    bar, scene, session = window.board_actions.find_bar, window.document.scene, window.document.session
    query = bar.field.text() if bar.isVisible() else ""
    needle = fold(query.strip())
    current = None
    if needle and (counted := bar.count.text()).split(" of ")[0].isdigit():
        current = window.document.find_index.matches(query)[int(counted.split(" of ")[0]) - 1]
    for note in session.notes:
        matched = bool(needle) and needle in fold(note.text)
        expected = (2 if note.id == current else 1) if matched else 0
        assert scene.note_item(note.id).match == expected, (note.id, note.text, bar.field.text())


def test_every_step_of_a_find_rings_exactly_the_matches(qtbot: QtBot, window: MainWindow) -> None:
    key(qtbot, window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    bar = window.board_actions.find_bar
    for char in "cafe":  # narrowing: hundreds of matches at "c", fewer at each key
        qtbot.keyClick(bar.field, char)
        assert_rings_are_the_find(window)
    assert bar.count.text().startswith("1 of ")
    for _ in range(2):  # widening again
        qtbot.keyClick(bar.field, Qt.Key.Key_Backspace)
        assert_rings_are_the_find(window)
    for modifiers in (Qt.KeyboardModifier.NoModifier,) * 3 + (Qt.KeyboardModifier.ShiftModifier,):
        qtbot.keyClick(bar.field, Qt.Key.Key_Return, modifiers)  # stepping through the matches
        assert_rings_are_the_find(window)
    qtbot.keyClicks(bar.field, "zz")  # nothing matches
    assert bar.count.text() == "No matches"
    assert_rings_are_the_find(window)
    qtbot.keyClick(bar.field, Qt.Key.Key_Backspace)
    qtbot.keyClick(bar.field, Qt.Key.Key_Backspace)
    assert_rings_are_the_find(window)

    # The current match edited under the open bar so that it no longer matches, then undone.
    (current,) = window.document.scene.selected_note_ids()
    window.document.editor.edit_text(current, "Nothing to find here")
    assert_rings_are_the_find(window)
    trigger(window, "edit.undo")
    assert_rings_are_the_find(window)

    qtbot.keyClick(bar.field, Qt.Key.Key_Escape)
    assert not bar.isVisible()
    assert_rings_are_the_find(window)
