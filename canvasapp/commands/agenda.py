"""Commands on the session's agenda: add, remove, reorder and edit phases.

Moving between phases and the time the timer records are not commands: they are what
happened in the room, not edits a facilitator would want to undo.
"""

from __future__ import annotations

from collections.abc import Iterable

from canvasapp.commands.base import Command
from canvasapp.model import Phase, Session


class AddPhase(Command):
    def __init__(self, phase: Phase, index: int | None = None) -> None:
        self._phase = phase.copy()
        self._index = index

    @property
    def text(self) -> str:
        return f"Add Phase “{self._phase.title}”"

    def apply(self, session: Session) -> None:
        session.agenda.add_phase(self._phase.copy(), self._index)

    def revert(self, session: Session) -> None:
        session.agenda.remove_phase(self._phase.id)


class RemovePhase(Command):
    """Remove a phase; undo puts it back in its place, with its recorded time, and makes it
    current again if it was."""

    def __init__(self, phase_id: str, title: str = "") -> None:
        self._phase_id = phase_id
        self._title = title
        self._phase: Phase | None = None
        self._index = 0
        self._was_current = False

    @classmethod
    def of(cls, session: Session, phase_id: str) -> RemovePhase:
        return cls(phase_id, session.agenda.phase(phase_id).title)

    @property
    def text(self) -> str:
        return f"Delete Phase “{self._title}”"

    def apply(self, session: Session) -> None:
        self._was_current = session.agenda.current_phase_id == self._phase_id
        phase, self._index = session.agenda.remove_phase(self._phase_id)
        self._phase = phase.copy()

    def revert(self, session: Session) -> None:
        assert self._phase is not None
        with session.edit():
            session.agenda.add_phase(self._phase.copy(), self._index)
            if self._was_current:
                session.agenda.set_current(self._phase_id)


class MovePhase(Command):
    """Move a phase earlier (negative ``steps``) or later in the agenda."""

    def __init__(self, phase_id: str, old_index: int, new_index: int, title: str = "") -> None:
        self._phase_id = phase_id
        self._old = old_index
        self._new = new_index
        self._title = title

    @classmethod
    def by(cls, session: Session, phase_id: str, steps: int) -> MovePhase:
        agenda = session.agenda
        index = agenda.index(phase_id)
        target = max(0, min(index + steps, len(agenda) - 1))
        return cls(phase_id, index, target, agenda.phase(phase_id).title)

    @property
    def changes_anything(self) -> bool:
        return self._old != self._new

    @property
    def text(self) -> str:
        return f"Move Phase “{self._title}” {'Up' if self._new < self._old else 'Down'}"

    def apply(self, session: Session) -> None:
        session.agenda.move_phase(self._phase_id, self._new)

    def revert(self, session: Session) -> None:
        session.agenda.move_phase(self._phase_id, self._old)


class EditPhase(Command):
    """Change a phase's title, minutes, kind, instructions or lanes in focus."""

    _FIELDS = ("title", "minutes", "kind", "instructions", "lane_ids")

    def __init__(self, phase_id: str, old: dict[str, object], new: dict[str, object]) -> None:
        self._phase_id = phase_id
        self._old = old
        self._new = new

    @classmethod
    def to(
        cls,
        session: Session,
        phase_id: str,
        *,
        title: str | None = None,
        minutes: int | None = None,
        kind: str | None = None,
        instructions: str | None = None,
        lane_ids: Iterable[str] | None = None,
    ) -> EditPhase:
        phase = session.agenda.phase(phase_id)
        wanted: dict[str, object] = {
            "title": title, "minutes": minutes, "kind": kind, "instructions": instructions,
            "lane_ids": None if lane_ids is None else tuple(lane_ids),
        }
        new = {name: value for name, value in wanted.items() if value is not None}
        old = {name: getattr(phase, name) for name in new}
        return cls(phase_id, old, new)

    @property
    def changes_anything(self) -> bool:
        return self._old != self._new

    @property
    def text(self) -> str:
        if set(self._new) == {"minutes"}:
            return f"Set Phase to {self._new['minutes']} min"
        return "Edit Phase"

    def apply(self, session: Session) -> None:
        session.agenda.update_phase(self._phase_id, **self._new)  # type: ignore[arg-type]

    def revert(self, session: Session) -> None:
        session.agenda.update_phase(self._phase_id, **self._old)  # type: ignore[arg-type]
