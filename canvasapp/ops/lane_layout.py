"""The board keeps itself tidy: a lane holds blocks (a cluster's frame with its notes, or one
loose note), and every layout change leaves the blocks apart.

The promises, after every function here that returns positions:

- no two notes overlap;
- a cluster's frame holds its members and covers no other note or frame;
- nothing covers a lane's header, and every block lies inside the lane it is in (lanes are
  as tall as their notes: :func:`canvasapp.ops.layout.lane_rects`);
- the badge strip under every note (:mod:`canvasapp.ops.badge_strip`) covers no other note
  and no cluster's title, so dots and totals never hide words; a folded cluster's card
  covers nothing but its own notes.

One rule makes room everywhere: the blocks a gesture placed (*fixed*) stay where they were
put (moved inside their lane), and every other block that is in the way moves *down*, as
little as it can, in reading order. Moving only down always ends, and keeps the board's
order as the room made it. A drag to an empty spot changes nothing else; one that lands on a
note's badge strip goes just below it.

No Qt here: the functions take a :class:`Board` (the rectangles, not the model) and return
new top-left corners by note id, which the editors turn into one undoable command. The
canvas, the CSV and archive import, boards from other tools (:func:`place_imported`) and the
PDF board picture share the frame geometry (:func:`canvasapp.ops.cluster_summary.frame_of`;
the canvas draws :func:`board_frame`, with the badge strip inside) and these placements.
"""

from __future__ import annotations

import heapq
import math
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import partial
from itertools import repeat
from operator import attrgetter, is_, sub
from typing import Generic, TypeVar

from canvasapp.model import Lane, Note, Session
from canvasapp.model.entities import NOTE_HEIGHT, NOTE_WIDTH
from canvasapp.ops.badge_strip import BADGE_STRIP, with_strip
from canvasapp.ops.board_index import BoardIndex, index_of
from canvasapp.ops.cluster_summary import FRAME_PADDING, TITLE_HEIGHT, card_of, frame_of
from canvasapp.ops.layout import LANE_HEADER_HEIGHT, NOTE_GAP, LaneSpans, Rect, lane_rects

Positions = dict[str, tuple[float, float]]

#: Below a frame's notes: what the frame adds above them, so a block under it clears the frame.
FRAME_TOP = FRAME_PADDING + TITLE_HEIGHT
#: Between the bottom of one block's notes and the top of the next block's notes: the last
#: row's badge strip (deeper than the frame's padding), a gap, the next frame's title band.
BLOCK_GAP = FRAME_TOP + max(FRAME_PADDING, BADGE_STRIP) + NOTE_GAP
#: Between rows of notes: every note keeps its badge strip free (``ops/badge_strip.py``).
ROW_GAP = max(NOTE_GAP, BADGE_STRIP)
#: Spatial buckets for collision look-ups (board points): about a cluster's size.
_BUCKET = 400.0


@dataclass(frozen=True, slots=True)
class Source:
    """Where a board's rectangles came from: the session's index at one version, and the notes
    whose rectangles on this board may differ from it (moved here, or not in the session, in
    the order they were added)."""

    index: BoardIndex
    version: int
    #: The board's own mapping: a board given other notes (``replace``) is not the index's any more.
    notes: Mapping[str, Rect]
    exceptions: frozenset[str]
    added: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Board:
    """What layout needs: the lanes, every note's rectangle and the clusters' members."""

    lanes: tuple[Lane, ...]
    notes: Mapping[str, Rect]
    clusters: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    #: The clusters shown folded into one card (which may reach past their frame).
    folded: frozenset[str] = frozenset()
    #: Set on a board made from a session: making room then looks only near what moved.
    source: Source | None = field(default=None, compare=False, repr=False)

    @classmethod
    def of(
        cls, session: Session, *, clusters: Iterable[tuple[str, Sequence[str]]] | None = None,
        extra: Iterable[Note] = (),
    ) -> Board:
        """The session's board; with ``clusters``, as if those were its clusters (the state a
        cluster edit is about to make); with ``extra``, with those notes added.

        Without ``extra`` the board reads the index's own rectangles, not a copy (a copy of
        50,000 costs a gesture 2 ms): it is the board as the session is now, to be used before
        the session changes (every gesture works out its positions, then changes the session)."""
        index = index_of(session)
        # Kept by the session's events: no rectangle made per note. Never changed through a board.
        notes: dict[str, Rect] = dict(index.rects) if extra else index.rects
        added = tuple(note.id for note in extra)
        for note in extra:
            notes[note.id] = Rect(note.x, note.y, note.width, note.height)
        if clusters is None:
            clusters = [(cluster.id, cluster.note_ids) for cluster in session.clusters]
        members = {cluster_id: tuple(n for n in ids if n in notes) for cluster_id, ids in clusters}
        folded = frozenset(cluster.id for cluster in session.clusters if cluster.collapsed)
        source = Source(index, index.version, notes, frozenset(added), added)
        return cls(tuple(session.lanes), notes, {key: ids for key, ids in members.items() if ids}, folded, source)

    def moved(self, positions: Mapping[str, tuple[float, float]]) -> Board:
        """The board with some notes at new top-left corners."""
        notes = dict(self.notes)
        for note_id, (x, y) in positions.items():
            rect = notes[note_id]
            notes[note_id] = Rect(x, y, rect.width, rect.height)
        source = self.source
        if source is not None and source.notes is self.notes:
            source = replace(source, notes=notes, exceptions=source.exceptions.union(positions))
        return replace(self, notes=notes, source=source)

    def cluster_of(self) -> dict[str, str]:
        return {note_id: cluster_id for cluster_id, ids in self.clusters.items() for note_id in ids}


@dataclass(frozen=True, slots=True)
class Block:
    """A cluster (``key`` is its id) or a loose note (``key`` is the note's id)."""

    key: str
    members: tuple[str, ...]
    is_cluster: bool


def blocks(board: Board) -> list[Block]:
    """Every cluster and every loose note of the board."""
    owner = board.cluster_of()
    found = [Block(cluster_id, ids, True) for cluster_id, ids in board.clusters.items()]
    found += [Block(note_id, (note_id,), False) for note_id in board.notes if note_id not in owner]
    return found


def footprint(board: Board, block: Block) -> Rect:
    """What a block covers: its frame (title band included), or the note, with the badge strip
    under every note; a folded cluster's card too."""
    rects = [board.notes[note_id] for note_id in block.members]
    if not block.is_cluster:
        return with_strip(rects[0])
    area = board_frame(rects)
    return _union([area, card_of(rects)]) if block.key in board.folded else area


def board_frame(rects: Iterable[Rect]) -> Rect:
    """A cluster's frame as the board draws it: the last row's badge strip inside it."""
    return frame_of(rects, bottom=max(FRAME_PADDING, BADGE_STRIP))


def _union(rects: Sequence[Rect]) -> Rect:
    left, top = min(r.x for r in rects), min(r.y for r in rects)
    return Rect(left, top, max(r.right for r in rects) - left, max(r.bottom for r in rects) - top)


def lane_of(lanes: Sequence[Lane], rect: Rect) -> str | None:
    """The lane under a rectangle's centre; else the one it overlaps most; ``None`` when it
    touches no lane at all (notes may be left beside the board)."""
    return _lane_in(lane_rects(list(lanes)), rect)


def _lane_in(rects: Mapping[str, Rect], rect: Rect) -> str | None:
    return _lane_under(rects.items(), rect.x, rect.width)


_K = TypeVar("_K")


def _lane_under(lanes: Collection[tuple[_K, Rect]], x: float, width: float) -> _K | None:
    """The key of the lane under a block's centre (lanes stand side by side from the top of the
    board: only the block's sides count), else the one it overlaps most, else ``None``."""
    centre = x + width / 2
    for key, lane in lanes:
        if lane.x <= centre < lane.x + lane.width:
            return key  # nearly always: only a block beside the board or in a gap gets further
    best, most = None, 0.0
    for key, lane in lanes:
        overlap = min(x + width, lane.x + lane.width) - max(x, lane.x)
        if overlap > most:
            best, most = key, overlap
    return best


#: Rectangles that share less than this (board points) touch rather than overlap: sums of
#: floats that should meet exactly may differ in the last bits.
_TOUCH = 1e-6


