"""The command that changes the session's details (date, place, facilitator, ...)."""

from __future__ import annotations

from canvasapp.commands.base import Command
from canvasapp.model import Session, SessionDetails


class EditSessionDetails(Command):
    def __init__(self, old: SessionDetails, new: SessionDetails) -> None:
        self._old = old
        self._new = new

    @classmethod
    def to(cls, session: Session, details: SessionDetails) -> EditSessionDetails:
        return cls(session.details, details)

    @property
    def changes_anything(self) -> bool:
        return self._old != self._new

    @property
    def text(self) -> str:
        return "Edit Session Details"

    def apply(self, session: Session) -> None:
        session.set_details(self._new)

    def revert(self, session: Session) -> None:
        session.set_details(self._old)
