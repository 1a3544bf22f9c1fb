"""Vote results in the Markdown and CSV exports: one ranking per round, one column per round."""

from __future__ import annotations

from collections.abc import Callable

from canvasapp.model.voting import CLUSTERS
from canvasapp.ops.summary import WorkshopSummary
from canvasapp.ops.vote_summary import RoundResult, dots_by_item


def vote_markdown(
    rounds: tuple[RoundResult, ...], escape: Callable[[str], str], one_line: Callable[[str], str]
) -> list[str]:
    """"## Vote results": a table per round, ties shown as "1="."""
    if not rounds:
        return []
    lines = ["## Vote results", ""]
    for result in rounds:
        if result.hidden:
            lines += [f"### {escape(one_line(result.title))}", "", f"{result.how[0].upper()}{result.how[1:]}.", ""]
            continue
        lines += [f"### {escape(one_line(result.title))}", "", f"{result.how}. “1=” marks a tie.", ""]
        lines += ["| Rank | Item | Lane | Dots | Share |", "| --- | --- | --- | ---: | ---: |"]
        for entry in result.entries:
            words = escape(one_line(entry.title)).replace("|", "\\|") or "(empty note)"
            lane = escape(one_line(entry.lane_title)).replace("|", "\\|")
            lines.append(f"| {entry.rank_text} | {words} | {lane} | {entry.dots} | {entry.share} |")
        lines.append("")
    return lines


def note_dots(summary: WorkshopSummary, result: RoundResult) -> dict[str, int]:
    """``note id → dots`` of one round. A cluster's dots are given once, on its first note in
    reading order (the row that carries the cluster), so a column's sum is the round's dots."""
    dots = dots_by_item(result)
    if result.target != CLUSTERS:
        return dots
    return {cluster.notes[0].id: dots[cluster.id] for cluster in summary.clusters
            if cluster.id in dots and cluster.notes}


def round_columns(summary: WorkshopSummary) -> list[tuple[str, dict[str, int]]]:
    """``(header, note id → dots)`` per round: ``dots: <round title>`` (see :func:`note_dots`).
    Headers are made unique ("… (2)") so a spreadsheet keeps them apart."""
    columns: list[tuple[str, dict[str, int]]] = []
    seen: dict[str, int] = {}
    for result in summary.rounds:
        header = f"dots: {result.title}"
        seen[header] = seen.get(header, 0) + 1
        if seen[header] > 1:
            header = f"{header} ({seen[header]})"
        columns.append((header, note_dots(summary, result)))
    return columns


def outcome_dots(summary: WorkshopSummary) -> dict[str, int]:
    """The plain ``dots`` column: the dots of the round the summary's outcome leads with."""
    result = summary.outcome
    return {} if result is None else note_dots(summary, result)
