"""The library's tables (SQLAlchemy Core). Rows never leave ``canvasapp.storage``.

Plain ``Table``s rather than declarative classes: nothing here is read through the ORM (every
read and write is a Core statement), and ``sqlalchemy.orm`` with the mapping of a dozen classes
was a fifth of every start of the app. Each ``*Row`` class only names its table
(``__table__``), so Alembic's ``Base.metadata`` and ``table_of(NoteRow)`` read as before.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import ClassVar

from sqlalchemy import (
    Boolean,
    Column,
    Connection,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    event,
    insert,
)
from sqlalchemy.engine import Dialect
from sqlalchemy.types import TypeDecorator

# Named constraints, so SQLite batch migrations can find them later (Alembic's advice).
NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class UtcDateTime(TypeDecorator[datetime]):
    """Aware UTC datetimes in the model, naive UTC in the database (SQLite has no time zones)."""

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        return value.astimezone(UTC).replace(tzinfo=None)

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        return None if value is None else value.replace(tzinfo=UTC)


class Base:
    """Every table of the library (``metadata``); each subclass names one (``__table__``)."""

    metadata: ClassVar[MetaData] = MetaData(naming_convention=NAMING_CONVENTION)
    __table__: ClassVar[Table]


def table_of(row_class: type[Base]) -> Table:
    """The ``Table`` a row class names, for Core ``insert``, ``update`` and ``delete``."""
    return row_class.__table__


def _table(name: str, *parts: Column[object] | Index) -> Table:
    return Table(name, Base.metadata, *parts)


def _required(name: str, kind: object, **options: object) -> Column[object]:
    """A column that is never NULL (the declarative ``Mapped[X]`` without ``| None``)."""
    return Column(name, kind, nullable=False, **options)  # type: ignore[arg-type]


def _optional(name: str, kind: object) -> Column[object]:
    return Column(name, kind, nullable=True)  # type: ignore[arg-type]


def _key(name: str, kind: object, *foreign: ForeignKey) -> Column[object]:
    return Column(name, kind, *foreign, primary_key=True, nullable=False)  # type: ignore[arg-type]


def _session_key(*, primary: bool = False) -> Column[object]:
    """``session_id``: its session's row, deleted with it."""
    foreign = ForeignKey("sessions.id", ondelete="CASCADE")
    if primary:
        return _key("session_id", String(64), foreign)
    return Column("session_id", String(64), foreign, nullable=False)


def _revision() -> Column[object]:
    """Schema 6: the session revision of the edit that last wrote this row."""
    return _required("revision", Integer, default=0, server_default="0")


class SessionRow(Base):
    __table__ = _table(
        "sessions",
        _key("id", String(64)),
        _required("title", Text),
        _optional("template_id", String(200)),
        _required("created", UtcDateTime()),
        _required("updated", UtcDateTime(), index=True),
        # Schema 3: the phase the room is in, and the details for the PDF's title block.
        _optional("current_phase_id", String(200)),
        _optional("held_on", Date),
        _optional("place", Text),
        _optional("facilitator", Text),
        _optional("participants", Integer),
        _optional("purpose", Text),
        # Schema 6: one more with every saved edit, in the edit's own transaction, so a window
        # that shows the session read-only knows exactly when to catch up.
        _revision(),
    )


class LibraryStateRow(Base):
    """One row about the library as a whole (schema 6): ``list_revision`` is one more every
    time a session is added, renamed or deleted, so open session lists know to refresh."""

    __table__ = _table(
        "library_state",
        _key("id", Integer),
        _required("list_revision", Integer, default=0, server_default="0"),
    )


@event.listens_for(LibraryStateRow.__table__, "after_create")
def _first_state_row(target: Table, connection: Connection, **_kw: object) -> None:
    # The one row exists from the start: a counter is then a plain UPDATE in the writer's transaction.
    connection.execute(insert(target).values(id=1, list_revision=0))


class LaneRow(Base):
    __table__ = _table(
        "lanes",
        _session_key(primary=True),
        _key("id", String(200)),
        _required("title", Text),
        _required("prompt", Text, default=""),
        _required("colour", String(16)),
        _required("position", Integer),
        _required("width", Float),
    )


