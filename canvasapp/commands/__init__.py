"""Undoable edits. Each stores ids and value snapshots and changes the model only through its
methods; ``canvasapp.ui.undo`` puts them on a ``QUndoStack``."""

from canvasapp.commands.base import Command
from canvasapp.commands.notes import AddNotes, EditNoteText, MoveNotes, RemoveNotes

__all__ = ["AddNotes", "Command", "EditNoteText", "MoveNotes", "RemoveNotes"]
