"""The one push rule shared by every editor, and the undo-history protocol it pushes onto."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Protocol

from canvasapp.commands import Command
from canvasapp.commands.base import Compound
from canvasapp.model import Event, Session

READ_ONLY = "This session is open in another window or app: this one is read-only."


class UndoHistory(Protocol):
    """Where applied commands go so they can be undone (Qt's ``QUndoStack`` behind an adapter)."""

    def push_applied(self, command: Command) -> None:
        """Stack ``command``, which has just been applied (it must not be applied again)."""

    def undo(self) -> None: ...

    def redo(self) -> None: ...


class Edits:
    """Applies commands to one session and records them, refusing what may not happen now.

    ``read_only``: the session is open elsewhere (``read_only_reason`` says so, or why else). ``only``, when set, is the one kind of edit
    allowed at the moment (while a participant votes, only their own dots and Done).
    """

    def __init__(
        self, session: Session, history: UndoHistory, *, read_only: bool = False, read_only_reason: str = READ_ONLY
    ) -> None:
        self.session = session
        self.history = history
        self.read_only = read_only
        self.read_only_reason = read_only_reason
        self.only: Callable[[Command], bool] | None = None
        self.only_reason = ""
        self.refused: Event[[str]] = Event()
        """Why an edit did not happen, in one sentence for the status line."""

    def can_edit(self) -> bool:
        return not self.read_only and self.only is None

    def push(self, command: Command) -> bool:
        """Apply ``command`` and put it on the history; ``False`` (and ``refused``) if not allowed."""
        if not self.run(command):
            return False
        self.history.push_applied(command)
        return True

    def run(self, command: Command) -> bool:
        """Apply ``command`` under the same rules as :meth:`push`, without recording it: for a
        step that becomes part of a larger one later (a participant's turn)."""
        if self.read_only:
            self.refused.emit(self.read_only_reason)
            return False
        if self.only is not None and not self.only(command):
            self.refused.emit(self.only_reason)
            return False
        try:
            command.apply(self.session)
        except ValueError as error:  # the model's refusals (SessionError, VotingError, ...)
            self.refused.emit(str(error))
            return False
        return True

    def push_all(self, text: str, commands: Sequence[Command]) -> bool:
        """Several commands as one undo step and one saved edit, all or nothing."""
        return self.push(AllOrNothing(text, commands))


class ListHistory:
    """An :class:`UndoHistory` kept in a list, for edits that are undone on their own (the dots
    of one participant's turn) and forgotten afterwards."""

    def __init__(self, session: Session) -> None:
        self._session = session
        self._done: list[Command] = []
        self._undone: list[Command] = []

    def push_applied(self, command: Command) -> None:
        if self._done and self._done[-1].merge_with(command):
            return
        self._done.append(command)
        self._undone.clear()

    def can_undo(self) -> bool:
        return bool(self._done)

    def can_redo(self) -> bool:
        return bool(self._undone)

    def undo(self) -> None:
        if self._done:
            command = self._done.pop()
            command.revert(self._session)
            self._undone.append(command)

    def redo(self) -> None:
        if self._undone:
            command = self._undone.pop()
            command.apply(self._session)
            self._done.append(command)

    def forget(self) -> None:
        self._done.clear()
        self._undone.clear()


class AllOrNothing(Compound):
    """A compound edit that, when one part is refused, takes back the parts already applied."""

    def apply(self, session: Session) -> None:
        done: list[Command] = []
        with session.edit():
            try:
                for part in self._parts:
                    part.apply(session)
                    done.append(part)
            except ValueError:
                for part in reversed(done):
                    part.revert(session)
                raise