class NoteRow(Base):
    __table__ = _table(
        "notes",
        _key("id", String(64)),
        _session_key(),
        # Not a foreign key to lanes: a note may sit outside every lane (lane_id NULL) and lanes
        # are replaced wholesale when a template changes; the model keeps the two consistent.
        _optional("lane_id", String(200)),
        _required("text", Text, default=""),
        _required("x", Float),
        _required("y", Float),
        _required("width", Float),
        _required("height", Float),
        _optional("colour", String(16)),
        _required("created", UtcDateTime()),
        _required("updated", UtcDateTime()),
        # Schema 3: the follow-up action the note became; ``action_status`` NULL for a plain note.
        _optional("action_owner", Text),
        _optional("action_due", Date),
        _optional("action_status", String(16)),
        _revision(),
        Index("ix_notes_session_id", "session_id"),
        # Schema 6: a read-only window reads only the notes written since the revision it has.
        Index("ix_notes_session_id_revision", "session_id", "revision"),
    )


class ClusterRow(Base):
    """A theme grouping notes (schema 2). ``position`` is its place in the session's order."""

    __table__ = _table(
        "clusters",
        _key("id", String(64)),
        _session_key(),
        _required("title", Text, default=""),
        _optional("colour", String(16)),
        # Not a foreign key, for the reason the notes' lane_id is not one.
        _optional("lane_id", String(200)),
        _required("position", Integer),
        _required("collapsed", Boolean, default=False),
        Index("ix_clusters_session_id", "session_id"),
    )


class ClusterNoteRow(Base):
    """A note's membership of a cluster (schema 2). The note id is the key: a note belongs to
    one cluster at most, and the database says so too. Deleting either side deletes the row."""

    __table__ = _table(
        "cluster_notes",
        _key("note_id", String(64), ForeignKey("notes.id", ondelete="CASCADE")),
        Column("cluster_id", String(64), ForeignKey("clusters.id", ondelete="CASCADE"), nullable=False),
        _required("position", Integer),
        Index("ix_cluster_notes_cluster_id", "cluster_id"),
    )


class PhaseRow(Base):
    """One phase of a session's agenda (schema 3), with the time its timer ran."""

    __table__ = _table(
        "phases",
        _session_key(primary=True),
        _key("id", String(200)),
        _required("position", Integer),
        _required("title", Text),
        _required("minutes", Integer),
        _required("kind", String(20)),
        _required("instructions", Text, default=""),
        # Space-separated lane ids (lane ids never hold spaces): a list read and written whole.
        _required("lane_ids", Text, default=""),
        _required("used_seconds", Float, default=0.0),
    )


class ParticipantRow(Base):
    """Someone on a session's voting roster (schema 4): a name or a token, and a dot colour."""

    __table__ = _table(
        "participants",
        _key("id", String(64)),
        _session_key(),
        _required("name", Text),
        _required("colour", String(16)),
        _required("position", Integer),
        Index("ix_participants_session_id", "session_id"),
    )


class VoteRoundRow(Base):
    """A dot-vote round (schema 4): its rules, its state and whose turn it is (for resuming)."""

    __table__ = _table(
        "vote_rounds",
        _key("id", String(64)),
        _session_key(),
        _required("position", Integer),
        _required("title", Text),
        _required("target", String(16)),
        # Space-separated ids (ids never hold spaces), as the phases' lane_ids: lists read and
        # written whole.
        _required("lane_ids", Text, default=""),
        _required("dots_per_participant", Integer),
        _required("max_dots_per_item", Integer),
        _required("anonymous", Boolean),
        _required("blind", Boolean),
        _required("state", String(16)),
        _required("created", UtcDateTime()),
        _optional("opened", UtcDateTime()),
        _optional("closed", UtcDateTime()),
        # Not a foreign key: the roster may change while a round's results are kept.
        _optional("current_voter_id", String(64)),
        _required("done_ids", Text, default=""),
        _required("skipped_ids", Text, default=""),
        # Schema 5: "decision", "included" or "left_out" (the summary's outcome).
        _required("outcome", String(16), default="included", server_default="included"),
        Index("ix_vote_rounds_session_id", "session_id"),
    )


class VoteRow(Base):
    """The dots one participant ("" when anonymous or tallied) put on one item in a round.

    ``item_id`` is a note or a cluster and deliberately not a foreign key: a deleted note's
    dots stay with the round, so undoing the delete brings them back (schema 4)."""

    __table__ = _table(
        "votes",
        _key("round_id", String(64), ForeignKey("vote_rounds.id", ondelete="CASCADE")),
        _key("participant_id", String(64)),
        _key("item_id", String(64)),
        _required("dots", Integer),
    )
