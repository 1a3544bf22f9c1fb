"""Reading JSON Canvas files (``.canvas``, spec 1.0: Obsidian and other infinite canvases).

The top level has ``nodes`` and ``edges`` (both optional). A node has ``id``, ``type`` (``text``,
``file``, ``link`` or ``group``), integer ``x``/``y``/``width``/``height`` and an optional
``color`` (``#RRGGBB`` or a preset ``"1"``–``"6"``). A group holds the nodes that lie inside it.

How a canvas becomes a board: a group inside no other group is a **lane** (its ``label`` the
title); a group inside a lane is a **cluster** of the text nodes in it; a text node is a
**note** (its Markdown kept as typed). Files, links and edges have no place on a board and
are listed in one sentence. Text nodes outside every group go to one more lane.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import Counter
from typing import Annotated, Final

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, ValidationError

from canvasapp.formats.incoming import IncomingFileError, refusal
from canvasapp.formats.incoming_board import (
    MAX_BOARD_LANES,
    IncomingBoard,
    IncomingCluster,
    IncomingLane,
    IncomingNote,
    clean_text,
    colour_of,
)

MAX_NODES = 100_000
MAX_TEXT = 100_000
MAX_COORDINATE = 10_000_000.0
#: The spec's six preset colours (red, orange, yellow, green, cyan, purple) as note colours.
PRESETS: Final = {"1": "#FB464C", "2": "#E9973F", "3": "#E0DE71", "4": "#44CF6E", "5": "#53DFDD", "6": "#A882FF"}
NODE_TYPES: Final = ("text", "file", "link", "group")

Coordinate = Annotated[float, Field(ge=-MAX_COORDINATE, le=MAX_COORDINATE)]
Size = Annotated[float, Field(ge=0, le=MAX_COORDINATE)]
Id = Annotated[str, StringConstraints(min_length=1, max_length=200)]


class _Lenient(BaseModel):
    # Fields other apps add are ignored; the ones read must be of the spec's type and finite.
    model_config = ConfigDict(extra="ignore", strict=True, allow_inf_nan=False, frozen=True)


class CanvasNode(_Lenient):
    id: Id
    type: Annotated[str, StringConstraints(max_length=40)]
    x: Coordinate
    y: Coordinate
    width: Size
    height: Size
    color: Annotated[str, StringConstraints(max_length=40)] | None = None
    text: Annotated[str, StringConstraints(max_length=MAX_TEXT)] | None = None
    label: Annotated[str, StringConstraints(max_length=1000)] | None = None

    @property
    def right(self) -> float:
        return self.x + self.width

    @property
    def bottom(self) -> float:
        return self.y + self.height

    def encloses(self, other: CanvasNode) -> bool:
        return (
            self.id != other.id and self.x <= other.x and self.y <= other.y
            and other.right <= self.right and other.bottom <= self.bottom
        )

    def holds_centre(self, other: CanvasNode) -> bool:
        x, y = other.x + other.width / 2, other.y + other.height / 2
        return self.x <= x <= self.right and self.y <= y <= self.bottom


class CanvasEdge(_Lenient):
    id: Id


class JsonCanvas(_Lenient):
    nodes: list[CanvasNode] = Field(default_factory=list, max_length=MAX_NODES)
    edges: list[CanvasEdge] = Field(default_factory=list, max_length=MAX_NODES)


def is_json_canvas(document: object) -> bool:
    """A JSON object with the spec's ``nodes`` or ``edges`` and no ``type`` of another format."""
    return isinstance(document, dict) and bool({"nodes", "edges"} & document.keys()) and "type" not in document


def node_colour(value: str | None) -> str | None:
    if value is None:
        return None
    return PRESETS.get(value.strip()) or colour_of(value)


def board_from_json_canvas(document: object, name: str) -> IncomingBoard:
    """The board in a parsed JSON Canvas document; raises :class:`IncomingFileError`."""
    try:
        canvas = JsonCanvas.model_validate(document)
    except ValidationError as error:
        raise refusal(error, name) from None
    seen: set[str] = set()
    for node in canvas.nodes:
        if node.id in seen:
            raise IncomingFileError(f"{name}: two nodes share the id {node.id[:40]!r}.")
        seen.add(node.id)

    left_out: Counter[str] = Counter()
    left_out.update("connection" for _edge in canvas.edges)
    groups = [node for node in canvas.nodes if node.type == "group"]
    texts = [node for node in canvas.nodes if node.type == "text"]
    for node in canvas.nodes:
        if node.type not in ("group", "text"):
            left_out[node.type if node.type in NODE_TYPES else "other node"] += 1

    # Largest first: a group inside another is inside one of the outermost.
    lanes: list[CanvasNode] = []
    inner: list[CanvasNode] = []
    for group in sorted(groups, key=lambda g: -g.width * g.height):
        if any(lane.encloses(group) for lane in lanes):
            inner.append(group)
        else:
            lanes.append(group)
            if len(lanes) > MAX_BOARD_LANES:
                raise IncomingFileError(
                    f"{name} has more than {MAX_BOARD_LANES} top-level groups; a board holds at most "
                    f"{MAX_BOARD_LANES} lanes."
                )
    lanes.sort(key=lambda g: (g.x, g.y))

    notes: list[IncomingNote] = []
    for node in texts:
        text = clean_text(node.text or "", MAX_TEXT)
        if not text.strip():
            left_out["empty text node"] += 1
            continue
        lane = next((group for group in lanes if group.holds_centre(node)), None)
        notes.append(IncomingNote(
            key=node.id, lane=lane.id if lane else None, text=text, x=node.x, y=node.y,
            width=node.width, height=node.height, colour=node_colour(node.color),
        ))

    found: list[tuple[CanvasNode, list[str]]] = []
    taken: set[str] = set()
    by_left = sorted((by_key for by_key in texts if by_key.id in {note.key for note in notes}), key=lambda n: n.x)
    lefts = [node.x for node in by_left]
    # Smallest first, so a note in nested groups belongs to the innermost.
    for group in sorted(inner, key=lambda g: g.width * g.height):
        start, end = bisect_left(lefts, group.x), bisect_right(lefts, group.right)
        members = [node.id for node in by_left[start:end] if node.id not in taken and group.encloses(node)]
        if members:
            taken.update(members)
            found.append((group, members))
    found.sort(key=lambda item: (item[0].y, item[0].x))
    clusters = [
        IncomingCluster(" ".join((group.label or "").split()) or f"Group {number}", members, colour=node_colour(group.color))
        for number, (group, members) in enumerate(found, start=1)
    ]
    board_lanes = [
        IncomingLane(
            key=group.id, title=" ".join((group.label or "").split()) or f"Group {number}",
            colour=node_colour(group.color), width=group.width,
        )
        for number, group in enumerate(lanes, start=1)
    ]
    return IncomingBoard(source="JSON Canvas", lanes=board_lanes, notes=notes, clusters=clusters, left_out=left_out)
