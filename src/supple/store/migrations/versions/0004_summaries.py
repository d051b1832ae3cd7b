"""Summaries kept up to date as records arrive: per person a state row, one row per day and one
per week with a record, so progress and today's plan cost the same after years of use; and an
index for the latest notes.

The tables start empty; opening the store fills them for every person (``Store.open``), and the
first write for a person fills them too, so the migration needs none of today's code.

Revision ID: 0004
Revises: 0001
Create Date: 2026-12-01
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def _person(table: str) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint(
        ["person_id"],
        ["person.id"],
        name=op.f(f"fk_{table}_person_id_person"),
        ondelete="CASCADE",
    )


def upgrade() -> None:
    op.create_table(
        "tracking_state",
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("zone", sa.String(length=64), nullable=False),
        sa.Column("sessions_done", sa.Integer(), nullable=False),
        _person("tracking_state"),
        sa.PrimaryKeyConstraint("person_id", name=op.f("pk_tracking_state")),
    )
    op.create_table(
        "tracking_day",
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("finished", sa.Integer(), nullable=False),
        sa.Column("pain_sum", sa.Integer(), nullable=False),
        sa.Column("pain_count", sa.Integer(), nullable=False),
        sa.Column("run", sa.Integer(), nullable=False),
        _person("tracking_day"),
        sa.PrimaryKeyConstraint("person_id", "day", name=op.f("pk_tracking_day")),
    )
    with op.batch_alter_table("tracking_day", schema=None) as batch_op:
        batch_op.create_index("ix_tracking_day_person_run", ["person_id", "run"], unique=False)
    op.create_table(
        "tracking_week",
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("start", sa.Date(), nullable=False),
        sa.Column("done", sa.Integer(), nullable=False),
        sa.Column("pain_sum", sa.Integer(), nullable=False),
        sa.Column("pain_count", sa.Integer(), nullable=False),
        sa.Column("runs", sa.String(length=40), nullable=False),
        sa.Column("hold_step", sa.Integer(), nullable=False),
        sa.Column("hold_pain_sum", sa.Integer(), nullable=False),
        sa.Column("hold_pain_count", sa.Integer(), nullable=False),
        sa.Column("hold_started", sa.Boolean(), nullable=False),
        _person("tracking_week"),
        sa.PrimaryKeyConstraint("person_id", "start", name=op.f("pk_tracking_week")),
    )
    # The latest notes are read with the history on every progress request.
    with op.batch_alter_table("note", schema=None) as batch_op:
        batch_op.create_index("ix_note_person_at", ["person_id", "at"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("note", schema=None) as batch_op:
        batch_op.drop_index("ix_note_person_at")
    op.drop_table("tracking_week")
    with op.batch_alter_table("tracking_day", schema=None) as batch_op:
        batch_op.drop_index("ix_tracking_day_person_run")
    op.drop_table("tracking_day")
    op.drop_table("tracking_state")
