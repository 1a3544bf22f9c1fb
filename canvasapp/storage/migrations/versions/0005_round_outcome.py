"""A vote round's place in the summary's outcome (library schema 5).

Revision ID: 0005
Revises: 0004

One column with a default, so every round of an older library stays in the outcome as before.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

# Migrations use plain column types, frozen as they were, never the live ORM classes.
revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("vote_rounds") as batch:
        batch.add_column(sa.Column("outcome", sa.String(16), nullable=False, server_default="included"))


def downgrade() -> None:
    with op.batch_alter_table("vote_rounds") as batch:
        batch.drop_column("outcome")
