"""The zoomed-out board drawn fast: every note as a block of its colour, in a few calls.

Below ``DETAIL_THRESHOLD`` a note is only a coloured block, yet Qt still calls each item's Python
``paint`` (~10 µs each: 100 ms for 10,000 notes, twice the overview's budget). So while the main
view is zoomed out, the notes are flagged ``ItemHasNoContents`` (Qt then skips them in C++, still
hit-testing and selecting them) and one :class:`NoteBlocksItem`, just above the lanes, draws
them all with one ``drawRects`` per colour. The overview map draws from the same blocks.

The blocks cost what changes, not what the board holds: each note's rectangle is kept by id,
grouped by colour, and only the notes the scene names (``BoardScene.notes_reshaped``) are read
again. Notes dragged under the mouse are taken out of their groups once, at the press, and
drawn as their own groups under one translation, so a drag step is a repaint and no loop; at
the drop, those that landed by one offset (with their size and colour) go back into their
groups shifted, without being read one by one. A layer (the still blocks, the carried ones)
drawn again as it was is copied from an image of it (``block_pictures``): a step of a drag of
everything fills no block.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable
from functools import partial, reduce
from itertools import chain, compress, count, repeat
from operator import sub

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget
from shiboken6 import isValid

from canvasapp.ops.collections_paused import collections_paused
from canvasapp.ui.board.audience_flag import is_audience
from canvasapp.ui.board.block_pictures import LayerPicture
from canvasapp.ui.board.note_item import SELECTION_COLOUR, NoteItem, note_fill
from canvasapp.ui.board.scene import BoardScene

#: Between the lanes (z -10) and the notes (z 1).
BLOCKS_Z = 0.5
#: How far the selection's colour shows around a selected block, in screen pixels.
RING_PX = 2.0

#: Versions of the layers and the rings: what a layer's picture was drawn from.
_VERSIONS = count()
#: From this many notes named at once, those that stay in their group are read in place.
_MANY_READ = 64
#: Up to this many colours, notes read in place are set colour by colour in C loops (each
#: loop looks at every note once).
_FEW_COLOURS = 16


class _Group:
    """The rectangles of one colour, by note id; the list ``drawRects`` takes, made when asked,
    and the same rectangles grown by a selection ring's width at one scale."""

    __slots__ = ("_bounds", "_grown", "_list", "colour", "rects")

    def __init__(self, colour: QColor) -> None:
        self.colour = colour
        self.rects: dict[str, QRectF] = {}
        self._list: list[QRectF] | None = None
        self._grown: tuple[float, list[QRectF]] | None = None
        self._bounds: QRectF | None = None

    def put(self, note_id: str, rect: QRectF) -> None:
        self.rects[note_id] = rect
        self._list = self._grown = self._bounds = None

    def changed(self) -> None:
        """After ``rects`` was changed directly (many notes at once)."""
        self._list = self._grown = self._bounds = None

    def take(self, note_id: str) -> None:
        if self.rects.pop(note_id, None) is not None:
            self._list = self._grown = self._bounds = None

    def bounds(self) -> QRectF:
        """Where the group's blocks lie, kept until it changes (a null rectangle when empty)."""
        if self._bounds is None:
            self._bounds = reduce(QRectF.united, self.as_list(), QRectF())  # no Python per note
        return self._bounds

    def as_list(self) -> list[QRectF]:
        if self._list is None:
            self._list = list(self.rects.values())  # one C-level copy, no Python per note
        return self._list

    def grown(self, grow: float) -> list[QRectF]:
        """Every rectangle grown by ``grow`` on each side (the rings of Select All), kept until
        the group or the scale changes: selecting everything again costs no loop."""
        if self._grown is None or self._grown[0] != grow:
            # ``map`` over the unbound method: no Python frame per rectangle (10,000: 3.8 -> 2.9 ms).
            rects = self.as_list()
            self._grown = (grow, list(map(QRectF.adjusted, rects, repeat(-grow), repeat(-grow), repeat(grow), repeat(grow))))
        return self._grown[1]


