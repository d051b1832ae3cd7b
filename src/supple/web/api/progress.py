"""Progress: pain and PSFS entries, the history, and the tracking summary."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from supple.app import tracking
from supple.web import progress_view
from supple.web.deps import ContextDep
from supple.web.schemas import ErrorOut, PainIn, ProgressOut, PsfsIn, SavedOut, ScoredOut

router = APIRouter(
    tags=["progress"], responses={409: {"model": ErrorOut}, 422: {"model": ErrorOut}}
)


@router.post("/pain", response_model=SavedOut, status_code=201)
def log_pain(body: PainIn, ctx: ContextDep) -> SavedOut:
    """Log today's pain, 0 (none) to 10 (worst imaginable), with an optional note."""
    saved = tracking.log_pain(store=ctx.store, score=body.score, note=body.note, at=ctx.clock())
    return SavedOut(id=saved)


@router.post("/psfs", response_model=ScoredOut, status_code=201)
def save_psfs(body: PsfsIn, ctx: ContextDep) -> ScoredOut:
    """Score up to five activities you find hard, 0 (cannot) to 10 (as before the pain)."""
    scores = {item.activity: item.score for item in body.items}
    count = tracking.score_activities(store=ctx.store, scores=scores, at=ctx.clock())
    return ScoredOut(scored=count)


@router.get("/progress", response_model=ProgressOut)
def progress(
    ctx: ContextDep,
    limit: Annotated[int, Query(ge=1, le=200)] = 20,
    days: Annotated[int, Query(ge=7, le=3660)] = tracking.RECENT_DAYS,
) -> ProgressOut:
    """Adherence, streak, pain trend, the meaningful-change verdict, PSFS and the history;
    ``session_days``, ``pain`` and ``psfs`` cover the last ``days`` days."""
    return progress_view.build(ctx, limit=limit, days=days)
