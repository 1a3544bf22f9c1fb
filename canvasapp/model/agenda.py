"""The session's agenda: its phases in order, which one is running, and the time each took.

The phases come from the template when a session is created and belong to the session from
then on: the facilitator adds, removes, reorders and retimes them during the workshop. The
agenda is part of the session and changes like the rest of it: through methods that emit
events, inside the session's ``edit`` blocks, so the store writes each change in one
transaction.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from contextlib import AbstractContextManager
from dataclasses import dataclass, replace

from canvasapp.model.events import Event

#: What the room does during a phase (the template format's ``kind``).
PHASE_KINDS = ("ritual", "brainstorm", "cluster", "vote", "discuss", "actions")
#: The template format's cap: a phase longer than a working day is a typing slip.
MAX_PHASE_MINUTES = 480
MAX_PHASE_TITLE = 200


class AgendaError(ValueError):
    """A change the agenda refuses, with a message fit for the user."""


@dataclass(slots=True)
class Phase:
    """One step of the agenda. ``used_seconds`` is the time the timer ran for it so far."""

    id: str
    title: str
    minutes: int
    kind: str = "discuss"
    instructions: str = ""
    lane_ids: tuple[str, ...] = ()
    """The lanes in focus during this phase; empty means the whole board."""
    order: int = 0
    used_seconds: float = 0.0

    def copy(self) -> Phase:
        """A snapshot that later edits of this phase do not change."""
        return replace(self)


def check_phase(title: str, minutes: int, kind: str) -> None:
    """Refuse what no agenda should hold (an empty title, zero minutes, an unknown kind)."""
    if not title.strip():
        raise AgendaError("A phase needs a title.")
    if len(title) > MAX_PHASE_TITLE:
        raise AgendaError(f"A phase title has at most {MAX_PHASE_TITLE} characters.")
    if not 1 <= minutes <= MAX_PHASE_MINUTES:
        raise AgendaError(f"A phase lasts from 1 to {MAX_PHASE_MINUTES} minutes.")
    if kind not in PHASE_KINDS:
        raise AgendaError(f"{kind!r} is not a kind of phase ({', '.join(PHASE_KINDS)}).")


class Agenda:
    """The phases of one session, in order, and the current one.

    ``edit`` is the owning session's :meth:`~canvasapp.model.Session.edit`, so a change here
    is one edit of the session (the store hears ``edit_finished`` once).
    """

    def __init__(
        self,
        edit: Callable[[], AbstractContextManager[None]],
        phases: Iterable[Phase] = (),
        current_phase_id: str | None = None,
    ) -> None:
        self._edit = edit
        self._phases: list[Phase] = sorted(phases, key=lambda phase: phase.order)
        self._current = current_phase_id if any(p.id == current_phase_id for p in self._phases) else None
        self.phase_added: Event[[Phase]] = Event()
        self.phase_removed: Event[[Phase]] = Event()
        self.phases_changed: Event[[list[Phase]]] = Event()
        """Phases whose fields, order or recorded time changed."""
        self.current_phase_changed: Event[[str | None]] = Event()

    # --- reading -------------------------------------------------------------------------------

    @property
    def phases(self) -> list[Phase]:
        return list(self._phases)

    def __len__(self) -> int:
        return len(self._phases)

    def phase(self, phase_id: str) -> Phase:
        for phase in self._phases:
            if phase.id == phase_id:
                return phase
        raise AgendaError(f"There is no phase {phase_id!r} in this agenda.")

    def index(self, phase_id: str) -> int:
        for position, phase in enumerate(self._phases):
            if phase.id == phase_id:
                return position
        raise AgendaError(f"There is no phase {phase_id!r} in this agenda.")

    @property
    def current_phase_id(self) -> str | None:
        return self._current

    @property
    def current_phase(self) -> Phase | None:
        return self.phase(self._current) if self._current is not None else None

    @property
    def planned_minutes(self) -> int:
        return sum(phase.minutes for phase in self._phases)

    def neighbour(self, step: int) -> str | None:
        """The id of the phase ``step`` places after the current one (before, if negative);
        with no current phase, the first. ``None`` past either end."""
        if not self._phases:
            return None
        if self._current is None:
            return self._phases[0].id
        target = self.index(self._current) + step
        return self._phases[target].id if 0 <= target < len(self._phases) else None

    # --- changing ------------------------------------------------------------------------------

    def add_phase(self, phase: Phase, index: int | None = None) -> None:
        """Insert a phase at ``index`` (the end by default)."""
        if any(other.id == phase.id for other in self._phases):
            raise AgendaError(f"The phase {phase.id!r} is already in this agenda.")
        check_phase(phase.title, phase.minutes, phase.kind)
        position = len(self._phases) if index is None else max(0, min(index, len(self._phases)))
        with self._edit():
            self._phases.insert(position, phase)
            renumbered = [other for other in self._renumber() if other is not phase]
            self.phase_added.emit(phase)
            if renumbered:
                self.phases_changed.emit(renumbered)

    def remove_phase(self, phase_id: str) -> tuple[Phase, int]:
        """Remove a phase; return it and where it was, so an undo can put it back. Removing
        the current phase leaves no phase current."""
        position = self.index(phase_id)
        with self._edit():
            phase = self._phases.pop(position)
            renumbered = self._renumber()
            if self._current == phase_id:
                self._current = None
                self.current_phase_changed.emit(None)
            self.phase_removed.emit(phase)
            if renumbered:
                self.phases_changed.emit(renumbered)
        return phase, position

    def update_phase(
        self,
        phase_id: str,
        *,
        title: str | None = None,
        minutes: int | None = None,
        kind: str | None = None,
        instructions: str | None = None,
        lane_ids: Iterable[str] | None = None,
    ) -> None:
        """Change a phase's fields (what is ``None`` stays)."""
        phase = self.phase(phase_id)
        new_title = phase.title if title is None else title.strip()
        new_minutes = phase.minutes if minutes is None else minutes
        new_kind = phase.kind if kind is None else kind
        check_phase(new_title, new_minutes, new_kind)
        with self._edit():
            phase.title, phase.minutes, phase.kind = new_title, new_minutes, new_kind
            if instructions is not None:
                phase.instructions = instructions
            if lane_ids is not None:
                phase.lane_ids = tuple(lane_ids)
            self.phases_changed.emit([phase])

    def move_phase(self, phase_id: str, index: int) -> None:
        """Put a phase at another place in the order (0 is the first)."""
        old = self.index(phase_id)
        index = max(0, min(index, len(self._phases) - 1))
        if index == old:
            return
        with self._edit():
            self._phases.insert(index, self._phases.pop(old))
            self.phases_changed.emit(self._renumber())

    def set_current(self, phase_id: str | None) -> None:
        """Make a phase the one the room is in (``None``: none, before the start)."""
        if phase_id is not None:
            self.index(phase_id)
        if phase_id == self._current:
            return
        with self._edit():
            self._current = phase_id
            self.current_phase_changed.emit(phase_id)

    def record_time(self, phase_id: str, used_seconds: float) -> None:
        """Keep how long the timer ran for a phase (for the summary's "agenda as run")."""
        phase = self.phase(phase_id)
        used = max(0.0, round(float(used_seconds), 1))
        if used == phase.used_seconds:
            return
        with self._edit():
            phase.used_seconds = used
            self.phases_changed.emit([phase])

    def _renumber(self) -> list[Phase]:
        changed = []
        for position, phase in enumerate(self._phases):
            if phase.order != position:
                phase.order = position
                changed.append(phase)
        return changed