def overlaps(a: Rect, b: Rect) -> bool:
    return a.x < b.right - _TOUCH and b.x < a.right - _TOUCH and a.y < b.bottom - _TOUCH and b.y < a.bottom - _TOUCH


# --- making room ---------------------------------------------------------------------------


def make_room(
    board: Board, fixed: Collection[str], *, gap: float = NOTE_GAP, new: Collection[str] | None = None
) -> Positions:
    """Every note's corner after making the board keep its promises: the blocks holding a
    ``fixed`` note stay put (moved inside their lane), the rest move down out of their way.
    Nothing moves on a board that keeps them already. Only the lanes holding a ``new`` note
    (one just placed; by default the fixed ones) are looked at, as the others kept their
    promises before; with none, every lane."""
    result = {note_id: (rect.x, rect.y) for note_id, rect in board.notes.items()}
    result.update(_room(board, fixed, gap, new))
    return result


def _room(board: Board, fixed: Collection[str], gap: float, new: Collection[str] | None) -> Positions:
    """:func:`make_room`, only the corners that change.

    On a board made from a session (:meth:`Board.of`) the blocks holding no ``new`` note kept
    the promises before, so only what the new blocks land on can move, and what that lands on
    in turn: those are found through the session's index, and the rest of the board is never
    looked at. Otherwise (or with no ``new`` note) every block of the lanes is."""
    fixed = fixed if isinstance(fixed, (set, frozenset, _AllBut)) else set(fixed)
    new = set(fixed) if new is None else set(new)
    source = board.source
    nearby = (
        bool(new) and source is not None and source.notes is board.notes
        and source.version == source.index.version and source.exceptions <= new
    )
    rects: Mapping[str, Rect] = board.notes
    parted_rects: dict[str, Rect] | None = None  # a copy, made only if a cluster is parted (50,000: 2 ms)
    lanes = lane_rects(list(board.lanes))
    parted_ids: set[str] = set()
    # Inside a cluster first: members that came to lie on one another (a note dragged within
    # its frame) are parted, the ones just placed staying put.
    for ids in board.clusters.values():
        if not new or any(note_id in new for note_id in ids):
            if parted_rects is None:
                rects = parted_rects = dict(board.notes)
            among = {note_id for note_id in ids if note_id in fixed}
            parted = _pack({note_id: with_strip(parted_rects[note_id]) for note_id in ids}, among, gap)
            parted_rects.update({n: replace(parted_rects[n], x=area.x, y=area.y) for n, area in parted.items()})
            # A frame grown wider than its lane (a member dragged sideways) folds into a grid.
            area = frame_of([parted_rects[note_id] for note_id in ids])
            lane_id = _lane_in(lanes, area)
            lane = lanes.get(lane_id) if lane_id else None
            if lane is not None and area.width + 2 * NOTE_GAP > lane.width:
                first = min(ids, key=lambda n: (rects[n].y, rects[n].x))
                corners = grid(replace(board, notes=parted_rects), ids, parted_rects[first].x, parted_rects[first].y, lane)
                parted_rects.update({n: replace(parted_rects[n], x=x, y=y) for n, (x, y) in corners.items()})
            parted_ids.update(ids)
    parted_board = replace(board, notes=rects)
    if nearby:
        assert source is not None
        moves = _Near(parted_board, source, fixed, new, lanes, gap).moves()
    else:
        moves = _room_everywhere(parted_board, fixed, new, lanes, gap)
    corners = {note_id: (rects[note_id].x, rects[note_id].y) for note_id in parted_ids}
    corners.update(moves)
    return {
        note_id: xy for note_id, xy in corners.items()
        if (board.notes[note_id].x, board.notes[note_id].y) != xy
    }


class _AllBut(Collection[str]):
    """Every note of a board but some (the notes already there, when new ones are placed)."""

    def __init__(self, notes: Mapping[str, Rect], but: Collection[str]) -> None:
        self._notes, self._but = notes, but

    def __contains__(self, item: object) -> bool:
        return item in self._notes and item not in self._but

    def __iter__(self) -> Iterator[str]:
        return (note_id for note_id in self._notes if note_id not in self._but)

    def __len__(self) -> int:
        return sum(1 for _ in self)


def _room_everywhere(
    board: Board, fixed: Collection[str], new: Collection[str], lanes: Mapping[str, Rect], gap: float
) -> Positions:
    """Every block of the lanes holding a ``new`` note (all lanes with none) packed as one."""
    found = {block.key: block for block in blocks(board)}
    before = {key: footprint(board, block) for key, block in found.items()}
    home = {key: _lane_in(lanes, area) for key, area in before.items()}
    priority = {key for key, block in found.items() if any(note_id in fixed for note_id in block.members)}
    # Just put down by the gesture (not the notes an import or a paste must leave where they are).
    placed = {key for key in priority if any(note_id in new for note_id in found[key].members)}
    looked_at = (
        {home[key] for key, block in found.items() if any(note_id in new for note_id in block.members)}
        if new else set(home.values())
    )
    by_lane: dict[str | None, dict[str, Rect]] = {}
    for key, area in before.items():
        lane_id = home[key]
        if lane_id in looked_at:
            by_lane.setdefault(lane_id, {})[key] = _inside(area, lanes.get(lane_id) if lane_id else None)
    result: Positions = {}
    for areas in by_lane.values():
        # A drop on empty board (the common case) only needs the clamping into the lane.
        settled = _pack(_off_strips(areas, placed, gap), priority, gap) if _covers_any(areas) else areas
        for key, area in settled.items():
            dx, dy = area.x - before[key].x, area.y - before[key].y
            if dx or dy:
                for note_id in found[key].members:
                    rect = board.notes[note_id]
                    result[note_id] = (rect.x + dx, rect.y + dy)
    return result


Order = tuple[int, float, float, tuple[int, int]]
#: How far two notes' offsets may differ and still count as one move: sums of floats that
#: should be equal differ in the last bits, far below the touching tolerance.
_RIGID = _TOUCH / 10
#: Below this many notes moved together, each is looked at on its own.
_MANY = 16
_X, _Y = attrgetter("x"), attrgetter("y")


class _Orders(dict[str, Order]):
    """Packing orders by block, each worked out the first time it is asked for."""

    def __init__(self, order_of: Callable[[str, Rect], Order], start: Mapping[str, Rect]) -> None:
        super().__init__()
        self._order_of, self._start = order_of, start

    def __missing__(self, key: str) -> Order:
        value = self[key] = self._order_of(key, self._start[key])
        return value


