"""The reminder schedule: rules that must hold for every week, setting, downtime and session."""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from supple.tracking.reminders import (
    FOLLOW_UP_AFTER,
    Reminder,
    ReminderSettings,
    due,
    in_quiet_hours,
)

MONDAY = datetime(2025, 3, 3)
DAYS = 4
TICK = timedelta(minutes=5)


@dataclass(frozen=True)
class World:
    """A few days of ticks (with downtime removed) and the moments sessions were logged."""

    settings: ReminderSettings
    ticks: tuple[datetime, ...]
    sessions: dict[date, datetime]

    def logged(self, now: datetime) -> set[date]:
        return {day for day, at in self.sessions.items() if at <= now}


def run(world: World, ticks: tuple[datetime, ...], last: Reminder | None = None) -> list[Reminder]:
    """One scheduler process over ``ticks``, starting from the persisted ``last`` reminder."""
    sent: list[Reminder] = []
    for now in ticks:
        reminder = due(
            now=now, settings=world.settings, logged_days=world.logged(now), last_sent=last
        )
        if reminder is not None:
            sent.append(reminder)
            last = reminder  # what the scheduler persists
    return sent


def _clock(minute: int) -> time:
    return time(minute // 60, minute % 60)


@st.composite
def worlds(draw: st.DrawFn) -> World:
    at = draw(st.integers(0, 24 * 60 - 1))
    quiet = draw(st.none() | st.tuples(st.integers(0, 24 * 60 - 1), st.integers(0, 24 * 60 - 1)))
    if quiet is not None and in_quiet_hours(_clock(at), _clock(quiet[0]), _clock(quiet[1])):
        quiet = None
    chosen = ReminderSettings(
        days=frozenset(draw(st.sets(st.integers(0, 6), max_size=7))),
        at=_clock(at),
        follow_up=draw(st.booleans()),
        quiet_start=_clock(quiet[0]) if quiet else None,
        quiet_end=_clock(quiet[1]) if quiet else None,
    )
    # Downtime: a few gaps when the server was stopped (restarts, crashes, deploys).
    gaps = draw(st.lists(st.tuples(st.integers(0, DAYS * 288), st.integers(1, 120)), max_size=4))
    down = {i for start, length in gaps for i in range(start, start + length)}
    ticks = tuple(MONDAY + TICK * i for i in range(DAYS * 288) if i not in down)
    sessions: dict[date, datetime] = {}
    for offset in range(DAYS):
        minute = draw(st.none() | st.integers(0, 24 * 60 - 1))
        if minute is not None:
            day = (MONDAY + timedelta(days=offset)).date()
            sessions[day] = datetime.combine(day, _clock(minute))
    return World(chosen, ticks, sessions)


@settings(max_examples=150, deadline=None)
@given(worlds())
def test_never_doubled_never_on_a_day_off_a_logged_day_or_in_quiet_hours(world: World) -> None:
    sent = run(world, world.ticks)
    per_day: dict[tuple[date, str], int] = {}
    for r in sent:
        key = (r.at.date(), r.slot)
        per_day[key] = per_day.get(key, 0) + 1
        assert r.at.weekday() in world.settings.days
        assert not world.settings.quiet(r.at.time())
        assert r.at.date() not in world.logged(r.at)
        assert r.at.time() >= world.settings.at
    assert all(count == 1 for count in per_day.values())
    for r in sent:
        if r.slot == "follow_up":
            assert world.settings.follow_up
            first = next(f for f in sent if f.slot == "first" and f.at.date() == r.at.date())
            assert r.at - first.at >= FOLLOW_UP_AFTER


@settings(max_examples=150, deadline=None)
@given(worlds())
def test_never_skipped_the_first_eligible_tick_sends(world: World) -> None:
    sent = run(world, world.ticks)
    firsts = {r.at.date(): r.at for r in sent if r.slot == "first"}
    follow_ups = {r.at.date(): r.at for r in sent if r.slot == "follow_up"}
    s = world.settings

    def eligible(now: datetime) -> bool:
        return (
            now.weekday() in s.days
            and now.time() >= s.at
            and not s.quiet(now.time())
            and now.date() not in world.logged(now)
        )

    for offset in range(DAYS):
        day = (MONDAY + timedelta(days=offset)).date()
        todays = [t for t in world.ticks if t.date() == day]
        first_tick = next((t for t in todays if eligible(t)), None)
        assert firsts.get(day) == first_tick
        if first_tick is None or not s.follow_up:
            assert day not in follow_ups
            continue
        later = next((t for t in todays if t >= first_tick + FOLLOW_UP_AFTER and eligible(t)), None)
        assert follow_ups.get(day) == later


@settings(max_examples=100, deadline=None)
@given(worlds(), st.lists(st.integers(1, DAYS * 288 - 1), max_size=5))
def test_a_restart_neither_skips_nor_doubles(world: World, cuts: list[int]) -> None:
    """Processes that each start from the persisted "last sent" send what one long run sends."""
    whole = run(world, world.ticks)
    pieces: list[Reminder] = []
    bounds = [0, *sorted(set(cuts)), len(world.ticks)]
    persisted: Reminder | None = None
    for a, b in itertools.pairwise(bounds):
        sent = run(world, world.ticks[a:b], last=persisted)
        pieces += sent
        persisted = sent[-1] if sent else persisted
    assert pieces == whole


def test_a_late_start_sends_the_first_once_then_the_follow_up_three_hours_after_it() -> None:
    s = ReminderSettings(days=frozenset(range(7)), at=time(8, 0))
    day = MONDAY.date()
    none: set[date] = set()
    late = datetime.combine(day, time(10, 30))
    assert due(now=late, settings=s, logged_days=none, last_sent=None) == Reminder("first", late)
    first = Reminder("first", late)
    assert due(now=late + timedelta(hours=2), settings=s, logged_days=none, last_sent=first) is None
    back = late + FOLLOW_UP_AFTER
    assert due(now=back, settings=s, logged_days=none, last_sent=first) == Reminder(
        "follow_up", back
    )
    follow = Reminder("follow_up", back)
    assert due(now=back + TICK, settings=s, logged_days=none, last_sent=follow) is None
    assert due(now=back, settings=s, logged_days={day}, last_sent=first) is None


def test_quiet_hours_wrap_midnight() -> None:
    assert in_quiet_hours(time(23, 0), time(22, 0), time(7, 0))
    assert in_quiet_hours(time(6, 59), time(22, 0), time(7, 0))
    assert not in_quiet_hours(time(7, 0), time(22, 0), time(7, 0))
    assert in_quiet_hours(time(13, 0), time(12, 0), time(14, 0))
    assert not in_quiet_hours(time(13, 0), None, None)


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"days": frozenset({7})}, "weekday numbers"),
        ({"quiet_start": time(22, 0)}, "both a start and an end"),
        ({"at": time(23, 0), "quiet_start": time(22, 0), "quiet_end": time(7, 0)}, "quiet hours"),
    ],
)
def test_settings_refuse_what_could_never_work(kwargs: dict[str, object], message: str) -> None:
    base: dict[str, object] = {"days": frozenset({0}), "at": time(8, 0)}
    with pytest.raises(ValueError, match=message):
        ReminderSettings(**(base | kwargs))  # type: ignore[arg-type]