class _Layer:
    """Notes as blocks grouped by colour: where each note is, and in which group."""

    def __init__(self) -> None:
        self.groups: dict[int, _Group] = {}
        self.key_of: dict[str, int] = {}
        #: Changed with every block put or taken (unique among all layers): what its picture
        #: was drawn from.
        self.version = next(_VERSIONS)
        #: Its pictures, with rings and without (the main view, the audience window's).
        self.pictures = {True: LayerPicture(), False: LayerPicture()}

    def changed(self) -> None:
        """After groups were changed directly."""
        self.version = next(_VERSIONS)

    def bounds(self) -> QRectF:
        return reduce(QRectF.united, (group.bounds() for group in self.groups.values()), QRectF())

    def put(self, note_id: str, rect: QRectF, colour: QColor) -> None:
        self.put_keyed(note_id, rect, colour.rgba(), lambda: colour)

    def put_keyed(self, note_id: str, rect: QRectF, key: int, colour: Callable[[], QColor]) -> None:
        """``colour`` is asked only for a colour not seen before (a copy costs more than the rest)."""
        self.version = next(_VERSIONS)
        old = self.key_of.get(note_id)
        if old == key:
            self.groups[key].put(note_id, rect)  # the common case: moved, same colour
            return
        if old is not None:
            self.groups[old].take(note_id)
        group = self.groups.get(key)
        if group is None:
            group = self.groups[key] = _Group(colour())
        group.put(note_id, rect)
        self.key_of[note_id] = key

    def take(self, note_id: str) -> tuple[QRectF, QColor] | None:
        key = self.key_of.pop(note_id, None)
        if key is None:
            return None
        self.version = next(_VERSIONS)
        group = self.groups[key]
        rect = group.rects[note_id]
        group.take(note_id)
        return rect, group.colour

    def rect(self, note_id: str) -> QRectF | None:
        key = self.key_of.get(note_id)
        return self.groups[key].rects[note_id] if key is not None else None

    def draw(self, painter: QPainter) -> None:
        for group in self.groups.values():
            if group.rects:
                painter.setBrush(group.colour)
                painter.drawRects(group.as_list())


