"""The calendar file, parsed back with icalendar and its repeats expanded with dateutil."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from itertools import islice
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from dateutil.rrule import rrulestr
from icalendar import Calendar

from supple.export.calendar import (
    CalendarError,
    CalendarInput,
    calendar_ics,
    parse_days,
    parse_time,
)
from supple.library import load_library
from supple.planner import make_plan
from supple.presentation.words import dose_sentence
from supple.safety.profile import Profile

LIBRARY = load_library()
PLAN = make_plan(Profile(minutes=15), LIBRARY, seed=2, day=date(2025, 3, 3))
STAMP = datetime(2025, 3, 3, 12, 0, tzinfo=UTC)
LINK = "http://127.0.0.1:8000/today"


def _calendar(**changes: object) -> Calendar:
    given: dict[str, object] = {
        "plan": PLAN,
        "days": ("mon", "wed", "fri"),
        "at": time(7, 30),
        "timezone": "Europe/London",
        "start": date(2025, 3, 4),  # a Tuesday
        "uid": "routine-7f3a@supple",
        "app_link": LINK,
        "alarm_before": timedelta(minutes=10),
    }
    ics = calendar_ics(CalendarInput(**(given | changes)), stamp=STAMP)  # type: ignore[arg-type]
    return Calendar.from_ical(ics)


def _event(cal: Calendar) -> Any:
    (event,) = cal.walk("VEVENT")
    return event


def test_the_event_repeats_weekly_on_the_chosen_days_at_the_chosen_local_time() -> None:
    event = _event(_calendar())
    rule = event["RRULE"]
    assert rule["FREQ"] == ["WEEKLY"]
    assert rule["BYDAY"] == ["MO", "WE", "FR"]
    start = event.decoded("DTSTART")
    assert start.tzinfo is not None and str(start.tzinfo) == "Europe/London"
    assert event["DTSTART"].params["TZID"] == "Europe/London"
    # The first instance is the first chosen day on or after the start (Wednesday 5 March).
    assert start == datetime(2025, 3, 5, 7, 30, tzinfo=ZoneInfo("Europe/London"))
    assert event.decoded("DURATION") == timedelta(minutes=-(-PLAN.total_seconds // 60))
    # Expanded by an independent reader: Mon/Wed/Fri at 07:30 London time, across the change
    # to summer time on 30 March.
    repeats = list(islice(rrulestr(event["RRULE"].to_ical().decode(), dtstart=start), 12))
    assert [d.strftime("%a") for d in repeats[:4]] == ["Wed", "Fri", "Mon", "Wed"]
    assert all(d.time() == time(7, 30) for d in repeats)
    assert {d.utcoffset() for d in repeats} == {timedelta(0), timedelta(hours=1)}


def test_the_file_carries_its_time_zone_and_an_alarm() -> None:
    cal = _calendar()
    zones = cal.walk("VTIMEZONE")
    assert [z["TZID"] for z in zones] == ["Europe/London"]
    (alarm,) = _event(cal).walk("VALARM")
    assert alarm["ACTION"] == "DISPLAY"
    assert alarm.decoded("TRIGGER") == timedelta(minutes=-10)
    assert str(alarm["DESCRIPTION"]).startswith("Back routine, ")


def test_private_by_default_it_says_only_back_routine_and_how_long() -> None:
    event = _event(_calendar())
    minutes = -(-PLAN.total_seconds // 60)
    assert str(event["SUMMARY"]) == f"Back routine, {minutes} min"
    text = str(event["DESCRIPTION"])
    assert text == f"Back routine, {minutes} min\n\nOpen it in Supple: {LINK}"
    ics = calendar_ics(
        CalendarInput(
            plan=PLAN,
            days=("tue",),
            at=time(8, 0),
            timezone="UTC",
            start=date(2025, 3, 3),
            uid="u@supple",
        ),
        stamp=STAMP,
    ).decode()
    for item in PLAN.items:
        assert item.name not in ics
    assert str(event["CLASS"]) == "PRIVATE"


def test_with_details_it_lists_every_move_and_its_dose() -> None:
    text = str(_event(_calendar(details=True))["DESCRIPTION"])
    for n, item in enumerate(PLAN.items, 1):
        assert f"{n}. {item.name}: {dose_sentence(item)}" in text
    assert "Stop any move that hurts." in text
    assert text.endswith(LINK)


def test_the_uid_is_stable_so_a_new_file_replaces_the_old_event() -> None:
    assert str(_event(_calendar())["UID"]) == "routine-7f3a@supple"
    assert _calendar().to_ical() == _calendar().to_ical()


@pytest.mark.parametrize(
    ("text", "days"),
    [("mon,wed,fri", ("mon", "wed", "fri")), ("Fri, Mon", ("mon", "fri")), ("sunday", ("sun",))],
)
def test_days_parse_into_week_order(text: str, days: tuple[str, ...]) -> None:
    assert parse_days(text) == days


@pytest.mark.parametrize("text", ["", "mon,funday", ",,"])
def test_bad_days_are_refused_in_one_line(text: str) -> None:
    with pytest.raises(CalendarError, match="comma-separated"):
        parse_days(text)


@pytest.mark.parametrize("text", ["25:00", "8", "eight", "08:60"])
def test_bad_times_are_refused(text: str) -> None:
    with pytest.raises(CalendarError, match="HH:MM"):
        parse_time(text)
    assert parse_time("8:05") == time(8, 5)


def test_an_unknown_zone_no_days_or_no_routine_are_refused() -> None:
    with pytest.raises(CalendarError, match="time zone"):
        _calendar(timezone="Mars/Olympus")
    with pytest.raises(CalendarError, match="at least one day"):
        _calendar(days=())
    referral = make_plan(Profile(red_flags=["chest_pain"]), LIBRARY)
    with pytest.raises(CalendarError, match="get checked"):
        _calendar(plan=referral)
