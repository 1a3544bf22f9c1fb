"""The room's arrangement: the phase's lanes filling a screen in type read from 5 m away.

A letter read from the back of a room needs about 25 mm; on a 1920×1080 image 2.5 m wide that
is 25–30 pixels. So the room sets every note in one size, the largest that lets the lanes show
all their notes, and never smaller than :data:`MIN_NOTE_PX`: with more notes it first uses more
columns, then ends a lane with "n more" rather than shrinking the text. Text is measured by the
caller (:class:`TextMeasure`), so the arrangement is plain arithmetic that tests can check
without a window.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Protocol

from canvasapp.ops.layout import Rect
from canvasapp.ops.room_content import RoomContent, RoomLane

#: Note text: at 34 px the shipped font's capitals are about 25 px tall.
MIN_NOTE_PX = 34
MAX_NOTE_PX = 60
#: Cluster titles are a step larger than notes and bold (capitals of 29 px and more).
TITLE_SCALE = 1.2
LANE_TITLE_SCALE = 1.3
HEADING_PX = 56
INSTRUCTIONS_PX = 38
#: A phase with no lanes (a welcome, a closing round) has the whole screen for its words.
LONE_HEADING_PX = 96
LONE_INSTRUCTIONS_PX = 56
#: Most lines a note, a cluster title, a prompt and the instruction take before ending in "…".
NOTE_LINES = 4
TITLE_LINES = 2
PROMPT_LINES = 2
INSTRUCTION_LINES = 3
MARGIN = 24.0
GAP = 16.0
PADDING = 10.0
#: The timer's corner of the heading (the lanes start below it).
TIMER_WIDTH = 300.0
TIMER_HEIGHT = 110.0
#: A column narrower than this many note-size ems reads as a word per line (or splits words).
MIN_COLUMN_EMS = 8.0
#: Lanes narrower than this go on two or three rows instead.
MIN_LANE_EMS = 10.0
#: Room for a dot count at a note's right: it never covers the text.
BADGE_EMS = 1.6
#: A cluster's notes sit indented under its title band, and groups are a gap apart, so the room
#: sees where a theme ends.
MEMBER_INDENT = 18.0
GROUP_GAP = 14.0

NOTE = "note"
CLUSTER = "cluster"
LANE = "lane"
MORE = "more"


class TextMeasure(Protocol):
    """How the drawing side sets text: how many lines ``text`` wraps to, and a line's height."""

    def line_count(self, text: str, px: int, bold: bool, width: float) -> int: ...

    def line_height(self, px: int, bold: bool) -> float: ...


@dataclass(frozen=True, slots=True)
class TextBox:
    """Text to draw in ``rect``, wrapped, at most ``max_lines`` lines (ending in "…")."""

    text: str
    rect: Rect
    px: int
    bold: bool
    max_lines: int
    role: str


@dataclass(frozen=True, slots=True)
class CardBox:
    """A coloured box: a lane, a cluster title band or a note; ``dots`` drawn in its badge."""

    kind: str
    item_id: str | None
    rect: Rect
    colour: str
    dots: int = 0
    badge: Rect | None = None


@dataclass(slots=True)
class RoomLayout:
    """Everything to draw, in screen pixels, and how much did not fit per lane."""

    width: float
    height: float
    note_px: int
    texts: list[TextBox] = field(default_factory=list)
    cards: list[CardBox] = field(default_factory=list)
    hidden: dict[str, int] = field(default_factory=dict)

    def texts_of(self, role: str) -> list[TextBox]:
        return [text for text in self.texts if text.role == role]


def title_px(note_px: int) -> int:
    return round(note_px * TITLE_SCALE)


