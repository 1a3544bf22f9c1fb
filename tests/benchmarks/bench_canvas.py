"""The canvas figures measured in one process: frames, zoom, drags and drops, select-all, moving
everything and undoing it, find, saving an edit and pasting.

The app's window opens a copy of the board; beside it the bare baseline (``bare.py``) shows the
same notes in plain Qt at the same zoom and centre and does the same work: Qt's own C++ moves a
selection under the same mouse events, a raw sqlite3 UPDATE (WAL, synchronous=FULL) stands for
the save, one ``drawRects`` per colour for the zoomed-out board. Every gesture is timed from the
event to the end of the event-loop turn that repaints it, and reported as a median.
"""

from __future__ import annotations

import math
import statistics
import time
import uuid
from collections.abc import Callable
from functools import cache
from pathlib import Path

import handles
from bare import VIEWPORT, BareBoard, settle, size_viewport
from board import working_copy
from common import Figure, Measurement, repeat
from PySide6.QtCore import QCoreApplication, QPoint, QPointF, QSettings, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QGraphicsItem, QGraphicsView, QLineEdit

FRAME_REPEAT = 21
ZOOM_SWITCHES = 5
DRAG_STEPS = 20
DRAG_CYCLES = 4  # even: there and back again, so the notes end where they were
DRAGGED = 200
ALL_STEPS = 8
ALL_CYCLES = 4  # even: half the drops down and right, half up and left (the slow way: see _move_all)
SELECT_REPEAT = 5
SAVE_REPEAT = 21
PASTED = 1000
PASTE_REPEAT = 3
DELETE_REPEAT = 3
FIND_QUERY = "volunteers"
FIND_PASSES = 2


# --- the two boards ------------------------------------------------------------------------


def qt_app(folder: Path) -> QApplication:
    """The app, with settings in the run's own folder (never the user's)."""
    if QCoreApplication.instance() is None:
        QSettings.setDefaultFormat(QSettings.Format.IniFormat)
        QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder / "settings"))
    app = handles.application()
    assert isinstance(app, QApplication)
    return app


@cache
def app_window(folder: Path, notes: int) -> handles.Window:
    """One open window shared by every figure of this module (opened on its own copy)."""
    qt_app(folder)
    path, session_id = working_copy(folder, notes, "window")
    window = handles.open_window(path, session_id, folder / "templates")
    window.resize(VIEWPORT.width() + 60, VIEWPORT.height() + 200)
    window.show()
    settle()
    # A big board makes its notes' items in the event loop's idle turns after opening (that is
    # ``every_item_s``); the figures here measure gestures on the board once it is there, not
    # the making of 50 items riding on each step (an event loop left alone makes 10,000 in
    # under a second, long before a hand reaches the mouse).
    while handles.busy(window):
        settle()
    size_viewport(handles.view(window))
    return window


@cache
def bare_board(folder: Path, notes: int) -> BareBoard:
    qt_app(folder)
    path, session_id = working_copy(folder, notes, "bare")
    board = BareBoard(path, session_id)
    board.show()
    return board


def view_of(window: handles.Window) -> QGraphicsView:
    return handles.view(window)


def centre_of(view: QGraphicsView) -> QPointF:
    return view.mapToScene(view.viewport().rect().center())


def match(bare: BareBoard, window: handles.Window) -> None:
    """The bare view at the app's zoom and centre (and level of detail)."""
    bare.look_at(handles.zoom(window), centre_of(view_of(window)))


def at_100(window: handles.Window) -> None:
    """100% in the middle of the first lane's notes: a full screen of notes."""
    handles.set_zoom(window, 1.0)
    first = min(handles.session(window).notes, key=lambda note: (note.x, note.y))
    view_of(window).centerOn(QPointF(first.x + VIEWPORT.width() / 2, first.y + VIEWPORT.height() / 2))
    settle()


def overview(window: handles.Window) -> None:
    handles.trigger(window, "view.fit_all")
    settle()


def gesture_s(action: Callable[[], object]) -> float:
    """Seconds from the gesture to the end of the event-loop turn that repaints it."""
    start = time.perf_counter()
    action()
    settle()
    return time.perf_counter() - start


