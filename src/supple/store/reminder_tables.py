"""Reminders' rows: a person's reminder settings with the last reminder sent, and the browsers
(push subscriptions) that receive them."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, ForeignKey, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from supple.store.schema import Base
from supple.store.timeutil import UTCDateTime


class ReminderRow(Base):
    """A person's reminder settings, and the last reminder sent (what makes a restart safe).

    Times are local times of the server's zone (as Today and the day counts are); not exported
    with the records: a restored copy asks again (a browser's subscription is a credential)."""

    __tablename__ = "reminder"
    person_id: Mapped[int] = mapped_column(
        ForeignKey("person.id", ondelete="CASCADE"), primary_key=True
    )
    enabled: Mapped[bool] = mapped_column(Boolean)
    #: local time of day, HH:MM
    at: Mapped[str] = mapped_column(String(5))
    #: weekday numbers (0 Monday … 6 Sunday), comma-separated
    days: Mapped[str] = mapped_column(String(13))
    follow_up: Mapped[bool] = mapped_column(Boolean)
    quiet_start: Mapped[str | None] = mapped_column(String(5))
    quiet_end: Mapped[str | None] = mapped_column(String(5))
    #: the last reminder sent: "first" or "follow_up", and its local date and time (ISO, no zone)
    last_slot: Mapped[str | None] = mapped_column(String(9))
    last_at: Mapped[str | None] = mapped_column(String(19))
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)


class PushSubscriptionRow(Base):
    """One browser that receives a person's reminders: its push endpoint and its two keys."""

    __tablename__ = "push_subscription"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"), index=True)
    endpoint: Mapped[str] = mapped_column(String(1000), unique=True)
    p256dh: Mapped[str] = mapped_column(String(200))
    auth: Mapped[str] = mapped_column(String(100))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)


__all__ = ["PushSubscriptionRow", "ReminderRow"]
