"""Reading Excalidraw drawings (``.excalidraw``, and what Excalidraw puts on the clipboard).

Both are JSON with ``type`` ``"excalidraw"`` (or ``"excalidraw/clipboard"``) and a list of
``elements``; each element has an ``id``, a ``type``, ``x``/``y``/``width``/``height``,
``groupIds`` (innermost first), ``frameId``, colours and, for text, ``text``/``originalText``
and the ``containerId`` of the shape it is written in. How a drawing becomes a board:

- a **frame** is a lane (its ``name`` is the title); so is a rectangle that holds other
  notes, labelled by its own text ("large labelled rectangles"), when it is in no frame;
- such a rectangle inside a lane is a **cluster** of the notes in it, titled by its label;
- a rectangle, ellipse or diamond with text (bound to it, or a text element lying on it, as
  sticky-note library items draw it) is a **note**, in its shape's colour, position and size;
  a text element on its own is a note too;
- notes that share a group (``groupIds``) are a **cluster**;
- what has no place on a board (arrows, lines, drawings, images, shapes without text) is
  counted, and listed in one sentence.

Deleted elements are ignored, as Excalidraw ignores them. Elements this app wrote carry
``customData.canvasapp`` (a lane's colour and prompt, a cluster's title, the dots label), so an
exported board comes back as it went out.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from itertools import islice
from typing import Annotated, Any, Final

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

#: A saved drawing, what the app copies, and what an app embedding Excalidraw copies.
KINDS: Final = ("excalidraw", "excalidraw/clipboard", "excalidraw-api/clipboard")
MAX_ELEMENTS = 100_000
MAX_TEXT = 100_000
MAX_COORDINATE = 10_000_000.0
SHAPES: Final = ("rectangle", "ellipse", "diamond")
FRAMES: Final = ("frame", "magicframe")
#: What each element type that cannot be a note is called in the "not brought in" sentence.
LEFT_OUT: Final = {
    "arrow": "arrow", "line": "line", "freedraw": "drawing", "draw": "drawing", "image": "image",
    "embeddable": "embedded page", "iframe": "embedded page",
}
APP_KEY: Final = "canvasapp"

Coordinate = Annotated[float, Field(ge=-MAX_COORDINATE, le=MAX_COORDINATE)]
Id = Annotated[str, StringConstraints(min_length=1, max_length=200)]
ShortText = Annotated[str, StringConstraints(max_length=200)]


class _Lenient(BaseModel):
    # Strangers' files carry many fields this app has no use for: those are ignored, but the
    # ones read must have the right JSON type, be finite and fit their caps.
    model_config = ConfigDict(extra="ignore", strict=True, allow_inf_nan=False, frozen=True)


class ExcalidrawElement(_Lenient):
    id: Id
    type: ShortText
    x: Coordinate = 0.0
    y: Coordinate = 0.0
    width: Coordinate = 0.0
    height: Coordinate = 0.0
    isDeleted: bool = False
    groupIds: list[Id] = Field(default_factory=list, max_length=100)
    frameId: Id | None = None
    containerId: Id | None = None
    backgroundColor: ShortText = "transparent"
    text: Annotated[str, StringConstraints(max_length=MAX_TEXT)] | None = None
    originalText: Annotated[str, StringConstraints(max_length=MAX_TEXT)] | None = None
    name: Annotated[str, StringConstraints(max_length=1000)] | None = None
    customData: dict[str, Any] | None = None

    @property
    def right(self) -> float:
        return self.x + self.width

    @property
    def bottom(self) -> float:
        return self.y + self.height

    def holds(self, x: float, y: float) -> bool:
        return self.x <= x <= self.right and self.y <= y <= self.bottom

    def encloses(self, other: ExcalidrawElement) -> bool:
        return (
            self.id != other.id and self.x <= other.x and self.y <= other.y
            and other.right <= self.right and other.bottom <= self.bottom
            and (other.width * other.height < self.width * self.height)
        )

    @property
    def centre(self) -> tuple[float, float]:
        return self.x + self.width / 2, self.y + self.height / 2

    @property
    def words(self) -> str:
        """The text as typed (``originalText``: without the line breaks wrapping added)."""
        return self.originalText if self.originalText else (self.text or "")

    def app(self, key: str) -> Any:
        """A value this app wrote in ``customData`` (``None`` for anyone else's file)."""
        mine = (self.customData or {}).get(APP_KEY)
        return mine.get(key) if isinstance(mine, dict) else None


class ExcalidrawScene(_Lenient):
    type: ShortText
    elements: list[ExcalidrawElement] = Field(default_factory=list, max_length=MAX_ELEMENTS)


def is_excalidraw(document: object) -> bool:
    return isinstance(document, dict) and document.get("type") in KINDS


def board_from_excalidraw(document: object, name: str) -> IncomingBoard:
    """The board in a parsed Excalidraw document; raises :class:`IncomingFileError`."""
    try:
        scene = ExcalidrawScene.model_validate(document)
    except ValidationError as error:
        raise refusal(error, name) from None
    elements = [_normalised(element) for element in scene.elements if not element.isDeleted]
    seen: set[str] = set()
    for element in elements:
        if element.id in seen:
            raise IncomingFileError(f"{name}: two elements share the id {element.id[:40]!r}.")
        seen.add(element.id)
    source = "Excalidraw drawing" if scene.type == "excalidraw" else "Excalidraw clipboard"
    return _Reading(elements, source, name).board()


def _normalised(element: ExcalidrawElement) -> ExcalidrawElement:
    """Negative sizes (drawn right to left, in old files) as a box with its corner top-left."""
    if element.width >= 0 and element.height >= 0:
        return element
    x = element.x + min(0.0, element.width)
    y = element.y + min(0.0, element.height)
    return element.model_copy(update={"x": x, "y": y, "width": abs(element.width), "height": abs(element.height)})


class _Boxes:
    """Elements sorted by their left edge, to find the ones inside a box without looking at
    every element (a board of 5,000 notes asks this once per rectangle). Plain tuples: this
    is the one loop that runs over many elements many times."""

    def __init__(self, elements: Iterable[ExcalidrawElement], work: _Work) -> None:
        items = sorted(elements, key=lambda element: element.x)
        self._boxes = [(e.x, e.y, e.x + e.width, e.y + e.height, e.width * e.height, e) for e in items]
        self._lefts = [box[0] for box in self._boxes]
        self.smallest = min((box[4] for box in self._boxes), default=0.0)
        self._work = work

    def inside(self, area: ExcalidrawElement) -> Iterator[ExcalidrawElement]:
        size = area.width * area.height
        if size <= self.smallest:
            return  # nothing here is smaller, so nothing fits inside it
        top, right, bottom = area.y, area.x + area.width, area.y + area.height
        start = bisect_left(self._lefts, area.x)
        end = bisect_right(self._lefts, right)
        for _x, y, r, b, s, element in self._boxes[start:end]:
            self._work.spend()
            if s < size and y >= top and r <= right and b <= bottom and element.id != area.id:
                yield element


class _Work:
    """Counts comparisons, so a drawing made to be slow is refused rather than read for minutes
    (real boards of thousands of notes need a small fraction of this)."""

    MOST = 5_000_000

    def __init__(self, name: str) -> None:
        self.name = name
        self.done = 0

    def spend(self) -> None:
        self.done += 1
        if self.done > self.MOST:
            raise IncomingFileError(
                f"{self.name}: too many shapes lie on top of each other to read this drawing as a board."
            )


class _Points:
    """Shapes bucketed on a coarse grid, to find the shapes under a point; shapes covering
    many cells (rare: backgrounds, areas) are kept in one list and always looked at."""

    CELL = 256.0
    MOST_CELLS = 64

    def __init__(self, shapes: Iterable[ExcalidrawElement], work: _Work) -> None:
        self._work = work
        self._cells: dict[tuple[int, int], list[ExcalidrawElement]] = {}
        self._large: list[ExcalidrawElement] = []
        for shape in shapes:
            xs = range(int(shape.x // self.CELL), int(shape.right // self.CELL) + 1)
            ys = range(int(shape.y // self.CELL), int(shape.bottom // self.CELL) + 1)
            if len(xs) * len(ys) > self.MOST_CELLS:
                self._large.append(shape)
                continue
            for cx in xs:
                for cy in ys:
                    self._cells.setdefault((cx, cy), []).append(shape)

    def under(self, x: float, y: float) -> list[ExcalidrawElement]:
        near = self._cells.get((int(x // self.CELL), int(y // self.CELL)), [])
        found = []
        for shape in [*near, *self._large]:
            self._work.spend()
            if shape.holds(x, y):
                found.append(shape)
        return found


@dataclass
class _Reading:
    elements: list[ExcalidrawElement]
    source: str
    name: str
    left_out: Counter[str] = field(default_factory=Counter)

    def __post_init__(self) -> None:
        self.work = _Work(self.name)

    def board(self) -> IncomingBoard:
        by_id = {element.id: element for element in self.elements}
        shapes = [element for element in self.elements if element.type in SHAPES]
        texts = [element for element in self.elements if element.type == "text"]
        frames = [element for element in self.elements if element.type in FRAMES]
        for element in self.elements:
            if element.type not in SHAPES and element.type not in FRAMES and element.type not in ("text", "selection"):
                self.left_out[LEFT_OUT.get(element.type, "other element")] += 1

        # Text written in a shape: bound to it, else lying on a shape that has none.
        words: dict[str, list[ExcalidrawElement]] = {}
        free: list[ExcalidrawElement] = []
        titles: list[ExcalidrawElement] = []
        for text in texts:
            role = text.app("role")
            if role == "dots":
                continue  # this app's dots label: the dots are the votes, not a note
            container = by_id.get(text.containerId or "")
            if container is not None and container.type in SHAPES:
                words.setdefault(container.id, []).append(text)
            elif container is not None:
                self.left_out[f"{LEFT_OUT.get(container.type, 'other element')} label"] += 1
            elif role == "cluster-title":
                titles.append(text)
            else:
                free.append(text)
        containers = self._containers(shapes, free, words)
        bare = _Points((shape for shape in shapes if shape.id not in words and shape.id not in containers), self.work)
        loose: list[ExcalidrawElement] = []
        for text in sorted(free, key=lambda t: (t.y, t.x)):
            host = _smallest(bare.under(*text.centre))
            if host is None:
                loose.append(text)
            else:
                words.setdefault(host.id, []).append(text)

        lanes = self._lanes(frames, [by_id[key] for key in containers], containers)
        lane_keys = {lane.key for lane in lanes}
        notes: list[tuple[IncomingNote, ExcalidrawElement, list[ExcalidrawElement]]] = []
        for shape in shapes:
            if shape.id in containers:
                continue
            written = [text.words for text in words.get(shape.id, []) if text.words.strip()]
            if not written:
                self.left_out["shape without text"] += 1
                continue
            notes.append((self._note(shape, "\n".join(written)), shape, words.get(shape.id, [])))
        for text in loose:
            if text.words.strip():
                notes.append((self._note(text, text.words, coloured=False), text, []))
        lane_areas = [by_id[key] for key in lane_keys]
        for note, element, _parts in notes:
            note.lane = _lane_of(element, lane_keys, lane_areas)

        clusters = self._clusters(notes, containers, by_id, lane_keys, titles)
        return IncomingBoard(
            source=self.source, lanes=lanes, notes=[note for note, _e, _p in notes],
            clusters=clusters, left_out=self.left_out,
        )

    def _containers(
        self, shapes: list[ExcalidrawElement], free: list[ExcalidrawElement], words: dict[str, list[ExcalidrawElement]],
    ) -> dict[str, str]:
        """Rectangles that hold notes (a shape with text, or two loose texts): lane or cluster
        areas, by id → their label."""
        found: dict[str, str] = {}
        written = _Boxes((shape for shape in shapes if shape.id in words), self.work)
        loose = _Boxes(free, self.work)
        for shape in shapes:
            if shape.type != "rectangle":
                continue
            holds_note = next(iter(written.inside(shape)), None) is not None
            if holds_note or len(list(islice(loose.inside(shape), 2))) >= 2:
                label = " ".join(text.words for text in words.get(shape.id, []))
                found[shape.id] = " ".join(label.split())
        return found

    def _lanes(
        self, frames: list[ExcalidrawElement], areas: list[ExcalidrawElement], labels: dict[str, str]
    ) -> list[IncomingLane]:
        """Frames, and areas in no frame and no other area, as lanes from left to right."""
        # Largest first: an area inside another is inside one of the outermost, so checking
        # against those (at most as many as a board has lanes) is enough.
        tops: list[ExcalidrawElement] = []
        for area in sorted(areas, key=lambda a: -a.width * a.height):
            if len(frames) + len(tops) > MAX_BOARD_LANES:
                break
            if not _in_any(area, frames) and not _in_any(area, tops):
                tops.append(area)
        ordered = sorted(frames + tops, key=lambda element: (element.x, element.y))
        if len(ordered) > MAX_BOARD_LANES:
            raise IncomingFileError(
                f"{self.name} has more than {MAX_BOARD_LANES} frames (or areas that would be lanes); "
                f"a board holds at most {MAX_BOARD_LANES} lanes."
            )
        lanes: list[IncomingLane] = []
        for number, element in enumerate(ordered, start=1):
            framed = element.type in FRAMES
            label = (element.name or "") if framed else labels.get(element.id, "")
            prompt = element.app("prompt")
            lanes.append(IncomingLane(
                key=element.id, title=" ".join(label.split()) or f"{'Frame' if framed else 'Lane'} {number}",
                colour=colour_of(element.app("colour")), prompt=prompt if isinstance(prompt, str) else "",
                width=element.width,
            ))
        return lanes

    def _note(self, element: ExcalidrawElement, text: str, coloured: bool = True) -> IncomingNote:
        return IncomingNote(
            key=element.id, lane=None, text=clean_text(text, MAX_TEXT), x=element.x, y=element.y,
            width=element.width, height=element.height,
            colour=colour_of(element.backgroundColor) if coloured else None,
        )

    def _clusters(
        self, notes: list[tuple[IncomingNote, ExcalidrawElement, list[ExcalidrawElement]]],
        containers: dict[str, str], by_id: dict[str, ExcalidrawElement], lanes: set[str],
        titles: list[ExcalidrawElement],
    ) -> list[IncomingCluster]:
        clusters: list[IncomingCluster] = []
        taken: set[str] = set()
        # Areas inside a lane: clusters titled by their label, smallest first (the innermost wins).
        areas = sorted((by_id[key] for key in containers if key not in lanes), key=lambda a: a.width * a.height)
        placed = _Boxes((element for _note, element, _parts in notes), self.work)
        note_of = {element.id: note.key for note, element, _parts in notes}
        for area in areas:
            members = [note_of[element.id] for element in placed.inside(area) if note_of[element.id] not in taken]
            if members:
                taken.update(members)
                clusters.append(IncomingCluster(containers[area.id] or f"Group {len(clusters) + 1}", members))
        # Groups: the outermost group a note shares with another note.
        in_group: dict[str, set[str]] = {}
        for element in self.elements:
            # A group titled by this app is a cluster even with one note; a dots label is not.
            if element.app("role") in (None, "cluster-title"):
                for group in element.groupIds:
                    in_group.setdefault(group, set()).add(element.id)
        members_of: dict[str, list[str]] = {}
        for note, element, parts in notes:
            if note.key in taken:
                continue
            own = {element.id, *(part.id for part in parts)}
            for group in reversed(element.groupIds):
                if in_group.get(group, set()) - own:
                    members_of.setdefault(group, []).append(note.key)
                    break
        named = {text.groupIds[-1]: text for text in titles if text.groupIds}
        for group, members in members_of.items():
            label = named.get(group)
            title = (_title(label) if label else "") or f"Group {len(clusters) + 1}"
            clusters.append(IncomingCluster(title, members, colour_of(label.app("colour")) if label else None))
        return clusters


def _title(text: ExcalidrawElement) -> str:
    """A cluster title this app wrote: as typed, without the dots shown after it."""
    title = text.app("title")
    return title if isinstance(title, str) else text.words


def _lane_of(element: ExcalidrawElement, lanes: set[str], areas: list[ExcalidrawElement]) -> str | None:
    if element.frameId in lanes:
        return element.frameId
    x, y = element.centre
    for area in areas:
        if area.holds(x, y):
            return area.id
    return None


def _in_any(element: ExcalidrawElement, areas: Iterable[ExcalidrawElement]) -> bool:
    return any(area.encloses(element) for area in areas)


def _smallest(candidates: Iterable[ExcalidrawElement]) -> ExcalidrawElement | None:
    found = list(candidates)
    return min(found, key=lambda shape: shape.width * shape.height) if found else None