def repaint_ms(view: QGraphicsView) -> float:
    """Median of full repaints of the viewport through Qt's real paint path."""
    viewport = view.viewport()
    times = []
    for _ in range(repeat(FRAME_REPEAT)):
        start = time.perf_counter()
        viewport.repaint()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


# --- frames and zoom -------------------------------------------------------------------------


def measure_frame_100(folder: Path, notes: int) -> Measurement:
    window, bare = app_window(folder, notes), bare_board(folder, notes)
    at_100(window)
    match(bare, window)
    return Measurement(repaint_ms(view_of(window)), repaint_ms(bare.view))


def measure_frame_overview(folder: Path, notes: int) -> Measurement:
    window, bare = app_window(folder, notes), bare_board(folder, notes)
    overview(window)
    match(bare, window)
    return Measurement(repaint_ms(view_of(window)), repaint_ms(bare.view))


def measure_zoom_switch(folder: Path, notes: int) -> Measurement:
    """Fit All ↔ 100%: the action and the first paint at the new zoom."""
    window, bare = app_window(folder, notes), bare_board(folder, notes)
    overview(window)
    values, looks = [], []
    for _ in range(repeat(ZOOM_SWITCHES)):
        for action_id in ("view.zoom_100", "view.fit_all"):
            values.append(gesture_s(lambda action_id=action_id: handles.trigger(window, action_id)))
            looks.append((handles.zoom(window), centre_of(view_of(window))))
    baselines = [gesture_s(lambda scale=scale, centre=centre: bare.look_at(scale, centre)) for scale, centre in looks]
    return Measurement.of(values, baselines, 1000)


# --- dragging and dropping -------------------------------------------------------------------


def nearest_notes(window: handles.Window, count: int) -> list[str]:
    centre = centre_of(view_of(window))
    return [note.id for note in sorted(
        handles.session(window).notes,
        key=lambda note: math.hypot(note.x + note.width / 2 - centre.x(), note.y + note.height / 2 - centre.y()),
    )[:count]]


def grab_point(view: QGraphicsView, candidates: list[QGraphicsItem]) -> tuple[QGraphicsItem, QPointF]:
    """The first of ``candidates`` that the mouse really finds at its centre, at this zoom,
    and that centre: a press there lands on that note (not on a neighbour drawn over it, nor
    on nothing at all when a note is a few pixels wide), as a hand pressing on it would."""
    for item in candidates:
        centre = item.sceneBoundingRect().center()
        hit = view.itemAt(view.mapFromScene(centre))
        if hit is not None and (hit is item or item.isAncestorOf(hit)):
            return item, centre
    first = candidates[0].sceneBoundingRect().center()
    found = [type(item).__name__ for item in view.items(view.mapFromScene(first))][:4]
    raise RuntimeError(
        f"no note of the selection can be pressed at {view.transform().m11():.3f}: at the first one's centre"
        f" ({view.mapFromScene(first).toTuple()} of {view.viewport().size().toTuple()}) the mouse finds {found}"
    )


def _nothing() -> None:
    pass


def drag(view: QGraphicsView, grab: QPointF, steps: int, on_release: Callable[[], object] = _nothing,
         on_move: Callable[[], object] = _nothing, cycle: int = 0,
         across: int | None = None, presses: list[float] | None = None) -> tuple[list[float], float]:
    """Press at ``grab`` (scene), move ``steps`` times, release: per-step seconds and the drop's
    (``on_move`` and ``on_release`` run inside the timed step: the bare board's own work). Odd
    cycles drag back, so repeated drags stay in the same part of the board; ``across`` (1 right,
    -1 left) keeps every drag going down, that way. The press is timed too, into ``presses``."""
    viewport = view.viewport()
    pos = view.mapFromScene(grab)
    QTest.mouseMove(viewport, pos)  # hover first, as a hand does
    settle()
    pressed = gesture_s(lambda: QTest.mousePress(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, pos))
    if presses is not None:
        presses.append(pressed)
    times = []
    back = -1 if cycle % 2 else 1
    for step in range(steps):
        down = 3 if step % 2 else 2
        pos = pos + (QPoint(4 * back, down * back) if across is None else QPoint(4 * across, down))

        def move(pos: QPoint = pos) -> None:
            QTest.mouseMove(viewport, pos)
            on_move()

        times.append(gesture_s(move))

    def release() -> None:
        QTest.mouseRelease(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, pos)
        on_release()

    return times, gesture_s(release)


