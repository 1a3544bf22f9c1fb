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

        notes_added: Event[[list[Note]]]
        notes_removed: Event[[list[Note]]]

    def _init_facilitation(
        self, phases: Iterable[Phase], current_phase_id: str | None, details: SessionDetails | None
    ) -> None:
        self.agenda = Agenda(self.edit, phases, current_phase_id)
        self.details = details or SessionDetails()
        self.details_changed: Event[[SessionDetails]] = Event()
        self.note_actions_changed: Event[[list[Note]]] = Event()
        """Notes that became an action, stopped being one, or whose action changed."""
        # The ids of the notes that are actions, so listing them never reads the whole board.
        self._action_ids: set[str] = {note.id for note in self._notes.values() if note.action is not None}
        self.notes_added.connect(self._index_added_actions)
        self.notes_removed.connect(self._unindex_removed_actions)

    def _index_added_actions(self, notes: list[Note]) -> None:
        self._action_ids.update(note.id for note in notes if note.action is not None)

    def _unindex_removed_actions(self, notes: list[Note]) -> None:
        self._action_ids.difference_update(note.id for note in notes)

    def set_details(self, details: SessionDetails) -> None:
        with self.edit():
            self.details = details
            self.details_changed.emit(details)

    @property
    def action_notes(self) -> list[Note]:
        """The notes that are actions, in the order they were written."""
        return sorted((self._notes[note_id] for note_id in self._action_ids),
                      key=lambda note: (note.created, note.id))

    @staticmethod
    def concern_actions(notes: Iterable[Note]) -> bool:
        """Whether any of these notes (added, removed or edited) is an action: only then does a
        list of the actions need refreshing."""
        return any(note.action is not None for note in notes)

    def set_note_actions(self, actions: Mapping[str, FollowUp | None]) -> None:
        """Make notes actions (or change theirs); ``None`` makes a note a plain note again."""
        changed = [self.note(note_id) for note_id in actions]
        with self.edit():
            now = utc_now()
            for note in changed:
                note.action = actions[note.id]
                if note.action is None:
                    self._action_ids.discard(note.id)
                else:
                    self._action_ids.add(note.id)
                note.updated = now
            self.note_actions_changed.emit(changed)
