"""The library's tables (SQLAlchemy 2 typed ORM). Rows never leave ``canvasapp.storage``."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import cast

from sqlalchemy import (
    Boolean,
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
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column
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


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    type_annotation_map = {datetime: UtcDateTime()}  # noqa: RUF012  # SQLAlchemy reads it from the class


def table_of(row_class: type[Base]) -> Table:
    """The ``Table`` behind a mapped row class, for Core ``insert``, ``update`` and ``delete``.

    SQLAlchemy types ``__table__`` as any ``FromClause`` (a class may be mapped to a join or a
    subquery); every class here is mapped to one plain table, which is what declarative makes.
    """
    return cast(Table, row_class.__table__)


class SessionRow(Base):
    __tablename__ = "sessions"

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    title: Mapped[str] = mapped_column(Text)
    template_id: Mapped[str | None] = mapped_column(String(200))
    created: Mapped[datetime]
    updated: Mapped[datetime] = mapped_column(index=True)
    # Schema 3: the phase the room is in, and the details for the PDF's title block.
    current_phase_id: Mapped[str | None] = mapped_column(String(200))
    held_on: Mapped[date | None] = mapped_column(Date)
    place: Mapped[str | None] = mapped_column(Text)
    facilitator: Mapped[str | None] = mapped_column(Text)
    participants: Mapped[int | None] = mapped_column(Integer)
    purpose: Mapped[str | None] = mapped_column(Text)
    # Schema 6: one more with every saved edit, in the edit's own transaction, so a window that
    # shows the session read-only knows exactly when to catch up.
    revision: Mapped[int] = mapped_column(Integer, default=0, server_default="0")


class LibraryStateRow(Base):
    """One row about the library as a whole (schema 6): ``list_revision`` is one more every
    time a session is added, renamed or deleted, so open session lists know to refresh."""

    __tablename__ = "library_state"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    list_revision: Mapped[int] = mapped_column(Integer, default=0, server_default="0")


@event.listens_for(LibraryStateRow.__table__, "after_create")
def _first_state_row(target: Table, connection: Connection, **_kw: object) -> None:
    # The one row exists from the start: a counter is then a plain UPDATE in the writer's transaction.
    connection.execute(insert(target).values(id=1, list_revision=0))


class LaneRow(Base):
    __tablename__ = "lanes"

    session_id: Mapped[str] = mapped_column(
        ForeignKey("sessions.id", ondelete="CASCADE"), primary_key=True
    )
    id: Mapped[str] = mapped_column(String(200), primary_key=True)
    title: Mapped[str] = mapped_column(Text)
    prompt: Mapped[str] = mapped_column(Text, default="")
    colour: Mapped[str] = mapped_column(String(16))
    position: Mapped[int] = mapped_column(Integer)
    width: Mapped[float] = mapped_column(Float)


class NoteRow(Base):
    __tablename__ = "notes"
    __table_args__ = (
        Index("ix_notes_session_id", "session_id"),
        # Schema 6: a read-only window reads only the notes written since the revision it has.
        Index("ix_notes_session_id_revision", "session_id", "revision"),
    )

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    session_id: Mapped[str] = mapped_column(ForeignKey("sessions.id", ondelete="CASCADE"))
    # Not a foreign key to lanes: a note may sit outside every lane (lane_id NULL) and lanes
    # are replaced wholesale when a template changes; the model keeps the two consistent.
    lane_id: Mapped[str | None] = mapped_column(String(200))
    text: Mapped[str] = mapped_column(Text, default="")
    x: Mapped[float] = mapped_column(Float)
    y: Mapped[float] = mapped_column(Float)
    width: Mapped[float] = mapped_column(Float)
    height: Mapped[float] = mapped_column(Float)
    colour: Mapped[str | None] = mapped_column(String(16))
    created: Mapped[datetime]
    updated: Mapped[datetime]
    # Schema 3: the follow-up action the note became; ``action_status`` NULL for a plain note.
    action_owner: Mapped[str | None] = mapped_column(Text)
    action_due: Mapped[date | None] = mapped_column(Date)
    action_status: Mapped[str | None] = mapped_column(String(16))
    # Schema 6: the session revision of the edit that last wrote this row.
    revision: Mapped[int] = mapped_column(Integer, default=0, server_default="0")


class ClusterRow(Base):
    """A theme grouping notes (schema 2). ``position`` is its place in the session's order."""

    __tablename__ = "clusters"
    __table_args__ = (Index("ix_clusters_session_id", "session_id"),)

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    session_id: Mapped[str] = mapped_column(ForeignKey("sessions.id", ondelete="CASCADE"))
    title: Mapped[str] = mapped_column(Text, default="")
    colour: Mapped[str | None] = mapped_column(String(16))
    # Not a foreign key, for the reason NoteRow.lane_id is not one.
    lane_id: Mapped[str | None] = mapped_column(String(200))
    position: Mapped[int] = mapped_column(Integer)
    collapsed: Mapped[bool] = mapped_column(Boolean, default=False)


