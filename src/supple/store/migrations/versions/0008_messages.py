"""Messages: one thread per care link, between a patient and their clinician (text only).

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-02
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "message",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("link_id", sa.Integer(), nullable=False),
        sa.Column("author", sa.String(length=10), nullable=False),
        sa.Column("author_id", sa.Integer(), nullable=False),
        sa.Column("text", sa.String(length=2000), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("read_at", sa.DateTime(timezone=True), nullable=True),
        sa.CheckConstraint("author IN ('patient', 'clinician')", name=op.f("ck_message_author")),
        sa.ForeignKeyConstraint(
            ["link_id"],
            ["care_link.id"],
            name=op.f("fk_message_link_id_care_link"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_message")),
    )
    op.create_index("ix_message_link_id", "message", ["link_id", "id"], unique=False)
    op.create_index(
        "ix_message_unread",
        "message",
        ["link_id", "author"],
        unique=False,
        sqlite_where=sa.text("read_at IS NULL"),
        postgresql_where=sa.text("read_at IS NULL"),
    )


def downgrade() -> None:
    op.drop_index("ix_message_unread", table_name="message")
    op.drop_index("ix_message_link_id", table_name="message")
    op.drop_table("message")
