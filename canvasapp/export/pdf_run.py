"""The PDF parts about how the workshop ran: the next steps (actions with owners and dates)
for the outcome section, and the agenda as run. :class:`~canvasapp.export.pdf.SummaryPdf` calls
these; user text goes through ``markup`` like everywhere else in the PDF."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer, Table, TableStyle

from canvasapp.export.pdf_text import style_for, text_paragraph
from canvasapp.ops.run_summary import ActionEntry, AgendaEntry


def _table_style(font: str, accent: colors.Color) -> list[tuple[Any, ...]]:
    return [
        ("FONTNAME", (0, 0), (-1, -1), font),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LINEBELOW", (0, 0), (-1, 0), 0.8, accent),
        ("LINEBELOW", (0, 1), (-1, -1), 0.3, colors.HexColor("#CCCCCC")),
        ("TOPPADDING", (0, 0), (-1, -1), 4),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
        ("LEFTPADDING", (0, 0), (-1, -1), 4),
    ]


def next_steps(
    actions: tuple[ActionEntry, ...],
    styles: dict[str, ParagraphStyle],
    markup: Callable[[str], str],
    width: float,
    font: str,
    accent: colors.Color,
) -> list[Flowable]:
    """A table of the actions: what, who, by when, done or open. Nothing when there are none."""
    if not actions:
        return []
    body = styles["body"]
    rows: list[list[Flowable]] = [[
        Paragraph("<b>Next step</b>", body), Paragraph("<b>Owner</b>", body),
        Paragraph("<b>Due</b>", body), Paragraph("<b>Status</b>", body),
    ]]
    for action in actions:
        source = f" ({action.lane_title} {action.note_number})" if action.lane_title else ""
        text = (action.text.strip() or "(empty note)")[:1500]
        rows.append([
            Paragraph(markup(text) + f'<font color="#666666">{markup(source)}</font>', style_for(text + source, body)),
            text_paragraph(action.owner.strip(), body) if action.owner.strip() else Paragraph("—", body),
            Paragraph(_long_date(action) if action.due else "—", body),
            Paragraph("Done" if action.status == "done" else "Open", body),
        ])
    table = Table(rows, colWidths=[width - 96 * mm, 40 * mm, 34 * mm, 22 * mm], hAlign="LEFT", repeatRows=1)
    table.setStyle(TableStyle(_table_style(font, accent)))
    return [Spacer(1, 10), Paragraph("<b>Next steps</b>", styles["body"]), Spacer(1, 4), table]


def agenda_as_run(
    agenda: tuple[AgendaEntry, ...],
    styles: dict[str, ParagraphStyle],
    markup: Callable[[str], str],
    width: float,
    font: str,
    accent: colors.Color,
) -> list[Flowable]:
    """Each phase with its planned and its actual minutes (rows a phase overran are marked)."""
    if not agenda:
        return []
    body = styles["body"]
    rows: list[list[Flowable]] = [[
        Paragraph("<b>#</b>", body), Paragraph("<b>Phase</b>", body), Paragraph("<b>Kind</b>", body),
        Paragraph("<b>Planned</b>", body), Paragraph("<b>Ran</b>", body),
    ]]
    style = _table_style(font, accent)
    for number, entry in enumerate(agenda, start=1):
        ran = minutes_text(entry.used_seconds) if entry.ran else "not timed"
        rows.append([
            Paragraph(f"{number}", body), text_paragraph(entry.title, body), text_paragraph(entry.kind, body),
            Paragraph(f"{entry.planned_minutes} min", body), Paragraph(ran, body),
        ])
        if entry.used_seconds > entry.planned_minutes * 60 + 30:
            style.append(("BACKGROUND", (4, number), (4, number), colors.HexColor("#FFE1E1")))
    planned = sum(entry.planned_minutes for entry in agenda)
    used = sum(entry.used_seconds for entry in agenda)
    rows.append([Paragraph("", body), Paragraph("<b>Total</b>", body), Paragraph("", body),
                 Paragraph(f"<b>{planned} min</b>", body), Paragraph(f"<b>{minutes_text(used)}</b>", body)])
    table = Table(rows, colWidths=[10 * mm, width - 94 * mm, 26 * mm, 24 * mm, 34 * mm], hAlign="LEFT", repeatRows=1)
    table.setStyle(TableStyle(style))
    return [table]


def minutes_text(seconds: float) -> str:
    """``"12 min 05 s"``: what a facilitator reads off a stopwatch."""
    whole = round(seconds)
    return f"{whole // 60} min {whole % 60:02d} s"


def _long_date(action: ActionEntry) -> str:
    day = action.due
    assert day is not None
    return f"{day.day} {day.strftime('%b')} {day.year}"