def raw_save_positions(bare: BareBoard, note_ids: list[str]) -> Callable[[], None]:
    """The bare save of a move: one UPDATE per moved row, in one transaction."""

    def save() -> None:
        connection = bare.raw_connection()
        rows = [(bare.items[note_id].x(), bare.items[note_id].y(), note_id) for note_id in note_ids]
        connection.execute("BEGIN")
        connection.executemany("UPDATE notes SET x = ?, y = ? WHERE id = ?", rows)
        connection.execute("COMMIT")
        connection.close()

    return save


def app_drags(window: handles.Window, note_ids: list[str], steps: int, cycles: int) -> tuple[list[float], list[float]]:
    view = view_of(window)
    step_times, drops = [], []
    for cycle in range(cycles):
        handles.select_only(window, note_ids)
        settle()
        grabbed, grab = grab_point(view, [handles.note_item(window, note_id) for note_id in note_ids])
        before = grabbed.pos()
        times, dropped = drag(view, grab, steps, cycle=cycle)
        assert grabbed.pos() != before, "the drag did not move the note: mouse events are not arriving"
        step_times += times
        drops.append(dropped)
    return step_times, drops


def bare_drags(bare: BareBoard, note_ids: list[str], steps: int, cycles: int) -> tuple[list[float], list[float]]:
    """Plain Qt drops the notes on whatever they land on; zoomed far out (50,000 notes) a drag
    lands them on other notes, and those inserted later cover them: the next press at their
    centres would pick up a neighbour. The app makes room instead, so its dropped notes are
    never covered; the bare notes are kept on top for the same press to find them."""
    for note_id in note_ids:
        bare.items[note_id].setZValue(2)
    step_times, drops = [], []
    for cycle in range(cycles):
        bare.scene.clearSelection()
        for note_id in note_ids:
            bare.items[note_id].setSelected(True)
        settle()
        grabbed, grab = grab_point(bare.view, [bare.items[note_id] for note_id in note_ids])
        before = grabbed.pos()
        times, dropped = drag(bare.view, grab, steps, *bare_drag_work(bare, note_ids, grabbed), cycle=cycle)
        assert grabbed.pos() != before, "the bare drag did not move the note"
        step_times += times
        drops.append(dropped)
    for note_id in note_ids:
        bare.items[note_id].setZValue(1)
    return step_times, drops


def bare_drag_work(
    bare: BareBoard, note_ids: list[str], grabbed: QGraphicsItem
) -> tuple[Callable[[], None], Callable[[], None]]:
    """What the bare board does on a drop (save) and, zoomed out, on each step (move the
    selection's blocks, following the note under the mouse)."""
    save = raw_save_positions(bare, note_ids)
    if not bare.blocks.isVisible():
        return save, _nothing
    start = grabbed.pos()
    bare.blocks.start_moving(note_ids)

    def drop() -> None:
        bare.blocks.finish_moving()
        save()

    return drop, lambda: bare.blocks.move_by(grabbed.pos() - start)


@cache
def _drag_200(folder: Path, notes: int, zoomed_out: bool) -> tuple[Measurement, Measurement]:
    window, bare = app_window(folder, notes), bare_board(folder, notes)
    overview(window) if zoomed_out else at_100(window)
    note_ids = nearest_notes(window, min(DRAGGED, notes))
    match(bare, window)
    steps, drops = app_drags(window, note_ids, repeat(DRAG_STEPS), repeat(DRAG_CYCLES))
    bare_steps, bare_drops = bare_drags(bare, note_ids, repeat(DRAG_STEPS), repeat(DRAG_CYCLES))
    handles.scene(window).clearSelection()
    bare.scene.clearSelection()
    settle()
    return Measurement.of(steps, bare_steps, 1000), Measurement.of(drops, bare_drops, 1000)


def measure_drag_200(folder: Path, notes: int) -> Measurement:
    return _drag_200(folder, notes, False)[0]


def measure_drop_200(folder: Path, notes: int) -> Measurement:
    return _drag_200(folder, notes, False)[1]


def measure_drag_200_overview(folder: Path, notes: int) -> Measurement:
    return _drag_200(folder, notes, True)[0]


# --- the whole board ---------------------------------------------------------------------------