class _Near:
    """Making room near what moved: the packing of :func:`_pack` (priority blocks first, then the
    rest, each in reading order, each moved down past what is already placed), done only for the
    blocks that can move. A block that holds no new note, where it was, overlapped none of the
    others like it; it can only be hit by a block that moved, so the blocks looked at are the
    new ones and, in reading order, whatever a moved block now covers. Loose notes are found
    through the session's index, clusters (a few dozen) by looking at each."""

    def __init__(
        self, board: Board, source: Source, fixed: Collection[str], new: Collection[str],
        lanes: Mapping[str, Rect], gap: float,
    ) -> None:
        self.board, self.index, self.fixed, self.lanes, self.gap = board, source.index, fixed, lanes, gap
        self.notes = board.notes
        self.owner = board.cluster_of()
        self.cluster_position = {cluster_id: number for number, cluster_id in enumerate(board.clusters)}
        self.added = {note_id: number for number, note_id in enumerate(source.added)}
        # The blocks holding a new note, with their footprints (a loose note's made here, in one
        # loop: a drag of everything has ten thousand of them).
        touched: set[str] = set()
        before: dict[str, Rect] = {}
        notes, owner = self.notes, self.owner
        for note_id in new:
            rect = notes.get(note_id)
            if rect is None:
                continue
            cluster_id = owner.get(note_id)
            if cluster_id is None:
                touched.add(note_id)
                before[note_id] = Rect(rect.x, rect.y, rect.width, rect.height + BADGE_STRIP)
            elif cluster_id not in touched:
                touched.add(cluster_id)
                before[cluster_id] = footprint(board, Block(cluster_id, board.clusters[cluster_id], True))
        self.touched = touched
        self.before = before
        self.home = {key: _lane_in(lanes, area) for key, area in before.items()}
        looked_at = set(self.home.values())
        self.lane_clusters: dict[str | None, list[str]] = {}
        for cluster_id, ids in board.clusters.items():
            if cluster_id not in touched:
                area = footprint(board, Block(cluster_id, ids, True))
                lane_id = _lane_in(lanes, area)
                if lane_id in looked_at:
                    self.before[cluster_id] = area
                    self.home[cluster_id] = lane_id
                    self.lane_clusters.setdefault(lane_id, []).append(cluster_id)
        # Which of the blocks that stay can come before a new one in the packing order, and which
        # after: placing new notes among those already there (every other note fixed), none
        # comes after; a drag (only the dragged notes fixed), none comes before.
        self.steady_first = not (isinstance(fixed, (set, frozenset)) and fixed <= set(new))
        self.steady_after = not isinstance(fixed, _AllBut)
        self.session_rects = source.index.rects
        # Where the loose notes that stay are found: the session's index when few notes moved;
        # when many did (everything dragged), one pass over the board finds the few that stay.
        self._near: Callable[[Rect], Iterable[str]] = self.index.near
        self.steady_lanes: set[str | None] | None = None
        self.steady_in: dict[str | None, list[str]] = {}
        #: Each loose note's steady area in a lane, once worked out (``None``: not a steady one there).
        self._seen: dict[str | None, dict[str, tuple[Rect, float, float, float, float] | None]] = {}
        if len(touched) * 4 > len(self.notes):
            self._near, self.steady_lanes = self._scan(looked_at)

    def _scan(self, looked_at: Collection[str | None]) -> tuple[Callable[[Rect], Iterable[str]], set[str | None]]:
        """The loose notes that stay, in the lanes looked at, in buckets of their own."""
        near: _Buckets[str] = _Buckets()
        lanes: set[str | None] = set()
        owner, touched = self.owner, self.touched
        for note_id in self.notes:
            if note_id in owner or note_id in touched:
                continue
            area = with_strip(self.notes[note_id])
            lane_id = _lane_in(self.lanes, area)
            if lane_id in looked_at:
                self.before[note_id], self.home[note_id] = area, lane_id
                near.add(area, note_id)
                lanes.add(lane_id)
                self.steady_in.setdefault(lane_id, []).append(note_id)
        return near.near, lanes

    # --- the blocks that stay, as they are -------------------------------------------------

    def _steady_area(self, key: str, lane_id: str | None) -> Rect | None:
        """A loose note's footprint, inside its lane, if it is in ``lane_id`` (else ``None``)."""
        area = self.before.get(key)
        if area is None:
            area = with_strip(self.notes[key])
            self.before[key] = area
            self.home[key] = _lane_in(self.lanes, area)
        if self.home[key] != lane_id:
            return None
        return _inside(area, self.lanes.get(lane_id) if lane_id else None)

    def _steady_bounds(self, note_id: str, lane_id: str | None) -> tuple[Rect, float, float, float, float] | None:
        """A loose note that stays, in ``lane_id``: its area and the bounds :func:`overlaps` reads."""
        if note_id in self.owner or note_id in self.touched or note_id not in self.notes:
            return None
        area = self._steady_area(note_id, lane_id)
        if area is None:
            return None
        return area, area.x, area.y, area.x + area.width - _TOUCH, area.y + area.height - _TOUCH

    def _steady_near(self, area: Rect, lane_id: str | None) -> list[tuple[str, Rect]]:
        """The blocks holding no new note, where they were, in ``lane_id``, that overlap ``area``."""
        found = []
        seen = self._seen.setdefault(lane_id, {})
        x, y, right, bottom = area.x, area.y, area.x + area.width - _TOUCH, area.y + area.height - _TOUCH
        for note_id in self._near(area):
            try:
                known = seen[note_id]
            except KeyError:
                known = seen[note_id] = self._steady_bounds(note_id, lane_id)
            # overlaps(steady, area), inline: this runs for every note near every step of a push.
            if known is not None and known[1] < right and x < known[3] and known[2] < bottom and y < known[4]:
                found.append((note_id, known[0]))
        lane = self.lanes.get(lane_id) if lane_id else None
        for cluster_id in self.lane_clusters.get(lane_id, ()):
            steady = _inside(self.before[cluster_id], lane)
            if overlaps(steady, area):
                found.append((cluster_id, steady))
        return found

    def _holds_fixed(self, key: str) -> bool:
        if key in self.cluster_position:
            return any(note_id in self.fixed for note_id in self.board.clusters[key])
        return key in self.fixed

    def _order(self, key: str, area: Rect) -> Order:
        first = 0 if self._holds_fixed(key) else 1
        if key in self.cluster_position:
            tie = (0, self.cluster_position[key])
        elif key in self.added:
            tie = (2, self.added[key])
        else:
            tie = (1, self.index.sequence.get(key, 0))
        return (first, area.y, area.x, tie)

    # --- the packing ------------------------------------------------------------------------

    def moves(self) -> Positions:
        by_lane: dict[str | None, list[str]] = {}
        for key in self.touched:
            by_lane.setdefault(self.home[key], []).append(key)
        result: Positions = {}
        for lane_id, keys in by_lane.items():
            for key, area in self._lane(lane_id, keys).items():
                before = self.before[key]
                dx, dy = area.x - before.x, area.y - before.y
                if dx or dy:
                    members = self.board.clusters[key] if key in self.cluster_position else (key,)
                    for note_id in members:
                        rect = self.notes[note_id]
                        result[note_id] = (rect.x + dx, rect.y + dy)
        return result

    def _rigid(self, start: Mapping[str, Rect]) -> set[str]:
        """The loose notes among these blocks moved by one offset from where the session has
        them, as when everything is dragged at once (the offset most of the first few share):
        as they kept apart there, they keep apart here, and need not be looked at one by one."""
        rects, clusters, added = self.session_rects, self.cluster_position, self.added
        candidates = [
            (key, area, was) for key, area in start.items()
            if (was := rects.get(key)) is not None and key not in clusters and key not in added
            and was.width == area.width and was.height + BADGE_STRIP == area.height
        ]
        if len(candidates) < _MANY:
            return set()
        best: set[str] = set()
        for _key, area, was in candidates[:3]:
            dx, dy = area.x - was.x, area.y - was.y
            moved_so = {
                key for key, area, was in candidates
                if abs(area.x - was.x - dx) <= _RIGID / 2 and abs(area.y - was.y - dy) <= _RIGID / 2
            }
            if len(moved_so) > len(best):
                best = moved_so
            if len(best) * 2 > len(candidates):
                break
        return best if len(best) >= _MANY else set()

    def _lane(self, lane_id: str | None, keys: list[str]) -> dict[str, Rect]:
        lane = self.lanes.get(lane_id) if lane_id else None
        gap = self.gap
        start = {key: _inside(self.before[key], lane) for key in keys}
        order = _Orders(self._order, start)  # worked out when needed: most of a big drag never is
        placed = [key for key in keys if self._holds_fixed(key)]
        loose_ends = len(placed) not in (0, len(keys))
        rigid = self._rigid(start) if self.steady_lanes is not None and not loose_ends else set()
        steady_here = [*self.steady_in.get(lane_id, ()), *self.lane_clusters.get(lane_id, ())] if rigid else []
        if rigid and len(rigid) == len(keys) and not steady_here:
            return start  # nothing else in the lane, and the moved notes keep apart
        together: _Buckets[str] = _Buckets()
        together.add_all((start[key], key) for key in rigid)
        rigid_tallest = max((start[key].height for key in rigid), default=0.0)
        # Everything in the lane moved (a drag of everything): no block stays there to push down.
        nothing_steady = (
            self.steady_lanes is not None and lane_id not in self.steady_lanes and not self.lane_clusters.get(lane_id)
        )

        def rigid_near(area: Rect) -> list[str]:
            if not rigid:
                return []
            # Each was added at its start, which it keeps while it is rigid.
            return [key for key in dict.fromkeys(together.overlapping(area)) if key in rigid]

        for key in steady_here:
            # Moved notes that landed on one that stays are packed one by one, like the rest.
            area = self._steady_area(key, lane_id) if key not in self.cluster_position else _inside(self.before[key], lane)
            if area is not None:
                rigid.difference_update(rigid_near(area))
        if placed:
            start.update(self._off_strips(lane_id, start, placed, [key for key in placed if key not in rigid]))
            for key in placed:
                order.pop(key, None)
        queued = [key for key in keys if key not in rigid]
        heap = [(order[key], key) for key in dict.fromkeys(queued)]
        heapq.heapify(heap)
        final: dict[str, Rect] = {}
        finals = _Index()
        while heap:
            current, key = heapq.heappop(heap)
            if key in final:
                continue
            look_back = current[0] == 1 or self.steady_first

            def earlier(area: Rect, current: Order = current, look_back: bool = look_back) -> list[Rect]:
                hits = self._earlier(area, current, lane_id, finals, final, look_back)
                if not rigid:
                    return hits
                if current[0] == 0:
                    # A rigid block that comes first in the packing order starts no lower than
                    # this one did (the order's second field): below that by more than the
                    # tallest of them, a falling block can meet none.
                    reach = current[1] + rigid_tallest - area.y
                    if reach <= 0:
                        return hits
                    if reach < area.height:
                        area = Rect(area.x, area.y, area.width, reach)
                return hits + [start[other] for other in rigid_near(area) if other not in final and order[other] < current]

            area = _fall(start[key], earlier, gap)
            final[key] = area
            finals.place(area)
            if area == start[key] and key not in self.touched:
                continue  # a steady block that stayed covers nothing new
            for other in rigid_near(area):
                if other not in final and order[other] > current:
                    heapq.heappush(heap, (order[other], other))
            if nothing_steady or (current[0] == 1 and not self.steady_after):
                continue
            for other, steady in self._steady_near(area, lane_id):
                if other in final or other in order:
                    continue
                other_order = self._order(other, steady)
                if other_order > current:
                    start[other], order[other] = steady, other_order
                    heapq.heappush(heap, (other_order, other))
        return {**{key: start[key] for key in keys}, **final}

    def _earlier(
        self, area: Rect, current: Order, lane_id: str | None, finals: _Index, final: Mapping[str, Rect],
        look_back: bool,
    ) -> list[Rect]:
        """What ``area`` covers among the blocks placed before it: those already packed, and the
        steady ones that come earlier where they are."""
        hits = finals.hits(area)
        if look_back:
            # New notes placed among those already there: every one that stays comes first.
            all_first = current[0] == 1 and not self.steady_after
            for key, steady in self._steady_near(area, lane_id):
                if key not in final and (all_first or self._order(key, steady) < current):
                    hits.append(steady)
        return hits

    def _off_strips(
        self, lane_id: str | None, start: Mapping[str, Rect], placed: Sequence[str], moving: Sequence[str]
    ) -> dict[str, Rect]:
        """:func:`_off_strips` for the ``moving`` ones of the placed blocks (a placed block
        that moved with all the others lies on none of them), against every block of the lane
        that was not placed."""
        moved = {}
        placed_set = set(placed)
        others_touched = [area for key, area in start.items() if key not in placed_set]
        for key in moving:
            area = start[key]
            while True:
                others = [*(a for a in others_touched if overlaps(area, a)), *(a for _k, a in self._steady_near(area, lane_id))]
                below = [
                    other for other in others
                    if other.bottom - BADGE_STRIP <= area.y < other.bottom and overlaps(area, other)
                ]
                if not below:
                    break
                area = replace(area, y=min(other.bottom for other in below) + self.gap)
            moved[key] = area
        return moved


