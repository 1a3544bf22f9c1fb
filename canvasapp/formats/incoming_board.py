"""A board read from another tool (Excalidraw, JSON Canvas, Scrumlr, Parabol), before it
becomes a session or part of one.

Each reader turns its file into an :class:`IncomingBoard`: lanes, notes with their source
positions, clusters, closed tallies, and what it could not bring in. From here on every format
is the same: :func:`session_from_board` makes a new session, :func:`additions_from_board`
what to add to an open one (lanes matched by title, notes placed below what is there).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import timedelta

from canvasapp.model import Cluster, Lane, Note, Session, Vote, VoteRound, new_id, utc_now
from canvasapp.model.cluster import MAX_CLUSTER_TITLE
from canvasapp.model.entities import (
    LANE_WIDTH,
    MAX_LANE_WIDTH,
    MAX_NOTE_SIDE,
    MIN_LANE_WIDTH,
    MIN_NOTE_HEIGHT,
    MIN_NOTE_WIDTH,
    NOTE_HEIGHT,
    NOTE_WIDTH,
)
from canvasapp.model.voting import CLOSED, MAX_DOTS, MAX_ROUND_TITLE, MAX_TALLY
from canvasapp.ops.lane_layout import Piece, content_width, place_imported

#: Lane colours for lanes whose source gives none (the built-in templates' palette).
PALETTE = ("#FFE45C", "#FFB3C7", "#9EE6B8", "#A8D8FF", "#D7C4FF", "#FFD3A8")
MAX_LANE_TITLE = 200
MAX_BOARD_LANES = 50
_HEX6 = re.compile(r"#[0-9A-Fa-f]{6}")
_HEX3 = re.compile(r"#[0-9A-Fa-f]{3}")
_HEX8 = re.compile(r"#[0-9A-Fa-f]{8}")


@dataclass(slots=True)
class IncomingLane:
    key: str
    title: str
    colour: str | None = None
    prompt: str = ""
    width: float | None = None
    """The source's width for the lane (a frame's), kept if the notes fit in it."""


@dataclass(slots=True)
class IncomingNote:
    key: str
    lane: str | None
    """The key of its lane; ``None`` for a note outside every lane."""
    text: str
    x: float = 0.0
    y: float = 0.0
    width: float = NOTE_WIDTH
    height: float = NOTE_HEIGHT
    colour: str | None = None


@dataclass(slots=True)
class IncomingCluster:
    title: str
    note_keys: list[str]
    colour: str | None = None


@dataclass(slots=True)
class IncomingTally:
    """A closed dot vote: dots per note key."""

    title: str
    dots: dict[str, int]
    dots_per_participant: int = 3
    max_dots_per_item: int = 1
    target: str = "notes"
    """``"notes"``: ``dots`` are by note key; ``"clusters"``: by cluster index (as text)."""


@dataclass(slots=True)
class IncomingBoard:
    """Everything a file brought, with source positions; see the module's description."""

    source: str
    """The kind of file, for messages: "Excalidraw drawing", "JSON Canvas", ..."""
    title: str = ""
    lanes: list[IncomingLane] = field(default_factory=list)
    notes: list[IncomingNote] = field(default_factory=list)
    clusters: list[IncomingCluster] = field(default_factory=list)
    tallies: list[IncomingTally] = field(default_factory=list)
    left_out: Counter[str] = field(default_factory=Counter)
    """What could not be brought in, by kind in the singular ("arrow", "image")."""


@dataclass(slots=True)
class Additions:
    """What an import adds to an open session: new lanes (at the end), notes already placed
    below the notes there, and clusters of those notes."""

    lanes: list[Lane]
    notes: list[Note]
    clusters: list[Cluster]
    left_out: str | None = None


def left_out_sentence(name: str, counts: Counter[str]) -> str | None:
    """One sentence listing what ``name`` held that could not be brought in, or ``None``."""
    parts = [f"{count} {_plural(kind, count)}" for kind, count in sorted(counts.items(), key=lambda item: (-item[1], item[0])) if count]
    if not parts:
        return None
    listed = parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]
    return f"Not brought in from {name}: {listed}."


def _plural(kind: str, count: int) -> str:
    if count == 1:
        return kind
    head, _, tail = kind.partition(" ")
    head = head[:-1] + "ies" if head.endswith("y") and head[-2:-1] not in "aeiou" else head + ("es" if head.endswith(("s", "x")) else "s")
    return f"{head} {tail}".strip()


