"""Guided sessions: begin one, then post each event as it happens (idempotent on its key)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Query

from supple.app import sessions
from supple.session.timeline import Timeline
from supple.web import services
from supple.web.deps import ContextDep
from supple.web.schemas import (
    EasierIn,
    EasierOut,
    ErrorOut,
    EventOut,
    SessionEventIn,
    SessionOut,
    SessionStart,
)

router = APIRouter(
    tags=["sessions"],
    responses={404: {"model": ErrorOut}, 409: {"model": ErrorOut}, 422: {"model": ErrorOut}},
)
SessionKey = Annotated[str, Path(min_length=8, max_length=64, description="the session's key")]


@router.post("/sessions", response_model=SessionOut, status_code=201)
def begin(body: SessionStart, ctx: ContextDep) -> SessionOut:
    """Begin a session of a saved plan; the same ``key`` again returns the same session."""
    with ctx.writing():
        session = services.session(ctx, body.plan_id, body.key, at=body.at)
    return SessionOut(session_id=session.id, key=body.key)


@router.post("/plans/{plan_id}/sessions/{session_key}/events", response_model=EventOut)
def record(
    plan_id: int, session_key: SessionKey, event: SessionEventIn, ctx: ContextDep
) -> EventOut:
    """Record one event of the session ``session_key`` of plan ``plan_id``.

    An event whose ``key`` was stored before is ignored (``stored: false``), so a retry or an
    offline queue sent twice counts once. If the session's begin request was lost, the first
    event begins it.
    """
    # An unknown plan (404) or an event that is not the plan's (422) writes nothing.
    sessions.check_event(services.saved_plan(ctx, plan_id), event)
    with ctx.writing():
        session = services.session(ctx, plan_id, session_key, at=event.at)
        stored = sessions.record(store=ctx.store, session=session, event=event)
    return EventOut(stored=stored, key=event.key)


@router.post("/plans/{plan_id}/sessions/{session_key}/easier", response_model=EasierOut)
def easier(
    plan_id: int,
    session_key: SessionKey,
    body: EasierIn,
    ctx: ContextDep,
    countdown_s: Annotated[int, Query(ge=0, le=30)] = 5,
) -> EasierOut:
    """Take the easier variant of item ``index``, which hurt, as the terminal does: it comes in
    right after that item (recorded as skipped), and the session follows the new plan (post its
    later events under the new ``plan_id``). 409 when there is no easier variant."""
    services.saved_plan(ctx, plan_id)
    with ctx.writing():
        found = services.take_easier(ctx, plan_id, session_key, body.index)
    return EasierOut(
        plan_id=found.plan_id,
        index=body.index + 1,
        timeline=Timeline.model_validate_json(services.timeline(ctx, found.plan_id, countdown_s)),
    )