class NoteBlocksItem(QGraphicsItem):
    """Draws the scene's notes as blocks while :attr:`active` (the main view is zoomed out)."""

    def __init__(self, scene: BoardScene) -> None:
        super().__init__()
        self._board = scene
        self._active = False
        self._still = _Layer()
        #: Notes being dragged: drawn from their press position, shifted by ``_offset``.
        self._carried = _Layer()
        self._moving: set[str] = set()
        #: The notes being dragged are still to be taken into the carried layer (picked up
        #: while the blocks were not drawn: at the next drawing, the overview map's included).
        self._pick_up_pending = False
        #: The dragged notes in the order they were picked up (their blocks are drawn in it).
        self._picking: list[str] = []
        #: Where the carried notes were picked up, in the model (x, y, width, height).
        self._picked: dict[str, tuple[float, float, float, float]] = {}
        self._offset = QPointF()
        #: Where the carried blocks were at the press (scene): a step repaints only around them.
        self._carried_bounds = QRectF()
        #: Notes to read again before the next drawing; ``None``: every note (the first time).
        self._stale: set[str] | None = None
        #: Those of them named by a preview, whose items may be ahead of the session: read from
        #: their items, never from the session (see ``BoardScene.notes_reshaped``).
        self._ahead_of_model: set[str] = set()
        self._selection_stale = True
        self._selected: list[str] = []
        #: The selection's rings (still, carried) by the scale they are drawn at, made again only
        #: after a change: the view and the overview map draw the same blocks at two scales.
        self._rings: dict[float, tuple[list[QRectF], list[QRectF]]] = {}
        #: The scale the blocks were last drawn at.
        self._rings_scale = 0.0
        #: Changed whenever rings are made again: what the layers' pictures were drawn with.
        self._rings_version = next(_VERSIONS)
        #: The last drawing copied a layer from its picture (``block_pictures``).
        self.drawn_from_pictures = False
        self._bounds = QRectF()
        self.setZValue(BLOCKS_Z)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.setAcceptHoverEvents(False)
        scene.addItem(self)
        scene.notes_reshaped.connect(self._on_reshaped)
        scene.selectionChanged.connect(self._on_selection_changed)
        scene.note_drag_began.connect(self._on_drag_began)
        scene.note_drag_stepped.connect(self._on_drag_stepped)
        scene.note_drag_ended.connect(self._on_drag_ended)

    @property
    def active(self) -> bool:
        return self._active

    def set_active(self, active: bool) -> None:
        """Take over (or hand back) the drawing of the notes."""
        if active == self._active:
            return
        self._active = active
        self._board.draw_notes_as_blocks(active)
        if active:
            # Read now, in the turn that zoomed out, rather than in the paint that follows: a
            # big board opening reads all of its notes here once, and its first frame only draws.
            self._catch_up()
        # Zoomed in, the layers' images are kept (a screenful each): back at Fit All with nothing
        # changed, the first frame copies them instead of filling every block again (50,000
        # notes: 6 ms of a 20 ms zoom switch). A change meanwhile names new content: drawn anew.
        self._follow_board()

    def invalidate(self) -> None:
        """Read every note again at the next drawing (something changed them all at once)."""
        self._stale = None
        self._follow_board()

    def blocks(self) -> list[tuple[QColor, list[QRectF]]]:
        """The notes' rectangles in scene coordinates, grouped by colour (where they are drawn)."""
        self._catch_up()
        found: dict[int, tuple[QColor, list[QRectF]]] = {}
        for layer, offset in ((self._still, QPointF()), (self._carried, self._offset)):
            for key, group in layer.groups.items():
                rects = [rect.translated(offset) for rect in group.as_list()] if not offset.isNull() else group.as_list()
                if rects:
                    found.setdefault(key, (group.colour, []))[1].extend(rects)
        return list(found.values())

    def draw(self, painter: QPainter, selection: bool = True) -> None:
        """Paint every note as a block (also used by the overview map).

        A selected block is drawn over a slightly larger block of the selection colour: the
        same blue edge as a cosmetic pen's ring, for a fill's cost (rings of 10,000 selected
        blocks, stroked antialiased, took 80 ms). Blocks are axis-aligned, so antialiasing
        adds cost and nothing visible."""
        self._catch_up()
        scale = painter.worldTransform().m11()
        if selection and self._selected:
            with collections_paused():  # a ring per selected block (10,000 after Select All), none garbage
                rings = self._rings_at(scale)
        else:
            rings = ([], [])
        ringed = self._rings_version if rings[0] or rings[1] else None
        ring = RING_PX / max(scale, 1e-6) if ringed is not None else 0.0
        pictured = []
        # During a drag each layer is drawn again at every step (the carried one shifted), and
        # after Select All a drag of everything is what usually follows: a layer is then drawn
        # into its picture at its first drawing, so no step fills it again.
        at_once = bool(self._moving) or (
            selection and len(self._selected) >= len(self._still.key_of) + len(self._carried.key_of)
        )
        painter.save()
        try:  # an error inside a paint must not leave the painter saved: Qt would crash
            painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
            painter.setPen(Qt.PenStyle.NoPen)
            for layer, ring_list in ((self._still, rings[0]), (self._carried, rings[1])):
                if layer is self._carried:
                    if not layer.key_of:
                        break
                    painter.translate(self._offset)
                if layer.key_of or ring_list:
                    # From its picture when drawn before as it is (a drag of everything: each step).
                    pictured.append(layer.pictures[selection].draw(
                        painter, (layer.version, ringed), partial(self._layer_bounds, layer, ring),
                        partial(_paint_layer, layer=layer, rings=ring_list), at_once=at_once,
                    ))
        finally:
            painter.restore()
        self.drawn_from_pictures = any(pictured)

    def _layer_bounds(self, layer: _Layer, ring: float) -> QRectF:
        """Where a layer and its rings (each ``ring`` wider than its block) draw: the board's
        extent for the layer holding most of the blocks (known without them: the union of
        50,000 rectangles took 44 ms of the first step of a drag of everything), else the
        union of its own blocks."""
        other = self._carried if layer is self._still else self._still
        bounds = self._board.board_rect() if len(layer.key_of) >= len(other.key_of) else layer.bounds()
        return bounds.adjusted(-ring, -ring, ring, ring)

    def _rings_at(self, scale: float) -> tuple[list[QRectF], list[QRectF]]:
        """The selected blocks grown by the ring's width at this scale (still, carried), made
        again only after the selection, a block or the scale changed."""
        self._rings_scale = scale
        rings = self._rings.get(scale)
        if rings is not None:
            return rings
        if len(self._rings) >= 2:
            self._rings.clear()
        grow = RING_PX / max(scale, 1e-6)
        layers = (self._still, self._carried)
        if len(self._selected) >= sum(len(layer.key_of) for layer in layers):
            # Everything is selected (Select All): the groups' own grown lists, joined in C.
            still, carried = (
                list(chain.from_iterable(group.grown(grow) for group in layer.groups.values())) for layer in layers
            )
        else:
            still, carried = (
                [rect.adjusted(-grow, -grow, grow, grow) for note_id in self._selected if (rect := layer.rect(note_id)) is not None]
                for layer in layers
            )
        rings = self._rings[scale] = (still, carried)
        self._rings_version = next(_VERSIONS)
        return rings

    # --- following the scene -------------------------------------------------------------

    def _on_reshaped(self, note_ids: list[str], as_in_model: bool = False) -> None:
        if self._stale is not None:
            self._stale.update(note_ids)
            if not as_in_model:
                self._ahead_of_model.update(note_ids)
        self._follow_board()

    def _on_selection_changed(self) -> None:
        self._selection_stale = True
        # A scene being torn down clears its selection after deleting this item.
        if self._active and isValid(self):
            self._repaint()

    def _on_drag_began(self, items: dict[str, NoteItem], corners: dict[str, tuple[float, float, float, float]]) -> None:
        """Take the dragged notes out of their groups once; the steps only shift them. Zoomed
        in, where the blocks are not drawn, that waits for their next drawing (a zoom out
        during the drag, the overview map): a press on 10,000 selected notes at 100% caught
        the blocks up with the last edit and took every note out of its group for nothing."""
        self._moving, self._picking = set(items), list(items)
        self._picked = corners
        self._offset = QPointF()
        self._carried_bounds = QRectF()
        self._pick_up_pending = True
        if self._active:
            self._catch_up()

    def _pick_up(self) -> None:
        """The dragged notes into the carried layer, where they are shifted by the drag.

        A pick-up of every block (Select All, then a press) hands the still layer over whole,
        with its images and its rings: no block is looked at, and the first step copies (or
        makes) the image the layer was already drawn as (10,000 notes: a press of ~60 ms
        taking the blocks one by one)."""
        self._pick_up_pending, picking = False, self._picking
        self._picking = []
        still, carried = self._still, self._carried
        if not carried.key_of and self._moving.issuperset(still.key_of):
            self._carried, self._still = still, _Layer()
            # The same rings, now the carried layer's: what its images were drawn with.
            self._rings = {scale: (carried_rings, still_rings) for scale, (still_rings, carried_rings) in self._rings.items()}
        else:
            for note_id in picking:
                taken = still.take(note_id)
                if taken is not None:
                    carried.put(note_id, *taken)
            self._rings.clear()
        # Where the carried blocks are, for repainting around them at each step; a drag of
        # most of the board repaints all of it.
        carried = self._carried
        self._carried_bounds = carried.bounds() if len(carried.key_of) <= len(self._still.key_of) else QRectF()

    def _on_drag_stepped(self, offset: QPointF) -> None:
        if not self._moving:
            return
        before, self._offset = self._offset, QPointF(offset)
        if not self._active:
            return
        # Only where the carried blocks were and are now (with their rings) is repainted: the
        # rest of the board did not change, and repainting all of it costs what the board
        # holds (Qt gathers every item in the repainted area). The bounds grow only when the
        # blocks leave them, since a change of bounds repaints the whole item.
        margin = (RING_PX + 2) / max(self._rings_scale, 0.001) if self._rings_scale else 0.0
        if not margin or self._carried_bounds.isEmpty():
            board = self._board.board_rect()
            self._grow_to(board.united(board.translated(self._offset)))
            self._repaint()
            return
        moved = self._carried_bounds.translated(self._offset)
        if not self._bounds.contains(moved):
            # Grown ahead of the blocks (by their own size), so a drag off the board changes
            # the bounds, and repaints everything, every few steps rather than at each one.
            ahead = max(moved.width(), moved.height())
            self._grow_to(self._board.board_rect().united(moved.adjusted(-ahead, -ahead, ahead, ahead)))
        was = self._carried_bounds.translated(before).adjusted(-margin, -margin, margin, margin)
        self._repaint(was.united(moved.adjusted(-margin, -margin, margin, margin)))

    def _on_drag_ended(self) -> None:
        """Back into their groups where the drop left them (moved, refused or put back): each
        is read again before the next drawing, which takes it out of the carried groups, so a
        drop of everything is one pass over the notes, not two."""
        carried = list(self._carried.key_of)
        if self._pick_up_pending:  # never drawn meanwhile: the session's edits named what moved
            self._pick_up_pending, self._picking, self._picked = False, [], {}
        self._rings.clear()
        self._moving, self._offset = set(), QPointF()
        self._on_reshaped(carried, as_in_model=True)  # moved, or put back, where the session has them

    def _follow_board(self) -> None:
        if self._active and isValid(self):
            # The bounds are the board's, known without the blocks, so they are right before
            # the views repaint even though the blocks are read during that paint.
            self._grow_to(self._board.board_rect())
            self._repaint()

    def _repaint(self, area: QRectF | None = None) -> None:
        """Repaint ``area`` (all of the blocks if none) in every view, through the scene rather
        than by marking this item: a marked item makes Qt walk every item of the scene after it,
        one cache miss each (a zoomed-out drag step at 50,000 notes 18 → 8 ms). The blocks sit at
        the scene's origin, untransformed: their coordinates are the scene's. Nothing while the
        scene is being deleted (it clears its selection then)."""
        if isValid(self._board):
            self._board.update(self._bounds if area is None else area)

    def _catch_up(self) -> None:
        """Read again the notes named since the last drawing (every note the first time)."""
        stale = self._stale
        if stale is not None and len(stale) > len(self._still.key_of) + len(self._carried.key_of) + 64:
            # More names than blocks (a big batch arrived at once): one pass over the items
            # costs less. Many notes gone (an import undone) is the cheap case: each is a take.
            stale = None
        if stale is None:
            self._still, self._carried = _Layer(), _Layer()
            # The items made so far, and the notes whose items are still to come (from the model).
            with collections_paused():  # a block per note, none of them garbage
                for item in self._board.made_note_items():
                    self._read(item.note_id, item)
                self._read_waiting()
            self._rings.clear()
        elif stale:
            made = self._board.made_note_item
            with collections_paused():  # a move of everything names every note: none is garbage
                if self._carried.key_of and not self._moving:
                    stale = self._land_carried(stale)
                if len(stale) >= _MANY_READ:
                    stale = self._read_in_place(stale)
                for note_id in stale:
                    self._read(note_id, made(note_id))
            self._rings.clear()
        self._stale, self._ahead_of_model = set(), set()
        if self._selection_stale:
            self._selection_stale = False
            self._rings.clear()
            self._selected = self._board.selected_note_ids()
        if self._pick_up_pending:
            self._pick_up()

    def _land_carried(self, stale: set[str]) -> set[str]:
        """After a drop: the carried notes that landed by one offset from where they were
        picked up (a drop of a selection held together, the common case) go back into their
        groups as they are, shifted; the others (and any other named note) are left to be read
        one by one. Where each was picked up and landed is read from the model, with the item
        only asked its colour (one folded by the drop was named by its fold, and is read): a drop
        of every note of a 10,000-note board read one by one took 85 ms, asking each item where
        it is 45 ms, this ~30 ms."""
        carried, still, picked, ahead = self._carried, self._still, self._picked, self._ahead_of_model
        made = self._board.made_note_item
        landed_at = self._board.note_corners(note_id for note_id in carried.key_of if note_id in stale)
        if self._landed_as_one(landed_at):
            self._picked = {}
            return stale.difference(landed_at)
        offset: tuple[float, float] | None = None
        landed: list[tuple[str, int, QRectF]] = []
        for key, group in carried.groups.items():
            for note_id, rect in group.rects.items():
                now, was = landed_at.get(note_id), picked.get(note_id)
                if now is None or was is None or now[2] != was[2] or now[3] != was[3]:
                    continue  # not named, gone, not picked up with the others, or resized
                if note_id in ahead:
                    continue  # folded into a collapsed cluster's card by the drop: read
                item = made(note_id)
                if item is None or item.colour_key != key:
                    continue
                shift = (now[0] - was[0], now[1] - was[1])
                if offset is None:
                    offset = shift
                elif shift != offset:
                    continue
                landed.append((note_id, key, rect))
        self._picked = {}
        if offset is None:
            return stale
        every = len(landed) == len(carried.key_of)
        touched: set[int] = set()
        for note_id, key, rect in landed:
            rect.setRect(*landed_at[note_id])  # exactly where the session has it
            found = still.groups.get(key)
            if found is None:
                found = still.groups[key] = _Group(carried.groups[key].colour)
            found.rects[note_id] = rect
            still.key_of[note_id] = key
            touched.add(key)
            if not every:
                carried.take(note_id)
        for key in touched:
            still.groups[key].changed()
        still.changed()
        if every:
            self._carried = _Layer()
        return stale.difference(note_id for note_id, _key, _rect in landed)

    def _landed_as_one(self, landed_at: dict[str, tuple[float, float, float, float]]) -> bool:
        """Every carried note landed by one offset, with its size and colour (a drop of a
        selection held together): the whole carried layer goes back into the still groups,
        each block set where the session has its note, looked at column by column in C (``zip``, ``map``, ``set``) rather than note
        by note. ``False`` (nothing done) when any note did otherwise: each is then looked at."""
        carried, still = self._carried, self._still
        if len(landed_at) != len(carried.key_of) or not self._ahead_of_model.isdisjoint(landed_at):
            return False  # one not named, gone, or in another colour or folded by the drop
        ids = list(carried.key_of)
        picked = list(map(self._picked.get, ids))
        if None in picked:
            return False  # one changed under the mouse: read again
        x_now, y_now, width_now, height_now = zip(*map(landed_at.__getitem__, ids), strict=True)
        x_was, y_was, width_was, height_was = zip(*picked, strict=True)
        if width_now != width_was or height_now != height_was:
            return False  # one resized
        shifts_x, shifts_y = set(map(sub, x_now, x_was)), set(map(sub, y_now, y_was))
        if len(shifts_x) != 1 or len(shifts_y) != 1:
            return False  # not one offset
        for key, group in carried.groups.items():
            if not group.rects:
                continue
            # Each put exactly where the session has it (a shift added to where it was can be
            # off in the last place), in place, looped in C.
            xs, ys, widths, heights = zip(*map(landed_at.__getitem__, group.rects), strict=True)
            deque(map(QRectF.setRect, group.rects.values(), xs, ys, widths, heights), maxlen=0)
            found = still.groups.get(key)
            if found is None:
                found = still.groups[key] = _Group(group.colour)
            found.rects.update(group.rects)
            found.changed()
        still.key_of.update(carried.key_of)
        still.changed()
        self._carried = _Layer()
        return True

    def _read_in_place(self, stale: set[str]) -> set[str]:
        """The named notes that are still blocks, their items just moved or resized to where
        the session has them in the colour they had (a move of many that is not a drop: an
        undo, a tidy, another window's edit), take their place and size from the session into
        the rectangle they already have; each group is marked changed once. What is left (a
        note carried, without a block, gone, or named otherwise: a new colour, a fold, a
        preview) is returned, to be read one by one. The blocks' catching up with an undo of a
        10,000-note move took ~54 ms read one by one, ~40 asking each item where it is, ~15
        this way."""
        still = self._still
        key_of, groups = still.key_of, still.groups
        placed = self._board.note_corners(stale.difference(self._ahead_of_model, self._carried.key_of, self._moving))
        done = list(filter(key_of.__contains__, placed))
        keys = list(map(key_of.__getitem__, done))
        touched = set(keys)
        if len(touched) > _FEW_COLOURS:
            for note_id, key in zip(done, keys, strict=True):  # a board of many colours: note by note
                groups[key].rects[note_id].setRect(*placed[note_id])
        else:
            # Colour by colour, each note's rectangle set in C (``compress``, ``map``).
            for key in touched:
                members = list(compress(done, map(key.__eq__, keys))) if len(touched) > 1 else done
                xs, ys, widths, heights = zip(*map(placed.__getitem__, members), strict=True)
                rects = map(groups[key].rects.__getitem__, members)
                deque(map(QRectF.setRect, rects, xs, ys, widths, heights), maxlen=0)
        for key in touched:
            groups[key].changed()
        if touched:
            still.changed()
        return stale.difference(done)

    def _read_waiting(self) -> None:
        """Every note whose item is still to come, from the model, each colour parsed once."""
        layer = self._still
        keys: dict[str, tuple[int, Callable[[], QColor]]] = {}
        for note_id, rect, colour in self._board.waiting_blocks():
            keyed = keys.get(colour)
            if keyed is None:
                keyed = keys[colour] = _fill_key(colour)
            layer.put_keyed(note_id, rect, *keyed)

    def _read(self, note_id: str, item: NoteItem | None) -> None:
        layer, other = (self._carried, self._still) if note_id in self._moving else (self._still, self._carried)
        if layer is self._carried:
            self._picked.pop(note_id, None)  # changed under the mouse: read again where it lands
        if note_id in other.key_of:
            other.take(note_id)
        if item is None:
            # Its item is still to come (a big board opening): drawn from the model meanwhile.
            waiting = self._board.waiting_block(note_id)
            if waiting is None:
                layer.take(note_id)  # removed, or folded into a collapsed cluster's card
            else:
                rect, colour = waiting
                layer.put_keyed(note_id, rect, *_fill_key(colour))
            return
        if not item.isVisible():
            layer.take(note_id)  # folded into a collapsed cluster's card
            return
        width, height = item.size()
        rect = QRectF(item.x(), item.y(), width, height)  # no QPointF nor QSizeF made per note
        if layer is self._carried and self._follows_drag(note_id, rect):
            rect.translate(-self._offset)  # drawn shifted by the drag, like the other carried blocks
        layer.put_keyed(note_id, rect, item.colour_key, item.colour)

    def _follows_drag(self, note_id: str, rect: QRectF) -> bool:
        """Whether a dragged note's item moves with the mouse (Qt moves a few items zoomed in)
        rather than staying where the session has it until the drop (a carried drag, always
        the case zoomed out): read under the mouse (recoloured, say), the second kind must not
        be shifted back by the drag, or its block jumps to where it was picked up."""
        corners = self._board.note_corners([note_id]).get(note_id)
        return corners is not None and (corners[0], corners[1]) != (rect.x(), rect.y())

    def _grow_to(self, rect: QRectF) -> None:
        rect = rect.adjusted(-3, -3, 3, 3)  # the selection ring
        if rect != self._bounds:
            self.prepareGeometryChange()
            self._bounds = QRectF(rect)

    # --- QGraphicsItem ------------------------------------------------------------------

    def boundingRect(self) -> QRectF:
        return self._bounds

    def shape(self) -> QPainterPath:
        # Never found by itemAt or the rubber band: clicks reach the notes and lanes below.
        return QPainterPath()

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        # While active the notes draw nothing themselves, in every view of the scene: a second
        # view zoomed further in than the main one (the audience window) still gets the blocks.
        if self._active:
            self.draw(painter, selection=not is_audience(widget))


def _paint_layer(painter: QPainter, layer: _Layer, rings: list[QRectF]) -> None:
    """A layer's blocks over their selection rings, in scene coordinates."""
    if rings:
        painter.setBrush(SELECTION_COLOUR)
        painter.drawRects(rings)
    layer.draw(painter)


def note_blocks_of(scene: BoardScene) -> NoteBlocksItem:
    """The scene's blocks item, made on first use (one per scene, shared by its views)."""
    found = getattr(scene, "_canvasapp_note_blocks", None)
    if isinstance(found, NoteBlocksItem):
        return found
    made = NoteBlocksItem(scene)
    scene._canvasapp_note_blocks = made  # type: ignore[attr-defined]
    return made


def _fill_key(colour: str) -> tuple[int, Callable[[], QColor]]:
    """A note colour as the blocks group by it: its fill's value, and how to make the fill
    (for a note drawn from the model while its item is still to come)."""
    fill = note_fill(colour)
    return fill.rgba(), lambda: QColor(fill)
