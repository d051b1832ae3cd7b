"""The programme's records: walks and the walking plan, lessons read, directional findings
(movement tests and leg symptoms spreading in a session), and the support questionnaire.

Revision ID: 0003
Revises: 0001
Create Date: 2026-12-02
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def _person(table: str) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint(
        ["person_id"], ["person.id"], name=op.f(f"fk_{table}_person_id_person"), ondelete="CASCADE"
    )


def upgrade() -> None:
    op.create_table(
        "walk_plan",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("started_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("comfortable_s", sa.Integer(), nullable=False),
        sa.CheckConstraint(
            "comfortable_s BETWEEN 60 AND 3600", name=op.f("ck_walk_plan_comfortable_s")
        ),
        _person("walk_plan"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_walk_plan")),
    )
    with op.batch_alter_table("walk_plan", schema=None) as batch_op:
        batch_op.create_index(
            "ix_walk_plan_person_started", ["person_id", "started_at"], unique=False
        )

    op.create_table(
        "walk",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("seconds", sa.Integer(), nullable=False),
        sa.CheckConstraint("seconds BETWEEN 1 AND 18000", name=op.f("ck_walk_seconds")),
        _person("walk"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_walk")),
    )
    with op.batch_alter_table("walk", schema=None) as batch_op:
        batch_op.create_index("ix_walk_person_at", ["person_id", "at"], unique=False)

    op.create_table(
        "lesson_read",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("lesson", sa.String(length=60), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        _person("lesson_read"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_lesson_read")),
        sa.UniqueConstraint("person_id", "lesson", name="uq_lesson_read_person_lesson"),
    )

    op.create_table(
        "direction_finding",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("source", sa.String(length=8), nullable=False),
        sa.Column("session_id", sa.Integer(), nullable=True),
        sa.Column("exercise", sa.String(length=60), nullable=True),
        sa.Column("answers", sa.JSON(), nullable=True),
        sa.CheckConstraint(
            "source IN ('test', 'session')", name=op.f("ck_direction_finding_source")
        ),
        _person("direction_finding"),
        sa.ForeignKeyConstraint(
            ["session_id"],
            ["session.id"],
            name=op.f("fk_direction_finding_session_id_session"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_direction_finding")),
    )
    with op.batch_alter_table("direction_finding", schema=None) as batch_op:
        batch_op.create_index("ix_direction_finding_person_at", ["person_id", "at"], unique=False)

    op.create_table(
        "questionnaire",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("instrument", sa.String(length=20), nullable=False),
        sa.Column("answers", sa.JSON(), nullable=False),
        sa.Column("score", sa.Integer(), nullable=False),
        sa.Column("tier", sa.String(length=8), nullable=False),
        sa.CheckConstraint("score BETWEEN 0 AND 100", name=op.f("ck_questionnaire_score")),
        sa.CheckConstraint("tier IN ('low', 'medium', 'high')", name=op.f("ck_questionnaire_tier")),
        _person("questionnaire"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_questionnaire")),
    )
    with op.batch_alter_table("questionnaire", schema=None) as batch_op:
        batch_op.create_index("ix_questionnaire_person_at", ["person_id", "at"], unique=False)


def downgrade() -> None:
    for table, index in (
        ("questionnaire", "ix_questionnaire_person_at"),
        ("direction_finding", "ix_direction_finding_person_at"),
        ("walk", "ix_walk_person_at"),
        ("walk_plan", "ix_walk_plan_person_started"),
    ):
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.drop_index(index)
        op.drop_table(table)
    op.drop_table("lesson_read")