#: How far below a falling block :func:`_fall` gathers what it may meet, at its second look
#: (board points): a few rows of notes, so one look serves several steps down a column. Each
#: further look gathers twice as far, up to :data:`_FALL_SPAN_MOST`: a note pasted onto a
#: packed board falls to the foot of its column, sixty rows and more, and each look costs the
#: index's buckets and a sort whatever it gathers (1,000 notes pasted on 10,000: 7 looks a
#: note at one stretch each).
_FALL_SPAN = 4 * _BUCKET
_FALL_SPAN_MOST = 64 * _BUCKET


def _fall(area: Rect, earlier: Callable[[Rect], list[Rect]], gap: float) -> Rect:
    """``area`` moved down below whatever of ``earlier`` it covers, again and again until it
    covers nothing: each step goes just below the lowest of what it covers.

    A block that lands on a column of notes placed before it falls down the whole column, a
    row per step. What it may meet is gathered a stretch ahead at one look (``earlier`` of a
    taller area of the same width: everything overlapping the block anywhere in that stretch
    overlaps the stretch, and already overlaps it sideways) and sorted from the top, so each
    step only compares the tops and bottoms of the few it reaches; the index is asked once per
    stretch rather than once per row. The steps, and so where the block ends, are the same as
    asking at each one. The first look is at the block alone, as most blocks stay where they
    are or take a step: a stretch would gather more than they meet."""
    x, width, height = area.x, area.width, area.height
    y = area.y
    ahead: list[tuple[float, float, float]] = []  # (top, bottom less the tolerance, bottom)
    first = 0
    reach = -math.inf  # the stretch gathered reaches down to here
    span = 0.0  # the first look is at the block alone: most blocks stay, or take a step or two
    while True:
        if y + height > reach:
            stretch = height + span
            reach = y + stretch
            span = min(2 * span, _FALL_SPAN_MOST) if span else _FALL_SPAN
            ahead = sorted((hit.y, hit.y + hit.height - _TOUCH, hit.y + hit.height) for hit in earlier(Rect(x, y, width, stretch)))
            first = 0
        while first < len(ahead) and ahead[first][1] <= y:
            first += 1  # ended above the block (the block only goes down)
        bottom = y + height - _TOUCH
        lowest = None
        for index in range(first, len(ahead)):
            top, ends, below = ahead[index]
            if top >= bottom:
                break  # sorted by top: the rest start below the block
            if y < ends and (lowest is None or below > lowest):
                lowest = below
        if lowest is None:
            return area if y == area.y else Rect(x, y, width, height)
        y = lowest + gap


def changed(board: Board, positions: Mapping[str, tuple[float, float]]) -> Positions:
    """Only the positions that differ from the board's."""
    return {
        note_id: xy for note_id, xy in positions.items()
        if (board.notes[note_id].x, board.notes[note_id].y) != xy
    }


def settle(board: Board, placed: Mapping[str, tuple[float, float]], *, gap: float = NOTE_GAP) -> Positions:
    """``placed`` notes at their new corners and the board made tidy around them: the placed
    notes' final corners (inside their lane) and every other note whose corner changes."""
    if _moved_as_one(board, placed):
        return dict(placed)
    return _packed_around(board, placed, gap)


def _packed_around(board: Board, placed: Mapping[str, tuple[float, float]], gap: float = NOTE_GAP) -> Positions:
    """:func:`settle` by making room around the placed notes (what it always comes to)."""
    proposed = board.moved(placed)
    moves = _room(proposed, set(placed), gap, None)
    final = {note_id: moves.get(note_id, placed[note_id]) for note_id in placed}
    others = {
        note_id: xy for note_id, xy in moves.items()
        if (board.notes[note_id].x, board.notes[note_id].y) != xy
    }
    return {**others, **final}


def _moved_as_one(board: Board, placed: Mapping[str, tuple[float, float]]) -> bool:
    """Every note of a board without clusters moved by one offset, each inside the lane it is
    then in (or beside the board): nothing stays for them to land on and they keep apart as they
    did, so making room moves nothing (a drag of everything held together: 10,000 notes looked
    at one by one took 38 ms). On a board whose notes lay on one another already, they still do,
    as they do after such a drag in any lane of 16 notes or more."""
    notes = board.notes
    if len(placed) < _MANY or len(placed) != len(notes) or board.clusters or _common_offset(notes, placed) is None:
        return False
    tops: dict[tuple[float, float], float] = {}
    _keep_highest_notes(tops, notes, placed, ())
    walls = _Walls(lane_rects(list(board.lanes)))
    return all(walls.lane_of(x, width) is None or walls.holds(Rect(x, y, width, 0.0), 0.0, 0.0) for (x, width), y in tops.items())