def arrange_room(content: RoomContent, width: float, height: float, measure: TextMeasure, show_dots: bool = False) -> RoomLayout:
    """The room's picture for ``content`` on a ``width`` × ``height`` screen."""
    cached = _Cached(measure)
    if not content.lanes:
        return _lone_phase(content, width, height, cached)
    layout = RoomLayout(width, height, MIN_NOTE_PX)
    top = _heading(layout, content, width, cached)
    area = Rect(MARGIN, top, width - 2 * MARGIN, height - top - MARGIN)
    best: tuple[tuple[bool, int, int], _Plan] | None = None
    for rows in _row_choices(len(content.lanes), area.width):
        plan = _best_plan(content.lanes, area, rows, cached, show_dots)
        hidden = sum(plan.hidden.values())
        score = (hidden == 0, plan.px if hidden == 0 else -hidden, -rows)
        if best is None or score > best[0]:
            best = (score, plan)
    assert best is not None
    plan = best[1]
    layout.note_px = plan.px
    layout.texts.extend(plan.texts)
    layout.cards.extend(plan.cards)
    layout.hidden = dict(plan.hidden)
    return layout


# --- heading -----------------------------------------------------------------------------------


def _heading(layout: RoomLayout, content: RoomContent, width: float, measure: _Cached) -> float:
    """The phase's title and instruction across the top, beside the timer; returns their bottom."""
    text_width = width - 2 * MARGIN - TIMER_WIDTH
    y = MARGIN / 2
    title_height = measure.line_height(HEADING_PX, True)
    layout.texts.append(TextBox(content.heading, Rect(MARGIN, y, text_width, title_height), HEADING_PX, True, 1, "heading"))
    y += title_height
    if content.instructions.strip():
        lines = min(INSTRUCTION_LINES, measure.line_count(content.instructions, INSTRUCTIONS_PX, False, text_width))
        box_height = lines * measure.line_height(INSTRUCTIONS_PX, False)
        layout.texts.append(
            TextBox(content.instructions, Rect(MARGIN, y, text_width, box_height), INSTRUCTIONS_PX, False, INSTRUCTION_LINES, "instructions")
        )
        y += box_height
    return max(y, TIMER_HEIGHT) + GAP


def _lone_phase(content: RoomContent, width: float, height: float, measure: _Cached) -> RoomLayout:
    """Title and instruction, large, in the middle of the screen."""
    layout = RoomLayout(width, height, MIN_NOTE_PX)
    text_width = width - 2 * MARGIN - 2 * TIMER_WIDTH
    title_lines = min(2, measure.line_count(content.heading, LONE_HEADING_PX, True, text_width))
    title_height = title_lines * measure.line_height(LONE_HEADING_PX, True)
    words_lines = min(6, measure.line_count(content.instructions, LONE_INSTRUCTIONS_PX, False, text_width)) if content.instructions.strip() else 0
    words_height = words_lines * measure.line_height(LONE_INSTRUCTIONS_PX, False)
    y = max(MARGIN, (height - title_height - GAP * 2 - words_height) / 2)
    left = (width - text_width) / 2
    layout.texts.append(TextBox(content.heading, Rect(left, y, text_width, title_height), LONE_HEADING_PX, True, 2, "heading"))
    if words_lines:
        layout.texts.append(
            TextBox(content.instructions, Rect(left, y + title_height + 2 * GAP, text_width, words_height), LONE_INSTRUCTIONS_PX, False, 6, "instructions")
        )
    return layout


# --- lanes -------------------------------------------------------------------------------------


@dataclass(slots=True)
class _Plan:
    px: int
    texts: list[TextBox] = field(default_factory=list)
    cards: list[CardBox] = field(default_factory=list)
    hidden: dict[str, int] = field(default_factory=dict)


def _row_choices(lanes: int, width: float) -> list[int]:
    """One row of lanes, or two or three when there are many: eight lanes side by side would
    each be a word wide."""
    choices = list(range(1, min(lanes, 3) + 1))
    wide_enough = [rows for rows in choices if _narrowest(lanes, rows, width) >= MIN_LANE_EMS * MIN_NOTE_PX]
    return wide_enough or choices[-1:]


