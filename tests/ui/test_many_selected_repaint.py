"""Selecting or clearing thousands of notes repaints the whole board once instead of marking
each note (``BoardScene._repaint_whole_if_many``): what is drawn afterwards must still be exactly
the selection, zoomed in (each note rings itself) and zoomed out (the blocks ring them)."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRect, QRectF
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication

from canvasapp.ui.board.note_item import SELECTION_COLOUR
from canvasapp.ui.board.scene import REPAINT_WHOLE_FROM
from canvasapp.ui.window.main_window import MainWindow
from tests.ui.conftest import trigger
from tests.ui.test_big_board_opens import NOTES, finish_items, opened  # noqa: F401  (the fixture)
from tests.ui.test_press_at_fit_all import COLUMNS, ROWS, in_grid_order


def ringed(window: MainWindow) -> QImage:
    QApplication.processEvents()  # the repaint the change asked for, as the event loop does it
    return window.view.viewport().grab().toImage()


def ring_pixels(picture: QImage, area: QRect | None = None) -> int:
    """Pixels of the selection's blue in ``area`` (the whole picture if none), every second one
    across and down (a ring is 4 pixels wide)."""
    area = (area or picture.rect()).intersected(picture.rect())
    wanted = SELECTION_COLOUR.rgb()
    return sum(
        1
        for x in range(area.left() // 2 * 2, area.right() + 1, 2)
        for y in range(area.top() // 2 * 2, area.bottom() + 1, 2)
        if picture.pixel(x, y) == wanted
    )


def around(window: MainWindow, note_id: str) -> QRect:
    """A note and its ring, on the screen."""
    note = window.document.session.note(note_id)
    return window.view.mapFromScene(QRectF(note.x - 8, note.y - 8, note.width + 16, note.height + 16)).boundingRect()


def test_zoomed_in_select_all_rings_every_note_in_sight_and_clearing_or_walking_takes_the_rings_away(
    opened: MainWindow,  # noqa: F811
) -> None:
    window, scene = opened, opened.document.scene
    finish_items(window)
    assert NOTES >= REPAINT_WHOLE_FROM, "enough notes for the whole board to be repainted at once"
    middle = in_grid_order(window.document.session)[ROWS // 2 * COLUMNS + COLUMNS // 2]
    window.view.set_zoom(1.0)
    window.view.center_on_scene(QPointF(middle.x + middle.width / 2, middle.y + middle.height / 2))
    in_sight = [
        item.note_id
        for item in scene.made_note_items()
        if window.view.mapToScene(window.view.viewport().rect()).boundingRect().contains(item.sceneBoundingRect())
    ]
    assert len(in_sight) >= 6
    assert ring_pixels(ringed(window)) == 0

    trigger(window, "edit.select_all")
    picture = ringed(window)
    assert all(ring_pixels(picture, around(window, note_id)) > 0 for note_id in in_sight), "every note in sight ringed"

    trigger(window, "edit.clear_selection")  # Esc
    assert scene.selected_note_ids() == []
    assert ring_pixels(ringed(window)) == 0, "no ring left behind on any note"

    trigger(window, "edit.select_all")
    ringed(window)
    trigger(window, "edit.next_note")  # Tab: one note selected out of thousands
    (walked_to,) = scene.selected_note_ids()
    picture = ringed(window)
    assert ring_pixels(picture, around(window, walked_to)) > 0
    assert ring_pixels(picture) == ring_pixels(picture, around(window, walked_to)), "no other note ringed"


def test_zoomed_out_select_all_rings_the_blocks_and_clearing_takes_every_ring_away(opened: MainWindow) -> None:  # noqa: F811
    window, scene = opened, opened.document.scene
    finish_items(window)
    trigger(window, "view.fit_all")
    assert window.view.note_blocks.active
    assert ring_pixels(ringed(window)) == 0
    trigger(window, "edit.select_all")
    assert len(scene.selected_note_ids()) == NOTES
    assert ring_pixels(ringed(window)) > NOTES / 4, "a ring's worth of blue around the blocks"
    trigger(window, "edit.clear_selection")
    assert ring_pixels(ringed(window)) == 0