def held_together(board: Board, placed: Mapping[str, tuple[float, float]]) -> Mapping[str, tuple[float, float]]:
    """Notes dragged together (every one by the same offset) that would cross a lane's edge or
    cover its header stop at that edge as one: the offset is changed as little as works for
    every block they make up to lie inside a lane, so the selection keeps its shape. Held one
    by one instead (as :func:`settle` does), the notes at the edge would be pushed onto their
    neighbours and down through every row under them: dragging everything a little up and
    left would scramble every lane, and a note past the board's edge would be left there.

    Tried in turn: just enough sideways to bring back what crossed an edge; else, smallest
    first, a few moves that carry a block across an edge on into the other lane it overlaps;
    else none at all sideways (lanes full to their edges: everything dragged sideways stays in
    its column). Each also goes down just below the headers, and none turns into a move the
    other way (the notes stay where they were). A selection dropped wholly beside the board
    stays there, as a note dragged there does; dropped partly beside it, its blocks that came
    from a lane are held in the board's first or last lane, and those that were beside it may
    stay beside it. ``placed`` comes back as it is when the notes moved by different offsets,
    when a cluster moves without all its notes, when nothing needs holding, or when no try
    holds every block inside a lane: then each block is held on its own, as before."""
    if len(placed) < 2 or not board.lanes:
        return placed
    notes = board.notes
    offset = _common_offset(notes, placed)
    if offset is None:
        return placed
    owner = board.cluster_of()
    clusters = {owner[note_id] for note_id in placed if note_id in owner}
    if any(note_id not in placed for cluster_id in clusters for note_id in board.clusters[cluster_id]):
        return placed
    # Every rule below reads a block's sides and top only, each the same for blocks with the
    # same sides save that a higher top fails first: one area per pair of sides, with the
    # highest top among them, stands for them all (a drop of 10,000 notes: a few dozen).
    tops: dict[tuple[float, float], float] = {}
    if clusters:
        moved = board.moved({note_id: placed[note_id] for cluster_id in clusters for note_id in board.clusters[cluster_id]})
        for cluster_id in clusters:
            frame = footprint(moved, Block(cluster_id, board.clusters[cluster_id], True))
            _keep_highest(tops, frame.x, frame.width, frame.y)
    _keep_highest_notes(tops, notes, placed, owner)
    areas = [Rect(x, y, width, 0.0) for (x, width), y in tops.items()]
    walls = _Walls(lane_rects(list(board.lanes)))
    dx, dy = offset
    # Held inside a lane: what landed in one, and what left one for beside the board; what
    # was beside the board already may stay there.
    held: list[Rect] = []
    beside: list[Rect] = []
    landed = False
    for area in areas:
        inside = walls.lane_of(area.x, area.width) is not None
        landed = landed or inside
        (held if inside or walls.lane_of(area.x - dx, area.width) is not None else beside).append(area)
    if not landed:
        return placed  # all of it beside the board, where notes may be left
    for sideways in walls.tries(held, dx):
        if dx * (dx + sideways) < 0:
            sideways = -dx  # held back as far as where they were, never pushed the other way
        down = max((LANE_HEADER_HEIGHT + NOTE_GAP - area.y for area in held if area.y < LANE_HEADER_HEIGHT), default=0.0)
        if dy < 0 < dy + down:
            down = -dy
        if all(walls.holds(area, sideways, down) for area in held) and all(
            walls.lane_of(area.x + sideways, area.width) is None or walls.holds(area, sideways, down) for area in beside
        ):
            if not sideways and not down:
                return placed
            # From where the notes were, by the one offset held: held all the way back, they
            # are exactly where they were (a drop at 60% zoom is a fraction of a point off).
            across = 0.0 if abs(dx + sideways) <= _RIGID else dx + sideways
            along = 0.0 if abs(dy + down) <= _RIGID else dy + down
            return {note_id: (notes[note_id].x + across, notes[note_id].y + along) for note_id in placed}
    return placed


def _keep_highest(tops: dict[tuple[float, float], float], x: float, width: float, y: float) -> None:
    top = tops.get((x, width))
    if top is None or y < top:
        tops[(x, width)] = y


def _keep_highest_notes(
    tops: dict[tuple[float, float], float], notes: Mapping[str, Rect], placed: Mapping[str, tuple[float, float]],
    but: Collection[str],
) -> None:
    """:func:`_keep_highest` for every placed loose note (not in ``but``), in one loop."""
    top_of = tops.get
    for note_id, (x, y) in placed.items():
        if note_id not in but:
            sides = (x, notes[note_id].width)
            top = top_of(sides)
            if top is None or y < top:
                tops[sides] = y


#: How many of :meth:`_Walls.other_ways_in` a hold tries (each looks at every block once).
_HOLD_TRIES = 4


class _Walls:
    """The lanes' sides, for :func:`held_together`: which lane a block is in, and whether it
    lies inside it, from its corner and width (no rectangle made per block and per try)."""

    def __init__(self, lanes: Mapping[str, Rect]) -> None:
        self.lanes = sorted(lanes.values(), key=lambda lane: lane.x)
        #: ``lane_of(x, width)``: the lane a block is in (a call straight into :func:`_lane_under`:
        #: a drop of every note asks 30,000 times).
        self.lane_of: Callable[[float, float], Rect | None] = partial(_lane_under, [(lane, lane) for lane in self.lanes])

    def back_inside(self, areas: Iterable[Rect]) -> float | None:
        """How far sideways the blocks must go back for each to lie inside the lane it landed
        in (past the first or last lane: that lane), or ``None`` when one must go left and
        another right."""
        first, last = self.lanes[0], self.lanes[-1]
        to_right = to_left = 0.0
        for area in areas:
            lane = self.lane_of(area.x, area.width) or (first if area.x < first.x else last)
            shift = _inside(area, lane).x - area.x
            if shift:
                to_right, to_left = max(to_right, shift), min(to_left, shift)
        return None if to_right and to_left else to_right or to_left

    def tries(self, areas: Sequence[Rect], dx: float) -> Iterator[float]:
        """The sideways moves a hold tries, in order, each once; the later ones are worked out
        only if the earlier fail (most drags need the first)."""
        first = self.back_inside(areas)
        seen = {first}
        if first is not None:
            yield first
        for sideways in self.other_ways_in(areas)[:_HOLD_TRIES]:
            if sideways not in seen:
                seen.add(sideways)
                yield sideways
        if -dx not in seen:
            yield -dx

    def other_ways_in(self, areas: Iterable[Rect]) -> list[float]:
        """Other sideways moves that may bring every block inside a lane, smallest first: for
        each block across a lane's edge, the move that puts it inside the other lane it
        overlaps (two notes dragged over the next lane's edge go on into it rather than stay
        where they were)."""
        found: set[float] = set()
        for area in areas:
            for lane in self.lanes:
                overlap = min(area.x + area.width, lane.x + lane.width) - max(area.x, lane.x)
                if 0 < overlap < area.width:
                    found.add(_inside(area, lane).x - area.x)
        found.discard(0.0)
        return sorted(found, key=abs)

    def holds(self, area: Rect, dx: float, dy: float) -> bool:
        """Whether ``area`` moved by ``dx, dy`` lies inside the lane it is then in."""
        x, y = area.x + dx, area.y + dy
        lane = self.lane_of(x, area.width)
        return lane is not None and _moved_in(x, y, area.width, lane) == (x, y)


def _common_offset(notes: Mapping[str, Rect], placed: Mapping[str, tuple[float, float]]) -> tuple[float, float] | None:
    """The one offset by which every placed note moved from ``notes`` (the first note's), or
    ``None``. Column by column in C loops: every drop of every note asks twice. Each note's own
    offset is within a hair of the first's exactly when the largest and the smallest are."""
    if not placed:
        return None
    rects = list(map(notes.get, placed))
    if any(map(is_, rects, repeat(None))):
        return None
    xs, ys = zip(*placed.values(), strict=True)
    across = list(map(sub, xs, map(_X, rects)))
    along = list(map(sub, ys, map(_Y, rects)))
    dx, dy, hair = across[0], along[0], _RIGID / 2
    if max(across) - dx > hair or dx - min(across) > hair or max(along) - dy > hair or dy - min(along) > hair:
        return None
    return dx, dy


def place_new(board: Board, new_ids: Collection[str], *, gap: float = NOTE_GAP) -> Positions:
    """New notes (pasted, dropped, imported; already on ``board``) moved down until they cover
    nothing; the notes that were there stay. Returns every changed corner."""
    new = set(new_ids)
    return _room(board, _AllBut(board.notes, new), gap, new)


