"""The PDF summary people receive after a workshop, headless with reportlab.

The layout lives in class attributes of :class:`SummaryPdf` and the build is a few steps that a
subclass may override, after pretix's invoice renderer: register fonts, stylesheet, page
templates, page decoration, story. A numbered canvas writes "Page x of y".

Nothing a person typed ever reaches reportlab's markup parser unescaped: :func:`markup` is the
only way user text enters a ``Paragraph``, and the board picture draws text with ``drawString``.
So ``<b>``, ``&``, ``<img src=...>`` or ``<a href=...>`` in a note are printed as typed and can
neither break the export nor embed a file or a link.
"""

from __future__ import annotations

import io
import math
import os
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, ClassVar

from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    CondPageBreak,
    Flowable,
    Frame,
    KeepTogether,
    NextPageTemplate,
    PageBreak,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from canvasapp import APP_NAME, __version__
from canvasapp.export.board import CONTINUED_STRIP_PT, BoardOverview, BoardPicture, draw_text, parse_colour, tint
from canvasapp.export.fonts import BOLD, REGULAR, ensure_glyphs, markup, register_fonts
from canvasapp.export.paper import PAGE_SIZES
from canvasapp.export.pdf_run import agenda_as_run, next_steps
from canvasapp.export.pdf_text import style_for, text_paragraph
from canvasapp.export.pdf_votes import outcome_votes, round_rankings
from canvasapp.files import write_atomically
from canvasapp.ops.cluster_summary import clusters_in, unclustered
from canvasapp.ops.progress import Progress
from canvasapp.ops.summary import LaneEntry, NoteEntry, WorkshopSummary

#: Room the board page's heading and caption take above the picture.
BOARD_HEADING_ROOM = 30 * mm
#: How much smaller a board may be drawn to fit on one page instead of two.
SHRINK_TO_ONE_PAGE = 0.7


#: Longest piece of one note put in a single Paragraph. reportlab re-wraps the remainder at
#: every page split (quadratic for a 10,000-character note) and cannot split a single line;
#: pieces keep both cheap.
CHUNK_CHARACTERS = 1500

