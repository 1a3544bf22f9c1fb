"""Moving around the board as a person does: wheel, Ctrl+wheel, pinch, Space/middle drag, keys,
the overview map. Settings go to a temporary folder, never the user's."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QPointF, QSettings, Qt
from PySide6.QtGui import QNativeGestureEvent, QPointingDevice, QWheelEvent
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from canvasapp.ui.board.overview_map import OVERVIEW_MAP_KEY, overview_map_shown
from canvasapp.ui.window.main_window import MainWindow
from tests.ui.conftest import trigger


@pytest.fixture
def board_window(make_session, make_window) -> MainWindow:  # type: ignore[no-untyped-def]
    """A window on a session with a dozen notes, at 100%: room to move every way."""
    session = make_session(notes=[(lane, f"Note {i}") for i, lane in enumerate(["drivers", "blockers", "activities"] * 4)])
    window = make_window(session.id)
    window.view.set_zoom(1.0)
    window.view.centerOn(QPointF(1100, 600))
    return window


def wheel(window: MainWindow, pos: QPoint, dy: int, modifiers: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier, dx: int = 0) -> None:
    viewport = window.view.viewport()
    event = QWheelEvent(
        QPointF(pos), QPointF(viewport.mapToGlobal(pos)), QPoint(0, 0), QPoint(dx, dy),
        Qt.MouseButton.NoButton, modifiers, Qt.ScrollPhase.NoScrollPhase, False,
    )
    QApplication.sendEvent(viewport, event)


def scroll_position(window: MainWindow) -> tuple[int, int]:
    return window.view.horizontalScrollBar().value(), window.view.verticalScrollBar().value()


def test_wheel_scrolls_down_and_shift_wheel_sideways(qtbot: QtBot, board_window: MainWindow) -> None:
    window = board_window
    x, y = scroll_position(window)
    wheel(window, QPoint(400, 300), -120)
    assert scroll_position(window)[0] == x and scroll_position(window)[1] > y
    x, y = scroll_position(window)
    wheel(window, QPoint(400, 300), -120, Qt.KeyboardModifier.ShiftModifier)
    assert scroll_position(window)[0] > x and scroll_position(window)[1] == y
    assert window.view.zoom() == pytest.approx(1.0)


def test_ctrl_wheel_zooms_keeping_the_point_under_the_cursor(qtbot: QtBot, board_window: MainWindow) -> None:
    window = board_window
    view = window.view
    cursor = QPoint(300, 250)
    before = view.scene_point_at(cursor)
    wheel(window, cursor, 120, Qt.KeyboardModifier.ControlModifier)
    assert view.zoom() == pytest.approx(1.15)
    after = view.scene_point_at(cursor)
    assert abs(after.x() - before.x()) < 2 and abs(after.y() - before.y()) < 2

    wheel(window, cursor, -240, Qt.KeyboardModifier.ControlModifier)
    assert view.zoom() == pytest.approx(1 / 1.15)
    after = view.scene_point_at(cursor)
    assert abs(after.x() - before.x()) < 4 and abs(after.y() - before.y()) < 4
    assert window.zoom_label.text() == f"{100 / 1.15:.0f}%"


def test_pinch_zooms_around_the_fingers(qtbot: QtBot, board_window: MainWindow) -> None:
    window = board_window
    view = window.view
    fingers = QPointF(500, 300)
    before = view.scene_point_at(fingers)
    event = QNativeGestureEvent(
        Qt.NativeGestureType.ZoomNativeGesture, QPointingDevice.primaryPointingDevice(), 2,
        fingers, fingers, QPointF(view.viewport().mapToGlobal(fingers.toPoint())), 0.25, QPointF(0, 0),
    )
    QApplication.sendEvent(view.viewport(), event)
    assert view.zoom() == pytest.approx(1.25)
    after = view.scene_point_at(fingers)
    assert abs(after.x() - before.x()) < 2 and abs(after.y() - before.y()) < 2
    # The same path as QPinchGesture (a touch screen), which tests cannot synthesise.
    view.pinch(0.5, fingers)
    assert view.zoom() == pytest.approx(0.625)


def test_space_drag_pans_with_a_hand_and_selects_nothing(qtbot: QtBot, board_window: MainWindow) -> None:
    window = board_window
    view, viewport = window.view, window.view.viewport()
    x, y = scroll_position(window)
    qtbot.keyPress(viewport, Qt.Key.Key_Space)
    assert viewport.cursor().shape() == Qt.CursorShape.OpenHandCursor
    qtbot.mousePress(viewport, Qt.MouseButton.LeftButton, pos=QPoint(600, 400))
    assert viewport.cursor().shape() == Qt.CursorShape.ClosedHandCursor
    qtbot.mouseMove(viewport, QPoint(500, 350))
    qtbot.mouseMove(viewport, QPoint(400, 300))
    qtbot.mouseRelease(viewport, Qt.MouseButton.LeftButton, pos=QPoint(400, 300))
    qtbot.keyRelease(viewport, Qt.Key.Key_Space)
    assert scroll_position(window) == (x + 200, y + 100)
    assert window.document.scene.selectedItems() == []
    assert viewport.cursor().shape() != Qt.CursorShape.ClosedHandCursor
    assert not view.panning


def test_middle_drag_pans(qtbot: QtBot, board_window: MainWindow) -> None:
    window = board_window
    viewport = window.view.viewport()
    x, y = scroll_position(window)
    qtbot.mousePress(viewport, Qt.MouseButton.MiddleButton, pos=QPoint(300, 300))
    qtbot.mouseMove(viewport, QPoint(350, 380))
    qtbot.mouseRelease(viewport, Qt.MouseButton.MiddleButton, pos=QPoint(350, 380))
    assert scroll_position(window) == (x - 50, y - 80)


def test_space_types_a_space_while_a_note_is_edited(qtbot: QtBot, make_window) -> None:  # type: ignore[no-untyped-def]
    window = make_window()
    viewport = window.view.viewport()
    qtbot.mouseDClick(viewport, Qt.MouseButton.LeftButton, pos=window.view.mapFromScene(QPointF(300, 500)))
    assert window.document.scene.editor is not None
    qtbot.keyClicks(viewport, "two words")
    qtbot.keyClick(viewport, Qt.Key.Key_Escape)
    assert window.document.session.notes[0].text == "two words"
    assert viewport.cursor().shape() != Qt.CursorShape.OpenHandCursor


def test_keys_fit_all_100_percent_and_zoom_to_selection(qtbot: QtBot, board_window: MainWindow) -> None:
    window = board_window
    view, viewport = window.view, window.view.viewport()
    board = window.document.scene.board_rect()

    qtbot.keyClick(viewport, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    visible = view.visible_scene_rect()
    assert visible.contains(board)
    assert visible.width() < board.width() * 1.3 or visible.height() < board.height() * 1.3

    qtbot.keyClick(viewport, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    assert view.zoom() == pytest.approx(1.0)
    assert window.zoom_label.text() == "100%"

    notes = window.document.session.notes[:2]
    for note in notes:
        window.document.scene.note_item(note.id).setSelected(True)
    qtbot.keyClick(viewport, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    visible = view.visible_scene_rect()
    for note in notes:
        assert visible.contains(QPointF(note.x + note.width / 2, note.y + note.height / 2))
    assert 1.0 < view.zoom() <= 1.5


def test_zoom_to_selection_without_a_selection_changes_nothing(qtbot: QtBot, board_window: MainWindow) -> None:
    window = board_window
    window.document.scene.clearSelection()
    trigger(window, "view.zoom_selection")
    assert window.view.zoom() == pytest.approx(1.0)
    assert "Select" in window.statusBar().currentMessage()


def test_zoom_in_and_out_actions(qtbot: QtBot, board_window: MainWindow) -> None:
    window = board_window
    trigger(window, "view.zoom_in")
    assert window.view.zoom() == pytest.approx(1.25)
    trigger(window, "view.zoom_out")
    assert window.view.zoom() == pytest.approx(1.0)


def test_zoomed_out_notes_are_blocks_drawn_at_once(qtbot: QtBot, board_window: MainWindow) -> None:
    window = board_window
    blocks = window.view.note_blocks
    window.view.set_zoom(1.0)
    assert not blocks.active
    window.view.set_zoom(0.2)
    assert blocks.active
    assert sum(len(rects) for _colour, rects in blocks.blocks()) == len(window.document.session)
    # Still selectable and hit by clicks while drawn as blocks.
    note = window.document.session.notes[0]
    qtbot.mouseClick(window.view.viewport(), Qt.MouseButton.LeftButton,
                     pos=window.view.mapFromScene(QPointF(note.x + 50, note.y + 50)))
    assert window.document.scene.selected_note_ids() == [note.id]
    window.view.set_zoom(1.0)
    assert not blocks.active


def test_overview_map_click_and_drag_move_the_view(qtbot: QtBot, board_window: MainWindow) -> None:
    window = board_window
    overview_map = window.overview_map
    assert overview_map is not None and not overview_map.isVisible()  # hidden until asked for
    trigger(window, "view.overview_map")
    assert overview_map.isVisible()
    overview_map.refresh()
    target = QPointF(1600, 800)
    qtbot.mouseClick(overview_map.viewport(), Qt.MouseButton.LeftButton, pos=overview_map.mapFromScene(target))
    centre = window.view.visible_scene_rect().center()
    assert abs(centre.x() - target.x()) < 40 and abs(centre.y() - target.y()) < 40

    start, end = overview_map.mapFromScene(QPointF(600, 500)), overview_map.mapFromScene(QPointF(1200, 700))
    qtbot.mousePress(overview_map.viewport(), Qt.MouseButton.LeftButton, pos=start)
    qtbot.mouseMove(overview_map.viewport(), end)
    qtbot.mouseRelease(overview_map.viewport(), Qt.MouseButton.LeftButton, pos=end)
    centre = window.view.visible_scene_rect().center()
    assert abs(centre.x() - 1200) < 40 and abs(centre.y() - 700) < 40
    # The frame follows the view.
    frame = overview_map.frame_rect()
    assert frame.contains(QPointF(overview_map.mapFromScene(centre)))


def test_minimap_toggle_is_remembered(qtbot: QtBot, board_window: MainWindow, make_window, temporary_settings: Path) -> None:  # type: ignore[no-untyped-def]
    window = board_window
    assert not window.overview_map.isVisible() and not overview_map_shown()
    trigger(window, "view.overview_map")
    assert window.overview_map.isVisible()
    assert QSettings().value(OVERVIEW_MAP_KEY) in (True, "true")
    assert overview_map_shown()
    window.close()
    again = make_window(window.document.session.id if window.document else None)
    assert again.actions_by_id["view.overview_map"].isChecked()
    assert again.overview_map.isVisible()
    trigger(again, "view.overview_map")
    assert not again.overview_map.isVisible() and not overview_map_shown()

