"""Shelves: the note items of a board held a few hundred to a parent item, rather than each
at the top of the scene.

Whenever anything on the board changes how it looks (a letter typed, a note moved, a hover),
Qt looks for what to repaint by walking the scene's top-level items one by one, in C++, at
the next turn of the event loop. With every note at the top that walk grows with the board:
one note's repaint cost 0.27 ms at 10,000 notes and 1.3 ms at 50,000, before anything was
drawn (bare PySide6, one rectangle item changed). Under shelves of ``SHELF_SIZE`` the walk
looks at the shelves, and into only the shelf whose note changed: 0.05 ms at either size.

A shelf sits at the scene's origin untransformed, so a note's position is where it is on the
board; it draws nothing, has no extent and takes no events (Qt asks its notes, which its
index holds each on their own). Notes go onto the last shelf in the order they are made, a
new shelf once that one is full, so the notes stack on one another exactly as they did at
the top of the scene (in the order they were made, all at the note's height ``NOTE_Z``), and
an emptied shelf is taken away.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QGraphicsItem, QGraphicsScene, QStyleOptionGraphicsItem, QWidget

#: How many notes a shelf holds: the walk for one change looks at every shelf and at each
#: note of one (about 400 calls at 50,000 notes, against 50,000).
SHELF_SIZE = 256


class Shelf(QGraphicsItem):
    """A parent for up to :data:`SHELF_SIZE` note items; nothing of its own."""

    def __init__(self, z: float) -> None:
        super().__init__()
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemHasNoContents)
        self.setZValue(z)
        self.held = 0

    def boundingRect(self) -> QRectF:
        return QRectF()

    def paint(self, _painter: QPainter, _option: QStyleOptionGraphicsItem, _widget: QWidget | None = None) -> None:
        pass  # ItemHasNoContents: never called


class NoteShelves:
    """Puts note items on shelves in a scene and takes them off."""

    def __init__(self, scene: QGraphicsScene, z: float) -> None:
        self._scene = scene
        self._z = z
        self._last: Shelf | None = None

    def put(self, item: QGraphicsItem) -> None:
        """``item`` into the scene, on the last shelf (a new one once that is full)."""
        shelf = self._last
        if shelf is None or shelf.held >= SHELF_SIZE:
            shelf = self._last = Shelf(self._z)
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
                if shelf is self._last:
                    self._last = None
                self._scene.removeItem(shelf)
