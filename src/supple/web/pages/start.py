"""Welcome, the step-by-step screening (and its safety step alone, when it is due again), and
the referral page."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from supple.app import screening as verdicts
from supple.app.errors import NoProfile
from supple.presentation import both_ways_words, emergency_number, rescreen_words
from supple.web import screening, services
from supple.web.deps import Context, ContextDep
from supple.web.pages.render import form_lists, page

router = APIRouter()


@router.get("/", response_class=HTMLResponse)
def welcome(request: Request, ctx: ContextDep) -> HTMLResponse:
    profile = ctx.store.latest_profile()
    return page(request, "welcome.html", ctx=ctx, nav="home", profile=profile)


def _form(
    request: Request,
    ctx: Context,
    *,
    safety_only: bool = False,
    answers: Mapping[str, Sequence[str]] | None = None,
    problems: Mapping[str, str] | None = None,
    open_step: str | None = None,
    intro: str | None = None,
    status: int = 200,
) -> HTMLResponse:
    """The questions (or the safety step alone), with what was typed and what to look at."""
    asked = None
    if safety_only:
        profile = verdicts.saved_profile(ctx.store)
        asked = screening.asked(profile.model_dump())
    return page(
        request,
        "check.html",
        ctx=ctx,
        status_code=status,
        nav="check",
        heading="The safety questions again" if safety_only else "A few questions",
        steps=screening.SAFETY if safety_only else screening.STEPS,
        action="/check/safety" if safety_only else "/check",
        submit_label="Save my answers" if safety_only else "See my routine",
        asked=asked,
        words=screening,
        both_ways=both_ways_words("{activity}"),
        fresh=answers is None,
        answers=answers or {},
        problems=problems or {},
        open_step=open_step,
        intro=intro,
    )


@router.get("/check", response_class=HTMLResponse)
def check(request: Request, ctx: ContextDep, came: str | None = None) -> HTMLResponse:
    # A first visit to Today comes here: say why, rather than leave the person wondering.
    intro = rescreen_words("no_answers") if came == "today" else None
    return _form(request, ctx, intro=intro)


def _after(verdict: verdicts.Verdict) -> RedirectResponse:
    where = "/referral" if verdict.status == "refer" else "/today"
    return RedirectResponse(where, status_code=303)


@router.post("/check", response_class=HTMLResponse)
async def submit(request: Request, ctx: ContextDep) -> Response:
    form = await form_lists(request)
    try:
        profile = screening.profile_from_form(form, today=ctx.today())
    except screening.FormError as exc:
        return _form(
            request, ctx, answers=form, problems=exc.problems, open_step=exc.step, status=400
        )
    return _after(verdicts.answer(store=ctx.store, profile=profile, today=ctx.today()))


@router.get("/check/safety", response_class=HTMLResponse)
def safety(request: Request, ctx: ContextDep, why: str | None = None) -> Response:
    try:
        return _form(request, ctx, safety_only=True, intro=rescreen_words(why))
    except NoProfile:
        return RedirectResponse("/check", status_code=303)


@router.post("/check/safety", response_class=HTMLResponse)
async def safety_again(request: Request, ctx: ContextDep) -> Response:
    form = await form_lists(request)
    try:
        profile = verdicts.saved_profile(ctx.store)
        flags, cleared, bout = screening.safety_from_form(
            form, today=ctx.today(), answers=profile.model_dump()
        )
    except NoProfile:
        return RedirectResponse("/check", status_code=303)
    except screening.FormError as exc:
        problems: dict[str, Any] = exc.problems
        return _form(request, ctx, safety_only=True, answers=form, problems=problems, status=400)
    verdict = verdicts.answer_safety(
        store=ctx.store, red_flags=flags, cleared=cleared, bout=bout, today=ctx.today()
    )
    return _after(verdict)


@router.get("/referral", response_class=HTMLResponse)
def referral(request: Request, ctx: ContextDep) -> Response:
    profile = ctx.store.latest_profile()
    if profile is None:
        return RedirectResponse("/check", status_code=303)
    verdict = services.screening_out(verdicts.judge(profile, today=ctx.today()))
    number = ctx.web.settings.emergency_number or emergency_number(
        request.headers.get("accept-language")
    )
    return page(
        request,
        "referral.html",
        ctx=ctx,
        nav="check",
        verdict=verdict,
        flags=[screening.RED_FLAGS[f] for f in profile.red_flags],
        emergency=number,
    )
