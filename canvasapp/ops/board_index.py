"""Where every note of a session is, kept up to date by the session's events: the layout reads
the board from here and asks it what lies near a spot, instead of making a rectangle of every
note and looking at each of them for every gesture.

One index per session, made the first time the layout asks (:func:`index_of`) and following the
session from then on. It never holds the session itself, so a closed session is forgotten with
its index. The spatial part (square buckets) is brought up to date only when asked: a move of
every note marks them, and the next question pays for what moved, once.
"""

from __future__ import annotations

import math
import threading
import weakref
from collections.abc import Iterable
from itertools import islice

from canvasapp.model import Note, Session
from canvasapp.ops.badge_strip import BADGE_STRIP
from canvasapp.ops.layout import Rect

#: Square buckets (board points): about a cluster's size.
BUCKET = 400.0
Cell = tuple[int, int]


class BoardIndex:
    """Every note's rectangle by id, and buckets of the rectangles with their badge strips."""

    def __init__(self, notes: Iterable[Note]) -> None:
        self.rects: dict[str, Rect] = {note.id: Rect(note.x, note.y, note.width, note.height) for note in notes}
        #: One more with every change: a board made from the index knows whether it still matches.
        self.version = 0
        self._buckets: dict[Cell, set[str]] = {}
        self._cells: dict[str, tuple[Cell, ...]] = {}
        #: Notes whose buckets are not brought up to date yet (all of them until the first question).
        self._stale: set[str] = set(self.rects)
        #: A number per note that grows with every note added: the notes' order on the board.
        self.sequence: dict[str, int] = {note_id: number for number, note_id in enumerate(self.rects)}
        self._next = len(self.sequence)

    def follow(self, session: Session) -> None:
        session.notes_added.connect(self._added)
        session.notes_moved.connect(self._changed)
        session.notes_resized.connect(self._changed)
        session.notes_removed.connect(self._removed)

    def unfollow(self, session: Session) -> None:
        session.notes_added.disconnect(self._added)
        session.notes_moved.disconnect(self._changed)
        session.notes_resized.disconnect(self._changed)
        session.notes_removed.disconnect(self._removed)

    def _added(self, notes: list[Note]) -> None:
        for note in notes:
            self.sequence[note.id] = self._next
            self._next += 1
        self._changed(notes)

    def _changed(self, notes: list[Note]) -> None:
        rects = self.rects
        for note in notes:
            rects[note.id] = Rect(note.x, note.y, note.width, note.height)
        self._stale.update(note.id for note in notes)
        self.version += 1

    def _removed(self, notes: list[Note]) -> None:
        for note in notes:
            self.rects.pop(note.id, None)
            self.sequence.pop(note.id, None)
        self._stale.update(note.id for note in notes)
        self.version += 1

    def near(self, area: Rect) -> set[str]:
        """The notes whose rectangle or badge strip may overlap ``area`` (a few more, never fewer)."""
        self._refresh()
        found: set[str] = set()
        buckets = self._buckets
        for cell in _cells_of(area.x, area.y, area.x + area.width, area.y + area.height):
            ids = buckets.get(cell)
            if ids:
                found |= ids
        return found

    def warm_up(self, count: int) -> bool:
        """Bring ``count`` of the notes not in their buckets yet up to date (a big board's idle
        turns after opening, so that its first gesture does not pay for all of them at once:
        100,000 notes, half a second); whether any are left."""
        stale = self._stale
        if len(stale) <= count:
            self._refresh()
            return False
        some = list(islice(stale, count))
        stale.difference_update(some)
        self._rebucket(some)
        return True

    def _refresh(self) -> None:
        if not self._stale:
            return
        buckets, cells, rects = self._buckets, self._cells, self.rects
        if len(self._stale) * 2 > len(cells) + len(rects):
            # Most notes moved (everything dragged at once): start again rather than move each.
            buckets.clear()
            cells.clear()
            self._rebucket(rects)
        else:
            self._rebucket(self._stale)
        self._stale.clear()

    def _rebucket(self, note_ids: Iterable[str]) -> None:
        """These notes out of the buckets they were in (if any) and into those they are in
        now; a note still in the same buckets (a push down a column moves thousands of notes by
        a row, and a bucket is two rows tall) is left there."""
        buckets, cells, rects = self._buckets, self._cells, self.rects
        for note_id in note_ids:
            rect = rects.get(note_id)
            where = () if rect is None else _note_cells(rect)
            was = cells.get(note_id, ())
            if where == was:
                continue
            for cell in was:
                bucket = buckets[cell]
                bucket.discard(note_id)
                if not bucket:
                    del buckets[cell]
            if rect is None:
                cells.pop(note_id, None)
                continue
            cells[note_id] = where
            for cell in where:
                members = buckets.get(cell)
                if members is None:
                    buckets[cell] = {note_id}
                else:
                    members.add(note_id)


def _cells_of(left: float, top: float, right: float, bottom: float) -> list[Cell]:
    """The buckets an area lies in (every question of :meth:`BoardIndex.near`: a list comprehension,
    the quickest to make)."""
    xs = range(math.floor(left / BUCKET), math.floor(right / BUCKET) + 1)
    ys = range(math.floor(top / BUCKET), math.floor(bottom / BUCKET) + 1)
    return [(bx, by) for bx in xs for by in ys]


def _note_cells(rect: Rect) -> tuple[Cell, ...]:
    """The buckets a note and its badge strip lie in, as kept for it (a tuple, compared with
    what was kept when the note moves); most notes lie in one, found without a list."""
    right, bottom = rect.x + rect.width, rect.y + rect.height + BADGE_STRIP
    column, row = math.floor(rect.x / BUCKET), math.floor(rect.y / BUCKET)
    if column == math.floor(right / BUCKET) and row == math.floor(bottom / BUCKET):
        return ((column, row),)
    return tuple(_cells_of(rect.x, rect.y, right, bottom))


_indexes: weakref.WeakKeyDictionary[Session, BoardIndex] = weakref.WeakKeyDictionary()
_lock = threading.Lock()


def index_of(session: Session) -> BoardIndex:
    """The session's index, made on first use and following the session from then on."""
    with _lock:
        index = _indexes.get(session)
        if index is not None and len(index.rects) != len(session):
            index.unfollow(session)  # cannot happen while every change is an event; never trusted then
            index = None
        if index is None:
            index = BoardIndex(session.notes)
            index.follow(session)
            _indexes[session] = index
        return index
