"""The programme beside the routine: lessons, the walking plan, the movement test, the support
check, and leg symptoms after a session."""

from __future__ import annotations

from datetime import date
from typing import Annotated

from fastapi import APIRouter, Query

from supple.app import direction, lessons, support, walking
from supple.app.errors import NotFound
from supple.app.screening import saved_profile
from supple.library import load_lessons
from supple.presentation.programme import (
    DURATION_BANDS,
    QUESTIONNAIRE_INTRO,
    QUESTIONS,
    TEST_INTRO,
    TEST_STEPS,
    direction_result_lines,
)
from supple.tracking.direction_test import REPS, DirectionAnswers, DirectionResult, TestPosition
from supple.tracking.stratify import ITEMS
from supple.web.deps import Context, ContextDep
from supple.web.programme_schemas import (
    DirectionMoveOut,
    DirectionResultOut,
    DirectionTestOut,
    LessonOut,
    LessonSummaryOut,
    QuestionnaireIn,
    QuestionnaireOut,
    QuestionOut,
    SpreadIn,
    SpreadOut,
    SupportOut,
    WalkIn,
    WalkingOut,
    WalkStartIn,
    lesson_out,
    lesson_summary,
    support_out,
    walking_out,
)
from supple.web.schemas import ErrorOut

router = APIRouter(tags=["programme"], responses={422: {"model": ErrorOut}})


# -- lessons ---------------------------------------------------------------------------------


def _lesson(ctx: Context, lesson_id: str | None) -> LessonOut:
    every = load_lessons()
    profile = ctx.store.latest_profile()
    listed = lessons.listing(store=ctx.store, lessons=every, today=ctx.today(), profile=profile)
    if lesson_id is None:
        entry = next((e for e in listed if e.todays), None)
        if entry is None:
            raise NotFound("no lesson today")
    else:
        every[lesson_id]  # an unknown id is a 404 with the closest ids
        entry = next(e for e in listed if e.lesson.id == lesson_id)
    return lesson_out(entry.lesson, read_on=entry.read_on, todays=entry.todays)


@router.get("/lessons", response_model=list[LessonSummaryOut])
def list_lessons(ctx: ContextDep) -> list[LessonSummaryOut]:
    """Every lesson in reading order, with the day you read it and which is today's."""
    found = lessons.listing(
        store=ctx.store,
        lessons=load_lessons(),
        today=ctx.today(),
        profile=ctx.store.latest_profile(),
    )
    return [lesson_summary(e) for e in found]


@router.get("/lessons/today", response_model=LessonOut, responses={404: {"model": ErrorOut}})
def todays_lesson(ctx: ContextDep) -> LessonOut:
    """Today's lesson: one a day, the ones not read yet first, as your answers suggest."""
    return _lesson(ctx, None)


@router.get("/lessons/{lesson_id}", response_model=LessonOut, responses={404: {"model": ErrorOut}})
def one_lesson(lesson_id: str, ctx: ContextDep) -> LessonOut:
    """One lesson, with its paragraphs and sources."""
    return _lesson(ctx, lesson_id)


@router.post(
    "/lessons/{lesson_id}/read", response_model=LessonOut, responses={404: {"model": ErrorOut}}
)
def read_lesson(lesson_id: str, ctx: ContextDep) -> LessonOut:
    """Mark a lesson read (the first time counts)."""
    lessons.read(store=ctx.store, lessons=load_lessons(), lesson_id=lesson_id, at=ctx.clock())
    return _lesson(ctx, lesson_id)


# -- walking ---------------------------------------------------------------------------------


@router.get("/walking", response_model=WalkingOut)
def walking_plan(ctx: ContextDep) -> WalkingOut:
    """The walking plan: today's walk, this week and the weeks before (``started`` false
    before you start one)."""
    return walking_out(walking.plan(source=ctx.store, today=ctx.today()))


@router.put("/walking", response_model=WalkingOut)
def start_walking(body: WalkStartIn, ctx: ContextDep) -> WalkingOut:
    """Start (or start again) the walking plan from the minutes you can walk comfortably."""
    walking.start(store=ctx.store, minutes=body.minutes, at=ctx.clock())
    return walking_out(walking.plan(source=ctx.store, today=ctx.today()))


