"""The board as vector graphics: lanes as titled columns, notes in their colours with their text.

:class:`BoardPicture` is a platypus flowable that splits itself into horizontal bands, so a tall
board continues on the next page at a legible scale instead of shrinking to specks. Bands are cut
between rows of notes, never through one. Text is drawn with ``drawString`` (never parsed as
markup), wrapped to the note and shrunk to fit; a note too long for its square ends in "…" and is
given in full in the lists that follow (the number in its corner says where).
"""

from __future__ import annotations

import bisect
from functools import lru_cache

from reportlab.lib.colors import Color, HexColor
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Table, TableStyle

from canvasapp.export.fonts import BOLD, REGULAR, runs, text_width
from canvasapp.export.scripts import joined, needs_shaping, visual_line
from canvasapp.ops.cluster_summary import TITLE_HEIGHT, TITLE_LINES, ClusterEntry
from canvasapp.ops.layout import LANE_HEADER_HEIGHT, Rect
from canvasapp.ops.summary import NoteEntry, WorkshopSummary

#: Smallest type on the page, in points; below it printed text stops being readable.
MIN_TEXT_PT = 5.0
#: Note text sizes tried, largest first, in board units (a note is 200 × 140 units).
NOTE_TEXT_SIZES = (24.0, 20.0, 17.0, 15.0)
#: Height of the strip naming the lanes at the top of a continued band, in points.
CONTINUED_STRIP_PT = 13.0
#: Only this much of a note is considered for the picture; the lists carry the rest.
_PICTURE_TEXT_LIMIT = 600
_NOTE_PADDING = 10.0
_NUMBER_SIZE = 13.0
_INK = HexColor("#1F1F1F")
_MUTED = HexColor("#555555")


@lru_cache(maxsize=256)
def parse_colour(value: str | None, fallback: str = "#FFE45C") -> Color:
    """A reportlab colour from ``#RRGGBB``; anything else falls back rather than failing."""
    for candidate in (value, fallback):
        if candidate and len(candidate) == 7 and candidate.startswith("#"):
            try:
                int(candidate[1:], 16)
            except ValueError:
                continue
            return HexColor(candidate)
    return HexColor("#FFE45C")


def tint(colour: Color, amount: float) -> Color:
    """``colour`` mixed with white; ``amount`` 0 is the colour, 1 is white."""
    return Color(
        colour.red + (1 - colour.red) * amount,
        colour.green + (1 - colour.green) * amount,
        colour.blue + (1 - colour.blue) * amount,
    )


def ink_on(colour: Color) -> Color:
    """Dark text on light notes, white on dark ones (relative luminance, WCAG)."""

    def channel(value: float) -> float:
        return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4

    luminance = 0.2126 * channel(colour.red) + 0.7152 * channel(colour.green) + 0.0722 * channel(colour.blue)
    return _INK if luminance > 0.22 else HexColor("#FFFFFF")


def wrap_text(text: str, font: str, size: float, width: float, max_lines: int) -> tuple[list[str], bool]:
    """Lines of ``text`` no wider than ``width``; stops after ``max_lines``.

    Returns the lines and whether text was left over. Words longer than a line are broken
    between characters, so a pasted URL or a run of "xxxx" cannot run out of the note.
    """
    lines: list[str] = []
    space = _width(" ", font, size)
    for paragraph in text.split("\n"):
        line = ""
        line_width = 0.0
        for word in paragraph.split():
            word_width = _width(word, font, size)
            if line and line_width + space + word_width <= width:
                line += " " + word
                line_width += space + word_width
                continue
            if line:
                lines.append(line)
                if len(lines) > max_lines:
                    return lines[:max_lines], True
            while word_width > width and len(word) > 1:
                cut = _fitting_prefix(word, font, size, width)
                lines.append(word[:cut])
                if len(lines) > max_lines:
                    return lines[:max_lines], True
                word = word[cut:]
                word_width = _width(word, font, size)
            line, line_width = word, word_width
        lines.append(line)
        if len(lines) > max_lines:
            return lines[:max_lines], True
    while lines and not lines[-1]:
        lines.pop()
    return lines, False


