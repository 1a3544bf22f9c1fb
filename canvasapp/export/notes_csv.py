"""The notes of a session as CSV, for spreadsheets and for ``canvasapp import``.

Columns: ``lane, text, cluster, colour, dots, created, action_owner, action_due, action_status``. UTF-8 with a byte order mark, because
spreadsheet programs otherwise guess a legacy encoding and mangle accents, Greek and Cyrillic.
``colour`` is the note's own colour, empty while it follows its lane's, so that importing the
file again gives the same notes. ``cluster`` is the title of the note's cluster (importing the
file makes the clusters again: same title in the same lane, same cluster). ``dots`` holds the
note's dots in the round the outcome leads with (a cluster round's dots once per cluster, on its
first note), and after the fixed columns comes one column per
vote round, ``dots: <round title>`` (import ignores them).
The ``action_*`` columns are filled for notes that became follow-up actions (status ``open`` or
``done``, due date as ``YYYY-MM-DD``) and empty for the rest.

Every text cell that a spreadsheet would evaluate as a formula starts with an apostrophe
(:mod:`canvasapp.ops.csv_cells`); ``canvasapp import`` takes it off again.
"""

from __future__ import annotations

import csv
import io

from canvasapp.export.vote_tables import outcome_dots, round_columns
from canvasapp.ops.csv_cells import defuse
from canvasapp.ops.progress import Progress, reporter
from canvasapp.ops.summary import LaneEntry, WorkshopSummary

COLUMNS = ("lane", "text", "cluster", "colour", "dots", "created", "action_owner", "action_due", "action_status")


def notes_csv(summary: WorkshopSummary, progress: Progress | None = None) -> bytes:
    """Every note, lane by lane in reading order, as CSV bytes (UTF-8 with BOM); ``progress``
    hears how far it is and may cancel it."""
    steps = reporter(progress, len(summary.notes))
    out = io.StringIO(newline="")
    writer = csv.writer(out)
    rounds = round_columns(summary)
    writer.writerow((*COLUMNS, *(defuse(header) for header, _dots in rounds)))
    outcome = outcome_dots(summary)
    names = _lane_names(summary.lanes)
    actions = {action.note_id: action for action in summary.actions}
    themes = {note.id: cluster.title for cluster in summary.clusters for note in cluster.notes}
    for lane in summary.lanes:
        name = names.get(lane.id, "")
        for note in lane.notes:
            steps.step()
            action = actions.get(note.id)
            writer.writerow((
                defuse(name),
                defuse(note.text),
                defuse(themes.get(note.id, "")),
                note.own_colour or "",
                outcome.get(note.id, ""),
                note.created.isoformat(timespec="milliseconds"),
                defuse(action.owner) if action else "",
                action.due.isoformat() if action and action.due else "",
                action.status if action else "",
                *(dots.get(note.id, "") for _header, dots in rounds),
            ))
    return out.getvalue().encode("utf-8-sig")


def _lane_names(lanes: tuple[LaneEntry, ...]) -> dict[str | None, str]:
    """A lane's title for people; its id where two lanes share a title, so import finds it."""
    real = [lane for lane in lanes if lane.id is not None]
    titles = [lane.title.strip().casefold() for lane in real]
    return {
        lane.id: lane.title if titles.count(lane.title.strip().casefold()) == 1 else str(lane.id)
        for lane in real
    }
