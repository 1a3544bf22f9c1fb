"""Lanes and notes as the exports show them (summaries, clusters and the board picture share
these)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from canvasapp.ops.layout import Rect


@dataclass(frozen=True, slots=True)
class NoteEntry:
    """One note as readers see it: numbered within its lane, in its drawn colour."""

    id: str
    number: int
    text: str
    colour: str
    own_colour: str | None
    """The note's own colour; ``None`` while it follows its lane."""
    rect: Rect
    created: datetime


@dataclass(frozen=True, slots=True)
class LaneEntry:
    """A lane with its notes in reading order. ``id`` is ``None`` for notes outside every lane."""

    id: str | None
    title: str
    prompt: str
    colour: str
    rect: Rect | None
    notes: tuple[NoteEntry, ...]
