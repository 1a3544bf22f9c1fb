"""Putting a command on the undo stack after it has run once, so the model's refusal can be
shown as a message (an exception inside ``QUndoStack.push`` would be lost in C++)."""

from __future__ import annotations

from PySide6.QtGui import QUndoStack

from canvasapp.commands import Command
from canvasapp.model import Session
from canvasapp.ui.window.undo_adapter import UndoAdapter


class _AppliedAdapter(UndoAdapter):
    """Skips the ``redo`` that ``QUndoStack.push`` makes: the command ran just before."""

    def __init__(self, command: Command, session: Session) -> None:
        super().__init__(command, session)
        self._skip = True

    def redo(self) -> None:
        if self._skip:
            self._skip = False
            return
        super().redo()


def push_applied(stack: QUndoStack, command: Command, session: Session) -> None:
    """Run ``command`` (raising the model's error, with nothing changed), then stack it."""
    command.apply(session)
    stack.push(_AppliedAdapter(command, session))
