"""A plain summary of a session: what every export (PDF, Markdown, CSV) reads.

Exports read this instead of the live :class:`~canvasapp.model.Session`, so the order of
lanes and notes and the numbering readers refer to ("Blockers 3") are decided once, here.
As clusters, votes and actions arrive in the model, they are added to this object.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from canvasapp.model import Note, Session
from canvasapp.ops.board_entries import LaneEntry as LaneEntry  # re-exported: exports import it from here
from canvasapp.ops.board_entries import NoteEntry as NoteEntry
from canvasapp.ops.cluster_summary import ClusterEntry, cluster_entries
from canvasapp.ops.layout import PICTURE_LANE_HEIGHT, Rect, lane_rects
from canvasapp.ops.run_summary import ActionEntry, AgendaEntry, action_entries, agenda_entries
from canvasapp.ops.vote_summary import RoundResult, outcome_rounds, round_results

#: The title of the group of notes that sit outside every lane.
OUTSIDE_LANES_TITLE = "Outside the lanes"


@dataclass(frozen=True, slots=True)
class WorkshopDetails:
    """The title block's facts; ``None`` leaves the line out of the summary."""

    date: date | None = None
    place: str | None = None
    facilitator: str | None = None
    participants: int | None = None
    purpose: str | None = None


def details_of(session: Session, overrides: WorkshopDetails | None = None) -> WorkshopDetails:
    """The session's stored details, each replaced by the override's when that one is given
    (the command line's ``--date``, ``--place``, ... win over what the session says)."""
    stored = session.details
    given = overrides or WorkshopDetails()
    return WorkshopDetails(
        date=given.date or stored.date,
        place=given.place or stored.place or None,
        facilitator=given.facilitator or stored.facilitator or None,
        participants=given.participants if given.participants is not None else stored.participants,
        purpose=given.purpose or stored.purpose or None,
    )


@dataclass(frozen=True, slots=True)
class WorkshopSummary:
    """Everything an export shows about one session, in the order it is shown."""

    title: str
    date: date
    details: WorkshopDetails
    template_id: str | None
    template_name: str | None
    lanes: tuple[LaneEntry, ...]
    board: Rect
    """The area of the board that holds every lane and note."""
    created: datetime
    updated: datetime
    votes_held: bool = False
    """Whether any round has dots; without one the outcome section says no vote was held."""
    notes: tuple[NoteEntry, ...] = field(default=())
    agenda: tuple[AgendaEntry, ...] = field(default=())
    """The session's phases, planned and as run."""
    actions: tuple[ActionEntry, ...] = field(default=())
    """The next steps: notes that became actions, open ones first."""
    clusters: tuple[ClusterEntry, ...] = field(default=())
    """The themes, lane by lane (see ``canvasapp.ops.cluster_summary``)."""
    rounds: tuple[RoundResult, ...] = field(default=())
    """Every vote round with dots, ranked (see ``canvasapp.ops.vote_summary``)."""
    outcomes: tuple[RoundResult, ...] = field(default=())
    """The closed rounds kept in the outcome, decisions first (see ``outcome_rounds``)."""

    @property
    def outcome(self) -> RoundResult | None:
        """The round the outcome leads with (the CSV's ``dots`` column follows it)."""
        return self.outcomes[0] if self.outcomes else None

    @property
    def note_count(self) -> int:
        return sum(len(lane.notes) for lane in self.lanes)


def reading_order_key(note: Note) -> tuple[float, float, datetime, str]:
    """Top to bottom, then left to right, as people read a wall of sticky notes."""
    return (note.y, note.x, note.created, note.id)


def build_summary(
    session: Session,
    details: WorkshopDetails | None = None,
    template_name: str | None = None,
) -> WorkshopSummary:
    """The summary of ``session``; every note appears exactly once. ``details`` override the
    session's own (see :func:`details_of`)."""
    details = details_of(session, details)
    lanes = session.lanes
    notes = session.notes
    # Trimmed to the notes: an empty metre of lane would print as a blank "(continued)" page.
    rects = lane_rects(lanes, notes, min_height=PICTURE_LANE_HEIGHT)

    by_lane: dict[str | None, list[Note]] = {lane.id: [] for lane in lanes}
    outside: list[Note] = []
    for note in notes:
        bucket = by_lane.get(note.lane_id) if note.lane_id is not None else None
        (bucket if bucket is not None else outside).append(note)

    def entries(group: list[Note]) -> tuple[NoteEntry, ...]:
        return tuple(
            NoteEntry(
                id=note.id,
                number=number,
                text=note.text,
                colour=session.note_colour(note),
                own_colour=note.colour,
                rect=Rect(note.x, note.y, note.width, note.height),
                created=note.created,
            )
            for number, note in enumerate(sorted(group, key=reading_order_key), start=1)
        )

    lane_entries = [
        LaneEntry(lane.id, lane.title, lane.prompt, lane.colour, rects[lane.id], entries(by_lane[lane.id]))
        for lane in lanes
    ]
    if outside:
        lane_entries.append(LaneEntry(None, OUTSIDE_LANES_TITLE, "", "#FFE45C", None, entries(outside)))

    rounds = round_results(session)
    return WorkshopSummary(
        title=session.title,
        date=details.date or session.created.astimezone().date(),
        details=details,
        template_id=session.template_id,
        template_name=template_name,
        lanes=tuple(lane_entries),
        board=_board_bounds(list(rects.values()), notes),
        created=session.created,
        updated=session.updated,
        notes=tuple(note for lane in lane_entries for note in lane.notes),
        agenda=agenda_entries(session),
        actions=action_entries(
            session, {note.id: (lane.title, note.number) for lane in lane_entries for note in lane.notes}
        ),
        clusters=cluster_entries(session, lane_entries),
        votes_held=bool(rounds),
        rounds=rounds,
        outcomes=outcome_rounds(rounds),
    )


def _board_bounds(rects: list[Rect], notes: list[Note]) -> Rect:
    boxes = rects + [Rect(note.x, note.y, note.width, note.height) for note in notes]
    if not boxes:
        return Rect(0.0, 0.0, 1.0, 1.0)
    left = min(box.x for box in boxes)
    top = min(box.y for box in boxes)
    right = max(box.right for box in boxes)
    bottom = max(box.bottom for box in boxes)
    return Rect(left, top, max(right - left, 1.0), max(bottom - top, 1.0))
