"""Where pasted notes go: :func:`canvasapp.ops.lane_layout.place_new`'s rule (each new note
moved down its lane until it covers nothing, in reading order; the notes already there stay),
worked out column by column.

``place_new`` walks each new note down one note at a time, asking the board's index what lies
near at every step; a paste of a thousand notes onto a tall board takes tens of thousands of
such steps. Here the notes that stay in a pasted note's column are asked for once per column
(a slab of the board at a time, as far down as the walk goes), kept sorted by their tops, and
every step is a binary search. The result is the same, corner for corner; boards this does not
cover (new notes in a cluster, a board not made from a session, many new notes on a small
board) go to ``place_new`` itself.
"""

from __future__ import annotations

import bisect
from collections.abc import Collection, Mapping

from canvasapp.ops.badge_strip import with_strip
from canvasapp.ops.lane_layout import (
    _TOUCH,
    Block,
    Board,
    Positions,
    _inside,
    _lane_in,
    footprint,
    place_new,
)
from canvasapp.ops.layout import NOTE_GAP, Rect, lane_rects

#: How much of a column is asked of the index at a time (board points).
_SLAB = 4000.0


class _Column:
    """What a pasted note may hit between two x positions, in one lane: sorted by top."""

    def __init__(self, left: float, right: float) -> None:
        self.left, self.right = left, right
        self.tops: list[float] = []
        self.areas: list[Rect] = []
        self.tallest = 0.0
        self.seen: set[str] = set()
        self.covered_to: float | None = None  # asked of the index from ``start`` down to here
        self.start = 0.0

    def takes(self, area: Rect) -> bool:
        """Whether ``area`` overlaps this column sideways (as ``overlaps`` counts it)."""
        return self.left < area.right - _TOUCH and area.x < self.right - _TOUCH

    def add(self, area: Rect) -> None:
        at = bisect.bisect_right(self.tops, area.y)
        self.tops.insert(at, area.y)
        self.areas.insert(at, area)
        self.tallest = max(self.tallest, area.height)

    def hits(self, area: Rect) -> list[Rect]:
        """The areas here that overlap ``area`` (already known to overlap sideways)."""
        top, bottom = area.y, area.y + area.height
        first = bisect.bisect_left(self.tops, top - self.tallest - 1.0)
        last = bisect.bisect_left(self.tops, bottom)
        return [
            other for other in self.areas[first:last]
            if top < other.y + other.height - _TOUCH and other.y < bottom - _TOUCH
        ]


class _Placer:
    def __init__(self, board: Board, new: Collection[str], gap: float) -> None:
        assert board.source is not None
        self.board, self.new, self.gap = board, new, gap
        self.index = board.source.index
        self.lanes = lane_rects(list(board.lanes))
        self.owner = board.cluster_of()
        self.columns: dict[tuple[float, float, str | None], _Column] = {}
        self.placed: dict[str | None, list[Rect]] = {}
        self.homes: dict[str, tuple[Rect, str | None]] = {}
        self.clusters: dict[str | None, list[Rect]] = {}
        for cluster_id, ids in board.clusters.items():
            area = footprint(board, Block(cluster_id, ids, True))
            lane_id = _lane_in(self.lanes, area)
            self.clusters.setdefault(lane_id, []).append(_inside(area, self.lanes.get(lane_id) if lane_id else None))

    def steady(self, note_id: str) -> tuple[Rect, str | None]:
        """A note that stays: its area inside its lane, and the lane."""
        known = self.homes.get(note_id)
        if known is None:
            area = with_strip(self.board.notes[note_id])
            lane_id = _lane_in(self.lanes, area)
            known = self.homes[note_id] = (_inside(area, self.lanes.get(lane_id) if lane_id else None), lane_id)
        return known

    def column(self, area: Rect, lane_id: str | None) -> _Column:
        key = (area.x, area.x + area.width, lane_id)
        column = self.columns.get(key)
        if column is None:
            column = self.columns[key] = _Column(area.x, area.x + area.width)
            column.start = column.covered_to = area.y
            for other in [*self.clusters.get(lane_id, ()), *self.placed.get(lane_id, ())]:
                if column.takes(other):
                    column.add(other)
        return column

    def reach(self, column: _Column, lane_id: str | None, down_to: float) -> None:
        """Everything of the column from where it starts down to ``down_to`` is known."""
        assert column.covered_to is not None
        while column.covered_to < down_to:
            top = column.covered_to
            slab = Rect(column.left, top, column.right - column.left, _SLAB)
            if top == column.start:  # notes reaching into the first slab from above
                slab = Rect(slab.x, top - _SLAB, slab.width, 2 * _SLAB)
            for note_id in self.index.near(slab):
                if note_id in column.seen or note_id in self.new or note_id in self.owner:
                    continue
                column.seen.add(note_id)
                other, home = self.steady(note_id)
                if home == lane_id and column.takes(other):
                    column.add(other)
            column.covered_to = top + _SLAB

    def place(self, area: Rect, lane_id: str | None) -> Rect:
        column = self.column(area, lane_id)
        while True:
            self.reach(column, lane_id, area.y + area.height)
            hits = column.hits(area)
            if not hits:
                break
            area = Rect(area.x, max(hit.y + hit.height for hit in hits) + self.gap, area.width, area.height)
        self.placed.setdefault(lane_id, []).append(area)
        for (_left, _right, home), other in self.columns.items():
            if home == lane_id and other.takes(area):
                other.add(area)
        return area


def place_pasted(board: Board, new_ids: Collection[str], *, gap: float = NOTE_GAP) -> Positions:
    """:func:`canvasapp.ops.lane_layout.place_new` (new notes already on ``board``, moved down
    until they cover nothing; the others stay): every changed corner."""
    new = set(new_ids)
    source = board.source
    owner = board.cluster_of()
    if (
        not new or source is None or source.notes is not board.notes or source.version != source.index.version
        or not source.exceptions <= new or any(note_id in owner for note_id in new)
        or len(new) * 4 > len(board.notes)
    ):
        return place_new(board, new, gap=gap)
    placer = _Placer(board, new, gap)
    lanes = placer.lanes
    added = {note_id: number for number, note_id in enumerate(source.added)}
    starts: dict[str, tuple[Rect, Rect, str | None]] = {}
    for note_id in new:
        before = with_strip(board.notes[note_id])
        lane_id = _lane_in(lanes, before)
        starts[note_id] = (before, _inside(before, lanes.get(lane_id) if lane_id else None), lane_id)
    order = sorted(new, key=lambda n: (starts[n][1].y, starts[n][1].x, added.get(n, len(added))))
    result: Positions = {}
    notes: Mapping[str, Rect] = board.notes
    for note_id in order:
        before, start, lane_id = starts[note_id]
        area = placer.place(start, lane_id)
        dx, dy = area.x - before.x, area.y - before.y
        if dx or dy:
            rect = notes[note_id]
            corner = (rect.x + dx, rect.y + dy)
            if corner != (rect.x, rect.y):
                result[note_id] = corner
    return result
