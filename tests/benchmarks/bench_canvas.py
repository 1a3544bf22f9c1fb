"""The canvas figures in docs/ARCHITECTURE.md: open, frames at 100% and fit-all, drag, save.

All run on one N-note session in a temporary library (built once per run) and each measures a
bare baseline beside it in the same run: a raw sqlite3 SELECT for opening, plain
``QGraphicsRectItem`` + ``QGraphicsSimpleTextItem`` for frames and drags, a raw sqlite3 UPDATE
and commit for saving.
"""

from __future__ import annotations

import math
import random
import sqlite3
import statistics
import time
from collections.abc import Callable
from functools import cache
from pathlib import Path

from common import Figure, Measurement
from PySide6.QtCore import QCoreApplication, QEvent, QObject, QPoint, QPointF, QSettings, QSize, Qt
from PySide6.QtGui import QBrush, QColor, QImage, QPen
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QApplication,
    QGraphicsRectItem,
    QGraphicsScene,
    QGraphicsSimpleTextItem,
    QGraphicsView,
)

from canvasapp.app import application, open_main_window
from canvasapp.commands import EditNoteText
from canvasapp.formats.template_io import session_from_template
from canvasapp.formats.template_library import find_template
from canvasapp.model import Note, new_id
from canvasapp.model.entities import NOTE_HEIGHT, NOTE_WIDTH
from canvasapp.ops.layout import LANE_HEADER_HEIGHT, NOTE_GAP
from canvasapp.storage import SessionRepository, open_library
from canvasapp.ui.window.main_window import MainWindow

VIEWPORT = QSize(1600, 1000)
FRAME_REPEAT = 21
DRAG_STEPS = 40
DRAGGED = 200
SAVE_REPEAT = 21
_WORDS = ["members", "want", "to", "feel", "heard", "time", "pressure", "volunteers", "burn", "out", "shared", "meals", "welcome", "new", "people", "trust", "grows", "slowly", "nobody", "owns", "the", "newsletter", "clear", "roles", "local", "pride", "stories", "of", "change", "funding", "gaps", "childcare", "at", "meetings", "a", "safe", "place", "to", "disagree", "consent", "before", "photos", "rituals", "mark", "beginnings", "the", "hall", "is", "cold", "on", "Tuesdays", "mentors", "for", "first", "timers"]


# --- the board ---------------------------------------------------------------------------


def note_texts(count: int, seed: int = 3) -> list[str]:
    """What a room says: a few words to a couple of sentences, reproducibly."""
    rng = random.Random(seed)
    return [" ".join(rng.choice(_WORDS) for _ in range(rng.choice((2, 3, 5, 8, 12, 20)))).capitalize()
            for _ in range(count)]


@cache
def board(folder: Path, notes: int) -> tuple[Path, str]:
    """A library with one session of ``notes`` notes in the default template's lanes.

    Lanes are widened so the board keeps roughly a screen's proportions (a 10,000-note board
    three notes wide would be a 130,000-pixel-tall strip no one would build).
    """
    path = folder / "canvas-bench.sqlite"
    session = session_from_template(find_template(None), f"Benchmark, {notes} notes")
    lanes = session.lanes
    per_lane = math.ceil(notes / len(lanes))
    columns = max(3, round(math.sqrt(1.6 * (NOTE_HEIGHT + NOTE_GAP) * per_lane / (len(lanes) * (NOTE_WIDTH + NOTE_GAP)))))
    x = 0.0
    for lane in lanes:
        lane.width = NOTE_GAP + columns * (NOTE_WIDTH + NOTE_GAP)
    texts = iter(note_texts(notes))
    batch: list[Note] = []
    for lane_index, lane in enumerate(lanes):
        count = min(per_lane, notes - lane_index * per_lane)
        for index in range(max(0, count)):
            column, row = index % columns, index // columns
            batch.append(Note(
                id=new_id(), lane_id=lane.id, text=next(texts),
                x=x + NOTE_GAP + column * (NOTE_WIDTH + NOTE_GAP),
                y=LANE_HEADER_HEIGHT + NOTE_GAP + row * (NOTE_HEIGHT + NOTE_GAP),
            ))
        x += lane.width + 24.0
    session.add_notes(batch)
    library = open_library(path)
    try:
        SessionRepository(library).add(session)
    finally:
        library.close()
    return path, session.id


