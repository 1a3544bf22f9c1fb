"""What the room sees: the current phase's lanes (or what the facilitator points the room at),
as plain values that the room layout arranges and the room view draws.

The room is not a zoomed copy of the facilitator's board: it gets the same notes, grouped the
way they are grouped on the board (each cluster with its title, then the notes in no cluster),
in reading order, so a view of its own can set them in type large enough for the back of the
room.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from canvasapp.model import Lane, Note, Session
from canvasapp.ops.summary import reading_order_key

#: What the room follows: the agenda (the default), or what the facilitator points it at.
FOLLOW_AGENDA = "agenda"
FOCUS_LANE = "lane"
FOCUS_CLUSTER = "cluster"
FOCUS_NOTES = "notes"


@dataclass(frozen=True, slots=True)
class RoomFocus:
    """What the room shows. ``ids`` names the lane, the cluster or the notes pointed at."""

    kind: str = FOLLOW_AGENDA
    ids: tuple[str, ...] = ()

    @property
    def follows_agenda(self) -> bool:
        return self.kind == FOLLOW_AGENDA


@dataclass(frozen=True, slots=True)
class RoomNote:
    id: str
    text: str
    colour: str
    dots: int = 0


@dataclass(frozen=True, slots=True)
class RoomGroup:
    """A cluster (``title`` set) or the lane's notes in no cluster (``title`` is ``None``)."""

    id: str | None
    title: str | None
    colour: str
    notes: tuple[RoomNote, ...]
    dots: int = 0


@dataclass(frozen=True, slots=True)
class RoomLane:
    id: str
    title: str
    prompt: str
    colour: str
    groups: tuple[RoomGroup, ...]

    @property
    def note_count(self) -> int:
        return sum(len(group.notes) for group in self.groups)


@dataclass(frozen=True, slots=True)
class RoomContent:
    """The heading ("2/8 · Drivers"), the phase's instruction and the lanes to show."""

    heading: str
    instructions: str
    lanes: tuple[RoomLane, ...]


def room_content(session: Session, focus: RoomFocus = RoomFocus(), dots: Mapping[str, int] | None = None) -> RoomContent:
    """What the room sees for ``focus``. ``dots`` (item id → dots) are shown on the notes and
    clusters they belong to; ``None`` shows none (an open blind round, or no round shown)."""
    shown = dots or {}
    heading, instructions, lane_ids = _phase_part(session)
    if focus.kind == FOCUS_LANE:
        lane_ids = tuple(lane_id for lane_id in focus.ids if session.lane(lane_id) is not None)
        return RoomContent(heading, instructions, tuple(_lane(session, session.lane(i), shown) for i in lane_ids))  # type: ignore[arg-type]
    if focus.kind == FOCUS_CLUSTER:
        clusters = [session.cluster(i) for i in focus.ids if session.has_cluster(i)]
        lanes = []
        for cluster in clusters:
            notes = [session.note(i) for i in cluster.note_ids if session.has_note(i)]
            lane = session.lane(notes[0].lane_id) if notes else None
            colour = cluster.colour or (lane.colour if lane is not None else "#FFE45C")
            group = RoomGroup(None, None, colour, tuple(_note(session, n, shown) for n in notes), 0)
            lanes.append(RoomLane(cluster.id, cluster.title, lane.title if lane is not None else "", colour, (group,)))
        return RoomContent(heading, instructions, tuple(lanes))
    if focus.kind == FOCUS_NOTES:
        notes = sorted((session.note(i) for i in focus.ids if session.has_note(i)), key=reading_order_key)
        colour = session.note_colour(notes[0]) if notes else "#FFE45C"
        group = RoomGroup(None, None, colour, tuple(_note(session, n, shown) for n in notes))
        return RoomContent(heading, instructions, (RoomLane("selection", "Selected notes", "", colour, (group,)),))
    return RoomContent(heading, instructions, tuple(_lane(session, session.lane(i), shown) for i in lane_ids))  # type: ignore[arg-type]


def phase_heading(session: Session) -> str:
    """"2/8 · Drivers": the phase and where it is in the agenda (the session's title before
    the first phase starts)."""
    agenda = session.agenda
    phase = agenda.current_phase
    if phase is None:
        return session.title
    return f"{agenda.index(phase.id) + 1}/{len(agenda)} · {phase.title}"


def _phase_part(session: Session) -> tuple[str, str, tuple[str, ...]]:
    """The heading, the instruction and the lanes of the current phase. A phase that names no
    lanes (a welcome, a closing round) shows only its title and instruction; before the first
    phase the room sees the whole board."""
    phase = session.agenda.current_phase
    if phase is None:
        return phase_heading(session), "", tuple(lane.id for lane in session.lanes)
    lane_ids = tuple(lane_id for lane_id in phase.lane_ids if session.lane(lane_id) is not None)
    return phase_heading(session), phase.instructions, lane_ids


def _note(session: Session, note: Note, dots: Mapping[str, int]) -> RoomNote:
    return RoomNote(note.id, note.text, session.note_colour(note), dots.get(note.id, 0))


def _lane(session: Session, lane: Lane, dots: Mapping[str, int]) -> RoomLane:
    notes = sorted(session.notes_in_lane(lane.id), key=reading_order_key)
    in_lane = {note.id for note in notes}
    groups: list[tuple[float, float, RoomGroup]] = []
    clustered: set[str] = set()
    for cluster in session.clusters:
        members = [session.note(i) for i in cluster.note_ids if i in in_lane]
        # A cluster belongs to the lane its first member is in (as in the exports).
        if not members or members[0].lane_id != lane.id:
            continue
        clustered.update(note.id for note in members)
        top = min(reading_order_key(note)[:2] for note in members)
        group = RoomGroup(
            cluster.id, cluster.title, cluster.colour or lane.colour,
            tuple(_note(session, note, dots) for note in members), dots.get(cluster.id, 0),
        )
        groups.append((top[0], top[1], group))
    ordered = [group for _y, _x, group in sorted(groups, key=lambda item: (item[0], item[1]))]
    loose = tuple(_note(session, note, dots) for note in notes if note.id not in clustered)
    if loose:
        ordered.append(RoomGroup(None, None, lane.colour, loose))
    return RoomLane(lane.id, lane.title, lane.prompt, lane.colour, tuple(ordered))

