"""Agenda, actions and session details (library schema 3).

Revision ID: 0003
Revises: 0002

A ``phases`` table for each session's agenda (with the time each phase ran); on ``sessions``
the current phase and the details the PDF's title block shows; on ``notes`` the follow-up
action a note became. Every new column is nullable, so SQLite adds them in place (batch mode
sees no need to copy a table: a library with 10,000 notes upgrades at once).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

# Migrations use plain column types, frozen as they were, never the live ORM classes.
revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

_SESSION_COLUMNS = ("current_phase_id", "held_on", "place", "facilitator", "participants", "purpose")
_NOTE_COLUMNS = ("action_owner", "action_due", "action_status")


def upgrade() -> None:
    op.create_table(
        "phases",
        sa.Column("session_id", sa.String(64), nullable=False),
        sa.Column("id", sa.String(200), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column("minutes", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("instructions", sa.Text(), nullable=False),
        sa.Column("lane_ids", sa.Text(), nullable=False),
        sa.Column("used_seconds", sa.Float(), nullable=False),
        sa.ForeignKeyConstraint(
            ["session_id"], ["sessions.id"], name="fk_phases_session_id_sessions", ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("session_id", "id", name="pk_phases"),
    )
    with op.batch_alter_table("sessions") as batch:
        batch.add_column(sa.Column("current_phase_id", sa.String(200), nullable=True))
        batch.add_column(sa.Column("held_on", sa.Date(), nullable=True))
        batch.add_column(sa.Column("place", sa.Text(), nullable=True))
        batch.add_column(sa.Column("facilitator", sa.Text(), nullable=True))
        batch.add_column(sa.Column("participants", sa.Integer(), nullable=True))
        batch.add_column(sa.Column("purpose", sa.Text(), nullable=True))
    with op.batch_alter_table("notes") as batch:
        batch.add_column(sa.Column("action_owner", sa.Text(), nullable=True))
        batch.add_column(sa.Column("action_due", sa.Date(), nullable=True))
        batch.add_column(sa.Column("action_status", sa.String(16), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("notes") as batch:
        for name in reversed(_NOTE_COLUMNS):
            batch.drop_column(name)
    with op.batch_alter_table("sessions") as batch:
        for name in reversed(_SESSION_COLUMNS):
            batch.drop_column(name)
    op.drop_table("phases")
