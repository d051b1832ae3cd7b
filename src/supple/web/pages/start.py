"""Welcome, the step-by-step screening, and the referral page."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from supple.app import screening as verdicts
from supple.web import screening, services
from supple.web.access import PATIENT
from supple.web.deps import ContextDep
from supple.web.pages.render import form_lists, page

router = APIRouter()


@router.get("/", response_class=HTMLResponse)
def welcome(request: Request, ctx: ContextDep) -> HTMLResponse:
    return page(request, "welcome.html", nav="home", profile=ctx.store.latest_profile())


def _form(request: Request, error: str | None = None, status: int = 200) -> HTMLResponse:
    return page(
        request,
        "check.html",
        status_code=status,
        nav="check",
        steps=screening.STEPS,
        words=screening,
        error=error,
    )


@router.get("/check", response_class=HTMLResponse, dependencies=[PATIENT])
def check(request: Request) -> HTMLResponse:
    return _form(request)


@router.post("/check", response_class=HTMLResponse)
async def submit(request: Request, ctx: ContextDep) -> Response:
    try:
        profile = screening.profile_from_form(await form_lists(request), today=ctx.today())
    except screening.FormError as exc:
        return _form(request, error=str(exc), status=400)
    if verdicts.answer(store=ctx.store, profile=profile, today=ctx.today()).status == "refer":
        return RedirectResponse("/referral", status_code=303)
    return RedirectResponse("/today", status_code=303)


@router.get("/referral", response_class=HTMLResponse)
def referral(request: Request, ctx: ContextDep) -> Response:
    profile = ctx.store.latest_profile()
    if profile is None:
        return RedirectResponse("/check", status_code=303)
    verdict = services.screening_out(verdicts.judge(profile, today=ctx.today()))
    return page(
        request,
        "referral.html",
        nav="check",
        verdict=verdict,
        flags=[screening.RED_FLAGS[f] for f in profile.red_flags],
    )