def colour_of(value: object) -> str | None:
    """``#RRGGBB`` from a colour as tools write it (``#abc``, ``#aabbcc``, ``#aabbccff``);
    ``None`` for none, transparent, or anything else."""
    if not isinstance(value, str):
        return None
    text = value.strip()
    if _HEX6.fullmatch(text):
        return text.upper()
    if _HEX8.fullmatch(text):
        return None if text[7:].lower() == "00" else text[:7].upper()
    if _HEX3.fullmatch(text):
        return "#" + "".join(digit * 2 for digit in text[1:]).upper()
    return None


def clean_text(text: str, limit: int) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")[:limit]


def notes_in_rows(piles: Sequence[Sequence[tuple[str, str | None, str]]], per_row: int = 3) -> list[IncomingNote]:
    """Notes for a source without positions, from piles of ``(key, lane key, text)``: in each
    lane the single notes in rows, in the order given, then each bigger pile (a cluster to be)
    on rows of its own, with a free row above it for its title."""
    notes: list[IncomingNote] = []
    used: Counter[str | None] = Counter()
    ordered = [pile for pile in piles if len(pile) == 1] + [pile for pile in piles if len(pile) > 1]
    for pile in ordered:
        if not pile:
            continue
        lane = pile[0][1]
        if len(pile) > 1:
            used[lane] += (per_row - used[lane] % per_row) % per_row + per_row
        for key, _lane, text in pile:
            index = used[lane]
            used[lane] += 1
            column, row = index % per_row, index // per_row
            notes.append(IncomingNote(
                key=key, lane=lane, text=text, x=column * (NOTE_WIDTH + 24), y=row * (NOTE_HEIGHT + 24),
            ))
    return notes


# --- to the model ---------------------------------------------------------------------------------


def session_from_board(board: IncomingBoard, title: str) -> Session:
    """A new session holding every lane, note, cluster and tally of ``board``."""
    lanes, lane_of = _lanes(board, existing=[])
    notes, clusters, keys = _notes_and_clusters(board, lanes, lane_of, existing=[])
    session = Session(new_id(), title, lanes=lanes, notes=notes, clusters=clusters)
    _load_tallies(session, board, keys, clusters)
    return session


def additions_from_board(board: IncomingBoard, session: Session) -> Additions:
    """What to add to ``session`` for ``board``: a lane whose title matches one of the
    session's (case and spacing aside) is that lane; other lanes are added at the end."""
    lanes, lane_of = _lanes(board, existing=session.lanes)
    all_lanes = session.lanes + [lane for lane in lanes if session.lane(lane.id) is None]
    notes, clusters, _keys = _notes_and_clusters(board, all_lanes, lane_of, existing=session.notes)
    new_lanes = [lane for lane in lanes if session.lane(lane.id) is None]
    return Additions(new_lanes, notes, clusters)


def _fold(title: str) -> str:
    return " ".join(title.split()).casefold()


def _lanes(board: IncomingBoard, existing: Sequence[Lane]) -> tuple[list[Lane], dict[str | None, str]]:
    """The lanes the board needs and which lane id each lane key (``None``: no lane) maps to."""
    matches = {_fold(lane.title): lane for lane in existing}
    wanted = list(board.lanes)
    if any(note.lane is None for note in board.notes):
        title = "Notes" if not wanted else "Other notes"
        wanted.append(IncomingLane(key="\0none", title=title))
    lanes: list[Lane] = []
    lane_of: dict[str | None, str] = {}
    order = len(existing)
    counts = Counter(note.lane for note in board.notes)
    for index, incoming in enumerate(wanted):
        key: str | None = None if incoming.key == "\0none" else incoming.key
        title = " ".join(incoming.title.split())[:MAX_LANE_TITLE] or f"Lane {index + 1}"
        found = matches.get(_fold(title))
        if found is not None:
            lane_of[key] = found.id
            continue
        pieces = [_piece(note, "") for note in board.notes if note.lane == key]
        width = max(content_width(pieces), incoming.width or 0.0) if pieces else (incoming.width or LANE_WIDTH)
        colour = incoming.colour or _common_colour(board, key) or PALETTE[(order + index) % len(PALETTE)]
        lane = Lane(
            id=new_id(), title=title, prompt=incoming.prompt[:10_000], colour=colour, order=order,
            width=min(MAX_LANE_WIDTH, max(MIN_LANE_WIDTH, width)) if counts[key] or incoming.width else LANE_WIDTH,
        )
        order += 1
        matches[_fold(title)] = lane
        lane_of[key] = lane.id
        lanes.append(lane)
    return lanes, lane_of


def _common_colour(board: IncomingBoard, lane_key: str | None) -> str | None:
    colours = Counter(note.colour for note in board.notes if note.lane == lane_key and note.colour)
    return colours.most_common(1)[0][0] if colours else None