def qt_app(folder: Path) -> QApplication:
    """The app, with settings in the run's own folder (never the user's)."""
    if QCoreApplication.instance() is None:
        QSettings.setDefaultFormat(QSettings.Format.IniFormat)
        QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder / "settings"))
    return application()


def settle() -> None:
    """Let Qt deliver what is pending, paints included (a scene update posts the repaint)."""
    QApplication.processEvents()
    QApplication.processEvents()


class _PaintWatcher(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.painted = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.painted = True
        return False


def open_window(folder: Path, notes: int) -> MainWindow:
    path, session_id = board(folder, notes)
    window = open_main_window(str(path), session_id, templates_dir=folder / "templates")
    watcher = _PaintWatcher()
    assert window.view is not None
    window.view.viewport().installEventFilter(watcher)
    window.resize(VIEWPORT.width() + 60, VIEWPORT.height() + 200)
    window.show()
    deadline = time.perf_counter() + 30
    while not watcher.painted and time.perf_counter() < deadline:
        QApplication.processEvents()
    window.view.viewport().removeEventFilter(watcher)
    return window


def close_window(window: MainWindow) -> None:
    window.close()
    window.library.close()
    window.deleteLater()
    settle()


def size_viewport(view: QGraphicsView) -> None:
    """Make the viewport exactly 1600×1000 whatever the window's frame and scroll bars take."""
    for _ in range(3):
        missing = VIEWPORT - view.viewport().size()
        if missing.isNull():
            return
        top = view.window()
        top.resize(top.size() + missing)
        settle()


@cache
def app_window(folder: Path, notes: int) -> MainWindow:
    """One open window shared by the frame, drag and save figures."""
    qt_app(folder)
    window = open_window(folder, notes)
    assert window.view is not None
    size_viewport(window.view)
    return window


def dense_point(window: MainWindow) -> QPointF:
    """A point in the middle of the first lane's notes: a full screen of notes at 100%."""
    assert window.document is not None
    first = min(window.document.session.notes, key=lambda note: (note.x, note.y))
    return QPointF(first.x + VIEWPORT.width() / 2, first.y + VIEWPORT.height() / 2)


# --- the bare baseline ------------------------------------------------------------------


class BareBoard:
    """The same notes as plain rect + simple text items in a plain scene and view."""

    def __init__(self, window: MainWindow) -> None:
        assert window.document is not None
        self.scene = QGraphicsScene()
        self.scene.setItemIndexMethod(QGraphicsScene.ItemIndexMethod.BspTreeIndex)
        self.items: dict[str, QGraphicsRectItem] = {}
        self._texts: list[QGraphicsSimpleTextItem] = []  # Python keeps the children alive
        session = window.document.session
        for note in session.notes:
            rect = QGraphicsRectItem(0, 0, note.width, note.height)
            rect.setBrush(QBrush(QColor(session.note_colour(note))))
            rect.setPen(QPen(QColor("#555555")))
            rect.setPos(note.x, note.y)
            rect.setFlag(QGraphicsRectItem.GraphicsItemFlag.ItemIsSelectable)
            text = QGraphicsSimpleTextItem(note.text)
            text.setParentItem(rect)
            text.setPos(10, 10)
            self._texts.append(text)
            self.scene.addItem(rect)
            self.items[note.id] = rect
        self.view = QGraphicsView(self.scene)
        self.view.setRenderHints(window.view.renderHints())  # type: ignore[union-attr]
        self.view.resize(VIEWPORT.width() + 40, VIEWPORT.height() + 40)
        self.view.show()
        settle()
        size_viewport(self.view)

    def match(self, window: MainWindow) -> None:
        """Show the same part of the board at the same zoom as the app's view."""
        assert window.view is not None
        self.view.setTransform(window.view.transform())
        self.view.centerOn(window.view.visible_scene_rect().center())
        settle()


@cache
def bare_board(folder: Path, notes: int) -> BareBoard:
    return BareBoard(app_window(folder, notes))


# --- measuring --------------------------------------------------------------------------


def frame_ms(view: QGraphicsView) -> float:
    """Median time to paint the viewport into one reused image."""
    image = QImage(view.viewport().size(), QImage.Format.Format_ARGB32_Premultiplied)
    times = []
    for _ in range(FRAME_REPEAT + 1):
        start = time.perf_counter()
        view.viewport().render(image)
        times.append(time.perf_counter() - start)
    return statistics.median(times[1:]) * 1000  # the first pays for fitting text once


def measure_open(folder: Path, notes: int) -> Measurement:
    path, session_id = board(folder, notes)
    qt_app(folder)
    times = []
    for _ in range(3):
        start = time.perf_counter()
        window = open_window(folder, notes)
        times.append(time.perf_counter() - start)
        close_window(window)

    def select() -> None:
        with sqlite3.connect(path) as connection:
            connection.execute("SELECT * FROM notes WHERE session_id = ?", (session_id,)).fetchall()
        connection.close()

    baseline = statistics.median(_timed(select) for _ in range(3))
    return Measurement(statistics.median(times), baseline)


def measure_frame_100(folder: Path, notes: int) -> Measurement:
    window = app_window(folder, notes)
    assert window.view is not None
    window.view.set_zoom(1.0)
    window.view.centerOn(dense_point(window))
    settle()
    bare = bare_board(folder, notes)
    bare.match(window)
    return Measurement(frame_ms(window.view), frame_ms(bare.view))


def measure_frame_overview(folder: Path, notes: int) -> Measurement:
    window = app_window(folder, notes)
    assert window.view is not None
    window.view.fit_all()
    settle()
    bare = bare_board(folder, notes)
    bare.match(window)
    return Measurement(frame_ms(window.view), frame_ms(bare.view))


def measure_drag(folder: Path, notes: int) -> Measurement:
    window = app_window(folder, notes)
    view, document = window.view, window.document
    assert view is not None and document is not None
    view.set_zoom(1.0)
    centre = dense_point(window)
    view.centerOn(centre)
    settle()
    nearest = sorted(
        document.session.notes,
        key=lambda note: math.hypot(note.x + note.width / 2 - centre.x(), note.y + note.height / 2 - centre.y()),
    )[:DRAGGED]
    scene = document.scene
    scene.clearSelection()
    for note in nearest:
        scene.note_item(note.id).setSelected(True)
    grabbed = scene.note_item(nearest[0].id)
    viewport = view.viewport()
    pos = view.mapFromScene(grabbed.sceneBoundingRect().center())
    QTest.mousePress(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, pos)
    settle()
    steps = []
    for step in range(DRAG_STEPS):
        pos = pos + QPoint(4, 3 if step % 2 else 2)
        start = time.perf_counter()
        QTest.mouseMove(viewport, pos)
        settle()
        steps.append(time.perf_counter() - start)
    QTest.mouseRelease(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, pos)
    settle()

    bare = bare_board(folder, notes)
    bare.match(window)
    moved = [bare.items[note.id] for note in nearest]
    bare_steps = []
    for step in range(DRAG_STEPS):
        delta = QPointF(4, 3 if step % 2 else 2)
        start = time.perf_counter()
        for item in moved:
            item.setPos(item.pos() + delta)
        settle()
        bare_steps.append(time.perf_counter() - start)
    return Measurement(statistics.median(steps) * 1000, statistics.median(bare_steps) * 1000)


def measure_save(folder: Path, notes: int) -> Measurement:
    window = app_window(folder, notes)
    document = window.document
    assert document is not None
    path, _session_id = board(folder, notes)
    note = document.session.notes[notes // 2]
    times = []
    for index in range(SAVE_REPEAT):
        old, new = note.text, f"Edited {index}: {note.text[:40]}"
        command = EditNoteText(note.id, old, new)
        times.append(_timed(lambda command=command: document.editor.push(command)))
    settle()

    connection = sqlite3.connect(path, isolation_level=None)
    for pragma in ("foreign_keys=ON", "busy_timeout=5000", "journal_mode=WAL", "synchronous=FULL"):
        connection.execute(f"PRAGMA {pragma}")

    def update(index: int) -> None:
        connection.execute("BEGIN")
        connection.execute("UPDATE notes SET text = ? WHERE id = ?", (f"Raw {index}", note.id))
        connection.execute("COMMIT")

    baseline = [_timed(lambda index=index: update(index)) for index in range(SAVE_REPEAT)]
    connection.close()
    return Measurement(statistics.median(times) * 1000, statistics.median(baseline) * 1000)


def _timed(action: Callable[[], object]) -> float:
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


FIGURES = [
    Figure("open_10k_s", "s", 1.0, measure_open),
    Figure("frame_100pct_ms", "ms", 10.0, measure_frame_100),
    Figure("frame_overview_ms", "ms", 50.0, measure_frame_overview),
    Figure("drag_200_ms", "ms", 5.0, measure_drag),
    Figure("save_edit_ms", "ms", 5.0, measure_save),
]
