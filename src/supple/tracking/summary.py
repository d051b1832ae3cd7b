"""Everything ``supple progress`` and the progress page show, computed in one pass."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from supple.planner.phrase import Phrase
from supple.tracking import adherence, pain, psfs
from supple.tracking.adapt import Decisions, decide
from supple.tracking.model import TrackingInput
from supple.tracking.stratify import Stratification, stratify
from supple.tracking.walking import WalkPlan, plan_of

if TYPE_CHECKING:
    from supple.library.model import Exercise

#: Days shown in the pain sparkline.
TREND_DAYS = 28


@dataclass(frozen=True)
class Progress:
    """A person's progress at a glance."""

    this_week: adherence.WeekAdherence
    recent_weeks: list[adherence.WeekAdherence]
    streak_days: int
    best_streak_days: int
    streak_weeks: int
    sessions_done: int
    pain_now: float | None
    pain_trend: list[float | None]
    pain_change: pain.PainChange
    psfs_change: psfs.PsfsChange | None
    warnings: list[Phrase]
    adjustments: Decisions
    walking: WalkPlan | None = None
    support: Stratification | None = None
    lessons_read: int = 0


def summarize(data: TrackingInput, library: Mapping[str, Exercise] | None = None) -> Progress:
    """Compute the progress summary."""
    decisions = decide(data, library)
    days = adherence.done_days(data.sessions)
    recent = adherence.weekly(data, weeks=8, days=days)
    return Progress(
        this_week=recent[-1],
        recent_weeks=recent,
        streak_days=adherence.day_streak(data, days),
        best_streak_days=adherence.best_day_streak(data, days),
        streak_weeks=adherence.week_streak(data, days),
        sessions_done=sum(1 for s in data.sessions if s.status == "finished"),
        pain_now=pain.average(data),
        pain_trend=pain.daily_means(data, TREND_DAYS),
        pain_change=pain.change(data),
        psfs_change=psfs.change(data),
        warnings=[decisions.warning] if decisions.warning else [],
        adjustments=decisions,
        walking=plan_of(data),
        support=stratify(data),
        lessons_read=len({r.lesson for r in data.lessons_read}),
    )
