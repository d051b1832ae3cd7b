"""Today's routine: preview, refit to a time budget, swap items, save to play."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query
from fastapi.responses import Response

from supple.app import plans
from supple.session.timeline import Timeline
from supple.web import services, today
from supple.web.deps import ContextDep
from supple.web.schemas import ErrorOut, PlanOut, PlanRequest

router = APIRouter(
    tags=["plans"],
    responses={404: {"model": ErrorOut}, 409: {"model": ErrorOut}, 422: {"model": ErrorOut}},
)


@router.get("/plan/today", response_model=PlanOut)
def preview(ctx: ContextDep, minutes: Annotated[int | None, Query(ge=3, le=60)] = None) -> Response:
    """Today's routine for the latest profile, not saved (kept in the store until a write of
    the person's records or the next day)."""
    return Response(today.answer(ctx, minutes), media_type="application/json")


@router.post("/plans", response_model=PlanOut, status_code=201)
def create(body: PlanRequest, ctx: ContextDep) -> PlanOut:
    """Build today's routine with the given minutes and swaps, and save it (to play it)."""
    req, plan = services.todays_plan(ctx, minutes=body.minutes, swaps=body.swaps)
    plan_id = plans.keep(store=ctx.store, plan=plan)
    return services.plan_out(ctx, req, plan, plan_id=plan_id)


@router.get("/plans/{plan_id}", response_model=PlanOut)
def get(plan_id: int, ctx: ContextDep) -> PlanOut:
    """A saved plan."""
    plan = services.saved_plan(ctx, plan_id)
    req = plans.request(store=ctx.store, library=ctx.library, today=ctx.today())
    minutes = max(3, min(60, round(plan.total_seconds / 60)))
    out = services.plan_out(ctx, req, plan, plan_id=plan_id)
    return out.model_copy(update={"minutes": minutes})


@router.get(
    "/plans/{plan_id}/timeline",
    response_class=Response,
    responses={200: {"model": Timeline, "description": "the session timeline"}},
)
def timeline(
    plan_id: int,
    ctx: ContextDep,
    countdown_s: Annotated[int, Query(ge=0, le=30)] = 5,
) -> Response:
    """The guided-session timeline of a saved plan (segments with cues at offsets)."""
    return Response(services.timeline(ctx, plan_id, countdown_s), media_type="application/json")
