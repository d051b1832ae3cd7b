"""The clinician's patient list: a summary row per patient and the flags of its day (filled
for every linked patient when the store opens).

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-02
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "caseload_summary",
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("revision", sa.Integer(), nullable=False),
        sa.Column("records_day", sa.Date(), nullable=False),
        sa.Column("records", sa.Text(), nullable=False),
        sa.Column("as_of", sa.Date(), nullable=False),
        sa.Column("last_session", sa.Date(), nullable=True),
        sa.Column("month_ratio", sa.Float(), nullable=False),
        sa.Column("pain_key", sa.Float(), nullable=False),
        sa.Column("red_flag", sa.String(length=200), nullable=True),
        sa.ForeignKeyConstraint(
            ["person_id"],
            ["person.id"],
            name=op.f("fk_caseload_summary_person_id_person"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("person_id", name=op.f("pk_caseload_summary")),
    )
    op.create_table(
        "caseload_flag",
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("flag_key", sa.String(length=120), nullable=False),
        sa.Column("code", sa.String(length=20), nullable=False),
        sa.Column("rank", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["person_id"],
            ["caseload_summary.person_id"],
            name=op.f("fk_caseload_flag_person_id_caseload_summary"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("person_id", "flag_key", name=op.f("pk_caseload_flag")),
    )
    op.create_index("ix_caseload_flag_code", "caseload_flag", ["code", "person_id"])


def downgrade() -> None:
    op.drop_index("ix_caseload_flag_code", table_name="caseload_flag")
    op.drop_table("caseload_flag")
    op.drop_table("caseload_summary")
