"""The one adapter that puts the app's commands on Qt's undo stack."""

from __future__ import annotations

from PySide6.QtGui import QUndoCommand

from canvasapp.commands import Command
from canvasapp.model import Session


class UndoAdapter(QUndoCommand):
    """``redo`` applies the command, ``undo`` reverts it; merging is the command's own rule."""

    def __init__(self, command: Command, session: Session) -> None:
        super().__init__(command.text)
        self.command = command
        self._session = session

    def redo(self) -> None:
        self.command.apply(self._session)

    def undo(self) -> None:
        self.command.revert(self._session)

    def id(self) -> int:
        return self.command.merge_id

    def mergeWith(self, other: QUndoCommand) -> bool:
        if isinstance(other, UndoAdapter) and self.command.merge_with(other.command):
            self.setText(self.command.text)
            return True
        return False
