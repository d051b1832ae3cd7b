"""The routine as a calendar (ICS): one event repeating on the chosen weekdays, with an alarm.

Private by default: the event says only "Back routine, 15 min", which tells anyone glancing at
a shared or synced calendar nothing about the person's health. The moves are listed only when
the person opts in to details.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from icalendar import Alarm, Calendar, Event, vRecur

from supple.planner.model import Plan
from supple.presentation.words import dose_sentence, minutes_of

#: The weekdays as the calendar options name them, Monday first.
WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
PRODID = "-//Supple//Back routine//EN"
#: Time-zone rules are written into the file from the first day to this one (icalendar's own
#: horizon); calendar programs carry the last rule on after it.
ZONE_UNTIL = date(2038, 1, 1)


class CalendarError(ValueError):
    """A calendar that cannot be made; the message says why in one line."""


@dataclass(frozen=True)
class CalendarInput:
    """When the routine repeats, and what the event may say."""

    plan: Plan
    days: tuple[str, ...]
    at: time
    timezone: str
    start: date
    uid: str
    details: bool = False
    app_link: str | None = None
    alarm_before: timedelta = timedelta(0)


def parse_days(text: str) -> tuple[str, ...]:
    """Weekdays from 'mon,wed,fri' (any case, any order), in week order."""
    given = [d.strip().lower()[:3] for d in text.split(",") if d.strip()]
    unknown = [d for d in given if d not in WEEKDAYS]
    if unknown or not given:
        raise CalendarError(
            f"days are mon, tue, wed, thu, fri, sat or sun, comma-separated: {text!r}"
        )
    return tuple(d for d in WEEKDAYS if d in given)


def parse_time(text: str) -> time:
    """A time of day from '08:00' or '8:30'."""
    try:
        hours, minutes = (int(part) for part in text.strip().split(":"))
        return time(hours, minutes)
    except ValueError:
        raise CalendarError(f"a time is HH:MM on a 24-hour clock, like 08:00: {text!r}") from None


def summary(plan: Plan) -> str:
    """What the event says to anyone: only that it is a back routine and how long it takes."""
    return f"Back routine, {minutes_of(plan.total_seconds)} min"


def description(data: CalendarInput) -> str:
    """The event's text: the moves only when the person chose details."""
    lines = [summary(data.plan)]
    if data.details:
        moves = (f"{n}. {i.name}: {dose_sentence(i)}" for n, i in enumerate(data.plan.items, 1))
        lines += ["", *moves]
        lines += ["", "Stop any move that hurts."]
    if data.app_link:
        lines += ["", f"Open it in Supple: {data.app_link}"]
    return "\n".join(lines)


def first_day(start: date, days: tuple[str, ...]) -> date:
    """The first chosen weekday on or after ``start``: an event's first instance is its start."""
    wanted = {WEEKDAYS.index(d) for d in days}
    week = (start + timedelta(n) for n in range(7))
    return next(day for day in week if day.weekday() in wanted)


def calendar_ics(data: CalendarInput, *, stamp: datetime) -> bytes:
    """The ICS file of the routine; ``stamp`` (aware) is when it was made."""
    if not data.plan.items:
        raise CalendarError("there is no routine to put in a calendar: get checked first")
    if not data.days:
        raise CalendarError("choose at least one day of the week")
    try:
        zone = ZoneInfo(data.timezone)
    except (ZoneInfoNotFoundError, ValueError):
        raise CalendarError(
            f"unknown time zone {data.timezone!r} (use a name like Europe/London)"
        ) from None
    begin = datetime.combine(first_day(data.start, data.days), data.at, tzinfo=zone)

    event = Event()
    event.add("uid", data.uid)
    event.add("dtstamp", stamp)
    event.add("dtstart", begin)
    event.add("duration", timedelta(minutes=minutes_of(data.plan.total_seconds)))
    event.add("rrule", vRecur(freq="WEEKLY", byday=[d[:2].upper() for d in data.days]))
    event.add("summary", summary(data.plan))
    event.add("description", description(data))
    event.add("class", "PRIVATE")
    event.add("transp", "TRANSPARENT")
    if data.app_link:
        event.add("url", data.app_link)

    alarm = Alarm()
    alarm.add("action", "DISPLAY")
    alarm.add("description", summary(data.plan))
    alarm.add("trigger", -data.alarm_before)
    event.add_component(alarm)

    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", "Back routine")
    cal.add_component(event)
    cal.add_missing_timezones(first_date=begin.date(), last_date=max(ZONE_UNTIL, begin.date()))
    ics: bytes = cal.to_ical()
    return ics
