"""Zoomed out to Fit All on a big board, where a note is a few pixels wide, a press on a note
picks up that note, as at any other zoom, wherever the note is on the screen."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from canvasapp.formats.template_io import session_from_template
from canvasapp.formats.template_library import find_template
from canvasapp.model import Note, Session, new_id
from canvasapp.model.entities import NOTE_HEIGHT, NOTE_WIDTH
from canvasapp.ops.layout import LANE_HEADER_HEIGHT, NOTE_GAP
from canvasapp.storage import SessionRepository, open_library
from canvasapp.ui.board.note_item import DETAIL_THRESHOLD
from canvasapp.ui.window.main_window import MainWindow
from tests.ui.conftest import trigger

COLUMNS, ROWS = 90, 40  # 3,600 notes in a board of a screen's proportions


def big_board(library_path: Path) -> str:
    session = session_from_template(find_template(None), "A big board")
    lane = session.lanes[0]
    lane.width = NOTE_GAP + COLUMNS * (NOTE_WIDTH + NOTE_GAP)
    session.add_notes(
        Note(id=new_id(), lane_id=lane.id, text=f"Idea {row}-{column}",
             x=NOTE_GAP + column * (NOTE_WIDTH + NOTE_GAP), y=LANE_HEADER_HEIGHT + NOTE_GAP + row * (NOTE_HEIGHT + NOTE_GAP))
        for row in range(ROWS) for column in range(COLUMNS)
    )
    library = open_library(library_path)
    try:
        SessionRepository(library).add(session)
    finally:
        library.close()
    return session.id


def in_grid_order(session: Session) -> list[Note]:
    """The big board's notes row by row (the session's own order is the library's, not the grid's)."""
    return sorted(session.notes, key=lambda note: (note.y, note.x))


def press_and_move(qtbot: QtBot, window: MainWindow, at: QPoint, by: QPoint) -> None:
    viewport = window.view.viewport()
    qtbot.mouseMove(viewport, pos=at)
    qtbot.mousePress(viewport, Qt.MouseButton.LeftButton, pos=at)
    for step in range(1, 5):
        qtbot.mouseMove(viewport, pos=at + by * step / 4)
    qtbot.mouseRelease(viewport, Qt.MouseButton.LeftButton, pos=at + by)
    QApplication.processEvents()


def test_at_fit_all_a_press_on_a_note_picks_that_note_up(
    qtbot: QtBot, library_path: Path, make_window: Callable[..., MainWindow]
) -> None:
    window = make_window(big_board(library_path))
    trigger(window, "view.fit_all")
    QApplication.processEvents()
    assert window.view.transform().m11() < DETAIL_THRESHOLD / 3, "zoomed out to blocks a few pixels wide"
    session, scene = window.document.session, window.document.scene
    # Notes all over the screen: the middle, near a corner, at the edges of the grid.
    grid = in_grid_order(session)
    for index in (ROWS // 2 * COLUMNS + COLUMNS // 2, 3 * COLUMNS + 2, (ROWS - 1) * COLUMNS - 1, COLUMNS - 1):
        note = grid[index]
        before = {other.id: (other.x, other.y) for other in session.notes}
        press_at = window.view.mapFromScene(QPointF(note.x + note.width / 2, note.y + note.height / 2))
        press_and_move(qtbot, window, press_at, QPoint(0, 3))
        assert scene.selected_note_ids() == [note.id]
        moved = [other.id for other in session.notes if (other.x, other.y) != before[other.id]]
        assert note.id in moved and (session.note(note.id).y > before[note.id][1]), (index, moved[:5])
        trigger(window, "edit.undo")
