"""Pure geometry for arranging notes: align, distribute, snap, reading order (tidying is
:mod:`canvasapp.ops.lane_layout`).

No Qt here: the functions take boxes (or notes) and return new top-left corners by id, so the
editor can turn them into one ``MoveNotes`` command and tests can check them without a window.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from canvasapp.model import Lane, Note
from canvasapp.model.entities import NOTE_HEIGHT, NOTE_WIDTH
from canvasapp.ops.layout import NOTE_GAP, Rect

#: The snap grid: default notes (200 × 140) are whole multiples of it.
GRID = 20.0

Positions = dict[str, tuple[float, float]]


@dataclass(frozen=True, slots=True)
class Box:
    """A note's id and rectangle: all that arranging needs to know."""

    id: str
    x: float
    y: float
    width: float = NOTE_WIDTH
    height: float = NOTE_HEIGHT

    @classmethod
    def of(cls, note: Note) -> Box:
        return cls(note.id, note.x, note.y, note.width, note.height)


def boxes(notes: Iterable[Note]) -> list[Box]:
    return [Box.of(note) for note in notes]


def in_reading_order(items: Sequence[Box]) -> list[Box]:
    """Top to bottom, then left to right; boxes whose tops are within half a note's height of
    a row's first box count as that row (hand-placed notes are never exactly aligned)."""
    ordered = sorted(items, key=lambda box: (box.y, box.x))
    rows: list[list[Box]] = []
    for box in ordered:
        if rows and box.y - rows[-1][0].y < rows[-1][0].height / 2:
            rows[-1].append(box)
        else:
            rows.append([box])
    return [box for row in rows for box in sorted(row, key=lambda box: box.x)]


def reading_order(notes: Iterable[Note], lanes: Sequence[Lane]) -> list[str]:
    """Note ids lane by lane (in lane order), each lane read like a page; notes outside every
    lane come last."""
    rank = {lane.id: lane.order for lane in lanes}
    groups: dict[str | None, list[Box]] = {}
    for note in notes:
        lane_id = note.lane_id if note.lane_id in rank else None
        groups.setdefault(lane_id, []).append(Box.of(note))
    ranked = sorted((key for key in groups if key is not None), key=lambda key: rank[key])
    keys: list[str | None] = list(ranked)
    if None in groups:
        keys.append(None)
    return [box.id for key in keys for box in in_reading_order(groups[key])]


def align_left(items: Sequence[Box]) -> Positions:
    left = min((box.x for box in items), default=0.0)
    return {box.id: (left, box.y) for box in items}


def align_top(items: Sequence[Box]) -> Positions:
    top = min((box.y for box in items), default=0.0)
    return {box.id: (box.x, top) for box in items}


def distribute_horizontally(items: Sequence[Box]) -> Positions:
    """Equal gaps between neighbours from the leftmost to the rightmost (which stay put)."""
    return _distribute(items, horizontal=True)


def distribute_vertically(items: Sequence[Box]) -> Positions:
    """Equal gaps between neighbours from the top one to the bottom one (which stay put)."""
    return _distribute(items, horizontal=False)


def _distribute(items: Sequence[Box], *, horizontal: bool) -> Positions:
    def start(box: Box) -> float:
        return box.x if horizontal else box.y

    def size(box: Box) -> float:
        return box.width if horizontal else box.height

    ordered = sorted(items, key=lambda box: (start(box), box.id))
    if len(ordered) < 3:
        return {box.id: (box.x, box.y) for box in ordered}
    span = start(ordered[-1]) + size(ordered[-1]) - start(ordered[0])
    gap = (span - sum(size(box) for box in ordered)) / (len(ordered) - 1)
    positions: Positions = {}
    cursor = start(ordered[0])
    for box in ordered:
        positions[box.id] = (cursor, box.y) if horizontal else (box.x, cursor)
        cursor += size(box) + gap
    return positions


def snap(value: float, grid: float = GRID) -> float:
    return round(value / grid) * grid


def snap_positions(positions: Positions, grid: float = GRID) -> Positions:
    return {key: (snap(x, grid), snap(y, grid)) for key, (x, y) in positions.items()}


def offset_grid(
    count: int,
    x: float,
    y: float,
    area: Rect | None,
    *,
    width: float = NOTE_WIDTH,
    height: float = NOTE_HEIGHT,
    gap: float = NOTE_GAP,
    most_columns: int = 4,
) -> list[tuple[float, float]]:
    """Top-left corners for ``count`` new notes in a small grid whose first note is centred
    at ``(x, y)`` (lines pasted or dropped at the cursor). Inside ``area`` (the lane under the
    cursor) it uses only the columns that fit to the lane's right edge, moving left if even
    one does not."""
    left, top = x - width / 2, y - height / 2
    columns = most_columns
    if area is not None:
        left = max(area.x + gap, min(left, area.right - gap - width))
        columns = max(1, min(most_columns, int((area.right - left + gap) // (width + gap))))
    columns = max(1, min(columns, count))
    return [
        (left + (index % columns) * (width + gap), top + (index // columns) * (height + gap))
        for index in range(count)
    ]
