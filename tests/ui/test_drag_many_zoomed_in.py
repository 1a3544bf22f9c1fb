"""Dragging many notes zoomed in, as a facilitator does after Select All at 100%: the notes the
drag can bring into sight follow the mouse, the rest (out of sight) move once at the release,
and the board, the library and undo end exactly as a drag that moved every item would.

Qt moving every selected item at each mouse move cost about 50 ms a step at 10,000 notes; the
threshold is lowered here so a small board takes the same path."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from canvasapp.model.entities import NOTE_HEIGHT, NOTE_WIDTH
from canvasapp.ops.lane_layout import ROW_GAP
from canvasapp.ops.layout import LANE_HEADER_HEIGHT, NOTE_GAP
from canvasapp.storage import Library
from canvasapp.ui.board import scene as board_scene
from canvasapp.ui.window.main_window import MainWindow
from tests.board_invariants import broken_promises
from tests.ui.conftest import trigger, viewport_point
from tests.ui.editing_helpers import ACTIVITIES_X, BLOCKERS_X, DRIVERS_X, saved_session
from tests.ui.test_drop_many import in_memory, saved_positions

ROWS = 12
BY = QPointF(0, 2 * (NOTE_HEIGHT + ROW_GAP))  # down two rows: every note stays in its lane


@pytest.fixture
def zoomed_in(library: Library, make_window, monkeypatch: pytest.MonkeyPatch) -> MainWindow:  # type: ignore[no-untyped-def]
    """Three lanes of three columns and ``ROWS`` rows, tidy, seen at 200% around one note, every
    note selected; more notes than a drag moves one by one."""
    notes = [
        (f"{lane}-{row}-{column}", lane, f"{lane} {row} {column}",
         left + NOTE_GAP + column * (NOTE_WIDTH + NOTE_GAP), LANE_HEADER_HEIGHT + NOTE_GAP + row * (NOTE_HEIGHT + ROW_GAP))
        for lane, left in (("drivers", DRIVERS_X), ("blockers", BLOCKERS_X), ("activities", ACTIVITIES_X))
        for row in range(ROWS) for column in range(3)
    ]
    monkeypatch.setattr(board_scene, "QT_MOVES_AT_MOST", 20)
    window = make_window(saved_session(library, notes).id)
    window.resize(900, 700)
    window.view.set_zoom(2.0)
    window.view.centerOn(window.document.scene.note_item("drivers-1-1").sceneBoundingRect().center())
    QApplication.processEvents()
    assert not window.view.note_blocks.active, "zoomed in: every note draws itself"
    trigger(window, "edit.select_all")
    assert len(window.document.scene.selected_note_ids()) == len(notes) > board_scene.QT_MOVES_AT_MOST
    return window


def item_at(window: MainWindow, note_id: str) -> tuple[float, float]:
    pos = window.document.scene.note_item(note_id).pos()
    return (pos.x(), pos.y())


def test_the_notes_in_sight_follow_the_mouse_and_every_note_lands(
    qtbot: QtBot, zoomed_in: MainWindow, library_path: Path
) -> None:
    window = zoomed_in
    session, scene = window.document.session, window.document.scene
    before = in_memory(window)
    grabbed, far = "drivers-1-1", "activities-11-2"  # far: beyond a viewport's size of the view
    centre = scene.note_item(grabbed).sceneBoundingRect().center()
    viewport = window.view.viewport()
    start = viewport_point(window, centre.x(), centre.y())
    qtbot.mousePress(viewport, Qt.MouseButton.LeftButton, pos=start)
    end = viewport_point(window, centre.x() + BY.x(), centre.y() + BY.y())
    for step in range(1, 7):
        qtbot.mouseMove(viewport, pos=start + (end - start) * step / 6)
        QApplication.processEvents()
    x, y = item_at(window, grabbed)
    assert (x, y) != before[grabbed][:2], "the note under the mouse follows it"
    assert (round(x), round(y)) == (round(before[grabbed][0] + BY.x()), round(before[grabbed][1] + BY.y()))
    assert item_at(window, far) == before[far][:2], "out of sight, its item waits for the release"
    assert in_memory(window) == before, "nothing is saved before the release"

    qtbot.mouseRelease(viewport, Qt.MouseButton.LeftButton, pos=end)
    QApplication.processEvents()
    after = in_memory(window)
    assert all((x, y) == (before[n][0] + BY.x(), before[n][1] + BY.y()) for n, (x, y, _lane) in after.items()), (
        "every note moved by the drag, those out of sight too"
    )
    assert all(item_at(window, n) == (x, y) for n, (x, y, _lane) in after.items()), "every item where its note is"
    assert saved_positions(library_path) == after
    assert broken_promises(session) == []
    assert set(scene.selected_note_ids()) == set(before), "still all selected"

    trigger(window, "edit.undo")
    assert in_memory(window) == before and saved_positions(library_path) == before
    assert all(item_at(window, n) == (x, y) for n, (x, y, _lane) in before.items())


def test_a_drag_of_many_let_go_where_it_began_moves_nothing(qtbot: QtBot, zoomed_in: MainWindow, library_path: Path) -> None:
    window = zoomed_in
    before = in_memory(window)
    centre = window.document.scene.note_item("blockers-2-0").sceneBoundingRect().center()
    viewport = window.view.viewport()
    start = viewport_point(window, centre.x(), centre.y())
    qtbot.mousePress(viewport, Qt.MouseButton.LeftButton, pos=start)
    for dx in (40, 80, 40, 0):  # out and back
        qtbot.mouseMove(viewport, pos=start + QPoint(dx, dx // 2))
        QApplication.processEvents()
    qtbot.mouseRelease(viewport, Qt.MouseButton.LeftButton, pos=start)
    QApplication.processEvents()
    assert in_memory(window) == before and saved_positions(library_path) == before
    assert all(item_at(window, n) == (x, y) for n, (x, y, _lane) in before.items()), "every item back where it was"
    assert window.document.undo_stack.count() == 0, "no step to undo"


def test_notes_scrolled_into_sight_during_the_drag_follow_the_mouse_too(
    qtbot: QtBot, zoomed_in: MainWindow, library_path: Path
) -> None:
    """The wheel scrolls the board while the mouse button is held: the dragged notes that come
    into sight move with the others, not left standing where the drag began."""
    window = zoomed_in
    scene, view = window.document.scene, window.view
    before = in_memory(window)
    grabbed, far = "drivers-1-1", "activities-11-2"
    centre = scene.note_item(grabbed).sceneBoundingRect().center()
    viewport = view.viewport()
    start = viewport_point(window, centre.x(), centre.y())
    qtbot.mousePress(viewport, Qt.MouseButton.LeftButton, pos=start)
    for step in range(1, 4):
        qtbot.mouseMove(viewport, pos=start + QPoint(0, 10 * step))
        QApplication.processEvents()
    assert item_at(window, far) == before[far][:2], "out of reach: it waits"
    view.centerOn(scene.note_item(far).sceneBoundingRect().center())  # as the wheel would
    QApplication.processEvents()
    qtbot.mouseMove(viewport, pos=start + QPoint(0, 40))
    QApplication.processEvents()

    def moved_by(note_id: str) -> tuple[float, float]:
        x, y = item_at(window, note_id)
        return (round(x - before[note_id][0], 6), round(y - before[note_id][1], 6))

    assert moved_by(far) == moved_by(grabbed) != (0, 0), "the note scrolled into sight follows the mouse"
    qtbot.mouseRelease(viewport, Qt.MouseButton.LeftButton, pos=start + QPoint(0, 40))
    QApplication.processEvents()
    after = in_memory(window)
    assert saved_positions(library_path) == after
    assert all(item_at(window, n) == (x, y) for n, (x, y, _lane) in after.items())
    assert broken_promises(window.document.session) == []


def press_and_drag(qtbot: QtBot, window: MainWindow, note_id: str, steps: int) -> QPoint:
    """Press on a note and move the mouse down ``steps`` times; where the mouse is now."""
    centre = window.document.scene.note_item(note_id).sceneBoundingRect().center()
    viewport = window.view.viewport()
    start = viewport_point(window, centre.x(), centre.y())
    qtbot.mousePress(viewport, Qt.MouseButton.LeftButton, pos=start)
    for step in range(1, steps + 1):
        qtbot.mouseMove(viewport, pos=start + QPoint(0, 10 * step))
        QApplication.processEvents()
    return start + QPoint(0, 10 * steps)


def items_match_model(window: MainWindow) -> list[str]:
    return [n.id for n in window.document.session.notes if item_at(window, n.id) != (n.x, n.y)]


def test_an_undo_while_the_mouse_is_held_leaves_every_item_where_its_note_is(
    qtbot: QtBot, zoomed_in: MainWindow, library_path: Path
) -> None:
    window = zoomed_in
    viewport = window.view.viewport()
    drag_by_keys = press_and_drag(qtbot, window, "drivers-1-1", 3)
    qtbot.mouseRelease(viewport, Qt.MouseButton.LeftButton, pos=drag_by_keys)
    QApplication.processEvents()
    moved = in_memory(window)
    trigger(window, "edit.select_all")
    at = press_and_drag(qtbot, window, "drivers-1-1", 3)
    trigger(window, "edit.undo")  # Ctrl+Z with the mouse still held
    QApplication.processEvents()
    start = at - QPoint(0, 30)
    qtbot.mouseMove(viewport, pos=start)
    qtbot.mouseRelease(viewport, Qt.MouseButton.LeftButton, pos=start)  # let go where it began
    QApplication.processEvents()
    assert in_memory(window) != moved, "the undo took the first drag back"
    assert items_match_model(window) == []
    assert saved_positions(library_path) == in_memory(window)


@pytest.mark.parametrize("how", ["escape", "right-click"])
@pytest.mark.parametrize("moved_by_qt", [False, True], ids=["carried", "moved-by-qt"])
def test_a_drag_called_off_mid_way_moves_nothing(
    qtbot: QtBot, zoomed_in: MainWindow, library_path: Path, monkeypatch: pytest.MonkeyPatch,
    moved_by_qt: bool, how: str,
) -> None:
    """Esc, or a right-click, while the left button drags: every note back where it was, still
    selected, and nothing moves until the button is up (a right-click dropped the notes where
    it was let go, and Qt went on moving them afterwards, unsaved; Esc only cleared the
    selection, and the release still moved them)."""
    if moved_by_qt:
        monkeypatch.setattr(board_scene, "QT_MOVES_AT_MOST", 500)
    window = zoomed_in
    before = in_memory(window)
    viewport = window.view.viewport()
    at = press_and_drag(qtbot, window, "drivers-1-1", 3)
    if how == "escape":
        qtbot.keyClick(window.view, Qt.Key.Key_Escape)
    else:
        qtbot.mousePress(viewport, Qt.MouseButton.RightButton, pos=at)
        qtbot.mouseRelease(viewport, Qt.MouseButton.RightButton, pos=at)
    QApplication.processEvents()
    for menu in QApplication.topLevelWidgets():
        if menu.isVisible() and menu.inherits("QMenu"):
            menu.close()
    assert items_match_model(window) == [], "back at once"
    qtbot.mouseMove(viewport, pos=at + QPoint(0, 40), delay=-1)
    qtbot.mouseRelease(viewport, Qt.MouseButton.LeftButton, pos=at + QPoint(0, 40))
    QApplication.processEvents()
    assert in_memory(window) == before and saved_positions(library_path) == before, "nothing moved"
    assert items_match_model(window) == []
    assert len(window.document.scene.selected_note_ids()) == len(before), "still selected"


def test_a_drag_begun_zoomed_out_and_zoomed_in_shows_the_notes_in_sight_moving(
    qtbot: QtBot, zoomed_in: MainWindow, library_path: Path
) -> None:
    window = zoomed_in
    before = in_memory(window)
    scene = window.document.scene
    window.view.set_zoom(0.2)
    window.view.centerOn(scene.note_item("drivers-1-1").sceneBoundingRect().center())
    QApplication.processEvents()
    assert window.view.note_blocks.active
    at = press_and_drag(qtbot, window, "drivers-1-1", 2)
    window.view.set_zoom(2.0)  # the wheel, with Ctrl, mid-drag
    window.view.centerOn(scene.note_item("drivers-1-1").sceneBoundingRect().center())
    QApplication.processEvents()
    viewport = window.view.viewport()
    qtbot.mouseMove(viewport, pos=at + QPoint(0, 5))
    QApplication.processEvents()
    grabbed = item_at(window, "drivers-1-1")
    assert grabbed != before["drivers-1-1"][:2], "zoomed in, the dragged note in sight follows the mouse"
    qtbot.mouseRelease(viewport, Qt.MouseButton.LeftButton, pos=at + QPoint(0, 5))
    QApplication.processEvents()
    assert items_match_model(window) == []
    assert saved_positions(library_path) == in_memory(window)
    assert broken_promises(window.document.session) == []


def blocks_drawn(window: MainWindow) -> list[tuple[float, ...]]:
    """Where the zoomed-out blocks are drawn (scene), rounded past a float's last digits."""
    return sorted(
        tuple(round(value, 6) for value in rect.getRect())
        for _colour, rects in window.view.note_blocks.blocks() for rect in rects
    )


