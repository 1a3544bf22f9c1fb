"""Gestures in progress on the board, one small class each, from press to release.

The scene starts one on a press (the first that the press point allows), hands it every mouse
move and the release, and forgets it. An interaction previews on the items only; at release it
puts the items back and emits one intent with ids and values, so the command's events draw the
result (and an undo draws the start).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import Protocol

from PySide6.QtCore import QPointF, QRectF

from canvasapp.model import Lane, Session
from canvasapp.model.entities import MAX_NOTE_SIDE, MIN_LANE_WIDTH, MIN_NOTE_HEIGHT, MIN_NOTE_WIDTH
from canvasapp.ops.collections_paused import collections_paused
from canvasapp.ui.board.lane_item import LaneItem
from canvasapp.ui.board.note_item import NoteItem
from canvasapp.ui.clusters.cluster_item import ClusterItem
from canvasapp.ui.clusters.cluster_layer import ClusterLayer

#: Where an interaction sends its intent at release (a scene signal's ``emit``).
ResizedNote = Callable[[str, float, float], None]
ResizedLane = Callable[[str, float], None]
LayoutLanes = Callable[[list[Lane] | None], None]
MovedNotes = Callable[[dict[str, tuple[float, float]]], None]
#: Where a note is: x, y, width, height.
Corners = tuple[float, float, float, float]


class Interaction(Protocol):
    """A gesture between a press and its release."""

    #: Whether Qt's own item moving runs too (a plain note drag): the scene calls the default
    #: mouse handling before ``move`` and ``release``.
    lets_qt_move: bool

    def move(self, pos: QPointF) -> None: ...

    def release(self, pos: QPointF) -> None: ...


class ResizeNote:
    """A note's corner handle dragged: the note grows or shrinks, within the allowed sizes."""

    lets_qt_move = False

    def __init__(self, item: NoteItem, press: QPointF, emit: ResizedNote) -> None:
        self._item = item
        self._press = QPointF(press)
        self._start = item.size()
        self._emit = emit

    def move(self, pos: QPointF) -> None:
        width, height = self._start
        self._item.set_size(
            min(MAX_NOTE_SIDE, max(MIN_NOTE_WIDTH, width + pos.x() - self._press.x())),
            min(MAX_NOTE_SIDE, max(MIN_NOTE_HEIGHT, height + pos.y() - self._press.y())),
        )

    def release(self, pos: QPointF) -> None:
        if self._item.size() != self._start:
            width, height = self._item.size()
            self._item.set_size(*self._start)
            self._emit(self._item.note_id, width, height)


class ResizeLane:
    """A lane's right edge dragged: the lane and the lanes right of it follow the preview."""

    lets_qt_move = False

    def __init__(self, session: Session, lane: LaneItem, press_x: float, layout: LayoutLanes, emit: ResizedLane) -> None:
        self._session = session
        self._lane_id = lane.lane_id
        self._press_x = press_x
        self._width = lane.rect().width()
        self._layout = layout
        self._emit = emit

    def _new_width(self, pos: QPointF) -> float:
        return max(MIN_LANE_WIDTH, self._width + pos.x() - self._press_x)

    def move(self, pos: QPointF) -> None:
        width = self._new_width(pos)
        self._layout([replace(lane, width=width) if lane.id == self._lane_id else lane for lane in self._session.lanes])

    def release(self, pos: QPointF) -> None:
        width = round(self._new_width(pos))
        self._layout(None)
        if self._session.lane(self._lane_id) is not None and width != self._width:
            self._emit(self._lane_id, float(width))


class DragFrame:
    """A cluster's frame dragged with its notes; let go on another frame, the two merge."""

    lets_qt_move = False

    def __init__(self, layer: ClusterLayer, frame: ClusterItem, press: QPointF) -> None:
        self._layer = layer
        self._cluster_id = frame.cluster_id
        self._press = QPointF(press)
        self._starts = {note_id: layer.note_position(note_id) for note_id in layer.members(frame.cluster_id)}
        self._frame = QRectF(frame.rect())

    def _delta(self, pos: QPointF) -> QPointF:
        return pos - self._press

    def _gone(self) -> bool:
        """The cluster was ungrouped while its frame was held (Ctrl+Z of the Group): the drag
        moves nothing from then on, and its notes go back where the session has them."""
        if self._cluster_id in self._layer.cluster_ids():
            return False
        for note_id in self._starts:
            if (at := self._layer.session_position(note_id)) is not None:
                self._layer.place_note(note_id, at)
        self._starts = {}
        return True

    def move(self, pos: QPointF) -> None:
        if self._gone():
            return
        delta = self._delta(pos)
        for note_id, origin in self._starts.items():
            self._layer.place_note(note_id, origin + delta)
        self._layer.item(self._cluster_id).set_rect(self._frame.translated(delta))

    def release(self, pos: QPointF) -> None:
        delta = self._delta(pos)
        if delta.manhattanLength() < 1 or self._gone():
            return
        target = self._layer.frame_at(pos, other_than=self._cluster_id)
        for note_id, origin in self._starts.items():
            self._layer.place_note(note_id, origin)
        self._layer.item(self._cluster_id).set_rect(self._frame)
        self._layer.cluster_dragged.emit(self._cluster_id, delta.x(), delta.y(), target)


