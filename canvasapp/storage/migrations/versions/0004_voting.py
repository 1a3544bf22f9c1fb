"""Dot voting: the roster, vote rounds and votes (library schema 4).

Revision ID: 0004
Revises: 0003

Three new tables and no change to existing ones, so an upgrade copies nothing. Votes keep the
item they are on without a foreign key: a deleted note's dots stay with their round.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

# Migrations use plain column types, frozen as they were, never the live ORM classes.
revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "participants",
        sa.Column("id", sa.String(64), nullable=False),
        sa.Column("session_id", sa.String(64), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("colour", sa.String(16), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["session_id"], ["sessions.id"], name="fk_participants_session_id_sessions", ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name="pk_participants"),
    )
    op.create_index("ix_participants_session_id", "participants", ["session_id"])
    op.create_table(
        "vote_rounds",
        sa.Column("id", sa.String(64), nullable=False),
        sa.Column("session_id", sa.String(64), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column("target", sa.String(16), nullable=False),
        sa.Column("lane_ids", sa.Text(), nullable=False),
        sa.Column("dots_per_participant", sa.Integer(), nullable=False),
        sa.Column("max_dots_per_item", sa.Integer(), nullable=False),
        sa.Column("anonymous", sa.Boolean(), nullable=False),
        sa.Column("blind", sa.Boolean(), nullable=False),
        sa.Column("state", sa.String(16), nullable=False),
        sa.Column("created", sa.DateTime(), nullable=False),
        sa.Column("opened", sa.DateTime(), nullable=True),
        sa.Column("closed", sa.DateTime(), nullable=True),
        sa.Column("current_voter_id", sa.String(64), nullable=True),
        sa.Column("done_ids", sa.Text(), nullable=False),
        sa.Column("skipped_ids", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["session_id"], ["sessions.id"], name="fk_vote_rounds_session_id_sessions", ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name="pk_vote_rounds"),
    )
    op.create_index("ix_vote_rounds_session_id", "vote_rounds", ["session_id"])
    op.create_table(
        "votes",
        sa.Column("round_id", sa.String(64), nullable=False),
        sa.Column("participant_id", sa.String(64), nullable=False),
        sa.Column("item_id", sa.String(64), nullable=False),
        sa.Column("dots", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["round_id"], ["vote_rounds.id"], name="fk_votes_round_id_vote_rounds", ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("round_id", "participant_id", "item_id", name="pk_votes"),
    )


def downgrade() -> None:
    op.drop_table("votes")
    op.drop_index("ix_vote_rounds_session_id", table_name="vote_rounds")
    op.drop_table("vote_rounds")
    op.drop_index("ix_participants_session_id", table_name="participants")
    op.drop_table("participants")