def chunks(text: str, size: int = CHUNK_CHARACTERS) -> list[str]:
    """``text`` cut into pieces of at most about ``size`` characters, at line ends or spaces.

    A piece boundary replaces the newline or space it is cut at, so no character is lost.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if len(text) <= size:
        return [text]
    pieces: list[str] = []
    current = ""
    for line in text.split("\n"):
        while len(line) > size:
            cut = line.rfind(" ", size // 2, size)
            if cut <= 0:
                cut = size
                head, line = line[:cut], line[cut:]
            else:
                head, line = line[:cut], line[cut + 1:]
            if current:
                pieces.append(current)
                current = ""
            pieces.append(head)
        if current and len(current) + 1 + len(line) > size:
            pieces.append(current)
            current = line
        else:
            current = f"{current}\n{line}" if current else line
    if current or not pieces:
        pieces.append(current)
    return pieces


@dataclass(frozen=True, slots=True)
class PdfOptions:
    """What the person exporting chooses."""

    page_size: str = "a4"
    """``"a4"`` or ``"letter"``."""
    include_board: bool = True


class _Heading(Paragraph):  # type: ignore[misc]
    """A heading that also becomes an entry of the PDF outline (the viewer's bookmarks)."""

    def __init__(self, text: str, style: ParagraphStyle, outline: str, key: str, level: int = 0) -> None:
        super().__init__(markup(text, bold=style.fontName == BOLD), style_for(text, style))
        self.outline_title = outline
        self.outline_key = key
        self.outline_level = level

    def draw(self) -> None:
        self.canv.bookmarkPage(self.outline_key)
        self.canv.addOutlineEntry(self.outline_title, self.outline_key, level=self.outline_level)
        super().draw()


class NumberedCanvas(Canvas):  # type: ignore[misc]
    """Holds every page until the end so each footer can say "Page x of y".

    ``progress`` (set by :meth:`SummaryPdf.render`) is the job's: the board picture and the
    last pass over the pages check it, so a cancel stops even the longest single step."""

    footer_font = REGULAR
    footer_size = 8.0

    def __init__(self, *args: Any, progress: Progress | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._pages: list[dict[str, Any]] = []
        self.footer_left = ""
        self.footer_margin = SummaryPdf.margin
        self.progress = progress

    def showPage(self) -> None:
        self._pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self._pages)
        for number, state in enumerate(self._pages, start=1):
            if self.progress is not None:
                self.progress.check()
            self.__dict__.update(state)
            self._draw_footer(number, total)
            super().showPage()
        super().save()

    def _draw_footer(self, number: int, total: int) -> None:
        width, _height = self._pagesize
        margin = self.footer_margin
        self.saveState()
        self.setFont(self.footer_font, self.footer_size)
        self.setFillColor(colors.HexColor("#666666"))
        self.drawRightString(width - margin, margin * 0.55, f"Page {number} of {total}")
        # The title may be in any script: drawn run by run like the board's text.
        draw_text(self, margin, margin * 0.55, self.footer_left, self.footer_font, self.footer_size)
        self.restoreState()


class SummaryPdf:
    """Renders a :class:`WorkshopSummary` as a PDF. Override a step to change one part."""

    #: Set from ``PdfOptions.page_size`` for each document.
    page_size: tuple[float, float] = A4
    margin: ClassVar[float] = 18 * mm
    board_margin: ClassVar[float] = 10 * mm
    font: ClassVar[str] = REGULAR
    bold_font: ClassVar[str] = BOLD
    body_size: ClassVar[float] = 10.0
    #: Largest drawing scale for the board; a small board should not look like a poster.
    max_board_scale: ClassVar[float] = 0.5
    accent: ClassVar[colors.Color] = colors.HexColor("#2B4C7E")
    #: More pages than this of the board in detail help no reader: the lists carry every note.
    max_detail_pages: ClassVar[int] = 8

    def __init__(
        self, summary: WorkshopSummary, options: PdfOptions | None = None, progress: Progress | None = None
    ) -> None:
        self.summary = summary
        #: Reported as the story is made (a fifth of the work) and drawn (the rest).
        self.progress = progress
        self._made = 0
        #: ``(page, flowable)`` in the order drawn by the last :meth:`render` (layout checks).
        self.drawn: list[tuple[int, Flowable]] = []
        self.options = options or PdfOptions()
        try:
            self.page_size = PAGE_SIZES[self.options.page_size.lower()]
        except KeyError:
            known = ", ".join(PAGE_SIZES)
            raise ValueError(f"Unknown paper size {self.options.page_size!r} (known: {known}).") from None

    # --- the steps -----------------------------------------------------------------------------

    def register_fonts(self) -> None:
        register_fonts()
        s = self.summary
        details = s.details
        ensure_glyphs([
            s.title, details.place or "", details.facilitator or "", s.template_name or "",
            s.template_id or "", *(lane.title + lane.prompt for lane in s.lanes), *(note.text for note in s.notes),
            *(cluster.title for cluster in s.clusters),
            details.purpose or "", *(action.owner for action in s.actions), *(entry.title for entry in s.agenda),
        ])

    def stylesheet(self) -> dict[str, ParagraphStyle]:
        base = ParagraphStyle(
            "body", fontName=self.font, fontSize=self.body_size, leading=self.body_size * 1.35,
            alignment=TA_LEFT, textColor=colors.HexColor("#1F1F1F"),
        )
        muted = colors.HexColor("#555555")
        return {
            "body": base,
            "kicker": ParagraphStyle("kicker", base, fontSize=9, textColor=muted, spaceAfter=2),
            "title": ParagraphStyle(
                "title", base, fontName=self.bold_font, fontSize=22, leading=27, spaceAfter=10,
                textColor=self.accent,
            ),
            "h1": ParagraphStyle(
                "h1", base, fontName=self.bold_font, fontSize=15, leading=19, spaceBefore=14,
                spaceAfter=6, textColor=self.accent, keepWithNext=1,
            ),
            "prompt": ParagraphStyle("prompt", base, textColor=muted, spaceAfter=8, keepWithNext=1),
            "fact_label": ParagraphStyle("fact_label", base, textColor=muted),
            "fact": base,
            "note": ParagraphStyle(
                "note", base, leftIndent=30, bulletIndent=0, bulletFontName=self.bold_font,
                bulletFontSize=self.body_size, borderPadding=(3, 5, 3, 5), spaceBefore=0, spaceAfter=0,
            ),
            "empty": ParagraphStyle("empty", base, textColor=muted, spaceAfter=6),
            "caption": ParagraphStyle("caption", base, fontSize=9, textColor=muted, spaceAfter=6),
        }

    def page_templates(self, doc: BaseDocTemplate) -> list[PageTemplate]:
        width, height = self.page_size
        m = self.margin
        body = Frame(m, m, width - 2 * m, height - 2 * m, id="body", leftPadding=0, rightPadding=0,
                     topPadding=0, bottomPadding=0)
        board_width, board_height = landscape(self.page_size)
        b = self.board_margin
        board = Frame(b, m, board_width - 2 * b, board_height - m - b, id="board", leftPadding=0,
                      rightPadding=0, topPadding=0, bottomPadding=0)
        return [
            PageTemplate("body", [body], onPage=self.decorate_page, pagesize=self.page_size),
            PageTemplate("board", [board], onPage=self.decorate_page, pagesize=landscape(self.page_size)),
        ]

    def decorate_page(self, canvas: Canvas, doc: BaseDocTemplate) -> None:
        """Per page: the footer's left text (the right one, "Page x of y", comes at the end)."""
        if doc.page == 1:
            canvas.showOutline()
        landscape_page = canvas._pagesize[0] > canvas._pagesize[1]
        canvas.footer_margin = self.board_margin if landscape_page else self.margin
        canvas.footer_left = _shorten(f"{self.summary.title} · {self.summary.date.isoformat()}", 90)

    def story(self, styles: dict[str, ParagraphStyle]) -> list[Flowable]:
        story: list[Flowable] = []
        story += self.title_block(styles)
        story += self.outcome(styles)
        if self.options.include_board:
            story += self.board(styles)
        for index, lane in enumerate(self.summary.lanes):
            story += self.lane_notes(styles, lane, index)
        story += self.vote_rounds(styles)
        story += self.agenda(styles)
        return story

    # --- story parts ---------------------------------------------------------------------------

    def title_block(self, styles: dict[str, ParagraphStyle]) -> list[Flowable]:
        s = self.summary
        details = s.details
        facts: list[tuple[str, str]] = [("Date", _long_date(s))]
        if details.purpose:
            facts.insert(0, ("Purpose", details.purpose))
        if details.place:
            facts.append(("Place", details.place))
        if details.facilitator:
            facts.append(("Facilitator", details.facilitator))
        if details.participants is not None:
            facts.append(("Participants", f"{details.participants}"))
        if s.template_name and s.template_id:
            facts.append(("Template", f"{s.template_name} ({s.template_id})"))
        elif s.template_name or s.template_id:
            facts.append(("Template", s.template_name or s.template_id or ""))
        lanes = [lane for lane in s.lanes if lane.id is not None]
        facts.append(("Notes", f"{s.note_count} in {len(lanes)} lane{'s' if len(lanes) != 1 else ''}"))
        rows = [[Paragraph(markup(label), styles["fact_label"]), text_paragraph(value, styles["fact"])]
                for label, value in facts]
        width = self.page_size[0] - 2 * self.margin
        table = Table(rows, colWidths=[32 * mm, width - 32 * mm], hAlign="LEFT")
        table.setStyle(TableStyle([
            # Tables set a cell font even when every cell is a Paragraph; left at its default
            # (Helvetica) it would put an unembedded font into the PDF.
            ("FONTNAME", (0, 0), (-1, -1), self.font),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
            ("TOPPADDING", (0, 0), (-1, -1), 1),
        ]))
        return [
            Paragraph("Workshop summary", styles["kicker"]),
            _Heading(_shorten(s.title, 2000), styles["title"], outline=_shorten(s.title, 120), key="summary"),
            table,
            Spacer(1, 6),
        ]

    def outcome(self, styles: dict[str, ParagraphStyle]) -> list[Flowable]:
        """What was decided and who does what: each round kept in the outcome (decisions
        first), then the next steps; then the lanes and the questions they asked."""
        s = self.summary
        width = self.page_size[0] - 2 * self.margin
        parts: list[Flowable] = [_Heading("Outcome", styles["h1"], outline="Outcome", key="outcome", level=1)]
        if not s.votes_held:
            parts.append(Paragraph(
                "No dot vote was recorded in this session, so there is no ranking of ideas yet. "
                "What the room said is below: first a picture of the board, then every note, lane by "
                "lane, read top to bottom and left to right. The numbers on the board match the "
                "numbers in the lists.",
                styles["body"],
            ))
        elif not s.outcomes:
            parts.append(Paragraph(
                "No closed vote round is part of the outcome; every round's ranking is listed under "
                "“Vote rounds” below.", styles["body"],
            ))
        for result in s.outcomes:
            parts += outcome_votes(result, styles, markup, width, self.font, self.accent)
        parts += next_steps(s.actions, styles, markup, width, self.font, self.accent)
        parts.append(Spacer(1, 8))
        rows: list[list[Flowable | str]] = [[
            Paragraph("<b>Lane</b>", styles["body"]),
            Paragraph("<b>Notes</b>", styles["body"]),
            Paragraph("<b>The question asked</b>", styles["body"]),
        ]]
        for lane in s.lanes:
            rows.append([
                text_paragraph(_shorten(lane.title, 300), styles["body"]),
                Paragraph(f"{len(lane.notes)}", styles["body"]),
                text_paragraph(_shorten(lane.prompt, 1200), styles["body"]) if lane.prompt.strip()
                else Paragraph("—", styles["body"]),
            ])
        table = Table(rows, colWidths=[38 * mm, 16 * mm, width - 54 * mm], hAlign="LEFT", repeatRows=1)
        style: list[tuple[Any, ...]] = [
            ("FONTNAME", (0, 0), (-1, -1), self.font),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LINEBELOW", (0, 0), (-1, 0), 0.8, self.accent),
            ("LINEBELOW", (0, 1), (-1, -1), 0.3, colors.HexColor("#CCCCCC")),
            ("TOPPADDING", (0, 0), (-1, -1), 4),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
            ("LEFTPADDING", (0, 0), (-1, -1), 4),
        ]
        for row, lane in enumerate(s.lanes, start=1):
            style.append(("BACKGROUND", (0, row), (0, row), tint(parse_colour(lane.colour), 0.45)))
        table.setStyle(TableStyle(style))
        parts.append(KeepTogether([Paragraph("<b>The lanes</b>", styles["body"]), Spacer(1, 4), table]))
        return parts

    def vote_rounds(self, styles: dict[str, ParagraphStyle]) -> list[Flowable]:
        """Every vote round's ranking (nothing when no round has dots)."""
        if not self.summary.rounds:
            return []
        width = self.page_size[0] - 2 * self.margin
        heading = _Heading("Vote rounds", styles["h1"], outline="Vote rounds", key="votes", level=1)
        return [heading, *round_rankings(self.summary.rounds, styles, markup, width, self.font, self.accent)]

    def agenda(self, styles: dict[str, ParagraphStyle]) -> list[Flowable]:
        """The agenda as run: each phase's planned and actual minutes."""
        if not self.summary.agenda:
            return []
        width = self.page_size[0] - 2 * self.margin
        return [
            CondPageBreak(50 * mm),
            _Heading("Agenda as run", styles["h1"], outline="Agenda as run", key="agenda", level=1),
            *agenda_as_run(self.summary.agenda, styles, markup, width, self.font, self.accent),
        ]

    def board(self, styles: dict[str, ParagraphStyle]) -> list[Flowable]:
        """The whole board on one page; then, when that is too small to read, the board in
        detail in bands that never cut a note or a cluster, unless that would take more than
        ``max_detail_pages`` pages (then the page says so, and the lists carry every note)."""
        s = self.summary
        width, height = landscape(self.page_size)
        frame_width = width - 2 * self.board_margin
        frame_height = height - self.margin - self.board_margin - BOARD_HEADING_ROOM
        detail = min(self.max_board_scale, frame_width / s.board.width)
        overview = min(detail, frame_height / s.board.height)
        caption = (f"All {s.note_count} notes where they were on the board. Each note's number is its "
                   "place in its lane's list on the following pages, where long notes are given in full.")
        parts: list[Flowable] = [
            NextPageTemplate("board"),
            PageBreak(),
            _Heading("The board", styles["h1"], outline="The board", key="board", level=1),
        ]
        # A board a little taller than the page is drawn a little smaller, on one page, rather
        # than as an overview followed by a second page with one row of notes on it.
        if overview >= detail * SHRINK_TO_ONE_PAGE:
            parts += [Paragraph(markup(caption), styles["caption"]), BoardPicture(s, overview)]
        else:
            pages = math.ceil(s.board.height * detail / (frame_height + BOARD_HEADING_ROOM - CONTINUED_STRIP_PT))
            if pages > self.max_detail_pages:
                more = (f"The whole board at a glance (a tall board is cut into columns, read left to "
                        f"right). Drawn readably it would take about {pages} pages, "
                        f"so it is not printed in detail: all {s.note_count:,} notes are listed lane by lane on "
                        "the following pages, numbered as on the board.")
            else:
                more = (f"The whole board at a glance (a tall board is cut into columns, read left to "
                        f"right); the {pages} pages after it show it in detail, "
                        "cut between rows of notes and never through a cluster. Each note's number is its "
                        "place in its lane's list, where long notes are given in full.")
            parts += [Paragraph(markup(more), styles["caption"]),
                      BoardOverview(s, frame_width, frame_height, self.max_board_scale)]
            if pages <= self.max_detail_pages:
                parts += [
                    PageBreak(),
                    _Heading("The board in detail", styles["h1"], outline="The board in detail",
                             key="board-detail", level=2),
                    BoardPicture(s, detail),
                ]
        return [*parts, NextPageTemplate("body"), PageBreak()]

    def lane_notes(self, styles: dict[str, ParagraphStyle], lane: LaneEntry, index: int) -> list[Flowable]:
        count = len(lane.notes)
        heading = f"{lane.title} ({count} note{'s' if count != 1 else ''})"
        parts: list[Flowable] = [
            CondPageBreak(60 * mm),
            _Heading(_shorten(heading, 2000), styles["h1"], outline=_shorten(heading, 120), key=f"lane-{index}", level=1),
        ]
        if lane.prompt.strip():
            parts.append(text_paragraph(lane.prompt, styles["prompt"]))
        if not lane.notes:
            parts.append(Paragraph("No notes in this lane.", styles["empty"]))
        # The lane's clusters, each titled with its count, then the notes in none of them.
        themes = clusters_in(self.summary.clusters, lane)
        theme_style = ParagraphStyle("cluster", styles["h1"], fontSize=12.5, leading=16, spaceBefore=8, spaceAfter=4)
        for number, cluster in enumerate(themes):
            label = f"{cluster.title or 'Untitled'} ({cluster.count} note{'s' if cluster.count != 1 else ''})"
            parts.append(_Heading(_shorten(label, 2000), theme_style, outline=_shorten(label, 120),
                                  key=f"lane-{index}-cluster-{number}", level=2))
            for note in cluster.notes:
                parts.append(self.note_block(styles, note))
        rest = unclustered(self.summary.clusters, lane)
        if themes and rest:
            parts.append(_Heading("Not in a cluster", theme_style, outline="Not in a cluster",
                                  key=f"lane-{index}-unclustered", level=2))
        for note in rest:
            parts.append(self.note_block(styles, note))
        return parts

    def note_block(self, styles: dict[str, ParagraphStyle], note: NoteEntry) -> Flowable:
        """A note kept on one page (a note longer than a page continues on the next)."""
        self._made += 1
        if self.progress is not None and self._made % 25 == 0:
            self.progress.report(0.2 * self._made, max(1, len(self.summary.notes)))
        return KeepTogether(list(self.note_paragraphs(styles, note)))

    def note_paragraphs(self, styles: dict[str, ParagraphStyle], note: NoteEntry) -> Iterator[Flowable]:
        """One note as one or more paragraphs on the note's colour (several if it is long)."""
        pieces = chunks(note.text) if note.text.strip() else ["(empty note)"]
        back = tint(parse_colour(note.colour), 0.35)
        last = len(pieces) - 1
        for number, piece in enumerate(pieces):
            # Frames collapse adjoining spaces to the larger one; 11 pt minus the 3 pt border
            # padding above and below leaves a clear gap between one note and the next, while
            # the pieces of one long note join into a single coloured block.
            style = ParagraphStyle(f"note-{number}", styles["note"], backColor=back,
                                   spaceAfter=11 if number == last else 0)
            yield text_paragraph(piece, style, bullet=f"{note.number}." if number == 0 else None, key=note.id)

    # --- building -------------------------------------------------------------------------------

    def render(self) -> bytes:
        """The whole PDF as bytes."""
        self.register_fonts()
        buffer = io.BytesIO()
        s = self.summary
        doc = BaseDocTemplate(
            buffer,
            pagesize=self.page_size,
            title=s.title,
            author=s.details.facilitator or APP_NAME,
            subject=f"Workshop summary: {s.title}" + (f" ({s.template_name})" if s.template_name else ""),
            creator=f"{APP_NAME} {__version__}",
            keywords=["workshop", "summary", *(lane.title for lane in s.lanes if lane.id)],
            initialFontName=self.font,
            leftMargin=self.margin, rightMargin=self.margin, topMargin=self.margin, bottomMargin=self.margin,
        )
        doc.addPageTemplates(self.page_templates(doc))
        self.drawn = []
        self._made = 0
        story = keep_with_next(self.story(self.stylesheet()))
        progress = self.progress

        def after(flowable: Flowable) -> None:
            self.drawn.append((doc.page, flowable))
            if progress is not None:
                progress.report(0.2 + 0.75 * min(1.0, len(self.drawn) / max(1, len(story))), 1.0)

        doc.afterFlowable = after
        doc.build(story, canvasmaker=lambda *args, **kwargs: NumberedCanvas(*args, progress=progress, **kwargs))
        return buffer.getvalue()

    def write(self, path: str | os.PathLike[str]) -> Path:
        """Render and write to ``path`` atomically: a failed export leaves no half file."""
        return write_atomically(path, self.render())


def keep_with_next(story: list[Flowable]) -> list[Flowable]:
    """Headings (and anything else marked ``keepWithNext``) joined to what follows them.

    reportlab keeps a heading with the next flowable only when that one is not itself a
    ``KeepTogether``; a heading before a kept-together table or note would then end a page
    alone. Here the run of kept flowables and the contents of the next block become one block.
    """
    joined: list[Flowable] = []
    index = 0
    while index < len(story):
        group: list[Flowable] = []
        while index < len(story) and _keeps_with_next(story[index]):
            group.append(story[index])
            index += 1
        if not group:
            joined.append(story[index])
            index += 1
            continue
        if index < len(story):
            following = story[index]
            group += list(following._content) if isinstance(following, KeepTogether) else [following]
            index += 1
        joined.append(KeepTogether(group))
    return joined


def _keeps_with_next(flowable: Flowable) -> bool:
    keeps = getattr(flowable, "getKeepWithNext", None)
    return bool(keeps()) if callable(keeps) else False


def summary_pdf(summary: WorkshopSummary, options: PdfOptions | None = None, progress: Progress | None = None) -> bytes:
    """The PDF summary of a session as bytes; ``progress`` hears how far it is and may cancel it."""
    return SummaryPdf(summary, options, progress).render()


def _shorten(text: str, limit: int) -> str:
    text = " ".join(unicodedata.normalize("NFC", text).split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _long_date(summary: WorkshopSummary) -> str:
    day = summary.date
    return f"{day.day} {day.strftime('%B')} {day.year}"