class DragNotes:
    """Selected notes dragged; at release, where they were let go decides: on a note or into a
    frame is a cluster gesture, anywhere else a move.

    Qt moves the items under the mouse, unless the notes are ``carried``: moving thousands of
    items per mouse move costs more than the step's budget (10,000 items: about 50 ms a step,
    most of it Qt indexing them again), so the items stay and the release moves the notes once.
    Zoomed out the blocks (``note_blocks``) are drawn shifted by :meth:`offset`; zoomed in, only
    the items the scene names with :meth:`show_also` (those the drag can bring into sight)
    follow the mouse; the release moves every note through the model, which places them all.
    """

    def __init__(
        self, layer: ClusterLayer, items: dict[str, NoteItem], emit_moved: MovedNotes,
        *, corners: dict[str, Corners], carried: bool = False, press: QPointF | None = None,
        along: dict[str, NoteItem] | None = None,
    ) -> None:
        self._layer = layer
        self._anchor = next(iter(items))
        #: Notes that go with the dragged ones though Qt does not move them: those folded into
        #: the card of a collapsed cluster selected with them (Select All selects the card).
        self._along = set(along or ())
        self._items = {**items, **(along or {})}
        #: Where each note was at the press (x, y, width, height), as plain numbers: the release
        #: adds the drag's offset to each without a call into Qt. Read by the scene from the
        #: session, where the items are, once for the drag and the blocks (asking 10,000 items
        #: where they are took ~15 ms of a press); a note the session no longer has is asked its item.
        self._corners = dict(corners)
        for note_id in self._items.keys() - self._corners.keys():
            item = self._items[note_id]
            self._corners[note_id] = (item.x(), item.y(), *item.size())
        self._emit_moved = emit_moved
        self.carried = carried
        #: Carried notes in sight, zoomed in, by id: their items follow the mouse.
        self._shown: dict[str, NoteItem] = {}
        #: The part of the board in sight when the shown notes were last worked out (scene).
        self.seen = QRectF()
        self.lets_qt_move = not carried
        self._press = QPointF(press) if press is not None else QPointF()
        self._delta = QPointF()
        layer.begin_note_drag(list(self._corners))

    def offset(self) -> QPointF:
        """How far the notes have been dragged so far."""
        if self.carried:
            return QPointF(self._delta)
        anchor = self._items[self._anchor]
        x, y, _width, _height = self._corners[self._anchor]
        return QPointF(anchor.x() - x, anchor.y() - y)

    def move(self, pos: QPointF) -> None:
        if self.carried:
            delta = self._delta = pos - self._press
            dx, dy, corners = delta.x(), delta.y(), self._corners
            for note_id, item in self._shown.items():
                if item.scene() is not None:
                    x, y, _width, _height = corners[note_id]
                    item.setPos(x + dx, y + dy)
        self._layer.follow_note_drag(self.offset())

    @property
    def items(self) -> dict[str, NoteItem]:
        """The dragged notes' items, by note id."""
        return self._items

    @property
    def moved_items(self) -> list[str]:
        """The notes whose items this drag moved itself or let Qt move (put where the model has
        them when the drag ends, by its release or called off)."""
        return list(self._shown) if self.carried else list(self._items)

    def show_also(self, items: dict[str, NoteItem]) -> None:
        """These carried notes follow the mouse from its next move on."""
        self._shown.update(items)

    def _moved(self) -> dict[str, tuple[float, float]]:
        if self.carried:
            delta = self._delta
            if delta.isNull():
                return {}
            # Every dragged note, also one deleted meanwhile (another window's edit): the edits
            # leave out notes the session no longer has, and asking each item whether it is
            # still on the board is a call into Qt per note (10,000 at a drop of everything).
            dx, dy = delta.x(), delta.y()
            return {note_id: (x + dx, y + dy) for note_id, (x, y, _width, _height) in self._corners.items()}
        moved = {
            note_id: at for note_id in self._items
            if note_id not in self._along and (at := self._position(note_id)) != self._corners[note_id][:2]
        }
        offset = self.offset()
        if moved and not offset.isNull():
            dx, dy, corners = offset.x(), offset.y(), self._corners
            moved.update({
                note_id: (corners[note_id][0] + dx, corners[note_id][1] + dy) for note_id in self._along
            })
        return moved

    def _position(self, note_id: str) -> tuple[float, float]:
        item = self._items[note_id]
        return item.x(), item.y()

    def release(self, pos: QPointF) -> None:
        if self.carried:
            self._delta = pos - self._press
        # A drop of thousands of notes makes a few objects per note on its way to the library
        # (positions, placements, the command's two snapshots), none of them garbage: a pass of
        # the cycle collector over the whole process then finds nothing and costs the drop.
        with collections_paused():
            moved = self._moved()
            target = self._layer.drop_target(list(moved), pos) if moved else None
            if target is not None:
                self._layer.notes_dropped.emit(moved, target[0], target[1])
            elif moved:
                self._emit_moved(moved)
