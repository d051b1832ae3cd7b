"""The progress page, with the daily pain and PSFS forms."""

from __future__ import annotations

from datetime import date

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from supple.app import corrections, sessions, tracking
from supple.web import charts, progress_view
from supple.web.deps import ContextDep
from supple.web.pages.render import form_lists, page, whole_number

router = APIRouter()


def render(
    request: Request,
    ctx: ContextDep,
    error: str | None = None,
    typed: dict[str, list[str]] | None = None,
) -> HTMLResponse:
    """The progress page (status 400 with ``error`` when a form was refused, with what was
    typed in the boxes again)."""
    sessions.close_stale(store=ctx.store, now=ctx.clock())
    out = progress_view.build(ctx)
    before = _daily([(p.day, p.score) for p in out.pain if p.moment != "after"])
    after = _daily([(p.day, p.score) for p in out.pain if p.moment == "after"])
    pain_chart = charts.line_chart(
        [
            charts.Series("Before a session, or on its own", before),
            charts.Series("Just after a session", after, alt=True),
        ],
        title="Pain over time, 0 to 10",
    )
    psfs_chart = charts.line_chart(
        [charts.Series("Average activity score", _daily([(p.day, p.score) for p in out.psfs]))],
        title="Activities you find hard, average score 0 to 10",
    )
    return page(
        request,
        "progress.html",
        status_code=400 if error else 200,
        nav="progress",
        out=out,
        pain_chart=pain_chart,
        psfs_chart=psfs_chart,
        calendar=charts.calendar(out.session_days, out.today),
        error=error,
        entries=tracking.history(store=ctx.store, limit=10),
        activities=corrections.activities(store=ctx.store),
        typed=typed or {},
        ctx=ctx,
    )


def _daily(points: list[tuple[date, int]]) -> list[tuple[date, float]]:
    """One point a day: the mean of that day's scores."""
    by_day: dict[date, list[int]] = {}
    for day, score in points:
        by_day.setdefault(day, []).append(score)
    return [(d, sum(v) / len(v)) for d, v in sorted(by_day.items())]


@router.get("/progress", response_class=HTMLResponse)
def progress(request: Request, ctx: ContextDep) -> HTMLResponse:
    return render(request, ctx)


@router.post("/progress/pain", response_class=HTMLResponse)
async def log_pain(request: Request, ctx: ContextDep) -> Response:
    form = await form_lists(request)
    score = whole_number((form.get("score") or [""])[-1], 0, 10)
    note = (form.get("note") or [""])[-1].strip()[:500] or None
    if score is None:
        return render(request, ctx, error="Pain is a whole number from 0 to 10.", typed=form)
    tracking.log_pain(store=ctx.store, score=score, note=note, at=ctx.clock())
    return RedirectResponse("/progress#pain", status_code=303)


@router.post("/progress/psfs", response_class=HTMLResponse)
async def save_psfs(request: Request, ctx: ContextDep) -> Response:
    form = await form_lists(request)
    names = form.get("activity", [])[:5]
    raw_scores = form.get("score", [])[:5]
    scores: dict[str, int] = {}
    for name, raw in zip(names, raw_scores, strict=False):
        name = " ".join(name.split())[:80]
        if not name and not raw.strip():
            continue
        score = whole_number(raw, 0, 10)
        if len(name) < 2 or score is None:
            return render(
                request,
                ctx,
                error="Each activity needs a name and a score from 0 to 10.",
                typed=form,
            )
        scores[name] = score
    if not scores:
        return render(request, ctx, error="Name at least one activity and score it.", typed=form)
    tracking.score_activities(store=ctx.store, scores=scores, at=ctx.clock())
    return RedirectResponse("/progress#psfs", status_code=303)
