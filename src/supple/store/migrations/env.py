"""Alembic environment: the store hands over its open connection (no ini file needed)."""

from __future__ import annotations

from alembic import context

import supple.store.account_tables
import supple.store.caseload_tables
import supple.store.feed_tables
import supple.store.message_tables
import supple.store.prescription_tables
import supple.store.reminder_tables
import supple.store.today_tables  # noqa: F401  (their tables are in Base.metadata too)
from supple.store.schema import Base

config = context.config
connection = config.attributes.get("connection")
if connection is None:  # pragma: no cover - the store always passes its connection
    raise RuntimeError("run migrations through supple.store (Store.open), not the alembic CLI")

context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=connection.dialect.name == "sqlite",  # SQLite alters tables by copying
)
with context.begin_transaction():
    context.run_migrations()
