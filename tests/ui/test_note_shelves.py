"""Note items are held on shelves (``ui/board/note_shelves.py``) so that a change to one note
is not looked for among every item of the board. The shelves must change nothing a person can
see or do: each note is hit where it is drawn, a rubber band and a drag reach notes of several
shelves, a note made later still lies over an earlier one, and deleting and undoing leave no
shelf behind or note off a shelf. Shelves of two notes here, so a small board has many."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QGraphicsItem
from pytestqt.qtbot import QtBot

from canvasapp.model.entities import NOTE_HEIGHT, NOTE_WIDTH
from canvasapp.storage import Library
from canvasapp.ui.board import note_shelves
from canvasapp.ui.board.note_item import NoteItem
from canvasapp.ui.board.note_shelves import Shelf
from canvasapp.ui.board.scene import BoardScene
from canvasapp.ui.window.main_window import MainWindow
from tests.ui.conftest import trigger
from tests.ui.editing_helpers import ACTIVITIES_X, DRIVERS_X, click, saved_note, saved_session

#: Seven notes in rows of three, then one made last, lying over the first note's lower right.
IDS = [f"n{i}" for i in range(7)]
OVER = "over"


@pytest.fixture(autouse=True)
def small_shelves(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(note_shelves, "SHELF_SIZE", 2)


@pytest.fixture
def window(library: Library, make_window) -> MainWindow:  # type: ignore[no-untyped-def]
    notes = [(note_id, "drivers", f"Note {i}", DRIVERS_X + 30 + 240 * (i % 3), 200.0 + 170 * (i // 3)) for i, note_id in enumerate(IDS)]
    notes.append((OVER, "drivers", "Made last", DRIVERS_X + 130, 270.0))
    return make_window(saved_session(library, notes).id)  # type: ignore[no-any-return]


def shelves_of(scene: BoardScene) -> dict[QGraphicsItem, set[str]]:
    """Each shelf in the scene and the notes on it; asserts no note is off a shelf."""
    held: dict[QGraphicsItem, set[str]] = {}
    for item in scene.items():
        if isinstance(item, Shelf):
            held.setdefault(item, set())
        elif isinstance(item, NoteItem):
            assert isinstance(item.parentItem(), Shelf), f"{item.note_id} is not on a shelf"
            held.setdefault(item.parentItem(), set()).add(item.note_id)
    return held


def centre_of(scene: BoardScene, note_id: str) -> QPointF:
    return scene.note_item(note_id).sceneBoundingRect().center()


def test_every_note_is_hit_where_it_is_drawn_and_the_last_made_lies_on_top(qtbot: QtBot, window: MainWindow) -> None:
    scene = window.document.scene
    shelves = shelves_of(scene)
    assert len(shelves) == 4 and all(len(notes) <= 2 for notes in shelves.values())
    # The first note's corner the last one leaves uncovered, then each other note's centre.
    session = window.document.session
    first = session.note(IDS[0])
    click(qtbot, window, first.x + 20, first.y + 20)
    assert scene.selected_note_ids() == [IDS[0]]
    for note_id in IDS[1:]:
        centre = centre_of(scene, note_id)
        click(qtbot, window, centre.x(), centre.y())
        assert scene.selected_note_ids() == [note_id]
    # Where the note made last lies over the first (another shelf): it is the one pressed, as
    # it is the one drawn on top.
    over = session.note(OVER)
    overlap = QRectF(first.x, first.y, first.width, first.height) & QRectF(over.x, over.y, over.width, over.height)
    assert not overlap.isEmpty() and scene.note_item(OVER).parentItem() is not scene.note_item(IDS[0]).parentItem()
    click(qtbot, window, overlap.center().x(), overlap.center().y())
    assert scene.selected_note_ids() == [OVER]
    on_top = [item for item in scene.items(overlap.center()) if isinstance(item, NoteItem)]
    assert [item.note_id for item in on_top] == [OVER, IDS[0]]


def test_a_rubber_band_and_a_drag_reach_the_notes_of_several_shelves(
    qtbot: QtBot, window: MainWindow, library_path: Path
) -> None:
    scene, session = window.document.scene, window.document.session
    # A band from the empty board below the notes up around the last two rows, reaching the
    # note made last where it hangs down into them (five notes, three shelves).
    third, seventh = session.note(IDS[3]), session.note(IDS[6])
    start = window.view.mapFromScene(QPointF(third.x - 20, seventh.y + NOTE_HEIGHT + 60))
    end = window.view.mapFromScene(QPointF(third.x + 2 * 240 + NOTE_WIDTH + 10, third.y - 10))
    viewport = window.view.viewport()
    qtbot.mousePress(viewport, Qt.MouseButton.LeftButton, pos=start)
    for step in range(1, 5):
        qtbot.mouseMove(viewport, pos=start + (end - start) * step / 4)
    qtbot.mouseRelease(viewport, Qt.MouseButton.LeftButton, pos=end)
    banded = {*IDS[3:7], OVER}
    assert set(scene.selected_note_ids()) == banded
    assert len({scene.note_item(note_id).parentItem() for note_id in banded}) == 3

    # Dragged down together: each lands 340 lower, in the model, on the board and on disk.
    before = {note_id: (session.note(note_id).x, session.note(note_id).y) for note_id in banded}
    grab = centre_of(scene, IDS[4])
    press, to = window.view.mapFromScene(grab), window.view.mapFromScene(grab + QPointF(0, 340))
    qtbot.mousePress(viewport, Qt.MouseButton.LeftButton, pos=press)
    for step in range(1, 7):
        qtbot.mouseMove(viewport, pos=press + (to - press) * step / 6)
    qtbot.mouseRelease(viewport, Qt.MouseButton.LeftButton, pos=to)
    for note_id, (x, y) in before.items():
        note = session.note(note_id)
        assert note.y > y + 300 and note.x == pytest.approx(x, abs=1)
        assert scene.note_item(note_id).scenePos() == QPointF(note.x, note.y)
        saved = saved_note(library_path, note_id)
        assert saved is not None and (saved["x"], saved["y"]) == (note.x, note.y)
        # Hit where it now is.
        centre = centre_of(scene, note_id)
        click(qtbot, window, centre.x(), centre.y())
        assert scene.selected_note_ids() == [note_id]


def test_deleting_empties_shelves_away_and_undo_puts_every_note_back_on_one(qtbot: QtBot, window: MainWindow) -> None:
    scene, session = window.document.scene, window.document.session
    every = [*IDS, OVER]
    trigger(window, "edit.select_all")
    trigger(window, "edit.delete")
    assert len(session) == 0 and shelves_of(scene) == {}
    trigger(window, "edit.undo")
    shelves = shelves_of(scene)
    assert set().union(*shelves.values()) == set(every) and all(1 <= len(notes) <= 2 for notes in shelves.values())
    for note_id in IDS[1:]:
        centre = centre_of(scene, note_id)
        click(qtbot, window, centre.x(), centre.y())
        assert scene.selected_note_ids() == [note_id]
    # One note deleted off a shelf of two, the other still hit; then undone and redone.
    lone = scene.note_item(IDS[5]).parentItem()
    partner = next(note_id for note_id in every if note_id != IDS[5] and scene.note_item(note_id).parentItem() is lone)
    window.document.editor.delete([IDS[5]])
    assert shelves_of(scene)[lone] == {partner}
    window.document.editor.delete([partner])
    assert lone not in shelves_of(scene)
    trigger(window, "edit.undo")
    trigger(window, "edit.undo")
    trigger(window, "edit.redo")
    assert set().union(*shelves_of(scene).values()) == set(every) - {IDS[5]}
    centre = centre_of(scene, partner)
    click(qtbot, window, centre.x(), centre.y())
    assert scene.selected_note_ids() == [partner]



def test_each_shelf_lies_in_the_index_where_its_notes_were_made(
    library: Library, make_window, monkeypatch: pytest.MonkeyPatch  # type: ignore[no-untyped-def]
) -> None:
    """Qt draws each shelf its index finds in sight note by note, and its index puts a shelf
    where its extent is: each shelf holds notes of one square of the board and has that square
    as its extent (a shelf without one sat in the index at the board's top left corner, so every
    frame showing that corner walked every note of the board)."""
    monkeypatch.setattr(note_shelves, "SHELF_SIZE", 256)
    rows = [(f"r{row}{lane}", lane, "A note", x + 30, 200.0 + 1000 * row)
            for row in range(12) for lane, x in (("drivers", DRIVERS_X), ("activities", ACTIVITIES_X + 600))]
    window = make_window(saved_session(library, rows).id)
    scene, side = window.document.scene, note_shelves.TILE
    shelves = shelves_of(scene)
    assert len(shelves) >= 12
    for shelf, note_ids in shelves.items():
        square = shelf.sceneBoundingRect()
        assert square.width() == square.height() == side
        for note_id in note_ids:
            assert square.contains(scene.note_item(note_id).scenePos())
        # Found where it is, and only there; never under the mouse.
        assert shelf in scene.items(square.center(), Qt.ItemSelectionMode.IntersectsItemBoundingRect)
        assert shelf not in scene.items(square.center() + QPointF(side, side), Qt.ItemSelectionMode.IntersectsItemBoundingRect)
        assert shelf not in scene.items(square.center())


def test_a_note_moved_far_from_its_shelf_is_still_drawn_and_hit_there(qtbot: QtBot, window: MainWindow) -> None:
    """A moved note keeps its shelf, whose square is then elsewhere: Qt still finds it through
    the note and draws it where it now is (a shelf found only by its square would leave it blank)."""
    scene, session, view = window.document.scene, window.document.session, window.view
    window.document.editor.move_notes({IDS[4]: (DRIVERS_X + 300, 9000.0)})
    note = session.note(IDS[4])
    shelf = scene.note_item(IDS[4]).parentItem()
    assert note.y >= 9000 and not shelf.sceneBoundingRect().contains(QPointF(note.x, note.y))
    view.set_zoom(1.0)
    view.center_on_scene(QPointF(note.x + note.width / 2, note.y + note.height / 2))
    view.viewport().repaint()
    picture = view.viewport().grab().toImage()
    corner = view.mapFromScene(QPointF(note.x + 6, note.y + 6))
    assert picture.pixelColor(corner).name().upper() == QColor(session.note_colour(note)).name().upper()
    centre = centre_of(scene, IDS[4])
    click(qtbot, window, centre.x(), centre.y())
    assert scene.selected_note_ids() == [IDS[4]]
