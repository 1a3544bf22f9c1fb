"""The PDF's vote results: the outcome's top items per lane, and every round's ranking.

Helpers for :class:`~canvasapp.export.pdf.SummaryPdf`, kept apart so pdf.py stays its layout.
Every user string goes through ``markup`` (escaped) before it reaches a Paragraph.
"""

from __future__ import annotations

from collections.abc import Callable

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer, Table, TableStyle

from canvasapp.export.pdf_run import _table_style
from canvasapp.ops.vote_summary import RoundResult, top_per_lane

Markup = Callable[[str], str]
_MOST = 1500


def _words(text: str) -> str:
    return (text.strip() or "(empty note)")[:_MOST]


def outcome_votes(
    result: RoundResult, styles: dict[str, ParagraphStyle], markup: Markup, width: float, font: str,
    accent: colors.Color,
) -> list[Flowable]:
    """The top-ranked items per lane of the last closed round, with their dots."""
    body = styles["body"]
    parts: list[Flowable] = [Paragraph(
        f"What the room chose in the dot vote <b>“{markup(result.title)}”</b> ({markup(result.how)}): "
        "the top items of each lane. Items with the same dots share a rank (“1=”).", body,
    ), Spacer(1, 6)]
    rows: list[list[Flowable]] = [[
        Paragraph("<b>Lane</b>", body), Paragraph("<b>Rank</b>", body),
        Paragraph("<b>Item</b>", body), Paragraph("<b>Dots</b>", body),
    ]]
    for lane, entries in top_per_lane(result).items():
        for position, entry in enumerate(entries):
            rows.append([
                Paragraph(markup(lane[:300]) if position == 0 else "", body),
                Paragraph(entry.rank_text, body),
                Paragraph(markup(_words(entry.title)), body),
                Paragraph(f"<b>{entry.dots}</b>", body),
            ])
    table = Table(rows, colWidths=[38 * mm, 14 * mm, width - 68 * mm, 16 * mm], hAlign="LEFT", repeatRows=1)
    table.setStyle(TableStyle(_table_style(font, accent)))
    return [*parts, table, Spacer(1, 10)]


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
                Paragraph(entry.rank_text, body), Paragraph(markup(_words(entry.title)), body),
                Paragraph(markup(entry.lane_title[:300]), body), Paragraph(str(entry.dots), body),
                Paragraph(entry.share, body),
            ])
        table = Table(rows, colWidths=[14 * mm, width - 94 * mm, 42 * mm, 16 * mm, 18 * mm], hAlign="LEFT",
                      repeatRows=1)
        table.setStyle(TableStyle(_table_style(font, accent)))
        heading = Paragraph(f"<b>{markup(result.title[:300])}</b> — {markup(result.how)}", body)
        parts += [KeepTogether([heading, Spacer(1, 4), table]) if len(rows) < 25 else heading, Spacer(1, 10)]
        if len(rows) >= 25:
            parts.insert(len(parts) - 1, table)
    return parts
