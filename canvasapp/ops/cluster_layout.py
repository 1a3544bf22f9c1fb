"""Where the notes of new clusters go: each cluster a block of rows inside its lane, blocks one
under another with room for a frame's title between them, so no two frames overlap."""

from __future__ import annotations

import math
from collections.abc import Sequence

from canvasapp.model.entities import NOTE_HEIGHT, NOTE_WIDTH
from canvasapp.ops.cluster_summary import FRAME_PADDING, TITLE_HEIGHT
from canvasapp.ops.layout import NOTE_GAP, Rect

#: Between the bottom of one block's notes and the top of the next block's notes.
BLOCK_GAP = TITLE_HEIGHT + 2 * FRAME_PADDING + NOTE_GAP


def stacked_blocks(
    groups: Sequence[Sequence[str]], lane: Rect, top: float,
    width: float = NOTE_WIDTH, height: float = NOTE_HEIGHT,
) -> dict[str, tuple[float, float]]:
    """Top-left corners for every note of ``groups`` (each a list of ids), the first block's
    notes starting at ``top``: about √n columns per block, as many as the lane holds."""
    cell_w, cell_h = width + NOTE_GAP, height + NOTE_GAP
    fits = max(1, int((lane.width - 2 * (NOTE_GAP + FRAME_PADDING)) // cell_w))
    left = lane.x + NOTE_GAP + FRAME_PADDING
    positions: dict[str, tuple[float, float]] = {}
    y = top
    for group in groups:
        columns = max(1, min(fits, math.ceil(math.sqrt(len(group)))))
        for index, note_id in enumerate(group):
            positions[note_id] = (left + (index % columns) * cell_w, y + (index // columns) * cell_h)
        rows = math.ceil(len(group) / columns)
        y += rows * cell_h - NOTE_GAP + BLOCK_GAP
    return positions
