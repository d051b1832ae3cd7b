"""Today's routine (refit, swap, start) and the guided player page."""

from __future__ import annotations

import re

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from supple.app import plans
from supple.app.errors import NoProfile
from supple.library import Library
from supple.web import services
from supple.web.deps import ContextDep
from supple.web.pages.render import form_lists, page, query_lists, whole_number

router = APIRouter()
_SLUG = re.compile(r"^[a-z0-9_]{1,60}$")


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
            problem = f"'{pair[:60]}' is not a swap this page knows."
    swaps = {o: n for o, n in swaps.items() if o in library and n in library}
    return minutes, swaps, problem


@router.get("/today", response_class=HTMLResponse)
def today(request: Request, ctx: ContextDep) -> Response:
    minutes, swaps, problem = _choices(query_lists(request), ctx.library)
    try:
        req, plan = services.todays_plan(ctx, minutes=minutes, swaps=swaps)
    except NoProfile:
        return RedirectResponse("/check", status_code=303)
    if plan.status == "refer" and not plan.items:
        return RedirectResponse("/referral", status_code=303)
    return page(
        request,
        "today.html",
        status_code=400 if problem else 200,
        nav="today",
        out=services.plan_out(ctx, req, plan, plan_id=None),
        problem=problem,
        library=ctx.library,
    )


@router.post("/today/start", response_class=HTMLResponse)
async def start(request: Request, ctx: ContextDep) -> Response:
    minutes, swaps, _ = _choices(await form_lists(request), ctx.library)
    try:
        _, plan = services.todays_plan(ctx, minutes=minutes, swaps=swaps)
    except NoProfile:
        return RedirectResponse("/check", status_code=303)
    if not plan.items:
        return RedirectResponse("/referral", status_code=303)
    plan_id = plans.keep(store=ctx.store, plan=plan)
    return RedirectResponse(f"/play/{plan_id}", status_code=303)


@router.get("/play/{plan_id}", response_class=HTMLResponse)
def play(request: Request, plan_id: int, ctx: ContextDep) -> HTMLResponse:
    plan = services.saved_plan(ctx, plan_id)
    return page(request, "play.html", nav="today", plan=plan, plan_id=plan_id)
