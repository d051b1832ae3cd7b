"""The walking plan: begin it from what the person walks comfortably, log walks, see it."""

from __future__ import annotations

from datetime import date, datetime

from supple.app.errors import Refused
from supple.app.ports import Records, TrackingSource
from supple.planner.model import WalkTarget
from supple.tracking.model import TrackingInput
from supple.tracking.walking import MAX_START_S, MAX_WALK_S, MIN_START_S, WalkPlan, plan_of


def _seconds(minutes: float, low: int, high: int, what: str) -> int:
    seconds = round(minutes * 60)
    if not low <= seconds <= high:
        raise Refused(f"{what} is {low / 60:g} to {high / 60:g} minutes, not {minutes:g}")
    return seconds


def start(*, store: Records, minutes: float, at: datetime | None = None) -> int:
    """Begin (or begin again) the walking plan from ``minutes`` the person walks comfortably."""
    seconds = _seconds(minutes, MIN_START_S, MAX_START_S, "a comfortable walk")
    return store.start_walking(seconds, at=at)


def log(*, store: Records, minutes: float, at: datetime | None = None) -> int:
    """Keep a walk of ``minutes``; return its id."""
    return store.log_walk(_seconds(minutes, 1, MAX_WALK_S, "a walk"), at=at)


def plan(*, source: TrackingSource, today: date) -> WalkPlan | None:
    """The walking plan as of ``today`` (None before the person starts one)."""
    return plan_of(source.tracking_input(today))


def target(records: TrackingInput) -> WalkTarget | None:
    """Today's walk, for the plan."""
    walking = plan_of(records)
    if walking is None:
        return None
    return WalkTarget(
        seconds=walking.target_s, week=walking.this_week.number, walked_s=walking.walked_today_s
    )


__all__ = ["log", "plan", "start", "target"]
