"""Grid placement for many new notes at once (starter notes, imports): cells are counted
on, O(1) per note, rather than searched for among the notes already there."""

from __future__ import annotations

from canvasapp.model import Note
from canvasapp.model.entities import NOTE_HEIGHT, NOTE_WIDTH
from canvasapp.ops.layout import LANE_HEADER_HEIGHT, NOTE_GAP, Rect


def grid_columns(lane_rect: Rect) -> int:
    """How many notes fit side by side in a lane (at least one)."""
    return max(1, int((lane_rect.width - NOTE_GAP) // (NOTE_WIDTH + NOTE_GAP)))


def grid_cell(lane_rect: Rect, index: int) -> tuple[float, float]:
    """The top-left corner of the ``index``-th grid cell of a lane, row by row.

    The first row sits one gap below the lane's header, like a note a person would place.
    """
    columns = grid_columns(lane_rect)
    column, row = index % columns, index // columns
    x = lane_rect.x + NOTE_GAP + column * (NOTE_WIDTH + NOTE_GAP)
    y = LANE_HEADER_HEIGHT + NOTE_GAP + row * (NOTE_HEIGHT + NOTE_GAP)
    return x, y


class GridPlacer:
    """Hands out consecutive grid cells per lane in O(1) each."""

    def __init__(self, lane_rects: dict[str, Rect], used: dict[str, int] | None = None) -> None:
        self._rects = lane_rects
        self._next: dict[str, int] = dict(used or {})

    def place(self, lane_id: str) -> tuple[float, float]:
        """The next free cell of ``lane_id`` (a lane that ``lane_rects`` knows)."""
        index = self._next.get(lane_id, 0)
        self._next[lane_id] = index + 1
        return grid_cell(self._rects[lane_id], index)


def below_existing(new_notes: list[Note], existing: list[Note]) -> list[Note]:
    """Imported notes moved down, lane by lane, to start below the notes already there,
    so an import into a session in progress covers nothing."""
    bottoms: dict[str | None, float] = {}
    for note in existing:
        bottoms[note.lane_id] = max(bottoms.get(note.lane_id, 0.0), note.y + note.height)
    tops: dict[str | None, float] = {}
    for note in new_notes:
        tops[note.lane_id] = min(tops.get(note.lane_id, note.y), note.y)
    shifted: list[Note] = []
    for note in new_notes:
        bottom = bottoms.get(note.lane_id)
        moved = note.copy()
        if bottom is not None:
            moved.y += max(0.0, bottom + NOTE_GAP - tops[note.lane_id])
        shifted.append(moved)
    return shifted
