"""Reminders that fire: the person's reminder settings, the browsers that receive them, and the
sender's ``tick`` that decides (``supple.tracking.reminders.due``), claims and sends.

Times are local times in the server's zone, as Today and the day counts use. A tick claims the
reminder in the store FIRST, by a conditional update of the last one sent (it only succeeds if
the last one is still what the tick read), and sends after: two senders never both claim the
same reminder, and a restart reads what was sent. A push the service answers 404/410 to is a
dead subscription and is forgotten. The message names only the routine's minutes, never a
health detail (``supple.export.push.reminder_payload``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime, time
from typing import Protocol

from supple.app.errors import AppError, Conflict, Refused
from supple.app.ports import Records, TrackingSource
from supple.library.model import Exercise
from supple.tracking.reminders import Reminder, ReminderSettings, due

#: Sessions that count as "logged" for the day: no reminder (or follow-up) after one of these.
LOGGED = ("finished", "stopped")
#: What a person has before choosing anything: off, every day at 08:00, with the follow-up.
DEFAULT = ReminderSettings(days=frozenset(range(7)), at=time(8, 0), follow_up=True)


@dataclass(frozen=True)
class ReminderChoice:
    """The person's reminders: on or off, when, and the last one sent (None: none yet)."""

    enabled: bool
    settings: ReminderSettings
    last: Reminder | None = None


@dataclass(frozen=True)
class PushTarget:
    """A browser that receives the person's reminders: its push endpoint and its two keys."""

    endpoint: str
    p256dh: str
    auth: str


class SubscriptionGone(AppError):
    """The push service says the subscription is dead (404 or 410): forget it."""


class ReminderRecords(Protocol):
    """What reminders need of one person's records."""

    def reminder_choice(self) -> ReminderChoice | None: ...

    def set_reminder_choice(self, *, enabled: bool, settings: ReminderSettings) -> None: ...

    def claim_reminder(self, *, expected: Reminder | None, new: Reminder) -> bool: ...

    def push_targets(self) -> list[PushTarget]: ...

    def add_push_target(self, target: PushTarget) -> bool: ...

    def drop_push_target(self, endpoint: str) -> bool: ...


class ReminderPeople(Protocol):
    """What the sender needs of the whole database: who has reminders on and a browser."""

    def reminder_people(self) -> list[int]: ...


#: Sends one reminder to one browser with the routine's minutes; raises SubscriptionGone for a
#: dead subscription, any other AppError for a push that failed this time.
Push = Callable[[PushTarget, Reminder, int], None]


def read_settings(store: ReminderRecords) -> ReminderChoice:
    """The person's reminders (off, every day at 08:00, when they never chose)."""
    found = store.reminder_choice()
    return found if found is not None else ReminderChoice(enabled=False, settings=DEFAULT)


def make_settings(
    *,
    days: Iterable[int],
    at: time,
    follow_up: bool,
    quiet_start: time | None = None,
    quiet_end: time | None = None,
) -> ReminderSettings:
    """Settings from what the person chose; Refused says what does not fit (a time in quiet
    hours, half a quiet hours range, no day)."""
    chosen = frozenset(days)
    if not chosen:
        raise Refused("choose at least one day for reminders")
    try:
        return ReminderSettings(
            days=chosen,
            at=at.replace(second=0, microsecond=0),
            follow_up=follow_up,
            quiet_start=None if quiet_start is None else quiet_start.replace(second=0),
            quiet_end=None if quiet_end is None else quiet_end.replace(second=0),
        )
    except ValueError as exc:
        raise Refused(str(exc)) from None


def save_settings(*, store: ReminderRecords, enabled: bool, settings: ReminderSettings) -> None:
    """Keep the person's reminder settings (the last reminder sent stays as it was)."""
    store.set_reminder_choice(enabled=enabled, settings=settings)


def save_subscription(*, store: ReminderRecords, target: PushTarget) -> None:
    """Keep a browser's subscription for the person (the same endpoint again replaces its keys).
    An endpoint another person subscribed with is refused (Conflict): the page makes a fresh
    subscription each time, so a browser shared by two people gets one endpoint each."""
    if not store.add_push_target(target):
        raise Conflict("this browser's subscription belongs to someone else: subscribe again")


def delete_subscription(*, store: ReminderRecords, endpoint: str) -> bool:
    """Forget one of the person's browsers; False when it was not theirs or not there."""
    return store.drop_push_target(endpoint)


@dataclass(frozen=True)
class Sent:
    """One reminder the tick claimed, and how many browsers got it."""

    person_id: int
    reminder: Reminder
    delivered: int
    gone: int


class TickRecords(ReminderRecords, Records, Protocol):
    """One person's records as the tick reads them: reminders, the day's sessions, the routine."""


def logged_days(records: TrackingSource, today: date) -> set[date]:
    """The days (of today's records) on which a session was logged: finished or stopped."""
    found = records.tracking_input(today, since=today)
    return {s.day for s in found.sessions if s.status in LOGGED}


def routine_minutes(*, store: Records, library: Mapping[str, Exercise], today: date) -> int | None:
    """The minutes of today's routine as Today shows them (None: no routine, as before the
    first answers or with answers that lead to a referral)."""
    from supple.app.exports import current_programme
    from supple.presentation.words import minutes_of

    try:
        programme = current_programme(store=store, library=library, today=today)
    except Conflict:  # NoProfile too
        return None
    return minutes_of(programme.plan.total_seconds)


def tick(
    *,
    now: datetime,
    db: ReminderPeople,
    records_of: Callable[[int], TickRecords],
    library: Mapping[str, Exercise],
    push: Push,
) -> list[Sent]:
    """Send every reminder due at ``now`` (an aware time; the schedule runs on the server's
    local time): decide, claim in the store, then push to each of the person's browsers."""
    local = now.astimezone().replace(tzinfo=None, microsecond=0)
    today = local.date()
    sent: list[Sent] = []
    for person_id in db.reminder_people():
        records = records_of(person_id)
        choice = records.reminder_choice()
        if choice is None or not choice.enabled:
            continue
        # A logged day only takes a reminder away: when none is due even without one, the
        # day's records need not be read (most people on most ticks).
        if due(now=local, settings=choice.settings, logged_days=(), last_sent=choice.last) is None:
            continue
        wanted = due(
            now=local,
            settings=choice.settings,
            logged_days=logged_days(records, today),
            last_sent=choice.last,
        )
        if wanted is None:
            continue
        minutes = routine_minutes(store=records, library=library, today=today)
        if minutes is None:  # nothing to do today: no reminder to do it
            continue
        if not records.claim_reminder(expected=choice.last, new=wanted):
            continue  # another sender claimed it first
        delivered = gone = 0
        for target in records.push_targets():
            try:
                push(target, wanted, minutes)
                delivered += 1
            except SubscriptionGone:
                records.drop_push_target(target.endpoint)
                gone += 1
            except AppError:
                pass  # this browser missed it; the reminder stays claimed, never doubled
        sent.append(Sent(person_id, wanted, delivered, gone))
    return sent


__all__ = [
    "DEFAULT",
    "LOGGED",
    "Push",
    "PushTarget",
    "ReminderChoice",
    "ReminderPeople",
    "ReminderRecords",
    "Sent",
    "SubscriptionGone",
    "TickRecords",
    "delete_subscription",
    "logged_days",
    "make_settings",
    "read_settings",
    "routine_minutes",
    "save_settings",
    "save_subscription",
    "tick",
]
