"""Commands on lanes: add, rename, recolour, reorder, resize, remove.

A lane that moves or changes width moves the lanes to its right, and every note keeps to its
lane (``ops.lanes.follow_lanes``) in the same command, so one undo puts lanes and notes back.
"""

from __future__ import annotations

from abc import abstractmethod

from canvasapp.commands.base import Command, plural
from canvasapp.model import Cluster, Lane, Note, NotePlacement, Session
from canvasapp.ops.lanes import follow_lanes


class _LaneLayoutCommand(Command):
    """Changes lanes and moves the notes with them; revert undoes both in one edit."""

    def __init__(self) -> None:
        self._moved_from: dict[str, NotePlacement] = {}

    @abstractmethod
    def _change(self, session: Session) -> None: ...

    @abstractmethod
    def _unchange(self, session: Session) -> None: ...

    def apply(self, session: Session) -> None:
        before = [lane.copy() for lane in session.lanes]
        with session.edit():
            self._change(session)
            moves = follow_lanes(before, session.lanes, session.notes)
            self._moved_from = session.placements(moves)
            if moves:
                session.move_notes(moves)

    def revert(self, session: Session) -> None:
        with session.edit():
            self._unchange(session)
            if self._moved_from:
                session.move_notes(self._moved_from)


class AddLane(_LaneLayoutCommand):
    def __init__(self, lane: Lane, index: int | None = None) -> None:
        super().__init__()
        self._lane = lane.copy()
        self._index = index

    @property
    def text(self) -> str:
        return f"Add Lane “{self._lane.title}”"

    def _change(self, session: Session) -> None:
        session.add_lane(self._lane.copy(), self._index)

    def _unchange(self, session: Session) -> None:
        session.remove_lane(self._lane.id)


class RemoveLane(_LaneLayoutCommand):
    """Remove a lane with its notes; undo puts the lane back in its place and its notes too."""

    def __init__(self, lane_id: str, title: str = "", note_count: int = 0) -> None:
        super().__init__()
        self._lane_id = lane_id
        self._lane: Lane | None = None
        self._index = 0
        self._notes: list[Note] = []
        self._clusters: list[Cluster] = []
        self._title = title
        self._count = note_count

    @classmethod
    def of(cls, session: Session, lane_id: str) -> RemoveLane:
        lane = session.lane(lane_id)
        return cls(lane_id, lane.title if lane else lane_id, len(session.notes_in_lane(lane_id)))

    @property
    def text(self) -> str:
        if self._count:
            return f"Delete Lane “{self._title}” and {plural(self._count, 'Note')}"
        return f"Delete Lane “{self._title}”"

    def _change(self, session: Session) -> None:
        notes = session.notes_in_lane(self._lane_id)
        self._notes = [note.copy() for note in notes]
        self._clusters = [cluster.copy() for cluster in session.clusters]
        if notes:
            session.remove_notes(note.id for note in notes)
        lane, self._index = session.remove_lane(self._lane_id)
        self._lane = lane.copy()

    def _unchange(self, session: Session) -> None:
        assert self._lane is not None
        session.add_lane(self._lane.copy(), self._index)
        if self._notes:
            session.add_notes(note.copy() for note in self._notes)
            session.replace_clusters(self._clusters)  # the lane's notes back in their clusters


class RenameLane(Command):
    def __init__(self, lane_id: str, old: tuple[str, str], new: tuple[str, str]) -> None:
        self._lane_id = lane_id
        self._old = old
        self._new = new

    @classmethod
    def to(cls, session: Session, lane_id: str, title: str, prompt: str | None = None) -> RenameLane:
        lane = session.lane(lane_id)
        assert lane is not None
        return cls(lane_id, (lane.title, lane.prompt), (title.strip(), lane.prompt if prompt is None else prompt))

    @property
    def text(self) -> str:
        return f"Rename Lane “{self._new[0]}”"

    def apply(self, session: Session) -> None:
        session.update_lane(self._lane_id, title=self._new[0], prompt=self._new[1])

    def revert(self, session: Session) -> None:
        session.update_lane(self._lane_id, title=self._old[0], prompt=self._old[1])


class SetLaneColour(Command):
    """Recolour a lane; its notes without a colour of their own follow it."""

    def __init__(self, lane_id: str, old: str, new: str, title: str = "") -> None:
        self._lane_id = lane_id
        self._old = old
        self._new = new
        self._title = title

    @classmethod
    def to(cls, session: Session, lane_id: str, colour: str) -> SetLaneColour:
        lane = session.lane(lane_id)
        assert lane is not None
        return cls(lane_id, lane.colour, colour, lane.title)

    @property
    def text(self) -> str:
        return f"Colour Lane “{self._title}”"

    def apply(self, session: Session) -> None:
        session.update_lane(self._lane_id, colour=self._new)

    def revert(self, session: Session) -> None:
        session.update_lane(self._lane_id, colour=self._old)


class MoveLane(_LaneLayoutCommand):
    """Move a lane left (negative ``steps``) or right; its notes go with it."""

    def __init__(self, lane_id: str, old_index: int, new_index: int, title: str = "") -> None:
        super().__init__()
        self._lane_id = lane_id
        self._old_index = old_index
        self._new_index = new_index
        self._title = title

    @classmethod
    def by(cls, session: Session, lane_id: str, steps: int) -> MoveLane:
        index = session.lane_index(lane_id)
        target = max(0, min(index + steps, len(session.lanes) - 1))
        lane = session.lane(lane_id)
        return cls(lane_id, index, target, lane.title if lane else "")

    @property
    def changes_anything(self) -> bool:
        return self._old_index != self._new_index

    @property
    def text(self) -> str:
        side = "Left" if self._new_index < self._old_index else "Right"
        return f"Move Lane “{self._title}” {side}"

    def _change(self, session: Session) -> None:
        session.move_lane(self._lane_id, self._new_index)

    def _unchange(self, session: Session) -> None:
        session.move_lane(self._lane_id, self._old_index)


class ResizeLane(_LaneLayoutCommand):
    """Change a lane's width; the lanes to its right and all their notes move along."""

    def __init__(self, lane_id: str, old_width: float, new_width: float, title: str = "") -> None:
        super().__init__()
        self._lane_id = lane_id
        self._old = old_width
        self._new = new_width
        self._title = title

    @classmethod
    def to(cls, session: Session, lane_id: str, width: float) -> ResizeLane:
        lane = session.lane(lane_id)
        assert lane is not None
        return cls(lane_id, lane.width, width, lane.title)

    @property
    def text(self) -> str:
        return f"Resize Lane “{self._title}”"

    def _change(self, session: Session) -> None:
        session.update_lane(self._lane_id, width=self._new)

    def _unchange(self, session: Session) -> None:
        session.update_lane(self._lane_id, width=self._old)
