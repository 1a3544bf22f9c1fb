"""What the summary says about how the workshop was run: its details, the agenda as run,
and the next steps (the notes that became actions)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from canvasapp.model import Session


@dataclass(frozen=True, slots=True)
class AgendaEntry:
    """One phase as planned and as run; ``used_seconds`` is 0 for a phase never timed."""

    title: str
    kind: str
    planned_minutes: int
    used_seconds: float
    instructions: str

    @property
    def ran(self) -> bool:
        return self.used_seconds > 0


@dataclass(frozen=True, slots=True)
class ActionEntry:
    """A next step: what (the note's text), who, by when, done or not, and the note it came
    from as readers find it in the lists ("Activities 3")."""

    note_id: str
    text: str
    owner: str
    due: date | None
    status: str
    lane_title: str
    note_number: int


def agenda_entries(session: Session) -> tuple[AgendaEntry, ...]:
    return tuple(
        AgendaEntry(phase.title, phase.kind, phase.minutes, phase.used_seconds, phase.instructions)
        for phase in session.agenda.phases
    )


def action_entries(session: Session, places: dict[str, tuple[str, int]]) -> tuple[ActionEntry, ...]:
    """The session's actions, open ones first, then by due date (undated last).

    ``places`` maps a note id to its lane's title and its number there.
    """
    entries = []
    for note in session.action_notes:
        action = note.action
        assert action is not None
        lane_title, number = places.get(note.id, ("", 0))
        entries.append(ActionEntry(note.id, note.text, action.owner, action.due, action.status, lane_title, number))
    return tuple(sorted(entries, key=lambda entry: (entry.status == "done", entry.due is None, entry.due or date.min)))
