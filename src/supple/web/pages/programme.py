"""The programme's pages: lessons, the walking plan, the movement test, the support check, and
the question after a session. Plain forms: they work without JavaScript."""

from __future__ import annotations

import json
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from pydantic import ValidationError

from supple.app import direction, lessons, support, walking
from supple.app.errors import AppError, NoProfile
from supple.library import load_lessons
from supple.presentation import programme as words
from supple.session.feedback import asks_about_leg
from supple.tracking.direction_test import (
    LOCATIONS,
    REPS,
    TEST_POSITIONS,
    DirectionAnswers,
    Round,
    spreads,
)
from supple.tracking.stratify import ITEMS
from supple.web.deps import Context, ContextDep
from supple.web.pages.render import form_lists, page

router = APIRouter()


def _one(form: dict[str, list[str]], name: str) -> str:
    return (form.get(name) or [""])[-1].strip()


def _minutes(raw: str, low: float, high: float) -> float | None:
    try:
        value = float(raw.replace(",", "."))
    except ValueError:
        return None
    return value if low <= value <= high else None


# -- lessons ---------------------------------------------------------------------------------


@router.get("/learn", response_class=HTMLResponse)
def learn(request: Request, ctx: ContextDep) -> HTMLResponse:
    listed = lessons.listing(
        store=ctx.store,
        lessons=load_lessons(),
        today=ctx.today(),
        profile=ctx.store.latest_profile(),
    )
    return page(request, "learn.html", nav="learn", listed=listed)


@router.get("/learn/{lesson_id}", response_class=HTMLResponse)
def lesson(request: Request, lesson_id: str, ctx: ContextDep) -> HTMLResponse:
    every = load_lessons()
    found = every[lesson_id]  # an unknown id is a 404 page naming the closest ids
    read_on = ctx.store.lessons_read().get(found.id)
    ordered = every.in_order()
    at = ordered.index(found)
    return page(
        request,
        "lesson.html",
        nav="learn",
        lesson=found,
        read_on=read_on,
        library=ctx.library,
        after=ordered[at + 1] if at + 1 < len(ordered) else None,
    )


@router.post("/learn/{lesson_id}/read", response_class=HTMLResponse)
def mark_read(lesson_id: str, ctx: ContextDep) -> Response:
    found = lessons.read(
        store=ctx.store, lessons=load_lessons(), lesson_id=lesson_id, at=ctx.clock()
    )
    return RedirectResponse(f"/learn/{found.id}#read", status_code=303)


# -- walking ---------------------------------------------------------------------------------


def _walk_page(request: Request, ctx: Context, error: str | None = None) -> HTMLResponse:
    plan = walking.plan(source=ctx.store, today=ctx.today())
    return page(
        request,
        "walk.html",
        status_code=400 if error else 200,
        nav="progress",
        plan=plan,
        words=words,
        error=error,
    )


@router.get("/walk", response_class=HTMLResponse)
def walk(request: Request, ctx: ContextDep) -> HTMLResponse:
    return _walk_page(request, ctx)


@router.post("/walk/log", response_class=HTMLResponse)
async def log_walk(request: Request, ctx: ContextDep) -> Response:
    form = await form_lists(request)
    minutes = _minutes(_one(form, "minutes"), 0.5, 300)
    if minutes is None:
        return _walk_page(request, ctx, error="A walk is a number of minutes from 0.5 to 300.")
    walking.log(store=ctx.store, minutes=minutes, at=ctx.clock())
    back = _one(form, "back")
    return RedirectResponse(back if back in ("/today", "/progress") else "/walk", status_code=303)


@router.post("/walk/plan", response_class=HTMLResponse)
async def start_walking(request: Request, ctx: ContextDep) -> Response:
    minutes = _minutes(_one(await form_lists(request), "minutes"), 1, 60)
    if minutes is None:
        return _walk_page(
            request, ctx, error="Say how many minutes you can walk comfortably, 1 to 60."
        )
    walking.start(store=ctx.store, minutes=minutes, at=ctx.clock())
    return RedirectResponse("/walk", status_code=303)


# -- the movement test -----------------------------------------------------------------------


def _test_page(
    request: Request, ctx: Context, name: str, status_code: int = 200, **context: Any
) -> HTMLResponse:
    return page(
        request,
        name,
        status_code=status_code,
        nav="progress",
        words=words,
        locations=LOCATIONS,
        reps=REPS,
        **context,
    )


@router.get("/test-direction", response_class=HTMLResponse)
def test_direction(request: Request, ctx: ContextDep) -> Response:
    profile = ctx.store.latest_profile()
    if profile is None:
        return RedirectResponse("/check", status_code=303)
    latest = direction.latest(source=ctx.store, today=ctx.today())
    problem = None
    try:
        direction.moves(profile=profile, library=ctx.library, position="standing")
    except AppError as exc:
        problem = str(exc)
    return _test_page(
        request,
        ctx,
        "direction_start.html",
        latest=latest,
        problem=problem,
        positions=TEST_POSITIONS,
    )


