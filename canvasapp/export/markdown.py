"""The notes of a session as Markdown: the next steps, a heading per lane with a bullet per
note, and the agenda as run.

Note text is escaped so that what people wrote shows as written: ``*``, ``_``, ``#``, ``<``,
backticks, brackets and friends become literal characters, never emphasis, headings, HTML or
links. A note of several lines stays one bullet, its later lines indented under it.
"""

from __future__ import annotations

import re

from canvasapp.export.vote_tables import vote_markdown
from canvasapp.ops.cluster_summary import clusters_in, unclustered
from canvasapp.ops.run_summary import ActionEntry, AgendaEntry
from canvasapp.ops.summary import WorkshopSummary

# Characters CommonMark lets a backslash escape and that would otherwise start markup.
# Escaping every "." or "-" would litter ordinary sentences with backslashes; they only
# matter at the start of a line ("1." or "-" start a list), so those are handled there.
_INLINE = re.compile(r"([\\`*_{}\[\]<>#!|~&])")
_LIST_START = re.compile(r"^(\s*)(\d+)([.)])")


def escape_markdown(text: str) -> str:
    """One line of user text, with every character that could start markup escaped."""
    escaped = _INLINE.sub(r"\\\1", text)
    escaped = _LIST_START.sub(r"\1\2\\\3", escaped)
    if escaped[:1] in {"-", "+", "=", ">"}:
        escaped = "\\" + escaped
    return escaped


def notes_markdown(summary: WorkshopSummary) -> str:
    """The whole session as a Markdown document."""
    lines = [f"# {escape_markdown(_one_line(summary.title))}", ""]
    facts = [f"Date: {summary.date.isoformat()}"]
    details = summary.details
    if details.place:
        facts.append(f"Place: {escape_markdown(_one_line(details.place))}")
    if details.facilitator:
        facts.append(f"Facilitator: {escape_markdown(_one_line(details.facilitator))}")
    if details.participants is not None:
        facts.append(f"Participants: {details.participants}")
    if summary.template_name or summary.template_id:
        facts.append(f"Template: {escape_markdown(summary.template_name or summary.template_id or '')}")
    facts.append(f"Notes: {summary.note_count}")
    if details.purpose:
        facts.insert(0, f"Purpose: {escape_markdown(_one_line(details.purpose))}")
    lines.extend(f"- {fact}" for fact in facts)
    lines.append("")
    if summary.actions:
        lines += ["## Next steps", ""]
        lines += [_action_line(action) for action in summary.actions]
        lines.append("")
    lines += vote_markdown(summary.rounds, escape_markdown, _one_line)
    for lane in summary.lanes:
        lines.append(f"## {escape_markdown(_one_line(lane.title))} ({len(lane.notes)})")
        lines.append("")
        if lane.prompt.strip():
            lines.append(f"*{escape_markdown(_one_line(lane.prompt))}*")
            lines.append("")
        if not lane.notes:
            lines.append("No notes in this lane.")
        themes = clusters_in(summary.clusters, lane)
        # A heading per cluster, then the lane's other notes (all of them, if it has none).
        for cluster in themes:
            lines += [f"### {escape_markdown(_one_line(cluster.title)) or 'Untitled'} ({cluster.count})", ""]
            lines += [_bullet(note.text) for note in cluster.notes]
            lines.append("")
        rest = unclustered(summary.clusters, lane)
        if themes and rest:
            lines += ["### Not in a cluster", ""]
        for note in rest:
            lines.append(_bullet(note.text))
        lines.append("")
    if summary.agenda:
        lines += ["## Agenda as run", ""]
        lines += [_agenda_line(number, entry) for number, entry in enumerate(summary.agenda, start=1)]
        lines.append("")
    return "\n".join(lines).rstrip("\n") + "\n"


def _action_line(action: ActionEntry) -> str:
    """``- [ ] Text — Owner, due 2025-06-01``: a task list item GitHub and editors tick."""
    box = "[x]" if action.status == "done" else "[ ]"
    text = escape_markdown(_one_line(action.text)) or "*(empty note)*"
    who = [escape_markdown(_one_line(action.owner)) if action.owner.strip() else "no owner yet"]
    if action.due is not None:
        who.append(f"due {action.due.isoformat()}")
    return f"- {box} {text} — {', '.join(who)}"


def _agenda_line(number: int, entry: AgendaEntry) -> str:
    used = f"ran {_minutes(entry.used_seconds)}" if entry.ran else "not timed"
    return f"{number}. {escape_markdown(_one_line(entry.title))} ({entry.kind}): planned {entry.planned_minutes} min, {used}"


def _minutes(seconds: float) -> str:
    whole = round(seconds)
    return f"{whole // 60} min {whole % 60:02d} s"


def _bullet(text: str) -> str:
    note_lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    # Blank lines inside a note would end the list item; a lone backslash keeps the break.
    # Leading spaces are dropped: four of them would turn the line into a code block.
    rendered = [escape_markdown(line.strip()) if line.strip() else "" for line in note_lines]
    while rendered and not rendered[-1]:
        rendered.pop()
    if not rendered:
        return "- *(empty note)*"
    first, *rest = rendered
    # Two trailing spaces make a hard line break; the indent keeps the lines in the bullet.
    out = [f"- {first}"]
    for line in rest:
        # A backslash at a line's end is itself a hard break (used for blank lines).
        if not out[-1].endswith("\\"):
            out[-1] += "  "
        out.append(f"  {line}" if line else "  \\")
    return "\n".join(out)


def _one_line(text: str) -> str:
    return " ".join(text.split())