def _fitting_prefix(word: str, font: str, size: float, width: float) -> int:
    low, high = 1, len(word)
    while low < high:
        middle = (low + high + 1) // 2
        if _width(word[:middle], font, size) <= width:
            low = middle
        else:
            high = middle - 1
    return low


class BoardPicture(Flowable):  # type: ignore[misc]
    """The part of the board from ``top`` to ``bottom`` (board units), drawn at ``scale``.

    Made for the whole board; platypus calls :meth:`split` when it does not fit the page, and
    the pieces are again ``BoardPicture`` objects for consecutive bands.
    """

    def __init__(
        self,
        summary: WorkshopSummary,
        scale: float,
        top: float | None = None,
        bottom: float | None = None,
    ) -> None:
        super().__init__()
        self.summary = summary
        self.scale = scale
        board = summary.board
        self.top = board.y if top is None else top
        self.bottom = board.bottom if bottom is None else bottom
        self.continued = self.top > board.y
        self.width = board.width * scale
        self.strip = CONTINUED_STRIP_PT if self.continued else 0.0
        self.height = (self.bottom - self.top) * scale + self.strip

    # --- platypus protocol ------------------------------------------------------------------

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return self.width, self.height

    def split(self, available_width: float, available_height: float) -> list[Flowable]:
        usable = (available_height - self.strip) / self.scale
        # A band shorter than one row of notes is not worth a page's end; start afresh.
        if usable < min(140.0, self.bottom - self.top):
            return []
        cut = _cut_between_notes(self.summary.notes, self.top, self.top + usable, self.summary.clusters)
        if cut >= self.bottom:
            return [self]
        return [
            BoardPicture(self.summary, self.scale, self.top, cut),
            BoardPicture(self.summary, self.scale, cut, self.bottom),
        ]

    def draw(self) -> None:
        canvas: Canvas = self.canv
        canvas.saveState()
        band_height = (self.bottom - self.top) * self.scale
        path = canvas.beginPath()
        # A point of slack, so the outer lanes' borders (centred on the edge) are not cut in half.
        path.rect(-1, -1, self.width + 2, band_height + 2)
        canvas.clipPath(path, stroke=0, fill=0)
        for lane in self.summary.lanes:
            if lane.rect is not None:
                self._draw_lane(canvas, lane.rect, lane.colour, lane.title, lane.prompt, len(lane.notes))
        # Cluster frames above the lanes and behind their notes, as on the canvas.
        for cluster in self.summary.clusters:
            if cluster.frame.bottom > self.top and cluster.frame.y < self.bottom:
                self._draw_cluster(canvas, cluster)
        # The longest single step of a big export: the job's progress (if any) may stop it here.
        progress = getattr(canvas, "progress", None)
        for index, note in enumerate(self.summary.notes):
            if progress is not None and index % 25 == 0:
                progress.check()
            if note.rect.bottom > self.top and note.rect.y < self.bottom:
                self._draw_note(canvas, note)
        canvas.restoreState()
        if self.continued:
            self._draw_continued_strip(canvas, band_height)

    # --- drawing ------------------------------------------------------------------------------

    def _page(self, x: float, y: float) -> tuple[float, float]:
        """Board units (y down) to points in this band (y up)."""
        band_height = (self.bottom - self.top) * self.scale
        return (x - self.summary.board.x) * self.scale, band_height - (y - self.top) * self.scale

    def _draw_lane(self, canvas: Canvas, rect: Rect, colour: str, title: str, prompt: str, count: int) -> None:
        if rect.bottom <= self.top or rect.y >= self.bottom:
            return
        s = self.scale
        left, top = self._page(rect.x, rect.y)
        base = parse_colour(colour)
        canvas.setFillColor(tint(base, 0.82))
        canvas.setStrokeColor(tint(base, 0.35))
        canvas.setLineWidth(0.6)
        canvas.rect(left, top - rect.height * s, rect.width * s, rect.height * s, stroke=1, fill=1)
        if rect.y + LANE_HEADER_HEIGHT <= self.top:
            return
        # The header: title and note count, then as much of the prompt as fits.
        padding = 16 * s
        title_size = max(MIN_TEXT_PT + 3, 34 * s)
        canvas.setFillColor(_INK)
        title_line = _ellipsize(f"{title}", BOLD, title_size, rect.width * s - 2 * padding - 60 * s)
        draw_text(canvas, left + padding, top - padding - title_size * 0.8, title_line, BOLD, title_size)
        canvas.setFont(REGULAR, max(MIN_TEXT_PT + 1, 20 * s))
        canvas.setFillColor(_MUTED)
        canvas.drawRightString(
            left + rect.width * s - padding, top - padding - title_size * 0.8,
            f"{count} note{'s' if count != 1 else ''}",
        )
        prompt_size = max(MIN_TEXT_PT, 17 * s)
        room = LANE_HEADER_HEIGHT * s - padding - title_size - 6 * s
        max_lines = int(room // (prompt_size * 1.2))
        if prompt.strip() and max_lines > 0:
            lines, more = wrap_text(prompt[:_PICTURE_TEXT_LIMIT], REGULAR, prompt_size, rect.width * s - 2 * padding, max_lines)
            if more and lines:
                lines[-1] = _ellipsize(lines[-1] + " …", REGULAR, prompt_size, rect.width * s - 2 * padding)
            y = top - padding - title_size - 4 * s - prompt_size
            for line in lines:
                draw_text(canvas, left + padding, y, line, REGULAR, prompt_size)
                y -= prompt_size * 1.2

    def _draw_cluster(self, canvas: Canvas, cluster: ClusterEntry) -> None:
        """A tinted frame with a title bar: the cluster's title and its count."""
        s = self.scale
        rect = cluster.frame
        left, top = self._page(rect.x, rect.y)
        width, height = rect.width * s, rect.height * s
        base = parse_colour(cluster.colour)
        canvas.setFillColor(tint(base, 0.6))
        canvas.setStrokeColor(Color(base.red * 0.55, base.green * 0.55, base.blue * 0.55))
        canvas.setLineWidth(max(0.8, 3 * s))
        canvas.roundRect(left, top - height, width, height, 10 * s, stroke=1, fill=1)
        bar = TITLE_HEIGHT * s
        canvas.setFillColor(base)
        canvas.roundRect(left + 2 * s, top - bar, width - 4 * s, bar - 2 * s, 8 * s, stroke=0, fill=1)
        size = max(MIN_TEXT_PT + 1, 26 * s)
        canvas.setFillColor(_INK)
        # Two lines, shortened only at the end; the count always shows.
        count = f" · {cluster.count}"
        room = width - 24 * s
        lines, more = wrap_text(cluster.title or "Untitled", BOLD, size, room, TITLE_LINES)
        if more or _width(lines[-1] + count, BOLD, size) > room:
            lines[-1] = _ellipsize(lines[-1] + " …", BOLD, size, room - _width(count, BOLD, size))
        lines[-1] += count
        leading = size * 1.15
        first = top - bar / 2 + (len(lines) - 1) * leading / 2 - size * 0.35
        for index, line in enumerate(lines):
            draw_text(canvas, left + 12 * s, first - index * leading, line, BOLD, size)

    def _draw_note(self, canvas: Canvas, note: NoteEntry) -> None:
        s = self.scale
        rect = note.rect
        left, top = self._page(rect.x, rect.y)
        width, height = rect.width * s, rect.height * s
        fill = parse_colour(note.colour)
        canvas.setFillColor(fill)
        canvas.setStrokeColor(tint(Color(fill.red * 0.6, fill.green * 0.6, fill.blue * 0.6), 0.0))
        canvas.setLineWidth(0.4)
        canvas.rect(left, top - height, width, height, stroke=1, fill=1)
        ink = ink_on(fill)
        padding = _NOTE_PADDING * s
        number_size = max(MIN_TEXT_PT, _NUMBER_SIZE * s)
        canvas.setFillColor(ink)
        canvas.setFont(BOLD, number_size)
        canvas.drawString(left + padding, top - padding - number_size * 0.8, str(note.number))
        text_top = top - padding - number_size - 2 * s
        text_width = width - 2 * padding
        text_height = text_top - (top - height + padding)
        if text_width <= 0 or text_height < MIN_TEXT_PT:
            return
        lines, size, more = self._fit(note.text, text_width, text_height)
        if not lines:
            return
        if more:
            lines[-1] = _ellipsize(lines[-1] + " …", REGULAR, size, text_width)
        leading = size * 1.18
        y = text_top - size * 0.85
        for line in lines:
            draw_text(canvas, left + padding, y, line, REGULAR, size)
            y -= leading

    def _fit(self, text: str, width: float, height: float) -> tuple[list[str], float, bool]:
        """The largest text size at which the note's text fits; else the smallest, cut short."""
        text = text[:_PICTURE_TEXT_LIMIT]
        sizes = [max(MIN_TEXT_PT, units * self.scale) for units in NOTE_TEXT_SIZES]
        lines: list[str] = []
        more = False
        size = sizes[-1]
        for size in dict.fromkeys(sizes):  # distinct sizes, largest first
            max_lines = max(0, int((height + size * 0.18) // (size * 1.18)))
            if max_lines == 0:
                continue
            lines, more = wrap_text(text, REGULAR, size, width, max_lines)
            if not more:
                return lines, size, False
        return lines, size, more

    def _draw_continued_strip(self, canvas: Canvas, band_height: float) -> None:
        """Lane names above a continued band, so a reader of page 3 knows which column is which."""
        size = 8.0
        canvas.setFont(BOLD, size)
        canvas.setFillColor(_MUTED)
        for lane in self.summary.lanes:
            if lane.rect is None:
                continue
            left, _ = self._page(lane.rect.x, self.top)
            label = _ellipsize(f"{lane.title} (continued)", BOLD, size, lane.rect.width * self.scale - 4)
            draw_text(canvas, left + 2, band_height + 3.5, label, BOLD, size)


def _width(text: str, font: str, size: float) -> float:
    """How wide ``text`` is drawn: Arabic measured joined, each run in the font that draws it."""
    return text_width(joined(text), size, font == BOLD)


def draw_text(canvas: Canvas, x: float, y: float, line: str, font: str, size: float) -> None:
    """One line of user text at ``x``, ``y``: right-to-left parts in drawing order, each run in
    a font that has its glyphs, Indic runs shaped. Never parsed as markup."""
    for run_font, piece in runs(visual_line(line), font == BOLD):
        canvas.setFont(run_font, size)
        canvas.drawString(x, y, piece, shaping=needs_shaping(piece))
        x += stringWidth(piece, run_font, size)


def _ellipsize(text: str, font: str, size: float, width: float) -> str:
    text = " ".join(text.split())
    if _width(text, font, size) <= width:
        return text
    while text and _width(text + "…", font, size) > width:
        text = text[: max(0, len(text) - max(1, len(text) // 8))]
    return (text.rstrip() + "…") if text else ""


def _cut_between_notes(
    notes: tuple[NoteEntry, ...], top: float, limit: float, clusters: tuple[ClusterEntry, ...] = (),
) -> float:
    """The lowest y ≤ ``limit`` (but below ``top``) that passes through no note and no cluster.

    A cluster taller than the band cannot be kept whole: then only notes are kept whole. When a
    single note is taller than the whole band there is no such line; then the band is cut at
    ``limit`` and that one note is drawn in two pieces.
    """
    boxes = [note.rect for note in notes]
    whole = _cut_between([*boxes, *(cluster.frame for cluster in clusters)], top, limit)
    if whole is not None:
        return whole
    return _cut_between(boxes, top, limit) or limit


def _cut_between(boxes: list[Rect], top: float, limit: float) -> float | None:
    cut = limit
    while True:
        crossing = [box.y for box in boxes if box.y < cut < box.bottom]
        if not crossing:
            return cut
        higher = min(crossing)
        if higher <= top:
            return None
        cut = higher


#: Room between two columns of the overview, in points.
OVERVIEW_GAP = 8.0
#: The most columns a tall board's overview is cut into.
MAX_OVERVIEW_COLUMNS = 12


class BoardOverview(Table):  # type: ignore[misc]
    """The whole board on one page. A board much taller than the page is cut (between rows of
    notes, never through a cluster) into columns set side by side, like a newspaper, so the
    overview is drawn several times larger than one thin strip would be."""

    def __init__(self, summary: WorkshopSummary, width: float, height: float, most: float) -> None:
        self.scale, self.bands = _overview_columns(summary, width, height, most)
        super().__init__(
            [[BoardPicture(summary, self.scale, top, bottom) for top, bottom in self.bands]],
            colWidths=[summary.board.width * self.scale + OVERVIEW_GAP] * len(self.bands), hAlign="LEFT",
        )
        self.setStyle(TableStyle([
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), OVERVIEW_GAP),
            ("TOPPADDING", (0, 0), (-1, -1), 0), ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
        ]))


def _overview_columns(
    summary: WorkshopSummary, width: float, height: float, most: float
) -> tuple[float, list[tuple[float, float]]]:
    """The largest scale (at most ``most``) at which the board fits ``width`` × ``height`` in
    some number of columns, and the columns' ``(top, bottom)`` in board units."""
    board = summary.board
    cut = _Cutter(summary)
    best: tuple[float, list[tuple[float, float]]] = (min(most, width / board.width, height / board.height),
                                                     [(board.y, board.bottom)])
    for count in range(2, MAX_OVERVIEW_COLUMNS + 1):
        column_width = (width - (count - 1) * OVERVIEW_GAP) / count
        if column_width <= 0 or column_width / board.width <= best[0]:
            break  # narrower columns cannot beat the best found
        # The shortest column height at which cutting gives at most ``count`` columns.
        low, high = board.height / count, board.height
        bands = _bands(cut, board.y, board.bottom, high)
        for _step in range(14):
            middle = (low + high) / 2
            trial = _bands(cut, board.y, board.bottom, middle)
            if len(trial) <= count:
                high, bands = middle, trial
            else:
                low = middle
        tallest = max(bottom - top for top, bottom in bands)
        scale = min(most, column_width / board.width, (height - CONTINUED_STRIP_PT) / tallest)
        if scale > best[0] * 1.05:
            best = (scale, bands)
    return best


def _bands(cut: _Cutter, top: float, bottom: float, tallest: float) -> list[tuple[float, float]]:
    bands: list[tuple[float, float]] = []
    while top < bottom - 1e-6:
        end = min(bottom, cut(top, min(bottom, top + tallest)))
        if end <= top:
            end = min(bottom, top + tallest)
        bands.append((top, end))
        top = end
    return bands


class _Cutter:
    """:func:`_cut_between_notes` for many cuts of one board: the spans of rows that notes and
    clusters cover are merged once, so each cut is a binary search."""

    def __init__(self, summary: WorkshopSummary) -> None:
        notes = [(note.rect.y, note.rect.bottom) for note in summary.notes]
        self.whole = _merged([*notes, *((c.frame.y, c.frame.bottom) for c in summary.clusters)])
        self.notes = _merged(notes)

    def __call__(self, top: float, limit: float) -> float:
        for spans in (self.whole, self.notes):
            index = bisect.bisect_left(spans, (limit, limit)) - 1
            if index < 0 or not spans[index][0] < limit < spans[index][1]:
                return limit
            if spans[index][0] > top:
                return spans[index][0]
        return limit


def _merged(spans: list[tuple[float, float]]) -> list[tuple[float, float]]:
    merged: list[tuple[float, float]] = []
    for start, end in sorted(spans):
        if merged and start < merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged
