"""A cluster: a titled theme grouping sticky notes (affinity mapping)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field, replace

#: Longest cluster title kept: a theme's name, not a paragraph.
MAX_CLUSTER_TITLE = 200


@dataclass(slots=True)
class Cluster:
    """A theme on the board: its title, its own colour (``None`` follows the lane's), the lane it
    belongs to, its member notes in order, and whether it is folded into one card.

    Its lane is not chosen on its own: it is always the lane most of its notes are in
    (:func:`majority_lane`), which the session keeps true through every edit, undo and load.
    The frame takes that lane's colour, and summaries and votes list the theme under it.
    """

    id: str
    title: str
    lane_id: str | None
    note_ids: list[str] = field(default_factory=list)
    colour: str | None = None
    collapsed: bool = False

    def copy(self) -> Cluster:
        """A snapshot that later edits of this cluster do not change (its member list too)."""
        return replace(self, note_ids=list(self.note_ids))


def majority_lane(lanes: Iterable[str | None]) -> str | None:
    """The lane most of a cluster's notes are in, given their lanes in the cluster's order: on a
    tie, the first of the tied lanes in that order (``None`` for no notes)."""
    listed = list(lanes)
    if not listed:
        return None
    counts = Counter(listed)
    best = max(counts.values())
    return next(lane for lane in listed if counts[lane] == best)
