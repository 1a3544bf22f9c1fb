"""The board's edits: notes, lanes and arranging, each one command through :class:`Edits`."""

from __future__ import annotations

from dataclasses import replace
from operator import attrgetter

from canvasapp.commands import (
    AddLane,
    AddNotes,
    Command,
    EditNoteText,
    MoveLane,
    MoveNotes,
    RemoveLane,
    RemoveNotes,
    RenameLane,
    ResizeLane,
    ResizeNotes,
    SetLaneColour,
    SetNoteColour,
)
from canvasapp.commands.base import Compound
from canvasapp.commands.imports import import_command
from canvasapp.editing.edits import Edits
from canvasapp.editing.lane_room import lanes_widened, narrowest_room
from canvasapp.model import Cluster, Lane, Note, NotePlacement, Session, new_id
from canvasapp.model.entities import LANE_WIDTH, NOTE_HEIGHT, NOTE_WIDTH
from canvasapp.ops import arrange, lane_layout
from canvasapp.ops.clipboard import ClipNote, lines_to_notes
from canvasapp.ops.cluster_summary import FRAME_PADDING
from canvasapp.ops.lane_layout import Board
from canvasapp.ops.lanes import follow_lanes
from canvasapp.ops.layout import NOTE_GAP, LaneSpans, Rect, inside_lane, lane_at, lane_rects, placements_at
from canvasapp.ops.note_growth import TextHeight, grown_height
from canvasapp.ops.palette import unused_lane_colour

#: Arrow-key nudges, in board points: a small step, and a big one with Shift.
NUDGE_STEP = 10.0
BIG_NUDGE_STEP = 50.0
#: How far a duplicate or a repeated paste lands from the notes before it.
PASTE_OFFSET = 30.0
_WIDTH = attrgetter("width")


