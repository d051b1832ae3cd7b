"""What tracking works on: plain records of what a person did and felt, one day at a time."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Literal

from supple.session.kinds import Feedback

SessionStatus = Literal["in_progress", "finished", "stopped"]
PainMoment = Literal["before", "after", "daily"]


@dataclass(frozen=True, slots=True)
class SessionRecord:
    """A session on a (local) day and how it ended."""

    day: date
    status: SessionStatus


@dataclass(frozen=True, slots=True)
class PainRecord:
    """A pain score 0–10 on a day."""

    day: date
    score: int
    moment: PainMoment = "daily"


@dataclass(frozen=True, slots=True)
class FeedbackRecord:
    """Quick feedback on one exercise in a session on a day."""

    day: date
    exercise: str
    feedback: Feedback
    session: int = 0


@dataclass(frozen=True, slots=True)
class PsfsRecord:
    """One Patient-Specific Functional Scale score (0 unable … 10 as before) of one activity."""

    day: date
    activity: str
    score: int


@dataclass(frozen=True)
class TrackingInput:
    """Everything tracking needs, oldest first; ``today`` anchors "this week"."""

    today: date
    sessions: tuple[SessionRecord, ...] = ()
    pain: tuple[PainRecord, ...] = ()
    feedback: tuple[FeedbackRecord, ...] = ()
    psfs: tuple[PsfsRecord, ...] = ()
    days_per_week: int = 7
