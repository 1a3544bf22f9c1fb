"""Bring a session shown read-only up to date with the same session as stored now.

The shown session changes only where the stored one differs, through the model's own methods,
so the board moves, adds and removes just those items and keeps its scroll, zoom and selection.
Votes and the agenda have no such fine-grained catch-up: when they differ the caller reopens the
session (keeping the view) instead.
"""

from __future__ import annotations

from canvasapp.model import Lane, Note, NotePlacement, Session


def catch_up(shown: Session, stored: Session) -> bool:
    """Make ``shown`` equal ``stored`` in place, as one edit; ``False`` when only reopening can
    (the votes or the agenda differ), in which case ``shown`` is left as it was."""
    if not _same_voting_and_agenda(shown, stored):
        return False
    with shown.edit():
        _catch_up_lanes(shown, stored)
        _catch_up_notes(shown, stored)
        if shown.clusters != stored.clusters:
            shown.replace_clusters(stored.clusters)
        _remove_lanes(shown, stored)
        if shown.details != stored.details:
            shown.set_details(stored.details)
        if shown.title != stored.title:
            shown.set_title(stored.title)
    return True


def _same_voting_and_agenda(shown: Session, stored: Session) -> bool:
    ours, theirs = shown.voting, stored.voting
    if ours.participants != theirs.participants or ours.rounds != theirs.rounds:
        return False
    if any(sorted(ours.votes(r.id), key=repr) != sorted(theirs.votes(r.id), key=repr) for r in ours.rounds):
        return False
    return (
        shown.agenda.phases == stored.agenda.phases and shown.agenda.current_phase_id == stored.agenda.current_phase_id
    )


def _catch_up_lanes(shown: Session, stored: Session) -> None:
    """New lanes and changed ones first (notes may go into them); removals come last."""
    for index, lane in enumerate(stored.lanes):
        current = shown.lane(lane.id)
        if current is None:
            shown.add_lane(Lane(lane.id, lane.title, lane.prompt, lane.colour, lane.order, lane.width), index)
            continue
        if (current.title, current.prompt, current.colour, current.width) != (
            lane.title, lane.prompt, lane.colour, lane.width
        ):
            shown.update_lane(lane.id, title=lane.title, prompt=lane.prompt, colour=lane.colour, width=lane.width)
        if shown.lane_index(lane.id) != index:
            shown.move_lane(lane.id, index)


def _remove_lanes(shown: Session, stored: Session) -> None:
    wanted = {lane.id for lane in stored.lanes}
    for lane in shown.lanes:
        if lane.id not in wanted:
            shown.remove_lane(lane.id)


def _catch_up_notes(shown: Session, stored: Session) -> None:
    added: list[Note] = []
    placements: dict[str, NotePlacement] = {}
    sizes: dict[str, tuple[float, float]] = {}
    colours: dict[str, str | None] = {}
    actions = {}
    texts: dict[str, str] = {}
    for note in stored.notes:
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
    removed = [note.id for note in shown.notes if not stored.has_note(note.id)]
    if removed:
        shown.remove_notes(removed)
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
