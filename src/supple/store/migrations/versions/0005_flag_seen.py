"""The clinician workspace: which triage flags a clinician marked seen, per patient.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-02
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "flag_seen",
        sa.Column("clinician_id", sa.Integer(), nullable=False),
        sa.Column("patient_id", sa.Integer(), nullable=False),
        sa.Column("flag_key", sa.String(length=120), nullable=False),
        sa.Column("seen_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["clinician_id"],
            ["account.id"],
            name=op.f("fk_flag_seen_clinician_id_account"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["patient_id"],
            ["account.id"],
            name=op.f("fk_flag_seen_patient_id_account"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint(
            "clinician_id", "patient_id", "flag_key", name=op.f("pk_flag_seen")
        ),
    )


def downgrade() -> None:
    op.drop_table("flag_seen")