class BoardEditing:
    """Gestures and menu choices on notes and lanes → commands (returns what the UI selects next)."""

    def __init__(self, edits: Edits, text_height: TextHeight | None = None) -> None:
        self.edits = edits
        self.session: Session = edits.session
        self.snap_to_grid = False
        #: How tall text is at the board's text size; ``None``: notes never grow by themselves.
        self.text_height = text_height

    def push(self, command: Command) -> bool:
        return self.edits.push(command)

    # --- notes ----------------------------------------------------------------------------

    def add_note_at(self, x: float, y: float) -> str | None:
        """A new empty note centred at a board position, moved inside the lane there (and down,
        off anything already there)."""
        left, top = inside_lane(self.session.lanes, x, x - NOTE_WIDTH / 2, y - NOTE_HEIGHT / 2, NOTE_WIDTH)
        note = self._placed_new([Note(id=new_id(), lane_id=None, x=left, y=top)])[0]
        return note.id if self.push(AddNotes([note])) else None

    def _placed_new(self, notes: list[Note]) -> list[Note]:
        """New notes moved down so they cover nothing on the board (where they were put, else
        just below), each in the lane under its centre."""
        if not notes:
            return notes
        moved = lane_layout.place_new(Board.of(self.session, extra=notes), {note.id for note in notes})
        return lane_layout.copies_at(self.session.lanes, notes, moved)

    def edit_text(self, note_id: str, text: str) -> None:
        """New text for a note; the note grows to show it (one undo step for both)."""
        if not self.session.has_note(note_id):
            return
        note = self.session.note(note_id)
        edit = EditNoteText(note_id, note.text, text)
        height = grown_height(text, note.width, note.height, self.text_height) if self.text_height else note.height
        if height == note.height:
            self.push(edit)
            return
        self.push(Compound(edit.text, [edit, *self._resized({note_id: (note.width, height)})]))

    def _placements(self, positions: dict[str, tuple[float, float]]) -> dict[str, NotePlacement]:
        return placements_at(self.session, positions)

    def _with_room(self, positions: dict[str, tuple[float, float]], *, snap: bool = False) -> dict[str, tuple[float, float]]:
        """The notes at their new corners and, if they landed on something (or over a lane's
        header, or across its edge), the board tidied around them: they stay, the rest moves down.
        Notes moved together that would cross a lane's edge stop at it together, and then, with
        ``snap``, each goes to the grid (snapped first, notes off the grid would no longer move
        together)."""
        present = list(filter(self.session.has_note, positions))  # another window may have deleted some
        if len(present) != len(positions):
            positions = {note_id: positions[note_id] for note_id in present}
        board = Board.of(self.session)
        positions = dict(lane_layout.held_together(board, positions))
        if snap:
            positions = arrange.snap_positions(positions)
        return {**positions, **lane_layout.settle(board, positions)}

    def _changed_with_room(self, positions: dict[str, tuple[float, float]], *, snap: bool = False) -> dict[str, tuple[float, float]]:
        """:meth:`_with_room`, only the corners that change (none: held where they were)."""
        return lane_layout.changed(Board.of(self.session), self._with_room(positions, snap=snap))

    def move_notes(self, positions: dict[str, tuple[float, float]]) -> None:
        """Notes dragged to new positions (snapped to the grid when that is on); if they end on
        top of something, it makes room, in the same undo step."""
        positions = self._changed_with_room(positions, snap=self.snap_to_grid)
        if not positions:
            return  # held back where they were (against a lane's edge): no step to undo
        self._push_move(MoveNotes.to(self.session, self._placements(positions)), positions)

    def _push_move(self, move: MoveNotes, positions: dict[str, tuple[float, float]]) -> None:
        """A move, with the lanes it needs widened in the same undo step: a note, or a cluster's
        frame, wider than the lane it was dropped into. (A nudge never leaves its lane: making
        room keeps it in.) Only the notes that could stick out are named to ``lanes_widened``:
        those of clusters, and those wider than the narrowest lane's room (none, usually)."""
        session, room = self.session, narrowest_room(self.session)
        clusters = session.clusters_of(positions)
        # The notes of those clusters, and any note wider than the narrowest lane's room: asked
        # in C loops, since a move of a whole board names 10,000 notes and usually none of them.
        named = {note_id for cluster in clusters for note_id in cluster.note_ids if note_id in positions}
        notes = session.notes_of(positions)
        if notes and max(map(_WIDTH, notes)) > room:
            named.update(note.id for note in notes if note.width > room)
        rects = {
            note_id: Rect(x, y, (note := session.note(note_id)).width, note.height)
            for note_id, (x, y) in positions.items() if note_id in named
        } if named else {}
        wider = lanes_widened(session, clusters, rects)
        if wider:
            self.edits.push_all(move.text, [move, *wider])
        else:
            self.push(move)

    def nudge(self, note_ids: list[str], dx: float, dy: float) -> None:
        """Arrow keys: consecutive nudges of the same notes merge into one undo step."""
        notes = [self.session.note(note_id) for note_id in note_ids if self.session.has_note(note_id)]
        if notes:
            positions = self._changed_with_room({note.id: (note.x + dx, note.y + dy) for note in notes})
            if positions:  # else held against a lane's edge: nothing moves, no step to undo
                self.push(MoveNotes.to(self.session, self._placements(positions), nudge=True, nudged=[note.id for note in notes]))

    def delete(self, note_ids: list[str], *, verb: str = "Delete") -> None:
        if note_ids:
            self.push(RemoveNotes(note_ids, verb=verb))

    def resize_notes(self, sizes: dict[str, tuple[float, float]]) -> None:
        """New sizes; a note grown over its neighbours (or past its lane's edge) stays, and
        they move down, in the same undo step."""
        sizes = {note_id: size for note_id, size in sizes.items() if self.session.has_note(note_id)}
        if not sizes:
            return
        parts = self._resized(sizes)
        # A member grown wider than its narrowed lane leaves room for: the lane widens.
        grown = {n: self._rect_after(n, sizes, parts) for n in sizes}
        parts += lanes_widened(self.session, [c for c in self.session.clusters if grown.keys() & set(c.note_ids)], grown)
        if len(parts) == 1:
            self.push(parts[0])
        else:
            self.edits.push_all(parts[0].text, parts)

    def _rect_after(self, note_id: str, sizes: dict[str, tuple[float, float]], parts: list[Command]) -> Rect:
        """Where ``note_id`` lies once the resize ``parts`` are done."""
        note = self.session.note(note_id)
        x, y = note.x, note.y
        for part in parts:
            if isinstance(part, MoveNotes) and note_id in part.placements:
                x, y = part.placements[note_id].x, part.placements[note_id].y
        return Rect(x, y, *sizes[note_id])

    def _resized(self, sizes: dict[str, tuple[float, float]]) -> list[Command]:
        """The resize, and the move that makes room for it if it covers something: the notes
        keep their corners (moved inside their lane), what they cover moves down, badge strips
        included (:func:`canvasapp.ops.lane_layout.settle`)."""
        resize = ResizeNotes.to(self.session, sizes)
        board = Board.of(self.session)
        grown = {note_id: replace(board.notes[note_id], width=w, height=h) for note_id, (w, h) in sizes.items()}
        corners = {note_id: (rect.x, rect.y) for note_id, rect in grown.items()}
        positions = lane_layout.changed(board, lane_layout.settle(replace(board, notes={**board.notes, **grown}), corners))
        if not positions:
            return [resize]
        widths = {note_id: (grown[note_id] if note_id in grown else board.notes[note_id]).width for note_id in positions}
        spans = LaneSpans(self.session.lanes)
        move = MoveNotes(
            self.session.placements(positions),
            {n: NotePlacement(x, y, spans.lane_at(x + widths[n] / 2)) for n, (x, y) in positions.items()},
        )
        return [resize, move]

    def set_colour(self, note_ids: list[str], colour: str | None) -> None:
        """A palette colour for the notes, or ``None`` for their lane's colour."""
        if note_ids:
            self.push(SetNoteColour.to(self.session, note_ids, colour))

    def paste_notes(self, clipped: list[ClipNote], left: float, top: float, *, verb: str = "Paste") -> list[str]:
        """Copies of clipped notes with the group's top-left corner at ``(left, top)``."""
        spans = LaneSpans(self.session.lanes)
        notes = [
            Note(
                id=new_id(), lane_id=spans.lane_at(left + clip.dx + clip.width / 2), text=clip.text,
                x=left + clip.dx, y=top + clip.dy, width=clip.width, height=clip.height, colour=clip.colour,
            )
            for clip in clipped
        ]
        notes = self._placed_new(notes)
        if not notes or not self.push(AddNotes(notes, verb=verb)):
            return []
        return [note.id for note in notes]

    def add_lines_at(self, text: str, x: float, y: float, *, verb: str = "Add") -> list[str]:
        """One note per line of text, in a small grid at ``(x, y)`` in the lane there."""
        lines = lines_to_notes(text)
        if not lines:
            return []
        lanes = self.session.lanes
        lane_id = lane_at(lanes, x)
        area = lane_rects(lanes).get(lane_id) if lane_id else None
        cells = arrange.offset_grid(len(lines), x, y, area)
        spans = LaneSpans(lanes)
        notes = [
            Note(id=new_id(), lane_id=spans.lane_at(cx + NOTE_WIDTH / 2), text=line, x=cx, y=cy)
            for line, (cx, cy) in zip(lines, cells, strict=True)
        ]
        notes = self._placed_new(notes)
        if not self.push(AddNotes(notes, verb=verb)):
            return []
        return [note.id for note in notes]

    def add_imports(self, lanes: list[Lane], notes: list[Note], clusters: list[Cluster]) -> bool:
        """What a file brings into this session (lanes, placed notes, clusters): one undo step."""
        if not notes and not lanes:
            return False
        return self.push(import_command(self.session, lanes, notes, clusters))

    # --- arranging --------------------------------------------------------------------------

    def _boxes(self, note_ids: list[str]) -> list[arrange.Box]:
        return [arrange.Box.of(self.session.note(note_id)) for note_id in note_ids if self.session.has_note(note_id)]

    def _arrange(self, positions: dict[str, tuple[float, float]], verb: str, suffix: str = "") -> None:
        # The command names every arranged note ("Align 3 Notes Left"), also those already in
        # place; nothing at all is pushed when no note moves.
        session = self.session
        if any((session.note(note_id).x, session.note(note_id).y) != xy for note_id, xy in positions.items()):
            positions = self._with_room(positions)
            self.push(MoveNotes.to(session, self._placements(positions), verb=verb, suffix=suffix))

    def tidy(self, note_ids: list[str]) -> None:
        """The notes' blocks (a cluster whole) in rows inside their own lane, the lane's other
        blocks moved down to make room (notes outside lanes stay put)."""
        ids = [note_id for note_id in note_ids if self.session.has_note(note_id)]
        positions = lane_layout.tidy(Board.of(self.session), ids)
        if positions:
            self.push(MoveNotes.to(self.session, self._placements(positions), verb="Tidy"))

    def align_left(self, note_ids: list[str]) -> None:
        self._arrange(arrange.align_left(self._boxes(note_ids)), "Align", " Left")

    def align_top(self, note_ids: list[str]) -> None:
        self._arrange(arrange.align_top(self._boxes(note_ids)), "Align", " Top")

    def distribute_horizontally(self, note_ids: list[str]) -> None:
        self._arrange(arrange.distribute_horizontally(self._boxes(note_ids)), "Distribute", " Horizontally")

    def distribute_vertically(self, note_ids: list[str]) -> None:
        self._arrange(arrange.distribute_vertically(self._boxes(note_ids)), "Distribute", " Vertically")

    # --- lanes -------------------------------------------------------------------------------

    def add_lane(self, title: str, after: str | None = None, prompt: str = "") -> str | None:
        """A new lane right of ``after`` (else at the end), in a palette colour no lane has."""
        session = self.session
        colour = unused_lane_colour(lane.colour for lane in session.lanes)
        lane = Lane(id=new_id(), title=title.strip(), prompt=prompt, colour=colour, width=LANE_WIDTH)
        index = session.lane_index(after) + 1 if after and session.lane(after) else None
        return lane.id if self.push(AddLane(lane, index)) else None

    def rename_lane(self, lane_id: str, title: str, prompt: str | None = None) -> None:
        lane = self.session.lane(lane_id)
        if lane is None or not title.strip():
            return
        if (title.strip(), lane.prompt if prompt is None else prompt) != (lane.title, lane.prompt):
            self.push(RenameLane.to(self.session, lane_id, title, prompt))

    def set_lane_colour(self, lane_id: str, colour: str) -> None:
        lane = self.session.lane(lane_id)
        if lane is not None and lane.colour.upper() != colour.upper():
            self.push(SetLaneColour.to(self.session, lane_id, colour))

    def move_lane(self, lane_id: str, steps: int) -> None:
        if self.session.lane(lane_id) is None:
            return
        command = MoveLane.by(self.session, lane_id, steps)
        if command.changes_anything:
            self.push(command)

    def resize_lane(self, lane_id: str, width: float) -> None:
        """A new width; a narrower lane pulls its notes in (``ops/lanes.py``), and the layout
        parts the ones that then cover one another, in the same undo step."""
        session = self.session
        lane = session.lane(lane_id)
        if lane is None:
            return
        # Never narrower than its widest note in a frame: a cluster folds no narrower than that.
        widest = max((note.width for note in session.notes_in_lane(lane_id)), default=0.0)
        width = max(width, min(lane.width, widest + 2 * (FRAME_PADDING + NOTE_GAP)))
        if lane.width == width:
            return
        resize = ResizeLane.to(session, lane_id, width)
        if width > lane.width:
            self.push(resize)
            return
        lanes = [other.copy() for other in session.lanes]
        for other in lanes:
            if other.id == lane_id:
                other.width = width
        followed = follow_lanes(session.lanes, lanes, session.notes)
        board = replace(Board.of(session), lanes=tuple(lanes)).moved({n: (p.x, p.y) for n, p in followed.items()})
        in_lane = {note.id for note in session.notes_in_lane(lane_id)}
        parted = lane_layout.changed(board, lane_layout.make_room(board, (), new=in_lane))
        if not parted:
            self.push(resize)
            return
        widths = {note_id: board.notes[note_id].width for note_id in parted}
        spans = LaneSpans(lanes)
        move = MoveNotes(
            session.placements(parted),
            {n: NotePlacement(x, y, spans.lane_at(x + widths[n] / 2)) for n, (x, y) in parted.items()},
        )
        self.edits.push_all(resize.text, [resize, move])

    def remove_lane(self, lane_id: str) -> None:
        if self.session.lane(lane_id) is not None:
            self.push(RemoveLane.of(self.session, lane_id))
