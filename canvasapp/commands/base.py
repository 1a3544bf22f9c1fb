"""The shape every undoable edit has."""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Sequence

from canvasapp.model import Session


class Command(ABC):
    """One undoable edit of a session, with a human text ("Move 3 Notes")."""

    #: Consecutive commands with the same non-negative ``merge_id`` may merge (arrow nudges).
    merge_id: int = -1

    @property
    @abstractmethod
    def text(self) -> str: ...

    @abstractmethod
    def apply(self, session: Session) -> None: ...

    @abstractmethod
    def revert(self, session: Session) -> None: ...

    def merge_with(self, other: Command) -> bool:
        """Absorb ``other`` (which came right after) into this command; ``False`` to refuse."""
        return False


def plural(count: int, noun: str) -> str:
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"


class Compound(Command):
    """Several commands as one undo step ("Import 12 Notes"): applied in order in one edit,
    reverted in reverse order."""

    def __init__(self, text: str, parts: Sequence[Command]) -> None:
        self._text = text
        self._parts = list(parts)

    @property
    def text(self) -> str:
        return self._text

    def apply(self, session: Session) -> None:
        with session.edit():
            for part in self._parts:
                part.apply(session)

    def revert(self, session: Session) -> None:
        with session.edit():
            for part in reversed(self._parts):
                part.revert(session)
