"""A workshop session: its lanes and notes, changed only through methods that emit events."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from datetime import datetime

from canvasapp.model.entities import Lane, Note, NotePlacement, new_id, utc_now
from canvasapp.model.events import Event


class SessionError(ValueError):
    """A change the session refuses, with a message fit for the user."""


class Session:
    """The document the facilitator edits.

    Every change emits a fine-grained event (for the scene) and, when the outermost
    :meth:`edit` block ends, ``edit_finished`` (for the store, which writes the whole edit in
    one transaction). A method called outside any ``edit`` block is an edit of its own.
    """

    def __init__(
        self,
        id: str,
        title: str,
        lanes: Iterable[Lane] = (),
        notes: Iterable[Note] = (),
        template_id: str | None = None,
        created: datetime | None = None,
        updated: datetime | None = None,
    ) -> None:
        self.id = id
        self.title = title
        self.template_id = template_id
        self.created = created or utc_now()
        self.updated = updated or self.created
        self._lanes: list[Lane] = sorted(lanes, key=lambda lane: lane.order)
        self._notes: dict[str, Note] = {note.id: note for note in notes}
        self._edit_depth = 0

        self.notes_added: Event[[list[Note]]] = Event()
        self.notes_removed: Event[[list[Note]]] = Event()
        self.notes_moved: Event[[list[Note]]] = Event()
        self.note_text_changed: Event[[Note]] = Event()
        self.title_changed: Event[[str]] = Event()
        self.edit_finished: Event[[]] = Event()

    @classmethod
    def create(cls, title: str, lanes: Iterable[Lane], template_id: str | None = None) -> Session:
        return cls(new_id(), title, lanes=lanes, template_id=template_id)

    # --- reading -------------------------------------------------------------------------

    @property
    def lanes(self) -> list[Lane]:
        return list(self._lanes)

    def lane(self, lane_id: str | None) -> Lane | None:
        return next((lane for lane in self._lanes if lane.id == lane_id), None)

    @property
    def notes(self) -> list[Note]:
        return list(self._notes.values())

    def note(self, note_id: str) -> Note:
        try:
            return self._notes[note_id]
        except KeyError:
            raise SessionError(f"There is no note {note_id!r} in this session.") from None

    def has_note(self, note_id: str) -> bool:
        return note_id in self._notes

    def __len__(self) -> int:
        return len(self._notes)

    def note_colour(self, note: Note) -> str:
        """The colour a note is drawn in: its own, else its lane's."""
        if note.colour:
            return note.colour
        lane = self.lane(note.lane_id)
        return lane.colour if lane else "#FFE45C"

    # --- changing ------------------------------------------------------------------------

    @contextmanager
    def edit(self) -> Iterator[None]:
        """Group changes into one edit: observers hear ``edit_finished`` once, at the end."""
        self._edit_depth += 1
        try:
            yield
        finally:
            self._edit_depth -= 1
            if self._edit_depth == 0:
                self.updated = utc_now()
                self.edit_finished.emit()

    def add_notes(self, notes: Iterable[Note]) -> None:
        added = list(notes)
        seen: set[str] = set()
        for note in added:
            # A repeat within the batch counts too: it would replace its twin and give the
            # observers two notes for one id.
            if note.id in self._notes or note.id in seen:
                raise SessionError(f"The note {note.id!r} is already in this session.")
            seen.add(note.id)
        with self.edit():
            for note in added:
                self._notes[note.id] = note
            self.notes_added.emit(added)

    def remove_notes(self, note_ids: Iterable[str]) -> list[Note]:
        """Remove notes and return them, so an undo can put them back."""
        # An id given twice is removed once (deleting it a second time would fail mid-edit).
        removed = [self.note(note_id) for note_id in dict.fromkeys(note_ids)]
        with self.edit():
            for note in removed:
                del self._notes[note.id]
            self.notes_removed.emit(removed)
        return removed

    def set_note_text(self, note_id: str, text: str) -> None:
        note = self.note(note_id)
        with self.edit():
            note.text = text
            note.updated = utc_now()
            self.note_text_changed.emit(note)

    def move_notes(self, placements: Mapping[str, NotePlacement]) -> None:
        moved = [self.note(note_id) for note_id in placements]
        with self.edit():
            now = utc_now()
            for note in moved:
                placement = placements[note.id]
                note.x, note.y, note.lane_id = placement.x, placement.y, placement.lane_id
                note.updated = now
            self.notes_moved.emit(moved)

    def set_title(self, title: str) -> None:
        title = title.strip()
        if not title:
            raise SessionError("A session needs a title.")
        with self.edit():
            self.title = title
            self.title_changed.emit(title)
