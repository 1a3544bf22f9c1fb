"""The zoomed-out board's blocks follow every change to the notes by reading only the notes
that changed: after moves, drags, colours, folded clusters, deletions and undos they are what
a full scan of the items finds, and a drag step reads no note at all."""

from __future__ import annotations

from collections import Counter

import pytest
from PySide6.QtCore import QEvent, QObject, QPoint, QPointF, QRect, QRectF, QSizeF, Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from canvasapp.model.entities import LANE_WIDTH
from canvasapp.ui.board import note_blocks
from canvasapp.ui.board.note_blocks import NoteBlocksItem
from canvasapp.ui.window.main_window import MainWindow
from tests.ui.conftest import trigger


def as_drawn(blocks: NoteBlocksItem) -> Counter[tuple[int, tuple[float, float, float, float]]]:
    return Counter((colour.rgba(), rect.getRect()) for colour, rects in blocks.blocks() for rect in rects)


def full_scan(window: MainWindow) -> Counter[tuple[int, tuple[float, float, float, float]]]:
    """What the blocks must show: every visible note item, where it is, in its colour."""
    return Counter(
        (item.colour().rgba(), QRectF(item.pos(), QSizeF(*item.size())).getRect())
        for item in window.document.scene.note_items() if item.isVisible()
    )


@pytest.fixture
def zoomed_out(make_session, make_window) -> MainWindow:  # type: ignore[no-untyped-def]
    session = make_session(notes=[(lane, f"Note {i}") for i, lane in enumerate(["drivers", "blockers", "activities"] * 6)])
    window = make_window(session.id)
    window.view.set_zoom(0.2)
    window.view.centerOn(QPointF(1100, 600))
    QApplication.processEvents()
    return window


def drag_notes(qtbot: QtBot, window: MainWindow, note_id: str, by: QPointF, check=None) -> None:  # type: ignore[no-untyped-def]
    """Press on the note, move in four steps, let go; ``check(shift)`` after each step, with
    how far (in the scene) the mouse has gone."""
    view, viewport = window.view, window.view.viewport()
    item = window.document.scene.note_item(note_id)
    start = view.mapFromScene(item.sceneBoundingRect().center())
    step_by = view.mapFromScene(by) - view.mapFromScene(QPointF())
    qtbot.mousePress(viewport, Qt.MouseButton.LeftButton, pos=start)
    for step in range(1, 5):
        pos = start + step_by * step / 4
        qtbot.mouseMove(viewport, pos=pos)
        if check is not None:
            check(view.mapToScene(pos) - view.mapToScene(start))
    qtbot.mouseRelease(viewport, Qt.MouseButton.LeftButton, pos=start + step_by)


def shifted_scan(window: MainWindow, shift: QPointF) -> Counter[tuple[int, tuple[float, float, float, float]]]:
    """The full scan with the selected notes shifted (zoomed out, a drag moves their blocks;
    the items move at the release)."""
    return Counter(
        (item.colour().rgba(), QRectF(item.pos() + (shift if item.isSelected() else QPointF()), QSizeF(*item.size())).getRect())
        for item in window.document.scene.note_items() if item.isVisible()
    )


@pytest.mark.parametrize("many_read", [note_blocks._MANY_READ, 1], ids=["one by one", "in place"])
def test_blocks_follow_edits_drags_folds_and_undos(
    qtbot: QtBot, zoomed_out: MainWindow, monkeypatch: pytest.MonkeyPatch, many_read: int
) -> None:
    """Also with every batch of named notes read in place from the session (as thousands are)."""
    monkeypatch.setattr(note_blocks, "_MANY_READ", many_read)
    window = zoomed_out
    blocks, scene, session = window.view.note_blocks, window.document.scene, window.document.session
    assert blocks.active and as_drawn(blocks) == full_scan(window)
    ids = [note.id for note in session.notes]

    window.document.editor.move_notes({ids[0]: (session.note(ids[0]).x + 300, session.note(ids[0]).y + 900)})
    assert as_drawn(blocks) == full_scan(window)
    window.document.editor.set_colour(ids[1:3], "#B5D8FF")
    assert {session.note(note_id).colour for note_id in ids[1:3]} == {"#B5D8FF"}
    assert as_drawn(blocks) == full_scan(window)

    # A drag: every step the blocks are where the items are, the drop too.
    scene.select_only(ids[3:9])
    drag_notes(qtbot, window, ids[3], QPointF(150, 2000), check=lambda shift: assert_shifted(blocks, window, shift))
    assert as_drawn(blocks) == full_scan(window)
    assert session.note(ids[3]).y > 1500

    window.document.clusters.group(ids[9:12])
    cluster = session.cluster_of(ids[9])
    assert cluster is not None
    window.document.clusters.toggle_collapsed([cluster.id])
    assert as_drawn(blocks) == full_scan(window) and not scene.note_item(ids[9]).isVisible()
    window.document.editor.delete(ids[12:14])
    assert as_drawn(blocks) == full_scan(window)
    for _ in range(6):
        trigger(window, "edit.undo")
        assert as_drawn(blocks) == full_scan(window)
    trigger(window, "edit.select_all")
    assert as_drawn(blocks) == full_scan(window)


