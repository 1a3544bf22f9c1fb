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


def round_columns(summary: WorkshopSummary) -> list[tuple[str, dict[str, int]]]:
    """``(header, note id → dots)`` per round: ``dots: <round title>``; a cluster round gives each
    note its cluster's dots. Headers are made unique ("… (2)") so a spreadsheet keeps them apart."""
    cluster_of = {note.id: cluster.id for cluster in summary.clusters for note in cluster.notes}
    columns: list[tuple[str, dict[str, int]]] = []
    seen: dict[str, int] = {}
    for result in summary.rounds:
        header = f"dots: {result.title}"
        seen[header] = seen.get(header, 0) + 1
        if seen[header] > 1:
            header = f"{header} ({seen[header]})"
        dots = dots_by_item(result)
        if result.target == CLUSTERS:
            dots = {note_id: dots[cluster_id] for note_id, cluster_id in cluster_of.items() if cluster_id in dots}
        columns.append((header, dots))
    return columns


def outcome_dots(summary: WorkshopSummary) -> dict[str, int]:
    """The plain ``dots`` column: each note's dots in the last closed round on notes."""
    result = summary.outcome
    if result is None or result.target == CLUSTERS:
        return {}
    return dots_by_item(result)
