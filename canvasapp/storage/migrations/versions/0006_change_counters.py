"""Counters that tell other windows what changed (library schema 6).

Revision ID: 0006
Revises: 0005

A session's ``revision`` grows with every saved edit (and each note row keeps the revision that
last wrote it) and the library's ``list_revision`` with
every session added, renamed or deleted, each in the writer's own transaction: a window showing
the session read-only, or the list of sessions, reads two small numbers to know whether to catch
up. Existing sessions start at 0.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

# Migrations use plain column types, frozen as they were, never the live ORM classes.
revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("sessions") as batch:
        batch.add_column(sa.Column("revision", sa.Integer(), nullable=False, server_default="0"))
    # Each note row carries the revision of the edit that last wrote it: a window catching up
    # reads only the notes written since the revision it has, through this index.
    with op.batch_alter_table("notes") as batch:
        batch.add_column(sa.Column("revision", sa.Integer(), nullable=False, server_default="0"))
        batch.create_index("ix_notes_session_id_revision", ["session_id", "revision"])
    state = op.create_table(
        "library_state",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("list_revision", sa.Integer(), nullable=False, server_default="0"),
        sa.PrimaryKeyConstraint("id", name="pk_library_state"),
    )
    op.bulk_insert(state, [{"id": 1, "list_revision": 0}])


def downgrade() -> None:
    op.drop_table("library_state")
    with op.batch_alter_table("notes") as batch:
        batch.drop_index("ix_notes_session_id_revision")
        batch.drop_column("revision")
    with op.batch_alter_table("sessions") as batch:
        batch.drop_column("revision")
