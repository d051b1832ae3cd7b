"""Guided sessions: begin one, then post each event as it happens (idempotent on its key)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path

from supple.session.events import SessionEvent
from supple.web import services
from supple.web.deps import ContextDep
from supple.web.schemas import ErrorOut, EventOut, SessionOut, SessionStart

router = APIRouter(
    tags=["sessions"], responses={404: {"model": ErrorOut}, 422: {"model": ErrorOut}}
)
SessionKey = Annotated[str, Path(min_length=8, max_length=64, description="the session's key")]


@router.post("/sessions", response_model=SessionOut, status_code=201)
def begin(body: SessionStart, ctx: ContextDep) -> SessionOut:
    """Begin a session of a saved plan; the same ``key`` again returns the same session."""
    services.saved_plan(ctx, body.plan_id)
    with ctx.writing():
        session_id = ctx.store.begin_session(body.plan_id, key=body.key, at=body.at)
    return SessionOut(session_id=session_id, key=body.key)


@router.post("/plans/{plan_id}/sessions/{session_key}/events", response_model=EventOut)
def record(plan_id: int, session_key: SessionKey, event: SessionEvent, ctx: ContextDep) -> EventOut:
    """Record one event of the session ``session_key`` of plan ``plan_id``.

    An event whose ``key`` was stored before is ignored (``stored: false``), so a retry or an
    offline queue sent twice counts once. If the session's begin request was lost, the first
    event begins it.
    """
    plan = services.saved_plan(ctx, plan_id)
    services.check_event(plan, event)
    with ctx.writing():
        # A key names one session for good, so its id is remembered after the first event.
        session_id: int = ctx.memo.get(
            ("session", plan_id, session_key),
            lambda: ctx.store.begin_session(plan_id, key=session_key, at=event.at),
        )
        stored = ctx.store.record(session_id, event)
    return EventOut(stored=stored, key=event.key)
