"""A graded walking plan, as in WalkBack (Pocovi 2024): minutes a day, starting from what the
person says they can walk comfortably, growing by about 10% a week, never more.

The plan runs in weeks counted from its first day. Each week asks for a daily walk on
``WALK_DAYS`` days. A week grows by 10% (rounded down to the second, so never more) when the
week before reached at least 80% of its walking; otherwise it holds, so the plan follows the
person instead of running ahead. It stops growing at 30 minutes a day (WalkBack's goal of 30
minutes on 5 days; WHO 2020: 150-300 minutes of moderate activity a week).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from supple.tracking.model import TrackingInput, WalkRecord, WalkStart

#: Growth per week: about 10%, never more.
GROWTH = 0.10
#: Walking days a week the plan asks for (WalkBack: 5).
WALK_DAYS = 5
#: The daily goal the plan grows towards: 30 minutes.
GOAL_S = 30 * 60
#: A week that reached this share of its walking lets the next one grow.
GROW_FROM = 0.8
#: What a person may say they can walk comfortably: 1 to 60 minutes.
MIN_START_S = 60
MAX_START_S = 60 * 60
#: A single logged walk is at most 5 hours (a typing slip beyond).
MAX_WALK_S = 5 * 60 * 60


@dataclass(frozen=True, slots=True)
class WalkWeek:
    """One week of the plan: its first day, the daily target, and what was walked."""

    number: int
    start: date
    target_s: int
    walked_s: int
    days_walked: int

    @property
    def planned_s(self) -> int:
        """The week's walking: the daily target on every walking day."""
        return self.target_s * WALK_DAYS

    @property
    def ratio(self) -> float:
        """Share of the week's walking done, at most 1."""
        return min(1.0, self.walked_s / self.planned_s) if self.planned_s else 0.0


def next_target(target_s: int, reached: float) -> int:
    """The next week's daily target after a week at ``target_s`` that reached ``reached``."""
    if reached < GROW_FROM or target_s >= GOAL_S:
        return target_s
    return min(GOAL_S, max(target_s, int(target_s * (1 + GROWTH))))


def weeks(start: WalkStart, walks: Iterable[WalkRecord], today: date) -> list[WalkWeek]:
    """Every week of the plan from its start to the one holding ``today``."""
    logged: dict[date, int] = {}
    for walk in walks:
        if walk.day >= start.day:
            logged[walk.day] = logged.get(walk.day, 0) + walk.seconds
    out: list[WalkWeek] = []
    target = min(GOAL_S, start.comfortable_s)
    first = start.day
    number = 1
    while first <= today:
        days = [first + timedelta(days=k) for k in range(7)]
        walked = sum(logged.get(d, 0) for d in days)
        done = sum(1 for d in days if logged.get(d, 0) > 0)
        week = WalkWeek(number, first, target, walked, done)
        out.append(week)
        target = next_target(target, week.ratio)
        first += timedelta(weeks=1)
        number += 1
    return out


@dataclass(frozen=True)
class WalkPlan:
    """Where the walking plan stands today: this week, the weeks so far, today's walk."""

    this_week: WalkWeek
    weeks: list[WalkWeek]
    walked_today_s: int

    @property
    def target_s(self) -> int:
        return self.this_week.target_s


def plan_of(data: TrackingInput) -> WalkPlan | None:
    """The walking plan as of ``data.today`` (None before the person starts one)."""
    if data.walk_start is None or data.walk_start.day > data.today:
        return None
    so_far = weeks(data.walk_start, data.walks, data.today)
    today_s = sum(w.seconds for w in data.walks if w.day == data.today)
    return WalkPlan(this_week=so_far[-1], weeks=so_far, walked_today_s=today_s)


__all__ = [
    "GOAL_S",
    "GROWTH",
    "MAX_START_S",
    "MAX_WALK_S",
    "MIN_START_S",
    "WALK_DAYS",
    "WalkPlan",
    "WalkWeek",
    "next_target",
    "plan_of",
    "weeks",
]