def measure_select_all(folder: Path, notes: int) -> Measurement:
    """Select All (the menu action) at Fit All, beside one selection area in a bare scene."""
    window, bare = app_window(folder, notes), bare_board(folder, notes)
    overview(window)
    match(bare, window)
    values, baselines = [], []
    for _ in range(repeat(SELECT_REPEAT)):
        values.append(gesture_s(lambda: handles.trigger(window, "edit.select_all")))
        handles.scene(window).clearSelection()
        settle()
        baselines.append(gesture_s(bare.select_all))
        bare.scene.clearSelection()
        settle()
    return Measurement.of(values, baselines, 1000)


#: The first steps of a drag counted in its pick-up (``grab_all_ms``).
PICK_UP_STEPS = 2


def _pick_up(press: float, steps: list[float]) -> float:
    """The slowest event of a pick-up: the press on the selection, or one of the first steps
    (a drag's median step says nothing of the moment the notes first follow the hand)."""
    return max(press, *steps[:PICK_UP_STEPS])


@cache
def _move_all(folder: Path, notes: int, zoomed_out: bool = True) -> tuple[Measurement, Measurement, Measurement, Measurement]:
    """Select everything at Fit All (or at 100%), press on it, drag it, drop it, undo the move;
    the bare board likewise (its undo puts every item back in a Python loop and writes every
    row; at 100% Qt moves every selected item at each step).

    Every drag goes down, every other one left, against the lanes' left edges, the others
    right, their right-hand columns over the lanes' right edges: both drops hold the selection
    back as one (``lane_layout.held_together``), move every note and make room around them.
    (Up and left, from a board whose notes start at the lanes' top left, the hold keeps every
    note where it was: a drop that changes nothing.) Each move is undone, so every drag
    starts from the same board."""
    window, bare = app_window(folder, notes), bare_board(folder, notes)
    overview(window) if zoomed_out else at_100(window)
    match(bare, window)
    grab_ids = nearest_notes(window, 20)
    steps, drops, undos, grabs = [], [], [], []
    for cycle in range(repeat(ALL_CYCLES)):
        handles.trigger(window, "edit.select_all")
        settle()
        _grabbed, grab = grab_point(view_of(window), [handles.note_item(window, note_id) for note_id in grab_ids])
        presses: list[float] = []
        times, dropped = drag(view_of(window), grab, repeat(ALL_STEPS), across=-1 if cycle % 2 else 1, presses=presses)
        grabs.append(_pick_up(presses[0], times))
        steps += times
        drops.append(dropped)
        undos.append(gesture_s(lambda: handles.trigger(window, "edit.undo")))
    handles.scene(window).clearSelection()

    every = list(bare.items)
    save = raw_save_positions(bare, every)
    bare_steps, bare_drops, bare_undos, bare_grabs = [], [], [], []
    for cycle in range(repeat(ALL_CYCLES)):
        before = {note_id: bare.items[note_id].pos() for note_id in every}
        bare.select_all()
        settle()
        grabbed, grab = grab_point(bare.view, [bare.items[note_id] for note_id in grab_ids])
        presses = []
        times, dropped = drag(bare.view, grab, repeat(ALL_STEPS), *bare_drag_work(bare, every, grabbed),
                              across=-1 if cycle % 2 else 1, presses=presses)
        bare_grabs.append(_pick_up(presses[0], times))
        bare_steps += times
        bare_drops.append(dropped)

        def undo(before: dict[str, QPointF] = before) -> None:
            for note_id, pos in before.items():
                bare.items[note_id].setPos(pos)
            if bare.blocks.isVisible():
                bare.blocks.follow(bare.items)
            save()

        bare_undos.append(gesture_s(undo))
    bare.scene.clearSelection()
    settle()
    return (Measurement.of(steps, bare_steps, 1000), Measurement.of(drops, bare_drops, 1000),
            Measurement.of(undos, bare_undos, 1000), Measurement.of(grabs, bare_grabs, 1000))


def measure_grab_all(folder: Path, notes: int) -> Measurement:
    """Every note picked up at Fit All: the slowest of the press and the drag's first steps."""
    return _move_all(folder, notes)[3]


def measure_grab_all_100pct(folder: Path, notes: int) -> Measurement:
    """Every note picked up at 100% (bare: Qt's press and first steps moving every item)."""
    return _move_all(folder, notes, False)[3]


