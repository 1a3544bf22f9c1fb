"""Zoomed out, a layer of blocks drawn again as it was is copied from an image of it: what the
room sees is the same as the blocks drawn one by one, through a drag of everything, a note
recoloured under the mouse, a move of another note and a zoom; kept while zoomed in, and copied
again back at the same zoom when nothing changed.

These run at 20% zoom, where every block edge falls on a whole pixel and the copy is the same
pixel for pixel. Where edges fall between pixels (15% zoom, a drag offset of a pixel and a half
at 150% screen scaling, the audience window at its own zoom) the copy is placed at whole pixels
and an edge can land one pixel from where drawing it directly puts it (found by a facilitator's
trial; docs/PERFORMANCE.md)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from canvasapp.ui.board import block_pictures
from canvasapp.ui.board.note_blocks import NoteBlocksItem
from canvasapp.ui.window.main_window import MainWindow
from tests.ui.conftest import trigger


@pytest.fixture
def zoomed_out(make_session, make_window) -> MainWindow:  # type: ignore[no-untyped-def]
    lanes = ["drivers", "blockers", "activities"]
    session = make_session(notes=[(lanes[i % 3], f"Note {i}") for i in range(45)])
    window = make_window(session.id)
    window.resize(1280, 800)
    window.view.set_zoom(0.2)
    window.view.centerOn(QPointF(1100, 900))
    QApplication.processEvents()
    return window


def blocks_of(window: MainWindow) -> NoteBlocksItem:
    return window.view.note_blocks


def seen(window: MainWindow) -> QImage:
    return window.view.viewport().grab().toImage()


def drawn_directly(window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> QImage:
    """The viewport as drawn with no picture (every block filled one by one); the pictures
    are left as they were."""
    blocks = blocks_of(window)
    layers = (blocks._still, blocks._carried)
    kept = [dict(layer.pictures) for layer in layers]
    with monkeypatch.context() as patched:
        patched.setattr(block_pictures, "MOST_PIXELS", 0)
        for layer in layers:
            layer.pictures = {True: block_pictures.LayerPicture(), False: block_pictures.LayerPicture()}
        seen(window)
        image = seen(window)
        assert not blocks.drawn_from_pictures
    for layer, pictures in zip(layers, kept, strict=True):
        layer.pictures = pictures
    return image


def assert_as_drawn_directly(window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    """Drawn twice (the second time from the pictures), the viewport is what drawing every
    block one by one shows, pixel for pixel."""
    seen(window)
    from_pictures = seen(window)
    assert blocks_of(window).drawn_from_pictures
    assert from_pictures == drawn_directly(window, monkeypatch)


def test_a_drag_of_everything_is_copied_from_a_picture_and_looks_drawn_block_by_block(
    qtbot: QtBot, zoomed_out: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = zoomed_out
    session, viewport = window.document.session, window.view.viewport()
    trigger(window, "edit.select_all")
    assert_as_drawn_directly(window, monkeypatch)  # the still blocks with their rings
    note = session.notes[0]
    picked_up = note.y
    start = window.view.mapFromScene(QPointF(note.x + 20, note.y + 20))
    qtbot.mousePress(viewport, Qt.MouseButton.LeftButton, pos=start)
    pictured = []
    for step in range(1, 6):
        qtbot.mouseMove(viewport, pos=start + QPoint(7 * step, 5 * step))
        drawn = seen(window)  # once per step, as a drag draws: a layer is pictured at its first
        pictured.append(blocks_of(window).drawn_from_pictures)
        assert drawn == drawn_directly(window, monkeypatch), f"step {step}"
    # Select All's blocks were picked up whole, with the picture they were drawn as: no step
    # fills them again (a first step that filled 20,000 rectangles was most of the pick-up).
    assert pictured == [True, True, True, True, True], "every step copies the carried blocks"
    # A note recoloured under the mouse (another window, a shortcut): the picture follows.
    window.document.editor.set_colour([note.id], "#B5D8FF")
    assert session.note(note.id).colour == "#B5D8FF"
    assert_as_drawn_directly(window, monkeypatch)
    qtbot.mouseRelease(viewport, Qt.MouseButton.LeftButton, pos=start + QPoint(35, 25))
    assert session.note(note.id).y > picked_up
    assert_as_drawn_directly(window, monkeypatch)


def test_the_still_blocks_follow_a_move_and_a_zoom(zoomed_out: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    window = zoomed_out
    session = window.document.session
    assert_as_drawn_directly(window, monkeypatch)
    note = session.notes[4]
    window.document.editor.move_notes({note.id: (note.x + 40, note.y + 1500)})
    first = seen(window)
    assert not blocks_of(window).drawn_from_pictures, "the first frame after a change draws directly"
    assert first == drawn_directly(window, monkeypatch)
    assert_as_drawn_directly(window, monkeypatch)
    window.view.set_zoom(0.15)
    assert_as_drawn_directly(window, monkeypatch)
    trigger(window, "edit.undo")
    assert_as_drawn_directly(window, monkeypatch)


def test_back_at_the_same_zoom_with_nothing_changed_the_picture_is_copied_and_after_a_move_drawn_anew(
    zoomed_out: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Zoomed in the picture is kept: back at the same zoom, the first frame is a copy of it
    that looks drawn block by block; a note moved while zoomed in is drawn where it went."""
    window = zoomed_out
    session = window.document.session
    assert_as_drawn_directly(window, monkeypatch)
    blocks = blocks_of(window)
    window.view.set_zoom(1.0)
    QApplication.processEvents()
    assert not blocks.active
    window.view.set_zoom(0.2)
    first = seen(window)
    assert blocks.drawn_from_pictures, "the first frame back at the same zoom copies the kept picture"
    assert first == drawn_directly(window, monkeypatch)
    window.view.set_zoom(1.0)
    QApplication.processEvents()
    note = session.notes[4]
    window.document.editor.move_notes({note.id: (note.x + 40, note.y + 1500)})
    window.view.set_zoom(0.2)
    first = seen(window)
    assert not blocks.drawn_from_pictures, "a change while zoomed in: the first frame draws anew"
    assert first == drawn_directly(window, monkeypatch)


