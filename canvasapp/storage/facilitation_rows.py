"""Agenda, session details and follow-up actions to rows and back, and the store's part that
writes their changes (schema 3).

Kept apart from ``store.py``, ``sessions.py`` and ``mapping.py`` so the facilitation data is
one file to read: the ``phases`` rows, the details and current phase on the ``sessions`` row,
and the action columns of a ``notes`` row.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import Connection, delete, insert, select, update

from canvasapp.model import FollowUp, Phase, Session, SessionDetails
from canvasapp.storage.orm import PhaseRow, SessionRow, table_of
from canvasapp.storage.upsert import UpsertFactory

_phases = table_of(PhaseRow)
_sessions = table_of(SessionRow)


def phase_values(session_id: str, phase: Phase) -> dict[str, Any]:
    return {
        "session_id": session_id,
        "id": phase.id,
        "position": phase.order,
        "title": phase.title,
        "minutes": phase.minutes,
        "kind": phase.kind,
        "instructions": phase.instructions,
        "lane_ids": " ".join(phase.lane_ids),
        "used_seconds": phase.used_seconds,
    }


def session_facilitation_values(session: Session) -> dict[str, Any]:
    """The ``sessions`` columns of schema 3; empty texts are stored as NULL."""
    details = session.details
    return {
        "current_phase_id": session.agenda.current_phase_id,
        "held_on": details.date,
        "place": details.place or None,
        "facilitator": details.facilitator or None,
        "participants": details.participants,
        "purpose": details.purpose or None,
    }


def details_from_row(row: Any) -> SessionDetails:
    return SessionDetails(
        date=row.held_on,
        place=row.place or "",
        facilitator=row.facilitator or "",
        participants=row.participants,
        purpose=row.purpose or "",
    )


def action_from_columns(owner: str | None, due: date | None, status: str | None) -> FollowUp | None:
    if status is None:
        return None
    return FollowUp(owner=owner or "", due=due, status=status if status in ("open", "done") else "open")


def insert_phases(connection: Connection, session: Session) -> None:
    """Every phase of a new session."""
    if len(session.agenda):
        connection.execute(insert(_phases), [phase_values(session.id, phase) for phase in session.agenda.phases])


def load_phases(connection: Connection, session_id: str) -> list[Phase]:
    rows = connection.execute(
        select(_phases).where(_phases.c.session_id == session_id).order_by(_phases.c.position, _phases.c.id)
    ).all()
    return [
        Phase(
            id=row.id, title=row.title, minutes=row.minutes, kind=row.kind, instructions=row.instructions,
            lane_ids=tuple(row.lane_ids.split()), order=row.position, used_seconds=row.used_seconds,
        )
        for row in rows
    ]


class FacilitationChanges:
    """What an edit changed in the agenda and the details, written inside the store's
    transaction. (Note actions are columns of the notes: the store writes them with the note.)"""

    def __init__(self, session: Session, upsert: UpsertFactory) -> None:
        self.session = session
        self._upsert = upsert
        self._dirty: dict[str, Phase] = {}
        self._removed: set[str] = set()
        self._session_dirty = False

    def observers(self) -> list[tuple[Any, Any]]:
        agenda = self.session.agenda
        return [
            (agenda.phase_added, self._mark_phase),
            (agenda.phases_changed, self._mark_phases),
            (agenda.phase_removed, self._mark_removed),
            (agenda.current_phase_changed, self._mark_session),
            (self.session.details_changed, self._mark_session),
        ]

    @property
    def pending(self) -> bool:
        return bool(self._dirty or self._removed or self._session_dirty)

    def _mark_phase(self, phase: Phase) -> None:
        self._removed.discard(phase.id)
        self._dirty[phase.id] = phase

    def _mark_phases(self, phases: list[Phase]) -> None:
        for phase in phases:
            self._mark_phase(phase)

    def _mark_removed(self, phase: Phase) -> None:
        self._dirty.pop(phase.id, None)
        self._removed.add(phase.id)

    def _mark_session(self, *_args: object) -> None:
        self._session_dirty = True

    def write(self, connection: Connection) -> None:
        session = self.session
        if self._removed:
            connection.execute(
                delete(_phases).where(_phases.c.session_id == session.id, _phases.c.id.in_(list(self._removed)))
            )
        if self._dirty:
            rows = [phase_values(session.id, phase) for phase in self._dirty.values()]
            statement = self._upsert(_phases)
            changing = {name: statement.excluded[name] for name in rows[0] if name not in ("id", "session_id")}
            connection.execute(
                statement.on_conflict_do_update(index_elements=["session_id", "id"], set_=changing), rows
            )
        if self._session_dirty:
            connection.execute(
                update(_sessions).where(_sessions.c.id == session.id).values(**session_facilitation_values(session))
            )

    def clear(self) -> None:
        self._dirty.clear()
        self._removed.clear()
        self._session_dirty = False
