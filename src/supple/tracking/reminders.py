"""When to send a reminder: plain rules over local times, the person's days and quiet hours.

A scheduler asks :func:`due` on every tick with the person's local time, their settings, the
days a session was logged and the persisted record of the last reminder sent; it sends what
comes back and persists it as the new "last sent". Nothing here reads a clock or a store, so a
restart changes nothing: the answer depends only on what was persisted.

The rules: reminders only on the chosen days, never in quiet hours, never once a session is
logged that day; the first at the chosen time (or as soon after it as the scheduler runs, so a
restart never skips it), and one follow-up 3 hours after the first was sent, only if still no
session was logged. At most one of each per day, so never a doubled reminder.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Literal

#: The follow-up comes this long after the first reminder was actually sent.
FOLLOW_UP_AFTER = timedelta(hours=3)

Slot = Literal["first", "follow_up"]


def in_quiet_hours(moment: time, start: time | None, end: time | None) -> bool:
    """Whether ``moment`` falls in the quiet hours ``start``..``end`` (which may wrap midnight)."""
    if start is None or end is None or start == end:
        return False
    if start < end:
        return start <= moment < end
    return moment >= start or moment < end


@dataclass(frozen=True, slots=True)
class ReminderSettings:
    """The person's choice: weekdays (0 Monday … 6 Sunday), a time, follow-up, quiet hours."""

    days: frozenset[int]
    at: time
    follow_up: bool = True
    quiet_start: time | None = None
    quiet_end: time | None = None

    def __post_init__(self) -> None:
        if not self.days <= set(range(7)):
            raise ValueError("reminder days are weekday numbers 0 (Monday) to 6 (Sunday)")
        if (self.quiet_start is None) != (self.quiet_end is None):
            raise ValueError("quiet hours need both a start and an end")
        if in_quiet_hours(self.at, self.quiet_start, self.quiet_end):
            raise ValueError("the reminder time falls in your quiet hours; choose another time")

    def quiet(self, moment: time) -> bool:
        """Whether ``moment`` is in this person's quiet hours."""
        return in_quiet_hours(moment, self.quiet_start, self.quiet_end)


@dataclass(frozen=True, slots=True)
class Reminder:
    """A reminder sent (or to send) at a local time; the scheduler persists the last one."""

    slot: Slot
    at: datetime


def due(
    *,
    now: datetime,
    settings: ReminderSettings,
    logged_days: Collection[date],
    last_sent: Reminder | None,
) -> Reminder | None:
    """The reminder to send at the local time ``now``, or None."""
    day = now.date()
    if day.weekday() not in settings.days or day in logged_days or settings.quiet(now.time()):
        return None
    if now < datetime.combine(day, settings.at):
        return None
    sent_today = last_sent is not None and last_sent.at.date() == day
    if not sent_today:
        return Reminder("first", now)
    assert last_sent is not None
    if settings.follow_up and last_sent.slot == "first" and now >= last_sent.at + FOLLOW_UP_AFTER:
        return Reminder("follow_up", now)
    return None
