"""Lanes, find, arrange, the keyboard walk, history and the shortcut sheet, driven as a person
would; every change checked in the model, the library file and the undo stack, and a restart."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPointF, QSettings, Qt
from PySide6.QtWidgets import QApplication, QInputDialog
from pytestqt.qtbot import QtBot

from canvasapp.ops.palette import palette_colour
from canvasapp.ui.board.lane_dialog import LaneDialog
from canvasapp.ui.window.main_window import MainWindow
from tests.board_invariants import broken_promises
from tests.ui.conftest import double_click, drag, trigger
from tests.ui.editing_helpers import (
    ACTIVITIES_X,
    BLOCKERS_X,
    answer_dialog,
    click,
    hover,
    key,
    saved_lanes,
    saved_note,
    saved_session,
)

Ctrl = Qt.KeyboardModifier.ControlModifier
Shift = Qt.KeyboardModifier.ShiftModifier




NOTES = [
    ("a", "drivers", "Being heard", 40, 200),
    ("b", "drivers", "Café culture", 300, 230),
    ("c", "drivers", "Room to experiment", 60, 420),
    ("d", "blockers", "Lack of time", BLOCKERS_X + 40, 200),
    ("e", "activities", "Cafe evenings", ACTIVITIES_X + 40, 200),
]


def open_board(make_window, session_id: str) -> MainWindow:  # type: ignore[no-untyped-def]
    window = make_window(session_id)
    QApplication.processEvents()  # the window's own opening view first (a queued show_lanes)
    window.view.resetTransform()
    window.view.centerOn(QPointF(700, 450))
    return window


@pytest.fixture
def window(library, make_window) -> MainWindow:  # type: ignore[no-untyped-def]
    return open_board(make_window, saved_session(library, NOTES).id)


def stack(window: MainWindow):  # type: ignore[no-untyped-def]
    return window.document.undo_stack


def lane_ids(window: MainWindow) -> list[str]:
    return [lane.id for lane in window.document.session.lanes]


def answer_text(text: str, prompt: str | None = None) -> None:
    """Fill the lane dialog (title, and the prompt when given) or a plain text question."""

    def fill(dialog) -> None:  # type: ignore[no-untyped-def]
        if isinstance(dialog, LaneDialog):
            dialog.title_edit.setText(text)
            if prompt is not None:
                dialog.prompt_edit.setPlainText(prompt)
        else:
            assert isinstance(dialog, QInputDialog)
            dialog.setTextValue(text)
        dialog.accept()

    answer_dialog(fill)


# --- lanes ----------------------------------------------------------------------------------


def test_f2_renames_the_lane_of_the_selected_note_and_double_click_on_a_title(qtbot: QtBot, window: MainWindow, library_path: Path) -> None:
    window.document.scene.select_only(["d"])
    answer_text("Obstacles", "What gets in the way?")
    key(qtbot, window, Qt.Key.Key_F2)
    assert window.document.session.lane("blockers").title == "Obstacles"
    assert window.document.session.lane("blockers").prompt == "What gets in the way?"
    assert window.document.scene.lane_item("blockers").title == "Obstacles"
    assert ("blockers", "Obstacles") in [row[:2] for row in saved_lanes(library_path)]
    assert stack(window).undoText() == "Rename Lane “Obstacles”"

    answer_text("Motivations")
    double_click(qtbot, window, 300, 60)  # the Drivers title
    assert window.document.session.lane("drivers").title == "Motivations"
    trigger(window, "edit.undo")
    assert saved_lanes(library_path)[0][1] == "Drivers"


def test_lane_colour_is_followed_by_notes_without_their_own(qtbot: QtBot, window: MainWindow, library_path: Path) -> None:
    teal = palette_colour("teal").hex
    window.document.scene.select_only(["a"])
    trigger(window, "note.colour.pink")
    window.document.scene.select_only(["c"])
    trigger(window, "lane.colour.teal")
    scene = window.document.scene
    assert window.document.session.lane("drivers").colour == teal
    assert scene.note_item("c").colour().name().upper() == teal
    assert scene.note_item("a").colour().name().upper() == palette_colour("pink").hex
    assert saved_lanes(library_path)[0][2] == teal
    trigger(window, "edit.undo")
    assert scene.note_item("c").colour().name().upper() == "#FFE45C"


def test_moving_a_lane_takes_its_notes_in_one_undo_step(qtbot: QtBot, window: MainWindow, library_path: Path) -> None:
    window.document.scene.select_only(["a"])
    key(qtbot, window, Qt.Key.Key_PageDown, Ctrl | Shift)
    assert lane_ids(window) == ["blockers", "drivers", "activities"]
    session = window.document.session
    assert session.note("a").x == 40 + 784 and session.note("d").x == 40
    assert window.document.scene.note_item("a").pos().x() == 40 + 784
    assert [row[0] for row in saved_lanes(library_path)] == ["blockers", "drivers", "activities"]
    assert saved_note(library_path, "d")["x"] == 40
    assert stack(window).count() == 1 and stack(window).undoText() == "Move Lane “Drivers” Right"
    trigger(window, "edit.undo")
    assert lane_ids(window) == ["drivers", "blockers", "activities"]
    assert saved_note(library_path, "a")["x"] == 40


def test_dragging_a_lane_edge_resizes_it_and_the_next_lanes_follow(qtbot: QtBot, window: MainWindow, library_path: Path) -> None:
    edge = 760.0
    drag(qtbot, window, (edge, 700), (edge - 300, 700))
    session = window.document.session
    assert session.lane("drivers").width == 460
    assert session.note("b").x == 460 - 200  # pulled back inside its narrower lane
    assert session.note("d").x == BLOCKERS_X - 300 + 40
    assert saved_lanes(library_path)[0][4] == 460
    assert stack(window).undoText() == "Resize Lane “Drivers”"
    assert window.document.scene.lane_item("blockers").rect().x() == 484


def test_lane_width_dialog_new_lane_and_delete_lane(qtbot: QtBot, window: MainWindow, library_path: Path) -> None:
    window.document.scene.select_only(["d"])

    def width(dialog) -> None:  # type: ignore[no-untyped-def]
        dialog.setIntValue(1000)
        dialog.accept()

    answer_dialog(width)
    trigger(window, "lane.width")
    assert window.document.session.lane("blockers").width == 1000
    assert window.document.session.note("e").x == ACTIVITIES_X + 240 + 40

    answer_text("Rituals")
    trigger(window, "lane.add")
    assert lane_ids(window)[2] != "activities" and window.document.session.lanes[2].title == "Rituals"
    assert [row[1] for row in saved_lanes(library_path)] == ["Drivers", "Blockers", "Rituals", "Activities"]

    window.document.scene.select_only(["d"])
    trigger(window, "lane.delete")
    assert "blockers" not in lane_ids(window)
    assert saved_note(library_path, "d") is None
    assert stack(window).undoText() == "Delete Lane “Blockers” and 1 Note"
    trigger(window, "edit.undo")
    assert lane_ids(window)[1] == "blockers" and saved_note(library_path, "d")["lane_id"] == "blockers"


def test_lanes_colours_and_sizes_survive_a_restart(qtbot: QtBot, library, make_window, library_path: Path) -> None:
    session_id = saved_session(library, NOTES).id
    first = open_board(make_window, session_id)
    first.document.scene.select_only(["a"])
    trigger(first, "note.colour.lilac")
    first.document.editor.resize_notes({"a": (260.0, 180.0)})
    trigger(first, "lane.colour.blue")
    first.document.editor.resize_lane("drivers", 900.0)
    first.document.editor.move_lane("activities", -2)
    answer_text("Why people come")
    trigger(first, "lane.rename")
    first.close()

    second = open_board(make_window, session_id)
    session = second.document.session
    assert [lane.id for lane in session.lanes] == ["activities", "drivers", "blockers"]
    drivers = session.lane("drivers")
    assert (drivers.title, drivers.colour, drivers.width) == ("Why people come", palette_colour("blue").hex, 900)
    note = session.note("a")
    assert (note.colour, note.width, note.height, note.lane_id) == (palette_colour("lilac").hex, 260, 180, "drivers")
    scene = second.document.scene
    assert scene.note_item("a").size() == (260, 180)
    assert scene.lane_item("drivers").rect().x() == 784
    assert scene.note_item("c").colour().name().upper() == palette_colour("blue").hex


# --- find -------------------------------------------------------------------------------------


def test_find_highlights_counts_and_jumps(qtbot: QtBot, window: MainWindow) -> None:
    key(qtbot, window, Qt.Key.Key_F, Ctrl)
    bar = window.board_actions.find_bar
    assert bar.isVisible() and bar.field.hasFocus()
    qtbot.keyClicks(bar.field, "CAFE")
    scene = window.document.scene
    assert bar.count.text() == "1 of 2"  # accents and case do not matter
    assert scene.note_item("b").match == 2 and scene.note_item("e").match == 1
    assert scene.note_item("a").match == 0
    qtbot.keyClick(bar.field, Qt.Key.Key_Return)
    assert bar.count.text() == "2 of 2"
    assert scene.selected_note_ids() == ["e"]
    centre = window.view.mapToScene(window.view.viewport().rect().center())
    assert scene.note_item("e").sceneBoundingRect().contains(centre)
    qtbot.keyClick(bar.field, Qt.Key.Key_Return, Shift)
    assert bar.count.text() == "1 of 2"
    key(qtbot, window, Qt.Key.Key_F3)
    assert bar.count.text() == "2 of 2"
    qtbot.keyClick(bar.field, Qt.Key.Key_Escape)
    assert not bar.isVisible() and scene.note_item("b").match == 0
    qtbot.keyClick(bar.field, Qt.Key.Key_A)
    assert window.document.session.note("b").text == "Café culture"


def test_find_follows_edits_and_folds_only_what_changed(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Typing folds the query, not every note again; a note edited (or undone) under the open
    bar is found or dropped at once, from the index the edits keep."""
    import canvasapp.ops.find_index as find_index

    folded: list[str] = []
    real_fold = find_index.fold
    monkeypatch.setattr(find_index, "fold", lambda text: folded.append(text) or real_fold(text))
    key(qtbot, window, Qt.Key.Key_F, Ctrl)
    bar = window.board_actions.find_bar
    qtbot.keyClicks(bar.field, "caf")  # the first keystroke folds each note once
    assert bar.count.text() == "1 of 2"
    folded.clear()
    qtbot.keyClicks(bar.field, "e")
    assert folded == ["cafe"], "a keystroke folds only the query"
    folded.clear()
    window.document.editor.edit_text("a", "Café for newcomers")
    assert bar.count.text() == "2 of 3", "still on the same note, now the second"
    assert window.document.scene.note_item("a").match == 1
    assert folded == ["Café for newcomers", "cafe"], "an edit folds the note it changed, and the query"
    trigger(window, "edit.undo")
    assert bar.count.text() == "1 of 2" and window.document.scene.note_item("a").match == 0


