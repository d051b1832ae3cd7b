"""The progress page and ``GET /api/v1/progress``: the use case's overview, ready to show."""

from __future__ import annotations

from supple.app import tracking
from supple.presentation import pain_verdict, psfs_verdict, say
from supple.tracking.adherence import done_days
from supple.web.deps import Context
from supple.web.programme_schemas import support_out, walking_out
from supple.web.schemas import PainPoint, ProgressOut, PsfsPoint


def build(ctx: Context, *, limit: int = 20, days: int = tracking.RECENT_DAYS) -> ProgressOut:
    """Everything the progress page and ``GET /api/v1/progress`` show (the points of the last
    ``days`` days)."""
    today = ctx.today()
    seen = tracking.overview(
        store=ctx.store, library=ctx.library, today=today, limit=limit, days=days
    )
    inp, p = seen.summary.records, seen.summary.progress
    return ProgressOut(
        today=today,
        session_days=sorted(done_days(inp.sessions)),
        pain=[PainPoint(day=x.day, score=x.score, moment=x.moment) for x in inp.pain],
        psfs=[PsfsPoint(day=x.day, activity=x.activity, score=x.score) for x in inp.psfs],
        activities=seen.activities,
        history=list(seen.history.sessions),
        sessions_this_week=p.this_week.done,
        planned_this_week=p.this_week.planned,
        streak=p.streak_days,
        pain_7day=p.pain_now,
        pain_baseline=p.pain_change.baseline,
        verdict=pain_verdict(p.pain_change, on="page"),
        verdict_kind=p.pain_change.verdict,
        psfs_verdict=psfs_verdict(p.psfs_change) if p.psfs_change else None,
        warnings=[say(w) for w in p.warnings],
        walking=walking_out(p.walking),
        support=None if p.support is None else support_out(p.support),
        lessons_read=p.lessons_read,
    )
