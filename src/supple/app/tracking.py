"""Between sessions: pain scores, the activities scale (PSFS), progress and the history."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta

from supple.app.ports import Records, TrackingSource
from supple.app.records import History
from supple.library.model import Exercise
from supple.tracking import Progress, TrackingInput, readout, summarize
from supple.tracking.adapt import RECENT_DAYS as DECIDE_DAYS


def log_pain(
    *, store: Records, score: int, note: str | None = None, at: datetime | None = None
) -> int:
    """Keep a pain score 0–10 with an optional note; return its id."""
    return store.log_pain(score, note=note, at=at)


def score_activities(
    *, store: Records, scores: Mapping[str, int], at: datetime | None = None
) -> int:
    """Score activities 0–10 on the PSFS (naming new ones, up to five); return how many."""
    return store.save_psfs(scores, at=at)


def activities(*, store: Records) -> list[str]:
    """The activities the person named for the PSFS, in the order they named them."""
    return store.psfs_activities()


def plan_days(*, store: Records, days: int) -> None:
    """How many days a week the person means to exercise (adherence counts against it)."""
    store.set_days_per_week(days)


#: Days of records a progress summary carries by default, for the page's charts and its
#: five-week calendar.
RECENT_DAYS = 35
#: Days the printed chart needs (its 90 days, and the week before them).
CHART_DAYS = 98


@dataclass(frozen=True)
class Summary:
    """What tracking made of the person's records, and the records of the recent days (for
    charts and the calendar)."""

    records: TrackingInput
    progress: Progress


def summary_of(records: TrackingInput, library: Mapping[str, Exercise]) -> Summary:
    """Adherence, streaks, pain and PSFS change, warnings and what the plan will change, from
    every record (what the summaries are checked against)."""
    return Summary(records, summarize(records, library))


def progress(
    *,
    source: TrackingSource,
    library: Mapping[str, Exercise],
    today: date,
    days: int = RECENT_DAYS,
) -> Summary:
    """The person's progress as of ``today``, from the summaries the store keeps (a cost that
    does not grow with the history), with the records of the last ``days`` days."""
    # One read covers the summaries, the days shown and the longer window the decisions need.
    first = today - timedelta(days=max(days - 1, DECIDE_DAYS))
    window, digest = source.tracking_window(today, since=first)
    cut = today - timedelta(days=days - 1)
    recent = replace(
        window,
        sessions=tuple(r for r in window.sessions if r.day >= cut),
        pain=tuple(r for r in window.pain if r.day >= cut),
        psfs=tuple(r for r in window.psfs if r.day >= cut),
    )
    return Summary(recent, readout.summarize(digest, window, library))


@dataclass(frozen=True)
class Overview:
    """Progress with the latest sessions and the activities named, as the progress page shows."""

    summary: Summary
    history: History
    activities: list[str]


def overview(
    *,
    store: Records,
    library: Mapping[str, Exercise],
    today: date,
    limit: int = 20,
    days: int = RECENT_DAYS,
) -> Overview:
    """Everything the progress page shows (the records of the last ``days`` days)."""
    return Overview(
        progress(source=store, library=library, today=today, days=days),
        store.history(limit),
        store.psfs_activities(),
    )


def history(*, store: Records, limit: int = 20) -> History:
    """The latest ``limit`` sessions and pain scores, newest first."""
    return store.history(limit)


__all__ = [
    "CHART_DAYS",
    "RECENT_DAYS",
    "Overview",
    "Summary",
    "activities",
    "history",
    "log_pain",
    "overview",
    "plan_days",
    "progress",
    "score_activities",
    "summary_of",
]