CHANGES_WHILE_ZOOMED_IN = {
    "a note recoloured": lambda window: window.document.editor.set_colour([window.document.session.notes[3].id], "#B5D8FF"),
    "a lane recoloured": lambda window: window.document.editor.set_lane_colour("blockers", "#3366CC"),
    "a note deleted": lambda window: window.document.editor.delete([window.document.session.notes[5].id]),
    "everything selected": lambda window: trigger(window, "edit.select_all"),
    "a move undone": lambda window: trigger(window, "edit.undo"),
}


@pytest.mark.parametrize("change", list(CHANGES_WHILE_ZOOMED_IN))
def test_a_change_made_zoomed_in_is_drawn_at_the_return_not_the_kept_picture(
    zoomed_out: MainWindow, monkeypatch: pytest.MonkeyPatch, change: str
) -> None:
    """Whatever changes while the kept picture waits (a colour, a lane's colour, a deletion, the
    selection, an undo), the first frame back at the same zoom shows the board as it is now."""
    window = zoomed_out
    session = window.document.session
    note = session.notes[1]
    window.document.editor.move_notes({note.id: (note.x + 40, note.y + 900)})  # something to undo
    assert_as_drawn_directly(window, monkeypatch)
    before = seen(window)
    window.view.set_zoom(1.0)
    QApplication.processEvents()
    CHANGES_WHILE_ZOOMED_IN[change](window)
    QApplication.processEvents()
    window.view.set_zoom(0.2)
    first = seen(window)
    # Drawn anew: directly, or (everything selected, a drag of it to come) into a new picture.
    assert not blocks_of(window).drawn_from_pictures or change == "everything selected"
    assert first == drawn_directly(window, monkeypatch)
    assert first != before, "the change shows"
