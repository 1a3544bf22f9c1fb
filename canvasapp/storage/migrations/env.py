"""Alembic environment: migrations run on the connection the app hands over, never on a URL
from an ini file, inside the app's own transaction (see ``canvasapp.storage.library``)."""

from __future__ import annotations

from alembic import context

from canvasapp.storage.orm import Base

connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    # SQLite cannot ALTER most things in place: batch mode copies the table instead.
    render_as_batch=connection.dialect.name == "sqlite",
    # One transaction per migration: a failure leaves the previous schema whole.
    transaction_per_migration=True,
)
with context.begin_transaction():
    context.run_migrations()
