"""The PDF's vote results: the outcome's top items per lane, and every round's ranking.

Helpers for :class:`~canvasapp.export.pdf.SummaryPdf`, kept apart so pdf.py stays its layout.
Every user string goes through ``markup`` (escaped) before it reaches a Paragraph.
"""

from __future__ import annotations

from typing import Protocol

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer, Table, TableStyle

from canvasapp.export.pdf_run import _table_style
from canvasapp.export.pdf_text import style_for, text_paragraph
from canvasapp.ops.vote_summary import RoundResult, top_per_lane


class Markup(Protocol):
    """``canvasapp.export.fonts.markup``: user text as safe Paragraph markup."""

    def __call__(self, text: str, bold: bool = False, rtl: bool | None = None) -> str: ...
_MOST = 1500


def _words(text: str) -> str:
    return (text.strip() or "(empty note)")[:_MOST]


def outcome_votes(
    result: RoundResult, styles: dict[str, ParagraphStyle], markup: Markup, width: float, font: str,
    accent: colors.Color,
) -> list[Flowable]:
    """One round of the outcome: its question, how it was voted, and the top items per lane."""
    body = styles["body"]
    lead = "Decided" if result.outcome == "decision" else "Dot vote"
    intro = Paragraph(
        f"<b>{lead}: “{markup(result.title, bold=True)}”</b> — {markup(result.how)}.",
        style_for(result.title, body),
    )
    by_lane = top_per_lane(result)
    one_lane = len(by_lane) == 1
    header = [Paragraph("<b>Rank</b>", body), Paragraph("<b>Item</b>", body), Paragraph("<b>Dots</b>", body)]
    rows: list[list[Flowable]] = [header if one_lane else [Paragraph("<b>Lane</b>", body), *header]]
    for lane, entries in by_lane.items():
        for position, entry in enumerate(entries):
            cells = [
                Paragraph(entry.rank_text, body),
                text_paragraph(_words(entry.title), body),
                Paragraph(f"<b>{entry.dots}</b>", body),
            ]
            if not one_lane:
                cells.insert(0, text_paragraph(lane[:300], body) if position == 0 else Paragraph("", body))
            rows.append(cells)
    widths = [14 * mm, width - 30 * mm, 16 * mm]
    if not one_lane:
        widths = [38 * mm, 14 * mm, width - 68 * mm, 16 * mm]
    table = Table(rows, colWidths=widths, hAlign="LEFT", repeatRows=1)
    table.setStyle(TableStyle(_table_style(font, accent)))
    lane_note = Paragraph(
        f"Top items{'' if one_lane else ' of each lane'}"
        + (f" (lane “{markup(next(iter(by_lane)))}”)" if one_lane else "")
        + "; items with the same dots share a rank (“1=”).",
        styles["caption"],
    )
    block: list[Flowable] = [intro, lane_note, table]
    # A short ranking stays with its question; a long one may continue on the next page.
    return [KeepTogether(block) if len(rows) <= 20 else block[0], *([] if len(rows) <= 20 else block[1:]),
            Spacer(1, 8)]


def round_rankings(
    rounds: tuple[RoundResult, ...], styles: dict[str, ParagraphStyle], markup: Markup, width: float, font: str,
    accent: colors.Color,
) -> list[Flowable]:
    """Every round's full ranking: rank, item, lane, dots, share."""
    body = styles["body"]
    parts: list[Flowable] = []
    for result in rounds:
        if result.hidden:  # a blind round still being voted: its title and state, no counts
            parts += [Paragraph(f"<b>{markup(result.title[:300])}</b> — {markup(result.how)}", body), Spacer(1, 10)]
            continue
        rows: list[list[Flowable]] = [[
            Paragraph("<b>Rank</b>", body), Paragraph("<b>Item</b>", body), Paragraph("<b>Lane</b>", body),
            Paragraph("<b>Dots</b>", body), Paragraph("<b>Share</b>", body),
        ]]
        for entry in result.entries:
            rows.append([
                Paragraph(entry.rank_text, body), text_paragraph(_words(entry.title), body),
                text_paragraph(entry.lane_title[:300], body), Paragraph(str(entry.dots), body),
                Paragraph(entry.share, body),
            ])
        table = Table(rows, colWidths=[14 * mm, width - 94 * mm, 42 * mm, 16 * mm, 18 * mm], hAlign="LEFT",
                      repeatRows=1)
        table.setStyle(TableStyle(_table_style(font, accent)))
        heading = Paragraph(f"<b>{markup(result.title[:300], bold=True)}</b> — {markup(result.how)}",
                            style_for(result.title[:300], body))
        parts += [KeepTogether([heading, Spacer(1, 4), table]) if len(rows) < 25 else heading, Spacer(1, 10)]
        if len(rows) >= 25:
            parts.insert(len(parts) - 1, table)
    return parts
