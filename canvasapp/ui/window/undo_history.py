"""The one adapter between the app's commands and Qt's undo stack."""

from __future__ import annotations

from PySide6.QtGui import QUndoCommand, QUndoStack

from canvasapp.commands import Command
from canvasapp.model import Session
from canvasapp.ui.board.collections_paused import collections_paused


class UndoAdapter(QUndoCommand):
    """``redo`` applies the command, ``undo`` reverts it; merging is the command's own rule.

    Pushed right after the command has run (:class:`canvasapp.editing.Edits` applies first, so
    the model's refusal can become a message): the first ``redo``, which ``QUndoStack.push``
    makes, is skipped.
    """

    def __init__(self, command: Command, session: Session) -> None:
        super().__init__(command.text)
        self.command = command
        self._session = session
        self._applied = True

    def redo(self) -> None:
        if self._applied:
            self._applied = False
            return
        with collections_paused():
            self.command.apply(self._session)

    def undo(self) -> None:
        # Undoing a move of thousands of notes makes a few objects per note, none of them
        # garbage: a pass of the cycle collector over the whole process would find nothing.
        with collections_paused():
            self.command.revert(self._session)

    def id(self) -> int:
        return self.command.merge_id

    def mergeWith(self, other: QUndoCommand) -> bool:
        if isinstance(other, UndoAdapter) and self.command.merge_with(other.command):
            self.setText(self.command.text)
            return True
        return False


class QtUndoHistory:
    """:class:`canvasapp.editing.UndoHistory` on a ``QUndoStack`` (which the window's Undo and
    Redo actions, the History list and the undo group show)."""

    def __init__(self, stack: QUndoStack, session: Session) -> None:
        self.stack = stack
        self._session = session

    def push_applied(self, command: Command) -> None:
        self.stack.push(UndoAdapter(command, self._session))

    def undo(self) -> None:
        self.stack.undo()

    def redo(self) -> None:
        self.stack.redo()