def measure_drag_all(folder: Path, notes: int) -> Measurement:
    return _move_all(folder, notes)[0]


def measure_drag_all_100pct(folder: Path, notes: int) -> Measurement:
    """Every note dragged zoomed in: the facilitator sees a few dozen of them move."""
    return _move_all(folder, notes, False)[0]


def measure_drop_all(folder: Path, notes: int) -> Measurement:
    return _move_all(folder, notes)[1]


def measure_undo_move_all(folder: Path, notes: int) -> Measurement:
    return _move_all(folder, notes)[2]


# --- find, save, paste -----------------------------------------------------------------------


def type_query(field: QLineEdit, query: str) -> list[float]:
    """Each key typed into the field (real key events), to the end of its repaint."""
    field.setFocus()
    times = [gesture_s(lambda char=char: QTest.keyClick(field, char)) for char in query]
    field.clear()
    settle()
    return times


def measure_find_keystroke(folder: Path, notes: int) -> Measurement:
    """Typing into the find bar; the bare baseline finds in texts folded once, selects and
    centres the first match, as the app does."""
    window, bare = app_window(folder, notes), bare_board(folder, notes)
    at_100(window)
    match(bare, window)
    handles.trigger(window, "edit.find")
    settle()
    field = handles.find_field(window)
    values = [time for _ in range(repeat(FIND_PASSES)) for time in type_query(field, FIND_QUERY)]
    QTest.keyClick(field, Qt.Key.Key_Escape)  # closed, so later edits do not find again
    settle()

    bare_field = QLineEdit()
    bare_field.show()

    def bare_find(text: str) -> None:
        found = bare.find(text)
        bare.scene.clearSelection()
        if found:
            item = bare.items[found[0]]
            item.setSelected(True)
            bare.view.centerOn(item)

    bare_field.textChanged.connect(bare_find)
    settle()
    baselines = [time for _ in range(repeat(FIND_PASSES)) for time in type_query(bare_field, FIND_QUERY)]
    bare_field.close()
    return Measurement.of(values, baselines, 1000)


def measure_save_edit(folder: Path, notes: int) -> Measurement:
    """One text edit through the undo history, saved, and the repaint of that turn."""
    window, bare = app_window(folder, notes), bare_board(folder, notes)
    at_100(window)
    match(bare, window)
    note_id = nearest_notes(window, 1)[0]
    values = [gesture_s(lambda index=index: handles.edit_text(window, note_id, f"Edited {index}"))
              for index in range(repeat(SAVE_REPEAT))]

    connection = bare.raw_connection()

    def bare_edit(index: int) -> None:
        connection.execute("BEGIN")
        connection.execute("UPDATE notes SET text = ? WHERE id = ?", (f"Raw {index}", note_id))
        connection.execute("COMMIT")
        bare.texts[note_id].setText(f"Raw {index}")

    baselines = [gesture_s(lambda index=index: bare_edit(index)) for index in range(repeat(SAVE_REPEAT))]
    connection.close()
    return Measurement.of(values, baselines, 1000)


def measure_delete_all(folder: Path, notes: int) -> Measurement:
    """Select All at Fit All, then time Delete (the action, its save and repaint); each undone
    and the board's items made again before the next. The bare board: every item it has
    selected by an area, taken out of the scene and its row deleted in one transaction."""
    window, bare = app_window(folder, notes), bare_board(folder, notes)
    overview(window)
    match(bare, window)
    values = []
    for _ in range(repeat(DELETE_REPEAT)):
        handles.trigger(window, "edit.select_all")
        settle()
        values.append(gesture_s(lambda: handles.trigger(window, "edit.delete")))
        handles.trigger(window, "edit.undo")
        while handles.busy(window):
            settle()
    handles.scene(window).clearSelection()

    connection = bare.raw_connection()
    # Each note's row by id, to put back only the rows of the notes deleted (the first column
    # again): the library also holds the rows the bare paste added, whose items it took away.
    rows = {row[0]: row[1:] for row in connection.execute("SELECT id, * FROM notes WHERE session_id = ?", (bare.session_id,))}
    marks = ", ".join("?" * len(next(iter(rows.values())))) if rows else ""
    baselines = []
    for _ in range(repeat(DELETE_REPEAT)):
        bare.select_all()
        settle()
        gone = [(note_id, item) for note_id, item in bare.items.items() if item.isSelected()]

        forgotten: dict[str, object] = {}

        def delete(gone: list[tuple[str, QGraphicsItem]] = gone, forgotten: dict[str, object] = forgotten) -> None:
            for _note_id, item in gone:
                bare.scene.removeItem(item)
            if bare.blocks.isVisible():
                forgotten.update(bare.blocks.forget([note_id for note_id, _item in gone]))
            connection.execute("BEGIN")
            connection.executemany("DELETE FROM notes WHERE id = ?", [(note_id,) for note_id, _item in gone])
            connection.execute("COMMIT")

        baselines.append(gesture_s(delete))
        connection.execute("BEGIN")
        connection.executemany(f"INSERT INTO notes VALUES ({marks})", [rows[note_id] for note_id, _item in gone])
        connection.execute("COMMIT")
        for _note_id, item in gone:
            bare.scene.addItem(item)
            item.setSelected(False)
        bare.blocks.restore(forgotten)  # type: ignore[arg-type]
        settle()
    connection.close()
    return Measurement.of(values, baselines, 1000)


