"""The calendar feed's row: one per person, holding only a hash of its secret token."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from supple.store.schema import Base
from supple.store.timeutil import UTCDateTime


class CalendarFeedRow(Base):
    """A person's subscribable calendar: its token's SHA-256 and what the feed may show.

    Not exported with the records: it is a credential, and a restored copy makes a new one."""

    __tablename__ = "calendar_feed"
    person_id: Mapped[int] = mapped_column(
        ForeignKey("person.id", ondelete="CASCADE"), primary_key=True
    )
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    #: whether the feed lists the moves and doses (off: only "Back routine, N min")
    details: Mapped[bool] = mapped_column(Boolean)
    #: weekdays, comma-separated (None: the programme's days spread over the week)
    days: Mapped[str | None] = mapped_column(String(40))
    #: local time of day, HH:MM
    at: Mapped[str] = mapped_column(String(5))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)


__all__ = ["CalendarFeedRow"]
