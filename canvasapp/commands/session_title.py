"""The command that renames the open session: undoable, and saved by the session's own store
(its lock holder), never through the library's rename of closed sessions."""

from __future__ import annotations

from canvasapp.commands.base import Command
from canvasapp.model import Session


class RenameSession(Command):
    def __init__(self, old: str, new: str) -> None:
        self._old = old
        self._new = " ".join(new.split())

    @classmethod
    def to(cls, session: Session, title: str) -> RenameSession:
        return cls(session.title, title)

    @property
    def changes_anything(self) -> bool:
        """Push it only when this is true (an unchanged or empty title is no edit)."""
        return bool(self._new) and self._new != self._old

    @property
    def text(self) -> str:
        return "Rename Session"

    def apply(self, session: Session) -> None:
        session.set_title(self._new)

    def revert(self, session: Session) -> None:
        session.set_title(self._old)
