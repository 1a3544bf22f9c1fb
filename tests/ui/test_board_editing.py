"""Selecting and editing many notes, driven on the viewport and by keys, checked in the model,
the library file and the undo stack."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QGuiApplication
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from canvasapp.ops.arrange import GRID
from canvasapp.ops.clipboard import NOTES_MIME_TYPE
from canvasapp.ops.palette import palette_colour
from canvasapp.ui.window.main_window import MainWindow
from tests.board_invariants import broken_promises
from tests.ui.conftest import double_click, drag, trigger
from tests.ui.editing_helpers import (
    BLOCKERS_X,
    at,
    click,
    hover,
    key,
    saved_note,
    saved_session,
)

Ctrl = Qt.KeyboardModifier.ControlModifier
Shift = Qt.KeyboardModifier.ShiftModifier




@pytest.fixture
def window(library, make_window) -> MainWindow:  # type: ignore[no-untyped-def]
    session = saved_session(
        library,
        [
            ("a", "drivers", "Being heard", 40, 200),
            ("b", "drivers", "Clear task", 280, 200),
            ("c", "drivers", "Room to experiment", 40, 400),
            ("d", "blockers", "Lack of time", BLOCKERS_X + 40, 200),
        ],
    )
    made = make_window(session.id)
    QApplication.processEvents()  # the window's own opening view first (a queued show_lanes)
    made.view.resetTransform()
    made.view.centerOn(QPointF(500, 450))
    return made


def selected(window: MainWindow) -> set[str]:
    return set(window.document.scene.selected_note_ids())


def stack(window: MainWindow):  # type: ignore[no-untyped-def]
    return window.document.undo_stack


def test_click_ctrl_and_shift_click_select_all_and_escape(qtbot: QtBot, window: MainWindow) -> None:
    click(qtbot, window, 100, 250)
    assert selected(window) == {"a"}
    click(qtbot, window, 340, 250, Ctrl)
    assert selected(window) == {"a", "b"}
    click(qtbot, window, 100, 450, Shift)
    assert selected(window) == {"a", "b", "c"}
    click(qtbot, window, 100, 250, Shift)  # Shift-click toggles off again
    assert selected(window) == {"b", "c"}
    key(qtbot, window, Qt.Key.Key_Escape)
    assert selected(window) == set()
    key(qtbot, window, Qt.Key.Key_A, Ctrl)
    assert selected(window) == {"a", "b", "c", "d"}
    assert window.document.scene.note_item("a").handle_shown is False


def test_dragging_one_selected_note_moves_the_selection_as_one_command(qtbot: QtBot, window: MainWindow, library_path: Path) -> None:
    window.document.scene.select_only(["a", "b", "c"])
    drag(qtbot, window, (100, 250), (160, 290))
    session = window.document.session
    assert [(session.note(i).x, session.note(i).y) for i in "abc"] == [(100, 240), (340, 240), (100, 440)]
    assert stack(window).count() == 1
    assert window.actions_by_id["edit.undo"].text() == "&Undo Move 3 Notes"
    assert saved_note(library_path, "b")["x"] == 340


def test_arrow_nudges_merge_into_one_undo_step(qtbot: QtBot, window: MainWindow, library_path: Path) -> None:
    window.document.scene.select_only(["a", "b"])
    for _ in range(3):
        key(qtbot, window, Qt.Key.Key_Right)
    key(qtbot, window, Qt.Key.Key_Down, Shift)
    session = window.document.session
    assert (session.note("a").x, session.note("a").y) == (70, 250)
    assert saved_note(library_path, "b")["x"] == 310
    assert stack(window).count() == 1
    assert stack(window).undoText() == "Move 2 Notes"
    trigger(window, "edit.undo")
    assert (session.note("a").x, session.note("a").y) == (40, 200)
    assert saved_note(library_path, "a")["y"] == 200


def test_notes_held_where_they_were_against_a_lane_edge_make_no_undo_step(
    qtbot: QtBot, window: MainWindow, library_path: Path
) -> None:
    """Dragged or nudged together into a lane's corner, the notes stop there together; once
    there, another push into the corner moves nothing, writes nothing and adds no step that
    Ctrl+Z would spend on nothing, and every note is drawn where it is."""
    session, scene = window.document.session, window.document.scene
    scene.select_only(["a", "b", "c"])
    drag(qtbot, window, (100, 250), (40, 190))  # a's corner would cross the lane's edge and header
    held = {n: (session.note(n).x, session.note(n).y) for n in "abc"}
    assert held["a"] == (24, 174) and held["b"] == (264, 174) and held["c"] == (24, 374), "stopped as one"
    assert stack(window).count() == 1

    drag(qtbot, window, (60, 230), (10, 180))  # into the corner again
    assert all((scene.note_item(n).x(), scene.note_item(n).y()) == held[n] for n in "abc"), "put back where they are"
    key(qtbot, window, Qt.Key.Key_Left, Shift)
    key(qtbot, window, Qt.Key.Key_Up, Shift)
    assert {n: (session.note(n).x, session.note(n).y) for n in "abc"} == held
    assert stack(window).count() == 1 and stack(window).undoText() == "Move 3 Notes"
    assert (saved_note(library_path, "a")["x"], saved_note(library_path, "a")["y"]) == (24, 174)
    assert all((scene.note_item(n).x(), scene.note_item(n).y()) == held[n] for n in "abc"), "drawn where they are"


@pytest.mark.parametrize("zoom", [0.6, 0.45, 0.3])
def test_zoomed_out_a_push_into_the_corner_they_are_in_changes_nothing(
    qtbot: QtBot, library, make_window, library_path: Path, zoom: float  # type: ignore[no-untyped-def]
) -> None:
    """At a zoom where a mouse pixel is a fraction of a point, held all the way back is exactly
    where they were: no step, no row written a hair off."""
    session = saved_session(library, [("a", "drivers", "A", 24, 174), ("b", "drivers", "B", 248, 174)])
    made = make_window(session.id)
    QApplication.processEvents()
    made.view.resetTransform()
    made.view.set_zoom(zoom)
    made.view.centerOn(QPointF(400, 400))
    QApplication.processEvents()
    trigger(made, "edit.select_all")
    drag(qtbot, made, (348, 244), (311, 191))
    notes = made.document.session
    assert stack(made).count() == 0
    assert {n.id: (n.x, n.y) for n in notes.notes} == {"a": (24, 174), "b": (248, 174)}
    assert (saved_note(library_path, "b")["x"], saved_note(library_path, "b")["y"]) == (248, 174)
    item = made.document.scene.note_item("b")
    assert (item.x(), item.y()) == (248, 174)


def test_with_snap_to_grid_notes_off_the_grid_dragged_past_an_edge_stop_together(
    qtbot: QtBot, library, make_window  # type: ignore[no-untyped-def]
) -> None:
    """Held together first, then each to the grid: no note is pushed down a column."""
    session = saved_session(library, [("a", "drivers", "A", 41, 203), ("b", "drivers", "B", 289, 211), ("c", "drivers", "C", 527, 437)])
    made = make_window(session.id)
    made.document.editor.snap_to_grid = True
    before = {n.id: (n.x, n.y) for n in made.document.session.notes}
    made.document.editor.move_notes({n: (x - 100, y - 80) for n, (x, y) in before.items()})
    after = {n.id: (n.x, n.y) for n in made.document.session.notes}
    shifts = [(after[n][0] - before[n][0], after[n][1] - before[n][1]) for n in "abc"]
    assert max(abs(a[0] - b[0]) for a in shifts for b in shifts) <= GRID
    assert max(abs(a[1] - b[1]) for a in shifts for b in shifts) <= GRID, "kept together, give or take the grid"
    assert broken_promises(made.document.session) == []


def test_resize_handle_of_a_single_selected_note(qtbot: QtBot, window: MainWindow, library_path: Path) -> None:
    click(qtbot, window, 100, 250)
    item = window.document.scene.note_item("a")
    assert item.handle_shown
    corner = (40 + 200 - 6, 200 + 140 - 6)
    drag(qtbot, window, corner, (corner[0] + 100, corner[1] + 60))
    note = window.document.session.note("a")
    assert (note.x, note.y, note.width, note.height) == (40, 200, 300, 200)
    assert item.size() == (300, 200)
    assert (saved_note(library_path, "a")["width"], saved_note(library_path, "a")["height"]) == (300, 200)
    assert stack(window).undoText() == "Resize 1 Note"
    trigger(window, "edit.undo")
    assert item.size() == (200, 140)
    assert saved_note(library_path, "a")["width"] == 200


def test_note_colour_from_the_palette_and_back_to_the_lane(qtbot: QtBot, window: MainWindow, library_path: Path) -> None:
    blue = palette_colour("blue").hex
    window.document.scene.select_only(["a", "d"])
    trigger(window, "note.colour.blue")
    session = window.document.session
    assert session.note("a").colour == blue and session.note("d").colour == blue
    assert window.document.scene.note_item("d").colour().name().upper() == blue
    assert saved_note(library_path, "d")["colour"] == blue
    assert stack(window).undoText() == "Colour 2 Notes"
    assert window.findChild(type(window.board_actions.colour_toolbar), "colour_toolbar").isVisibleTo(window)

    window.document.scene.select_only(["d"])
    key(qtbot, window, Qt.Key.Key_0, Qt.KeyboardModifier.AltModifier)  # Alt+0: lane colour
    assert session.note("d").colour is None
    assert window.document.scene.note_item("d").colour().name().upper() == session.lane("blockers").colour.upper()
    assert saved_note(library_path, "d")["colour"] is None

    # A note dragged into another lane takes that lane's colour (it has none of its own).
    drag(qtbot, window, (BLOCKERS_X + 100, 250), (BLOCKERS_X - 500, 450))
    assert session.note("d").lane_id == "drivers"
    assert window.document.scene.note_item("d").colour().name().upper() == session.lane("drivers").colour.upper()


def test_context_menu_offers_colours_and_lane_actions(qtbot: QtBot, window: MainWindow) -> None:
    menu = window.board_actions.context_menu("a", "drivers")
    names = [action.objectName() for action in menu.actions()]
    assert "edit.copy" in names and "lane.rename" in names
    titles = [action.text() for action in menu.actions() if action.menu() is not None]
    assert "Note &Colour" in titles and "Lane C&olour" in titles
    colours = next(action.menu() for action in menu.actions() if action.text() == "Note &Colour")
    assert [action.objectName() for action in colours.actions()][:2] == ["note.colour.lane", "note.colour.yellow"]
    menu.deleteLater()


def test_copy_paste_at_the_cursor_twice_does_not_stack(qtbot: QtBot, window: MainWindow, library_path: Path) -> None:
    window.document.scene.select_only(["a", "b"])
    key(qtbot, window, Qt.Key.Key_C, Ctrl)
    data = QGuiApplication.clipboard().mimeData()
    assert data.hasFormat(NOTES_MIME_TYPE)
    assert data.text() == "Being heard\nClear task"

    hover(qtbot, window, 400, 700)
    key(qtbot, window, Qt.Key.Key_V, Ctrl)
    session = window.document.session
    first = window.document.scene.selected_note_ids()
    assert len(first) == 2 and len(session) == 6
    pasted = sorted((session.note(i) for i in first), key=lambda note: note.x)
    # The group (440 wide, 140 high) is centred at the cursor.
    assert (pasted[0].x, pasted[0].y) == (400 - 220, 700 - 70)
    assert [note.text for note in pasted] == ["Being heard", "Clear task"]
    assert stack(window).undoText() == "Paste 2 Notes"
    assert saved_note(library_path, pasted[0].id)["text"] == "Being heard"

    key(qtbot, window, Qt.Key.Key_V, Ctrl)
    second = sorted((session.note(i) for i in window.document.scene.selected_note_ids()), key=lambda note: note.x)
    # Offset by 30 it would land on the first copies: it moves down below them instead.
    assert second[0].x == pasted[0].x + 30
    assert second[0].y >= pasted[0].y + pasted[0].height
    assert broken_promises(session) == []


def test_cut_then_paste_and_duplicate(qtbot: QtBot, window: MainWindow, library_path: Path) -> None:
    session = window.document.session
    window.document.scene.select_only(["c"])
    key(qtbot, window, Qt.Key.Key_X, Ctrl)
    assert not session.has_note("c") and saved_note(library_path, "c") is None
    assert stack(window).undoText() == "Cut 1 Note"

    window.document.scene.select_only(["a"])
    key(qtbot, window, Qt.Key.Key_D, Ctrl)
    (copy_id,) = window.document.scene.selected_note_ids()
    copy = session.note(copy_id)
    # 30 points right of the original it would cover it: it moves down, clear of it.
    original = session.note("a")
    assert (copy.x, copy.text, copy.lane_id) == (70, "Being heard", "drivers")
    assert copy.y >= original.y + original.height
    assert stack(window).undoText() == "Duplicate 1 Note"
    key(qtbot, window, Qt.Key.Key_D, Ctrl)
    (again,) = window.document.scene.selected_note_ids()
    assert session.note(again).x == 100
    assert broken_promises(session) == []

    hover(qtbot, window, BLOCKERS_X + 300, 400)
    key(qtbot, window, Qt.Key.Key_V, Ctrl)
    (back,) = window.document.scene.selected_note_ids()
    assert session.note(back).text == "Room to experiment"
    assert session.note(back).lane_id == "blockers"


def test_pasting_lines_of_text_makes_a_note_per_line_in_the_lane_under_the_cursor(qtbot: QtBot, window: MainWindow, library_path: Path) -> None:
    QGuiApplication.clipboard().setText("- Champions\n- Real stories\n\n- Small groups\n")
    hover(qtbot, window, BLOCKERS_X + 150, 450)  # the overview map has the bottom-right corner
    key(qtbot, window, Qt.Key.Key_V, Ctrl)
    session = window.document.session
    new = [session.note(i) for i in window.document.scene.selected_note_ids()]
    assert sorted(note.text for note in new) == ["Champions", "Real stories", "Small groups"]
    assert {note.lane_id for note in new} == {"blockers"}
    assert len({(note.x, note.y) for note in new}) == 3
    assert all(note.x >= BLOCKERS_X and note.x + note.width <= BLOCKERS_X + 760 for note in new)
    assert stack(window).undoText() == "Paste 3 Notes"
    assert all(saved_note(library_path, note.id)["lane_id"] == "blockers" for note in new)


def test_dropping_text_on_the_board_makes_notes_there(qtbot: QtBot, window: MainWindow, library_path: Path) -> None:
    data = QMimeData()
    data.setText("Meeting in person first\nOne topic end to end")
    viewport = window.view.viewport()
    pos = QPointF(at(window, 300, 800))
    enter = QDragEnterEvent(pos.toPoint(), Qt.DropAction.CopyAction, data, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(viewport, enter)
    assert enter.isAccepted()
    drop = QDropEvent(pos, Qt.DropAction.CopyAction, data, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(viewport, drop)
    session = window.document.session
    texts = sorted(note.text for note in session.notes)
    assert "Meeting in person first" in texts and "One topic end to end" in texts
    dropped = next(note for note in session.notes if note.text == "Meeting in person first")
    assert abs(dropped.x + dropped.width / 2 - 300) < 1 and abs(dropped.y + dropped.height / 2 - 800) < 1
    assert saved_note(library_path, dropped.id)["lane_id"] == "drivers"
    assert stack(window).undoText() == "Add 2 Notes"


def test_multi_line_text_enter_is_a_new_line_ctrl_enter_ends_and_the_editor_grows(qtbot: QtBot, window: MainWindow, library_path: Path) -> None:
    double_click(qtbot, window, 100, 450)
    editor = window.document.scene.editor
    assert editor is not None
    viewport = window.view.viewport()
    qtbot.keyClick(viewport, Qt.Key.Key_End, Ctrl)
    lines = [f"line {number}" for number in range(1, 11)]
    for line in lines:
        qtbot.keyClick(viewport, Qt.Key.Key_Return)
        qtbot.keyClicks(viewport, line)
    assert window.document.scene.editor is editor  # Enter did not end editing
    assert editor.boundingRect().height() > 140  # grew below the note
    qtbot.keyClick(viewport, Qt.Key.Key_Return, Ctrl)
    assert window.document.scene.editor is None
    text = "\n".join(["Room to experiment", *lines])
    assert window.document.session.note("c").text == text
    assert saved_note(library_path, "c")["text"] == text
    item = window.document.scene.note_item("c")
    # The note grew to show every line at the board's one text size, in the same undo step.
    note = window.document.session.note("c")
    assert note.height > 300 and saved_note(library_path, "c")["height"] == note.height
    assert item.shown_text == text and item.toolTip() == text
    assert stack(window).undoText() == "Edit Note Text"
    stack(window).undo()
    assert window.document.session.note("c").height == 140


def test_notes_grow_to_one_text_size_and_push_the_column_down(qtbot: QtBot, window: MainWindow) -> None:
    """A long text makes its note taller, never its text smaller; the note below moves down
    by as much, so nothing is covered; very long text ends in "…" at the same size."""
    from canvasapp.ops.note_growth import MAX_GROWN_HEIGHT
    from canvasapp.ui.board.note_item import LARGEST_TEXT_PX

    session = window.document.session
    editor = window.document.editor
    below = editor.add_note_at(session.note("c").x + 100, session.note("c").y + 300)
    window.document.scene.finish_editing()
    assert below is not None
    start_gap = session.note(below).y - (session.note("c").y + session.note("c").height)
    editor.edit_text("c", "Members want to feel seen, heard and helped by others, and to see their ideas used")
    grown = session.note("c")
    assert grown.height > 140
    if start_gap < grown.height - 140:
        assert session.note(below).y >= grown.y + grown.height, "the note below was pushed down"
    item = window.document.scene.note_item("c")
    assert item.shown_text.startswith("Members")  # laid out
    assert item._font.pixelSize() == LARGEST_TEXT_PX
    editor.edit_text("c", "word " * 400)
    assert session.note("c").height == MAX_GROWN_HEIGHT
    assert window.document.scene.note_item("c").shown_text.endswith("…")
    assert window.document.scene.note_item("c")._font.pixelSize() == LARGEST_TEXT_PX


def test_note_size_dialog_resizes_every_selected_note(qtbot: QtBot, window: MainWindow, library_path: Path) -> None:
    from PySide6.QtWidgets import QSpinBox

    from tests.ui.editing_helpers import answer_dialog

    window.document.scene.select_only(["a", "b"])

    def fill(dialog) -> None:  # type: ignore[no-untyped-def]
        dialog.findChild(QSpinBox, "note_width").setValue(240)
        dialog.findChild(QSpinBox, "note_height").setValue(180)
        dialog.accept()

    answer_dialog(fill)
    trigger(window, "edit.note_size")
    session = window.document.session
    assert {(session.note(i).width, session.note(i).height) for i in "ab"} == {(240, 180)}
    assert stack(window).undoText() == "Resize 2 Notes"
    assert saved_note(library_path, "b")["height"] == 180


def test_right_click_on_a_note_selects_it_and_opens_its_menu(qtbot: QtBot, window: MainWindow) -> None:
    from PySide6.QtGui import QContextMenuEvent

    viewport = window.view.viewport()
    pos = at(window, 350, 250)
    event = QContextMenuEvent(QContextMenuEvent.Reason.Mouse, pos, viewport.mapToGlobal(pos))
    QApplication.sendEvent(viewport, event)
    assert selected(window) == {"b"}
    menu = window.board_actions.last_context_menu
    assert menu is not None and menu.isVisible()
    assert "edit.duplicate" in [action.objectName() for action in menu.actions()]
    menu.close()