class ClusterNoteRow(Base):
    """A note's membership of a cluster (schema 2). The note id is the key: a note belongs to
    one cluster at most, and the database says so too. Deleting either side deletes the row."""

    __tablename__ = "cluster_notes"
    __table_args__ = (Index("ix_cluster_notes_cluster_id", "cluster_id"),)

    note_id: Mapped[str] = mapped_column(ForeignKey("notes.id", ondelete="CASCADE"), primary_key=True)
    cluster_id: Mapped[str] = mapped_column(ForeignKey("clusters.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(Integer)


class PhaseRow(Base):
    """One phase of a session's agenda (schema 3), with the time its timer ran."""

    __tablename__ = "phases"

    session_id: Mapped[str] = mapped_column(ForeignKey("sessions.id", ondelete="CASCADE"), primary_key=True)
    id: Mapped[str] = mapped_column(String(200), primary_key=True)
    position: Mapped[int] = mapped_column(Integer)
    title: Mapped[str] = mapped_column(Text)
    minutes: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(20))
    instructions: Mapped[str] = mapped_column(Text, default="")
    # Space-separated lane ids (lane ids never hold spaces): a list read and written whole.
    lane_ids: Mapped[str] = mapped_column(Text, default="")
    used_seconds: Mapped[float] = mapped_column(Float, default=0.0)


class ParticipantRow(Base):
    """Someone on a session's voting roster (schema 4): a name or a token, and a dot colour."""

    __tablename__ = "participants"
    __table_args__ = (Index("ix_participants_session_id", "session_id"),)

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    session_id: Mapped[str] = mapped_column(ForeignKey("sessions.id", ondelete="CASCADE"))
    name: Mapped[str] = mapped_column(Text)
    colour: Mapped[str] = mapped_column(String(16))
    position: Mapped[int] = mapped_column(Integer)


class VoteRoundRow(Base):
    """A dot-vote round (schema 4): its rules, its state and whose turn it is (for resuming)."""

    __tablename__ = "vote_rounds"
    __table_args__ = (Index("ix_vote_rounds_session_id", "session_id"),)

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    session_id: Mapped[str] = mapped_column(ForeignKey("sessions.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(Integer)
    title: Mapped[str] = mapped_column(Text)
    target: Mapped[str] = mapped_column(String(16))
    # Space-separated ids (ids never hold spaces), as PhaseRow.lane_ids: lists read and written whole.
    lane_ids: Mapped[str] = mapped_column(Text, default="")
    dots_per_participant: Mapped[int] = mapped_column(Integer)
    max_dots_per_item: Mapped[int] = mapped_column(Integer)
    anonymous: Mapped[bool] = mapped_column(Boolean)
    blind: Mapped[bool] = mapped_column(Boolean)
    state: Mapped[str] = mapped_column(String(16))
    created: Mapped[datetime]
    opened: Mapped[datetime | None]
    closed: Mapped[datetime | None]
    # Not a foreign key: the roster may change while a round's results are kept.
    current_voter_id: Mapped[str | None] = mapped_column(String(64))
    done_ids: Mapped[str] = mapped_column(Text, default="")
    skipped_ids: Mapped[str] = mapped_column(Text, default="")
    # Schema 5: "decision", "included" or "left_out" (the summary's outcome).
    outcome: Mapped[str] = mapped_column(String(16), default="included", server_default="included")


class VoteRow(Base):
    """The dots one participant ("" when anonymous or tallied) put on one item in a round.

    ``item_id`` is a note or a cluster and deliberately not a foreign key: a deleted note's
    dots stay with the round, so undoing the delete brings them back (schema 4)."""

    __tablename__ = "votes"

    round_id: Mapped[str] = mapped_column(ForeignKey("vote_rounds.id", ondelete="CASCADE"), primary_key=True)
    participant_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    item_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    dots: Mapped[int] = mapped_column(Integer)
