"""Reading a Scrumlr board export (the JSON its board settings' "Export" writes).

The document has ``board`` (``name``, ...), ``columns`` (``id``, ``name``, ``description``,
``color``, ``visible``, ``index``), ``notes`` (``id``, ``author``, ``text``, ``position``:
``column``, ``stack``, ``rank``), ``participants`` and ``votings`` (``id``, ``voteLimit``,
``allowMultipleVotes``, ``status`` ``OPEN``/``CLOSED``/``ABORTED``, and ``votes``:
``votesPerNote`` → ``{total}``). How it becomes a board:

- each column is a **lane** (in ``index`` order; its description is the lane's prompt);
- each note a **note** in its column, in ``rank`` order (highest first, as Scrumlr shows it);
- a stack (notes whose ``position.stack`` names another note) is a **cluster**, titled by
  the note on top;
- each voting that has results is a closed tally **round**; aborted votings are left out.

Scrumlr has no positions or sizes: notes are laid out on their lanes' grid.
"""

from __future__ import annotations

from collections import Counter
from typing import Annotated, Final

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, ValidationError

from canvasapp.formats.incoming import IncomingFileError, refusal
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

MAX_NOTES = 50_000
MAX_TEXT = 100_000
#: Scrumlr's column accent colours, as lane colours light enough to write on.
COLOURS: Final = {
    "backlog-blue": "#A8D8FF", "goal-green": "#9EE6B8", "poker-purple": "#D7C4FF",
    "online-orange": "#FFD3A8", "planning-pink": "#FFB3C7", "value-violet": "#C9B8FF",
    "yielding-yellow": "#FFE45C",
}
Id = Annotated[str, StringConstraints(min_length=1, max_length=200)]
Name = Annotated[str, StringConstraints(max_length=1000)]


class _Lenient(BaseModel):
    model_config = ConfigDict(extra="ignore", strict=True, allow_inf_nan=False, frozen=True)


class ScrumlrBoard(_Lenient):
    name: Name | None = None


class ScrumlrColumn(_Lenient):
    id: Id
    name: Name = ""
    description: Annotated[str, StringConstraints(max_length=10_000)] = ""
    color: Annotated[str, StringConstraints(max_length=40)] | None = None
    visible: bool = True
    index: int = Field(default=0, ge=-1_000_000, le=1_000_000)


class ScrumlrPosition(_Lenient):
    column: Id
    stack: Id | None = None
    rank: int = Field(default=0, ge=-1_000_000_000, le=1_000_000_000)


class ScrumlrNote(_Lenient):
    id: Id
    text: Annotated[str, StringConstraints(max_length=MAX_TEXT)]
    position: ScrumlrPosition


class ScrumlrNoteVotes(_Lenient):
    total: int = Field(ge=0, le=1_000_000)


class ScrumlrResults(_Lenient):
    total: int = Field(default=0, ge=0, le=100_000_000)
    votesPerNote: dict[Id, ScrumlrNoteVotes] = Field(default_factory=dict, max_length=MAX_NOTES)


class ScrumlrVoting(_Lenient):
    id: Id
    voteLimit: int = Field(default=5, ge=0, le=1_000_000)
    allowMultipleVotes: bool = False
    status: Annotated[str, StringConstraints(max_length=40)] = "CLOSED"
    votes: ScrumlrResults | None = None


class ScrumlrExport(_Lenient):
    board: ScrumlrBoard
    columns: list[ScrumlrColumn] = Field(max_length=1000)
    notes: list[ScrumlrNote] = Field(max_length=MAX_NOTES)
    votings: list[ScrumlrVoting] = Field(default_factory=list, max_length=1000)


def is_scrumlr(document: object) -> bool:
    return isinstance(document, dict) and {"board", "columns", "notes"} <= document.keys()


def board_from_scrumlr(document: object, name: str) -> IncomingBoard:
    """The board in a parsed Scrumlr export; raises :class:`IncomingFileError`."""
    try:
        export = ScrumlrExport.model_validate(document)
    except ValidationError as error:
        raise refusal(error, name) from None
    columns = sorted(export.columns, key=lambda column: column.index)
    if len(columns) > MAX_BOARD_LANES:
        raise IncomingFileError(f"{name} has {len(columns)} columns; a board holds at most {MAX_BOARD_LANES} lanes.")
    column_ids = [column.id for column in columns]
    if len(set(column_ids)) != len(column_ids):
        raise IncomingFileError(f"{name}: two columns share an id.")
    note_ids = [note.id for note in export.notes]
    if len(set(note_ids)) != len(note_ids):
        raise IncomingFileError(f"{name}: two notes share an id.")

    left_out: Counter[str] = Counter()
    known = set(column_ids)
    lanes = [
        IncomingLane(
            key=column.id, title=" ".join(column.name.split()) or f"Column {number}",
            colour=COLOURS.get(column.color or ""), prompt=column.description, width=LANE_WIDTH,
        )
        for number, column in enumerate(columns, start=1)
    ]
    by_id = {note.id: note for note in export.notes}

    def top_of(note: ScrumlrNote) -> ScrumlrNote:
        # A stack's top is the note stacked on nothing; a note in a loop of stacks has no top,
        # so it stands on its own.
        seen = {note.id}
        top = note
        while top.position.stack in by_id:
            top = by_id[top.position.stack or ""]
            if top.id in seen:
                return note
            seen.add(top.id)
        return top

    ordered = sorted(export.notes, key=lambda note: -note.position.rank)
    stacks: dict[str, list[ScrumlrNote]] = {}
    for note in ordered:
        top = top_of(note)
        if top.position.column not in known:
            left_out["note in a column the file does not have"] += 1
            continue
        pile = stacks.setdefault(top.id, [top])
        if note.id != top.id:
            pile.append(note)
    # Scrumlr has no positions: each column's notes in rows by rank, stacks below.
    piles = list(stacks.values())
    notes = notes_in_rows([[(note.id, top[0].position.column, clean_text(note.text, MAX_TEXT)) for note in top] for top in piles])
    clusters = [
        IncomingCluster(_title(pile[0].text), [note.id for note in pile]) for pile in piles if len(pile) > 1
    ]
    placed = {note.key for note in notes}
    tallies: list[IncomingTally] = []
    for number, voting in enumerate(export.votings, start=1):
        if voting.status.upper() == "ABORTED" or voting.votes is None:
            left_out["voting without results"] += 1
            continue
        dots = {key: votes.total for key, votes in voting.votes.votesPerNote.items() if key in placed and votes.total}
        limit = max(1, voting.voteLimit)
        tallies.append(IncomingTally(
            title=f"Scrumlr voting {number}", dots=dots, dots_per_participant=limit,
            max_dots_per_item=limit if voting.allowMultipleVotes else 1,
        ))
    title = " ".join((export.board.name or "").split())
    return IncomingBoard(
        source="Scrumlr board", title=title, lanes=lanes, notes=notes, clusters=clusters, tallies=tallies,
        left_out=left_out,
    )


def _title(text: str) -> str:
    first = next((line for line in text.splitlines() if line.strip()), "")
    words = " ".join(first.split())
    return words if len(words) <= 60 else words[:59].rstrip() + "…"