# --- arrange -------------------------------------------------------------------------------------


def test_tidy_align_and_distribute(qtbot: QtBot, window: MainWindow, library_path: Path) -> None:
    session = window.document.session
    window.document.scene.select_only(["a", "b", "c"])
    key(qtbot, window, Qt.Key.Key_A, Ctrl | Shift)
    positions = {(session.note(i).x, session.note(i).y) for i in "abc"}
    assert positions == {(24, 200), (248, 200), (472, 200)}
    assert stack(window).undoText() == "Tidy 3 Notes"
    assert saved_note(library_path, "c")["x"] == 472

    trigger(window, "edit.undo")
    trigger(window, "arrange.align_left")
    assert {session.note(i).x for i in "abc"} == {40}
    assert stack(window).undoText() == "Align 3 Notes Left"
    trigger(window, "arrange.align_top")
    # Aligned on one line they would lie on one another: the first stays, the others move down.
    assert min(session.note(i).y for i in "abc") == 200
    assert broken_promises(session) == []
    trigger(window, "edit.undo")
    trigger(window, "edit.undo")
    trigger(window, "arrange.distribute_vertically")
    assert session.note("b").y == 310  # 200 .. 420+140: equal gaps
    trigger(window, "arrange.distribute_horizontally")
    assert stack(window).undoText() == "Distribute 3 Notes Horizontally"


