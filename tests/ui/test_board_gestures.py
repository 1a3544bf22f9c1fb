"""The board driven as a person would: mouse on the viewport, keys, actions by objectName."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from tests.ui.conftest import double_click, drag, trigger


def saved_notes(library_path: Path) -> dict[str, tuple[str, float, float, str | None]]:
    """What the library file holds, read by a separate plain sqlite3 connection."""
    with sqlite3.connect(library_path) as connection:
        rows = connection.execute("SELECT id, text, x, y, lane_id FROM notes").fetchall()
    return {row[0]: (row[1], row[2], row[3], row[4]) for row in rows}


def test_double_click_creates_a_note_in_edit_mode_and_typing_is_saved(qtbot: QtBot, make_window, library_path: Path) -> None:
    window = make_window()
    session = window.document.session
    double_click(qtbot, window, 300, 500)

    assert len(session) == 1
    note = session.notes[0]
    assert note.lane_id == "drivers"
    assert abs(note.x + note.width / 2 - 300) < 3 and abs(note.y + note.height / 2 - 500) < 3
    editor = window.document.scene.editor
    assert editor is not None and editor.hasFocus()

    qtbot.keyClicks(window.view.viewport(), "Members want to feel heard")
    qtbot.keyClick(window.view.viewport(), Qt.Key.Key_Escape)

    assert window.document.scene.editor is None
    assert session.note(note.id).text == "Members want to feel heard"
    assert window.document.scene.note_item(note.id).text == "Members want to feel heard"
    assert saved_notes(library_path)[note.id][0] == "Members want to feel heard"
    assert window.document.undo_stack.undoText() == "Edit Note Text"


def test_click_outside_ends_editing(qtbot: QtBot, make_window) -> None:
    window = make_window()
    double_click(qtbot, window, 300, 500)
    qtbot.keyClicks(window.view.viewport(), "Time pressure")
    qtbot.mouseClick(window.view.viewport(), Qt.MouseButton.LeftButton, pos=window.view.mapFromScene(1100, 900))
    assert window.document.scene.editor is None
    assert window.document.session.notes[0].text == "Time pressure"


def test_drag_moves_a_note_into_another_lane_and_undo_redo_are_saved(qtbot: QtBot, make_session, make_window, library_path: Path) -> None:
    session = make_session(notes=[("drivers", "Room to experiment")])
    note_id = session.notes[0].id
    window = make_window(session.id)
    note = window.document.session.note(note_id).copy()
    start = (note.x + 50, note.y + 50)

    drag(qtbot, window, start, (start[0] + 800, start[1] + 100))

    moved = window.document.session.note(note_id)
    assert moved.lane_id == "blockers"
    assert abs(moved.x - (note.x)) > 700
    assert saved_notes(library_path)[note_id][1:] == (moved.x, moved.y, "blockers")
    assert window.actions_by_id["edit.undo"].text() == "&Undo Move 1 Note"

    qtbot.keyClick(window.view.viewport(), Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert saved_notes(library_path)[note_id][3] == "drivers"
    assert window.document.scene.note_item(note_id).pos().x() == note.x

    qtbot.keyClick(window.view.viewport(), Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert saved_notes(library_path)[note_id][3] == "blockers"
    qtbot.keyClick(window.view.viewport(), Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(window.view.viewport(), Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert saved_notes(library_path)[note_id][3] == "blockers"


def test_delete_removes_the_selection_and_undo_brings_it_back(qtbot: QtBot, make_session, make_window, library_path: Path) -> None:
    session = make_session(notes=[("drivers", "Champions"), ("drivers", "Stories")])
    window = make_window(session.id)
    first = session.notes[0]
    qtbot.mouseClick(window.view.viewport(), Qt.MouseButton.LeftButton, pos=window.view.mapFromScene(first.x + 40, first.y + 40))
    assert window.document.scene.selected_note_ids() == [first.id]

    qtbot.keyClick(window.view.viewport(), Qt.Key.Key_Delete)
    assert not window.document.session.has_note(first.id)
    assert first.id not in saved_notes(library_path)

    trigger(window, "edit.undo")
    assert window.document.session.note(first.id).text == "Champions"
    assert saved_notes(library_path)[first.id][0] == "Champions"


def test_delete_key_while_editing_edits_text_not_notes(qtbot: QtBot, make_session, make_window) -> None:
    session = make_session(notes=[("drivers", "abc")])
    window = make_window(session.id)
    note = session.notes[0]
    double_click(qtbot, window, note.x + 40, note.y + 40)
    assert window.document.scene.editor is not None
    qtbot.keyClick(window.view.viewport(), Qt.Key.Key_Backspace)
    qtbot.keyClick(window.view.viewport(), Qt.Key.Key_Escape)
    assert window.document.session.note(note.id).text == "ab"


def test_a_new_window_on_the_same_library_shows_the_same_notes(qtbot: QtBot, make_window) -> None:
    first = make_window()
    double_click(qtbot, first, 400, 600)
    qtbot.keyClicks(first.view.viewport(), "Find your key champions")
    qtbot.keyClick(first.view.viewport(), Qt.Key.Key_Escape)
    session_id = first.document.session.id
    first.close()

    second = make_window()
    assert second.document.session.id == session_id
    assert [note.text for note in second.document.session.notes] == ["Find your key champions"]
    assert [item.text for item in second.document.scene.note_items()] == ["Find your key champions"]
    assert second.windowTitle().startswith("My first workshop")


def test_second_window_on_an_open_session_is_read_only(qtbot: QtBot, make_window) -> None:
    first = make_window()
    second = make_window(first.document.session.id)
    assert not first.document.read_only
    assert second.document.read_only
    assert "read-only" in second.windowTitle()
    double_click(qtbot, second, 300, 500)
    assert len(second.document.session) == 0


def test_an_empty_board_says_how_to_start_and_the_hint_goes_with_the_first_note(qtbot: QtBot, make_window) -> None:
    window = make_window()
    hint = window.document.scene._hint
    first_lane = window.document.scene.lane_item("drivers").rect()
    assert hint.isVisible() and first_lane.contains(hint.boundingRect())
    double_click(qtbot, window, 1100, 600)
    assert not hint.isVisible()
    trigger(window, "edit.undo")
    assert hint.isVisible()


def test_a_note_made_near_a_lane_edge_stays_inside_the_lane(qtbot: QtBot, make_window) -> None:
    window = make_window()
    drivers = window.document.scene.lane_item("drivers").rect()
    double_click(qtbot, window, drivers.right() - 15, 600)  # near the right edge
    qtbot.keyClick(window.view.viewport(), Qt.Key.Key_Escape)
    note = window.document.session.notes[0]
    assert note.lane_id == "drivers"
    assert drivers.left() <= note.x and note.x + note.width <= drivers.right()