def below_the_rest(board: Board, new_ids: Collection[str]) -> Positions:
    """New notes moved down lane by lane, together (their own layout kept), to start below
    what each lane holds, then made tidy: an import into a session in progress."""
    new = set(new_ids)
    lanes = lane_rects(list(board.lanes))
    old_bottom: dict[str | None, float] = {}
    for block in blocks(board):
        if set(block.members) & new:
            continue
        area = footprint(board, block)
        lane_id = lane_of(board.lanes, area)
        old_bottom[lane_id] = max(old_bottom.get(lane_id, 0.0), area.bottom)
    new_top: dict[str | None, float] = {}
    home: dict[str, str | None] = {}
    for block in blocks(board):
        if not set(block.members) & new:
            continue
        area = footprint(board, block)
        lane_id = lane_of(board.lanes, area)
        new_top[lane_id] = min(new_top.get(lane_id, area.y), area.y)
        for note_id in block.members:
            home[note_id] = lane_id
    shifted: Positions = {}
    for note_id, lane_id in home.items():
        rect = board.notes[note_id]
        bottom = old_bottom.get(lane_id)
        floor = LANE_HEADER_HEIGHT if lane_id in lanes else -math.inf
        shift = 0.0 if bottom is None else max(0.0, max(bottom, floor) + NOTE_GAP - new_top[lane_id])
        shifted[note_id] = (rect.x, rect.y + shift)
    moved = board.moved(shifted)
    return changed(board, {**shifted, **place_new(moved, new)})


# --- many new notes at once ------------------------------------------------------------------