def measure_paste_1000(folder: Path, notes: int) -> Measurement:
    """Copy 1,000 notes, then time Paste (the action, its save and repaint); each paste undone."""
    window, bare = app_window(folder, notes), bare_board(folder, notes)
    at_100(window)
    match(bare, window)
    count = min(PASTED, notes)
    handles.select_only(window, nearest_notes(window, count))
    handles.trigger(window, "edit.copy")
    values = []
    for _ in range(repeat(PASTE_REPEAT)):
        values.append(gesture_s(lambda: handles.trigger(window, "edit.paste")))
        handles.trigger(window, "edit.undo")
        settle()
    handles.scene(window).clearSelection()

    sources = [bare.items[note_id] for note_id in list(bare.items)[:count]]
    baselines = []
    for _ in range(repeat(PASTE_REPEAT)):
        made: list[object] = []

        def paste(made: list[object] = made) -> None:
            connection = bare.raw_connection()
            rows = []
            for source in sources:
                note_id = uuid.uuid4().hex
                item = bare.copy_item(source, QPointF(30, 30))
                made.append(item)
                rows.append((note_id, bare.session_id, item.x(), item.y(), bare.text_of(source)))
            connection.execute("BEGIN")
            connection.executemany(
                "INSERT INTO notes (id, session_id, lane_id, text, x, y, width, height, colour, created, updated)"
                " VALUES (?, ?, NULL, ?, ?, ?, 200, 150, NULL, datetime('now'), datetime('now'))",
                [(note_id, session_id, text, x, y) for note_id, session_id, x, y, text in rows],
            )
            connection.execute("COMMIT")
            connection.close()

        baselines.append(gesture_s(paste))
        bare.remove_items(made)
        settle()
    return Measurement.of(values, baselines, 1000)


FIGURES = [
    Figure("frame_100pct_ms", "ms", 16.0, measure_frame_100),
    Figure("frame_overview_ms", "ms", 16.0, measure_frame_overview),
    Figure("zoom_switch_ms", "ms", 16.0, measure_zoom_switch),
    Figure("drag_200_ms", "ms", 8.0, measure_drag_200),
    Figure("drop_200_ms", "ms", 20.0, measure_drop_200),
    Figure("drag_200_overview_ms", "ms", 8.0, measure_drag_200_overview),
    Figure("select_all_ms", "ms", 20.0, measure_select_all),
    Figure("grab_all_ms", "ms", 16.0, measure_grab_all),
    Figure("drag_all_ms", "ms", 16.0, measure_drag_all),
    Figure("drag_all_100pct_ms", "ms", 16.0, measure_drag_all_100pct),
    Figure("grab_all_100pct_ms", "ms", 16.0, measure_grab_all_100pct),
    Figure("drop_all_ms", "ms", 100.0, measure_drop_all),
    Figure("undo_move_all_ms", "ms", 100.0, measure_undo_move_all),
    Figure("find_keystroke_ms", "ms", 10.0, measure_find_keystroke),
    Figure("save_edit_ms", "ms", 2.0, measure_save_edit),
    Figure("paste_1000_ms", "ms", 100.0, measure_paste_1000),
    Figure("delete_all_ms", "ms", 100.0, measure_delete_all),
]
