"""The facilitation half of :class:`~canvasapp.model.Session`: agenda, details, actions.

Kept apart from ``session.py`` (as the clusters are) so the notes-and-lanes core stays
readable; ``Session`` mixes it in. Every change emits an event inside one edit.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from contextlib import AbstractContextManager
from typing import TYPE_CHECKING

from canvasapp.model.agenda import Agenda, Phase
from canvasapp.model.details import SessionDetails
from canvasapp.model.entities import Note, utc_now
from canvasapp.model.events import Event
from canvasapp.model.follow_up import FollowUp


class SessionFacilitation:
    """The agenda (``self.agenda``), the session's details and the notes' follow-up actions."""

    if TYPE_CHECKING:
        _notes: dict[str, Note]

        def edit(self) -> AbstractContextManager[None]: ...

        def note(self, note_id: str) -> Note: ...

    def _init_facilitation(
        self, phases: Iterable[Phase], current_phase_id: str | None, details: SessionDetails | None
    ) -> None:
        self.agenda = Agenda(self.edit, phases, current_phase_id)
        self.details = details or SessionDetails()
        self.details_changed: Event[[SessionDetails]] = Event()
        self.note_actions_changed: Event[[list[Note]]] = Event()
        """Notes that became an action, stopped being one, or whose action changed."""

    def set_details(self, details: SessionDetails) -> None:
        with self.edit():
            self.details = details
            self.details_changed.emit(details)

    @property
    def action_notes(self) -> list[Note]:
        """The notes that are actions, in the order they were written."""
        return sorted((note for note in self._notes.values() if note.action is not None),
                      key=lambda note: (note.created, note.id))

    def set_note_actions(self, actions: Mapping[str, FollowUp | None]) -> None:
        """Make notes actions (or change theirs); ``None`` makes a note a plain note again."""
        changed = [self.note(note_id) for note_id in actions]
        with self.edit():
            now = utc_now()
            for note in changed:
                note.action = actions[note.id]
                note.updated = now
            self.note_actions_changed.emit(changed)
