"""Adherence (sessions done against the plan, week by week) and streaks."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from supple.tracking.model import SessionRecord, TrackingInput


def week_start(day: date) -> date:
    """The Monday of ``day``'s week."""
    return day - timedelta(days=day.weekday())


def done_days(sessions: Iterable[SessionRecord]) -> set[date]:
    """Days with at least one finished session (a stopped session does not count as done)."""
    return {s.day for s in sessions if s.status == "finished"}


@dataclass(frozen=True, slots=True)
class WeekAdherence:
    """One week: days with a finished session against the days planned."""

    start: date
    done: int
    planned: int

    @property
    def ratio(self) -> float:
        """Share of the planned days done, at most 1."""
        return min(1.0, self.done / self.planned) if self.planned else 0.0

    @property
    def met(self) -> bool:
        return self.done >= self.planned


def week_counts(days: Iterable[date]) -> dict[date, int]:
    """Days per week (by Monday)."""
    counts: dict[date, int] = {}
    for day in days:
        monday = week_start(day)
        counts[monday] = counts.get(monday, 0) + 1
    return counts


def weekly(
    data: TrackingInput, weeks: int | None = None, days: set[date] | None = None
) -> list[WeekAdherence]:
    """Adherence for each week from the first session's (or the last ``weeks``) to today's.

    ``days`` is :func:`done_days` of the sessions when the caller has it already.
    """
    if days is None:
        days = done_days(data.sessions)
    this_week = week_start(data.today)
    if weeks is not None:
        first = this_week - timedelta(weeks=weeks - 1)
        days = {d for d in days if d >= first}
    elif data.sessions:
        first = week_start(min(s.day for s in data.sessions))
    else:
        first = this_week
    counts = week_counts(days)
    out = []
    start = first
    while start <= this_week:
        out.append(WeekAdherence(start, counts.get(start, 0), data.days_per_week))
        start += timedelta(weeks=1)
    return out


def this_week(data: TrackingInput) -> WeekAdherence:
    """Adherence so far this week (Monday to today)."""
    return weekly(data, weeks=1)[0]


def day_streak(data: TrackingInput, days: set[date] | None = None) -> int:
    """Days in a row with a finished session, ending today (or yesterday, if today is open)."""
    days = done_days(data.sessions) if days is None else days
    day = data.today if data.today in days else data.today - timedelta(days=1)
    count = 0
    while day in days:
        count += 1
        day -= timedelta(days=1)
    return count


def best_day_streak(data: TrackingInput, days: set[date] | None = None) -> int:
    """The longest run of consecutive days with a finished session."""
    best = run = 0
    previous: date | None = None
    for day in sorted(done_days(data.sessions) if days is None else days):
        run = run + 1 if previous is not None and day - previous == timedelta(days=1) else 1
        best = max(best, run)
        previous = day
    return best


def week_streak(data: TrackingInput, days: set[date] | None = None) -> int:
    """Weeks in a row that met the plan, ending last week (this week counts once it is met)."""
    weeks = weekly(data, days=days)
    if weeks and not weeks[-1].met:
        weeks = weeks[:-1]
    count = 0
    for week in reversed(weeks):
        if not week.met:
            break
        count += 1
    return count
