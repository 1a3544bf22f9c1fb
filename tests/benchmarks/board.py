"""The board every canvas figure runs on: one session of N notes in the default template's lanes.

Built once per run into ``board.sqlite``; fresh processes open that file, the in-process figures
open a copy (so their edits and their session lock never touch what the processes open).
"""

from __future__ import annotations

import math
import random
import shutil
from functools import cache
from pathlib import Path

from canvasapp.formats.template_io import session_from_template
from canvasapp.formats.template_library import find_template
from canvasapp.model import Note, new_id
from canvasapp.model.entities import NOTE_HEIGHT, NOTE_WIDTH
from canvasapp.ops.lane_layout import ROW_GAP
from canvasapp.ops.layout import LANE_HEADER_HEIGHT, NOTE_GAP
from canvasapp.storage import SessionRepository, open_library

_WORDS = ["members", "want", "to", "feel", "heard", "time", "pressure", "volunteers", "burn", "out", "shared", "meals", "welcome", "new", "people", "trust", "grows", "slowly", "nobody", "owns", "the", "newsletter", "clear", "roles", "local", "pride", "stories", "of", "change", "funding", "gaps", "childcare", "at", "meetings", "a", "safe", "place", "to", "disagree", "consent", "before", "photos", "rituals", "mark", "beginnings", "the", "hall", "is", "cold", "on", "Tuesdays", "mentors", "for", "first", "timers"]


def note_texts(count: int, seed: int = 3) -> list[str]:
    """What a room says: a few words to a couple of sentences, reproducibly."""
    rng = random.Random(seed)
    return [" ".join(rng.choice(_WORDS) for _ in range(rng.choice((2, 3, 5, 8, 12, 20)))).capitalize()
            for _ in range(count)]


@cache
def board(folder: Path, notes: int) -> tuple[Path, str]:
    """A library with one session of ``notes`` notes (the file and the session's id).

    A tidy board, as the app keeps one: rows leave room for the badge strips under the notes.
    Lanes are widened so the board keeps roughly a screen's proportions (a 10,000-note board
    three notes wide would be a 130,000-pixel-tall strip no one would build).
    """
    path = folder / f"board-{notes}.sqlite"
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    session = session_from_template(find_template(None), f"Benchmark, {notes} notes")
    lanes = session.lanes
    per_lane = math.ceil(notes / len(lanes))
    columns = max(3, round(math.sqrt(1.6 * (NOTE_HEIGHT + ROW_GAP) * per_lane / (len(lanes) * (NOTE_WIDTH + NOTE_GAP)))))
    x = 0.0
    for lane in lanes:
        lane.width = NOTE_GAP + columns * (NOTE_WIDTH + NOTE_GAP)
    texts = iter(note_texts(notes))
    batch: list[Note] = []
    for lane_index, lane in enumerate(lanes):
        count = min(per_lane, notes - lane_index * per_lane)
        for index in range(max(0, count)):
            column, row = index % columns, index // columns
            batch.append(Note(
                id=new_id(), lane_id=lane.id, text=next(texts),
                x=x + NOTE_GAP + column * (NOTE_WIDTH + NOTE_GAP),
                y=LANE_HEADER_HEIGHT + NOTE_GAP + row * (NOTE_HEIGHT + ROW_GAP),
            ))
        x += lane.width + 24.0
    session.add_notes(batch)
    library = open_library(path)
    try:
        SessionRepository(library).add(session)
    finally:
        library.close()
    return path, session.id


def working_copy(folder: Path, notes: int, name: str) -> tuple[Path, str]:
    """A copy of the board's library for figures that edit it."""
    path, session_id = board(folder, notes)
    copy = folder / f"{name}-{notes}.sqlite"
    for suffix in ("", "-wal", "-shm"):  # a stale log beside the copy would be replayed into it
        Path(f"{copy}{suffix}").unlink(missing_ok=True)
        if Path(f"{path}{suffix}").exists():
            shutil.copyfile(f"{path}{suffix}", f"{copy}{suffix}")
    return copy, session_id
