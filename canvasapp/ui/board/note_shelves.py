"""Shelves: the note items of a board held a few hundred to a parent item, rather than each
at the top of the scene.

Whenever anything on the board changes how it looks (a letter typed, a note moved, a hover),
Qt looks for what to repaint by walking the scene's top-level items one by one, in C++, at
the next turn of the event loop. With every note at the top that walk grows with the board:
one note's repaint cost 0.27 ms at 10,000 notes and 1.3 ms at 50,000, before anything was
drawn (bare PySide6, one rectangle item changed). Under shelves of ``SHELF_SIZE`` the walk
looks at the shelves, and into only the shelf whose note changed: 0.05 ms at either size.

A shelf sits at the scene's origin untransformed, so a note's position is where it is on the
board; it draws nothing and takes no events (Qt asks its notes, which its index holds each on
their own). Its extent is its square: Qt's index puts each shelf where its extent is, and
draws every shelf it finds in sight, note by note (an empty extent sat at the board's top
left corner, so every shelf was found, and walked, in every frame showing that corner: 22 ms
a frame at 50,000 notes). Its shape is empty, so no press, hover or rubber band meets it.

Qt draws a shelf by looking at each of its notes, so a shelf holds the notes of one square of
the board (``TILE``, where the note was when its item was made): at 100% a view shows parts
of a few shelves, not a note of every shelf (notes are made in the order they were written,
which is all over the board: shelves filled in that order doubled the time of a frame at
50,000 notes, 2.6 -> 5.4 ms). A square holding more notes than ``SHELF_SIZE`` fills another
shelf; an emptied shelf is taken away. A note moved keeps its shelf (moving it to another
would cost a Qt call per note of a drop of thousands): a shelf's notes drift apart only as
notes are dragged one by one across the board.

Notes with the same height stack in the order of their shelves, then of the notes on one:
notes made later lie over earlier ones of the same square, as at the top of the scene; which
of two overlapping notes of different squares lies on top follows the order in which their
squares first got a note (the layout keeps notes apart: they overlap while one is dragged,
or on a board written so elsewhere).
"""

from __future__ import annotations

from PySide6.QtCore import QRectF
from PySide6.QtGui import QPainter, QPainterPath
from PySide6.QtWidgets import QGraphicsItem, QGraphicsScene, QStyleOptionGraphicsItem, QWidget

#: How many notes a shelf holds at most: the walk for one change looks at every shelf and at
#: each note of one.
SHELF_SIZE = 256
#: The side of a shelf's square of the board (points): a little more than a 1920-pixel view
#: at 100%, about a hundred notes packed.
TILE = 2048.0


class Shelf(QGraphicsItem):
    """A parent for up to :data:`SHELF_SIZE` note items; nothing of its own."""

    def __init__(self, z: float, tile: tuple[float, float]) -> None:
        super().__init__()
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemHasNoContents)
        self.setZValue(z)
        self.held = 0
        self.tile = tile
        self._square = QRectF(tile[0] * TILE, tile[1] * TILE, TILE, TILE)

    def boundingRect(self) -> QRectF:
        return self._square

    def shape(self) -> QPainterPath:
        return QPainterPath()

    def paint(self, _painter: QPainter, _option: QStyleOptionGraphicsItem, _widget: QWidget | None = None) -> None:
        pass  # ItemHasNoContents: never called


class NoteShelves:
    """Puts note items on shelves in a scene and takes them off."""

    def __init__(self, scene: QGraphicsScene, z: float) -> None:
        self._scene = scene
        self._z = z
        #: The shelf each square fills now.
        self._filling: dict[tuple[float, float], Shelf] = {}

    def put(self, item: QGraphicsItem, x: float, y: float) -> None:
        """``item`` into the scene, on the shelf of the square holding ``x, y`` (a new one once
        that is full)."""
        tile = (x // TILE, y // TILE)
        shelf = self._filling.get(tile)
        if shelf is None or shelf.held >= SHELF_SIZE:
            shelf = self._filling[tile] = Shelf(self._z, tile)
            self._scene.addItem(shelf)
        item.setParentItem(shelf)
        shelf.held += 1

    def take(self, item: QGraphicsItem) -> None:
        """``item`` out of the scene; its shelf too once nothing is left on it."""
        shelf = item.parentItem()
        item.setParentItem(None)  # type: ignore[arg-type]  # off its shelf first: Qt takes no parent
        self._scene.removeItem(item)
        if isinstance(shelf, Shelf):
            shelf.held -= 1
            if not shelf.held:
                if self._filling.get(shelf.tile) is shelf:
                    del self._filling[shelf.tile]
                self._scene.removeItem(shelf)
