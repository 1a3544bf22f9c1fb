"""Clusters as the exports show them: per lane, each with its title, count, member notes and
the frame it has on the board (the same geometry the canvas draws)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from canvasapp.model import Session
from canvasapp.ops.board_entries import LaneEntry, NoteEntry
from canvasapp.ops.layout import Rect

#: A frame's room around its notes and its title bar (board points), shared with the canvas.
FRAME_PADDING = 16.0
#: Room for two lines of title: a long title wraps rather than being cut in the middle.
TITLE_HEIGHT = 80.0
TITLE_LINES = 2


@dataclass(frozen=True, slots=True)
class ClusterEntry:
    """One cluster: its title, colour, lane, members (as numbered notes) and frame."""

    id: str
    title: str
    colour: str
    lane_id: str | None
    notes: tuple[NoteEntry, ...]
    frame: Rect
    collapsed: bool = False

    @property
    def count(self) -> int:
        return len(self.notes)


#: A folded cluster's card: drawn at its notes' top-left corner, over the notes it hides.
CARD_WIDTH = 260.0
CARD_HEIGHT = 170.0
#: The second card edge drawn under a folded card ("several notes here").
CARD_EDGE = 8.0


def card_of(rects: Iterable[Rect]) -> Rect:
    """What a folded cluster's card covers (its second edge included)."""
    boxes = list(rects)
    return Rect(min(box.x for box in boxes), min(box.y for box in boxes), CARD_WIDTH, CARD_HEIGHT + CARD_EDGE)


def frame_of(rects: Iterable[Rect], *, bottom: float = FRAME_PADDING) -> Rect:
    """The frame around a cluster's notes: padding round them, the title band above, and
    ``bottom`` below the last row (the board keeps its badge strip inside the frame)."""
    boxes = list(rects)
    left = min(box.x for box in boxes)
    top = min(box.y for box in boxes)
    right = max(box.right for box in boxes)
    lowest = max(box.bottom for box in boxes)
    return Rect(
        left - FRAME_PADDING, top - FRAME_PADDING - TITLE_HEIGHT,
        right - left + 2 * FRAME_PADDING, lowest - top + FRAME_PADDING + bottom + TITLE_HEIGHT,
    )


def cluster_entries(session: Session, lanes: Sequence[LaneEntry]) -> tuple[ClusterEntry, ...]:
    """Every cluster, lane by lane in lane order, each lane's clusters in the session's order.
    A cluster belongs to the lane its first member is in (where the room sees it)."""
    by_id = {note.id: (lane, note) for lane in lanes for note in lane.notes}
    order = {lane.id: index for index, lane in enumerate(lanes)}
    found = []
    for position, cluster in enumerate(session.clusters):
        members = [by_id[note_id] for note_id in cluster.note_ids if note_id in by_id]
        if not members:
            continue
        lane = members[0][0]
        colour = cluster.colour or lane.colour
        notes = tuple(note for _lane, note in members)
        entry = ClusterEntry(
            cluster.id, cluster.title, colour, lane.id, notes, frame_of(note.rect for note in notes), cluster.collapsed
        )
        found.append((order[lane.id], position, entry))
    return tuple(entry for _lane, _position, entry in sorted(found, key=lambda item: (item[0], item[1])))


def clusters_in(clusters: Sequence[ClusterEntry], lane: LaneEntry) -> list[ClusterEntry]:
    return [cluster for cluster in clusters if cluster.lane_id == lane.id]


def unclustered(clusters: Sequence[ClusterEntry], lane: LaneEntry) -> list[NoteEntry]:
    """The lane's notes that are in no cluster, in reading order."""
    clustered = {note.id for cluster in clusters for note in cluster.notes}
    return [note for note in lane.notes if note.id not in clustered]
