"""The board: one item per lane and note, kept in step with the session's events.

Items never see the model. Gestures leave the scene as *intents* carrying ids and positions
(``note_requested``, ``notes_dragged``, ``text_edited``, ``note_resized``, ``lane_resized``,
``lane_rename_requested``, ``text_dropped``, ``context_menu_requested``); the editor and the
window turn them into commands.
"""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from itertools import chain, islice, repeat
from operator import add, attrgetter
from typing import Any

from PySide6.QtCore import QEvent, QPointF, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QTransform
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsScene,
    QGraphicsSceneContextMenuEvent,
    QGraphicsSceneDragDropEvent,
    QGraphicsSceneMouseEvent,
    QGraphicsView,
)

from canvasapp.model import Event, Lane, Note, Session
from canvasapp.ops.board_index import index_of
from canvasapp.ops.collections_paused import bring_back_in, collections_paused, leave_built_board_out
from canvasapp.ops.layout import Rect, lane_rects
from canvasapp.ui.board.empty_hint import EmptyBoardHint
from canvasapp.ui.board.interactions import DragFrame, DragNotes, Interaction, ResizeLane, ResizeNote
from canvasapp.ui.board.lane_item import LaneItem
from canvasapp.ui.board.note_item import DETAIL_THRESHOLD, NOTE_FLAGS, NOTE_Z, NoteItem
from canvasapp.ui.board.note_shelves import NoteShelves
from canvasapp.ui.board.note_text_editor import NoteEditor
from canvasapp.ui.clusters.cluster_item import ClusterItem, ClusterTitleEditor
from canvasapp.ui.clusters.cluster_layer import ClusterLayer

_MARGIN = 400.0
#: From this many items changing how they look at once, the scene is repainted whole
#: (``_repaint_whole_if_many``).
REPAINT_WHOLE_FROM = 200
#: How close (in screen pixels) to a lane's right edge a press starts resizing the lane.
_EDGE_GRIP_PX = 8.0
#: More notes than this arriving at once (a big board opening, an import) get their items over
#: several turns of the event loop, so the window never stops for the thousands of items a big
#: board holds: the blocks draw them from the model meanwhile (``note_blocks.py``), and a press,
#: a detailed paint or any lookup makes the items it needs at once.
MADE_AT_ONCE = 300
#: A drag of more notes than this is carried (``interactions.DragNotes``): Qt moving every item
#: at each mouse move costs about 5 µs an item, and more again to index them.
QT_MOVES_AT_MOST = 500
#: A note's fields, read in C over thousands of notes.
_ID, _X, _Y, _WIDTH, _HEIGHT = map(attrgetter, ("id", "x", "y", "width", "height"))
#: How long one turn of the event loop may spend making items (s): the rest waits a turn.
_MAKING_BUDGET_S = 0.012
#: Items made between two looks at the clock.
_MAKING_STEP = 50
#: While a gesture holds the mouse, the waiting items wait: the making would share the event
#: loop's turns with the gesture's mouse moves (a 100,000-note board's drag went from 19 to
#: 46 ms a step). Every this many ms the maker looks again whether the gesture has ended.
_MAKING_PAUSE_MS = 100
#: Notes put in the index's buckets per idle turn after a big board's items are made (~10 ms).
_INDEX_STEP = 3000


def _each(method: Callable[[NoteItem, Any], object], items: Iterable[NoteItem], value: object) -> None:
    """``method(item, value)`` for every item, looped in C rather than in Python bytecode
    (2 ms less per 10,000 notes on a zoom switch or Select All)."""
    deque(map(method, items, repeat(value)), maxlen=0)


