"""Where the notes of an imported board go: inside their lanes, as near their layout in the
source as the lanes allow, with no two notes overlapping and every cluster's frame holding
only its own notes.

One function, :func:`place_imported`, so another layout engine can take its place. It works
lane by lane on *units*: a cluster (its members keep their positions relative to each other)
or a single note. Units keep their source positions relative to the lane's content, in
reading order, and are pushed down until they cover nothing already placed. A file that would
make that slow (thousands of notes piled on one spot) falls back to rows, which cost O(n).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from canvasapp.model import Lane, Note
from canvasapp.ops.cluster_summary import FRAME_PADDING, TITLE_HEIGHT
from canvasapp.ops.layout import LANE_HEADER_HEIGHT, NOTE_GAP, Rect, lane_rects

#: Pushes allowed per unit before a lane falls back to rows (real boards need a handful).
PUSH_BUDGET_PER_UNIT = 8
_CELL = 512.0


@dataclass(frozen=True, slots=True)
class Piece:
    """A note to place: ``x``/``y`` are where it sat in its source (any origin: only the
    positions of a lane's pieces relative to each other count)."""

    id: str
    lane_id: str
    x: float
    y: float
    width: float
    height: float
    cluster: str | None = None
    """Pieces with the same key in the same lane are one cluster and stay together."""


@dataclass(frozen=True, slots=True)
class Placed:
    id: str
    x: float
    y: float
    width: float
    height: float


def place_imported(
    pieces: Sequence[Piece], lanes: Sequence[Lane], existing: Sequence[Note] = ()
) -> dict[str, Placed]:
    """Board positions (and sizes, narrowed to fit a lane if need be) for every piece, below
    the ``existing`` notes of each lane. Every piece's lane must be one of ``lanes``."""
    rects = lane_rects(list(lanes), list(existing))
    tops: dict[str | None, float] = {}
    for note in existing:
        # Below the frame a cluster may draw around the lowest existing note.
        tops[note.lane_id] = max(tops.get(note.lane_id, 0.0), note.y + note.height + FRAME_PADDING + NOTE_GAP)
    by_lane: dict[str, list[Piece]] = defaultdict(list)
    for piece in pieces:
        by_lane[piece.lane_id].append(piece)
    placed: dict[str, Placed] = {}
    for lane_id, lane_pieces in by_lane.items():
        rect = rects[lane_id]
        top = max(LANE_HEADER_HEIGHT + NOTE_GAP, tops.get(lane_id, 0.0))
        placed.update(_place_lane(lane_pieces, rect, top))
    return placed


def content_width(pieces: Iterable[Piece]) -> float:
    """How wide a lane must be to hold ``pieces`` as they sit in the source (with margins and
    room for cluster frames)."""
    boxes = list(pieces)
    if not boxes:
        return 0.0
    left = min(piece.x for piece in boxes)
    right = max(piece.x + piece.width for piece in boxes)
    return right - left + 2 * (NOTE_GAP + FRAME_PADDING)


# --- one lane -------------------------------------------------------------------------------


@dataclass(slots=True)
class _Unit:
    """Members with positions relative to the unit's top-left corner of notes."""

    members: list[Placed]
    source_x: float
    source_y: float
    framed: bool
    width: float = 0.0
    height: float = 0.0
    x: float = 0.0
    y: float = 0.0

    def measure(self) -> None:
        self.width = max(member.x + member.width for member in self.members)
        self.height = max(member.y + member.height for member in self.members)

    @property
    def margin_top(self) -> float:
        return FRAME_PADDING + TITLE_HEIGHT if self.framed else 0.0

    @property
    def margin_side(self) -> float:
        return FRAME_PADDING if self.framed else 0.0

    def outer(self, x: float, y: float) -> Rect:
        """The unit's footprint with its notes' corner at ``(x, y)``: its notes, or its frame."""
        side = self.margin_side
        return Rect(x - side, y - self.margin_top, self.width + 2 * side, self.height + self.margin_top + side)


def _place_lane(pieces: list[Piece], lane: Rect, top: float) -> dict[str, Placed]:
    inner = lane.width - 2 * NOTE_GAP
    units = _units(pieces, inner)
    origin_x = min(unit.source_x for unit in units)
    origin_y = min(unit.source_y - unit.margin_top for unit in units)
    units.sort(key=lambda unit: (unit.source_y, unit.source_x))
    if not _push_down(units, lane, top, origin_x, origin_y):
        _rows(units, lane, top)
    placed: dict[str, Placed] = {}
    for unit in units:
        for member in unit.members:
            placed[member.id] = Placed(member.id, unit.x + member.x, unit.y + member.y, member.width, member.height)
    return placed


def _units(pieces: list[Piece], inner: float) -> list[_Unit]:
    clusters: dict[str, list[Piece]] = defaultdict(list)
    units: list[_Unit] = []
    for piece in pieces:
        if piece.cluster is None:
            units.append(_unit([piece], inner, framed=False))
        else:
            clusters[piece.cluster].append(piece)
    units.extend(_unit(members, inner, framed=True) for members in clusters.values())
    return units


def _unit(pieces: list[Piece], inner: float, framed: bool) -> _Unit:
    side = FRAME_PADDING if framed else 0.0
    room = max(1.0, inner - 2 * side)
    left = min(piece.x for piece in pieces)
    top = min(piece.y for piece in pieces)
    members = [
        Placed(piece.id, piece.x - left, piece.y - top, min(piece.width, room), piece.height) for piece in pieces
    ]
    unit = _Unit(members, left, top, framed)
    unit.measure()
    overlapping = len(members) > 1 and _any_overlap(members)
    if overlapping or unit.width > room:
        unit.members = _flow(sorted(members, key=lambda m: (m.y, m.x)), room)
        unit.measure()
    return unit


def _any_overlap(members: list[Placed]) -> bool:
    index = _Index()
    for member in members:
        rect = Rect(member.x, member.y, member.width, member.height)
        if index.hits(rect):
            return True
        index.add(rect)
    return False


def _flow(members: list[Placed], room: float) -> list[Placed]:
    """Members in rows, left to right, as many to a row as ``room`` holds."""
    laid: list[Placed] = []
    x = y = row = 0.0
    for member in members:
        if x > 0 and x + member.width > room:
            x, y, row = 0.0, y + row + NOTE_GAP, 0.0
        laid.append(Placed(member.id, x, y, member.width, member.height))
        x += member.width + NOTE_GAP
        row = max(row, member.height)
    return laid


def _push_down(units: list[_Unit], lane: Rect, top: float, origin_x: float, origin_y: float) -> bool:
    left = lane.x + NOTE_GAP
    index = _Index()
    budget = PUSH_BUDGET_PER_UNIT * len(units) + 100
    # Room for frames on the left for every unit alike, so a lane's notes keep their spacing.
    shift = FRAME_PADDING if any(unit.framed for unit in units) else 0.0
    for unit in units:
        side = unit.margin_side
        most = lane.right - NOTE_GAP - side - unit.width
        x = min(max(left + shift + unit.source_x - origin_x, left + side), max(left + side, most))
        y = top + unit.source_y - origin_y
        while True:
            hits = index.hits(unit.outer(x, y))
            if not hits:
                break
            budget -= 1
            if budget < 0:
                return False
            # Notes may touch where the source had them touching; one pushed aside gets a gap.
            y = max(hit.bottom for hit in hits) + unit.margin_top + NOTE_GAP
        unit.x, unit.y = x, y
        index.add(unit.outer(x, y))
    return True


def _rows(units: list[_Unit], lane: Rect, top: float) -> None:
    left, right = lane.x + NOTE_GAP, lane.right - NOTE_GAP
    x, y, row = left, top, 0.0
    for unit in units:
        outer = unit.outer(0.0, 0.0)
        if x > left and x + outer.width > right:
            x, y, row = left, y + row + NOTE_GAP, 0.0
        unit.x, unit.y = x - outer.x, y - outer.y
        x += outer.width + NOTE_GAP
        row = max(row, outer.height)


@dataclass(slots=True)
class _Index:
    """Rectangles bucketed on a coarse grid: which placed footprints a new one would cover."""

    cells: dict[tuple[int, int], list[Rect]] = field(default_factory=lambda: defaultdict(list))

    def _keys(self, rect: Rect) -> Iterable[tuple[int, int]]:
        for cx in range(int(rect.x // _CELL), int(rect.right // _CELL) + 1):
            for cy in range(int(rect.y // _CELL), int(rect.bottom // _CELL) + 1):
                yield cx, cy

    def add(self, rect: Rect) -> None:
        for key in self._keys(rect):
            self.cells[key].append(rect)

    def hits(self, rect: Rect) -> list[Rect]:
        found: list[Rect] = []
        for key in self._keys(rect):
            for other in self.cells.get(key, ()):
                if (
                    other.x < rect.right and rect.x < other.right
                    and other.y < rect.bottom and rect.y < other.bottom
                ):
                    found.append(other)
        return found