def grid_columns(lane_rect: Rect) -> int:
    """How many notes fit side by side in a lane (at least one)."""
    return max(1, int((lane_rect.width - NOTE_GAP) // (NOTE_WIDTH + NOTE_GAP)))


def grid_cell(lane_rect: Rect, index: int) -> tuple[float, float]:
    """The top-left corner of the ``index``-th grid cell of a lane, row by row, the first row
    one gap below the lane's header, like a note a person would place."""
    columns = grid_columns(lane_rect)
    column, row = index % columns, index // columns
    x = lane_rect.x + NOTE_GAP + column * (NOTE_WIDTH + NOTE_GAP)
    y = LANE_HEADER_HEIGHT + NOTE_GAP + row * (NOTE_HEIGHT + ROW_GAP)
    return x, y


class GridPlacer:
    """Hands out consecutive grid cells per lane in O(1) each (starter notes, a CSV's loose
    notes: cells are counted on rather than searched for among thousands of notes)."""

    def __init__(self, lane_rects: dict[str, Rect], used: dict[str, int] | None = None) -> None:
        self._rects = lane_rects
        self._next: dict[str, int] = dict(used or {})

    def place(self, lane_id: str) -> tuple[float, float]:
        """The next free cell of ``lane_id`` (a lane that ``lane_rects`` knows)."""
        index = self._next.get(lane_id, 0)
        self._next[lane_id] = index + 1
        return grid_cell(self._rects[lane_id], index)


def placed_below(session: Session, notes: Sequence[Note], clusters: Sequence[tuple[str, Sequence[str]]] = ()) -> list[Note]:
    """Copies of new notes (and their ``clusters``: id and members) moved down, lane by lane,
    below what ``session`` holds, covering nothing, each in the lane under its centre."""
    if not notes:
        return []
    groups = [*((cluster.id, cluster.note_ids) for cluster in session.clusters), *clusters]
    board = Board.of(session, clusters=groups, extra=notes)
    return copies_at(session.lanes, notes, below_the_rest(board, {note.id for note in notes}))


def copies_at(lanes: list[Lane], notes: Iterable[Note], positions: Mapping[str, tuple[float, float]]) -> list[Note]:
    """Copies of new notes at their ``positions`` (where one is given), each in the lane under
    its centre: how placed notes join the board."""
    spans = LaneSpans(lanes)  # the lanes' layout worked out once, not once per note
    placed = []
    for note in notes:
        copy = note.copy()
        copy.x, copy.y = positions.get(note.id, (note.x, note.y))
        copy.lane_id = spans.lane_at(copy.x + copy.width / 2)
        placed.append(copy)
    return placed


# --- a board from another tool ------------------------------------------------------------------

#: Pushes allowed per block before an imported lane falls back to rows (real boards need a handful).
PUSH_BUDGET_PER_BLOCK = 8


@dataclass(frozen=True, slots=True)
class Piece:
    """A note of a board from another tool: ``x``/``y`` are where it sat in its source (any
    origin: only the positions of a lane's pieces relative to each other count)."""

    id: str
    lane_id: str
    x: float
    y: float
    width: float
    height: float
    cluster: str | None = None
    """Pieces with the same key in the same lane are one cluster and stay together."""


@dataclass(frozen=True, slots=True)
class Placed:
    id: str
    x: float
    y: float
    width: float
    height: float


def content_width(pieces: Iterable[Piece]) -> float:
    """How wide a lane must be to hold ``pieces`` as they sit in the source (with margins and
    room for cluster frames)."""
    boxes = list(pieces)
    if not boxes:
        return 0.0
    left = min(piece.x for piece in boxes)
    right = max(piece.x + piece.width for piece in boxes)
    return right - left + 2 * (NOTE_GAP + FRAME_PADDING)


def place_imported(
    pieces: Sequence[Piece], lanes: Sequence[Lane], existing: Sequence[Note] = ()
) -> dict[str, Placed]:
    """Board positions (and sizes, narrowed to fit a lane if need be) for every piece of a board
    from another tool, below the ``existing`` notes of each lane: each lane's blocks (a
    cluster, its members kept where they were relative to each other; or a note) as near their
    source layout as the lane allows, in reading order, moved down until they cover nothing,
    badge strips included. A pile that would take long to part (thousands of notes on one
    spot) is laid in rows instead. Every piece's lane must be one of ``lanes``."""
    rects = lane_rects(list(lanes), list(existing))
    tops: dict[str | None, float] = {}
    for note in existing:
        # Below the lowest note's badge strip and the frame a cluster may draw around it.
        below = note.y + note.height + max(FRAME_PADDING, BADGE_STRIP) + NOTE_GAP
        tops[note.lane_id] = max(tops.get(note.lane_id, 0.0), below)
    by_lane: dict[str, list[Piece]] = {}
    for piece in pieces:
        by_lane.setdefault(piece.lane_id, []).append(piece)
    placed: dict[str, Placed] = {}
    for lane_id, lane_pieces in by_lane.items():
        top = max(LANE_HEADER_HEIGHT + NOTE_GAP, tops.get(lane_id, 0.0))
        placed.update(_import_lane(lane_pieces, rects[lane_id], top))
    return placed


def _import_lane(pieces: Sequence[Piece], lane: Rect, top: float) -> dict[str, Placed]:
    """One lane's pieces: each block's shape (members flowed into rows when they would cover
    one another or not fit the lane), then the blocks placed as in the source and parted."""
    room = lane.width - 2 * NOTE_GAP
    groups: dict[str, list[Piece]] = {}
    shapes: dict[str, Board] = {}
    for piece in pieces:
        if piece.cluster is None:
            groups[piece.id] = [piece]
        else:
            groups.setdefault("\0" + piece.cluster, []).append(piece)
    for key, members in groups.items():
        framed = key.startswith("\0")
        width = max(1.0, room - (2 * FRAME_PADDING if framed else 0.0))
        notes = {p.id: Rect(p.x, p.y, min(p.width, width), p.height) for p in members}
        shape = Board((), notes, {key: tuple(notes)} if framed else {})
        area = _area(shape)
        if area.width > room or (len(notes) > 1 and _covers_any({n: with_strip(r) for n, r in notes.items()})):
            ordered = sorted(notes, key=lambda n: (notes[n].y, notes[n].x))
            shape = replace(shape, notes=_flowed([notes[n] for n in ordered], ordered, width))
        shapes[key] = shape
    areas = {key: _area(shape) for key, shape in shapes.items()}
    side = {key: FRAME_PADDING if key.startswith("\0") else 0.0 for key in areas}
    origin_x = min(area.x + side[key] for key, area in areas.items())
    origin_y = min(area.y for area in areas.values())
    # Room for frames on the left for every block alike, so a lane's notes keep their spacing.
    shift = FRAME_PADDING if any(side.values()) else 0.0
    left, right = lane.x + NOTE_GAP, lane.right - NOTE_GAP
    goals = {}
    for key, area in areas.items():
        x = left + shift + area.x - origin_x  # the notes where they were, their frame around them
        x = max(left, min(x, right - area.width))
        goals[key] = replace(area, x=x, y=top + area.y - origin_y)
    parted = _pack_within(goals, (), NOTE_GAP, PUSH_BUDGET_PER_BLOCK * len(goals) + 100)
    if parted is None:
        parted = _rows(goals, left, right, top)
    result: dict[str, Placed] = {}
    for key, shape in shapes.items():
        dx, dy = parted[key].x - areas[key].x, parted[key].y - areas[key].y
        for note_id, rect in shape.notes.items():
            result[note_id] = Placed(note_id, rect.x + dx, rect.y + dy, rect.width, rect.height)
    return result


def _area(shape: Board) -> Rect:
    """What a block of an imported lane covers (its only block)."""
    (block,) = blocks(shape)
    return footprint(shape, block)


def _flowed(rects: Sequence[Rect], ids: Sequence[str], room: float) -> dict[str, Rect]:
    """Rectangles in rows from their first one's corner, left to right, as many to a row as
    ``room`` holds, a badge strip under each row."""
    x0, y0 = rects[0].x, rects[0].y
    laid: dict[str, Rect] = {}
    x = y = row = 0.0
    for note_id, rect in zip(ids, rects, strict=True):
        if x > 0 and x + rect.width > room:
            x, y, row = 0.0, y + row + ROW_GAP, 0.0
        laid[note_id] = replace(rect, x=x0 + x, y=y0 + y)
        x += rect.width + NOTE_GAP
        row = max(row, rect.height)
    return laid


def _rows(areas: Mapping[str, Rect], left: float, right: float, top: float) -> dict[str, Rect]:
    """Rectangles side by side in reading order, in rows between ``left`` and ``right``: O(n)."""
    laid: dict[str, Rect] = {}
    x, y, row = left, top, 0.0
    for key in sorted(areas, key=lambda key: (areas[key].y, areas[key].x)):
        area = areas[key]
        if x > left and x + area.width > right:
            x, y, row = left, y + row + NOTE_GAP, 0.0
        laid[key] = replace(area, x=x, y=y)
        x += area.width + NOTE_GAP
        row = max(row, area.height)
    return laid


# --- arranging blocks --------------------------------------------------------------------------


def grid(
    board: Board, note_ids: Sequence[str], left: float, top: float, lane: Rect | None = None,
    *, gap: float = NOTE_GAP,
) -> Positions:
    """A cluster's notes in rows of about √n from ``(left, top)`` (the first note's corner), in
    the order given; with a lane, no more columns than its frame fits and moved left to fit."""
    rects = [board.notes[note_id] for note_id in note_ids]
    cell = (max((r.width for r in rects), default=NOTE_WIDTH) + gap, max((r.height for r in rects), default=NOTE_HEIGHT) + max(gap, ROW_GAP))
    return cluster_grid(note_ids, left, top, cell, lane, inset=NOTE_GAP + FRAME_PADDING)


def cluster_grid(
    note_ids: Sequence[str], left: float, top: float, cell: tuple[float, float],
    lane: Rect | None = None, *, inset: float = NOTE_GAP,
) -> Positions:
    """Top-left corners for ``note_ids`` in rows from ``(left, top)``, in the given order, each
    cell ``cell`` (a note's size plus the gap). With a lane: no more columns than the lane holds
    inside ``inset`` on both sides, and moved left so the block stays inside the lane."""
    cell_w, cell_h = cell
    columns = max(1, math.ceil(math.sqrt(len(note_ids))))
    if lane is not None and cell_w > 0:
        columns = max(1, min(columns, int((lane.width - 2 * inset + NOTE_GAP) // cell_w)))
        left = max(lane.x + inset, min(left, lane.right - inset - columns * cell_w + NOTE_GAP))
    return {
        note_id: (left + (index % columns) * cell_w, top + (index // columns) * cell_h)
        for index, note_id in enumerate(note_ids)
    }


def stacked_blocks(
    groups: Sequence[Sequence[str]], lane: Rect, top: float,
    width: float = NOTE_WIDTH, height: float = NOTE_HEIGHT,
) -> Positions:
    """Top-left corners for every note of ``groups`` (each a list of ids), the first block's
    notes starting at ``top``, one block under another (an import's clusters)."""
    cell = (width + NOTE_GAP, height + ROW_GAP)
    inset = NOTE_GAP + FRAME_PADDING
    positions: Positions = {}
    y = top
    for group in groups:
        block = cluster_grid(group, lane.x + inset, y, cell, lane, inset=inset)
        positions.update(block)
        y = max(corner_y for _x, corner_y in block.values()) + height + BLOCK_GAP
    return positions


def gather(board: Board, groups: Sequence[tuple[Sequence[str], tuple[float, float]]]) -> Positions:
    """Clusters formed where their notes were: each group's notes (a cluster's members, in
    order, on ``board`` already) in a grid whose first note is at the given corner, inside the
    lane there, and the neighbours moved down out of the way. Every changed corner."""
    lanes = lane_rects(list(board.lanes))
    placed: Positions = {}
    for note_ids, (left, top) in groups:
        ids = [note_id for note_id in note_ids if note_id in board.notes]
        if not ids:
            continue
        first = board.notes[ids[0]]
        lane_id = lane_of(board.lanes, Rect(left, top, first.width, first.height))
        lane = lanes.get(lane_id) if lane_id else None
        top = max(top, LANE_HEADER_HEIGHT + FRAME_TOP + NOTE_GAP) if lane is not None else top
        placed.update(grid(board, ids, left, top, lane))
    return settle(board, placed)


def tidy(board: Board, note_ids: Collection[str]) -> Positions:
    """Arrange → Tidy: the blocks the notes are in (a cluster whole, its notes on a grid), lane
    by lane in reading order from where the highest of them is, as many side by side as the
    lane holds; the rest of the lane moves down to make room. Every changed corner."""
    chosen = [block for block in blocks(board) if set(block.members) & set(note_ids)]
    return _flow_lanes(board, chosen, None, NOTE_GAP, from_top=False)


def sort_by_dots(
    board: Board, lane_ids: Collection[str] | None, dots: Mapping[str, int], *, gap: float = NOTE_GAP
) -> Positions:
    """Sort by Dots: in each lane (all when ``lane_ids`` is ``None``), clusters by their total
    (``dots`` by cluster id, else the sum of their notes') and loose notes by their dots, most
    first in reading order under the header; a cluster's notes by their own dots. Ties keep
    reading order. Every changed corner (each note's badge strip is part of its block)."""
    chosen = [block for block in blocks(board) if lane_ids is None or _block_lane(board, block) in lane_ids]

    def value(block: Block) -> int:
        if block.is_cluster and block.key in dots:
            return dots[block.key]
        return sum(dots.get(note_id, 0) for note_id in block.members)

    def own(note_id: str) -> int:
        return dots.get(note_id, 0)

    return _flow_lanes(board, chosen, (value, own), gap, from_top=True)


def _block_lane(board: Board, block: Block) -> str | None:
    return lane_of(board.lanes, footprint(board, block))


def _flow_lanes(
    board: Board, chosen: Sequence[Block], ranking: tuple[Callable[[Block], int], Callable[[str], int]] | None,
    gap: float, *, from_top: bool,
) -> Positions:
    """The chosen blocks of each lane in rows (reading order, or by ``ranking``: a block's value
    and a note's, most first), the lane's other blocks moved down out of their way."""
    lanes = lane_rects(list(board.lanes))
    by_lane: dict[str, list[Block]] = {}
    for block in chosen:
        lane_id = _block_lane(board, block)
        if lane_id is not None:
            by_lane.setdefault(lane_id, []).append(block)
    placed: Positions = {}
    for lane_id, lane_blocks in by_lane.items():
        lane = lanes[lane_id]
        areas = {block.key: footprint(board, block) for block in lane_blocks}
        ordered = _reading_order(lane_blocks, areas)
        if ranking is not None:
            value = ranking[0]
            position = {block.key: index for index, block in enumerate(ordered)}
            ordered = sorted(ordered, key=lambda block: (-value(block), position[block.key]))
        top = LANE_HEADER_HEIGHT + gap if from_top else max(min(a.y for a in areas.values()), LANE_HEADER_HEIGHT + gap)
        shapes: dict[str, Positions] = {}
        for block in ordered:
            if block.is_cluster:
                members = list(block.members)
                if ranking is not None:
                    own = ranking[1]
                    where = {n: i for i, n in enumerate(members)}
                    members.sort(key=lambda n: (-own(n), where[n]))
                shapes[block.key] = grid(board, members, 0.0, 0.0, replace(lane, x=0.0), gap=gap)
            else:
                shapes[block.key] = {block.key: (0.0, 0.0)}
        placed.update(_shelves(board, ordered, shapes, lane, top, gap))
    return settle(board, placed, gap=NOTE_GAP)


def _shelves(
    board: Board, ordered: Sequence[Block], shapes: Mapping[str, Positions], lane: Rect, top: float, gap: float
) -> Positions:
    """Blocks side by side in rows across the lane, a row under the one before."""
    placed: Positions = {}
    x, y, row_bottom = lane.x + gap, top, top
    for block in ordered:
        shape = shapes[block.key]
        moved = board.moved(shape)
        area = footprint(moved, block)
        if x > lane.x + gap and x + area.width > lane.right - gap:
            x, y = lane.x + gap, row_bottom + gap
        dx, dy = x - area.x, y - area.y
        for note_id, (nx, ny) in shape.items():
            placed[note_id] = (nx + dx, ny + dy)
        x += area.width + gap
        row_bottom = max(row_bottom, y + area.height)
    return placed


def _reading_order(items: Sequence[Block], areas: Mapping[str, Rect]) -> list[Block]:
    """Top to bottom, then left to right; tops within half a note's height count as one row."""
    ordered = sorted(items, key=lambda block: (areas[block.key].y, areas[block.key].x))
    rows: list[list[Block]] = []
    for block in ordered:
        if rows and areas[block.key].y - areas[rows[-1][0].key].y < NOTE_HEIGHT / 2:
            rows[-1].append(block)
        else:
            rows.append([block])
    return [block for row in rows for block in sorted(row, key=lambda block: areas[block.key].x)]


# --- the packing both levels share -------------------------------------------------------------------


def _inside(area: Rect, lane: Rect | None) -> Rect:
    """A block moved inside its lane (sideways) and below the header, if it is not already."""
    if lane is None:
        return area
    x, y = _moved_in(area.x, area.y, area.width, lane)
    return area if (x, y) == (area.x, area.y) else replace(area, x=x, y=y)


def _moved_in(x: float, y: float, width: float, lane: Rect) -> tuple[float, float]:
    """:func:`_inside` for a block's corner and width: where the corner goes."""
    if x < lane.x or x + width > lane.x + lane.width:
        roomy = width + 2 * NOTE_GAP <= lane.width
        x = max(lane.x + NOTE_GAP, min(x, lane.x + lane.width - NOTE_GAP - width)) if roomy else lane.x
    if y < lane.y + LANE_HEADER_HEIGHT:
        y = lane.y + LANE_HEADER_HEIGHT + NOTE_GAP
    return x, y


def _off_strips(areas: Mapping[str, Rect], placed: Collection[str], gap: float) -> dict[str, Rect]:
    """Blocks just ``placed`` whose top landed in another block's badge strip (just under its
    notes) moved down below it: a note put just under another joins the column below it,
    rather than the note above jumping below the one just put."""
    moved = dict(areas)
    others = sorted((area for key, area in areas.items() if key not in placed), key=lambda area: area.bottom)
    for key in [key for key in areas if key in placed]:
        area = moved[key]
        for other in others:
            if other.bottom - BADGE_STRIP <= area.y < other.bottom and overlaps(area, other):
                area = replace(area, y=other.bottom + gap)
        moved[key] = area
    return moved


def _covers_any(areas: Mapping[str, Rect]) -> bool:
    """Whether any two of the rectangles overlap (so the lane needs packing)."""
    index = _Index()
    for area in areas.values():
        if index.hits(area):
            return True
        index.place(area)
    return False


def _pack(areas: Mapping[str, Rect], priority: Collection[str], gap: float) -> dict[str, Rect]:
    """Rectangles moved down until none overlaps another: the ``priority`` ones first, then
    the rest, each in reading order, each as little as it can."""
    packed = _pack_within(areas, priority, gap, None)
    assert packed is not None
    return packed


def _pack_within(
    areas: Mapping[str, Rect], priority: Collection[str], gap: float, budget: int | None
) -> dict[str, Rect] | None:
    """:func:`_pack`, giving up (``None``) after ``budget`` pushes: a pile of thousands of
    rectangles on one spot would take each past all the others."""
    first = sorted((key for key in areas if key in priority), key=lambda key: (areas[key].y, areas[key].x))
    rest = sorted((key for key in areas if key not in priority), key=lambda key: (areas[key].y, areas[key].x))
    index = _Index()
    result: dict[str, Rect] = {}
    for key in [*first, *rest]:
        area = areas[key]
        while hits := index.hits(area):
            if budget is not None:
                budget -= 1
                if budget < 0:
                    return None
            area = replace(area, y=max(hit.bottom for hit in hits) + gap)
        index.place(area)
        result[key] = area
    return result


_T = TypeVar("_T")


class _Buckets(Generic[_T]):
    """Values in square buckets by their rectangles: which overlap a rectangle, without looking
    at all. Each is kept with the bounds :func:`overlaps` compares (worked out once, the same
    sums), as a push down the board asks again at every step."""

    def __init__(self) -> None:
        self._buckets: dict[tuple[int, int], list[tuple[float, float, float, float, _T]]] = {}

    def add(self, rect: Rect, value: _T) -> None:
        self.add_all(((rect, value),))

    def add_all(self, placed: Iterable[tuple[Rect, _T]]) -> None:
        """:meth:`add` for many (every note of a drag of everything), in one loop."""
        buckets = self._buckets
        for rect, value in placed:
            entry = _bounds(rect, value)
            for cell in _cells(rect.x, rect.y, rect.x + rect.width, rect.y + rect.height):
                found = buckets.get(cell)
                if found is None:
                    buckets[cell] = [entry]
                else:
                    found.append(entry)

    def near(self, rect: Rect) -> set[_T]:
        """The values in the buckets ``rect`` touches (a superset of :meth:`overlapping`)."""
        buckets = self._buckets
        return {entry[4] for cell in _cells(rect.x, rect.y, rect.x + rect.width, rect.y + rect.height)
                for entry in buckets.get(cell, ())}

    def overlapping(self, rect: Rect) -> list[_T]:
        """The values whose rectangle overlaps ``rect`` (one may come twice: callers take the
        lowest bottom, whether there is any, or a set)."""
        x, y, far_x, far_y = rect.x, rect.y, rect.x + rect.width, rect.y + rect.height
        right, bottom = far_x - _TOUCH, far_y - _TOUCH
        get = self._buckets.get
        rows = range(math.floor(y / _BUCKET), math.floor(far_y / _BUCKET) + 1)
        return [
            entry[4]
            for column in range(math.floor(x / _BUCKET), math.floor(far_x / _BUCKET) + 1)
            for row in rows
            for entry in get((column, row), ())
            if x < entry[2] and entry[0] < right and y < entry[3] and entry[1] < bottom
        ]


def _cells(left: float, top: float, right: float, bottom: float) -> list[tuple[int, int]]:
    xs = range(math.floor(left / _BUCKET), math.floor(right / _BUCKET) + 1)
    ys = range(math.floor(top / _BUCKET), math.floor(bottom / _BUCKET) + 1)
    return [(bx, by) for bx in xs for by in ys]


class _Index(_Buckets[Rect]):
    """Placed rectangles themselves in buckets: which a new one overlaps."""

    def place(self, rect: Rect) -> None:
        self.add(rect, rect)

    def hits(self, rect: Rect) -> list[Rect]:
        return self.overlapping(rect)


def _bounds(rect: Rect, value: _T) -> tuple[float, float, float, float, _T]:
    """``rect``'s left and top and its right and bottom less the touching tolerance: what
    :func:`overlaps` compares, so a loop can compare without a call per pair."""
    return rect.x, rect.y, rect.x + rect.width - _TOUCH, rect.y + rect.height - _TOUCH, value
