"""The board while someone votes: a click or tap is a dot, keys walk and place, nothing edits.

Installed on the board view as an event filter only for a voter's turn. Presses on the viewport
become intents with ids (``item_clicked``); drags, double-clicks and the editing shortcuts
(arrows nudge, Enter edits, Backspace deletes) never reach the board meanwhile: their keys are
claimed before Qt matches shortcuts, and mean walk, place and take back instead.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QPointF, Qt, Signal
from PySide6.QtGui import QKeyEvent, QMouseEvent
from PySide6.QtWidgets import QGraphicsView

from canvasapp.ui.board.note_item import NoteItem
from canvasapp.ui.voting.dot_badges import DotBadgeItem

_MOUSE = (
    QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonRelease, QEvent.Type.MouseButtonDblClick,
    QEvent.Type.MouseMove,
)
_ARROWS = {Qt.Key.Key_Left: (-1, 0), Qt.Key.Key_Right: (1, 0), Qt.Key.Key_Up: (0, -1), Qt.Key.Key_Down: (0, 1)}
_PLACE = (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space)
_TAKE_BACK = (Qt.Key.Key_Backspace, Qt.Key.Key_Delete)


class VotingInput(QObject):
    """Turns the board's mouse and keys into voting intents while installed."""

    item_clicked = Signal(str, QPointF)
    """``(note id, scene position)``: a press on a note (or a dot on it)."""
    walked = Signal(int, int)
    """An arrow: ``(dx, dy)``."""
    place_pressed = Signal()
    """Enter or Space (the controller presses Done instead once no dots are left)."""
    take_back_pressed = Signal()
    done_pressed = Signal()

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
            self._view.installEventFilter(self)
            self._view.setDragMode(QGraphicsView.DragMode.NoDrag)
            self._view.viewport().setCursor(Qt.CursorShape.PointingHandCursor)
            self._view.setFocus()
        else:
            self._view.viewport().removeEventFilter(self)
            self._view.removeEventFilter(self)
            self._view.setDragMode(QGraphicsView.DragMode.RubberBandDrag)
            self._view.viewport().unsetCursor()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if watched is self._view.viewport() and kind in _MOUSE:
            mouse = event  # a QMouseEvent (touch arrives as synthesized mouse presses)
            assert isinstance(mouse, QMouseEvent)
            if kind == QEvent.Type.MouseButtonPress and mouse.button() == Qt.MouseButton.LeftButton:
                self._press(mouse)
            # Middle-drag still pans (the view's own handling), everything else is ours.
            return not (mouse.buttons() & Qt.MouseButton.MiddleButton or mouse.button() == Qt.MouseButton.MiddleButton)
        if watched is self._view and kind in (QEvent.Type.ShortcutOverride, QEvent.Type.KeyPress):
            key = event
            assert isinstance(key, QKeyEvent)
            mine = key.key() in _ARROWS or key.key() in _PLACE or key.key() in _TAKE_BACK \
                or key.key() in (Qt.Key.Key_D, Qt.Key.Key_N, Qt.Key.Key_Tab)
            if not mine or key.modifiers() & (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier):
                return False
            if kind == QEvent.Type.ShortcutOverride:
                event.accept()  # the key comes to us as a key press, not as an editing shortcut
                return True
            self._key(key)
            return True
        return False

    def _press(self, mouse: QMouseEvent) -> None:
        scene_pos = self._view.mapToScene(mouse.position().toPoint())
        item = self._view.scene().itemAt(scene_pos, self._view.transform())
        if isinstance(item, DotBadgeItem):
            self.item_clicked.emit(item.note_id, scene_pos)
        elif isinstance(item, NoteItem):
            self.item_clicked.emit(item.note_id, scene_pos)
        elif item is not None and isinstance(item.parentItem(), NoteItem):
            self.item_clicked.emit(item.parentItem().note_id, scene_pos)  # type: ignore[union-attr]

    def _key(self, key: QKeyEvent) -> None:
        if key.key() in _ARROWS:
            self.walked.emit(*_ARROWS[key.key()])
        elif key.key() == Qt.Key.Key_Tab:
            self.walked.emit(1, 0)
        elif key.key() in _PLACE:
            if key.modifiers() & Qt.KeyboardModifier.ShiftModifier:
                self.done_pressed.emit()
            else:
                self.place_pressed.emit()
        elif key.key() in _TAKE_BACK:
            self.take_back_pressed.emit()
        elif key.key() == Qt.Key.Key_D:
            self.done_pressed.emit()
