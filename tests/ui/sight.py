"""What a view shows of the notes: every note item in its sight must draw itself (a note item
flagged ``ItemHasNoContents`` there would be a blank, missing note)."""

from __future__ import annotations

from PySide6.QtWidgets import QGraphicsView

from canvasapp.ui.board.note_item import NoteItem

NO_CONTENTS = NoteItem.GraphicsItemFlag.ItemHasNoContents


def undrawn_in_sight(view: QGraphicsView) -> list[str]:
    """The notes ``view`` shows whose items draw nothing (none may be, unless the blocks draw)."""
    sight = view.mapToScene(view.viewport().rect()).boundingRect()
    return sorted(
        item.note_id for item in view.scene().items()
        if isinstance(item, NoteItem) and item.isVisible() and item.flags() & NO_CONTENTS
        and item.sceneBoundingRect().intersects(sight)
    )
