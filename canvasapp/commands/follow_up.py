"""Commands on follow-up actions: turn notes into actions, edit them, make them notes again."""

from __future__ import annotations

from collections.abc import Mapping

from canvasapp.commands.base import Command, plural
from canvasapp.model import FollowUp, Session


class SetNoteActions(Command):
    """Give notes an action (or ``None``: no action); undo gives back what each had."""

    def __init__(self, old: Mapping[str, FollowUp | None], new: Mapping[str, FollowUp | None], text: str) -> None:
        self._old = dict(old)
        self._new = dict(new)
        self._text = text

    @classmethod
    def to(cls, session: Session, actions: Mapping[str, FollowUp | None], text: str = "") -> SetNoteActions:
        old = {note_id: session.note(note_id).action for note_id in actions}
        if not text:
            made = sum(1 for note_id, action in actions.items() if action is not None and old[note_id] is None)
            dropped = sum(1 for action in actions.values() if action is None)
            if made == len(actions):
                text = f"Make {plural(len(actions), 'Action')}"
            elif dropped == len(actions):
                text = f"Remove {plural(len(actions), 'Action')}"
            else:
                text = "Edit Action" if len(actions) == 1 else f"Edit {plural(len(actions), 'Action')}"
        return cls(old, actions, text)

    @property
    def changes_anything(self) -> bool:
        return self._old != self._new

    @property
    def text(self) -> str:
        return self._text

    def apply(self, session: Session) -> None:
        session.set_note_actions(self._new)

    def revert(self, session: Session) -> None:
        session.set_note_actions(self._old)
