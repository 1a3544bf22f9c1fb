"""Running the room: agenda edits, follow-up actions and the session's details, each one
command through :class:`Edits` (moving between phases and the time a timer ran are what
happened in the room, not edits: they change the session directly and are saved)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from canvasapp.commands.agenda import AddPhase, EditPhase, MovePhase, RemovePhase
from canvasapp.commands.details import EditSessionDetails
from canvasapp.commands.follow_up import SetNoteActions
from canvasapp.editing.edits import Edits
from canvasapp.model import FollowUp, Phase, Session, new_id
from canvasapp.model.details import SessionDetails


@dataclass(frozen=True)
class PhaseValues:
    """What the phase dialog asks for."""

    title: str
    minutes: int
    kind: str
    instructions: str
    lane_ids: tuple[str, ...]


class RoomEditing:
    """The agenda, the follow-ups and the details of one session."""

    def __init__(self, edits: Edits) -> None:
        self.edits = edits
        self.session: Session = edits.session

    # --- agenda -----------------------------------------------------------------------------

    def add_phase(self, after: str | None, values: PhaseValues) -> str | None:
        """A new phase right after ``after`` (else at the end); its id."""
        phase = Phase(
            id=new_id(), title=values.title, minutes=values.minutes, kind=values.kind,
            instructions=values.instructions, lane_ids=values.lane_ids,
        )
        index = self.session.agenda.index(after) + 1 if after else None
        return phase.id if self.edits.push(AddPhase(phase, index)) else None

    def edit_phase(self, phase_id: str, values: PhaseValues) -> None:
        command = EditPhase.to(
            self.session, phase_id, title=values.title, minutes=values.minutes, kind=values.kind,
            instructions=values.instructions, lane_ids=values.lane_ids,
        )
        if command.changes_anything:
            self.edits.push(command)

    def delete_phase(self, phase_id: str) -> None:
        self.edits.push(RemovePhase.of(self.session, phase_id))

    def move_phase(self, phase_id: str, steps: int) -> None:
        command = MovePhase.by(self.session, phase_id, steps)
        if command.changes_anything:
            self.edits.push(command)

    # --- follow-up actions ------------------------------------------------------------------

    def make_follow_ups(self, note_ids: Iterable[str]) -> list[str]:
        """The notes that are not follow-ups yet become ones; their ids."""
        chosen = [note_id for note_id in note_ids if self.session.note(note_id).action is None]
        if chosen and self.edits.push(SetNoteActions.to(self.session, {note_id: FollowUp() for note_id in chosen})):
            return chosen
        return []

    def remove_follow_ups(self, note_ids: Iterable[str]) -> None:
        chosen = list(note_ids)
        if chosen:
            self.edits.push(SetNoteActions.to(self.session, dict.fromkeys(chosen)))

    def edit_follow_up(self, note_id: str, follow_up: FollowUp) -> None:
        if not self.session.has_note(note_id):
            return
        command = SetNoteActions.to(self.session, {note_id: follow_up}, "Edit Action")
        if command.changes_anything:
            self.edits.push(command)

    # --- details ----------------------------------------------------------------------------

    def edit_details(self, details: SessionDetails) -> None:
        command = EditSessionDetails.to(self.session, details)
        if command.changes_anything:
            self.edits.push(command)