def test_a_drag_begun_zoomed_in_and_zoomed_out_shows_every_note_carried(
    qtbot: QtBot, zoomed_in: MainWindow, library_path: Path
) -> None:
    """Zoomed in the blocks are not drawn, and the press leaves them be (at 10,000 notes it
    spent ~30 ms taking each out of its group); zoomed out mid-drag (or in the overview map),
    they take the dragged notes up then, and show every one shifted by the drag's one offset."""
    window = zoomed_in
    session = window.document.session
    at = press_and_drag(qtbot, window, "drivers-1-1", 3)
    window.view.set_zoom(0.2)  # the wheel, with Ctrl, mid-drag: the notes stay under the mouse
    QApplication.processEvents()
    assert window.view.note_blocks.active
    window.view.viewport().repaint()
    drawn = blocks_drawn(window)
    model = sorted((note.x, note.y, note.width, note.height) for note in session.notes)
    offsets = {(round(d[0] - m[0], 6), round(d[1] - m[1], 6), d[2] - m[2], d[3] - m[3]) for d, m in zip(drawn, model, strict=True)}
    assert len(offsets) == 1, "every note carried by one offset"
    assert next(iter(offsets))[:2] != (0, 0) and next(iter(offsets))[2:] == (0, 0)
    qtbot.mouseRelease(window.view.viewport(), Qt.MouseButton.LeftButton, pos=at)
    QApplication.processEvents()
    window.view.viewport().repaint()
    assert blocks_drawn(window) == sorted(
        tuple(round(value, 6) for value in (note.x, note.y, note.width, note.height)) for note in session.notes
    )
    assert items_match_model(window) == []
    assert saved_positions(library_path) == in_memory(window)
