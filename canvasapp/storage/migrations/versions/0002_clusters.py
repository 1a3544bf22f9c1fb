"""Clusters: themes that group notes, and which notes each holds (library schema 2).

Revision ID: 0002
Revises: 0001

Two new tables and no change to the old ones, so no SQLite batch copy of ``notes`` is needed:
membership lives in ``cluster_notes``, keyed by the note (one cluster per note at most).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

# Migrations use plain column types, frozen as they were, never the live ORM classes.
revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "clusters",
        sa.Column("id", sa.String(64), nullable=False),
        sa.Column("session_id", sa.String(64), nullable=False),
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column("colour", sa.String(16), nullable=True),
        sa.Column("lane_id", sa.String(200), nullable=True),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("collapsed", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["session_id"], ["sessions.id"], name="fk_clusters_session_id_sessions", ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name="pk_clusters"),
    )
    op.create_index("ix_clusters_session_id", "clusters", ["session_id"])
    op.create_table(
        "cluster_notes",
        sa.Column("note_id", sa.String(64), nullable=False),
        sa.Column("cluster_id", sa.String(64), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["note_id"], ["notes.id"], name="fk_cluster_notes_note_id_notes", ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["cluster_id"], ["clusters.id"], name="fk_cluster_notes_cluster_id_clusters", ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("note_id", name="pk_cluster_notes"),
    )
    op.create_index("ix_cluster_notes_cluster_id", "cluster_notes", ["cluster_id"])


def downgrade() -> None:
    op.drop_index("ix_cluster_notes_cluster_id", "cluster_notes")
    op.drop_table("cluster_notes")
    op.drop_index("ix_clusters_session_id", "clusters")
    op.drop_table("clusters")