def _piece(note: IncomingNote, lane_id: str, cluster: str | None = None) -> Piece:
    return Piece(
        id=note.key, lane_id=lane_id, x=note.x, y=note.y,
        width=min(MAX_NOTE_SIDE, max(MIN_NOTE_WIDTH, note.width)),
        height=min(MAX_NOTE_SIDE, max(MIN_NOTE_HEIGHT, note.height)),
        cluster=cluster,
    )


def _notes_and_clusters(
    board: IncomingBoard, lanes: list[Lane], lane_of: dict[str | None, str], existing: Sequence[Note]
) -> tuple[list[Note], list[Cluster], dict[str, str]]:
    """The board's notes placed in their lanes, its clusters (split by lane), and note key → id."""
    seen: set[str] = set()
    unique = [note for note in board.notes if not (note.key in seen or seen.add(note.key))]  # type: ignore[func-returns-value]
    if len(unique) != len(board.notes):  # readers refuse twins; this keeps the model safe anyway
        board = replace(board, notes=unique)
    lane_by_id = {lane.id: lane for lane in lanes}
    note_lane = {note.key: lane_of[note.lane] for note in board.notes}
    cluster_of: dict[str, str] = {}
    for index, cluster in enumerate(board.clusters):
        for key in cluster.note_keys:
            if key in note_lane and key not in cluster_of:
                # A cluster that spans lanes becomes one cluster per lane.
                cluster_of[key] = f"{index}\0{note_lane[key]}"
    pieces = [_piece(note, note_lane[note.key], cluster_of.get(note.key)) for note in board.notes]
    spots = place_imported(pieces, lanes, existing)
    now = utc_now()
    start = now - timedelta(milliseconds=len(board.notes))
    ids = {note.key: new_id() for note in board.notes}
    notes: list[Note] = []
    for position, note in enumerate(board.notes):
        spot = spots[note.key]
        lane = lane_by_id[note_lane[note.key]]
        colour = None if note.colour is None or note.colour == lane.colour else note.colour
        notes.append(Note(
            id=ids[note.key], lane_id=lane.id, text=note.text, x=spot.x, y=spot.y,
            width=spot.width, height=spot.height, colour=colour,
            # Distinct, increasing times keep the file's order wherever notes sort by creation.
            created=start + timedelta(milliseconds=position), updated=now,
        ))
    made: dict[str, Cluster] = {}
    for key in (note.key for note in board.notes):
        cluster_key = cluster_of.get(key)
        if cluster_key is None:
            continue
        if cluster_key not in made:
            source = board.clusters[int(cluster_key.split("\0")[0])]
            title = " ".join(source.title.split())[:MAX_CLUSTER_TITLE]
            made[cluster_key] = Cluster(new_id(), title, note_lane[key], [], colour=source.colour)
        made[cluster_key].note_ids.append(ids[key])
    # The board's cluster order, not the order their first notes came in.
    rank = {key: (int(key.split("\0")[0]), position) for position, key in enumerate(made)}
    clusters = [made[key] for key in sorted(made, key=rank.__getitem__)]
    return notes, clusters, ids


def _load_tallies(session: Session, board: IncomingBoard, ids: dict[str, str], clusters: list[Cluster]) -> None:
    if not board.tallies:
        return
    rounds: list[VoteRound] = []
    votes: list[Vote] = []
    now = utc_now()
    cluster_ids = _cluster_ids_by_index(board, ids, clusters)
    for order, tally in enumerate(board.tallies):
        round_id = new_id()
        per_person = min(MAX_DOTS, max(1, tally.dots_per_participant))
        rounds.append(VoteRound(
            id=round_id, title=tally.title[:MAX_ROUND_TITLE] or f"Vote {order + 1}", target=tally.target,
            dots_per_participant=per_person, max_dots_per_item=min(per_person, max(1, tally.max_dots_per_item)),
            anonymous=True, blind=False, state=CLOSED, created=now, opened=now, closed=now, order=order,
        ))
        items = cluster_ids if tally.target == "clusters" else ids
        for key, dots in tally.dots.items():
            if key in items and dots > 0:
                votes.append(Vote(round_id, None, items[key], min(MAX_TALLY, dots)))
    session.voting.load([], rounds, votes)


def _cluster_ids_by_index(board: IncomingBoard, ids: dict[str, str], clusters: list[Cluster]) -> dict[str, str]:
    """Cluster index in the board (as text) → the id of the session cluster holding its first note."""
    owner = {note_id: cluster.id for cluster in clusters for note_id in cluster.note_ids}
    found: dict[str, str] = {}
    for index, cluster in enumerate(board.clusters):
        for key in cluster.note_keys:
            if key in ids and ids[key] in owner:
                found[str(index)] = owner[ids[key]]
                break
    return found
