"""Bring a session shown read-only up to date with what its writer has saved since.

What is read back is a :class:`SavedState`: the notes written since the revision the window has
(each note row carries the revision of the edit that last wrote it), the ids of every note (so
deleted ones go), and the small parts of a session whole (lanes, clusters, votes, agenda,
details). The shown session changes only where they differ, through the model's own methods, so
the board moves, adds and removes just those items and keeps its scroll, zoom and selection.
Votes and the agenda have no such fine-grained catch-up: when they differ the caller reopens the
session (keeping the view) instead.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from canvasapp.model import (
    Cluster,
    Lane,
    Note,
    NotePlacement,
    Participant,
    Phase,
    Session,
    SessionDetails,
    Vote,
    VoteRound,
)
from canvasapp.model.follow_up import FollowUp


@dataclass(frozen=True)
class SavedState:
    """A session as saved now, with only the notes written after a given revision."""

    title: str
    lanes: list[Lane]
    written_notes: list[Note]
    """The notes written (added or changed) after the revision asked about."""
    note_ids: frozenset[str] | None
    """Every note the session has now; ``None`` when none of the notes shown was deleted."""
    clusters: list[Cluster]
    details: SessionDetails
    phases: list[Phase]
    current_phase_id: str | None
    participants: list[Participant]
    rounds: list[VoteRound]
    votes: list[Vote]

    @classmethod
    def of(cls, session: Session) -> SavedState:
        """A whole session as a saved state (every note written)."""
        voting = session.voting
        return cls(
            title=session.title, lanes=session.lanes, written_notes=session.notes,
            note_ids=frozenset(note.id for note in session.notes), clusters=session.clusters,
            details=session.details, phases=session.agenda.phases, current_phase_id=session.agenda.current_phase_id,
            participants=voting.participants, rounds=voting.rounds,
            votes=[vote for round_ in voting.rounds for vote in voting.votes(round_.id)],
        )


def catch_up(shown: Session, saved: SavedState) -> bool:
    """Make ``shown`` what was saved, in place, as one edit; ``False`` when only reopening can
    (the votes or the agenda differ), in which case ``shown`` is left as it was."""
    if not _same_voting_and_agenda(shown, saved):
        return False
    with shown.edit():
        _catch_up_lanes(shown, saved.lanes)
        _catch_up_notes(shown, saved.written_notes, saved.note_ids)
        if shown.clusters != saved.clusters:
            shown.replace_clusters(saved.clusters)
        _remove_lanes(shown, saved.lanes)
        if shown.details != saved.details:
            shown.set_details(saved.details)
        if shown.title != saved.title:
            shown.set_title(saved.title)
    return True


def _same_voting_and_agenda(shown: Session, saved: SavedState) -> bool:
    voting = shown.voting
    if voting.participants != sorted(saved.participants, key=lambda p: p.order):
        return False
    if voting.rounds != sorted(saved.rounds, key=lambda r: r.order):
        return False
    ours = {vote for round_ in voting.rounds for vote in voting.votes(round_.id)}
    if ours != {vote for vote in saved.votes if vote.dots > 0}:
        return False
    agenda = shown.agenda
    return agenda.phases == sorted(saved.phases, key=lambda p: p.order) and agenda.current_phase_id == (
        saved.current_phase_id if any(p.id == saved.current_phase_id for p in saved.phases) else None
    )


def _catch_up_lanes(shown: Session, lanes: list[Lane]) -> None:
    """New lanes and changed ones first (notes may go into them); removals come last."""
    for index, lane in enumerate(lanes):
        current = shown.lane(lane.id)
        if current is None:
            shown.add_lane(lane.copy(), index)
            continue
        if (current.title, current.prompt, current.colour, current.width) != (
            lane.title, lane.prompt, lane.colour, lane.width
        ):
            shown.update_lane(lane.id, title=lane.title, prompt=lane.prompt, colour=lane.colour, width=lane.width)
        if shown.lane_index(lane.id) != index:
            shown.move_lane(lane.id, index)


def _remove_lanes(shown: Session, lanes: list[Lane]) -> None:
    wanted = {lane.id for lane in lanes}
    for lane in shown.lanes:
        if lane.id not in wanted:
            shown.remove_lane(lane.id)


def _catch_up_notes(shown: Session, written: Iterable[Note], note_ids: frozenset[str] | None) -> None:
    # Deleted notes: in the window but no longer saved. A set lookup per note shown, no more.
    removed = [] if note_ids is None else [note.id for note in shown.notes if note.id not in note_ids]
    if removed:
        shown.remove_notes(removed)
    added: list[Note] = []
    placements: dict[str, NotePlacement] = {}
    sizes: dict[str, tuple[float, float]] = {}
    colours: dict[str, str | None] = {}
    actions: dict[str, FollowUp | None] = {}
    texts: dict[str, str] = {}
    for note in written:
        if not shown.has_note(note.id):
            added.append(note.copy())
            continue
        current = shown.note(note.id)
        if (current.x, current.y, current.lane_id) != (note.x, note.y, note.lane_id):
            placements[note.id] = note.placement
        if (current.width, current.height) != (note.width, note.height):
            sizes[note.id] = (note.width, note.height)
        if current.colour != note.colour:
            colours[note.id] = note.colour
        if current.action != note.action:
            actions[note.id] = note.action
        if current.text != note.text:
            texts[note.id] = note.text
    if added:
        shown.add_notes(added)
    if placements:
        shown.move_notes(placements)
    if sizes:
        shown.resize_notes(sizes)
    if colours:
        shown.set_note_colours(colours)
    if actions:
        shown.set_note_actions(actions)
    for note_id, text in texts.items():
        shown.set_note_text(note_id, text)