class BoardScene(QGraphicsScene):
    """The lanes and notes of one session, and the gestures made on them."""

    note_requested = Signal(float, float)
    """A double-click on empty board at this scene position."""
    notes_dragged = Signal(object)
    """``{note_id: (x, y)}``: where a drag left the notes it moved, at mouse release."""
    text_edited = Signal(str, str)
    """``(note_id, text)``: editing ended with a changed text."""
    note_resized = Signal(str, float, float)
    """``(note_id, width, height)``: a resize handle was let go."""
    lane_resized = Signal(str, float)
    """``(lane_id, width)``: a lane's right edge was let go."""
    lane_rename_requested = Signal(str)
    """A double-click on a lane's title."""
    text_dropped = Signal(str, float, float)
    """Plain text dropped at this scene position (one note per line)."""
    context_menu_requested = Signal(object, object, object)
    """``(note_id or None, lane_id or None, QPoint on the screen)``."""
    notes_reshaped = Signal(object, bool)
    """``([note_id, ...], as_in_model)``: notes whose items changed place, size, colour or
    visibility (or were added or removed), so a drawing of the board as blocks updates only
    those. ``as_in_model``: the items were just moved or resized to where the session has the
    notes, keeping their colour and visibility (a drawing may read thousands of them from the
    session rather than from each item); ``False`` for anything else, such as a preview, where
    an item is ahead of its note (a cluster's frame dragged), a new colour or a fold. A note
    named both ways is read from its item."""
    note_drag_began = Signal(object, object)
    """``({note_id: NoteItem}, {note_id: (x, y, width, height)})``: these selected notes are
    picked up (Qt moves their items, or the drag carries them), and where the session has
    them at the press."""
    note_drag_stepped = Signal(QPointF)
    """How far the dragged notes are from where they were (one mouse move)."""
    note_drag_ended = Signal()
    """The drag was let go; its outcome (if any) has been applied by then."""

    def __init__(self, session: Session) -> None:
        super().__init__()
        self._session = session
        self._notes: dict[str, NoteItem] = {}
        self._shelves = NoteShelves(self, NOTE_Z)
        # Notes of the session whose items are not made yet (a big import arrives over a few
        # event-loop turns): made in order by ``_maker``, or at once when anything asks for one.
        self._waiting: dict[str, None] = {}
        self._maker = QTimer(self)
        self._maker.setInterval(0)
        self._maker.timeout.connect(self._make_waiting_items)
        # Then, in the next idle turns, the layout's index of where every note is (otherwise
        # built by the first gesture that makes room: 100,000 notes, a second).
        self._index_warmer = QTimer(self)
        self._index_warmer.setInterval(0)
        self._index_warmer.timeout.connect(self._warm_index)
        self._as_blocks = False
        #: The note items that draw themselves: those a view has shown in detail since the
        #: blocks last drew every note. The others are flagged ``ItemHasNoContents``, so a zoom
        #: switch changes only the items in sight, not every item of the board.
        self._drawn: dict[str, NoteItem] = {}
        #: One more each time every note stops drawing itself (views then look again).
        self.drawn_generation = 0
        self._lanes: dict[str, LaneItem] = {}
        self._editor: NoteEditor | None = None
        self._interaction: Interaction | None = None
        #: A note drag called off by another button: the mouse moves nothing until all are up.
        self._called_off = False
        self._read_only = False
        self._board_bottom = 0.0
        # Where the notes reach, grown as they are added and moved: itemsBoundingRect() would
        # ask every one of 10,000 items each time the board's size is needed.
        self._extent = QRectF()
        self._cursor_pos: QPointF | None = None
        self._handle_note: str | None = None
        # The selected notes' ids, kept until the selection changes: asking Qt means wrapping
        # every selected item in Python (10,000 after Select All), and several parts ask.
        self._selected_ids: list[str] | None = None
        self._selection_known: list[str] | None = None
        self._edge_cursor = False
        #: Find's matches, and the one it is at (ringed more strongly).
        self._matches: set[str] = set()
        self._current_match: str | None = None
        self.setItemIndexMethod(QGraphicsScene.ItemIndexMethod.BspTreeIndex)
        self._build()
        self.selectionChanged.connect(self._on_selection_changed)
        for event, observer in self._observers():
            event.connect(observer)
        # After the scene's own observers: frames are drawn around notes already in place.
        self.clusters = ClusterLayer(self, session)

    def _observers(self) -> list[tuple[Event[...], Callable[..., object]]]:
        session = self._session
        return [
            (session.notes_added, self._on_notes_added),
            (session.notes_removed, self._on_notes_removed),
            (session.notes_moved, self._on_notes_moved),
            (session.note_text_changed, self._on_note_text_changed),
            (session.notes_resized, self._on_notes_resized),
            (session.note_colours_changed, self._on_note_colours_changed),
            (session.lane_added, self._on_lane_added),
            (session.lane_removed, self._on_lane_removed),
            (session.lanes_changed, self._on_lanes_changed),
        ]

    def detach(self) -> None:
        """Stop following the session (its window is closing)."""
        self.finish_editing()
        self._maker.stop()
        self._index_warmer.stop()
        self._waiting.clear()
        self.clusters.detach()
        bring_back_in()  # what the board left out of collections is collected again
        for event, observer in self._observers():
            event.disconnect(observer)

    # --- queries --------------------------------------------------------------------------

    def note_item(self, note_id: str) -> NoteItem:
        item = self._item(note_id)
        if item is None:
            raise KeyError(note_id)
        return item

    def note_items(self) -> list[NoteItem]:
        """Every note's item (those still waiting are made now)."""
        self.make_all_items()
        return list(self._notes.values())

    def made_note_items(self) -> list[NoteItem]:
        """The items made so far (the rest come in the next turns: see :attr:`making_items`)."""
        return list(self._notes.values())

    def find_note_item(self, note_id: str) -> NoteItem | None:
        """The note's item (made now if it was waiting), or ``None`` once the note is gone."""
        return self._item(note_id)

    def made_note_item(self, note_id: str) -> NoteItem | None:
        """The note's item if it is made (``None`` for a note gone, or whose item is still to
        come: it is named to ``notes_reshaped`` when made)."""
        return self._notes.get(note_id)

    @property
    def making_items(self) -> bool:
        """Some notes are in the session but their items come in the next event-loop turns."""
        return bool(self._waiting)

    @property
    def building(self) -> bool:
        """Items are being made, or after them the layout's index (see :meth:`_warm_index`)."""
        return bool(self._waiting) or self._index_warmer.isActive()

    def make_all_items(self) -> None:
        """Make the items of every note still waiting (something needs all of them now)."""
        if self._waiting:
            self._make_items(list(self._waiting))

    def make_items_in(self, rect: QRectF) -> None:
        """Make the waiting items of the notes that may lie in ``rect`` (scene coordinates): what
        a paint in detail or a press there needs, found through the session's board index."""
        if not self._waiting:
            return
        area = Rect(rect.x(), rect.y(), rect.width(), rect.height())
        wanted = [note_id for note_id in index_of(self._session).near(area) if note_id in self._waiting]
        if wanted:
            self._make_items(wanted)

    def waiting_blocks(self) -> list[tuple[str, QRectF, str]]:
        """Every waiting note that will be shown: its id, rectangle and colour, as its item
        will have them (one pass for the blocks' first drawing of a big board)."""
        session = self._session
        lane_colours = {lane.id: lane.colour for lane in session.lanes}
        folded = self._folded_note_ids()
        found = []
        for note_id in self._waiting:
            if note_id in folded:
                continue
            note = session.note(note_id)
            colour = note.colour or lane_colours.get(note.lane_id or "") or session.note_colour(note)
            found.append((note_id, QRectF(note.x, note.y, note.width, note.height), colour))
        return found

    def _folded_note_ids(self) -> set[str]:
        """The notes folded into a collapsed cluster's card (their items are hidden)."""
        return {note_id for cluster in self._session.clusters if cluster.collapsed for note_id in cluster.note_ids}

    def note_corners(self, note_ids: Iterable[str]) -> dict[str, tuple[float, float, float, float]]:
        """Where these notes are in the model (x, y, width, height): read from Python objects,
        no call into Qt per note (the blocks compare where thousands of notes were picked up
        and dropped)."""
        return self._session.note_corners(note_ids)

    def waiting_block(self, note_id: str) -> tuple[QRectF, str] | None:
        """A waiting note's rectangle and colour as its item will have them, or ``None`` when it
        has no item to come or will not be shown (folded into a collapsed cluster's card)."""
        if note_id not in self._waiting:
            return None
        session = self._session
        note = session.note(note_id)
        if (cluster := session.cluster_of(note_id)) is not None and cluster.collapsed:
            return None
        return QRectF(note.x, note.y, note.width, note.height), session.note_colour(note)

    def _item(self, note_id: str) -> NoteItem | None:
        item = self._notes.get(note_id)
        if item is None and note_id in self._waiting:
            item = self._make_items([note_id])[0]
        return item

    def reshaped(self, note_ids: list[str], *, as_in_model: bool = False) -> None:
        """Tell the drawings that follow items (the blocks) that these notes' items changed
        place, size, colour or visibility: outside the session's events (a preview), or, with
        ``as_in_model``, to follow them (see :attr:`notes_reshaped`)."""
        if note_ids:
            self._draw_notes(note_ids)
            self.notes_reshaped.emit(note_ids, as_in_model)

    def lane_item(self, lane_id: str) -> LaneItem:
        return self._lanes[lane_id]

    def selected_note_ids(self) -> list[str]:
        if self._selected_ids is None:
            self._selected_ids = [item.note_id for item in self.selectedItems() if isinstance(item, NoteItem)]
        return list(self._selected_ids)

    def lane_id_at(self, pos: QPointF) -> str | None:
        """The lane whose column holds a scene position (a handful of lanes: a plain loop)."""
        for lane_id, item in self._lanes.items():
            rect = item.rect()
            if rect.left() <= pos.x() < rect.right() and rect.top() <= pos.y() <= rect.bottom():
                return lane_id
        return None

    @property
    def cursor_pos(self) -> QPointF | None:
        """Where the mouse is over the board (scene coordinates), ``None`` when it is not."""
        return None if self._cursor_pos is None else QPointF(self._cursor_pos)

    @property
    def editor(self) -> NoteEditor | None:
        return self._editor

    @property
    def read_only(self) -> bool:
        return self._read_only

    def set_read_only(self, read_only: bool) -> None:
        if read_only == self._read_only:
            return
        self._read_only = read_only
        # Every item (rare, and each must stop or start moving): the whole scene marked for
        # repainting first, the flags worked out once rather than converted per item.
        self._repaint_whole_if_many(len(self._notes))
        drawn = self._drawn
        hidden = [item for note_id, item in self._notes.items() if note_id not in drawn]
        _each(NoteItem.setFlags, drawn.values(), self._note_flags(drawn=True))
        _each(NoteItem.setFlags, hidden, self._note_flags(drawn=False))

    def draw_notes_as_blocks(self, as_blocks: bool) -> None:
        """Whether the notes' items draw nothing themselves (zoomed out, the blocks draw them:
        ``note_blocks.py``); items made later follow the same rule. Zooming in changes no item:
        each view gives the notes it shows their contents (:meth:`draw_notes_in`)."""
        if as_blocks == self._as_blocks:
            return
        self._as_blocks = as_blocks
        if as_blocks:
            drawn, self._drawn = self._drawn, {}
            self.drawn_generation += 1
            if drawn:
                self.update()  # the views repaint whole at the new zoom anyway (see ``_draw``)
            _each(NoteItem.setFlags, drawn.values(), self._note_flags(drawn=False))

    def draw_notes_in(self, rect: QRectF, *, repainted_whole: bool = False) -> bool:
        """The notes in ``rect`` (scene) draw themselves from now on: a view shows that part of
        the board in detail (``notes_in_sight.py``). A no-op while the blocks draw the notes.

        ``repainted_whole``: the view repaints all of itself anyway (its zoom changed), so the
        scene is marked for repainting whole first: marking the items one by one makes Qt walk
        every item of the board after them (a zoom to 100% at 10,000 notes: 9 ms more).
        ``False`` while the blocks draw (nothing was done)."""
        if self._as_blocks:
            return False
        drawn = self._drawn
        self._draw([
            item for item in self.items(rect, Qt.ItemSelectionMode.IntersectsItemBoundingRect)
            if isinstance(item, NoteItem) and item.note_id not in drawn
        ], repainted_whole)
        return True

    def _draw_notes(self, note_ids: Iterable[str]) -> None:
        """These notes draw themselves from now on, unless the blocks draw every note: they were
        made, moved, resized, unfolded or picked up, and may now be in some view's sight."""
        if self._as_blocks:
            return
        items, drawn = self._notes, self._drawn
        self._draw([item for note_id in note_ids if note_id not in drawn and (item := items.get(note_id)) is not None])

    def _draw(self, items: list[NoteItem], repainted_whole: bool = False) -> None:
        if not items:
            return
        if repainted_whole:
            self.update()
        else:
            self._repaint_whole_if_many(len(items))
        _each(NoteItem.setFlags, items, self._note_flags(drawn=True))
        self._drawn.update((item.note_id, item) for item in items)

    def _note_flags(self, *, drawn: bool) -> NoteItem.GraphicsItemFlag:
        """A note item's flags in the scene's state: not movable while read-only, drawing
        nothing unless it is one of the notes a view shows in detail."""
        flags = NOTE_FLAGS
        if self._read_only:
            flags &= ~NoteItem.GraphicsItemFlag.ItemIsMovable
        if drawn:
            flags &= ~NoteItem.GraphicsItemFlag.ItemHasNoContents
        return flags

    def _repaint_whole_if_many(self, changing: int) -> None:
        """Mark the whole scene for repainting before this many items change how they look, if
        they are many: Qt then skips marking each one dirty and walking them all after (asking
        each for its bounding rectangle, a Python call back), most of the cost of selecting or
        flagging thousands of notes. A few are cheaper marked one by one."""
        if changing >= REPAINT_WHOLE_FROM:
            self.update()

    def board_rect(self) -> QRectF:
        """Everything on the board: the lanes and every note (also those outside the lanes)."""
        rect = QRectF(self._extent)
        for lane in self._lanes.values():
            rect = rect.united(lane.boundingRect())
        return rect

    # --- selection and find -------------------------------------------------------------------

    def select_only(self, note_ids: list[str]) -> None:
        """Exactly these notes selected, told once: a selectionChanged per note asked Qt for
        the whole selection back each time (a paste of 1,000 notes spent a third of its time)."""
        with self._selection_held(len(self.selected_note_ids()) + len(note_ids)):
            super().clearSelection()  # the old selection is counted above
            for note_id in note_ids:
                if (item := self._item(note_id)) is not None:
                    item.setSelected(True)
        self.selectionChanged.emit()

    @contextmanager
    def _selection_held(self, changing: int) -> Iterator[None]:
        """The selection of ``changing`` items changed without a ``selectionChanged`` per item
        (the board's handler reads the whole selection each time: quadratic in the items);
        the whole scene marked for repainting first if they are many. The caller tells once."""
        self._repaint_whole_if_many(changing)
        self.blockSignals(True)  # only the selection changes inside
        try:
            yield
        finally:
            self.blockSignals(False)

    def clearSelection(self) -> None:
        """Qt's, the whole scene marked for repainting first when many notes are selected."""
        self._repaint_whole_if_many(len(self.selected_note_ids()))
        super().clearSelection()

    def select_all(self) -> None:
        """Every note shown (not those folded into a collapsed cluster) and every frame.

        Item by item with the scene's signals held, then one selectionChanged: a selection
        area asks every note for its shape (a Python call back per note, three times over),
        twice the cost; and the selection is then known without asking Qt for it back."""
        self.make_all_items()  # every note, also those of an import still arriving
        # Hidden items are those folded into a collapsed cluster's card: asked of the model
        # once rather than of each item (a Python-to-Qt call per note).
        folded = self._folded_note_ids()
        selected = [note_id for note_id in self._notes if note_id not in folded] if folded else list(self._notes)
        notes = self._notes
        with self._selection_held(len(selected)):
            _each(NoteItem.setSelected, map(notes.__getitem__, selected), True)
            for frame in self.clusters.items():
                frame.setSelected(True)
        self._selection_known = selected
        self.selectionChanged.emit()

    def set_matches(self, note_ids: list[str], current: str | None) -> None:
        """Ring the notes that find matched; the current one stands out.

        Only the notes whose ring changes are touched: a key that narrows the find drops some
        matches and moves the current one, and the rest keep their rings (a keystroke at 50,000
        notes set thousands of rings again, and made their items one by one)."""
        wanted = set(note_ids)
        current = current if current in wanted else None
        changing = self._matches ^ wanted
        if current != self._current_match:
            changing.update(note_id for note_id in (self._current_match, current) if note_id is not None)
        self._repaint_whole_if_many(len(changing))
        if to_make := [note_id for note_id in changing if note_id in self._waiting and note_id in wanted]:
            self._make_items(to_make)
        notes = self._notes
        for note_id in changing:
            if (item := notes.get(note_id)) is not None:
                item.set_match(2 if note_id == current else 1 if note_id in wanted else 0)
        self._matches, self._current_match = wanted, current

    def _on_selection_changed(self) -> None:
        self._selected_ids, self._selection_known = self._selection_known, None
        selected = self.selected_note_ids()
        wanted = selected[0] if len(selected) == 1 and not self._read_only else None
        if wanted == self._handle_note:
            return
        if self._handle_note is not None and (old := self._notes.get(self._handle_note)) is not None:
            old.set_handle_shown(False)
        self._handle_note = wanted
        if wanted is not None:
            self._notes[wanted].set_handle_shown(True)

    # --- editing text -------------------------------------------------------------------

    def begin_editing(self, note_id: str) -> None:
        if self._read_only:
            return
        self.finish_editing()
        item = self.note_item(note_id)
        self.clearSelection()
        item.setSelected(True)
        editor = NoteEditor(item)
        editor.finished.connect(self._on_editor_finished)
        self._editor = editor
        editor.setFocus()

    def finish_editing(self) -> None:
        if self._editor is not None:
            self._editor.finish()

    def _on_editor_finished(self, text: str) -> None:
        editor = self._editor
        if editor is None:
            return
        self._editor = None
        note_id = editor.note_id
        editor.setParentItem(None)  # type: ignore[arg-type]  # detached: Qt takes no parent
        self.removeItem(editor)
        editor.deleteLater()
        if note_id in self._notes and text != self._notes[note_id].text:
            self.text_edited.emit(note_id, text)

    # --- following the model ----------------------------------------------------------------

    def _build(self) -> None:
        self._hint = EmptyBoardHint()
        self.addItem(self._hint)
        for lane in self._session.lanes:
            self._add_lane_item(lane)
        self._on_notes_added(self._session.notes)
        self._show_hint()

    def _show_hint(self) -> None:
        """The first-use hint, in the first lane, only while the board has no notes."""
        first = min(self._lanes.values(), key=lambda lane: lane.rect().x(), default=None)
        shown = not self._notes and not self._waiting and first is not None
        if shown and first is not None:
            self._hint.place_in(first.rect())
        self._hint.setVisible(shown)

    def _add_lane_item(self, lane: Lane) -> None:
        item = LaneItem(lane.id, lane.title, lane.prompt, lane.colour)
        self._lanes[lane.id] = item
        self.addItem(item)

    def _layout_lanes(self, lanes: list[Lane] | None = None) -> None:
        rects = lane_rects(lanes if lanes is not None else self._session.lanes)
        for lane_id, rect in rects.items():
            height = max(rect.height, self._board_bottom)
            self._lanes[lane_id].set_geometry(QRectF(rect.x, rect.y, rect.width, height))
        self.setSceneRect(self.board_rect().adjusted(-_MARGIN, -_MARGIN, _MARGIN, _MARGIN))
        self._show_hint()

    def _grow_to(self, notes: list[Note]) -> None:
        if not notes:
            if not self.sceneRect().isValid():
                self._layout_lanes()
            return
        # Column by column in C: a move of everything passes 10,000 notes.
        xs, ys = list(map(_X, notes)), list(map(_Y, notes))
        reach = QRectF(min(xs), min(ys), 0.0, 0.0)
        reach.setRight(max(map(add, xs, map(_WIDTH, notes))))
        reach.setBottom(max(map(add, ys, map(_HEIGHT, notes))))
        grown = not self._extent.contains(reach)
        self._extent = reach if self._extent.isNull() else self._extent.united(reach)
        bottom = reach.bottom() + 100
        if bottom > self._board_bottom or grown or not self.sceneRect().isValid():
            self._board_bottom = max(bottom, self._board_bottom)
            self._layout_lanes()

    def _on_notes_added(self, notes: list[Note]) -> None:
        # The board's extent is known from the notes at once (the scroll bars, Fit All), even
        # while their items are still being made.
        self._grow_to(notes)
        if len(notes) > MADE_AT_ONCE:
            ids = [note.id for note in notes]
            self._waiting.update(dict.fromkeys(ids))
            self._maker.start()
            self.reshaped(ids)  # the blocks draw them from the model until their items come
        else:
            self._make_items([note.id for note in notes])
        if not self._lanes or self.sceneRect().isNull():
            self._layout_lanes()
        if notes:
            self._hint.setVisible(False)

    def _make_items(self, note_ids: list[str]) -> list[NoteItem]:
        """Items for these notes (as they are in the session now), told to the blocks unless
        they were waiting: the blocks drew those from the model, where the items are now."""
        session = self._session
        # Zoomed in, a note made now may be in sight: it draws itself (``notes_in_sight.py``).
        drawn = not self._as_blocks
        flags = self._note_flags(drawn=drawn)
        made = []
        new: list[str] = []
        for note_id in note_ids:
            if note_id in self._waiting:
                del self._waiting[note_id]
            else:
                new.append(note_id)
            note = session.note(note_id)
            item = NoteItem(note.id, note.width, note.height, session.note_colour(note), note.text, flags)
            item.setPos(note.x, note.y)
            if (cluster := session.cluster_of(note_id)) is not None and cluster.collapsed:
                item.setVisible(False)  # folded into its cluster's card
            self._notes[note_id] = item
            if drawn:
                self._drawn[note_id] = item
            self._shelves.put(item, note.x, note.y)
            made.append(item)
        self.reshaped(new)
        if not self._waiting:
            if self._maker.isActive():
                self._index_warmer.start()  # the last waiting item of a big board
            self._maker.stop()
        return made

    def _warm_index(self) -> None:
        """One idle turn's share of the index; once it is whole the board is built, and what
        is alive then is left out of later collections (``ops/collections_paused.py``). Not
        while a gesture holds the mouse (what it needs is brought up to date when it asks)."""
        if self._interaction is not None:
            return
        if not index_of(self._session).warm_up(_INDEX_STEP):
            self._index_warmer.stop()
            leave_built_board_out()

    def _make_waiting_items(self) -> None:
        """One event-loop turn's share of the waiting notes' items (none while a gesture holds the
        mouse: what it meets is made at once, the rest after it)."""
        if self._interaction is not None:
            self._maker.setInterval(_MAKING_PAUSE_MS)
            return
        self._maker.setInterval(0)
        deadline = time.perf_counter() + _MAKING_BUDGET_S
        made: list[str] = []
        while self._waiting and (not made or time.perf_counter() < deadline):
            step = list(islice(self._waiting, _MAKING_STEP))
            self._make_items(step)
            made.extend(step)

    def _on_notes_removed(self, notes: list[Note]) -> None:
        self._selected_ids = None
        waited = [note for note in notes if note.id in self._waiting]
        for note in waited:
            del self._waiting[note.id]  # its item was never made (an import undone as it arrives)
            self._matches.discard(note.id)
        if waited:
            self.reshaped([note.id for note in waited])
            if not self._waiting:
                self._maker.stop()
            notes = [note for note in notes if note.id in self._notes]
        with self.unselected([self._notes[note.id] for note in notes]):
            for note in notes:
                if self._editor is not None and self._editor.note_id == note.id:
                    self.finish_editing()
                if self._handle_note == note.id:
                    self._handle_note = None
                self._matches.discard(note.id)
                item = self._notes.pop(note.id)
                self._drawn.pop(note.id, None)
                self._shelves.take(item)
        self.reshaped([note.id for note in notes])
        if not self._notes:
            self._show_hint()

    @contextmanager
    def unselected(self, items: list[NoteItem]) -> Iterator[None]:
        """These items out of the selection before the block takes them off the board or hides
        them, and ``selectionChanged`` told once after it (if any was selected). Qt tells of
        every selected item removed or hidden, and each telling asked for the whole selection:
        Select All and Delete at 10,000 notes took half a minute, folding a cluster of 1,000
        selected notes two seconds."""
        selected = [item for item in items if item.isSelected()]
        if selected:
            with self._selection_held(len(selected)):
                _each(NoteItem.setSelected, selected, False)
                # Qt keeps unselected items in its set until asked for the selection: removed,
                # the first would tell of a change again.
                self.selectedItems()
        try:
            yield
        finally:
            if selected:
                self.selectionChanged.emit()

    # A note still waiting for its item needs nothing here: the item is made as the note is then.

    def _on_notes_moved(self, notes: list[Note]) -> None:
        # Notes now in another lane's colour, or whose items are still to come: the blocks read
        # these one by one (from the item, or the model's waiting note), the rest from the model.
        # Colours are named for all the notes at once and compared by name (a drop of every
        # note: 10,000, each through two calls when asked one by one).
        looked_at: list[str] = []
        note_ids = list(map(_ID, notes))
        colours = self._session.note_colours(notes)
        for note, item, colour in zip(notes, map(self._notes.get, note_ids), colours, strict=True):
            if item is None:
                looked_at.append(note.id)
            else:
                item.setPos(note.x, note.y)
                if item.colour_name != colour and item.set_colour(colour):  # the note changed lanes
                    looked_at.append(note.id)
        self._grow_to(notes)
        self.reshaped(note_ids, as_in_model=True)
        if looked_at:
            self.notes_reshaped.emit(looked_at, False)

    def _on_note_text_changed(self, note: Note) -> None:
        if (item := self._notes.get(note.id)) is not None:
            item.set_text(note.text)

    def _on_notes_resized(self, notes: list[Note]) -> None:
        for note in notes:
            if (item := self._notes.get(note.id)) is not None:
                item.set_size(note.width, note.height)
        self._grow_to(notes)
        self.reshaped([note.id for note in notes], as_in_model=True)

    def _on_note_colours_changed(self, notes: list[Note]) -> None:
        for note in notes:
            if (item := self._notes.get(note.id)) is not None:
                item.set_colour(self._session.note_colour(note))
        self.reshaped([note.id for note in notes])  # in other colours: the blocks read each item

    def _on_lane_added(self, lane: Lane) -> None:
        self._add_lane_item(lane)
        self._layout_lanes()

    def _on_lane_removed(self, lane: Lane) -> None:
        item = self._lanes.pop(lane.id)
        self.removeItem(item)
        self._layout_lanes()

    def _on_lanes_changed(self, lanes: list[Lane]) -> None:
        recoloured = set()
        for lane in lanes:
            item = self._lanes[lane.id]
            if item.colour().name().upper() != lane.colour.upper():
                recoloured.add(lane.id)
            item.set_lane(lane.title, lane.prompt, lane.colour)
        self._layout_lanes()
        if recoloured:
            # Notes without a colour of their own follow their lane's (a lane recolour is rare;
            # looking at every note once then is cheap).
            followers = [note for note in self._session.notes if note.colour is None and note.lane_id in recoloured]
            for note in followers:
                if (follower := self._notes.get(note.id)) is not None:
                    follower.set_colour(self._session.note_colour(note))
            self.reshaped([note.id for note in followers])

    # --- gestures -------------------------------------------------------------------------

    @staticmethod
    def _view_of(event: QGraphicsSceneMouseEvent | QGraphicsSceneContextMenuEvent) -> QGraphicsView | None:
        widget = event.widget()
        view = widget.parentWidget() if widget is not None else None
        return view if isinstance(view, QGraphicsView) else None

    def _item_at(self, pos: QPointF, view: QGraphicsView | None) -> QGraphicsItem | None:
        return self.itemAt(pos, view.transform() if view is not None else QTransform())

    def _lane_edge_at(self, pos: QPointF, view: QGraphicsView | None) -> str | None:
        """The lane whose right edge is under a scene position (within a few screen pixels)."""
        scale = view.transform().m11() if view is not None else 1.0
        grip = _EDGE_GRIP_PX / max(scale, 0.01)
        for lane_id, item in self._lanes.items():
            rect = item.rect()
            if abs(pos.x() - rect.right()) <= grip and rect.top() <= pos.y() <= rect.bottom():
                return lane_id
        return None

    def _start_interaction(self, event: QGraphicsSceneMouseEvent) -> Interaction | None:
        """The gesture a left press starts, if it is one of the board's own (not Qt's)."""
        view = self._view_of(event)
        pos = event.scenePos()
        handle = self._notes.get(self._handle_note) if self._handle_note else None
        if handle is not None and handle.on_handle(pos):
            return ResizeNote(handle, pos, self.note_resized.emit)
        under = self._item_at(pos, view)
        if not isinstance(under, NoteItem) and (lane_id := self._lane_edge_at(pos, view)):
            return ResizeLane(self._session, self._lanes[lane_id], pos.x(), self._layout_lanes, self.lane_resized.emit)
        if isinstance(under, ClusterItem) and not event.modifiers():
            self.finish_editing()
            self.clusters.press(under)
            return DragFrame(self.clusters, under, pos)  # a frame drags its notes along
        return None

    def _make_items_at(self, pos: QPointF) -> None:
        """The waiting items a gesture at ``pos`` may meet (the notes there and around it)."""
        if self._waiting:
            self.make_items_in(QRectF(pos.x() - 1, pos.y() - 1, 2, 2))

    def mousePressEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        self.call_off_drag()  # another button pressed while notes are dragged
        self._make_items_at(event.scenePos())
        if event.button() == Qt.MouseButton.LeftButton and not self._read_only and self._editor is None:
            self._interaction = self._start_interaction(event)
            if self._interaction is not None:
                event.accept()
                return
        super().mousePressEvent(event)
        if not event.isAccepted():
            self.make_all_items()  # on empty board: the rubber band may reach any note
        if event.button() == Qt.MouseButton.LeftButton:
            # A pick-up of thousands of notes makes a tuple or two per note, none of them garbage.
            with collections_paused():
                self._pick_up(event)

    def _pick_up(self, event: QGraphicsSceneMouseEvent) -> None:
        """The selected notes are pressed on: a drag of them begins."""
        selected = self._selected_items()
        if selected:
            view = self._view_of(event)
            # Zoomed out the notes are blocks: those are shifted, the items move at the release.
            # Zoomed in, a drag of many moves only the items it can bring into sight.
            zoomed_out = view is not None and view.transform().m11() < DETAIL_THRESHOLD
            carried = not self._read_only and view is not None and (zoomed_out or len(selected) > QT_MOVES_AT_MOST)
            along = self._folded_with(selected)
            corners = self._session.note_corners(chain(selected, along))
            drag = self._interaction = DragNotes(
                self.clusters, selected, self.notes_dragged.emit, carried=carried, press=event.scenePos(),
                along=along, corners=corners,
            )
            if carried:
                self._keep_in_sight(drag, view)
            else:
                self._draw_notes(selected)  # Qt moves them, perhaps from out of sight into it
            self.note_drag_began.emit(selected, corners)

    def _selected_items(self) -> dict[str, NoteItem]:
        """The selected notes' items by id, from the ids kept since the selection changed:
        asking Qt would wrap every selected item in Python (a press on 10,000 selected notes)."""
        notes = self._notes
        ids = list(filter(notes.__contains__, self.selected_note_ids()))
        return dict(zip(ids, map(notes.__getitem__, ids), strict=True))

    def _folded_with(self, selected: dict[str, NoteItem]) -> dict[str, NoteItem]:
        """The notes folded into the selected cards of collapsed clusters (Select All selects
        the cards, not their hidden notes): they go where the dragged notes go. The cards are
        asked, not the selection (a few cards, thousands of selected notes)."""
        session, found = self._session, {}
        for item in self.clusters.items():
            if item.collapsed and item.isSelected() and session.has_cluster(item.cluster_id):
                for note_id in session.cluster(item.cluster_id).note_ids:
                    if note_id not in selected and (note := self._item(note_id)) is not None:
                        found[note_id] = note
        return found

    def _keep_in_sight(self, drag: DragNotes, view: QGraphicsView | None) -> None:
        """A carried drag zoomed in: the dragged notes it can bring into the view's sight (within
        a viewport's size of what it shows; the mouse stays in the viewport) follow the mouse,
        worked out at the press and again whenever the view scrolls or zooms. Zoomed out the
        blocks show them all."""
        if view is None or view.transform().m11() < DETAIL_THRESHOLD:
            return
        seen = view.mapToScene(view.viewport().rect()).boundingRect()
        if seen == drag.seen:
            return
        drag.seen = seen
        reach = seen.adjusted(-seen.width(), -seen.height(), seen.width(), seen.height())
        dragged = drag.items
        shown = {
            item.note_id: item for item in self.items(reach, Qt.ItemSelectionMode.IntersectsItemBoundingRect)
            if isinstance(item, NoteItem) and item.note_id in dragged
        }
        self._draw_notes(shown)
        drag.show_also(shown)

    def mouseMoveEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        if self._called_off:
            if event.buttons() != Qt.MouseButton.NoButton:
                event.accept()
                return
            self._called_off = False
        pos = event.scenePos()
        self._cursor_pos = QPointF(pos)
        interaction = self._interaction
        if interaction is not None and not interaction.lets_qt_move:
            if isinstance(interaction, DragNotes) and interaction.carried:
                self._keep_in_sight(interaction, self._view_of(event))
            interaction.move(pos)
            if isinstance(interaction, DragNotes):
                self.note_drag_stepped.emit(interaction.offset())
            event.accept()
            return
        if event.buttons() == Qt.MouseButton.NoButton:
            self._show_edge_cursor(event)
        super().mouseMoveEvent(event)
        if interaction is not None and event.buttons() & Qt.MouseButton.LeftButton:
            interaction.move(pos)
            if isinstance(interaction, DragNotes):
                self.note_drag_stepped.emit(interaction.offset())

    def _show_edge_cursor(self, event: QGraphicsSceneMouseEvent) -> None:
        """A resize cursor over a lane's right edge, so the gesture can be found."""
        view = self._view_of(event)
        widget = event.widget()
        if view is None or widget is None or self._read_only:
            return
        pos = event.scenePos()
        on_edge = self._lane_edge_at(pos, view) is not None and not isinstance(self._item_at(pos, view), NoteItem)
        if on_edge != self._edge_cursor:
            self._edge_cursor = on_edge
            if on_edge:
                widget.setCursor(Qt.CursorShape.SplitHCursor)
            else:
                widget.unsetCursor()

    def mouseReleaseEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        if self._called_off and event.buttons() == Qt.MouseButton.NoButton:
            self._called_off = False
        interaction, self._interaction = self._interaction, None
        # A note drag began with Qt's press (it grabbed the mouse), so it ends with Qt's release.
        if interaction is not None and not interaction.lets_qt_move and not isinstance(interaction, DragNotes):
            interaction.release(event.scenePos())
            event.accept()
            return
        super().mouseReleaseEvent(event)
        if interaction is not None:
            interaction.release(event.scenePos())
            if isinstance(interaction, DragNotes):
                # The drop placed the notes it moved; the shown ones it did not move (a cluster
                # gesture, a drop where the drag began or held back where it began, an undo
                # made while the mouse was held) go where the model has them.
                self._place_from_model(interaction.moved_items)
            self.note_drag_ended.emit()

    def call_off_drag(self) -> bool:
        """End a drag of notes without its drop (Esc, or another mouse button): every note stays
        where the model has it. Whether a drag was under way."""
        if not isinstance(self._interaction, DragNotes):
            return False
        abandoned, self._interaction = self._interaction, None
        if (grabber := self.mouseGrabberItem()) is not None:
            grabber.ungrabMouse()  # its release would read as a click on it, selecting it alone
        self._place_from_model(abandoned.moved_items)
        self._called_off = True  # until every button is up: Qt would go on moving them, unsaved
        self.note_drag_ended.emit()
        return True

    def _place_from_model(self, note_ids: list[str]) -> None:
        """These notes' items where the session has the notes."""
        items, session = self._notes, self._session
        for note_id in note_ids:
            item = items.get(note_id)
            if item is not None and session.has_note(note_id):
                note = session.note(note_id)
                if item.x() != note.x or item.y() != note.y:
                    item.setPos(note.x, note.y)

    def mouseDoubleClickEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        self._make_items_at(event.scenePos())
        item = self._item_at(event.scenePos(), self._view_of(event))
        if isinstance(item, (NoteEditor, ClusterTitleEditor)):
            super().mouseDoubleClickEvent(event)
        elif isinstance(item, ClusterItem) and item.title_rect().contains(event.scenePos()) and not self._read_only:
            self.clusters.begin_renaming(item.cluster_id)
        elif isinstance(item, NoteItem):
            self.begin_editing(item.note_id)
        elif self._read_only:
            return
        elif isinstance(item, LaneItem) and item.header_rect().contains(event.scenePos()):
            self.finish_editing()
            self.lane_rename_requested.emit(item.lane_id)
        else:
            self.finish_editing()
            position = event.scenePos()
            self.note_requested.emit(position.x(), position.y())

    def contextMenuEvent(self, event: QGraphicsSceneContextMenuEvent) -> None:
        pos = event.scenePos()
        self._cursor_pos = QPointF(pos)
        self._make_items_at(pos)
        item = self._item_at(pos, self._view_of(event))
        note_id = None
        if isinstance(item, NoteItem):
            note_id = item.note_id
            if not item.isSelected():
                self.select_only([note_id])
        self.context_menu_requested.emit(note_id, self.lane_id_at(pos), event.screenPos())
        event.accept()

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.GraphicsSceneLeave:
            self._cursor_pos = None
        return super().event(event)

    # --- text dropped from other apps ---------------------------------------------------------

    def _wants(self, event: QGraphicsSceneDragDropEvent) -> bool:
        # Files (URLs) are the window's to open; plain text is ours.
        data = event.mimeData()
        return not self._read_only and data.hasText() and not data.hasUrls() and bool(data.text().strip())

    def dragEnterEvent(self, event: QGraphicsSceneDragDropEvent) -> None:
        if self._wants(event):
            event.setDropAction(Qt.DropAction.CopyAction)
            event.accept()
        else:
            event.ignore()

    def dragMoveEvent(self, event: QGraphicsSceneDragDropEvent) -> None:
        self.dragEnterEvent(event)

    def dropEvent(self, event: QGraphicsSceneDragDropEvent) -> None:
        if not self._wants(event):
            event.ignore()
            return
        event.setDropAction(Qt.DropAction.CopyAction)
        event.accept()
        pos = event.scenePos()
        self.text_dropped.emit(event.mimeData().text(), pos.x(), pos.y())
