"""Dropping every note of a board zoomed out, some of them over a lane's edge, and undoing it,
as a facilitator does with the mouse and the menu: the selection stops at the lanes' edges as
one, keeping its shape; the board keeps its promises, undo puts every note back exactly, the
library equals memory after each, and the blocks read each dropped note once. The selection's rings are kept for each scale they are drawn at (the view and the
overview map) until something changes."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
from PySide6.QtCore import QPointF, QRectF, QSizeF
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from canvasapp.model.entities import NOTE_HEIGHT, NOTE_WIDTH
from canvasapp.ops.lane_layout import ROW_GAP
from canvasapp.ops.layout import LANE_HEADER_HEIGHT, NOTE_GAP, lane_at, lane_rects
from canvasapp.storage import Library
from canvasapp.ui.board.note_blocks import RING_PX, NoteBlocksItem
from canvasapp.ui.window.main_window import MainWindow
from tests.board_invariants import broken_promises
from tests.ui.conftest import drag, trigger
from tests.ui.editing_helpers import ACTIVITIES_X, BLOCKERS_X, DRIVERS_X, rows, saved_session

ROWS = 12


@pytest.fixture
def full_board(library: Library, make_window) -> MainWindow:  # type: ignore[no-untyped-def]
    """Three lanes, each three notes wide and ``ROWS`` deep, tidy; the window zoomed out."""
    notes = [
        (f"{lane}-{row}-{column}", lane, f"{lane} {row} {column}",
         left + NOTE_GAP + column * (NOTE_WIDTH + NOTE_GAP), LANE_HEADER_HEIGHT + NOTE_GAP + row * (NOTE_HEIGHT + ROW_GAP))
        for lane, left in (("drivers", DRIVERS_X), ("blockers", BLOCKERS_X), ("activities", ACTIVITIES_X))
        for row in range(ROWS) for column in range(3)
    ]
    session = saved_session(library, notes)
    window = make_window(session.id)
    window.view.set_zoom(0.2)  # zoomed out, as a big board opens
    window.view.centerOn(QPointF(1150, 1200))
    QApplication.processEvents()
    assert window.view.note_blocks.active, "zoomed out: the notes are drawn as blocks"
    return window


def saved_positions(library_path: Path) -> dict[str, tuple[float, float, str | None]]:
    return {str(i): (float(x), float(y), lane) for i, x, y, lane in rows(library_path, "SELECT id, x, y, lane_id FROM notes")}  # type: ignore[arg-type]


def in_memory(window: MainWindow) -> dict[str, tuple[float, float, str | None]]:
    return {note.id: (note.x, note.y, note.lane_id) for note in window.document.session.notes}


def full_scan(window: MainWindow) -> Counter[tuple[int, tuple[float, float, float, float]]]:
    return Counter(
        (item.colour().rgba(), QRectF(item.pos(), QSizeF(*item.size())).getRect())
        for item in window.document.scene.note_items() if item.isVisible()
    )


def as_drawn(blocks: NoteBlocksItem) -> Counter[tuple[int, tuple[float, float, float, float]]]:
    return Counter((colour.rgba(), rect.getRect()) for colour, rects in blocks.blocks() for rect in rects)


def drag_by(qtbot: QtBot, window: MainWindow, note_id: str, by: QPointF) -> None:
    centre = window.document.scene.note_item(note_id).sceneBoundingRect().center()
    drag(qtbot, window, (centre.x(), centre.y()), (centre.x() + by.x(), centre.y() + by.y()))
    QApplication.processEvents()


def test_dropping_everything_over_the_lane_edges_and_undoing_it(
    qtbot: QtBot, full_board: MainWindow, library_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = full_board
    session, blocks = window.document.session, window.view.note_blocks
    before = in_memory(window)
    blocks.blocks()
    read: list[str] = []
    real_read = NoteBlocksItem._read
    monkeypatch.setattr(NoteBlocksItem, "_read", lambda self, note_id, item: read.append(note_id) or real_read(self, note_id, item))
    real_land = NoteBlocksItem._land_carried
    landed: list[str] = []

    def land(self: NoteBlocksItem, stale: set[str]) -> set[str]:
        rest = real_land(self, stale)
        landed.extend(stale - rest)
        read.extend(stale - rest)  # put back shifted: a reading too, of all of them at once
        return rest

    monkeypatch.setattr(NoteBlocksItem, "_land_carried", land)

    trigger(window, "edit.select_all")
    # Far enough right that each lane's right-hand column crosses into the gap or the next lane.
    drag_by(qtbot, window, "drivers-5-1", QPointF(330, 260))
    window.view.viewport().repaint()

    after = in_memory(window)
    assert after != before and broken_promises(session) == []
    assert all(lane == lane_at(session.lanes, x + NOTE_WIDTH / 2) for x, _y, lane in after.values())
    # Held back sideways as one, just enough for the right-hand columns to stop at their
    # lanes' right edges: every note moved by the same offset and stays in its lane.
    offsets = {(round(x - before[n][0], 6), round(y - before[n][1], 6)) for n, (x, y, _lane) in after.items()}
    assert len(offsets) == 1
    (dx, dy), = offsets
    assert 0 < dx < 330 and abs(dy - 260) <= 5
    rights = {lane_id: rect.right for lane_id, rect in lane_rects(session.lanes).items()}
    assert {n for n, (x, _y, lane) in after.items() if abs(x + NOTE_WIDTH - (rights[lane] - NOTE_GAP)) < 1e-6}
    assert all(after[n][2] == before[n][2] for n in before), "every note stays in its lane"
    assert saved_positions(library_path) == after
    assert as_drawn(blocks) == full_scan(window)
    assert read and max(Counter(read).values()) == 1, "each dropped note is read once"
    assert set(landed) == set(before), "held together, every note landed by one offset: none read one by one"

    trigger(window, "edit.undo")
    window.view.viewport().repaint()
    assert in_memory(window) == before
    assert saved_positions(library_path) == before
    assert as_drawn(blocks) == full_scan(window)
    assert broken_promises(session) == []

    trigger(window, "edit.redo")
    assert in_memory(window) == after and saved_positions(library_path) == after


def test_everything_dragged_up_and_left_past_the_corner_stops_there_keeping_every_lane_as_it_was(
    qtbot: QtBot, full_board: MainWindow, library_path: Path
) -> None:
    window = full_board
    session = window.document.session
    before = in_memory(window)
    trigger(window, "edit.select_all")
    drag_by(qtbot, window, "drivers-5-1", QPointF(0, 400))
    lowered = in_memory(window)
    assert all(abs(y - before[n][1] - lowered["drivers-0-0"][1] + before["drivers-0-0"][1]) < 1e-6 for n, (_x, y, _l) in lowered.items())

    trigger(window, "edit.select_all")
    drag_by(qtbot, window, "drivers-5-1", QPointF(-150, -600))
    after = in_memory(window)
    # The top-left note is back in the corner, and every other note around it as before:
    # nothing was pushed onto a neighbour or down a column.
    assert all(abs(x - before[n][0]) < 1e-6 and abs(y - before[n][1]) < 1e-6 and lane == before[n][2]
               for n, (x, y, lane) in after.items())
    assert broken_promises(session) == []
    assert saved_positions(library_path) == after


def test_the_selection_rings_are_kept_for_each_scale_until_something_changes(full_board: MainWindow) -> None:
    window = full_board
    blocks, session = window.view.note_blocks, window.document.session
    trigger(window, "edit.select_all")
    blocks.blocks()

    def grown(scale: float) -> Counter[tuple[float, float, float, float]]:
        grow = RING_PX / scale
        return Counter(rect.adjusted(-grow, -grow, grow, grow).getRect() for _colour, rects in blocks.blocks() for rect in rects)

    view_rings = blocks._rings_at(0.05)
    map_rings = blocks._rings_at(0.02)
    assert Counter(rect.getRect() for rect in view_rings[0]) == grown(0.05)
    assert Counter(rect.getRect() for rect in map_rings[0]) == grown(0.02)
    assert blocks._rings_at(0.05) is view_rings and blocks._rings_at(0.02) is map_rings, "kept, not made again"

    note = session.notes[0]
    window.document.editor.move_notes({note.id: (note.x, note.y + 3000)})
    blocks.blocks()
    moved = blocks._rings_at(0.05)
    assert moved is not view_rings
    assert Counter(rect.getRect() for rect in moved[0]) == grown(0.05)
    assert Counter(rect.getRect() for rect in blocks._rings_at(0.02)[0]) == grown(0.02)
