"""The messages between a patient and their clinician: one thread per care link.

A message holds plain text only. Its ``read_at`` is set when the other side of the thread has
read it, so each side's unread count is the other side's messages without one. A thread closes
when its care link ends (the patient left the clinic); its messages stay for the patient, and
go with the link when an account is erased.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import CheckConstraint, ForeignKey, Index, Integer, String
from sqlalchemy import text as sql
from sqlalchemy.orm import Mapped, mapped_column

from supple.store.schema import Base
from supple.store.timeutil import UTCDateTime

#: The longest message, in characters.
MESSAGE_LENGTH = 2000


class MessageRow(Base):
    """One message in the thread of a care link, by the patient or by the clinician."""

    __tablename__ = "message"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    link_id: Mapped[int] = mapped_column(ForeignKey("care_link.id", ondelete="CASCADE"))
    #: which side wrote it: ``patient`` or ``clinician``
    author: Mapped[str] = mapped_column(String(10))
    #: the account that wrote it (kept as a plain id, like the audit log's)
    author_id: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(String(MESSAGE_LENGTH))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    #: when the other side read it (None: unread)
    read_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    __table_args__ = (
        CheckConstraint("author IN ('patient', 'clinician')", name="author"),
        Index("ix_message_link_id", "link_id", "id"),
        # The unread counts read only the unread messages, a small part of a long history.
        Index(
            "ix_message_unread",
            "link_id",
            "author",
            sqlite_where=sql("read_at IS NULL"),
            postgresql_where=sql("read_at IS NULL"),
        ),
    )


__all__ = ["MESSAGE_LENGTH", "MessageRow"]
