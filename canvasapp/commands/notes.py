"""Commands on sticky notes: add, edit text, move, resize, colour, remove."""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping

from canvasapp.commands.base import Command, plural
from canvasapp.model import Cluster, Note, NotePlacement, Session


class AddNotes(Command):
    """Add notes (one from a double-click, many from a paste)."""

    def __init__(self, notes: Iterable[Note], *, verb: str = "Add") -> None:
        self._notes = [note.copy() for note in notes]
        self._verb = verb

    @property
    def text(self) -> str:
        return f"{self._verb} {plural(len(self._notes), 'Note')}"

    @property
    def note_ids(self) -> list[str]:
        return [note.id for note in self._notes]

    def apply(self, session: Session) -> None:
        session.add_notes(note.copy() for note in self._notes)

    def revert(self, session: Session) -> None:
        session.remove_notes(self.note_ids)


class RemoveNotes(Command):
    """Remove notes; undo puts back exactly what was removed, each note in its cluster at its
    place there (and a cluster the deletion emptied comes back too)."""

    def __init__(self, note_ids: Iterable[str], *, verb: str = "Delete") -> None:
        self._note_ids = list(dict.fromkeys(note_ids))
        self._removed: list[Note] = []
        self._clusters: list[Cluster] = []
        self._verb = verb

    @property
    def text(self) -> str:
        return f"{self._verb} {plural(len(self._note_ids), 'Note')}"

    def apply(self, session: Session) -> None:
        self._clusters = [cluster.copy() for cluster in session.clusters]
        self._removed = [note.copy() for note in session.remove_notes(self._note_ids)]

    def revert(self, session: Session) -> None:
        with session.edit():
            session.add_notes(note.copy() for note in self._removed)
            session.replace_clusters(self._clusters)


class EditNoteText(Command):
    def __init__(self, note_id: str, old_text: str, new_text: str) -> None:
        self._note_id = note_id
        self._old = old_text
        self._new = new_text

    @property
    def text(self) -> str:
        return "Edit Note Text"

    def apply(self, session: Session) -> None:
        session.set_note_text(self._note_id, self._new)

    def revert(self, session: Session) -> None:
        session.set_note_text(self._note_id, self._old)


class MoveNotes(Command):
    """Move notes (and so perhaps into another lane): one command per drag or nudge."""

    NUDGE_MERGE_ID = 1

    def __init__(
        self,
        old: Mapping[str, NotePlacement],
        new: Mapping[str, NotePlacement],
        *,
        nudge: bool = False,
        verb: str = "Move",
        suffix: str = "",
        nudged: Collection[str] | None = None,
    ) -> None:
        self._old = dict(old)
        self._new = dict(new)
        self.merge_id = self.NUDGE_MERGE_ID if nudge else -1
        # The notes the arrows moved (the rest made room for them): the same ones nudged
        # again merge into this step, whoever made room each time.
        self._nudged = frozenset(self._new if nudged is None else nudged)
        self._verb = verb
        self._suffix = suffix

    @classmethod
    def to(
        cls,
        session: Session,
        new: Mapping[str, NotePlacement],
        *,
        nudge: bool = False,
        verb: str = "Move",
        suffix: str = "",
        nudged: Collection[str] | None = None,
    ) -> MoveNotes:
        """A move from where the notes are now."""
        old = session.placements(new)
        return cls(old, new, nudge=nudge, verb=verb, suffix=suffix, nudged=nudged)

    @property
    def placements(self) -> dict[str, NotePlacement]:
        """Where the notes go (by id)."""
        return dict(self._new)

    @property
    def text(self) -> str:
        # "Move 3 Notes", "Tidy 5 Notes", "Align 2 Notes Left".
        moved = len(self._nudged) if self.merge_id >= 0 else len(self._new)
        return f"{self._verb} {plural(moved, 'Note')}{self._suffix}"

    def apply(self, session: Session) -> None:
        session.move_notes(self._new)

    def revert(self, session: Session) -> None:
        session.move_notes(self._old)

    def merge_with(self, other: Command) -> bool:
        # Only nudges merge: two drags of the same notes are two undo steps (a negative
        # merge_id means "never merge", as QUndoCommand.id() does).
        if not isinstance(other, MoveNotes) or self.merge_id < 0 or other.merge_id != self.merge_id:
            return False
        if other._nudged != self._nudged:
            return False
        self._old = {**other._old, **self._old}
        self._new = {**self._new, **other._new}
        return True


class ResizeNotes(Command):
    """Give notes new sizes (a resize handle dragged, or the size dialog)."""

    def __init__(self, old: Mapping[str, tuple[float, float]], new: Mapping[str, tuple[float, float]]) -> None:
        self._old = dict(old)
        self._new = dict(new)

    @classmethod
    def to(cls, session: Session, new: Mapping[str, tuple[float, float]]) -> ResizeNotes:
        old = {note_id: (session.note(note_id).width, session.note(note_id).height) for note_id in new}
        return cls(old, new)

    @property
    def text(self) -> str:
        return f"Resize {plural(len(self._new), 'Note')}"

    def apply(self, session: Session) -> None:
        session.resize_notes(self._new)

    def revert(self, session: Session) -> None:
        session.resize_notes(self._old)


class SetNoteColour(Command):
    """Give notes one colour of their own, or (``None``) let them follow their lane again."""

    def __init__(self, old: Mapping[str, str | None], colour: str | None) -> None:
        self._old = dict(old)
        self._colour = colour

    @classmethod
    def to(cls, session: Session, note_ids: Iterable[str], colour: str | None) -> SetNoteColour:
        return cls({note_id: session.note(note_id).colour for note_id in dict.fromkeys(note_ids)}, colour)

    @property
    def text(self) -> str:
        notes = plural(len(self._old), "Note")
        return f"Lane Colour for {notes}" if self._colour is None else f"Colour {notes}"

    def apply(self, session: Session) -> None:
        session.set_note_colours(dict.fromkeys(self._old, self._colour))

    def revert(self, session: Session) -> None:
        session.set_note_colours(self._old)
