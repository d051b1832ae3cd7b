"""Request and response models of the programme's routes: lessons, walking, the movement test,
the support check, leg symptoms after a session."""

from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING

from pydantic import BaseModel, ConfigDict, Field

from supple.planner.direction import Direction
from supple.tracking.direction_test import Outcome, TestPosition
from supple.tracking.stratify import Tier

if TYPE_CHECKING:
    from supple.app.lessons import Listed
    from supple.library.lessons import Lesson
    from supple.tracking.stratify import Screen, Stratification
    from supple.tracking.walking import WalkPlan, WalkWeek


class _In(BaseModel):
    model_config = ConfigDict(extra="forbid")


class LessonSummaryOut(BaseModel):
    """A lesson in the list, with the person's reading."""

    id: str
    title: str
    minutes: int
    summary: str
    read_on: datetime | None = None
    todays: bool = False


class LessonOut(LessonSummaryOut):
    """One lesson, whole: its paragraphs, the moves it points to, and its sources."""

    topics: list[str]
    body: list[str]
    exercises: list[str]
    sources: list[str]


def lesson_summary(entry: Listed) -> LessonSummaryOut:
    lesson = entry.lesson
    return LessonSummaryOut(
        id=lesson.id,
        title=lesson.title,
        minutes=lesson.minutes,
        summary=lesson.summary,
        read_on=entry.read_on,
        todays=entry.todays,
    )


def lesson_out(lesson: Lesson, *, read_on: datetime | None, todays: bool) -> LessonOut:
    return LessonOut(
        id=lesson.id,
        title=lesson.title,
        minutes=lesson.minutes,
        summary=lesson.summary,
        read_on=read_on,
        todays=todays,
        topics=list(lesson.topics),
        body=list(lesson.body),
        exercises=list(lesson.exercises),
        sources=list(lesson.sources),
    )


class WalkWeekOut(BaseModel):
    """One week of the walking plan."""

    number: int
    start: date
    target_s: int = Field(description="the daily walk asked for, in seconds")
    planned_s: int = Field(description="the week's walking: the daily walk on 5 days")
    walked_s: int
    days_walked: int
    ratio: float = Field(description="share of the week's walking done, 0 to 1")


class WalkingOut(BaseModel):
    """The walking plan (``started`` false before the person starts one)."""

    started: bool
    target_s: int | None = None
    walked_today_s: int = 0
    this_week: WalkWeekOut | None = None
    weeks: list[WalkWeekOut] = Field(default_factory=list)
    summary: str | None = Field(default=None, description="where it stands, in words")


def _week(week: WalkWeek) -> WalkWeekOut:
    return WalkWeekOut(
        number=week.number,
        start=week.start,
        target_s=week.target_s,
        planned_s=week.planned_s,
        walked_s=week.walked_s,
        days_walked=week.days_walked,
        ratio=round(week.ratio, 3),
    )


def walking_out(plan: WalkPlan | None) -> WalkingOut:
    from supple.presentation.programme import walk_summary

    if plan is None:
        return WalkingOut(started=False)
    return WalkingOut(
        started=True,
        target_s=plan.target_s,
        walked_today_s=plan.walked_today_s,
        this_week=_week(plan.this_week),
        weeks=[_week(w) for w in plan.weeks],
        summary=walk_summary(plan),
    )


class WalkIn(_In):
    minutes: float = Field(ge=1 / 60, le=300, description="how long you walked, in minutes")


class WalkStartIn(_In):
    minutes: float = Field(ge=1, le=60, description="minutes you can walk comfortably")


class ScreenOut(BaseModel):
    """One answered support check."""

    day: date
    total: int
    tier: Tier
    worry: bool
    words: str


class SupportOut(BaseModel):
    """The latest support check, the ones before, and when it is due again."""

    latest: ScreenOut | None
    history: list[ScreenOut] = Field(default_factory=list)
    due: bool
    due_on: date


def screen_out(screen: Screen) -> ScreenOut:
    from supple.presentation.programme import TIER_WORDS

    return ScreenOut(
        day=screen.day,
        total=screen.total,
        tier=screen.tier,
        worry=screen.worry,
        words=TIER_WORDS[screen.tier],
    )


def support_out(status: Stratification) -> SupportOut:
    return SupportOut(
        latest=None if status.latest is None else screen_out(status.latest),
        history=[screen_out(s) for s in status.history],
        due=status.due,
        due_on=status.due_on,
    )


class QuestionOut(BaseModel):
    id: str
    text: str
    low: int
    high: int
    low_label: str
    high_label: str
    choices: list[str] = Field(default_factory=list, description="labels of 1..10 (duration)")


class QuestionnaireOut(BaseModel):
    """The support check's questions and the person's status."""

    intro: str
    questions: list[QuestionOut]
    status: SupportOut


class QuestionnaireIn(_In):
    answers: dict[str, int] = Field(description="question id -> answer (ids: GET /screen-risk)")


class DirectionMoveOut(BaseModel):
    exercise: str
    name: str
    steps: str = Field(description="how to do ten repetitions of it, in words")


class DirectionTestOut(BaseModel):
    """The test for this person: what to do for each direction (null: not tested, its move
    is left out for them)."""

    position: TestPosition
    intro: str
    reps: int
    moves: dict[str, DirectionMoveOut | None]


class DirectionResultOut(BaseModel):
    """A test's result, with its reasons in words."""

    day: date | None = None
    prefer: Direction | None
    avoid: list[Direction]
    outcomes: dict[str, Outcome]
    lines: list[str]


class SpreadIn(_In):
    items: list[int] = Field(
        max_length=20, description="indices (0-based) of the moves during which leg symptoms spread"
    )


__all__ = [
    "DirectionMoveOut",
    "DirectionResultOut",
    "DirectionTestOut",
    "LessonOut",
    "LessonSummaryOut",
    "QuestionOut",
    "QuestionnaireIn",
    "QuestionnaireOut",
    "ScreenOut",
    "SpreadIn",
    "SupportOut",
    "WalkIn",
    "WalkStartIn",
    "WalkWeekOut",
    "WalkingOut",
    "lesson_out",
    "lesson_summary",
    "screen_out",
    "support_out",
    "walking_out",
]


class SpreadOut(BaseModel):
    """The moves of the latest session reported as spreading leg symptoms."""

    exercises: list[str] = Field(description="their exercise ids (each left out of the next plan)")
    ok: bool = True
