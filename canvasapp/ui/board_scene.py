"""The board: one item per lane and note, kept in step with the session's events.

Items never see the model. Gestures leave the scene as *intents* carrying ids and positions
(``note_requested``, ``notes_dragged``, ``text_edited``); the editor turns them into commands.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Signal
from PySide6.QtGui import QTransform
from PySide6.QtWidgets import QGraphicsScene, QGraphicsSceneMouseEvent, QGraphicsView

from canvasapp.model import Note, Session
from canvasapp.ops.layout import lane_rects
from canvasapp.ui.lane_item import LaneItem
from canvasapp.ui.note_editor import NoteEditor
from canvasapp.ui.note_item import NoteItem

_MARGIN = 400.0


class BoardScene(QGraphicsScene):
    note_requested = Signal(float, float)
    """A double-click on empty board at this scene position."""
    notes_dragged = Signal(object)
    """``{note_id: (x, y)}``: where a drag left the notes it moved, at mouse release."""
    text_edited = Signal(str, str)
    """``(note_id, text)``: editing ended with a changed text."""

    def __init__(self, session: Session) -> None:
        super().__init__()
        self._session = session
        self._notes: dict[str, NoteItem] = {}
        self._lanes: dict[str, LaneItem] = {}
        self._editor: NoteEditor | None = None
        self._press_positions: dict[str, QPointF] = {}
        self._read_only = False
        self._board_bottom = 0.0
        self.setItemIndexMethod(QGraphicsScene.ItemIndexMethod.BspTreeIndex)
        self._build()
        session.notes_added.connect(self._on_notes_added)
        session.notes_removed.connect(self._on_notes_removed)
        session.notes_moved.connect(self._on_notes_moved)
        session.note_text_changed.connect(self._on_note_text_changed)

    def detach(self) -> None:
        """Stop following the session (its window is closing)."""
        self.finish_editing()
        session = self._session
        session.notes_added.disconnect(self._on_notes_added)
        session.notes_removed.disconnect(self._on_notes_removed)
        session.notes_moved.disconnect(self._on_notes_moved)
        session.note_text_changed.disconnect(self._on_note_text_changed)

    # --- queries --------------------------------------------------------------------------

    def note_item(self, note_id: str) -> NoteItem:
        return self._notes[note_id]

    def note_items(self) -> list[NoteItem]:
        return list(self._notes.values())

    def lane_item(self, lane_id: str) -> LaneItem:
        return self._lanes[lane_id]

    def selected_note_ids(self) -> list[str]:
        return [item.note_id for item in self.selectedItems() if isinstance(item, NoteItem)]

    @property
    def editor(self) -> NoteEditor | None:
        return self._editor

    @property
    def read_only(self) -> bool:
        return self._read_only

    def set_read_only(self, read_only: bool) -> None:
        self._read_only = read_only
        for item in self._notes.values():
            item.setFlag(NoteItem.GraphicsItemFlag.ItemIsMovable, not read_only)

    def board_rect(self) -> QRectF:
        """Everything on the board: the lanes, which hold every note."""
        return self.itemsBoundingRect()

    # --- editing text -------------------------------------------------------------------

    def begin_editing(self, note_id: str) -> None:
        if self._read_only:
            return
        self.finish_editing()
        item = self._notes[note_id]
        self.clearSelection()
        item.setSelected(True)
        editor = NoteEditor(item)
        editor.finished.connect(self._on_editor_finished)
        self._editor = editor
        editor.setFocus()

    def finish_editing(self) -> None:
        if self._editor is not None:
            self._editor.finish()

    def _on_editor_finished(self, text: str) -> None:
        editor = self._editor
        if editor is None:
            return
        self._editor = None
        note_id = editor.note_id
        editor.setParentItem(None)
        self.removeItem(editor)
        editor.deleteLater()
        if note_id in self._notes and text != self._notes[note_id].text:
            self.text_edited.emit(note_id, text)

    # --- following the model ----------------------------------------------------------------

    def _build(self) -> None:
        for lane in self._session.lanes:
            item = LaneItem(lane.id, lane.title, lane.prompt, lane.colour)
            self._lanes[lane.id] = item
            self.addItem(item)
        self._on_notes_added(self._session.notes)

    def _layout_lanes(self) -> None:
        rects = lane_rects(self._session.lanes)
        for lane_id, rect in rects.items():
            height = max(rect.height, self._board_bottom)
            self._lanes[lane_id].set_geometry(QRectF(rect.x, rect.y, rect.width, height))
        self.setSceneRect(self.itemsBoundingRect().adjusted(-_MARGIN, -_MARGIN, _MARGIN, _MARGIN))

    def _grow_to(self, notes: list[Note]) -> None:
        bottom = max((note.y + note.height + 100 for note in notes), default=0.0)
        if bottom > self._board_bottom or not self.sceneRect().isValid():
            self._board_bottom = max(bottom, self._board_bottom)
            self._layout_lanes()

    def _on_notes_added(self, notes: list[Note]) -> None:
        session = self._session
        for note in notes:
            item = NoteItem(note.id, note.width, note.height, session.note_colour(note), note.text)
            item.setPos(note.x, note.y)
            if self._read_only:
                item.setFlag(NoteItem.GraphicsItemFlag.ItemIsMovable, False)
            self._notes[note.id] = item
            self.addItem(item)
        self._grow_to(notes)
        if not self._lanes or self.sceneRect().isNull():
            self._layout_lanes()

    def _on_notes_removed(self, notes: list[Note]) -> None:
        for note in notes:
            if self._editor is not None and self._editor.note_id == note.id:
                self.finish_editing()
            item = self._notes.pop(note.id)
            self.removeItem(item)

    def _on_notes_moved(self, notes: list[Note]) -> None:
        for note in notes:
            item = self._notes[note.id]
            item.setPos(note.x, note.y)
            item.set_colour(self._session.note_colour(note))
        self._grow_to(notes)

    def _on_note_text_changed(self, note: Note) -> None:
        self._notes[note.id].set_text(note.text)

    # --- gestures -------------------------------------------------------------------------

    def mousePressEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        super().mousePressEvent(event)
        self._press_positions = {item.note_id: item.pos() for item in self.selectedItems() if isinstance(item, NoteItem)}

    def mouseReleaseEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        super().mouseReleaseEvent(event)
        moved = {
            note_id: (item.pos().x(), item.pos().y())
            for note_id, start in self._press_positions.items()
            if (item := self._notes.get(note_id)) is not None and item.pos() != start
        }
        self._press_positions = {}
        if moved:
            self.notes_dragged.emit(moved)

    def mouseDoubleClickEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        view = event.widget().parentWidget() if event.widget() else None
        transform = view.transform() if isinstance(view, QGraphicsView) else QTransform()
        item = self.itemAt(event.scenePos(), transform)
        if isinstance(item, NoteEditor):
            super().mouseDoubleClickEvent(event)
        elif isinstance(item, NoteItem):
            self.begin_editing(item.note_id)
        elif not self._read_only:
            self.finish_editing()
            position = event.scenePos()
            self.note_requested.emit(position.x(), position.y())

