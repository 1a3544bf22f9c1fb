"""Zoomed in, only the notes a view may show draw themselves (``notes_in_sight.py``): a zoom
switch then changes the items in sight, not every item. The promise this must keep: no note in
a view's sight is ever blank, whatever brought it there (a scroll, a zoom, a zoom out and back
to the same zoom, a move, an undo, a note made, a drag from out of sight, a bigger window, the
audience's view of the whole board)."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from canvasapp.ui.window.main_window import MainWindow
from tests.ui.conftest import trigger
from tests.ui.sight import NO_CONTENTS, undrawn_in_sight
from tests.ui.test_big_board_opens import finish_items, opened  # noqa: F401  (the fixture)
from tests.ui.test_press_at_fit_all import COLUMNS, ROWS, in_grid_order


def settled(window: MainWindow) -> list[str]:
    for _ in range(3):
        QApplication.processEvents()
    window.view.viewport().repaint()
    return undrawn_in_sight(window.view)


def test_no_note_in_sight_is_ever_blank_whatever_brings_it_there(qtbot: QtBot, opened: MainWindow) -> None:  # noqa: F811
    window, scene, session = opened, opened.document.scene, opened.document.session
    finish_items(window)
    view = window.view
    grid = in_grid_order(session)
    middle = grid[ROWS // 2 * COLUMNS + COLUMNS // 2]
    view.set_zoom(1.0)
    view.center_on_scene(QPointF(middle.x + middle.width / 2, middle.y + middle.height / 2))
    assert settled(window) == []
    items = scene.made_note_items()
    assert any(item.flags() & NO_CONTENTS for item in items), "notes far out of sight draw nothing"

    # Scrolls, far and near, in every direction.
    for dx, dy in ((0, 5000), (3000, 0), (0, -9000), (-200, 130), (-6000, 2000)):
        view.horizontalScrollBar().setValue(view.horizontalScrollBar().value() + dx)
        view.verticalScrollBar().setValue(view.verticalScrollBar().value() + dy)
        assert settled(window) == [], (dx, dy)

    # Out to Fit All (every note a block, no item draws) and back to the very same zoom.
    trigger(window, "view.fit_all")
    QApplication.processEvents()
    assert all(item.flags() & NO_CONTENTS for item in items)
    view.set_zoom(1.0)
    assert settled(window) == []
    view.zoom_by(1.25)
    assert settled(window) == []
    view.set_zoom(0.3)  # still in detail: many more notes in sight
    assert settled(window) == []
    view.set_zoom(1.0)

    # Notes moved into sight from far away, and put back by Undo after the view moved.
    sight = view.visible_scene_rect()
    far = [note for note in grid if scene.note_item(note.id).flags() & NO_CONTENTS][-3:]
    assert len(far) == 3, "notes far enough away to draw nothing yet"
    window.document.editor.move_notes({
        note.id: (sight.center().x() - 300 + 250 * number, sight.top() + 60) for number, note in enumerate(far)
    })
    assert settled(window) == []
    view.verticalScrollBar().setValue(view.verticalScrollBar().maximum())
    assert settled(window) == []
    trigger(window, "edit.undo")
    for note in far:
        view.center_on_scene(QPointF(note.x + 50, note.y + 50))
        assert settled(window) == []

    # A drag that brings selected notes from out of sight into it (Qt moves their items).
    trigger(window, "view.fit_all")
    QApplication.processEvents()
    view.set_zoom(1.0)
    view.center_on_scene(QPointF(middle.x + middle.width / 2, middle.y + middle.height / 2))
    sight = view.visible_scene_rect()
    below = [
        note.id for note in grid
        if sight.bottom() + sight.height() + 50 < note.y < sight.bottom() + 2.2 * sight.height() and abs(note.x - middle.x) < 5
        and scene.note_item(note.id).flags() & NO_CONTENTS
    ][:3]
    assert below, "notes below the view that draw nothing yet"
    scene.select_only([middle.id, *below])
    at = view.mapFromScene(QPointF(middle.x + middle.width / 2, middle.y + middle.height / 2))
    viewport = view.viewport()
    qtbot.mouseMove(viewport, pos=at)
    qtbot.mousePress(viewport, Qt.MouseButton.LeftButton, pos=at)
    # Up until the first of them is in the middle of the view (the mouse, held, may leave it).
    reach = view.mapFromScene(scene.note_item(below[0]).sceneBoundingRect().center()).y() - viewport.height() // 2
    for step in range(1, 11):
        qtbot.mouseMove(viewport, pos=at - QPoint(0, reach * step // 10))
    assert scene.note_item(below[0]).sceneBoundingRect().intersects(view.visible_scene_rect())
    assert settled(window) == [], "a dragged note came into sight blank"
    qtbot.mouseRelease(viewport, Qt.MouseButton.LeftButton, pos=at - QPoint(0, reach))
    assert settled(window) == []

    # A note made in sight, and a bigger window.
    sight = view.visible_scene_rect()
    assert window.document.editor.add_note_at(sight.center().x(), sight.center().y()) is not None
    assert settled(window) == []
    window.resize(window.width() + 600, window.height() + 400)
    assert settled(window) == []

    # The audience's view of the whole board while the facilitator's is zoomed in: the blocks
    # are not drawn then, so every note it shows must draw itself; and back to following.
    trigger(window, "view.audience")
    audience = window.controllers.room.audience
    assert audience is not None
    audience.set_follow(False)
    audience.view.viewport().repaint()
    assert undrawn_in_sight(audience.view) == []
    audience.set_follow(True)
    window.view.verticalScrollBar().setValue(window.view.verticalScrollBar().maximum())
    assert settled(window) == []
    audience.view.viewport().repaint()
    assert undrawn_in_sight(audience.view) == []
    audience.close()
