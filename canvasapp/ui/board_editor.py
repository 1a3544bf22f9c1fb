"""Turns the board's gestures into undoable commands on one undo stack."""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QUndoStack

from canvasapp.commands import AddNotes, Command, EditNoteText, MoveNotes, RemoveNotes
from canvasapp.model import Note, NotePlacement, Session, new_id
from canvasapp.model.entities import NOTE_HEIGHT, NOTE_WIDTH
from canvasapp.ops.layout import lane_at
from canvasapp.ui.board_scene import BoardScene
from canvasapp.ui.undo import UndoAdapter


class BoardEditor(QObject):
    """The session's undo stack and the gestures → commands translation.

    Every command goes through :meth:`push`; the model's events then update the scene and the
    store, so undo and redo are drawn and saved exactly like the edits themselves.
    """

    def __init__(self, session: Session, scene: BoardScene, *, read_only: bool = False) -> None:
        super().__init__()
        self.session = session
        self.scene = scene
        self.undo_stack = QUndoStack(self)
        self.read_only = read_only
        scene.set_read_only(read_only)
        scene.note_requested.connect(self.add_note_at)
        scene.notes_dragged.connect(self.move_notes)
        scene.text_edited.connect(self.edit_text)

    def push(self, command: Command) -> bool:
        if self.read_only:
            return False
        self.undo_stack.push(UndoAdapter(command, self.session))
        return True

    def add_note_at(self, x: float, y: float) -> str | None:
        """A new empty note centred where the user double-clicked, then edit it."""
        left, top = x - NOTE_WIDTH / 2, y - NOTE_HEIGHT / 2
        note = Note(id=new_id(), lane_id=lane_at(self.session.lanes, x), x=left, y=top)
        if not self.push(AddNotes([note])):
            return None
        self.scene.begin_editing(note.id)
        return note.id

    def edit_text(self, note_id: str, text: str) -> None:
        if self.session.has_note(note_id):
            self.push(EditNoteText(note_id, self.session.note(note_id).text, text))

    def move_notes(self, positions: dict[str, tuple[float, float]]) -> None:
        """Notes dragged to new positions: each belongs to the lane under its centre."""
        lanes = self.session.lanes
        placements = {}
        for note_id, (x, y) in positions.items():
            note = self.session.note(note_id)
            placements[note_id] = NotePlacement(x, y, lane_at(lanes, x + note.width / 2))
        self.push(MoveNotes.to(self.session, placements))

    def delete_selection(self) -> None:
        note_ids = self.scene.selected_note_ids()
        if note_ids:
            self.push(RemoveNotes(note_ids))
