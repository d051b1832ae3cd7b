"""The progress summary: the store's records through the tracking domain, ready to show."""

from __future__ import annotations

from typing import Any

from supple.library import Library
from supple.tracking import TrackingInput
from supple.tracking.adherence import done_days
from supple.web.deps import Context
from supple.web.schemas import PainPoint, ProgressOut, PsfsPoint, SessionRow


def build(ctx: Context, *, limit: int = 20) -> ProgressOut:
    """Everything the progress page and ``GET /api/v1/progress`` show."""
    today = ctx.today()
    inp = ctx.store.tracking_input(today)
    history = ctx.store.history(limit)
    return ProgressOut(
        today=today,
        session_days=sorted(done_days(inp.sessions)),
        pain=[PainPoint(day=p.day, score=p.score, moment=p.moment) for p in inp.pain],
        psfs=[PsfsPoint(day=p.day, activity=p.activity, score=p.score) for p in inp.psfs],
        activities=ctx.store.psfs_activities(),
        history=[SessionRow.model_validate(s, from_attributes=True) for s in history.sessions],
        **_tracking(inp, ctx.library),
    )


def _tracking(inp: TrackingInput, library: Library) -> dict[str, Any]:
    """Adherence, streak, pain trend, verdicts and warnings from :mod:`supple.tracking`."""
    from supple.tracking import summarize

    p = summarize(inp, library)
    verdict = p.pain_change.message
    if not inp.pain:  # the domain's hint names the CLI command; here the form is on the page
        verdict = "No pain scores yet: log one below, or score your pain in a session."
    return {
        "sessions_this_week": p.this_week.done,
        "planned_this_week": p.this_week.planned,
        "streak": p.streak_days,
        "pain_7day": p.pain_now,
        "pain_baseline": p.pain_change.baseline,
        "verdict": verdict,
        "verdict_kind": p.pain_change.verdict,
        "psfs_verdict": p.psfs_change.message if p.psfs_change else None,
        "warnings": list(p.warnings),
    }