@router.post("/walks", response_model=WalkingOut, status_code=201)
def log_walk(body: WalkIn, ctx: ContextDep) -> WalkingOut:
    """Log a walk, in minutes; the walking plan as it stands after it."""
    walking.log(store=ctx.store, minutes=body.minutes, at=ctx.clock())
    return walking_out(walking.plan(source=ctx.store, today=ctx.today()))


# -- the movement test -----------------------------------------------------------------------


def result_out(found: DirectionResult, day: date | None = None) -> DirectionResultOut:
    """A test's result as the API gives it."""
    return DirectionResultOut(
        day=day,
        prefer=found.prefer,
        avoid=list(found.avoid),
        outcomes=dict(found.outcomes),
        lines=direction_result_lines(found),
    )


@router.get(
    "/direction-test", response_model=DirectionTestOut, responses={409: {"model": ErrorOut}}
)
def direction_test(
    ctx: ContextDep, position: Annotated[TestPosition, Query()] = "standing"
) -> DirectionTestOut:
    """The movement test for you: how to do each direction (null: not tested, its move is
    left out for you). 409 when it is not for you (a referral, or no back or leg pain)."""
    found = direction.moves(
        profile=saved_profile(ctx.store), library=ctx.library, position=position
    )
    return DirectionTestOut(
        position=position,
        intro=TEST_INTRO,
        reps=REPS,
        moves={
            way: None
            if move is None
            else DirectionMoveOut(
                exercise=move.id, name=move.name, steps=TEST_STEPS[(position, way)]
            )
            for way, move in found.items()
        },
    )


@router.post(
    "/direction-tests",
    response_model=DirectionResultOut,
    status_code=201,
    responses={409: {"model": ErrorOut}},
)
def save_direction_test(body: DirectionAnswers, ctx: ContextDep) -> DirectionResultOut:
    """Keep a test's answers; its result sets the direction of your next routines."""
    found = direction.record(
        store=ctx.store,
        profile=saved_profile(ctx.store),
        library=ctx.library,
        answers=body,
        at=ctx.clock(),
    )
    return result_out(found, ctx.today())


@router.get(
    "/direction-tests/latest",
    response_model=DirectionResultOut,
    responses={404: {"model": ErrorOut}},
)
def latest_direction_test(ctx: ContextDep) -> DirectionResultOut:
    """Your latest movement test's result, with its reasons."""
    found = direction.latest(source=ctx.store, today=ctx.today())
    if found is None:
        raise NotFound("no movement test yet")
    return result_out(found.result, found.day)


@router.post(
    "/sessions/latest/spread",
    response_model=SpreadOut,
    status_code=201,
    responses={404: {"model": ErrorOut}},
)
def report_spread(body: SpreadIn, ctx: ContextDep) -> SpreadOut:
    """After a session: the moves during which leg symptoms spread further down the leg (each
    is left out of the next plan, with the direction it bends the spine in)."""
    named = direction.report_spread(store=ctx.store, indices=body.items, at=ctx.clock())
    return SpreadOut(exercises=named)


# -- the support check -----------------------------------------------------------------------


def questions() -> list[QuestionOut]:
    """The ten questions in words."""
    out = []
    for item in ITEMS:
        text, low, high = QUESTIONS[item.id]
        bands = list(DURATION_BANDS) if item.id == "duration" else []
        out.append(
            QuestionOut(
                id=item.id,
                text=text,
                low=item.low,
                high=item.high,
                low_label=low,
                high_label=high,
                choices=bands,
            )
        )
    return out


@router.get("/screen-risk", response_model=QuestionnaireOut)
def screen_risk(ctx: ContextDep) -> QuestionnaireOut:
    """The support check's ten questions, your latest answers' group and when it is due."""
    status = support.status(source=ctx.store, today=ctx.today())
    return QuestionnaireOut(
        intro=QUESTIONNAIRE_INTRO, questions=questions(), status=support_out(status)
    )


@router.post("/screen-risk", response_model=SupportOut, status_code=201)
def answer_screen_risk(body: QuestionnaireIn, ctx: ContextDep) -> SupportOut:
    """Answer the support check: low, medium or high, and what support helps most."""
    support.answer(store=ctx.store, answers=body.answers, today=ctx.today(), at=ctx.clock())
    return support_out(support.status(source=ctx.store, today=ctx.today()))
