"""Find as you type without re-reading the board: each note's text folded once, when it changes.

:class:`FindIndex` follows a session's events, so a keystroke in the find bar costs one
substring test per note (and, when the query only grew, one per previous match) rather than
folding every note's text again and sorting the board into reading order again.
"""

from __future__ import annotations

from canvasapp.model import Lane, Note, Session
from canvasapp.ops.arrange import reading_order
from canvasapp.ops.find import fold


class FindIndex:
    """Folded note texts and the reading order of a session, kept up to date by its events.

    Call :meth:`close` when the session is closed, so the index stops listening.
    """

    def __init__(self, session: Session) -> None:
        self.session = session
        # Folded on the first find, not when the session opens (most sessions never search).
        self._folded_texts: dict[str, str] | None = None
        self._order: list[str] | None = None
        # The last query and its matches: a longer query that starts with it can only match a
        # subset of them.
        self._last: tuple[str, list[str]] | None = None
        session.notes_added.connect(self._on_notes_added)
        session.notes_removed.connect(self._on_notes_removed)
        session.note_text_changed.connect(self._on_text_changed)
        for event in (session.notes_moved, session.notes_resized):
            event.connect(self._on_layout_changed)
        session.lane_added.connect(self._on_lane_changed)
        session.lane_removed.connect(self._on_lane_changed)
        session.lanes_changed.connect(self._on_layout_changed)

    def close(self) -> None:
        session = self.session
        session.notes_added.disconnect(self._on_notes_added)
        session.notes_removed.disconnect(self._on_notes_removed)
        session.note_text_changed.disconnect(self._on_text_changed)
        for event in (session.notes_moved, session.notes_resized):
            event.disconnect(self._on_layout_changed)
        session.lane_added.disconnect(self._on_lane_changed)
        session.lane_removed.disconnect(self._on_lane_changed)
        session.lanes_changed.disconnect(self._on_layout_changed)

    @property
    def _folded(self) -> dict[str, str]:
        if self._folded_texts is None:
            self._folded_texts = {note.id: fold(note.text) for note in self.session.notes}
        return self._folded_texts

    def order(self) -> list[str]:
        """The note ids in reading order (lane by lane, each read like a page)."""
        if self._order is None:
            self._order = reading_order(self.session.notes, self.session.lanes)
        return self._order

    def matches(self, query: str) -> list[str]:
        """The ids (in reading order) whose text contains ``query``, as :func:`find_matches` finds
        them; nothing for a blank query."""
        needle = fold(query.strip())
        if not needle:
            return []
        folded = self._folded
        candidates = self._last[1] if self._last is not None and needle.startswith(self._last[0]) else self.order()
        found = [note_id for note_id in candidates if needle in folded[note_id]]
        self._last = (needle, found)
        return found

    # --- following the session ---------------------------------------------------------------

    def _changed(self, *, layout: bool) -> None:
        self._last = None
        if layout:
            self._order = None

    def _on_notes_added(self, notes: list[Note]) -> None:
        if (folded := self._folded_texts) is not None:
            for note in notes:
                folded[note.id] = fold(note.text)
        self._changed(layout=True)

    def _on_notes_removed(self, notes: list[Note]) -> None:
        if (folded := self._folded_texts) is not None:
            for note in notes:
                folded.pop(note.id, None)
        self._changed(layout=True)

    def _on_text_changed(self, note: Note) -> None:
        if (folded := self._folded_texts) is not None:
            folded[note.id] = fold(note.text)
        self._changed(layout=False)

    def _on_layout_changed(self, _items: list[Note] | list[Lane]) -> None:
        self._changed(layout=True)

    def _on_lane_changed(self, _lane: Lane) -> None:
        self._changed(layout=True)
