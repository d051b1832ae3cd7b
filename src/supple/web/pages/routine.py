"""Today's routine (refit, swap, start), one move from the library, and the guided player."""

from __future__ import annotations

import re

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from supple.app import plans, sessions
from supple.app import screening as verdicts
from supple.app.errors import NoProfile, Refused
from supple.library import Library
from supple.planner.model import Plan
from supple.planner.phrase import phrase
from supple.presentation import equipment_words, say
from supple.web import services
from supple.web.deps import Context, ContextDep
from supple.web.pages.library import entry_page
from supple.web.pages.render import form_lists, page, query_lists, whole_number

router = APIRouter()
_SLUG = re.compile(r"^[a-z0-9_]{1,60}$")
#: From this many moves left out for want of one thing, Today says what it would add.
EQUIPMENT_NOTE_FROM = 3


def _choices(
    values: dict[str, list[str]], library: Library
) -> tuple[int | None, dict[str, str], str | None]:
    """Minutes and swaps from query or form values; a bad value is reported, not fatal, and a
    swap naming an exercise the library does not have is dropped."""
    minutes: int | None = None
    problem = None
    raw = (values.get("minutes") or [""])[-1]
    if raw.strip():
        minutes = whole_number(raw, 3, 60)
        if minutes is None:
            problem = "Minutes must be a whole number from 3 to 60."
    swaps: dict[str, str] = {}
    for pair in values.get("swap", [])[:20]:
        old, _, new = pair.partition(":")
        if _SLUG.match(old) and _SLUG.match(new) and old != new:
            swaps[old] = new
        elif pair:
            problem = "That swap is not one this page offers; the routine is shown without it."
    swaps = {o: n for o, n in swaps.items() if o in library and n in library}
    return minutes, swaps, problem


def _first(ctx: Context) -> Response | None:
    """Where to send the person before any routine: the questions (first visit), the safety
    questions again (when they are due), the referral (when it withholds the routine)."""
    sessions.close_stale(store=ctx.store, now=ctx.clock())
    due = verdicts.rescreen(store=ctx.store, today=ctx.today())
    if due.reason == "no_answers":
        return RedirectResponse("/check?came=today", status_code=303)
    if due.due:
        return RedirectResponse(f"/check/safety?why={due.reason}", status_code=303)
    profile = verdicts.saved_profile(ctx.store)
    if not verdicts.judge(profile, today=ctx.today()).can_exercise:
        return RedirectResponse("/referral", status_code=303)
    return None


@router.get("/today", response_class=HTMLResponse)
def today(request: Request, ctx: ContextDep) -> Response:
    elsewhere = _first(ctx)
    if elsewhere is not None:
        return elsewhere
    minutes, swaps, problem = _choices(query_lists(request), ctx.library)
    req, plan = services.todays_plan(ctx, minutes=minutes, swaps=swaps)
    if not plan.items:
        return RedirectResponse("/referral", status_code=303)
    gains = plans.equipment_gain(plan, req.profile, ctx.library)
    wanted = sum(n for _, n in gains[:2]) >= EQUIPMENT_NOTE_FROM
    return page(
        request,
        "today.html",
        ctx=ctx,
        status_code=400 if problem else 200,
        nav="today",
        out=services.plan_out(ctx, req, plan, plan_id=None),
        programme=services.assigned(ctx, req),
        problem=problem,
        library=ctx.library,
        equipment_note=equipment_words(gains) if wanted else "",
        advice=[t for c, t in _advice(plan) if c != STOP_SIGNS],
        stop_signs=next((t for c, t in _advice(plan) if c == STOP_SIGNS), None),
    )


#: The advice shown in a box of its own, on Today and before the player starts.
STOP_SIGNS = "pregnancy_stop_signs"


def _advice(plan: Plan) -> list[tuple[str, str]]:
    """The plan's advice with its codes (a plan kept before the codes has words only)."""
    if len(plan.advice_codes) == len(plan.advice):
        return [(c.code, t) for c, t in zip(plan.advice_codes, plan.advice, strict=True)]
    return [("", t) for t in plan.advice]


@router.post("/today/start", response_class=HTMLResponse)
async def start(request: Request, ctx: ContextDep) -> Response:
    elsewhere = _first(ctx)
    if elsewhere is not None:
        return elsewhere
    minutes, swaps, _ = _choices(await form_lists(request), ctx.library)
    _, plan = services.todays_plan(ctx, minutes=minutes, swaps=swaps)
    if not plan.items:
        return RedirectResponse("/referral", status_code=303)
    plan_id = plans.keep(store=ctx.store, plan=plan)
    return RedirectResponse(f"/play/{plan_id}", status_code=303)


@router.post("/library/{exercise_id}/start", response_class=HTMLResponse)
def start_one(request: Request, exercise_id: str, ctx: ContextDep) -> Response:
    """Play one move of the library on its own (when the person's answers allow it)."""
    elsewhere = _first(ctx)
    if elsewhere is not None:
        return elsewhere
    try:
        plan = plans.single(
            store=ctx.store, library=ctx.library, exercise_id=exercise_id, today=ctx.today()
        )
    except Refused as exc:
        return entry_page(request, ctx, exercise_id, problem=str(exc))
    plan_id = plans.keep(store=ctx.store, plan=plan)
    return RedirectResponse(f"/play/{plan_id}", status_code=303)


@router.get("/play/{plan_id}", response_class=HTMLResponse)
def play(request: Request, plan_id: int, ctx: ContextDep) -> Response:
    plan = services.saved_plan(ctx, plan_id)
    try:
        profile = verdicts.saved_profile(ctx.store)
    except NoProfile:
        return RedirectResponse("/check?came=today", status_code=303)
    # Answers that refer withhold every routine, kept ones too, until the answers change.
    if not verdicts.judge(profile, today=ctx.today()).can_exercise:
        return RedirectResponse("/referral", status_code=303)
    due = verdicts.rescreen(store=ctx.store, today=ctx.today())
    if due.due:  # a kept routine too waits for the safety questions that are due
        return RedirectResponse(f"/check/safety?why={due.reason}", status_code=303)
    pregnant = "pregnancy" in profile.conditions
    return page(
        request,
        "play.html",
        ctx=ctx,
        nav="today",
        plan=plan,
        plan_id=plan_id,
        stop_signs=say(phrase(STOP_SIGNS)) if pregnant else None,
    )
