"""A workshop session: its lanes and notes, changed only through methods that emit events."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from datetime import datetime
from operator import attrgetter

from canvasapp.model.agenda import Phase
from canvasapp.model.cluster import Cluster
from canvasapp.model.details import SessionDetails
from canvasapp.model.entities import (
    MAX_LANE_WIDTH,
    MAX_NOTE_SIDE,
    MIN_LANE_WIDTH,
    MIN_NOTE_HEIGHT,
    MIN_NOTE_WIDTH,
    Lane,
    Note,
    NotePlacement,
    new_id,
    utc_now,
)
from canvasapp.model.events import Event
from canvasapp.model.rules import SessionError, checked_colour
from canvasapp.model.session_clusters import SessionClusters
from canvasapp.model.session_facilitation import SessionFacilitation
from canvasapp.model.voting import Voting

#: A note's x, y, width and height, read in C.
_CORNERS = attrgetter("x", "y", "width", "height")
_X, _Y, _LANE = attrgetter("x"), attrgetter("y"), attrgetter("lane_id")
#: The colour of a note outside every lane that has none of its own.
_OUTSIDE_LANES_COLOUR = "#FFE45C"


class Session(SessionClusters, SessionFacilitation):
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
        clusters: Iterable[Cluster] = (),
        phases: Iterable[Phase] = (),
        current_phase_id: str | None = None,
        details: SessionDetails | None = None,
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
        self.notes_resized: Event[[list[Note]]] = Event()
        self.note_colours_changed: Event[[list[Note]]] = Event()
        self.lane_added: Event[[Lane]] = Event()
        self.lane_removed: Event[[Lane]] = Event()
        self.lanes_changed: Event[[list[Lane]]] = Event()
        """Lanes whose title, prompt, colour, width or order changed (also after an add or a
        removal renumbered the others)."""
        self.title_changed: Event[[str]] = Event()
        self.edit_finished: Event[[]] = Event()
        self._init_clusters(clusters)  # after the notes: members are checked against them
        self._init_facilitation(phases, current_phase_id, details)
        # Vote rounds, roster and dots; storage fills it with Voting.load.
        self.voting = Voting(self.edit, self)

    @classmethod
    def create(cls, title: str, lanes: Iterable[Lane], template_id: str | None = None) -> Session:
        return cls(new_id(), title, lanes=lanes, template_id=template_id)

    def snapshot(self) -> Session:
        """A copy of the whole session that later edits of this one do not change (nor it
        them), with the same ids: what a job working beside the facilitator reads. Notes are
        copied field by field, so it costs a few milliseconds per thousand notes."""
        copy = Session(
            self.id, self.title, lanes=[lane.copy() for lane in self._lanes],
            notes=[note.copy() for note in self._notes.values()], template_id=self.template_id,
            created=self.created, updated=self.updated, clusters=[cluster.copy() for cluster in self.clusters],
            phases=[phase.copy() for phase in self.agenda.phases], current_phase_id=self.agenda.current_phase_id,
            details=self.details,  # frozen
        )
        voting = self.voting
        copy.voting.load(
            [participant.copy() for participant in voting.participants],
            [round_.copy() for round_ in voting.rounds],
            [vote for round_ in voting.rounds for vote in voting.votes(round_.id)],  # votes are frozen
        )
        return copy

    # --- reading -------------------------------------------------------------------------

    @property
    def lanes(self) -> list[Lane]:
        return list(self._lanes)

    def lane(self, lane_id: str | None) -> Lane | None:
        # A plain loop: asked once per note when a board opens, a generator costs 10x more.
        for lane in self._lanes:
            if lane.id == lane_id:
                return lane
        return None

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

    def notes_of(self, note_ids: Iterable[str]) -> list[Note]:
        """:meth:`note` of each id (each must be in the session), looked up in a C loop: a
        drop of every note asks for 10,000 several times over."""
        try:
            return list(map(self._notes.__getitem__, note_ids))
        except KeyError as missing:
            raise SessionError(f"There is no note {missing.args[0]!r} in this session.") from None

    def note_corners(self, note_ids: Iterable[str]) -> dict[str, tuple[float, float, float, float]]:
        """Where these notes are (x, y, width, height), those the session has: looped in C
        (``filter``, ``map``, ``attrgetter``), since drawings ask it of thousands of notes at once."""
        notes = self._notes
        present = list(filter(notes.__contains__, note_ids))
        return dict(zip(present, map(_CORNERS, map(notes.__getitem__, present)), strict=True))

    def placements(self, note_ids: Iterable[str]) -> dict[str, NotePlacement]:
        """Where these notes are now (each must be in the session), made in C loops: a move
        of every note remembers where 10,000 were."""
        ids = list(note_ids)
        notes = self.notes_of(ids)
        return dict(zip(ids, map(NotePlacement, map(_X, notes), map(_Y, notes), map(_LANE, notes)), strict=True))

    def __len__(self) -> int:
        return len(self._notes)

    def note_colour(self, note: Note) -> str:
        """The colour a note is drawn in: its own, else its lane's."""
        if note.colour:
            return note.colour
        lane = self.lane(note.lane_id)
        return lane.colour if lane else _OUTSIDE_LANES_COLOUR

    def note_colours(self, notes: Iterable[Note]) -> list[str]:
        """:meth:`note_colour` of each note, the lanes looked up once: a move of every note
        asks for 10,000."""
        lane_colours: dict[str | None, str] = {lane.id: lane.colour for lane in self._lanes}
        return [note.colour or lane_colours.get(note.lane_id, _OUTSIDE_LANES_COLOUR) for note in notes]

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
            # Clusters first, so observers never see a cluster naming a deleted note.
            self._detach_notes(note.id for note in removed)
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
        moved = self.notes_of(placements)
        with self.edit():
            now = utc_now()
            relaned = []
            for note in moved:
                placement = placements[note.id]
                if note.lane_id != placement.lane_id:
                    relaned.append(note.id)
                note.x, note.y, note.lane_id = placement.x, placement.y, placement.lane_id
                note.updated = now
            self.notes_moved.emit(moved)
            # A cluster belongs to the lane most of its notes are in.
            self._follow_lanes(relaned)

    def resize_notes(self, sizes: Mapping[str, tuple[float, float]]) -> None:
        """Give notes a new ``(width, height)``; their top-left corner stays where it is."""
        resized = [self.note(note_id) for note_id in sizes]
        for note in resized:
            width, height = sizes[note.id]
            if not (MIN_NOTE_WIDTH <= width <= MAX_NOTE_SIDE and MIN_NOTE_HEIGHT <= height <= MAX_NOTE_SIDE):
                raise SessionError(
                    f"A note is between {MIN_NOTE_WIDTH:g}×{MIN_NOTE_HEIGHT:g} and "
                    f"{MAX_NOTE_SIDE:g}×{MAX_NOTE_SIDE:g} points; {width:g}×{height:g} is not."
                )
        with self.edit():
            now = utc_now()
            for note in resized:
                note.width, note.height = sizes[note.id]
                note.updated = now
            self.notes_resized.emit(resized)

    def set_note_colours(self, colours: Mapping[str, str | None]) -> None:
        """Give notes their own colour, or ``None`` to follow their lane's again."""
        changed = [self.note(note_id) for note_id in colours]
        checked = {note_id: None if colour is None else checked_colour(colour) for note_id, colour in colours.items()}
        with self.edit():
            now = utc_now()
            for note in changed:
                note.colour = checked[note.id]
                note.updated = now
            self.note_colours_changed.emit(changed)

    # --- lanes -----------------------------------------------------------------------------

    def lane_index(self, lane_id: str) -> int:
        for index, lane in enumerate(self._lanes):
            if lane.id == lane_id:
                return index
        raise SessionError(f"There is no lane {lane_id!r} in this session.")

    def notes_in_lane(self, lane_id: str) -> list[Note]:
        return [note for note in self._notes.values() if note.lane_id == lane_id]

    def add_lane(self, lane: Lane, index: int | None = None) -> None:
        """Insert a lane at ``index`` (the end by default); the lanes after it move along."""
        if self.lane(lane.id) is not None:
            raise SessionError(f"The lane {lane.id!r} is already in this session.")
        self._check_lane(lane.title, lane.colour, lane.width)
        lane.colour = checked_colour(lane.colour)
        position = len(self._lanes) if index is None else max(0, min(index, len(self._lanes)))
        with self.edit():
            self._lanes.insert(position, lane)
            renumbered = self._renumber()
            self.lane_added.emit(lane)
            others = [other for other in renumbered if other is not lane]
            if others:
                self.lanes_changed.emit(others)

    def remove_lane(self, lane_id: str) -> tuple[Lane, int]:
        """Remove an empty lane; return it and where it was, so an undo can put it back."""
        index = self.lane_index(lane_id)
        if self.notes_in_lane(lane_id):
            raise SessionError("Only an empty lane can be removed: move or delete its notes first.")
        with self.edit():
            lane = self._lanes.pop(index)
            renumbered = self._renumber()
            self.lane_removed.emit(lane)
            if renumbered:
                self.lanes_changed.emit(renumbered)
        return lane, index

    def update_lane(
        self,
        lane_id: str,
        *,
        title: str | None = None,
        prompt: str | None = None,
        colour: str | None = None,
        width: float | None = None,
    ) -> None:
        """Change a lane's title, prompt, colour or width (what is ``None`` stays)."""
        lane = self._lanes[self.lane_index(lane_id)]
        new_title = lane.title if title is None else title.strip()
        new_colour = lane.colour if colour is None else colour
        new_width = lane.width if width is None else width
        self._check_lane(new_title, new_colour, new_width)
        with self.edit():
            lane.title = new_title
            lane.prompt = lane.prompt if prompt is None else prompt.strip()
            lane.colour = checked_colour(new_colour)
            lane.width = new_width
            self.lanes_changed.emit([lane])

    def move_lane(self, lane_id: str, index: int) -> None:
        """Put a lane at another place in the order (0 is the leftmost)."""
        old_index = self.lane_index(lane_id)
        index = max(0, min(index, len(self._lanes) - 1))
        if index == old_index:
            return
        with self.edit():
            self._lanes.insert(index, self._lanes.pop(old_index))
            self.lanes_changed.emit(self._renumber())

    def _renumber(self) -> list[Lane]:
        """Orders 0, 1, 2, ... again; return the lanes whose order changed."""
        changed = []
        for position, lane in enumerate(self._lanes):
            if lane.order != position:
                lane.order = position
                changed.append(lane)
        return changed

    @staticmethod
    def _check_lane(title: str, colour: str, width: float) -> None:
        if not title.strip():
            raise SessionError("A lane needs a title.")
        checked_colour(colour)
        if not MIN_LANE_WIDTH <= width <= MAX_LANE_WIDTH:
            raise SessionError(f"A lane is between {MIN_LANE_WIDTH:g} and {MAX_LANE_WIDTH:g} points wide.")

    def set_title(self, title: str) -> None:
        title = title.strip()
        if not title:
            raise SessionError("A session needs a title.")
        with self.edit():
            self.title = title
            self.title_changed.emit(title)
