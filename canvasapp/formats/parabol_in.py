"""Reading a Parabol retrospective's CSV export (the meeting summary's "Export to CSV").

Parabol writes UTF-8 with a byte order mark, a header row and one row per reflection, then
one per discussion comment, task and reply. The columns: ``reflectionGroup`` (the group's
title), ``author``, ``votes`` (the group's votes), ``type`` (``Reflection``, ``Comment``,
``Task``, ``Reply``), ``createdAt``, ``discussionThread``, ``prompt`` (the column's question)
and ``content``. How it becomes a board:

- each prompt is a **lane**, in the order the file first names it;
- each reflection a **note** in its prompt's lane;
- a group of two or more reflections, or one that got votes, a **cluster** titled by the group;
- the groups' votes one closed tally **round** on the clusters;
- comments, tasks and replies (the discussion, not the board) are listed as not brought in.
"""

from __future__ import annotations

import csv
import io
from collections import Counter
from dataclasses import dataclass
from typing import Final

from canvasapp.formats.incoming import IncomingFileError
from canvasapp.formats.incoming_board import (
    MAX_BOARD_LANES,
    IncomingBoard,
    IncomingCluster,
    IncomingLane,
    IncomingTally,
    clean_text,
    notes_in_rows,
)
from canvasapp.model.entities import LANE_WIDTH

MAX_ROWS = 50_000
MAX_TEXT = 100_000
MAX_VOTES = 1_000_000
COLUMNS: Final = ("reflectiongroup", "votes", "type", "prompt", "content")


def is_parabol_header(first_line: str) -> bool:
    """Whether a CSV's first line names Parabol's retrospective columns."""
    try:
        header = next(csv.reader([first_line]))
    except (csv.Error, StopIteration):
        return False
    names = {cell.strip().lstrip("\ufeff").casefold() for cell in header}
    return all(column in names for column in COLUMNS)


@dataclass(frozen=True, slots=True)
class _Row:
    group: str
    votes: int
    prompt: str
    content: str


def board_from_parabol(text: str, name: str) -> IncomingBoard:
    """The board in a Parabol retrospective CSV (decoded text); raises :class:`IncomingFileError`."""
    reader = csv.reader(io.StringIO(text.lstrip("\ufeff"), newline=""), strict=True)
    left_out: Counter[str] = Counter()
    rows: list[_Row] = []
    try:
        header = [cell.strip().casefold() for cell in next(reader, [])]
        if not all(column in header for column in COLUMNS):
            raise IncomingFileError(f"{name} is not a Parabol retrospective export (its columns are not Parabol's).")
        at = {column: header.index(column) for column in COLUMNS}
        for number, row in enumerate(reader, start=2):
            if not any(cell.strip() for cell in row):
                continue
            if number > MAX_ROWS + 1:
                raise IncomingFileError(f"{name} has more than {MAX_ROWS:,} rows; split it into several files.")
            cell = {column: row[index] if index < len(row) else "" for column, index in at.items()}
            kind = cell["type"].strip()
            if kind.casefold() != "reflection":
                left_out[f"discussion {kind.casefold() or 'row'}"] += 1
                continue
            content = clean_text(cell["content"], MAX_TEXT + 1)
            if len(content) > MAX_TEXT:
                raise IncomingFileError(f"{name}, row {number}: the reflection is longer than {MAX_TEXT:,} characters.")
            votes = cell["votes"].strip() or "0"
            if not votes.isdigit() or int(votes) > MAX_VOTES:
                raise IncomingFileError(f"{name}, row {number}: votes {votes[:20]!r} is not a whole number of votes.")
            if not content.strip():
                left_out["empty reflection"] += 1
                continue
            prompt = " ".join(cell["prompt"].split())[:200] or "Reflections"
            rows.append(_Row(" ".join(cell["reflectiongroup"].split())[:200], int(votes), prompt, content))
    except csv.Error as error:
        raise IncomingFileError(f"{name}, row {reader.line_num}: this is not valid CSV ({error}).") from None

    prompts = list(dict.fromkeys(row.prompt for row in rows))
    if len(prompts) > MAX_BOARD_LANES:
        raise IncomingFileError(f"{name} has {len(prompts)} prompts; a board holds at most {MAX_BOARD_LANES} lanes.")
    # No positions to fit: lanes as wide as a new lane, room for a title of a few words.
    lanes = [IncomingLane(key=prompt, title=prompt, width=LANE_WIDTH) for prompt in prompts]
    groups: dict[str, list[int]] = {}
    for index, reflection in enumerate(rows):
        groups.setdefault(reflection.group, []).append(index)
    # Piles per lane: a group split over prompts leaves one pile in each lane it reaches.
    piles: dict[tuple[str, str], list[tuple[str, str | None, str]]] = {}
    for group, members in groups.items():
        for index in members:
            piles.setdefault((group, rows[index].prompt), []).append((str(index), rows[index].prompt, rows[index].content))
    notes = notes_in_rows(list(piles.values()))
    clusters: list[IncomingCluster] = []
    dots: dict[str, int] = {}
    for group, members in groups.items():
        group_votes = rows[members[0]].votes
        if len(members) > 1 or group_votes:
            if group_votes:
                dots[str(len(clusters))] = group_votes
            clusters.append(IncomingCluster(group or f"Group {len(clusters) + 1}", [str(index) for index in members]))
    tallies = [IncomingTally("Parabol votes", dots, target="clusters")] if dots else []
    return IncomingBoard(
        source="Parabol retrospective", lanes=lanes, notes=notes, clusters=clusters, tallies=tallies,
        left_out=left_out,
    )
