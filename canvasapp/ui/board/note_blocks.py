"""The zoomed-out board drawn fast: every note as a block of its colour, in a few calls.

Below ``DETAIL_THRESHOLD`` a note is only a coloured block, yet Qt still calls each item's Python
``paint`` (~10 µs each: 100 ms for 10,000 notes, twice the overview's budget). So while the main
view is zoomed out, the notes are flagged ``ItemHasNoContents`` (Qt then skips them in C++, still
hit-testing and selecting them) and one :class:`NoteBlocksItem`, just above the lanes, draws
them all with one ``drawRects`` per colour from a cache rebuilt only after the board changed.
The overview map draws from the same cache.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSizeF, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from canvasapp.ui.board.audience_flag import is_audience
from canvasapp.ui.board.note_item import SELECTION_COLOUR
from canvasapp.ui.board.scene import BoardScene

#: Between the lanes (z -10) and the notes (z 1).
BLOCKS_Z = 0.5


class NoteBlocksItem(QGraphicsItem):
    """Draws the scene's notes as blocks while :attr:`active` (the main view is zoomed out)."""

    def __init__(self, scene: BoardScene) -> None:
        super().__init__()
        self._board = scene
        self._active = False
        self._dirty = True
        self._blocks: list[tuple[QColor, list[QRectF]]] = []
        self._selected: list[QRectF] = []
        self._bounds = QRectF()
        self.setZValue(BLOCKS_Z)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.setAcceptHoverEvents(False)
        scene.addItem(self)
        # Any change to any item (a move, a colour, a selection) may change a block.
        scene.changed.connect(self.invalidate)

    @property
    def active(self) -> bool:
        return self._active

    def set_active(self, active: bool) -> None:
        """Take over (or hand back) the drawing of the notes."""
        if active == self._active:
            return
        self._active = active
        no_contents = QGraphicsItem.GraphicsItemFlag.ItemHasNoContents
        for item in self._board.note_items():
            item.setFlag(no_contents, active)
        self.invalidate()

    def invalidate(self, *_regions: object) -> None:
        """Rebuild at the next paint, not now: ``changed`` comes many times while a board opens
        or a drag runs, and only the paint needs the blocks."""
        self._dirty = True
        if self._active:
            # The bounds are the board's, known without the blocks, so they are right before
            # the views repaint even though the blocks are built during that paint.
            self._grow_to(self._board.board_rect())

    def blocks(self) -> list[tuple[QColor, list[QRectF]]]:
        """The notes' rectangles in scene coordinates, grouped by colour."""
        self._rebuild()
        return self._blocks

    def draw(self, painter: QPainter, selection: bool = True) -> None:
        """Paint every note as a block (also used by the overview map)."""
        self._rebuild()
        painter.setPen(Qt.PenStyle.NoPen)
        for colour, rects in self._blocks:
            painter.setBrush(colour)
            painter.drawRects(rects)
        if self._selected and selection:
            pen = QPen(SELECTION_COLOUR, 3)
            pen.setCosmetic(True)  # visible at any zoom
            painter.setPen(pen)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRects(self._selected)

    def _rebuild(self) -> None:
        if not self._dirty:
            return
        self._dirty = False
        by_colour: dict[int, tuple[QColor, list[QRectF]]] = {}
        selected: list[QRectF] = []
        for item in self._board.note_items():
            if not item.isVisible():
                continue  # folded into a collapsed cluster's card
            width, height = item.size()
            rect = QRectF(item.pos(), QSizeF(width, height))
            colour = item.colour()
            key = colour.rgba()
            entry = by_colour.get(key)
            if entry is None:
                by_colour[key] = (colour, [rect])
            else:
                entry[1].append(rect)
            if item.isSelected():
                selected.append(rect)
        self._blocks = list(by_colour.values())
        self._selected = selected

    def _grow_to(self, rect: QRectF) -> None:
        rect = rect.adjusted(-3, -3, 3, 3)  # the selection ring
        if rect != self._bounds:
            self.prepareGeometryChange()
            self._bounds = QRectF(rect)

    # --- QGraphicsItem ------------------------------------------------------------------

    def boundingRect(self) -> QRectF:
        return self._bounds

    def shape(self) -> QPainterPath:
        # Never found by itemAt or the rubber band: clicks reach the notes and lanes below.
        return QPainterPath()

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        # While active the notes draw nothing themselves, in every view of the scene: a second
        # view zoomed further in than the main one (the audience window) still gets the blocks.
        if self._active:
            self.draw(painter, selection=not is_audience(widget))



def note_blocks_of(scene: BoardScene) -> NoteBlocksItem:
    """The scene's blocks item, made on first use (one per scene, shared by its views)."""
    found = getattr(scene, "_canvasapp_note_blocks", None)
    if isinstance(found, NoteBlocksItem):
        return found
    made = NoteBlocksItem(scene)
    scene._canvasapp_note_blocks = made  # type: ignore[attr-defined]
    return made