@router.post("/test-direction", response_class=HTMLResponse)
async def test_step(request: Request, ctx: ContextDep) -> Response:
    """One step of the test: the answers so far travel in the form, and the last step keeps
    them all."""
    form = await form_lists(request)
    try:
        profile = ctx.store.latest_profile()
        if profile is None:
            raise NoProfile("answer the questions first")
        position = _one(form, "position")
        if position not in TEST_POSITIONS:
            raise ValueError("choose standing or lying")
        moves = direction.moves(profile=profile, library=ctx.library, position=position)
        rounds = [Round.model_validate(r) for r in json.loads(_one(form, "rounds") or "[]")]
        if _one(form, "direction"):
            rounds.append(_round_from(form))
    except (AppError, ValueError, ValidationError) as exc:
        message = (
            "; ".join(e["msg"] for e in exc.errors())
            if isinstance(exc, ValidationError)
            else str(exc)
        )
        return _test_page(
            request,
            ctx,
            "direction_start.html",
            status_code=400,
            latest=None,
            problem=f"That did not work: {message}. Start the test again.",
            positions=TEST_POSITIONS,
        )
    done = {r.direction for r in rounds}
    todo = [way for way, move in moves.items() if move is not None and way not in done]
    if todo:
        last = rounds[-1] if rounds else None
        stopped = last is not None and (last.stopped or spreads(last.before, last.after.where))
        return _test_page(
            request,
            ctx,
            "direction_step.html",
            position=position,
            way=todo[0],
            move=moves[todo[0]],
            steps=words.TEST_STEPS[(position, todo[0])],
            rounds=json.dumps([r.model_dump(mode="json") for r in rounds]),
            before=_one(form, "before") or (last.after.where if last else ""),
            first=not rounds,
            stopped=stopped,
        )
    answers = DirectionAnswers.model_validate({"position": position, "rounds": rounds})
    direction.record(
        store=ctx.store, profile=profile, library=ctx.library, answers=answers, at=ctx.clock()
    )
    return RedirectResponse("/test-direction/result", status_code=303)


def _round_from(form: dict[str, list[str]]) -> Round:
    stopped = _one(form, "outcome") == "stopped"
    reps = _one(form, "reps_done") if stopped else str(REPS)
    return Round.model_validate(
        {
            "direction": _one(form, "direction"),
            "before": _one(form, "before"),
            "reps": int(reps) if reps.isdigit() and int(reps) <= REPS else 0,
            "after": {"where": _one(form, "where"), "change": _one(form, "change") or "same"},
            "stopped": stopped,
        }
    )


@router.get("/test-direction/result", response_class=HTMLResponse)
def test_result(request: Request, ctx: ContextDep) -> HTMLResponse:
    latest = direction.latest(source=ctx.store, today=ctx.today())
    lines = [] if latest is None else words.direction_result_lines(latest.result)
    return _test_page(request, ctx, "direction_result.html", latest=latest, lines=lines)


# -- the support check -----------------------------------------------------------------------


def _screen_page(
    request: Request, ctx: Context, *, error: str | None = None, given: dict[str, str] | None = None
) -> HTMLResponse:
    status = support.status(source=ctx.store, today=ctx.today())
    return page(
        request,
        "screen_risk.html",
        status_code=400 if error else 200,
        nav="progress",
        words=words,
        items=ITEMS,
        status=status,
        error=error,
        given=given or {},
    )


@router.get("/screen-risk", response_class=HTMLResponse)
def screen_risk(request: Request, ctx: ContextDep) -> HTMLResponse:
    return _screen_page(request, ctx)


@router.post("/screen-risk", response_class=HTMLResponse)
async def answer_screen_risk(request: Request, ctx: ContextDep) -> Response:
    form = await form_lists(request)
    given = {item.id: _one(form, item.id) for item in ITEMS}
    answers = {k: int(v) for k, v in given.items() if v.isdecimal() and len(v) <= 3}
    try:
        support.answer(store=ctx.store, answers=answers, today=ctx.today(), at=ctx.clock())
    except AppError as exc:
        return _screen_page(
            request, ctx, error=f"Please answer every question ({exc}).", given=given
        )
    return RedirectResponse("/screen-risk#result", status_code=303)


# -- after a session -------------------------------------------------------------------------


@router.get("/after-session", response_class=HTMLResponse)
def after_session(request: Request, ctx: ContextDep, saved: bool = False) -> HTMLResponse:
    state = ctx.store.latest_session()
    profile = ctx.store.latest_profile()
    return page(
        request,
        "after_session.html",
        nav="today",
        plan=None if state is None else state.plan,
        asks_leg=profile is not None and asks_about_leg(profile),
        saved=saved,
    )


@router.post("/after-session", response_class=HTMLResponse)
async def after_session_answer(request: Request, ctx: ContextDep) -> Response:
    form = await form_lists(request)
    indices = [int(v) for v in form.get("item", [])[:20] if v.isdecimal() and len(v) <= 3]
    direction.report_spread(store=ctx.store, indices=indices, at=ctx.clock())
    return RedirectResponse("/after-session?saved=true", status_code=303)
