"""Undoable edits. Each stores ids and value snapshots and changes the model only through its
methods; ``canvasapp.ui.window.undo_adapter`` puts them on a ``QUndoStack``."""

from canvasapp.commands.base import Command
from canvasapp.commands.lanes import AddLane, MoveLane, RemoveLane, RenameLane, ResizeLane, SetLaneColour
from canvasapp.commands.notes import (
    AddNotes,
    EditNoteText,
    MoveNotes,
    RemoveNotes,
    ResizeNotes,
    SetNoteColour,
)

__all__ = [
    "AddLane",
    "AddNotes",
    "Command",
    "EditNoteText",
    "MoveLane",
    "MoveNotes",
    "RemoveLane",
    "RemoveNotes",
    "RenameLane",
    "ResizeLane",
    "ResizeNotes",
    "SetLaneColour",
    "SetNoteColour",
]
