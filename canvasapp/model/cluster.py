"""A cluster: a titled theme grouping sticky notes (affinity mapping)."""

from __future__ import annotations

from dataclasses import dataclass, field, replace

#: Longest cluster title kept: a theme's name, not a paragraph.
MAX_CLUSTER_TITLE = 200


@dataclass(slots=True)
class Cluster:
    """A theme on the board: its title, its own colour (``None`` follows the lane's), the lane it
    belongs to, its member notes in order, and whether it is folded into one card."""

    id: str
    title: str
    lane_id: str | None
    note_ids: list[str] = field(default_factory=list)
    colour: str | None = None
    collapsed: bool = False

    def copy(self) -> Cluster:
        """A snapshot that later edits of this cluster do not change (its member list too)."""
        return replace(self, note_ids=list(self.note_ids))
