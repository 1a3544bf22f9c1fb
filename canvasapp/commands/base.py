"""The shape every undoable edit has."""

from __future__ import annotations

from abc import ABC, abstractmethod

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
