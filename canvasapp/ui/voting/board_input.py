"""The board while someone votes: a click or tap is a dot, nothing edits.

Installed on the board view as an event filter only for a voter's turn. Presses on the viewport
become intents with ids (``item_clicked``); drags and double-clicks never reach the board
meanwhile. The keys of a turn (walk, place, take back, Done) are actions of the table, scope
"turn", switched on for the turn while the board's own keys are off.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QPointF, Qt, Signal
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QGraphicsView

from canvasapp.ui.board.note_item import NoteItem
from canvasapp.ui.voting.dot_badges import DotBadgeItem

_MOUSE = (
    QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonRelease, QEvent.Type.MouseButtonDblClick,
    QEvent.Type.MouseMove,
)


class VotingInput(QObject):
    """Turns the board's mouse into voting intents while installed."""

    item_clicked = Signal(str, QPointF)
    """``(note id, scene position)``: a press on a note (or a dot on it)."""

    def __init__(self, view: QGraphicsView) -> None:
        super().__init__(view)
        self._view = view
        self._active = False

    @property
    def active(self) -> bool:
        return self._active

    def set_active(self, active: bool) -> None:
        if active == self._active:
            return
        self._active = active
        if active:
            self._view.viewport().installEventFilter(self)
            self._view.setDragMode(QGraphicsView.DragMode.NoDrag)
            self._view.viewport().setCursor(Qt.CursorShape.PointingHandCursor)
            self._view.setFocus()
        else:
            self._view.viewport().removeEventFilter(self)
            self._view.setDragMode(QGraphicsView.DragMode.RubberBandDrag)
            self._view.viewport().unsetCursor()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if watched is self._view.viewport() and kind == QEvent.Type.ContextMenu:
            return True  # no menu for the person voting
        if watched is self._view.viewport() and kind in _MOUSE:
            mouse = event  # a QMouseEvent (touch arrives as synthesized mouse presses)
            assert isinstance(mouse, QMouseEvent)
            if kind == QEvent.Type.MouseButtonPress and mouse.button() == Qt.MouseButton.LeftButton:
                self._press(mouse)
            # Middle-drag still pans (the view's own handling), everything else is ours.
            return not (mouse.buttons() & Qt.MouseButton.MiddleButton or mouse.button() == Qt.MouseButton.MiddleButton)
        return False

    def _press(self, mouse: QMouseEvent) -> None:
        scene_pos = self._view.mapToScene(mouse.position().toPoint())
        item = self._view.scene().itemAt(scene_pos, self._view.transform())
        if isinstance(item, (DotBadgeItem, NoteItem)):
            self.item_clicked.emit(item.note_id, scene_pos)
        elif item is not None and isinstance(parent := item.parentItem(), NoteItem):
            self.item_clicked.emit(parent.note_id, scene_pos)
