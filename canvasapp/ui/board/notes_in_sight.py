"""Which note items draw themselves: those a view shows in detail, not every note of the board.

Zoomed out, the blocks draw every note (``note_blocks.py``) and every note item is flagged
``ItemHasNoContents``. Giving all of them their contents back at each zoom in cost a Qt call per
item (9 ms at 10,000 notes, 45 at 50,000, most of a zoom switch), so an item gets its contents
only when it may be seen: when a view shows it (here), or when it is made, moved, resized,
unfolded or dragged while the notes are drawn in detail (``BoardScene.reshaped`` and the drag).
Zooming out takes them away again from those items alone.

Each view looks at what it shows, and at a viewport's width and height around it, once per
zoom and again only when a scroll leaves that area: marking items costs more than the items
(Qt then walks every item of the board, 1 ms at 10,000 notes), so a scroll must not mark a few
at every step.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF
from PySide6.QtWidgets import QGraphicsView

from canvasapp.ui.board.note_item import DETAIL_THRESHOLD
from canvasapp.ui.board.scene import BoardScene


class NotesInSight:
    """Keeps the notes ``view`` shows drawing themselves; ``at_any_zoom`` for a view that draws
    notes in detail even below the detail threshold (the audience's, while the facilitator's
    view is zoomed in and the blocks are not drawn)."""

    def __init__(self, view: QGraphicsView, *, at_any_zoom: bool = False) -> None:
        self._view = view
        self._at_any_zoom = at_any_zoom
        #: Where the notes draw themselves for this view, and at which zoom and scene
        #: generation (``BoardScene.drawn_generation``) that holds.
        self._area = QRectF()
        self._for: tuple[float, int] | None = None

    def keep(self) -> None:
        """Call before the view paints, and after it scrolls or zooms."""
        view = self._view
        scene = view.scene()
        zoom = view.transform().m11()
        # Not while the window is taken apart; not zoomed out (by the zoom rather than by the
        # blocks: a zoom out scrolls before the blocks take over).
        if not isinstance(scene, BoardScene) or (zoom < DETAIL_THRESHOLD and not self._at_any_zoom):
            return
        sight = view.mapToScene(view.viewport().rect()).boundingRect()
        key = (zoom, scene.drawn_generation)
        if key == self._for and self._area.contains(sight):
            return
        area = sight.adjusted(-sight.width(), -sight.height(), sight.width(), sight.height())
        # At a new zoom the view repaints all of itself anyway.
        # Remembered only if done: zooming in scrolls before the blocks hand the notes back.
        if scene.draw_notes_in(area, repainted_whole=key != self._for):
            self._for, self._area = key, area