def test_a_frame_dragged_zoomed_out_carries_its_blocks_though_the_session_has_not_moved_them(
    qtbot: QtBot, zoomed_out: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A cluster's frame dragged moves its notes' items ahead of the session (a preview): the
    blocks follow the items at every step, even when they are many (read in place from the
    session otherwise), and land with the drop; an undo puts them back."""
    monkeypatch.setattr(note_blocks, "_MANY_READ", 1)
    window = zoomed_out
    blocks, scene, session = window.view.note_blocks, window.document.scene, window.document.session
    members = [note.id for note in session.notes][:6]
    window.document.clusters.group(members)
    cluster = session.cluster_of(members[0])
    assert cluster is not None
    QApplication.processEvents()
    before = {note_id: (session.note(note_id).x, session.note(note_id).y) for note_id in members}
    view, viewport = window.view, window.view.viewport()
    title = scene.clusters.item(cluster.id).title_rect()
    start = view.mapFromScene(QPointF(title.right() - 20, title.center().y()))
    qtbot.mousePress(viewport, Qt.MouseButton.LeftButton, pos=start)
    for step in range(1, 5):
        qtbot.mouseMove(viewport, pos=start + QPoint(0, 40 * step))
        viewport.repaint()
        assert session.note(members[0]).y == before[members[0]][1], "the session moves at the drop"
        assert scene.note_item(members[0]).y() > before[members[0]][1], "the items are ahead of it"
        assert as_drawn(blocks) == full_scan(window)
    qtbot.mouseRelease(viewport, Qt.MouseButton.LeftButton, pos=start + QPoint(0, 160))
    assert session.note(members[0]).y > before[members[0]][1]
    assert as_drawn(blocks) == full_scan(window)
    trigger(window, "edit.undo")
    assert {note_id: (session.note(note_id).x, session.note(note_id).y) for note_id in members} == before
    assert as_drawn(blocks) == full_scan(window)


def test_notes_dropped_on_a_folded_cluster_join_it_and_leave_no_block(
    qtbot: QtBot, zoomed_out: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Zoomed out, two notes dragged onto a collapsed cluster's card fold into it: the drop
    hides their items, and no block is left where they landed (they were carried by one
    offset, the case put back without reading each note)."""
    monkeypatch.setattr(note_blocks, "_MANY_READ", 1)
    window = zoomed_out
    blocks, scene, session = window.view.note_blocks, window.document.scene, window.document.session
    ids = [note.id for note in session.notes]
    window.document.clusters.group(ids[0:3])
    cluster = session.cluster_of(ids[0])
    assert cluster is not None
    window.document.clusters.toggle_collapsed([cluster.id])
    QApplication.processEvents()
    scene.select_only(ids[9:11])
    card = scene.clusters.item(cluster.id).sceneBoundingRect().center()
    drag_notes(qtbot, window, ids[9], card - scene.note_item(ids[9]).sceneBoundingRect().center())
    assert session.cluster_of(ids[9]) is session.cluster_of(ids[0]), "dropped on the card, it joined the cluster"
    assert not scene.note_item(ids[9]).isVisible()
    assert as_drawn(blocks) == full_scan(window)


@pytest.mark.parametrize("zoom", [0.2, 1.0], ids=["zoomed out", "at 100%"])
def test_a_dragged_note_deleted_before_the_drop_stays_deleted(qtbot: QtBot, zoomed_out: MainWindow, zoom: float) -> None:
    """One of the dragged notes is deleted while the mouse is held (another window's edit):
    the drop onto a note makes a cluster of the others and the note it met, and the deleted
    note is not brought back or moved (the drag names every note it carried; the edits leave
    out those the session no longer has); the blocks are what the items show."""
    window = zoomed_out
    blocks, scene, session = window.view.note_blocks, window.document.scene, window.document.session
    window.view.set_zoom(zoom)
    QApplication.processEvents()
    ids = [note.id for note in session.notes]
    dragged, gone, target = ids[3:5], ids[4], ids[0]
    scene.select_only(dragged)
    view, viewport = window.view, window.view.viewport()
    window.view.centerOn(scene.note_item(target).sceneBoundingRect().center())
    QApplication.processEvents()
    start = view.mapFromScene(scene.note_item(dragged[0]).sceneBoundingRect().center())
    end = view.mapFromScene(scene.note_item(target).sceneBoundingRect().center())
    qtbot.mousePress(viewport, Qt.MouseButton.LeftButton, pos=start)
    qtbot.mouseMove(viewport, pos=start + (end - start) / 2)
    window.document.editor.delete([gone])
    qtbot.mouseMove(viewport, pos=end)
    qtbot.mouseRelease(viewport, Qt.MouseButton.LeftButton, pos=end)
    assert not session.has_note(gone)
    cluster = session.cluster_of(target)
    assert cluster is not None and set(cluster.note_ids) == {target, dragged[0]}
    if zoom < 1:
        assert as_drawn(blocks) == full_scan(window)


def test_notes_snapped_to_the_grid_at_the_drop_land_each_by_its_own_offset(qtbot: QtBot, zoomed_out: MainWindow) -> None:
    """With Snap to Grid on, notes off the grid dragged together land each on its own grid
    point: not by one offset, so the blocks take each where it landed."""
    window = zoomed_out
    blocks, scene, session = window.view.note_blocks, window.document.scene, window.document.session
    ids = [note.id for note in session.notes][:3]
    window.document.editor.move_notes({
        note_id: (session.note(note_id).x + 3 + 7 * i, session.note(note_id).y + 11 + 5 * i) for i, note_id in enumerate(ids)
    })
    trigger(window, "arrange.snap")
    assert window.document.editor.snap_to_grid
    scene.select_only(ids)
    before = {note_id: (session.note(note_id).x, session.note(note_id).y) for note_id in ids}
    drag_notes(qtbot, window, ids[0], QPointF(0, 1500))
    offsets = {(session.note(n).x - before[n][0], session.note(n).y - before[n][1]) for n in ids}
    assert len(offsets) > 1, "snapped each to the grid, the notes moved by different offsets"
    assert as_drawn(blocks) == full_scan(window)


def _board(make_session, make_window, zoom: float, per: int) -> MainWindow:  # type: ignore[no-untyped-def]
    session = make_session(notes=[(lane, f"n{i}") for i, lane in enumerate(["drivers", "blockers", "activities"] * per)])
    window = make_window(session.id)
    window.view.set_zoom(zoom)
    QApplication.processEvents()
    assert window.view.note_blocks.active
    return window  # type: ignore[no-any-return]


def test_a_note_dropped_onto_a_far_note_lands_exactly_where_the_session_put_it(qtbot: QtBot, make_session, make_window) -> None:  # type: ignore[no-untyped-def]
    """Dropped on a note, a note joins it in a new cluster, placed by the editor rather than
    by the drag's offset: its block is where the session has it to the last digit (a shift
    added to where it was picked up can differ in the last place)."""
    window = _board(make_session, make_window, 0.1, 1)
    session, scene, view, viewport = window.document.session, window.document.scene, window.view, window.view.viewport()
    a = next(note.id for note in session.notes if note.lane_id == "drivers")
    b = next(note.id for note in session.notes if note.lane_id == "blockers")
    window.document.editor.move_notes({a: (20.123456789012345, 200.1234567890123)})
    window.document.editor.move_notes({b: (session.note(b).x + 0.987654321, 7000.567890123457)})
    view.centerOn(QPointF(500, 3500))
    QApplication.processEvents()
    scene.select_only([b])
    viewport.repaint()
    start = view.mapFromScene(scene.note_item(b).sceneBoundingRect().center())
    end = view.mapFromScene(scene.note_item(a).sceneBoundingRect().center())
    qtbot.mousePress(viewport, Qt.MouseButton.LeftButton, pos=start)
    qtbot.mouseMove(viewport, pos=end)
    qtbot.mouseRelease(viewport, Qt.MouseButton.LeftButton, pos=end)
    assert session.cluster_of(b) is not None
    assert as_drawn(window.view.note_blocks) == full_scan(window)


def test_undoing_a_group_while_its_frame_is_held_leaves_the_notes_where_they_are(qtbot: QtBot, make_session, make_window) -> None:  # type: ignore[no-untyped-def]
    """Ctrl+Z of the Group while the new cluster's frame is being dragged: the drag moves
    nothing more, nothing is raised, and the notes' items are where the session has them
    (where they were before the Group gathered them)."""
    window = _board(make_session, make_window, 0.2, 2)
    session, scene, view, viewport = window.document.session, window.document.scene, window.view, window.view.viewport()
    members = [note.id for note in session.notes if note.lane_id == "drivers"]
    cluster_id = window.document.clusters.group(members)
    scene.clusters.finish_renaming()
    QApplication.processEvents()
    title = scene.clusters.item(cluster_id).title_rect()
    start = view.mapFromScene(QPointF(title.right() - 20, title.center().y()))
    qtbot.mousePress(viewport, Qt.MouseButton.LeftButton, pos=start)
    qtbot.mouseMove(viewport, pos=start + QPoint(10, 10))
    qtbot.keyClick(viewport, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert session.cluster_of(members[0]) is None, "the Group was undone"
    qtbot.mouseMove(viewport, pos=start + QPoint(20, 20))
    qtbot.mouseRelease(viewport, Qt.MouseButton.LeftButton, pos=start + QPoint(20, 20))
    assert all(scene.note_item(n).pos() == QPointF(session.note(n).x, session.note(n).y) for n in members)
    assert as_drawn(window.view.note_blocks) == full_scan(window)


def assert_shifted(blocks: NoteBlocksItem, window: MainWindow, shift: QPointF) -> None:
    assert as_drawn(blocks) == shifted_scan(window, shift)


def test_a_drag_step_reads_no_note_and_the_drop_reads_only_the_moved(
    qtbot: QtBot, zoomed_out: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = zoomed_out
    blocks, scene, session = window.view.note_blocks, window.document.scene, window.document.session
    blocks.blocks()
    read: list[str] = []
    real_read = NoteBlocksItem._read
    monkeypatch.setattr(NoteBlocksItem, "_read", lambda self, note_id, item: read.append(note_id) or real_read(self, note_id, item))
    landed: list[str] = []
    real_land = NoteBlocksItem._land_carried

    def land(self: NoteBlocksItem, stale: set[str]) -> set[str]:
        rest = real_land(self, stale)
        landed.extend(stale - rest)
        return rest

    monkeypatch.setattr(NoteBlocksItem, "_land_carried", land)
    moved = [note.id for note in session.notes[:4]]
    scene.select_only(moved)

    def paint_and_count(_shift: QPointF) -> None:
        window.view.viewport().repaint()  # the step is drawn from the blocks, shifted
        assert read == []

    before = {note.id: (note.x, note.y, note.width, note.height) for note in session.notes}
    drag_notes(qtbot, window, moved[0], QPointF(100, 2500), check=paint_and_count)
    window.view.viewport().repaint()
    changed = {note.id for note in session.notes if before[note.id] != (note.x, note.y, note.width, note.height)}
    assert set(moved) <= changed, "the drag moved them"
    assert set(read) | set(landed) <= changed, "only the notes the drop changed are read again"
    # Those that landed by the drag's one offset are put back shifted, not read one by one (a
    # note the drop then moved on, or into another lane's colour, is read).
    assert set(landed) <= set(moved) and not set(landed) & set(read)
    assert set(moved) <= set(read) | set(landed) and len(read) + len(landed) < len(session.notes)
    assert as_drawn(blocks) == full_scan(window)


def test_notes_dragged_into_another_lane_or_called_off_are_drawn_where_and_as_they_land(
    qtbot: QtBot, zoomed_out: MainWindow
) -> None:
    """Put back shifted only when each kept its size, colour and the drag's one offset: notes
    taking the next lane's colour, a drag called off with Esc, and an undo or a resize before
    the next paint are drawn as the items are."""
    window = zoomed_out
    blocks, scene, session = window.view.note_blocks, window.document.scene, window.document.session
    drivers = [note.id for note in session.notes if note.lane_id == "drivers"][:2]
    colours = {scene.note_item(note_id).colour().rgba() for note_id in drivers}
    scene.select_only(drivers)
    drag_notes(qtbot, window, drivers[0], QPointF(LANE_WIDTH + 24, 300))
    assert {session.note(note_id).lane_id for note_id in drivers} == {"blockers"}
    assert {scene.note_item(note_id).colour().rgba() for note_id in drivers}.isdisjoint(colours)
    assert as_drawn(blocks) == full_scan(window)

    scene.select_only(drivers)
    view, viewport = window.view, window.view.viewport()
    start = view.mapFromScene(scene.note_item(drivers[0]).sceneBoundingRect().center())
    qtbot.mousePress(viewport, Qt.MouseButton.LeftButton, pos=start)
    qtbot.mouseMove(viewport, pos=start + QPoint(40, 30))
    qtbot.keyClick(viewport, Qt.Key.Key_Escape)
    qtbot.mouseRelease(viewport, Qt.MouseButton.LeftButton, pos=start + QPoint(40, 30))
    assert as_drawn(blocks) == full_scan(window)

    drag_notes(qtbot, window, drivers[0], QPointF(0, 600))
    trigger(window, "edit.undo")  # before any paint: the blocks catch up with the undo's places
    assert as_drawn(blocks) == full_scan(window)

    drag_notes(qtbot, window, drivers[0], QPointF(0, 600))
    window.document.editor.resize_notes({drivers[1]: (320.0, 260.0)})  # before any paint too
    assert as_drawn(blocks) == full_scan(window)


def test_zoomed_out_a_note_dropped_on_another_makes_a_cluster_and_the_items_wait_for_the_drop(
    qtbot: QtBot, zoomed_out: MainWindow
) -> None:
    window = zoomed_out
    scene, session = window.document.scene, window.document.session
    dragged, target = session.notes[0], session.notes[3]
    scene.select_only([dragged.id])
    before = scene.note_item(dragged.id).pos()
    by = QPointF(target.x - dragged.x, target.y - dragged.y)

    def items_stay(_shift: QPointF) -> None:
        assert scene.note_item(dragged.id).pos() == before  # the block moves, the item waits

    drag_notes(qtbot, window, dragged.id, by, check=items_stay)
    cluster = session.cluster_of(dragged.id)
    assert cluster is not None and target.id in cluster.note_ids


def test_zoomed_out_a_read_only_board_carries_nothing(qtbot: QtBot, zoomed_out: MainWindow, make_window) -> None:  # type: ignore[no-untyped-def]
    second = make_window(zoomed_out.document.session.id)
    assert second.document.read_only
    second.view.set_zoom(0.2)
    second.view.centerOn(QPointF(1100, 600))
    QApplication.processEvents()
    note = second.document.session.notes[0]
    second.document.scene.select_only([note.id])
    before = as_drawn(second.view.note_blocks)
    drag_notes(qtbot, second, note.id, QPointF(0, 1500), check=lambda _shift: None)
    assert (note.x, note.y) == (second.document.session.note(note.id).x, second.document.session.note(note.id).y)
    assert as_drawn(second.view.note_blocks) == before == full_scan(second)
    assert "read-only" not in second.statusBar().currentMessage()


def test_zoomed_out_a_drag_step_repaints_around_the_carried_notes_and_leaves_no_trail(
    qtbot: QtBot, zoomed_out: MainWindow
) -> None:
    """A step repaints only where the carried blocks were and are (not the whole board), and
    what is on the screen then is what a full repaint draws: no block or ring left behind."""
    window = zoomed_out
    scene, session = window.document.scene, window.document.session
    moved = [note.id for note in session.notes[:3]]
    scene.select_only(moved)
    viewport = window.view.viewport()
    screen = viewport.screen()
    painted: list[QRect] = []

    class Paints(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint:
                painted.append(event.region().boundingRect())  # type: ignore[attr-defined]
            return False

    def on_screen() -> QImage:
        QApplication.processEvents()
        top_left = viewport.mapTo(window, QPoint(0, 0))
        return screen.grabWindow(window.winId(), top_left.x(), top_left.y(), viewport.width(), viewport.height()).toImage()

    steps: list[QRect] = []

    def no_trail(_shift: QPointF) -> None:
        partly = on_screen()
        steps.extend(painted)
        painted.clear()
        viewport.repaint()
        assert on_screen() == partly
        painted.clear()

    viewport.repaint()
    before = on_screen()
    watcher = Paints()
    viewport.installEventFilter(watcher)
    drag_notes(qtbot, window, moved[0], QPointF(120, 160), check=no_trail)  # within the board
    viewport.removeEventFilter(watcher)
    assert on_screen() != before, "the notes moved on the screen"
    board = window.view.mapFromScene(scene.board_rect()).boundingRect().intersected(viewport.rect())
    # Qt now and then merges a step's updates into their bounding box (its smart viewport update
    # gives up on many small rectangles), so one step in four may be big; the old way repainted
    # the whole board on every step.
    small = [rect for rect in steps if rect.width() * rect.height() < board.width() * board.height() / 3]
    assert len(steps) >= 4 and len(small) >= len(steps) - 1, (steps, board)


def test_picking_up_everything_hands_the_blocks_over_whole_and_they_land_where_the_session_has_them(
    qtbot: QtBot, zoomed_out: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Select All, then a press: no block is taken out one by one (10,000 of them made the
    press a visible stall), each step draws them shifted, and after the drop (and its undo)
    they are what a full scan of the items finds."""
    window = zoomed_out
    blocks, session = window.view.note_blocks, window.document.session
    trigger(window, "edit.select_all")
    window.view.viewport().repaint()
    handled: list[str] = []
    for name in ("take", "put_keyed"):
        real = getattr(note_blocks._Layer, name)
        monkeypatch.setattr(
            note_blocks._Layer, name, lambda self, note_id, *rest, real=real: handled.append(note_id) or real(self, note_id, *rest)
        )

    def shifted_and_none_taken(shift: QPointF) -> None:
        window.view.viewport().repaint()
        assert handled == [], "no block taken or put one by one while everything is carried"
        assert as_drawn(blocks) == shifted_scan(window, shift)

    before = {note.id: (note.x, note.y) for note in session.notes}
    drag_notes(qtbot, window, session.notes[3].id, QPointF(60, 900), check=shifted_and_none_taken)
    window.view.viewport().repaint()
    assert all((note.x, note.y) != before[note.id] for note in session.notes), "every note moved"
    assert as_drawn(blocks) == full_scan(window)
    trigger(window, "edit.undo")
    window.view.viewport().repaint()
    assert {note.id: (note.x, note.y) for note in session.notes} == before
    assert as_drawn(blocks) == full_scan(window)
    # A part of the board picked up after that is taken out of the still blocks as before.
    window.document.scene.select_only([note.id for note in session.notes[:3]])
    drag_notes(qtbot, window, session.notes[0].id, QPointF(0, 700), check=lambda shift: None)
    window.view.viewport().repaint()
    assert as_drawn(blocks) == full_scan(window)


def test_a_note_recoloured_while_everything_is_dragged_moves_on_with_the_others(
    qtbot: QtBot, zoomed_out: MainWindow
) -> None:
    """Zoomed out the dragged items stay where they were until the drop: a note recoloured
    under the mouse (a shortcut, another window) is read from its item, and its block must go
    on following the drag, not jump back to where it was picked up."""
    window = zoomed_out
    blocks, session = window.view.note_blocks, window.document.session
    trigger(window, "edit.select_all")
    window.view.viewport().repaint()
    recoloured = session.notes[5]

    def recolour_at_second_step(shift: QPointF) -> None:
        window.view.viewport().repaint()
        if shift.y() > 300 and session.note(recoloured.id).colour != "#B5D8FF":
            window.document.editor.set_colour([recoloured.id], "#B5D8FF")
            window.view.viewport().repaint()
        assert as_drawn(blocks) == shifted_scan(window, shift)

    drag_notes(qtbot, window, session.notes[0].id, QPointF(40, 1200), check=recolour_at_second_step)
    assert session.note(recoloured.id).colour == "#B5D8FF"
    window.view.viewport().repaint()
    assert as_drawn(blocks) == full_scan(window)
