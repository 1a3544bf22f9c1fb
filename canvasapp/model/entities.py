"""Value objects of a session: lanes and sticky notes."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime

from canvasapp.model.follow_up import FollowUp

NOTE_WIDTH = 200.0
NOTE_HEIGHT = 140.0
LANE_WIDTH = 760.0
#: Smallest note a resize may leave: room for a few legible words.
MIN_NOTE_WIDTH = 80.0
MIN_NOTE_HEIGHT = 60.0
MAX_NOTE_SIDE = 2000.0
#: Narrowest lane: one note column with a margin on each side.
MIN_LANE_WIDTH = 260.0
MAX_LANE_WIDTH = 20000.0


def new_id() -> str:
    """A random id, unique across libraries so archives can move between them."""
    return uuid.uuid4().hex


def utc_now() -> datetime:
    # Millisecond precision: what every storage back end keeps, so a round trip is exact.
    now = datetime.now(UTC)
    return now.replace(microsecond=now.microsecond // 1000 * 1000)


@dataclass(slots=True)
class Lane:
    """A titled column of the board (Drivers, Blockers, ...) with the prompt the room answers."""

    id: str
    title: str
    prompt: str = ""
    colour: str = "#FFE45C"
    order: int = 0
    width: float = LANE_WIDTH

    def copy(self) -> Lane:
        """A snapshot that later edits of this lane do not change."""
        return replace(self)


@dataclass(slots=True)
class NotePlacement:
    """Where a note sits: its position and the lane it belongs to."""

    x: float
    y: float
    lane_id: str | None


@dataclass(slots=True)
class Note:
    """A sticky note. ``colour`` is ``None`` while the note follows its lane's colour."""

    id: str
    lane_id: str | None
    text: str = ""
    x: float = 0.0
    y: float = 0.0
    width: float = NOTE_WIDTH
    height: float = NOTE_HEIGHT
    colour: str | None = None
    created: datetime = field(default_factory=utc_now)
    updated: datetime = field(default_factory=utc_now)
    action: FollowUp | None = None
    """The follow-up this note became (owner, due date, status); ``None`` for a plain note."""

    @property
    def placement(self) -> NotePlacement:
        return NotePlacement(self.x, self.y, self.lane_id)

    def copy(self) -> Note:
        """A snapshot that later edits of this note do not change (its fields are immutable
        values, so a shallow copy is one). Spelled out: ``replace`` costs seven times as much,
        which counts at the 10,000 notes of an import."""
        return Note(self.id, self.lane_id, self.text, self.x, self.y, self.width, self.height,
                    self.colour, self.created, self.updated, self.action)
