"""What tracking works on: plain records of what a person did and felt, one day at a time."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any, Literal

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


@dataclass(frozen=True, slots=True)
class DoneRecord:
    """An exercise done in a session on a day (what a flare after the session steps back)."""

    day: date
    exercise: str
    session: int = 0


@dataclass(frozen=True, slots=True)
class WalkRecord:
    """A walk logged on a day, in seconds."""

    day: date
    seconds: int


@dataclass(frozen=True, slots=True)
class WalkStart:
    """The walking plan began on ``day`` from what the person can walk comfortably."""

    day: date
    comfortable_s: int


@dataclass(frozen=True, slots=True)
class DirectionTestRecord:
    """A directional-preference test taken on a day: its answers, as the test stores them."""

    day: date
    answers: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class SpreadRecord:
    """Leg symptoms spread further down the leg during an exercise of a session."""

    day: date
    exercise: str


@dataclass(frozen=True, slots=True)
class ScreenRecord:
    """The stratification questionnaire answered on a day (item id -> 0-10 answer)."""

    day: date
    answers: dict[str, int] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class LessonRead:
    """A lesson the person marked read on a day."""

    day: date
    lesson: str


@dataclass(frozen=True)
class TrackingInput:
    """Everything tracking needs, oldest first; ``today`` anchors "this week"."""

    today: date
    sessions: tuple[SessionRecord, ...] = ()
    pain: tuple[PainRecord, ...] = ()
    feedback: tuple[FeedbackRecord, ...] = ()
    psfs: tuple[PsfsRecord, ...] = ()
    days_per_week: int = 7
    done: tuple[DoneRecord, ...] = ()
    walks: tuple[WalkRecord, ...] = ()
    walk_start: WalkStart | None = None
    direction_tests: tuple[DirectionTestRecord, ...] = ()
    spreads: tuple[SpreadRecord, ...] = ()
    screens: tuple[ScreenRecord, ...] = ()
    lessons_read: tuple[LessonRead, ...] = ()