def _narrowest(lanes: int, rows: int, width: float) -> float:
    per_row = -(-lanes // rows)
    return (width - GAP * (per_row - 1)) / per_row


def _lane_rects(count: int, area: Rect, rows: int) -> list[Rect]:
    per_row = -(-count // rows)
    height = (area.height - GAP * (rows - 1)) / rows
    rects = []
    for index in range(count):
        row, column = divmod(index, per_row)
        in_row = min(per_row, count - row * per_row)
        width = (area.width - GAP * (in_row - 1)) / in_row
        rects.append(Rect(area.x + column * (width + GAP), area.y + row * (height + GAP), width, height))
    return rects


def _best_plan(lanes: Sequence[RoomLane], area: Rect, rows: int, measure: _Cached, show_dots: bool) -> _Plan:
    """The largest note size at which every lane shows all its notes; failing that, the
    smallest size, most columns, and "n more"."""
    rects = _lane_rects(len(lanes), area, rows)
    for px in range(MAX_NOTE_PX, MIN_NOTE_PX - 1, -2):
        plan = _Plan(px)
        if all(_place_lane(plan, lane, rect, measure, show_dots, give_up=False) for lane, rect in zip(lanes, rects, strict=True)):
            return plan
    plan = _Plan(MIN_NOTE_PX)
    for lane, rect in zip(lanes, rects, strict=True):
        _place_lane(plan, lane, rect, measure, show_dots, give_up=True)
    return plan


@dataclass(frozen=True, slots=True)
class _Piece:
    """One thing a lane's columns hold: a cluster's title band or a note."""

    kind: str
    item_id: str | None
    text: str
    colour: str
    dots: int
    height: float
    lines: int
    indent: float = 0.0
    starts_group: bool = False


def _place_lane(plan: _Plan, lane: RoomLane, rect: Rect, measure: _Cached, show_dots: bool, give_up: bool) -> bool:
    """Put ``lane`` into ``rect`` at ``plan.px`` with as few columns as fit. Returns whether
    everything fitted; with ``give_up`` it uses the most columns and counts what is left out."""
    px = plan.px
    texts: list[TextBox] = []
    cards = [CardBox(LANE, lane.id, rect, lane.colour)]
    inner = rect.width - 2 * PADDING
    head_px = round(px * LANE_TITLE_SCALE)
    y = rect.y + PADDING
    texts.append(TextBox(lane.title, Rect(rect.x + PADDING, y, inner, measure.line_height(head_px, True)), head_px, True, 1, "lane"))
    y += measure.line_height(head_px, True)
    if lane.prompt.strip():
        lines = min(PROMPT_LINES, measure.line_count(lane.prompt, px, False, inner))
        prompt_height = lines * measure.line_height(px, False)
        texts.append(TextBox(lane.prompt, Rect(rect.x + PADDING, y, inner, prompt_height), px, False, PROMPT_LINES, "prompt"))
        y += prompt_height
    y += GAP / 2
    body = Rect(rect.x + PADDING, y, inner, rect.bottom - PADDING - y)
    most_columns = max(1, int((inner + GAP) // (px * MIN_COLUMN_EMS + GAP)))
    total = lane.note_count
    for columns in range(1, most_columns + 1):
        placed = _flow(lane, body, columns, px, measure, show_dots, last_try=give_up and columns == most_columns)
        if placed is None:
            continue
        more, flowed_texts, flowed_cards = placed
        plan.texts.extend(texts + flowed_texts)
        plan.cards.extend(cards + flowed_cards)
        if more:
            plan.hidden[lane.id] = more
        return more == 0
    if give_up:  # not even one note fits: say how many there are
        plan.texts.extend(texts)
        plan.cards.extend(cards)
        plan.hidden[lane.id] = total
    return False


def _pieces(lane: RoomLane, width: float, px: int, measure: _Cached, show_dots: bool) -> list[_Piece]:
    title = title_px(px)
    pieces = []
    for group in lane.groups:
        indent = MEMBER_INDENT if group.title is not None else 0.0
        note_text_width = width - indent - 2 * PADDING - (px * BADGE_EMS if show_dots else 0)
        first = True
        if group.title is not None:
            title_width = width - 2 * PADDING - (title * BADGE_EMS if show_dots else 0)
            lines = min(TITLE_LINES, measure.line_count(group.title, title, True, title_width))
            pieces.append(_Piece(CLUSTER, group.id, group.title, group.colour, group.dots,
                                 lines * measure.line_height(title, True) + 2 * PADDING, lines, 0.0, True))
            first = False
        for note in group.notes:
            lines = min(NOTE_LINES, max(1, measure.line_count(note.text, px, False, note_text_width)))
            pieces.append(_Piece(NOTE, note.id, note.text, note.colour, note.dots,
                                 lines * measure.line_height(px, False) + 2 * PADDING, lines, indent, first))
            first = False
    return pieces


def _flow(
    lane: RoomLane, body: Rect, columns: int, px: int, measure: _Cached, show_dots: bool, last_try: bool
) -> tuple[int, list[TextBox], list[CardBox]] | None:
    """Fill ``columns`` newspaper columns top to bottom. ``None`` when not everything fits
    (unless ``last_try``: then what fits, the last column ending in an "n more" line)."""
    width = (body.width - GAP * (columns - 1)) / columns
    pieces = _pieces(lane, width, px, measure, show_dots)
    more_height = measure.line_height(px, True) + PADDING
    column, y = 0, body.y
    placed: list[tuple[_Piece, Rect]] = []
    for piece in pieces:
        if piece.starts_group and y > body.y:
            y += GROUP_GAP
        if y + piece.height > body.bottom and y > body.y:
            column, y = column + 1, body.y
        if column >= columns or piece.height > body.height:
            break
        x = body.x + column * (width + GAP) + piece.indent
        placed.append((piece, Rect(x, y, width - piece.indent, piece.height)))
        y += piece.height + GAP / 2
    left = sum(1 for piece in pieces[len(placed):] if piece.kind == NOTE)
    if left and not last_try:
        return None
    if left:
        # Make room for the "n more" line at the foot of the last column.
        while placed and placed[-1][1].bottom + GAP / 2 + more_height > body.bottom:
            dropped, _rect = placed.pop()
            left += dropped.kind == NOTE
        # A cluster title with none of its notes under it says nothing.
        while placed and placed[-1][0].kind == CLUSTER:
            placed.pop()
    texts: list[TextBox] = []
    cards: list[CardBox] = []
    for piece, rect in placed:
        text_px = title_px(px) if piece.kind == CLUSTER else px
        badge_width = text_px * BADGE_EMS if show_dots else 0.0
        badge = Rect(rect.right - PADDING - badge_width, rect.y + PADDING, badge_width, measure.line_height(text_px, True)) if show_dots else None
        cards.append(CardBox(piece.kind, piece.item_id, rect, piece.colour, piece.dots if show_dots else 0, badge))
        text_rect = Rect(rect.x + PADDING, rect.y + PADDING, rect.width - 2 * PADDING - badge_width, rect.height - 2 * PADDING)
        lines = TITLE_LINES if piece.kind == CLUSTER else NOTE_LINES
        texts.append(TextBox(piece.text, text_rect, text_px, piece.kind == CLUSTER, lines, piece.kind))
    if left:
        last_bottom = max((rect.bottom for _piece, rect in placed if rect.x >= body.x + (columns - 1) * (width + GAP) - 1), default=body.y)
        more_rect = Rect(body.x + (columns - 1) * (width + GAP), last_bottom + GAP / 2, width, more_height)
        texts.append(TextBox(f"{left} more", more_rect, px, True, 1, MORE))
    return left, texts, cards


class _Cached:
    """The caller's measure, remembered: the same note is measured at each size and width tried."""

    def __init__(self, measure: TextMeasure) -> None:
        self._line_count = lru_cache(maxsize=8192)(measure.line_count)
        self._line_height = lru_cache(maxsize=256)(measure.line_height)

    def line_count(self, text: str, px: int, bold: bool, width: float) -> int:
        return int(self._line_count(text, px, bold, round(width, 1)))

    def line_height(self, px: int, bold: bool) -> float:
        return float(self._line_height(px, bold))
