"""Between sessions: pain scores, the activities scale (PSFS), progress and the history."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import date, datetime

from supple.app.ports import Records, TrackingSource
from supple.app.records import History
from supple.library.model import Exercise
from supple.tracking import Progress, TrackingInput, summarize


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


@dataclass(frozen=True)
class Summary:
    """The records tracking worked on, and what it made of them."""

    records: TrackingInput
    progress: Progress


def summary_of(records: TrackingInput, library: Mapping[str, Exercise]) -> Summary:
    """Adherence, streaks, pain and PSFS change, warnings and what the plan will change.

    Pain is followed on the scores given before a session and between sessions: a score just
    after a session says how that session felt, and mixing it in would make the pain look lower
    the more sessions there are (the records handed back keep every score).
    """
    felt = replace(records, pain=tuple(p for p in records.pain if p.moment != "after"))
    return Summary(records, summarize(felt, library))


def progress(*, source: TrackingSource, library: Mapping[str, Exercise], today: date) -> Summary:
    """The person's progress as of ``today`` (see :func:`summary_of`)."""
    return summary_of(source.tracking_input(today), library)


@dataclass(frozen=True)
class Overview:
    """Progress with the latest sessions and the activities named, as the progress page shows."""

    summary: Summary
    history: History
    activities: list[str]


def overview(
    *, store: Records, library: Mapping[str, Exercise], today: date, limit: int = 20
) -> Overview:
    """Everything the progress page shows."""
    return Overview(
        progress(source=store, library=library, today=today),
        store.history(limit),
        store.psfs_activities(),
    )


def history(*, store: Records, limit: int = 20) -> History:
    """The latest ``limit`` sessions and pain scores, newest first."""
    return store.history(limit)


__all__ = [
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
