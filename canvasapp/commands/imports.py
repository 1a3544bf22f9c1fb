"""An import into the open session as one undo step: its new lanes, notes and clusters."""

from __future__ import annotations

from collections.abc import Sequence

from canvasapp.commands.base import Command, Compound, plural
from canvasapp.commands.clusters import ChangeClusters, snapshot
from canvasapp.commands.lanes import AddLane
from canvasapp.commands.notes import AddNotes
from canvasapp.model import Cluster, Lane, Note, Session


def import_command(session: Session, lanes: Sequence[Lane], notes: Sequence[Note], clusters: Sequence[Cluster]) -> Command:
    """"Import 12 Notes": lanes added at the end (in order), then the notes, then the clusters,
    so one undo takes all of it back. ``notes`` are already placed (see ``Additions``)."""
    parts: list[Command] = [AddLane(lane) for lane in lanes]
    parts.append(AddNotes(notes, verb="Import"))
    if clusters:
        before = snapshot(session)
        parts.append(ChangeClusters("Add Clusters", before, before + list(clusters)))
    return Compound(f"Import {plural(len(notes), 'Note')}", parts)
