"""Where a cluster's notes go: a block of about √n columns, as many as the lane holds, and
blocks one under another with room for a frame's title between them. The canvas (grouping,
merging, tidying, accepting suggestions) and the CSV import lay clusters out with these."""

from __future__ import annotations

import math
from collections.abc import Sequence

from canvasapp.model.entities import NOTE_HEIGHT, NOTE_WIDTH
from canvasapp.ops.cluster_summary import FRAME_PADDING, TITLE_HEIGHT
from canvasapp.ops.layout import NOTE_GAP, Rect

#: Between the bottom of one block's notes and the top of the next block's notes.
BLOCK_GAP = TITLE_HEIGHT + 2 * FRAME_PADDING + NOTE_GAP


def cluster_grid(
    note_ids: Sequence[str], left: float, top: float, cell: tuple[float, float],
    lane: Rect | None = None, *, inset: float = NOTE_GAP,
) -> dict[str, tuple[float, float]]:
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
) -> dict[str, tuple[float, float]]:
    """Top-left corners for every note of ``groups`` (each a list of ids), the first block's
    notes starting at ``top``, one block under another."""
    cell = (width + NOTE_GAP, height + NOTE_GAP)
    inset = NOTE_GAP + FRAME_PADDING
    positions: dict[str, tuple[float, float]] = {}
    y = top
    for group in groups:
        block = cluster_grid(group, lane.x + inset, y, cell, lane, inset=inset)
        positions.update(block)
        y = max(corner_y for _x, corner_y in block.values()) + height + BLOCK_GAP
    return positions
