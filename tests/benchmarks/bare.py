"""The bare baseline: the same notes in plain Qt, doing the same work the app does.

Plain ``QGraphicsRectItem`` + ``QGraphicsSimpleTextItem`` notes, each a top-level item in the
scene's BSP index (selectable and movable, so Qt's own C++ moves a selection under the mouse);
below the same zoom threshold as the app they are flagged as having no contents and one item
draws every note as a block with one ``drawRects`` per colour (the app's level of detail,
without the app). Nothing here imports canvasapp: the fresh-process baselines import only
PySide6 and sqlite3.
"""

from __future__ import annotations

import sqlite3
import time
import unicodedata
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QBrush, QColor, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import (
    QApplication,
    QGraphicsItem,
    QGraphicsRectItem,
    QGraphicsScene,
    QGraphicsSimpleTextItem,
    QGraphicsView,
    QStyleOptionGraphicsItem,
    QWidget,
)

VIEWPORT = QSize(1600, 1000)
#: The app draws blocks below this zoom (canvasapp.ui.board.note_item.DETAIL_THRESHOLD).
DETAIL_THRESHOLD = 0.25
_MOVABLE = QGraphicsItem.GraphicsItemFlag.ItemIsSelectable | QGraphicsItem.GraphicsItemFlag.ItemIsMovable
_NO_CONTENTS = QGraphicsItem.GraphicsItemFlag.ItemHasNoContents
NOTE_COLUMNS = "id, lane_id, text, x, y, width, height, colour"


def settle() -> None:
    """Let Qt deliver what is pending, paints included (a scene update posts the repaint)."""
    QApplication.processEvents()
    QApplication.processEvents()


def fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(char for char in decomposed if not unicodedata.combining(char))


class BareView(QGraphicsView):
    """A plain view (a subclass only so its protected paint path can be timed)."""


class PaintTimer(QObject):
    """Times each real paint of a view's viewport, as Qt delivers it."""

    def __init__(self, view: QGraphicsView) -> None:
        super().__init__()
        self.view = view
        self.paints_ms: list[float] = []
        view.viewport().installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.view.viewport() and event.type() == QEvent.Type.Paint:
            start = time.perf_counter()
            self.view.viewportEvent(event)  # the view's own paint, run here to time it
            self.paints_ms.append((time.perf_counter() - start) * 1000)
            return True
        return False

    def remove(self) -> None:
        self.view.viewport().removeEventFilter(self)


class Blocks(QGraphicsItem):
    """Every note as a block of its colour: one ``drawRects`` per colour.

    A moving selection is drawn as its own groups under one translation, so a drag step costs
    a repaint, not a loop over the moved notes; the rectangles are updated once, on the drop.
    """

    def __init__(self, notes: dict[str, tuple[QRectF, QColor]], bounds: QRectF) -> None:
        super().__init__()
        self.notes = notes
        self.moving: set[str] = set()
        self.offset = QPointF()
        self.still: list[tuple[QColor, list[QRectF]]] = []
        self.carried: list[tuple[QColor, list[QRectF]]] = []
        self._group()
        # Room for the board to be dragged around without a geometry change per step.
        self.bounds = bounds.adjusted(-bounds.width(), -bounds.height(), bounds.width(), bounds.height())
        self.setZValue(0.5)

    def _group(self) -> None:
        still: dict[int, tuple[QColor, list[QRectF]]] = {}
        carried: dict[int, tuple[QColor, list[QRectF]]] = {}
        for note_id, (rect, colour) in self.notes.items():
            target = carried if note_id in self.moving else still
            target.setdefault(colour.rgba(), (colour, []))[1].append(rect)
        self.still, self.carried = list(still.values()), list(carried.values())

    def start_moving(self, note_ids: list[str]) -> None:
        self.moving, self.offset = set(note_ids), QPointF()
        self._group()

    def move_by(self, offset: QPointF) -> None:
        self.offset = offset
        self.update()

    def forget(self, note_ids: list[str]) -> dict[str, tuple[QRectF, QColor]]:
        """These notes' blocks taken away (a deletion); returns them for :meth:`restore`."""
        gone = {note_id: self.notes.pop(note_id) for note_id in note_ids if note_id in self.notes}
        self._group()
        self.update()
        return gone

    def restore(self, notes: dict[str, tuple[QRectF, QColor]]) -> None:
        self.notes.update(notes)
        self._group()
        self.update()

    def finish_moving(self) -> None:
        for note_id in self.moving:
            self.notes[note_id][0].translate(self.offset)
        self.moving, self.offset = set(), QPointF()
        self._group()
        self.update()

    def follow(self, items: dict[str, QGraphicsRectItem]) -> None:
        """Every block where its item now is (after the items were moved some other way)."""
        for note_id, item in items.items():
            self.notes[note_id][0].moveTo(item.pos())
        self._group()
        self.update()

    def boundingRect(self) -> QRectF:
        return self.bounds

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        painter.setPen(Qt.PenStyle.NoPen)
        for groups in (self.still, self.carried):
            for colour, rects in groups:
                painter.setBrush(colour)
                painter.drawRects(rects)
            painter.translate(self.offset)