def test_snap_to_grid_is_remembered_and_applies_when_a_drag_ends(qtbot: QtBot, library, make_window) -> None:
    session_id = saved_session(library, NOTES).id
    window = open_board(make_window, session_id)
    trigger(window, "arrange.snap")
    assert QSettings().value("board/snap_to_grid", type=bool) is True
    click(qtbot, window, 100, 250)
    drag(qtbot, window, (100, 250), (133, 277))
    note = window.document.session.note("a")
    assert (note.x, note.y) == (80, 220)  # 73, 227 snapped to the 20-point grid
    window.close()
    again = open_board(make_window, session_id)
    assert again.actions_by_id["arrange.snap"].isChecked()
    assert again.document.editor.snap_to_grid


# --- the keyboard alone -------------------------------------------------------------------------


def test_tab_walks_notes_in_reading_order_enter_edits_and_n_adds(qtbot: QtBot, window: MainWindow, library_path: Path) -> None:
    scene = window.document.scene
    walked = []
    for _ in range(5):
        key(qtbot, window, Qt.Key.Key_Tab)
        walked += scene.selected_note_ids()
    assert walked == ["a", "b", "c", "d", "e"]
    key(qtbot, window, Qt.Key.Key_Backtab, Shift)
    assert scene.selected_note_ids() == ["d"]
    centre = window.view.mapToScene(window.view.viewport().rect().center())
    assert scene.note_item("d").sceneBoundingRect().contains(centre)

    key(qtbot, window, Qt.Key.Key_Return)
    assert scene.editor is not None and scene.editor.note_id == "d"
    qtbot.keyClicks(window.view.viewport(), "!")
    key(qtbot, window, Qt.Key.Key_Escape)
    assert scene.editor is None and saved_note(library_path, "d")["text"] == "Lack of time!"

    hover(qtbot, window, BLOCKERS_X + 100, 500)  # near d, which Shift+Tab centred
    key(qtbot, window, Qt.Key.Key_N)
    assert scene.editor is not None
    qtbot.keyClicks(window.view.viewport(), "New")
    key(qtbot, window, Qt.Key.Key_Return, Ctrl)
    new = next(note for note in window.document.session.notes if note.text == "New")
    # At the mouse: centred on it, moved just enough to stay inside the lane.
    assert new.x <= BLOCKERS_X + 100 <= new.x + new.width and new.y + new.height / 2 == 500
    assert new.x >= window.document.scene.lane_item("blockers").rect().left()
    assert saved_note(library_path, new.id)["lane_id"] == "blockers"


