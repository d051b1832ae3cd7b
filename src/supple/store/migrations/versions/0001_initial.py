"""Initial schema: person, profiles, plans, sessions, items, pain, PSFS, notes, event keys.

Revision ID: 0001
Revises: (none)
Create Date: 2026-11-21
"""

from __future__ import annotations

from datetime import UTC, datetime

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "person",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("days_per_week", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint("days_per_week BETWEEN 1 AND 7", name=op.f("ck_person_days_per_week")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_person")),
    )
    op.create_table(
        "plan",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("body", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(
            ["person_id"], ["person.id"], name=op.f("fk_plan_person_id_person"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_plan")),
    )
    with op.batch_alter_table("plan", schema=None) as batch_op:
        batch_op.create_index("ix_plan_person_created", ["person_id", "created_at"], unique=False)

    op.create_table(
        "profile",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("answers", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(
            ["person_id"],
            ["person.id"],
            name=op.f("fk_profile_person_id_person"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_profile")),
    )
    with op.batch_alter_table("profile", schema=None) as batch_op:
        batch_op.create_index(
            "ix_profile_person_created", ["person_id", "created_at"], unique=False
        )

    op.create_table(
        "psfs_activity",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=80), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["person_id"],
            ["person.id"],
            name=op.f("fk_psfs_activity_person_id_person"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_psfs_activity")),
        sa.UniqueConstraint("person_id", "name", name="uq_psfs_activity_person_name"),
    )
    op.create_table(
        "psfs_score",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("activity_id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("score", sa.Integer(), nullable=False),
        sa.CheckConstraint("score BETWEEN 0 AND 10", name=op.f("ck_psfs_score_score")),
        sa.ForeignKeyConstraint(
            ["activity_id"],
            ["psfs_activity.id"],
            name=op.f("fk_psfs_score_activity_id_psfs_activity"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_psfs_score")),
    )
    with op.batch_alter_table("psfs_score", schema=None) as batch_op:
        batch_op.create_index("ix_psfs_score_activity_at", ["activity_id", "at"], unique=False)

    op.create_table(
        "session",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("plan_id", sa.Integer(), nullable=True),
        sa.Column("key", sa.String(length=64), nullable=False),
        sa.Column("started_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("ended_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("status", sa.String(length=12), nullable=False),
        sa.CheckConstraint(
            "status IN ('in_progress', 'finished', 'stopped')", name=op.f("ck_session_status")
        ),
        sa.ForeignKeyConstraint(
            ["person_id"],
            ["person.id"],
            name=op.f("fk_session_person_id_person"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["plan_id"], ["plan.id"], name=op.f("fk_session_plan_id_plan"), ondelete="SET NULL"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_session")),
        sa.UniqueConstraint("key", name=op.f("uq_session_key")),
    )
    with op.batch_alter_table("session", schema=None) as batch_op:
        batch_op.create_index(
            "ix_session_person_started", ["person_id", "started_at"], unique=False
        )
        batch_op.create_index("ix_session_person_status", ["person_id", "status"], unique=False)

    op.create_table(
        "event_key",
        sa.Column("key", sa.String(length=64), nullable=False),
        sa.Column("session_id", sa.Integer(), nullable=False),
        sa.Column("type", sa.String(length=10), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["session_id"],
            ["session.id"],
            name=op.f("fk_event_key_session_id_session"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_event_key")),
    )
    with op.batch_alter_table("event_key", schema=None) as batch_op:
        batch_op.create_index("ix_event_key_session", ["session_id"], unique=False)

    op.create_table(
        "note",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("session_id", sa.Integer(), nullable=True),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["person_id"], ["person.id"], name=op.f("fk_note_person_id_person"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["session_id"],
            ["session.id"],
            name=op.f("fk_note_session_id_session"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_note")),
    )
    op.create_table(
        "pain",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("session_id", sa.Integer(), nullable=True),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("score", sa.Integer(), nullable=False),
        sa.Column("moment", sa.String(length=8), nullable=False),
        sa.Column("note", sa.Text(), nullable=True),
        sa.CheckConstraint("moment IN ('before', 'after', 'daily')", name=op.f("ck_pain_moment")),
        sa.CheckConstraint("score BETWEEN 0 AND 10", name=op.f("ck_pain_score")),
        sa.ForeignKeyConstraint(
            ["person_id"], ["person.id"], name=op.f("fk_pain_person_id_person"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["session_id"],
            ["session.id"],
            name=op.f("fk_pain_session_id_session"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_pain")),
    )
    with op.batch_alter_table("pain", schema=None) as batch_op:
        batch_op.create_index("ix_pain_person_at", ["person_id", "at"], unique=False)
        batch_op.create_index("ix_pain_session", ["session_id"], unique=False)

    op.create_table(
        "session_item",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("session_id", sa.Integer(), nullable=False),
        sa.Column("idx", sa.Integer(), nullable=False),
        sa.Column("exercise", sa.String(length=60), nullable=False),
        sa.Column("planned_seconds", sa.Integer(), nullable=True),
        sa.Column("held_seconds", sa.Integer(), nullable=True),
        sa.Column("status", sa.String(length=8), nullable=True),
        sa.Column("feedback", sa.String(length=10), nullable=True),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint(
            "feedback IS NULL OR feedback IN ('fine', 'too_easy', 'too_hard', 'painful')",
            name=op.f("ck_session_item_feedback"),
        ),
        sa.CheckConstraint(
            "status IS NULL OR status IN ('done', 'skipped')", name=op.f("ck_session_item_status")
        ),
        sa.ForeignKeyConstraint(
            ["session_id"],
            ["session.id"],
            name=op.f("fk_session_item_session_id_session"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_session_item")),
        sa.UniqueConstraint("session_id", "idx", name="uq_session_item_session_idx"),
    )
    # The one local person every row belongs to (room for more later).
    person = sa.table(
        "person",
        sa.column("name", sa.String),
        sa.column("days_per_week", sa.Integer),
        sa.column("created_at", sa.DateTime(timezone=True)),
    )
    op.bulk_insert(person, [{"name": "me", "days_per_week": 7, "created_at": datetime.now(UTC)}])


def downgrade() -> None:
    op.drop_table("session_item")
    with op.batch_alter_table("pain", schema=None) as batch_op:
        batch_op.drop_index("ix_pain_session")
        batch_op.drop_index("ix_pain_person_at")

    op.drop_table("pain")
    op.drop_table("note")
    with op.batch_alter_table("event_key", schema=None) as batch_op:
        batch_op.drop_index("ix_event_key_session")

    op.drop_table("event_key")
    with op.batch_alter_table("session", schema=None) as batch_op:
        batch_op.drop_index("ix_session_person_status")
        batch_op.drop_index("ix_session_person_started")

    op.drop_table("session")
    with op.batch_alter_table("psfs_score", schema=None) as batch_op:
        batch_op.drop_index("ix_psfs_score_activity_at")

    op.drop_table("psfs_score")
    op.drop_table("psfs_activity")
    with op.batch_alter_table("profile", schema=None) as batch_op:
        batch_op.drop_index("ix_profile_person_created")

    op.drop_table("profile")
    with op.batch_alter_table("plan", schema=None) as batch_op:
        batch_op.drop_index("ix_plan_person_created")

    op.drop_table("plan")
    op.drop_table("person")