class BareBoard:
    """The notes of one session read with a raw SELECT and shown in a plain scene and view."""

    def __init__(self, library: Path, session_id: str, lane_colours: dict[str, str] | None = None) -> None:
        self.library = library
        self.session_id = session_id
        with sqlite3.connect(library) as connection:
            rows = connection.execute(f"SELECT {NOTE_COLUMNS} FROM notes WHERE session_id = ?", (session_id,)).fetchall()
            lanes = dict(connection.execute("SELECT id, colour FROM lanes WHERE session_id = ?", (session_id,)).fetchall())
        connection.close()
        lanes.update(lane_colours or {})
        self.scene = QGraphicsScene()
        self.scene.setItemIndexMethod(QGraphicsScene.ItemIndexMethod.BspTreeIndex)
        self.items: dict[str, QGraphicsRectItem] = {}
        self.texts: dict[str, QGraphicsSimpleTextItem] = {}
        self.folded: list[tuple[str, str]] = []
        pen = QPen(QColor("#555555"))
        blocks: dict[str, tuple[QRectF, QColor]] = {}
        bounds = QRectF()
        for note_id, lane_id, text, x, y, width, height, colour in rows:
            fill = QColor(colour or lanes.get(lane_id) or "#FFF2A8")
            item = QGraphicsRectItem(0, 0, width, height)
            item.setZValue(1)
            item.setBrush(QBrush(fill))
            item.setPen(pen)
            item.setPos(x, y)
            item.setFlags(_MOVABLE)
            label = QGraphicsSimpleTextItem(text, item)
            label.setPos(10, 10)
            self.scene.addItem(item)
            self.items[note_id] = item
            self.texts[note_id] = label
            self.folded.append((note_id, fold(text)))
            rect = QRectF(x, y, width, height)
            blocks[note_id] = (rect, fill)
            bounds = bounds.united(rect)
        self.blocks = Blocks(blocks, bounds)
        self.blocks.setVisible(False)
        self.scene.addItem(self.blocks)
        self.board_rect = bounds
        self.view = BareView(self.scene)
        self.view.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
        self.view.setOptimizationFlag(QGraphicsView.OptimizationFlag.DontAdjustForAntialiasing, True)
        self.view.setTransformationAnchor(QGraphicsView.ViewportAnchor.NoAnchor)
        self.view.resize(VIEWPORT.width() + 40, VIEWPORT.height() + 40)

    def show(self) -> None:
        self.view.show()
        settle()
        size_viewport(self.view)

    def set_overview(self, overview: bool) -> None:
        """Blocks instead of notes (what the app does below its detail threshold): the notes
        are flagged as having no contents, which Qt skips in C++ while still hit-testing and
        moving them (fully transparent or hidden items would not be hit any more)."""
        if overview == self.blocks.isVisible():
            return
        for item in self.items.values():
            item.setFlag(_NO_CONTENTS, overview)
        for label in self.texts.values():
            label.setFlag(_NO_CONTENTS, overview)
        self.blocks.setVisible(overview)

    def copy_item(self, source: QGraphicsRectItem, offset: QPointF) -> QGraphicsRectItem:
        """A new plain note like ``source``, ``offset`` away (a paste)."""
        item = QGraphicsRectItem(source.rect())
        item.setZValue(1)
        self.scene.addItem(item)
        item.setBrush(source.brush())
        item.setPen(source.pen())
        item.setPos(source.pos() + offset)
        item.setFlags(_MOVABLE)
        QGraphicsSimpleTextItem(self.text_of(source), item).setPos(10, 10)
        return item

    @staticmethod
    def text_of(item: QGraphicsRectItem) -> str:
        label = item.childItems()[0]
        assert isinstance(label, QGraphicsSimpleTextItem)
        return label.text()

    def remove_items(self, items: list[object]) -> None:
        for item in items:
            assert isinstance(item, QGraphicsItem)
            self.scene.removeItem(item)

    def look_at(self, scale: float, centre: QPointF) -> None:
        self.view.resetTransform()
        self.view.scale(scale, scale)
        self.view.centerOn(centre)
        self.set_overview(scale < DETAIL_THRESHOLD)
        settle()

    def show_lanes(self) -> None:
        """The app's opening view: the board's whole width, from the top."""
        board = self.board_rect
        visible = QRectF(board.x(), board.y(), board.width(), min(board.height(), board.width() * 0.6))
        self.view.fitInView(visible.adjusted(-40, -40, 40, 40), Qt.AspectRatioMode.KeepAspectRatio)
        self.set_overview(self.view.transform().m11() < DETAIL_THRESHOLD)

    def select_all(self) -> None:
        path = QPainterPath()
        path.addRect(self.scene.sceneRect())
        self.scene.setSelectionArea(path)

    def find(self, query: str) -> list[str]:
        """An indexed find: the texts were folded once when read."""
        needle = fold(query.strip())
        return [note_id for note_id, text in self.folded if needle and needle in text]

    def raw_connection(self) -> sqlite3.Connection:
        """The library written the way the app's store does: WAL, synchronous=FULL."""
        connection = sqlite3.connect(self.library, isolation_level=None)
        for pragma in ("foreign_keys=ON", "busy_timeout=5000", "journal_mode=WAL", "synchronous=FULL"):
            connection.execute(f"PRAGMA {pragma}")
        return connection


def size_viewport(view: QGraphicsView) -> None:
    """Make the viewport exactly 1600×1000 whatever the window's frame and scroll bars take."""
    for _ in range(3):
        missing = VIEWPORT - view.viewport().size()
        if missing.isNull():
            return
        top = view.window()
        top.resize(top.size() + missing)
        settle()