def test_every_action_is_in_a_menu_and_the_shortcut_sheet_lists_them(qtbot: QtBot, window: MainWindow) -> None:
    from canvasapp.ui.window.menus import ACTIONS

    in_menus = set()

    def walk(menu) -> None:  # type: ignore[no-untyped-def]
        for action in menu.actions():
            if action.menu() is not None:
                walk(action.menu())
            in_menus.add(action.objectName())

    for top in window.menuBar().actions():
        walk(top.menu())
    assert {spec.id for spec in ACTIONS} <= in_menus
    key(qtbot, window, Qt.Key.Key_F1)
    sheet = window.window_actions.shortcut_sheet
    text = sheet.browser.toPlainText()
    assert "Tidy into Grid" in text and "Ctrl+D" in text and "F2" in text and "Undo" in text
    sheet.close()


def test_history_dock_shows_the_named_steps(qtbot: QtBot, window: MainWindow) -> None:
    window.document.scene.select_only(["a", "b", "c"])
    key(qtbot, window, Qt.Key.Key_Right)
    trigger(window, "arrange.align_top")
    assert window.actions_by_id["edit.undo"].text() == "&Undo Align 3 Notes Top"
    trigger(window, "edit.history")
    dock = window.window_actions.history_dock
    assert dock.isVisible()
    model = window.window_actions.history_view.model()
    steps = [model.index(row, 0).data() for row in range(model.rowCount())]
    assert steps == ["Session opened", "Move 3 Notes", "Align 3 Notes Top"]
    trigger(window, "edit.history")
    assert not dock.isVisible()
