"""Turns the board's gestures into undoable commands on one undo stack."""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QUndoStack

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
from canvasapp.model import Lane, Note, NotePlacement, Session, new_id
from canvasapp.model.entities import LANE_WIDTH, NOTE_HEIGHT, NOTE_WIDTH
from canvasapp.ops import arrange
from canvasapp.ops.clipboard import ClipNote, lines_to_notes
from canvasapp.ops.layout import LANE_HEADER_HEIGHT, NOTE_GAP, lane_at, lane_rects, placements_at
from canvasapp.ops.palette import PALETTE
from canvasapp.ui.board.scene import BoardScene
from canvasapp.ui.window.undo_adapter import UndoAdapter

#: Arrow-key nudges, in scene points: a small step, and a big one with Shift.
NUDGE_STEP = 10.0
BIG_NUDGE_STEP = 50.0
#: How far a duplicate or a repeated paste lands from the notes before it.
PASTE_OFFSET = 30.0


class BoardEditor(QObject):
    """The session's undo stack and the gestures → commands translation.

    Every command goes through :meth:`push`; the model's events then update the scene and the
    store, so undo and redo are drawn and saved exactly like the edits themselves.
    """

    def __init__(self, session: Session, scene: BoardScene, *, read_only: bool = False) -> None:
        super().__init__()
        self.session = session
        self.scene = scene
        self.undo_stack = QUndoStack(self)
        self.read_only = read_only
        self.snap_to_grid = False
        scene.set_read_only(read_only)
        scene.note_requested.connect(self.add_note_at)
        scene.notes_dragged.connect(self.move_notes)
        scene.text_edited.connect(self.edit_text)
        scene.note_resized.connect(lambda note_id, w, h: self.resize_notes({note_id: (w, h)}))
        scene.lane_resized.connect(self.resize_lane)
        scene.text_dropped.connect(self.add_lines_at)

    def push(self, command: Command) -> bool:
        # Callers check what the model would refuse first: an exception raised inside
        # QUndoStack.push (from C++) would not reach us, and the command would stay stacked.
        if self.read_only:
            return False
        self.undo_stack.push(UndoAdapter(command, self.session))
        return True

    # --- notes ----------------------------------------------------------------------------

    def add_note_at(self, x: float, y: float) -> str | None:
        """A new empty note centred at a scene position, then edit it."""
        left, top = x - NOTE_WIDTH / 2, y - NOTE_HEIGHT / 2
        lane_id = lane_at(self.session.lanes, x)
        lane = lane_rects(self.session.lanes).get(lane_id) if lane_id is not None else None
        if lane is not None:
            # Near a lane's edge the note moves in rather than hanging over into the next lane;
            # below the header, never on it.
            left = min(max(left, lane.x + NOTE_GAP), lane.right - NOTE_WIDTH - NOTE_GAP)
            top = max(top, LANE_HEADER_HEIGHT + NOTE_GAP)
        note = Note(id=new_id(), lane_id=lane_id, x=left, y=top)
        if not self.push(AddNotes([note])):
            return None
        self.scene.begin_editing(note.id)
        return note.id

    def edit_text(self, note_id: str, text: str) -> None:
        if self.session.has_note(note_id):
            self.push(EditNoteText(note_id, self.session.note(note_id).text, text))

    def _placements(self, positions: dict[str, tuple[float, float]]) -> dict[str, NotePlacement]:
        return placements_at(self.session, positions)

    def move_notes(self, positions: dict[str, tuple[float, float]]) -> None:
        """Notes dragged to new positions (snapped to the grid when that is on)."""
        if self.snap_to_grid:
            positions = arrange.snap_positions(positions)
        self.push(MoveNotes.to(self.session, self._placements(positions)))

    def nudge(self, note_ids: list[str], dx: float, dy: float) -> None:
        """Arrow keys: consecutive nudges of the same notes merge into one undo step."""
        if not note_ids:
            return
        notes = [self.session.note(note_id) for note_id in note_ids if self.session.has_note(note_id)]
        positions = {note.id: (note.x + dx, note.y + dy) for note in notes}
        self.push(MoveNotes.to(self.session, self._placements(positions), nudge=True))

    def delete_selection(self) -> None:
        note_ids = self.scene.selected_note_ids()
        if note_ids:
            self.push(RemoveNotes(note_ids))

    def cut(self, note_ids: list[str]) -> None:
        if note_ids:
            self.push(RemoveNotes(note_ids, verb="Cut"))

    def resize_notes(self, sizes: dict[str, tuple[float, float]]) -> None:
        sizes = {note_id: size for note_id, size in sizes.items() if self.session.has_note(note_id)}
        if sizes:
            self.push(ResizeNotes.to(self.session, sizes))

    def set_colour(self, note_ids: list[str], colour: str | None) -> None:
        """A palette colour for the notes, or ``None`` for their lane's colour."""
        if note_ids:
            self.push(SetNoteColour.to(self.session, note_ids, colour))

    def paste_notes(self, clipped: list[ClipNote], left: float, top: float, *, verb: str = "Paste") -> list[str]:
        """Add copies of clipped notes with the group's top-left corner at ``(left, top)``."""
        lanes = self.session.lanes
        notes = []
        for clip in clipped:
            x, y = left + clip.dx, top + clip.dy
            notes.append(
                Note(
                    id=new_id(),
                    lane_id=lane_at(lanes, x + clip.width / 2),
                    text=clip.text,
                    x=x,
                    y=y,
                    width=clip.width,
                    height=clip.height,
                    colour=clip.colour,
                )
            )
        if not notes or not self.push(AddNotes(notes, verb=verb)):
            return []
        ids = [note.id for note in notes]
        self.scene.select_only(ids)
        return ids

    def add_lines_at(self, text: str, x: float, y: float, *, verb: str = "Add") -> list[str]:
        """One note per line of text, in a small grid at ``(x, y)`` in the lane there."""
        lines = lines_to_notes(text)
        if not lines:
            return []
        lane_id = lane_at(self.session.lanes, x)
        area = lane_rects(self.session.lanes).get(lane_id) if lane_id else None
        cells = arrange.offset_grid(len(lines), x, y, area)
        lanes = self.session.lanes
        notes = [
            Note(id=new_id(), lane_id=lane_at(lanes, cx + NOTE_WIDTH / 2), text=line, x=cx, y=cy)
            for line, (cx, cy) in zip(lines, cells, strict=True)
        ]
        if not self.push(AddNotes(notes, verb=verb)):
            return []
        ids = [note.id for note in notes]
        self.scene.select_only(ids)
        return ids

    # --- arranging --------------------------------------------------------------------------

    def _boxes(self, note_ids: list[str]) -> list[arrange.Box]:
        return [arrange.Box.of(self.session.note(note_id)) for note_id in note_ids if self.session.has_note(note_id)]

    def _arrange(self, positions: dict[str, tuple[float, float]], verb: str, suffix: str = "") -> None:
        # The command names every arranged note ("Align 3 Notes Left"), also those already in
        # place; nothing at all is pushed when no note moves.
        if any((self.session.note(note_id).x, self.session.note(note_id).y) != xy for note_id, xy in positions.items()):
            self.push(MoveNotes.to(self.session, self._placements(positions), verb=verb, suffix=suffix))

    def tidy(self, note_ids: list[str]) -> None:
        """The notes on a grid inside their own lane (notes outside lanes stay put)."""
        rects = lane_rects(self.session.lanes)
        by_lane: dict[str, list[arrange.Box]] = {}
        for note_id in note_ids:
            note = self.session.note(note_id)
            if note.lane_id in rects:
                by_lane.setdefault(note.lane_id, []).append(arrange.Box.of(note))
        positions: dict[str, tuple[float, float]] = {}
        for lane_id, items in by_lane.items():
            positions.update(arrange.tidy_grid(items, rects[lane_id]))
        self._arrange(positions, "Tidy")

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
        used = {lane.colour.upper() for lane in self.session.lanes}
        colour = next((c.hex for c in PALETTE if c.hex.upper() not in used), PALETTE[0].hex)
        lane = Lane(id=new_id(), title=title.strip(), prompt=prompt, colour=colour, width=LANE_WIDTH)
        index = self.session.lane_index(after) + 1 if after and self.session.lane(after) else None
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
        lane = self.session.lane(lane_id)
        if lane is not None and lane.width != width:
            self.push(ResizeLane.to(self.session, lane_id, width))

    def remove_lane(self, lane_id: str) -> None:
        if self.session.lane(lane_id) is not None:
            self.push(RemoveLane.of(self.session, lane_id))
